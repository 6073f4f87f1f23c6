"""The queue's table: the moderator's keys (Ctrl+Up/Down reorder, Delete removes, Esc leaves), drag and drop to
reorder, and rows that grow when the reason under a name wraps.

Its own module so the panel's constructor stays about the panel: the table's many settings are the view's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from fishbowl_desktop.ui.queue.queue_model import REASON_ROLE, QueueModel
from fishbowl_desktop.ui.queue.reason_delegate import ReasonDelegate
from fishbowl_desktop.ui.widgets.live_columns import fit_to_widest

if TYPE_CHECKING:
    from fishbowl_desktop.ui.queue.queue_panel import QueuePanel


class QueueView(QTableView):
    """The queue's table with the moderator's keys: Ctrl+Up/Down reorder, Delete removes."""

    def __init__(self, panel: QueuePanel, model: QueueModel):
        super().__init__(panel)
        self._panel = panel
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragDropOverwriteMode(False)
        self.setDropIndicatorShown(True)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the table (it went from cell to cell, never out)
        header = self.horizontalHeader()
        for col in (QueueModel.WAITING, QueueModel.SPOKEN):  # they change every second: measured once, first
            fit_to_widest(self, col, model.widest_live_texts(col))
        header.setSectionResizeMode(QueueModel.NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(QueueModel.GROUP, QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setDefaultSectionSize(30)
        # the name, and under it why the person stands there; rows grow with a reason that wraps
        self.setItemDelegateForColumn(QueueModel.NAME, ReasonDelegate(self, QueueModel.NAME))
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(self.resizeRowsToContents)
        model.dataChanged.connect(self._reasons_changed)
        for rows in (model.rowsInserted, model.rowsRemoved, model.rowsMoved, model.modelReset):
            rows.connect(self._fit_rows.start)
        header.sectionResized.connect(lambda col, _old, _new: col == QueueModel.NAME and self._fit_rows.start())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, mods = event.key(), event.modifiers()
        if mods & Qt.KeyboardModifier.ControlModifier and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._panel.move_selected(-1 if key == Qt.Key.Key_Up else 1)
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._panel.remove_selected()
            return
        if key == Qt.Key.Key_Escape and mods == Qt.KeyboardModifier.NoModifier:
            self._panel.leaveRequested.emit()
            return
        super().keyPressEvent(event)

    def _reasons_changed(self, _top: QModelIndex, _bottom: QModelIndex, roles: list[int]) -> None:
        if REASON_ROLE in roles:
            self._fit_rows.start()
