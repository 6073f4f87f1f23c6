"""Import a sign-in list: pick the file, check the guessed columns against a preview, import in one undo step.

The dialog shows what it understood (encoding, delimiter, which column is which) before anything changes,
keeps a live count of what would be imported, and afterwards lists every skipped row with its reason, so
the organiser can fix the spreadsheet and import the rest again (people already imported are recognised).
"""

from __future__ import annotations

import stat
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..controller import SessionController
from ..controller.session_controller import translated_error
from ..csv_io import FIELDS, CsvTable, ImportResult, SkipReason, guess_mapping, import_rows, read_participants_csv
from ..model import FishbowlError
from .form_error import error_label

PREVIEW_ROWS = 8
MAX_FILE_BYTES = 5 * 1024 * 1024


class CsvImportDialog(QDialog):
    imported = Signal(int, int)
    """(imported, skipped) after an import went through."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None):
        super().__init__(parent)
        self._controller = controller
        self._table: CsvTable | None = None
        self._path: Path | None = None
        self._combos: list[QComboBox] = []
        self._file_dialog: QFileDialog | None = None
        self.last_result: ImportResult | None = None
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

        self.preview = QTableWidget()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.preview.horizontalHeader().setMinimumSectionSize(110)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setMaximumHeight(110)
        self.report.hide()

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
        layout.addWidget(self.summary)
        layout.addWidget(self.report)
        layout.addWidget(self.buttons)

    # ------------------------------------------------------------------ labels
    def field_labels(self) -> dict[str, str]:
        return {
            "name": self.tr("Name (full)"),
            "first_name": self.tr("First name"),
            "last_name": self.tr("Last name"),
            "role": self.tr("Role"),
            "organisation": self.tr("Organisation"),
            "residence": self.tr("Residence / postcode"),
            "group": self.tr("Group"),
            "consent": self.tr("Consent"),
            "bio": self.tr("Bio"),
            "notes": self.tr("Private notes"),
        }

    def reason_text(self, reason: SkipReason) -> str:
        texts = {
            "no_name": self.tr("no name"),
            "name_too_long": self.tr("name longer than {limit} characters"),
            "organisation_too_long": self.tr("organisation longer than {limit} characters"),
            "unknown_role": self.tr("unknown role “{value}” (use Moderation, Podium or Publikum)"),
            "unclear_consent": self.tr("unclear consent “{value}” (use ja or nein)"),
            "duplicate_existing": self.tr("{who} is already on the participant list"),
            "duplicate_in_file": self.tr("{who} already appears in row {row}"),
            "invalid": "{message}",
        }
        return texts.get(reason.code, str(reason)).format(**dict(reason.values))

    def _delimiter_name(self, delimiter: str) -> str:
        return {";": self.tr("semicolon"), ",": self.tr("comma"), "\t": self.tr("tab")}.get(delimiter, delimiter)

    # ------------------------------------------------------------------ choosing the file
    def choose_file(self) -> None:
        """Non-blocking file dialog (`open()`, never `exec()`), as the qasync loop requires."""
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
        try:
            info = path.stat()
            if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):  # a device or a pipe: endless read
                raise FishbowlError("This does not look like a text file; please export the list as CSV.")
            if info.st_size > MAX_FILE_BYTES:
                raise FishbowlError(self.tr("The file is larger than 5 MB; that is not a participant list."))
            table = read_participants_csv(path.read_bytes())
        except OSError as exc:
            return self._fail(self.tr("The file could not be opened: {reason}").format(
                reason=exc.strerror or str(exc)))
        except FishbowlError as exc:
            return self._fail(translated_error(exc))
        self._table = table
        self.error.hide()
        self.detected.setText(self.tr("Encoding: {encoding} · Delimiter: {delimiter} · {rows} rows with content")
                              .format(encoding=table.encoding, delimiter=self._delimiter_name(table.delimiter),
                                      rows=len(table.rows)))
        self._fill_preview(table, guess_mapping(table.headers))
        self._update_summary()
        return True

    def _fail(self, message: str) -> bool:
        self.error.setText(message)
        self.error.show()
        self.detected.clear()
        self.preview.clear()
        self.preview.setRowCount(0)
        self.preview.setColumnCount(0)
        self._combos = []
        self.summary.clear()
        self.import_button.setEnabled(False)
        return False

    def _fill_preview(self, table: CsvTable, mapping: dict[str, int]) -> None:
        by_column = {col: fld for fld, col in mapping.items()}
        width = max([len(table.headers), *(len(r) for r in table.rows[:PREVIEW_ROWS])])
        shown = table.rows[:PREVIEW_ROWS]
        self.preview.clear()
        self.preview.setColumnCount(width)
        self.preview.setRowCount(len(shown) + 1)
        self.preview.setHorizontalHeaderLabels([table.headers[c] if c < len(table.headers) else "" for c in
                                                range(width)])
        self.preview.setVerticalHeaderLabels(["", *(str(n) for n in table.row_numbers[:PREVIEW_ROWS])])
        labels = self.field_labels()
        self._combos = []
        for col in range(width):
            combo = QComboBox()
            combo.addItem(self.tr("— ignore —"), None)
            for fld in FIELDS:
                combo.addItem(labels[fld], fld)
            combo.setCurrentIndex(max(0, combo.findData(by_column.get(col))))
            combo.currentIndexChanged.connect(lambda _i, c=col: self._combo_changed(c))
            self.preview.setCellWidget(0, col, combo)
            self._combos.append(combo)
        for r, row in enumerate(shown, start=1):
            for c, value in enumerate(row):
                self.preview.setItem(r, c, QTableWidgetItem(value.replace("\n", " ⏎ ")))
        self.preview.resizeColumnsToContents()
        for col in range(width):
            self.preview.setColumnWidth(col, min(max(self.preview.columnWidth(col), 130), 260))

    def _combo_changed(self, column: int) -> None:
        """A field belongs to one column: choosing it here releases it elsewhere."""
        chosen = self._combos[column].currentData()
        if chosen is not None:
            for c, combo in enumerate(self._combos):
                if c != column and combo.currentData() == chosen:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self._update_summary()

    # ------------------------------------------------------------------ mapping and import
    def mapping(self) -> dict[str, int]:
        return {combo.currentData(): c for c, combo in enumerate(self._combos) if combo.currentData() is not None}

    def set_mapping(self, mapping: dict[str, int]) -> None:
        by_column = {col: fld for fld, col in mapping.items()}
        for c, combo in enumerate(self._combos):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(by_column.get(c))))
            combo.blockSignals(False)
        self._update_summary()

    def _preview_result(self) -> ImportResult | None:
        if self._table is None:
            return None
        try:
            return import_rows(self._table, self.mapping(), list(self._controller.session.participants))
        except FishbowlError:
            return None

    def _update_summary(self) -> None:
        result = self._preview_result()
        if result is None:
            self.summary.setText(self.tr("Choose the column with the names (or first and last name)."))
            self.import_button.setEnabled(False)
            return
        self.summary.setText(self.tr("Ready to import: {n}. To skip: {m}.").format(
            n=len(result.participants), m=len(result.skipped)))
        self.import_button.setEnabled(bool(result.participants))

    def do_import(self) -> bool:
        """Add every importable row as ONE undo step, then show the report; the dialog stays open to read it."""
        if self._table is None:
            return False
        try:
            result = import_rows(self._table, self.mapping(), list(self._controller.session.participants))
        except FishbowlError as exc:
            self.error.setText(translated_error(exc))
            self.error.show()
            return False
        session = self._controller.session

        def add_all() -> None:
            for person in result.participants:
                session.add_participant(person)

        name = self._path.name if self._path else ""
        text = self.tr("Import from {file} (+{n})").format(n=len(result.participants), file=name)
        if result.participants and not self._controller.perform(text, add_all):
            self.error.setText(self.tr("The import was refused; nothing was added."))
            self.error.show()
            return False
        self.last_result = result
        self._show_report(result)
        self.import_button.setEnabled(False)
        self.imported.emit(len(result.participants), len(result.skipped))
        return True

    def _show_report(self, result: ImportResult) -> None:
        self.summary.setText(self.tr("{n} imported, {m} skipped.").format(
            n=len(result.participants), m=len(result.skipped)))
        lines = [self.tr("Row {row}: {reason}").format(row=row, reason=self.reason_text(reason))
                 for row, reason in result.skipped]
        self.report.setPlainText("\n".join(lines))
        self.report.setVisible(bool(lines))
