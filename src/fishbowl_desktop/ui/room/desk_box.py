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
        lower = f"http://{self.room.address}:{self.room.port}/lower/{self.room.links.lower}"
        self.lower_link.setText(
            self.tr(
                "Lower third for OBS or vMix (browser source, 1920×1080, transparent): {url} "
                "(add ?bg=green for a green background)"
            ).format(url=lower)
        )

    def _renew_lower(self) -> None:
        self.room.new_lower_link()

    def _renew(self) -> None:
        self.room.new_api_token()
        self.show_token.setChecked(True)
