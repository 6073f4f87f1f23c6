"""The first-run welcome: a panel above the console (not a dialog in front of it) that offers a new
session or the sample evening, and then points at the handful of keys and places that run an evening.

It never blocks: ignoring it and starting to type works, and its close button puts it away for good.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fishbowl_desktop.ui.widgets.sheet import BUTTON

STYLE = (
    """
#welcome { background: #FFFFFF; border: 1px solid #0072B2; border-radius: 8px; }
#welcome QLabel#welcomeTitle { font-size: 16px; font-weight: bold; color: #0B2A3D; }
#welcome QLabel { color: #1F2933; }
"""
    + BUTTON
)


class WelcomePanel(QFrame):
    newSessionChosen = Signal()
    sampleChosen = Signal()
    shownChanged = Signal(bool)
    """The panel appeared (True) or went (False): the message strip gives up its empty place meanwhile."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("welcome")
        self.title = QLabel(self.tr("Welcome to Fishbowl Desktop"))
        self.title.setObjectName("welcomeTitle")
        self.text = QLabel(
            self.tr(
                "Everything stays on this laptop. Start with an empty session for your own event, or open the "
                "sample evening (a civic fishbowl in Hannover, halfway through) and try things out: nothing there "
                "can go wrong."
            )
        )
        self.text.setWordWrap(True)
        self.tips = QLabel(self.tips_text())
        self.tips.setWordWrap(True)
        self.tips.setTextFormat(Qt.TextFormat.RichText)
        self.new_button = QPushButton(self.tr("New session"))
        self.sample_button = QPushButton(self.tr("Open the sample evening"))
        self.sample_button.setDefault(True)
        self.close_button = QPushButton("✕")
        self.close_button.setFlat(True)
        self.close_button.setToolTip(self.tr("Close the welcome"))
        self.new_button.clicked.connect(self.newSessionChosen)
        self.sample_button.clicked.connect(self._main_button)
        self.touring = False
        self.close_button.clicked.connect(self.hide)

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addWidget(self.sample_button)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 8, 10)
        layout.addLayout(head)
        layout.addWidget(self.text)
        layout.addWidget(self.tips)
        layout.addLayout(buttons)

    def tips_text(self) -> str:
        tips = [
            self.tr(
                "<b>Double-click a seat</b> to give that person the floor: their time starts at once. "
                "<b>Space</b> pauses and resumes it, <b>+</b> and <b>−</b> give or take 30 seconds."
            ),
            self.tr(
                "Type a name into the <b>queue's name field</b> (Ctrl+E) and press Enter: they wait for the "
                "free chair. <b>N</b> calls the next one."
            ),
            self.tr("<b>F5</b> shows the projector, <b>B</b> blanks it; <b>Ctrl+Z</b> undoes any step."),
            self.tr("All keys: <b>Help → Keyboard shortcuts</b> (F1). Your defaults: <b>Edit → Preferences</b>."),
        ]
        return "<ul style='margin-left:-20px'>" + "".join(f"<li>{t}</li>" for t in tips) + "</ul>"

    def show_tour(self) -> None:
        """After the sample opened: the tips stay, the choice goes."""
        self.title.setText(self.tr("The sample evening is open: try it"))
        self.text.hide()
        self.new_button.hide()
        self.sample_button.setText(self.tr("Got it"))
        self.touring = True

    def _main_button(self) -> None:
        if self.touring:
            self.hide()
        else:
            self.sampleChosen.emit()

    def setVisible(self, visible: bool) -> None:  # Qt API
        """Its style sheet the first time it is shown: hidden on a usual start, its seven widgets stay out of the
        style-sheet style (ui/widgets/sheet.py)."""
        if visible and not self.styleSheet():
            self.setStyleSheet(STYLE)
        super().setVisible(visible)

    def showEvent(self, event: QShowEvent) -> None:  # Qt API
        super().showEvent(event)
        self.shownChanged.emit(True)

    def hideEvent(self, event: QHideEvent) -> None:  # Qt API
        super().hideEvent(event)
        self.shownChanged.emit(False)
