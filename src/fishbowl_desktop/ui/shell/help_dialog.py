"""Help → Keyboard shortcuts: the same table the window binds, so the list can never drift from the keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fishbowl_desktop.ui.shell.key_legends import keys_legend
from fishbowl_desktop.ui.shell.shortcuts import AREAS, all_shortcuts, translated
from fishbowl_desktop.ui.widgets.sheet import style_dialog


def key_text(keys: tuple[str, ...]) -> str:
    return keys_legend(keys)


class ShortcutsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        style_dialog(self)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("What it does")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for area, title in AREAS.items():
            self._add_row(translated(title), "", heading=True)
            for spec in all_shortcuts():
                if spec.area == area:
                    self._add_row(key_text(spec.keys), translated(spec.description))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(620, 600)

    def _add_row(self, first: str, second: str, heading: bool = False) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(first)
        if heading:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            self.table.setItem(row, 0, item)
            self.table.setSpan(row, 0, 1, 2)
            return
        item.setTextAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, 0, item)
        self.table.setItem(row, 1, QTableWidgetItem(second))

    def rows(self) -> list[tuple[str, str]]:
        """What the dialog lists, for tests and for people reading it aloud."""
        result = []
        for r in range(self.table.rowCount()):
            first, second = self.table.item(r, 0), self.table.item(r, 1)
            result.append((first.text() if first else "", second.text() if second else ""))
        return result
