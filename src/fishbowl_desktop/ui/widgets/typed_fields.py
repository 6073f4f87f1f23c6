"""Number and date fields that take what a moderator types over them.

A spin box reached with Tab (an agenda item's minutes, a cell widget) kept its text and put the cursor at the
end, so typing 10 over 15 gave 110 or 115; it selects its text on focus, as a line edit does. A date field with
everything selected (Ctrl+A) ignored the digits typed over it: the first digit now starts at the day, and the
field moves on by itself from day to month to year (issue 21, point 10).
"""

from __future__ import annotations

from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QDateEdit, QSpinBox


class SelectingSpinBox(QSpinBox):
    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.selectAll()  # a click that follows places the cursor where it lands, as in any field


class TypedDateEdit(QDateEdit):
    def keyPressEvent(self, event: QKeyEvent) -> None:
        line = self.lineEdit()
        if event.text().isdigit() and line.hasSelectedText() and line.selectedText() == line.text():
            self.setCurrentSectionIndex(0)
            self.setSelectedSection(self.sectionAt(0))
        super().keyPressEvent(event)
