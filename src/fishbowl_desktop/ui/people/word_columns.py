"""The participant table's role, group and consent columns as wide as their widest text, worked out when the list
changes instead of measured by Qt at every layout pass.

Qt's `ResizeToContents` asks the model for every cell of such a column at each layout pass of the table (through
the sorting proxy: two calls into Python per cell, and `rowCount`/`columnCount` for each mapped index), and the
table is laid out eight times before the console's first frame (the style sheet arriving, the tab widget, the
window maximised, the splitter), again at every resize of the window or the splitter. These columns hold a few
distinct words that change only with the list, so their widths come from the font's metrics, as Qt's own
measurement has them (`QTableView.sizeHintForColumn`: the text, the delegate's margins on both sides, the grid
line; at least the title's width), once per change of the list and when the table is shown. The columns are
`Fixed`, as `ResizeToContents` columns are for the moderator. Unlike Qt's measure of the rows on screen, a long
group further down the list widens the column from the start, so it does not jump while scrolling or searching.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QObject, QTimer
from PySide6.QtWidgets import QHeaderView, QTableView

from fishbowl_desktop.ui.people.participant_model import ParticipantTableModel
from fishbowl_desktop.ui.widgets.live_columns import text_column_width

WORD_COLUMNS = (ParticipantTableModel.ROLE, ParticipantTableModel.GROUP, ParticipantTableModel.CONSENT)


class WordColumns(QObject):
    """Keeps the word columns of `view` as wide as `model`'s texts: fitted now, when asked (`fit`), and once
    after each burst of changes to the list."""

    def __init__(self, view: QTableView, model: ParticipantTableModel, columns: Iterable[int] = WORD_COLUMNS):
        super().__init__(view)
        self._view, self._model, self._columns = view, model, tuple(columns)
        header = view.horizontalHeader()
        for col in self._columns:
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)  # one fit after a burst of inserts (an import, an undo of many)
        self._later.timeout.connect(self.fit)
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self._later.start)
        model.dataChanged.connect(self._cells_changed)
        self.fit()

    def _cells_changed(self, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        if any(top_left.column() <= col <= bottom_right.column() for col in self._columns):
            self._later.start()  # else only the live numbers (turns, speaking time) moved: no word changed

    def fit(self) -> None:
        header = self._view.horizontalHeader()
        for col in self._columns:
            width = text_column_width(self._view, col, self._model.column_texts(col))
            if header.sectionSize(col) != width:
                header.resizeSection(col, width)
