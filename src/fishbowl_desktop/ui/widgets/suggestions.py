"""Name and group suggestions that fold accents and let a click elsewhere land.

Two things a plain QCompleter gets wrong in front of a hall: it matches "Ayse" against nothing when the list
has "Ayşe" (the participant search folds case and accents; the suggestions fold the same way), and a click
outside its open popup only closes the popup: the focus stays in the field, so the note typed next into
"Private notes" lands in Group ("FLINotiz…"), and N after a click on the circle lands in the name field. Here
the click closes the popup, moves the focus where it landed and reaches the widget there.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QMouseEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QCompleter, QWidget

from fishbowl_desktop.model.folding import fold

FOLDED = Qt.ItemDataRole.UserRole + 1


class Suggestions(QCompleter):
    def __init__(self, texts: Iterable[str], parent: QObject | None = None):
        super().__init__(parent)
        self._texts = QStandardItemModel(self)
        self._shown: list[str] = []
        """The texts in `_texts`, kept beside it: reading every item back through Qt to compare is slow."""
        self.setModel(self._texts)
        self.setCompletionRole(FOLDED)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchContains)
        self.set_texts(list(texts))

    def texts(self) -> list[str]:
        return list(self._shown)

    def set_texts(self, texts: list[str]) -> None:
        if texts == self._shown:
            return
        self._shown = list(texts)
        self._texts.clear()
        for text in texts:
            item = QStandardItem(text)
            item.setData(fold(text), FOLDED)
            self._texts.appendRow(item)

    def splitPath(self, path: str) -> list[str]:
        return [fold(path)]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        return str(index.data(Qt.ItemDataRole.DisplayRole) or "")

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # The event's kind first: `popup()` makes the popup (a list view, its delegate and selection) when there
        # is none yet, and this filter sees every event of the field from the moment it is built.
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent) and obj is not self.widget():
            popup = self.popup()
            if obj is popup and not popup.rect().contains(event.position().toPoint()):
                where = event.globalPosition().toPoint()
                popup.hide()
                _click_through(where, event)
                return True
        return super().eventFilter(obj, event)


def _click_through(where: QPoint, event: QMouseEvent) -> None:
    """Give the click to the widget under it, as if no popup had been open: focus first (as Qt does for a
    click), then the press itself; the release that follows reaches it by itself."""
    target = QApplication.widgetAt(where)
    if target is None:
        return
    focus: QWidget | None = target
    while focus is not None and not focus.focusPolicy() & Qt.FocusPolicy.ClickFocus:
        focus = focus.parentWidget() if not focus.isWindow() else None
    if focus is not None:
        focus.setFocus(Qt.FocusReason.MouseFocusReason)
    local = target.mapFromGlobal(where)
    press = QMouseEvent(
        QEvent.Type.MouseButtonPress,
        local.toPointF(),
        event.globalPosition(),
        event.button(),
        event.buttons(),
        event.modifiers(),
    )
    QApplication.sendEvent(target, press)
