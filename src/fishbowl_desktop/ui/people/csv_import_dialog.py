"""Import a sign-in list: pick the file, check the guessed columns against a preview, import in one undo step.

The dialog shows what it understood (encoding, delimiter, which column is which) before anything changes,
keeps a live count of what would be imported, and afterwards lists every skipped row with its reason, so
the organiser can fix the spreadsheet and import the rest again (people already imported are recognised).
"""

from __future__ import annotations

import stat
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.controller.session_controller import StepwiseChange, translated_error
from fishbowl_desktop.model import FishbowlError, Participant
from fishbowl_desktop.spreadsheets import (
    CsvTable,
    ImportResult,
    RowCheck,
    SkipReason,
    guess_mapping,
    lost_letters,
    read_participants_csv,
)
from fishbowl_desktop.ui.people.import_preview import ImportPreview
from fishbowl_desktop.ui.people.import_report import ImportReport
from fishbowl_desktop.ui.widgets.form_error import error_label
from fishbowl_desktop.ui.widgets.sheet import style_dialog

MAX_FILE_BYTES = 30 * 1024 * 1024
"""A 100,000-row sign-in list with bios fits; a video picked by mistake does not."""
CHECK_CHUNK = 2000
"""Rows checked per step of the event loop: a 100,000-row list is checked in about 50 steps, with a
progress bar and Cancel, and the console stays responsive in between."""
ADD_CHUNK = 2000
"""People added per step of a long import."""


class CsvImportDialog(QDialog):
    imported = Signal(int, int)
    """(imported, skipped) after an import went through."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None):
        super().__init__(parent)
        style_dialog(self)
        self._controller = controller
        self._table: CsvTable | None = None
        self._path: Path | None = None
        self._file_dialog: QFileDialog | None = None
        self.last_result: ImportResult | None = None
        self._check: RowCheck | None = None
        self._check_timer = QTimer(self)
        self._check_timer.setInterval(0)
        self._check_timer.timeout.connect(self._check_step)
        self._adding: StepwiseChange | None = None
        self._to_add: tuple[ImportResult, list[Participant], int] = (ImportResult(), [], 0)
        self._add_timer = QTimer(self)
        self._add_timer.setInterval(0)
        self._add_timer.timeout.connect(self._add_step)
        self.setWindowTitle(self.tr("Import participants from CSV"))
        self.resize(760, 520)

        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText(self.tr("No file chosen"))
        choose = QPushButton(self.tr("Choose file…"))
        choose.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(choose)

        self.detected = QLabel()
        self.detected.setWordWrap(True)
        self.error = error_label()
        hint = QLabel(self.tr("Check which column holds what; the first row below sets it."))
        hint.setWordWrap(True)

        self.preview = ImportPreview()
        self.preview.mappingChanged.connect(self._update_summary)

        self.lost_letters = QLabel()
        self.lost_letters.setObjectName("formWarning")
        self.lost_letters.setStyleSheet("color: #8a4b00; font-weight: bold;")  # a warning: amber, not error red
        self.lost_letters.setWordWrap(True)
        self.lost_letters.hide()
        self.progress = QProgressBar()
        self.progress.setFormat(self.tr("Checking rows: %v of %m"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel_check)
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()
        self.update_existing = QCheckBox()
        self.update_existing.setChecked(True)
        self.update_existing.hide()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.report = ImportReport()

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.do_import)
        self.close_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(file_row)
        layout.addWidget(self.detected)
        layout.addWidget(self.error)
        layout.addWidget(hint)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.lost_letters)
        layout.addLayout(progress_row)
        layout.addWidget(self.summary)
        layout.addWidget(self.update_existing)
        layout.addWidget(self.report)
        layout.addWidget(self.buttons)

    # ------------------------------------------------------------------ labels
    def field_labels(self) -> dict[str, str]:
        return self.preview.field_labels()

    def reason_text(self, reason: SkipReason) -> str:
        return self.report.reason_text(reason)

    def _delimiter_name(self, delimiter: str) -> str:
        return {";": self.tr("semicolon"), ",": self.tr("comma"), "\t": self.tr("tab")}.get(delimiter, delimiter)

    # ------------------------------------------------------------------ choosing the file
    def choose_file(self) -> None:
        """Non-blocking file dialog (`open()`, never `exec()`): the console's loop keeps running the timer."""
        dialog = QFileDialog(self, self.tr("Choose a CSV file"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([self.tr("CSV files (*.csv *.txt)"), self.tr("All files (*)")])
        dialog.fileSelected.connect(lambda path: self.set_path(Path(path)))
        self._file_dialog = dialog
        dialog.open()

    def set_path(self, path: Path) -> bool:
        """Read and preview a file; on failure the reason is shown and the previous state is cleared."""
        self._path = path
        self.path_edit.setText(str(path))
        self._table = None
        self.last_result = None
        self.report.hide()
        self.update_existing.setEnabled(True)
        try:
            info = path.stat()
            if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):  # a device or a pipe: endless read
                raise FishbowlError("This does not look like a text file; please export the list as CSV.")
            if info.st_size > MAX_FILE_BYTES:
                raise FishbowlError(self.tr("The file is larger than 30 MB; that is not a participant list."))
            table = read_participants_csv(path.read_bytes())
        except OSError as exc:
            return self._fail(self.tr("The file could not be opened: {reason}").format(reason=exc.strerror or str(exc)))
        except FishbowlError as exc:
            return self._fail(translated_error(exc))
        self._table = table
        self.error.hide()
        self.detected.setText(
            self.tr("Encoding: {encoding} · Delimiter: {delimiter} · {rows} rows with content").format(
                encoding=table.encoding, delimiter=self._delimiter_name(table.delimiter), rows=len(table.rows)
            )
        )
        self.preview.show_table(table, guess_mapping(table.headers))
        self._update_summary()
        return True

    def _fail(self, message: str) -> bool:
        self._check_timer.stop()
        self._check = None
        self._show_progress(False)
        self.lost_letters.hide()
        self.update_existing.hide()
        self.error.setText(message)
        self.error.show()
        self.detected.clear()
        self.preview.clear_table()
        self.summary.clear()
        self.import_button.setEnabled(False)
        return False

    # ------------------------------------------------------------------ mapping and import
    def mapping(self) -> dict[str, int]:
        return self.preview.mapping()

    def set_mapping(self, mapping: dict[str, int]) -> None:
        self.preview.set_mapping(mapping)
        self._update_summary()

    def _start_check(self) -> None:
        """Check every row for the current mapping; a long list in steps, with progress and Cancel."""
        self._check_timer.stop()
        self._check = None
        self.import_button.setEnabled(False)
        self.update_existing.hide()
        if self._table is None:
            return
        try:
            check = RowCheck(self._table, self.mapping(), list(self._controller.session.participants))
        except FishbowlError:
            self.summary.setText(self.tr("Choose the column with the names (or first and last name)."))
            self.report.hide()
            self.lost_letters.hide()
            self._show_progress(False)
            return
        self._check = check
        if check.total <= CHECK_CHUNK:
            check.run()
            self._check_done()
            return
        self.progress.setFormat(self.tr("Checking rows: %v of %m"))
        self.progress.setRange(0, check.total)
        self.progress.setValue(0)
        self._show_progress(True)
        self.summary.setText(self.tr("Checking {n} rows…").format(n=check.total))
        self._check_timer.start()

    def _check_step(self) -> None:
        check = self._check
        if check is None:
            self._check_timer.stop()
            return
        check.run(CHECK_CHUNK)
        self.progress.setValue(check.done)
        if check.finished:
            self._check_timer.stop()
            self._check_done()

    def cancel_check(self) -> None:
        """Stop checking or adding; nothing has been imported, and choosing a column again starts over."""
        if self._adding is not None:
            self._add_timer.stop()
            self._adding.cancel()
            self._adding = None
            self._show_progress(False)
            self.summary.setText(self.tr("The import was cancelled; nothing was added."))
            self.import_button.setEnabled(True)
            return
        if self._check is not None and not self._check.finished:
            self._check_timer.stop()
            self._check = None
            self._show_progress(False)
            self.summary.setText(self.tr("Checking was cancelled; nothing was imported."))
            self.import_button.setEnabled(False)

    def _show_progress(self, shown: bool) -> None:
        self.progress.setVisible(shown)
        self.cancel_button.setVisible(shown)

    def _check_done(self) -> None:
        """The preview's verdict before Import: counts, the reason for every skipped row, who would be
        updated, and a warning when Excel lost letters."""
        assert self._check is not None and self._table is not None
        self._show_progress(False)
        result = self._check.result
        text = self.tr("Ready to import: {n}. To skip: {m}.").format(n=len(result.participants), m=len(result.skipped))
        if result.updates:
            text += " " + self.tr("Already on the list, with something new: {u}.").format(u=len(result.updates))
            self.update_existing.setText(
                self.tr("Update these {u} people instead of adding them again").format(u=len(result.updates))
            )
        self.update_existing.setVisible(bool(result.updates))
        self.summary.setText(text)
        self.report.show_result(result)
        self._warn_lost_letters()
        self.import_button.setEnabled(bool(result.participants or result.updates))

    def _warn_lost_letters(self) -> None:
        assert self._table is not None
        found = lost_letters(self._table, self.mapping())
        if not found:
            self.lost_letters.hide()
            return
        row, name = found[0]
        self.lost_letters.setText(
            self.tr(
                "{n} names hold “?” where a letter should be (row {row}: “{name}”): the file was saved in a format "
                "that cannot hold these letters. In Excel, save it again as “CSV UTF-8 (comma delimited)”; in "
                "LibreOffice, choose the character set “Unicode (UTF-8)”. Then choose the new file here."
            ).format(n=len(found), row=row, name=name)
        )
        self.lost_letters.show()

    def _update_summary(self) -> None:
        self._start_check()

    def do_import(self) -> bool:
        """Add every importable row (and apply the offered updates) as ONE undo step, then show the report;
        the dialog stays open to read it. Only a finished check can be imported. A long list is added in
        steps with progress and Cancel (still one undo step; Cancel leaves the list as it was)."""
        check = self._check
        if self._table is None or check is None or not check.finished or self._adding is not None:
            return False
        result = check.result
        updates = [new for _row, _old, new in result.updates] if self.update_existing.isChecked() else []
        session = self._controller.session
        name = self._path.name if self._path else ""
        text = self.tr("Import from {file} (+{n})").format(n=len(result.participants), file=name)
        self.import_button.setEnabled(False)
        if len(result.participants) + len(updates) > ADD_CHUNK:
            self._adding = self._controller.begin_steps(text)
            self._to_add = (result, updates, 0)
            self.progress.setFormat(self.tr("Adding people: %v of %m"))
            self.progress.setRange(0, len(result.participants))
            self.progress.setValue(0)
            self._show_progress(True)
            self._add_timer.start()
            return True

        def add_all() -> None:
            session.add_participants(result.participants)
            session.update_participants(updates)

        if (result.participants or updates) and not self._controller.perform(text, add_all):
            self.error.setText(self.tr("The import was refused; nothing was added."))
            self.error.show()
            self.import_button.setEnabled(True)
            return False
        self._imported(result, len(updates))
        return True

    def _add_step(self) -> None:
        adding, (result, updates, done) = self._adding, self._to_add
        if adding is None:
            self._add_timer.stop()
            return
        session = self._controller.session
        chunk = result.participants[done : done + ADD_CHUNK]
        if chunk:
            ok = adding.step(lambda: session.add_participants(chunk))
            self._to_add = (result, updates, done + len(chunk))
            self.progress.setValue(done + len(chunk))
        else:
            ok = adding.step(lambda: session.update_participants(updates)) and adding.finish()
            if ok:
                self._add_timer.stop()
                self._adding = None
                self._show_progress(False)
                self._imported(result, len(updates))
                return
        if not ok:
            self._add_timer.stop()
            self._adding = None
            self._show_progress(False)
            self.error.setText(self.tr("The import was refused; nothing was added."))
            self.error.show()

    def _imported(self, result: ImportResult, updated: int) -> None:
        self.last_result = result
        self._show_report(result, updated)
        self.import_button.setEnabled(False)
        self.update_existing.setEnabled(False)
        self.imported.emit(len(result.participants), len(result.skipped))

    def _show_report(self, result: ImportResult, updated: int) -> None:
        if updated:
            self.summary.setText(
                self.tr("{n} imported, {u} updated, {m} skipped.").format(
                    n=len(result.participants), u=updated, m=len(result.skipped)
                )
            )
        else:
            self.summary.setText(
                self.tr("{n} imported, {m} skipped.").format(n=len(result.participants), m=len(result.skipped))
            )
        self.report.show_result(result, updates=bool(updated))

    def reject(self) -> None:
        """Closing mid-import takes the half-made import back: the list is as it was, or fully imported."""
        self._check_timer.stop()
        if self._adding is not None:
            self.cancel_check()
        super().reject()
