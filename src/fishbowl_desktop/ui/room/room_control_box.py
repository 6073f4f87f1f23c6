"""The control link, its QR code and the PIN in the room window: shown only when the moderator clicks, hidden
again whenever the window opens, and never while the window sits on a screen the projector uses.

Why: whoever has the control link and the PIN runs the evening's timer and screen. On a laptop mirrored to the
beamer, whatever opens on the laptop opens in front of the hall, so the room window opens on the audience
link and the secret waits for a deliberate click on a screen the hall cannot see.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from fishbowl_desktop.ui.room.hall_watch import HallWatch, ProjectorScreens

__all__ = ["ControlLinkBox", "ProjectorScreens"]


class ControlLinkBox(QWidget):
    def __init__(self, projector_screens: ProjectorScreens | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.reveal = QPushButton(self.tr("Show the control link and PIN"))
        self.watch = HallWatch(self, projector_screens)
        self.watch.windowHidden.connect(lambda: self.reveal.setChecked(False))  # hidden again when it opens next
        self.watch.moved.connect(self.update_guard)
        self.reveal.setCheckable(True)
        self.reveal.setToolTip(self.tr("Only where the hall cannot see it: the control link runs the timer"))
        self.reveal.toggled.connect(self._follow)
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.hide()
        self.secret = QWidget()
        """The control link's QR code, address, phones and PIN (the room window fills it)."""
        self.secret_layout = QVBoxLayout(self.secret)
        self.secret_layout.setContentsMargins(0, 0, 0, 0)
        self.secret.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.reveal)
        layout.addWidget(self.why)
        layout.addWidget(self.secret)
        layout.addStretch(1)

    def showEvent(self, event: object) -> None:
        self.watch.attach()
        self.update_guard()

    def on_projector_screen(self) -> bool:
        return self.watch.hall_sees()

    def update_guard(self, *_args: object) -> None:
        """Re-checked when the window moves or changes screen and when the projector is shown or hidden."""
        here = self.on_projector_screen()
        self.reveal.setEnabled(not here)
        if here:
            self.reveal.setChecked(False)
            self.why.setText(
                self.tr(
                    "The projector uses this screen, so the hall would see the control link and PIN. "
                    "Move this window to the laptop's own screen to show them."
                )
            )
        self.why.setVisible(here)
        self._follow(self.reveal.isChecked())

    def _follow(self, on: bool) -> None:
        self.secret.setVisible(on and not self.on_projector_screen())
        hide, show = self.tr("Hide the control link and PIN"), self.tr("Show the control link and PIN")
        self.reveal.setText(hide if on else show)
