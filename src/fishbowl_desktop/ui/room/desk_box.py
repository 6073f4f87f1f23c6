"""The room window's part for the AV desk: where its HTTP API answers and its bearer token, shown only on a click,
hidden again whenever the window opens and never while the window sits on a screen the projector uses (the
laptop may be mirrored to the beamer: the same guard as the control link's, `hall_watch.py`), and a button that
renews the token alone (the printed QR codes and the co-moderator's link stay). What the API offers is in
docs/api/ (served at /api/openapi.json). Below it, OSC's settings (`osc_box`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget

from fishbowl_desktop.room.service import Room
from fishbowl_desktop.ui.room.hall_watch import HallWatch, ProjectorScreens
from fishbowl_desktop.ui.room.ontime_box import OntimeBox
from fishbowl_desktop.ui.room.osc_box import OscBox

MASK = "•" * 12


class DeskBox(QGroupBox):
    def __init__(self, room: Room, parent: QWidget | None = None, projector_screens: ProjectorScreens | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("AV desk (HTTP API, e.g. a Stream Deck through Companion)"))
        self.room = room
        self.address = QLabel()
        self.address.setTextFormat(Qt.TextFormat.PlainText)
        self.address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.token = QLabel()
        self.token.setObjectName("deskToken")
        self.token.setTextFormat(Qt.TextFormat.PlainText)
        self.token.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.show_token = QPushButton(self.tr("Show token"))
        self.show_token.setCheckable(True)
        self.show_token.setToolTip(self.tr("Only where the hall cannot see it: the token runs the timer"))
        self.show_token.toggled.connect(lambda _on: self.refresh())
        self.watch = HallWatch(self, projector_screens)
        self.watch.windowHidden.connect(lambda: self.show_token.setChecked(False))  # hidden when it opens next
        self.watch.moved.connect(self.update_guard)
        self.renew = QPushButton(self.tr("New token"))
        self.renew.setToolTip(self.tr("Only the desk's token changes; the phones' links and the PIN stay"))
        self.renew.clicked.connect(self._renew)
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.hide()
        row = QHBoxLayout()
        row.addWidget(self.token, 1)
        row.addWidget(self.show_token)
        row.addWidget(self.renew)
        layout = QVBoxLayout(self)
        layout.addWidget(self.address)
        layout.addLayout(row)
        layout.addWidget(self.why)
        self.lower_link = QLabel()
        self.lower_link.setObjectName("lowerThirdLink")
        self.lower_link.setTextFormat(Qt.TextFormat.PlainText)
        self.lower_link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lower_link.setWordWrap(True)
        self.renew_lower = QPushButton(self.tr("New lower-third link"))
        self.renew_lower.setToolTip(self.tr("A browser source with the old link goes dark; the phones stay"))
        self.renew_lower.clicked.connect(self._renew_lower)
        lower_row = QHBoxLayout()
        lower_row.addWidget(self.lower_link, 1)
        lower_row.addWidget(self.renew_lower)
        layout.addLayout(lower_row)
        self.more = QToolButton()
        self.more.setObjectName("deskMore")
        self.more.setCheckable(True)
        self.more.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more.setText(self.tr("OSC and ontime"))
        layout.addWidget(self.more)
        self.osc = OscBox(room, self)
        layout.addWidget(self.osc)
        self.ontime = OntimeBox(room, self)
        layout.addWidget(self.ontime)
        # folded away unless in use: the room window must fit a 768-pixel laptop screen
        self.more.toggled.connect(self._unfold)
        self.more.setChecked(room.links.osc.on or room.links.ontime.on)
        self._unfold(self.more.isChecked())
        room.linksChanged.connect(self.refresh)
        room.runningChanged.connect(lambda _on: self.refresh())
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.watch.attach()
        self.update_guard()

    def update_guard(self, *_args: object) -> None:
        """Re-checked when the window moves or changes screen and when the projector is shown or hidden."""
        here = self.watch.hall_sees()
        self.show_token.setEnabled(not here)
        if here:
            self.show_token.setChecked(False)
            self.why.setText(
                self.tr(
                    "The projector uses this screen, so the hall would see the desk's token. "
                    "Move this window to the laptop's own screen to show it."
                )
            )
        self.why.setVisible(here)
        self.refresh()

    def refresh(self) -> None:
        url = f"http://{self.room.address}:{self.room.port}/api/state"
        self.address.setText(self.tr("GET {url} with the header Authorization: Bearer <token>").format(url=url))
        shown = self.show_token.isChecked() and not self.watch.hall_sees()
        self.token.setText(self.room.links.api if shown else MASK)
        self.show_token.setText(self.tr("Hide token") if shown else self.tr("Show token"))
        lower = f"http://{self.room.address}:{self.room.port}/lower/{self.room.links.lower}"
        self.lower_link.setText(
            self.tr(
                "Lower third for OBS or vMix (browser source, 1920×1080, transparent): {url} "
                "(add ?bg=green for a green background)"
            ).format(url=lower)
        )

    def _unfold(self, on: bool) -> None:
        self.more.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.osc.setVisible(on)
        self.ontime.setVisible(on)

    def _renew_lower(self) -> None:
        self.room.new_lower_link()

    def _renew(self) -> None:
        """A new token is shown at once, for the desk to be set up with it, unless the hall would see it."""
        self.room.new_api_token()
        if not self.watch.hall_sees():
            self.show_token.setChecked(True)
