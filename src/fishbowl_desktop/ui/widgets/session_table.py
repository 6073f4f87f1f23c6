"""The shared part of the console's two tables (the participant list and the free-chair queue).

Each follows one of the session's observable lists row by row (a `RowForwarder` maps every insert, remove,
move and change to Qt's begin/end calls), switches to the new session's list when another session is
loaded (the only reset), and reads the speaking statistics once per refresh rather than once per cell.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import ObservableList, Session, SpeakingStats
from fishbowl_desktop.ui.widgets.list_rows import RowForwarder
from fishbowl_desktop.ui.widgets.person_data import ParentIndex

T = TypeVar("T")


class SessionTableModel(QAbstractTableModel, Generic[T]):
    COLUMN_COUNT = 0
    SETTLED_STATS = False
    """True: the running turn counts as it stood when its time last started or stopped (`Session.stats`)."""

    def __init__(
        self,
        controller: SessionController,
        rows_of: Callable[[Session], ObservableList[T]],
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._controller = controller
        self._rows_of = rows_of
        self._rows: ObservableList[T] = rows_of(controller.session)
        self._stats: SpeakingStats | None = None
        self._listener = RowForwarder(self, self._rows)
        self.destroyed.connect(self._listener.release)
        controller.sessionReplaced.connect(self._rebind)
        controller.logChanged.connect(self.refresh_live)
        controller.turnChanged.connect(self.refresh_live)

    # ------------------------------------------------------------------ binding
    @property
    def session(self) -> Session:
        return self._controller.session

    def _rebind(self) -> None:
        self.beginResetModel()
        self._rows = self._rows_of(self._controller.session)
        self._listener.follow(self._rows)
        self._stats = None
        self._forget_cached()
        self.endResetModel()

    def _forget_cached(self) -> None:
        """Drop what a subclass keeps about the old session's list (called inside the reset)."""

    def detach(self) -> None:
        """Stop listening (the widget is going away; the session may live on)."""
        self._listener.release()

    def refresh_live(self) -> None:
        """Turns, speaking time or waiting time moved with the log or the clock: repaint those cells."""
        raise NotImplementedError

    def _current_stats(self) -> SpeakingStats:
        """Once per refresh, not once per cell: the log may hold thousands of turns."""
        if self._stats is None:
            self._stats = self.session.stats(settled=self.SETTLED_STATS)
        return self._stats

    # ------------------------------------------------------------------ reading
    def rowCount(self, parent: ParentIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ParentIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def index(self, row: int, column: int, parent: ParentIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        """Qt's own asks `rowCount` and `columnCount` (two calls into Python) for every index it makes, and the
        sorting proxy makes one for every cell it maps: the first frame's layout passes and paints map hundreds."""
        if parent.isValid() or not (0 <= row < len(self._rows) and 0 <= column < self.COLUMN_COUNT):
            return QModelIndex()
        return self.createIndex(row, column)

    def _row_item(self, index: ParentIndex) -> T | None:
        """The item an index points at, or None for an invalid index or a row past the end."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]
