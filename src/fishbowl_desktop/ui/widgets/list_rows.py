"""Connects a domain ObservableList to a Qt list/table model, one row at a time.

Every insert, remove and move maps 1:1 to Qt's begin/end calls, so undo and edits keep the moderator's
selection and scroll position; only switching to another session resets a model.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from PySide6.QtCore import QAbstractItemModel, QModelIndex

from fishbowl_desktop.model import ListListener, ObservableList

T = TypeVar("T")


class RowForwarder(ListListener[T], Generic[T]):
    def __init__(self, model: QAbstractItemModel, items: ObservableList[T]):
        self._model = model
        self.items = items
        items.listen(self)

    def follow(self, items: ObservableList[T]) -> None:
        """Listen to another session's list instead (the model resets around this)."""
        self.release()
        self.items = items
        items.listen(self)

    def release(self, *_args: object) -> None:
        """Stop listening; also connected to the Qt model's destruction, so a live session never calls a
        dead model."""
        try:
            self.items.unlisten(self)
        except ValueError:  # already released
            pass

    def about_to_insert(self, index: int, item: T) -> None:
        self._model.beginInsertRows(QModelIndex(), index, index)

    def inserted(self, index: int, item: T) -> None:
        self._model.endInsertRows()

    def about_to_insert_many(self, index: int, items: Sequence[T]) -> None:
        self._model.beginInsertRows(QModelIndex(), index, index + len(items) - 1)

    def inserted_many(self, index: int, items: Sequence[T]) -> None:
        self._model.endInsertRows()

    def about_to_remove_many(self, index: int, items: Sequence[T]) -> None:
        self._model.beginRemoveRows(QModelIndex(), index, index + len(items) - 1)

    def removed_many(self, index: int, items: Sequence[T]) -> None:
        self._model.endRemoveRows()

    def about_to_remove(self, index: int, item: T) -> None:
        self._model.beginRemoveRows(QModelIndex(), index, index)

    def removed(self, index: int, item: T) -> None:
        self._model.endRemoveRows()

    def about_to_move(self, source: int, destination: int) -> None:
        # Qt counts the destination before the move: moving down lands before row destination + 1.
        qt_destination = destination + 1 if destination > source else destination
        self._model.beginMoveRows(QModelIndex(), source, source, QModelIndex(), qt_destination)

    def moved(self, source: int, destination: int) -> None:
        self._model.endMoveRows()

    def changed(self, index: int, item: T) -> None:
        last = self._model.columnCount() - 1
        self._model.dataChanged.emit(self._model.index(index, 0), self._model.index(index, last))
