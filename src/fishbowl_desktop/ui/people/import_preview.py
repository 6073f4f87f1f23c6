"""The import dialog's preview: the first rows of the file, with a choice of field above each column.

The mapping the import uses is read from these choices (one field per column: choosing it in one column
releases it in another); the table itself only shows the file, it keeps nothing the dialog does not give it.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from fishbowl_desktop.spreadsheets import FIELDS, CsvTable

PREVIEW_ROWS = 8


class ImportPreview(QTableWidget):
    mappingChanged = Signal()
    """The moderator chose another field for a column (not sent by `show_table` or `set_mapping`)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._combos: list[QComboBox] = []
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.horizontalHeader().setMinimumSectionSize(110)

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
            "language": self.tr("Language (for interpreters)"),
        }

    def show_table(self, table: CsvTable, mapping: dict[str, int]) -> None:
        """The headers, a field choice per column set from `mapping`, and the first rows."""
        by_column = {col: fld for fld, col in mapping.items()}
        width = max([len(table.headers), *(len(r) for r in table.rows[:PREVIEW_ROWS])])
        shown = table.rows[:PREVIEW_ROWS]
        self.clear()
        self.setColumnCount(width)
        self.setRowCount(len(shown) + 1)
        self.setHorizontalHeaderLabels([table.headers[c] if c < len(table.headers) else "" for c in range(width)])
        self.setVerticalHeaderLabels(["", *(str(n) for n in table.row_numbers[:PREVIEW_ROWS])])
        labels = self.field_labels()
        self._combos = []
        for col in range(width):
            combo = QComboBox()
            combo.addItem(self.tr("— ignore —"), None)
            for fld in FIELDS:
                combo.addItem(labels[fld], fld)
            combo.setCurrentIndex(max(0, combo.findData(by_column.get(col))))
            combo.currentIndexChanged.connect(lambda _i, c=col: self._combo_changed(c))
            self.setCellWidget(0, col, combo)
            self._combos.append(combo)
        for r, row in enumerate(shown, start=1):
            for c, value in enumerate(row):
                self.setItem(r, c, QTableWidgetItem(value.replace("\n", " ⏎ ")))
        self.resizeColumnsToContents()
        for col in range(width):
            self.setColumnWidth(col, min(max(self.columnWidth(col), 130), 260))

    def clear_table(self) -> None:
        self.clear()
        self.setRowCount(0)
        self.setColumnCount(0)
        self._combos = []

    def mapping(self) -> dict[str, int]:
        return {combo.currentData(): c for c, combo in enumerate(self._combos) if combo.currentData() is not None}

    def set_mapping(self, mapping: dict[str, int]) -> None:
        by_column = {col: fld for fld, col in mapping.items()}
        for c, combo in enumerate(self._combos):
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, combo.findData(by_column.get(c))))
            combo.blockSignals(False)

    def _combo_changed(self, column: int) -> None:
        """A field belongs to one column: choosing it here releases it elsewhere."""
        chosen = self._combos[column].currentData()
        if chosen is not None:
            for c, combo in enumerate(self._combos):
                if c != column and combo.currentData() == chosen:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self.mappingChanged.emit()
