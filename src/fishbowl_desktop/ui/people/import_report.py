"""The import dialog's report: why each skipped row was skipped and who would be (or was) updated, in the
moderator's language, so the organiser can fix the spreadsheet and import the rest again."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from fishbowl_desktop.spreadsheets import ImportResult, SkipReason

REPORT_LINES = 500
"""The report shows at most this many lines, then "… and N more"."""


class ImportReport(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setMaximumHeight(110)
        self.hide()

    def reason_text(self, reason: SkipReason) -> str:
        texts = {
            "no_name": self.tr("no name"),
            "name_too_long": self.tr("name longer than {limit} characters"),
            "organisation_too_long": self.tr("organisation longer than {limit} characters"),
            "language_too_long": self.tr("language longer than {limit} characters"),
            "unknown_role": self.tr("unknown role “{value}” (use Moderation, Podium or Publikum)"),
            "unclear_consent": self.tr("unclear consent “{value}” (use ja or nein)"),
            "duplicate_existing": self.tr("{who} is already on the participant list"),
            "duplicate_in_file": self.tr("{who} already appears in row {row}"),
            "invalid": "{message}",
        }
        return texts.get(reason.code, str(reason)).format(**dict(reason.values))

    def show_result(self, result: ImportResult, *, updates: bool = True) -> None:
        """Who would be (or was) updated, when `updates`, then every skipped row with its reason."""
        self._show_lines((self._update_lines(result) if updates else []) + self._skip_lines(result))

    def _skip_lines(self, result: ImportResult) -> list[str]:
        return [
            self.tr("Row {row}: {reason}").format(row=row, reason=self.reason_text(reason))
            for row, reason in result.skipped
        ]

    def _update_lines(self, result: ImportResult) -> list[str]:
        lines = []
        for row, old, new in result.updates:
            if new.name != old.name:
                lines.append(
                    self.tr("Row {row}: updates {name} (on the list as “{old}”)").format(
                        row=row, name=new.name, old=old.name
                    )
                )
            else:
                lines.append(self.tr("Row {row}: updates {name}, already on the list").format(row=row, name=new.name))
        return lines

    def _show_lines(self, lines: list[str]) -> None:
        shown = lines[:REPORT_LINES]
        if len(lines) > REPORT_LINES:
            shown.append(self.tr("… and {n} more").format(n=len(lines) - REPORT_LINES))
        self.setPlainText("\n".join(shown))
        self.setVisible(bool(lines))
