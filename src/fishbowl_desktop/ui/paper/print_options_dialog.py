"""Before the sign-in sheet, the report or the handout is printed: the few choices an organiser makes for this print.

Opened with `open()` and answering through `chosen`, so the timer keeps ticking meanwhile. The dialog
holds nothing of its own beyond its widgets: it reads a PrintOptions and hands back a new one.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fishbowl_desktop.documents.options import PrintOptions
from fishbowl_desktop.model.paper import EXTRA_COLUMNS, MAX_RESERVE_ROWS
from fishbowl_desktop.ui.paper.logo_picker import LogoPicker
from fishbowl_desktop.ui.widgets.sheet import style_dialog


class PrintOptionsDialog(QDialog):
    chosen = Signal(object)
    """The PrintOptions, once the organiser pressed Continue."""

    def __init__(
        self,
        kind: str,
        options: PrintOptions,
        unlisted: int,
        parent: QWidget | None = None,
        audience_link: str = "",
        gaps: tuple[str, ...] = (),
    ):
        super().__init__(parent)
        style_dialog(self)
        self.kind = kind
        self._options = options
        self._audience_link = audience_link
        """The room's audience link the handout may carry as a QR code ("": the room has no links)."""
        form = QFormLayout()
        self._build_fields(options, audience_link, gaps)
        if kind == "handout":
            self._handout_form(form, audience_link)
        elif kind == "attendees":
            self._attendees_form(form, unlisted)
        else:
            self._report_form(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Continue…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._keep_sentences_whole()

    def _keep_sentences_whole(self) -> None:
        """Qt lets a window with wrapped sentences shrink to nothing (its minimum ignores the lines a sentence
        needs at a width); here the smallest size is the narrowest width with every sentence's lines under it."""
        layout = self.layout()
        assert layout is not None
        layout.activate()
        width = max(self.minimumWidth(), layout.totalMinimumSize().width())
        self.setMinimumSize(width, max(self.heightForWidth(width), layout.totalMinimumSize().height()))

    # ------------------------------------------------------------------ the parts
    def _build_fields(self, options: PrintOptions, audience_link: str, gaps: tuple[str, ...]) -> None:
        """Every field, whichever document is asked for: `options()` reads them all."""
        self.reserve = QSpinBox()
        self.reserve.setRange(0, MAX_RESERVE_ROWS)
        self.reserve.setValue(options.reserve_rows)
        self.column = QComboBox()
        labels = {
            "organisation": self.tr("Organisation"),
            "residence": self.tr("Place of residence / postcode"),
            "both": self.tr("Organisation and place of residence / postcode"),
            "none": self.tr("None"),
        }
        for key in EXTRA_COLUMNS:
            self.column.addItem(labels[key], key)
        self.column.setCurrentIndex(EXTRA_COLUMNS.index(options.extra_column))
        self.per_person = QCheckBox(self.tr("One sheet per person (nobody sees the other names)"))
        self.per_person.setChecked(options.one_sheet_per_person)
        self.short = QSpinBox()
        self.short.setRange(0, 600)
        self.short.setSuffix(self.tr(" s"))
        self.short.setValue(round(options.short_turn_seconds))
        self.signoff_every_page = QCheckBox(self.tr("The lead's &confirmation on every page, not only the last"))
        self.all_blank = QCheckBox(self.tr("All rows &blank: every name is written by hand"))
        self.pdf_a = QCheckBox(self.tr("Archive copy (PDF/&A-2b), for lists kept for years"))
        self.gaps = QLabel(self._gaps_text(gaps))
        """What a funder needs that the event leaves empty (issue 25): the sheet leaves a line for each."""
        self.gaps.setWordWrap(True)
        self.gaps.setStyleSheet("color: #8a4b00; font-weight: 600;")
        self.gaps.setVisible(bool(gaps))
        self.wifi = QLineEdit(options.wifi_name)
        self.wifi.setPlaceholderText(self.tr("e.g. Saal-Gast"))
        self.wifi.setMaxLength(64)
        self.audience_qr = QCheckBox(self.tr("Print the &audience QR code"))
        self.audience_qr.setChecked(bool(audience_link) and bool(options.audience_link))
        self.audience_qr.setEnabled(bool(audience_link))
        self.logo = LogoPicker(options.logo)
        """The funder's or organiser's logo on the handout and the sheet (not on the report)."""

    def _handout_form(self, form: QFormLayout, audience_link: str) -> None:
        self.setWindowTitle(self.tr("Print the handout"))
        form.addRow(self.tr("&Logo"), self.logo)
        if not audience_link:
            self.audience_qr.setParent(self)
            self.audience_qr.hide()  # no room links: nothing to print a QR code of
            self.setMinimumWidth(480)
            return
        form.addRow("", self.audience_qr)
        note = QLabel(
            self.tr(
                "A box on page 1 with the room's audience link, so people can ask for the free chair from their "
                "phone. Phones reach it only on the network this laptop is on now:"
            )
        )
        note.setWordWrap(True)
        form.addRow("", note)
        link = QLabel(audience_link)
        link.setTextFormat(Qt.TextFormat.PlainText)
        link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bold = link.font()
        bold.setBold(True)
        link.setFont(bold)
        form.addRow("", link)
        form.addRow(self.tr("Hall's &Wi-Fi network"), self.wifi)
        self.setMinimumWidth(max(480, link.sizeHint().width() + 80))

    def _attendees_form(self, form: QFormLayout, unlisted: int) -> None:
        self.setWindowTitle(self.tr("Print the attendee sheet"))
        form.addRow(self.gaps)
        form.addRow(self.tr("&Reserve rows for walk-ins"), self.reserve)
        note = QLabel(
            (
                self.tr("1 more empty row is added for the person who did not agree to appear on printed lists.")
                if unlisted == 1
                else self.tr(
                    "{n} more empty rows are added for the people who did not agree to appear on printed lists."
                )
            ).format(n=unlisted)
        )
        note.setWordWrap(True)
        form.addRow("", note)
        form.addRow(self.tr("&Extra column"), self.column)
        form.addRow("", self.per_person)
        form.addRow("", self.signoff_every_page)
        form.addRow("", self.all_blank)
        form.addRow("", self.pdf_a)
        form.addRow(self.tr("&Logo"), self.logo)

    def _report_form(self, form: QFormLayout) -> None:
        self.setWindowTitle(self.tr("Print the report"))
        form.addRow(self.tr("&Turns shorter than this are accidental"), self.short)
        note = QLabel(self.tr("They are marked in the speech log and left out of the statistics."))
        note.setWordWrap(True)
        form.addRow("", note)
        self.setMinimumWidth(480)  # the sentence in lines, not a column of single words

    def options(self) -> PrintOptions:
        return replace(
            self._options,
            reserve_rows=self.reserve.value(),
            extra_column=str(self.column.currentData()),
            one_sheet_per_person=self.per_person.isChecked(),
            short_turn_seconds=float(self.short.value()),
            print_anyway=False,
            audience_link=self._audience_link if self.audience_qr.isChecked() else "",
            signoff_every_page=self.signoff_every_page.isChecked(),
            all_rows_blank=self.all_blank.isChecked(),
            pdf_a=self.pdf_a.isChecked(),
            wifi_name=self.wifi.text().strip(),
            logo=self.logo.path if self.kind in ("handout", "attendees") else self._options.logo,
        )

    def _gaps_text(self, gaps: tuple[str, ...]) -> str:
        names = {
            "date": self.tr("no date"),
            "venue": self.tr("no place"),
            "organiser": self.tr("no organiser (the privacy notice then names no controller)"),
        }
        return self.tr(
            "A funder needs these, and this event has {gaps}. The sheet leaves a line to write each in by hand; "
            "fill them in under Event settings to print them."
        ).format(gaps=", ".join(names[g] for g in gaps))

    def accept(self) -> None:
        super().accept()
        self.chosen.emit(self.options())
