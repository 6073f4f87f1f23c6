"""The room's window on the console: on/off, port, addresses, the three links with QR codes, the control
PIN (shown only here), connected phones per link, and the audience's requests to accept or decline.

Holds no state of its own: everything is read from `Room` and re-read when it announces a change. The request
list is updated in place (rows added and removed, never rebuilt), so the moderator's selection stays on the
person selected while others arrive, and a flood costs one update per batch.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fishbowl_desktop.room.service import DIRECT_PER_MINUTE, Room
from fishbowl_desktop.ui.room.desk_box import DeskBox
from fishbowl_desktop.ui.room.room_control_box import ControlLinkBox, ProjectorScreens
from fishbowl_desktop.ui.room.room_links import KIND_ORDER, laptop_addresses, link_url, qr_pixmap
from fishbowl_desktop.ui.widgets.sheet import style_dialog

WINDOW_ORDER = ("audience", "timer", "interpreter", "control")
"""The audience link first and largest: it is the one to show the hall; the control link waits for a click."""
QR_SCALE = {"audience": 6}


def _plain(text: str = "") -> QLabel:
    """Everything here may carry what a stranger typed: never let a label read it as markup."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class RoomWindow(QDialog):
    def __init__(self, room: Room, parent: QWidget | None = None, projector_screens: ProjectorScreens | None = None):
        super().__init__(parent)
        style_dialog(self)
        self.room = room
        self.control = ControlLinkBox(projector_screens)
        self.setWindowTitle(self.tr("The room: phones and tablets"))
        top = self._top_row(room)
        grid = self._links_grid()
        buttons, direct = self._request_rows(room)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # a squeezed QR code would not scan
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.busy)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Address for the links:")))
        row.addWidget(self.address, 1)
        layout.addLayout(row)
        layout.addLayout(grid)
        pin_row = QHBoxLayout()
        pin_row.addWidget(QLabel(self.tr("Control PIN (shown only here):")))
        pin_row.addWidget(self.pin)
        pin_row.addStretch(1)
        self.control.secret_layout.addLayout(pin_row)
        self.desk = DeskBox(room, self, projector_screens)
        layout.addWidget(self.desk)
        layout.addWidget(QLabel(self.tr("Requests for the free chair")))
        layout.addWidget(self.requests)
        layout.addLayout(buttons)
        layout.addLayout(direct)

        room.runningChanged.connect(self._refresh)
        room.countsChanged.connect(self._refresh_counts)
        room.requestsChanged.connect(self._refresh_requests)
        room.linksChanged.connect(self._refresh_links)
        room.pausedChanged.connect(self._refresh_paused)
        self._fill_addresses()
        self._refresh()
        self._refresh_requests()

    # ------------------------------------------------------------------ the parts, built in focus order
    def _top_row(self, room: Room) -> QHBoxLayout:
        """On/off, port and new links; the status, the address choice and the PIN are placed by the constructor."""
        self.switch = QPushButton()
        self.switch.setCheckable(True)
        self.switch.clicked.connect(self._switch)
        self.port = QSpinBox()
        self.port.setRange(1024, 65535)
        self.port.setValue(room.links.port)
        self.port.editingFinished.connect(self._port_changed)
        self.status = _plain()
        self.status.setWordWrap(True)
        self.address = QComboBox()
        self.address.currentTextChanged.connect(room.set_address)
        self.new_links = QPushButton(self.tr("New links"))
        self.new_links.setToolTip(self.tr("Replaces all the links and the PIN; every connected phone is dropped"))
        self.new_links.clicked.connect(self._new_links)
        self.pin = _plain()
        self.pin.setObjectName("roomPin")
        self.pin.setStyleSheet("font-size: 20px; font-weight: bold;")

        top = QHBoxLayout()
        top.addWidget(self.switch)
        top.addWidget(QLabel(self.tr("Port:")))
        top.addWidget(self.port)
        top.addStretch(1)
        top.addWidget(self.new_links)
        return top

    def _links_grid(self) -> QGridLayout:
        """The three links with their QR codes and phone counts; the control link only behind a click."""
        grid = QGridLayout()
        self.url_labels: dict[str, QLabel] = {}
        self.qr_labels: dict[str, QLabel] = {}
        self.count_labels: dict[str, QLabel] = {}
        titles = {
            "timer": self.tr("Timer (read-only)"),
            "audience": self.tr("Audience (ask for the free chair)"),
            "control": self.tr("Control (needs the PIN)"),
            "interpreter": self.tr("Interpreters (read-only)"),
        }
        for column, kind in enumerate(WINDOW_ORDER):
            title = _plain(titles[kind])
            title.setStyleSheet("font-weight: bold;")
            url = _plain()
            url.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            qr = QLabel()
            qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
            count = _plain()
            self.url_labels[kind], self.qr_labels[kind], self.count_labels[kind] = url, qr, count
            grid.addWidget(title, 0, column)
            if kind == "control":  # only on a click, never on the projector's screen (room_control_box.py)
                for widget in (qr, url, count):
                    self.control.secret_layout.addWidget(widget)
                grid.addWidget(self.control, 1, column, 3, 1)
                continue
            grid.addWidget(qr, 1, column, Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            grid.addWidget(url, 2, column)
            grid.addWidget(count, 3, column)
        return grid

    def _request_rows(self, room: Room) -> tuple[QHBoxLayout, QHBoxLayout]:
        """The audience's requests: accept, decline, decline all, pause, and "straight into the queue"."""
        self.busy = _plain()
        self.busy.setObjectName("roomBusy")
        self.busy.setWordWrap(True)
        self.busy.hide()
        self.requests = QListWidget()
        self.requests.setMaximumHeight(140)
        self.requests.currentItemChanged.connect(lambda *_: self._enable_buttons())
        self.accept_button = QPushButton(self.tr("Accept"))
        self.accept_button.clicked.connect(self._accept)
        self.decline_button = QPushButton(self.tr("Decline"))
        self.decline_button.clicked.connect(self._decline)
        self.decline_all_button = QPushButton(self.tr("Decline all"))
        self.decline_all_button.setToolTip(self.tr("Declines every waiting request at once; each phone is told"))
        self.decline_all_button.clicked.connect(room.decline_all)
        self.pause_button = QPushButton(self.tr("Pause requests"))
        self.pause_button.setCheckable(True)
        self.pause_button.setToolTip(self.tr("Phones are told that requests are paused; the list keeps what it has"))
        self.pause_button.setChecked(room.paused)
        self.pause_button.toggled.connect(room.set_paused)
        self.directly = QCheckBox(self.tr("Requests go straight into the queue"))
        self.directly.setChecked(room.links.accept_directly)
        self.directly.toggled.connect(room.set_accept_directly)
        self.directly.toggled.connect(lambda _on: self._enable_buttons())
        self.direct_count = _plain()
        self.direct_count.setObjectName("roomDirectCount")
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.decline_button)
        buttons.addWidget(self.decline_all_button)
        buttons.addWidget(self.pause_button)
        buttons.addStretch(1)
        direct = QHBoxLayout()
        direct.addWidget(self.directly)
        direct.addWidget(self.direct_count, 1)
        return buttons, direct

    # ------------------------------------------------------------------ reading the room
    def _fill_addresses(self) -> None:
        self.address.blockSignals(True)
        self.address.clear()
        addresses = laptop_addresses()
        for address in addresses:
            self.address.addItem(address)
        self.address.blockSignals(False)
        if self.room.address in addresses:
            self.address.setCurrentText(self.room.address)
        else:
            self.room.set_address(addresses[0])

    def _refresh(self, *_args: object) -> None:
        on = self.room.running
        self.switch.setChecked(on)
        self.switch.setText(self.tr("Switch the room off") if on else self.tr("Switch the room on"))
        self.port.setEnabled(not on)
        if on:
            self.status.setText(
                self.tr(
                    "The room is on: phones on the same network can open the links below. "
                    "Anyone with a link can use it; use New links to shut everyone out."
                )
            )
        else:
            self.status.setText(self.tr("The room is off: no phone can connect."))
        self._refresh_links()
        self._refresh_counts()

    def _refresh_links(self, *_args: object) -> None:
        links = self.room.links
        address = self.room.address
        for kind in KIND_ORDER:
            url = link_url(address, self.room.port, links.token(kind))
            self.url_labels[kind].setText(url)
            pixmap = qr_pixmap(url, QR_SCALE.get(kind, 4))
            self.qr_labels[kind].setFixedSize(pixmap.size())  # never cropped: a cut QR code does not scan
            self.qr_labels[kind].setPixmap(pixmap)
            self.qr_labels[kind].setEnabled(self.room.running)
        self.pin.setText(links.pin)
        self.directly.setChecked(links.accept_directly)

    def _refresh_counts(self, *_args: object) -> None:
        for kind in KIND_ORDER:
            n = self.room.counts.get(kind, 0)
            self.count_labels[kind].setText(self.tr("Connected: {n}").format(n=n))
        refused = self.room.refused if self.room.running else 0
        self.busy.setVisible(refused > 0)
        if refused:
            self.busy.setText(
                self.tr("Busy: {n} connections refused. Saving and the links already open are not affected.").format(
                    n=refused
                )
            )

    def _refresh_paused(self, paused: bool) -> None:
        self.pause_button.setChecked(paused)
        self.pause_button.setText(self.tr("Requests paused") if paused else self.tr("Pause requests"))

    def _request_text(self, name: str, group: str, consent: bool) -> str:
        text = name if not group else f"{name} ({group})"
        if not consent:
            text += " · " + self.tr("not to be shown by name")
        return text

    def _refresh_requests(self) -> None:
        """In place: rows of requests no longer waiting go, new ones are added at the end, the rest (and the
        selection) stay; a flood's batch is one pass with the list's repaints held."""
        wanted = {r.phone_id: r for r in self.room.pending}
        self.requests.setUpdatesEnabled(False)
        try:
            for row in range(self.requests.count() - 1, -1, -1):
                if str(self.requests.item(row).data(Qt.ItemDataRole.UserRole)) not in wanted:
                    self.requests.takeItem(row)
            shown = {
                str(self.requests.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(self.requests.count())
            }
            for phone_id, request in wanted.items():
                if phone_id not in shown:
                    item = QListWidgetItem(self._request_text(request.name, request.group, request.consent))
                    item.setData(Qt.ItemDataRole.UserRole, phone_id)
                    self.requests.addItem(item)
        finally:
            self.requests.setUpdatesEnabled(True)
        if self.requests.currentItem() is None and self.requests.count():
            self.requests.setCurrentRow(0)
        self._enable_buttons()

    def _enable_buttons(self) -> None:
        has = self.requests.count() > 0
        self.accept_button.setEnabled(self.requests.currentItem() is not None)
        self.decline_button.setEnabled(self.requests.currentItem() is not None)
        self.decline_all_button.setEnabled(has)
        n = self.room.direct_count
        self.direct_count.setText(
            self.tr("{n} went straight in so far; more than {m} a minute wait here for your yes").format(
                n=n, m=DIRECT_PER_MINUTE
            )
            if self.directly.isChecked()
            else ""
        )

    # ------------------------------------------------------------------ the moderator's choices
    def _selected_phone(self) -> str | None:
        item = self.requests.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def _accept(self) -> None:
        phone = self._selected_phone()
        if phone is not None:
            self.room.accept(phone)

    def _decline(self) -> None:
        phone = self._selected_phone()
        if phone is not None:
            self.room.decline(phone)

    def _switch(self, on: bool) -> None:
        if on:
            try:
                self.room.start()
            except OSError as exc:
                self.status.setText(
                    self.tr("The room cannot start on port {port}: {reason}").format(
                        port=self.room.links.port, reason=exc.strerror or exc
                    )
                )
                self.switch.setChecked(False)
                return
        else:
            self.room.stop()

    def _port_changed(self) -> None:
        if self.port.value() != self.room.links.port:
            self.room.set_port(self.port.value())
            self._refresh_links()

    def _new_links(self) -> None:
        self.room.new_links()
        self.status.setText(self.tr("New links made: the old ones no longer work and every phone was dropped."))
