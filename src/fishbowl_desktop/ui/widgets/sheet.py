"""The console's look, set on the widgets it styles and on nothing else (issue 29: memory at the first frame).

A style sheet on a widget sends that widget and every widget below it through Qt's style-sheet style: each
gets its own rule and render-rule caches, palette and font (~7 KB a widget), and a widget polished outside a
styled parent is polished again when it moves in. The console's window once carried one sheet for all its
rules (137 widgets under it: ~1.2 MiB of the start-up peak); the same rules are now set where they apply:

- the window's and the console area's pale background: a palette on those two widgets (Qt fills it), the
  ordinary window colour given back to the widgets directly inside them, as the style sheet never passed its
  background on;
- the panel titles: their font and colour, set on the label;
- the push buttons' padding: a sheet on each button, or on a panel that already carries a sheet of its own
  (the timer, the tabs, the welcome, the message strip);
- dialogs and message boxes opened from the console: the padding and the tab panes' frame, on the dialog
  (`style_dialog`; `style_file_dialog` for a file dialog, which sizes itself as it is built), before it is first
  shown; what opens from a styled dialog inherits it;
- the welcome (hidden on a usual start) takes its sheet when it is first shown.
Widgets that still go through the style-sheet style: tests/ui/test_console_style_sheet.py counts them.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget

BACKGROUND = QColor("#F7F8FA")
TITLE_COLOR = QColor("#1F2933")
TITLE_PIXELS = 15

BUTTON = "QPushButton { padding: 4px 10px; }"
TAB_PANE = "QTabWidget::pane { border: 1px solid #D5DBE1; border-radius: 4px; }"
NEXT = (
    "QPushButton { font-weight: bold; padding: 8px; background: #0072B2; color: white;"
    " border-radius: 6px; border: none; }"
    " QPushButton:disabled { background: #C5CCD3; color: #5B6672; }"
)
SIZED_AS_STYLED = "QAbstractSpinBox {}"
"""No rule, yet the style-sheet style sizes a spin box 16 px wider than Fusion does: the stage's minutes keep the
width they always had."""
DIALOG = BUTTON + "\n" + TAB_PANE
"""What a dialog opened from the console shows as it always did: padded buttons, framed tab panes."""

_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive, QPalette.ColorGroup.Disabled)


def style_dialog(dialog: QWidget) -> None:
    """Before the dialog is first shown: its buttons padded and its tab panes framed, as in the console."""
    dialog.setStyleSheet(DIALOG)


def style_file_dialog(dialog: QWidget) -> None:
    """`style_dialog` for a file dialog: it sized itself as it was built, before the sheet reached it, so it grows
    to what its padded buttons need (4 px taller), as it was when it was built inside the styled console."""
    style_dialog(dialog)
    dialog.resize(dialog.size().expandedTo(dialog.sizeHint()))


def style_buttons(*buttons: QWidget) -> None:
    """The console's push buttons' padding, on each button (no children: nothing else goes through the sheet)."""
    for button in buttons:
        button.setStyleSheet(BUTTON)


def style_title(label: QLabel) -> None:
    """A panel's title: 15 px, bold, dark slate."""
    font = QFont(label.font())
    font.setPixelSize(TITLE_PIXELS)
    font.setBold(True)
    label.setFont(font)
    palette = QPalette()
    for group in _GROUPS:
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
            palette.setColor(group, role, TITLE_COLOR)
    label.setPalette(palette)


def pale_background(widget: QWidget, *inside: QWidget) -> None:
    """`widget` filled with the console's pale background; the widgets directly `inside` it keep the ordinary
    window colour (a palette passes on to the children, a style sheet's background did not)."""
    pale = QPalette()
    ordinary = QPalette()
    window = QApplication.palette()
    for group in _GROUPS:
        for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button):
            pale.setColor(group, role, BACKGROUND)
            ordinary.setColor(group, role, window.color(group, role))
    widget.setPalette(pale)
    widget.setAutoFillBackground(True)
    for child in inside:
        child.setPalette(ordinary)
