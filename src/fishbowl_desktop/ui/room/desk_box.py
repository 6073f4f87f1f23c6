"""The room window's part for the AV desk: where its HTTP API answers and its bearer token, shown only on a click
(the laptop may be mirrored to the beamer), and a button that renews the token alone (the printed QR codes and
the co-moderator's link stay). What the API offers is in docs/api/ (served at /api/openapi.json). Below it, OSC's
settings (`osc_box`)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from fishbowl_desktop.room.service import Room
from fishbowl_desktop.ui.room.osc_box import OscBox


class DeskBox(QGroupBox):
    def __init__(self, room: Room, parent: QWidget | None = None):
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
        self.show_token.toggled.connect(lambda _on: self.refresh())
        self.renew = QPushButton(self.tr("New token"))
        self.renew.setToolTip(self.tr("Only the desk's token changes; the phones' links and the PIN stay"))
        self.renew.clicked.connect(self._renew)
        row = QHBoxLayout()
        row.addWidget(self.token, 1)
        row.addWidget(self.show_token)
        row.addWidget(self.renew)
        layout = QVBoxLayout(self)
        layout.addWidget(self.address)
        layout.addLayout(row)
        self.osc = OscBox(room, self)
        layout.addWidget(self.osc)
        room.linksChanged.connect(self.refresh)
        room.runningChanged.connect(lambda _on: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        url = f"http://{self.room.address}:{self.room.port}/api/state"
        self.address.setText(self.tr("GET {url} with the header Authorization: Bearer <token>").format(url=url))
        shown = self.show_token.isChecked()
        self.token.setText(self.room.links.api if shown else "•" * 12)
        self.show_token.setText(self.tr("Hide token") if shown else self.tr("Show token"))

    def _renew(self) -> None:
        self.room.new_api_token()
        self.show_token.setChecked(True)
