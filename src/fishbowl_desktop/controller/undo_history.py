"""The evening's undo history: the controller's changes, newest last, with Undo and Redo.

The part of Qt's QUndoStack the console uses, in plain Python with the same method names and signals (the
menus, the shortcuts and the tests read it as they read a QUndoStack). Qt's stack owned its commands in C++
while their data lived in Python subclasses; a controller that only the garbage collector could free took the
process down with a segmentation fault (tests/controller/test_undo_lifetime.py). Here Python owns everything.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, Signal


class Change(Protocol):
    def text(self) -> str: ...

    def redo(self) -> None: ...

    def undo(self) -> None: ...


class UndoHistory(QObject):
    canUndoChanged = Signal(bool)
    canRedoChanged = Signal(bool)
    undoTextChanged = Signal(str)
    redoTextChanged = Signal(str)

    def __init__(self, limit: int = 0, parent: QObject | None = None):
        super().__init__(parent)
        self._changes: list[Change] = []
        self._index = 0
        """How many of the changes are in effect: the next Undo takes back `_changes[_index - 1]`."""
        self._limit = limit
        """The most changes kept (0: no limit); the oldest go first."""

    def push(self, change: Change) -> None:
        """Do `change` (its redo) and put it on top; whatever could have been redone is dropped."""
        change.redo()
        del self._changes[self._index :]
        self._changes.append(change)
        if self._limit and len(self._changes) > self._limit:
            del self._changes[: len(self._changes) - self._limit]
        self._moved_to(len(self._changes))

    def undo(self) -> None:
        if self._index > 0:
            self._changes[self._index - 1].undo()
            self._moved_to(self._index - 1)

    def redo(self) -> None:
        if self._index < len(self._changes):
            self._changes[self._index].redo()
            self._moved_to(self._index + 1)

    def clear(self) -> None:
        self._changes.clear()
        self._moved_to(0)

    def count(self) -> int:
        return len(self._changes)

    def index(self) -> int:
        return self._index

    def canUndo(self) -> bool:
        return self._index > 0

    def canRedo(self) -> bool:
        return self._index < len(self._changes)

    def undoText(self) -> str:
        return self._changes[self._index - 1].text() if self.canUndo() else ""

    def redoText(self) -> str:
        return self._changes[self._index].text() if self.canRedo() else ""

    def undoLimit(self) -> int:
        return self._limit

    def _moved_to(self, index: int) -> None:
        """As QUndoStack does: every change of place announces all four, so a view never misses one."""
        self._index = index
        self.canUndoChanged.emit(self.canUndo())
        self.undoTextChanged.emit(self.undoText())
        self.canRedoChanged.emit(self.canRedo())
        self.redoTextChanged.emit(self.redoText())
