"""The console's "Room" menu and its status-bar indicator, built here so the console needs only one line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QScreen
from PySide6.QtWidgets import QLabel, QMenu

from fishbowl_desktop.room.service import Room

if TYPE_CHECKING:
    from fishbowl_desktop.ui.room.room_projector_qr import AudienceQrOnProjector
    from fishbowl_desktop.ui.room.room_window import RoomWindow
    from fishbowl_desktop.ui.shell.console_window import ConsoleWindow

QR_SHORTCUT = "Ctrl+Shift+A"
"""The audience QR code on the projector; not in ui/shell/shortcuts.py's table (owned elsewhere) — see the report."""


class RoomMenu(QObject):
    def __init__(self, window: ConsoleWindow, room: Room):
        super().__init__(window)
        self.window = window
        self.room = room
        self._dialog: RoomWindow | None = None
        menu = QMenu(self.tr("&Room"), window)
        bar_actions = window.menuBar().actions()
        if bar_actions:  # before Help, where a menu of the evening belongs
            window.menuBar().insertMenu(bar_actions[-1], menu)
        else:
            window.menuBar().addMenu(menu)
        self.menu = menu
        self.switch_action = QAction(self.tr("Room &on (phones and tablets)"), window)
        self.switch_action.setCheckable(True)
        self.switch_action.triggered.connect(self.switch)
        menu.addAction(self.switch_action)
        self.show_action = menu.addAction(self.tr("Room &links, QR codes and requests…"), self.show_window)
        self.new_links_action = menu.addAction(self.tr("&New links (drop every phone)"), self.renew)
        menu.addSeparator()
        self.qr_action = QAction(self.tr("Audience &QR code on the projector"), window)
        self.qr_action.setCheckable(True)
        self.qr_action.setShortcut(QKeySequence(QR_SHORTCUT))
        self.qr_action.toggled.connect(self.show_qr)
        menu.addAction(self.qr_action)
        window.addAction(self.qr_action)  # the key works with every menu closed
        self._qr: AudienceQrOnProjector | None = None
        self.indicator = QLabel()
        self.indicator.setTextFormat(Qt.TextFormat.PlainText)
        self.indicator.setObjectName("roomIndicator")
        self.indicator.setStyleSheet("color: #FFFFFF; background: #1F7A4A; padding: 1px 8px; border-radius: 3px;")
        self.indicator.hide()
        window.statusBar().addPermanentWidget(self.indicator)
        room.runningChanged.connect(self._refresh)
        room.runningChanged.connect(window.message_place.room_switched)  # the phones' requests move nothing
        window.message_place.room_switched(room.running)
        room.qrOnProjectorChanged.connect(self.qr_action.setChecked)
        room.countsChanged.connect(self._refresh)
        room.requestsChanged.connect(self._requests)
        room.phonesSaveChanged.connect(self._phones_save)
        self._phones_problem = ""
        """The message about room-phones.json now on the strip, if any."""
        window.closed.connect(room.shut_down)  # quitting is not switching off: the room comes back next time
        window.closed.connect(room.osc.shut_down)  # OSC too
        window.closed.connect(room.ontime.shut_down)
        self._known_requests = 0
        from fishbowl_desktop.room.reach import ReachWatch

        self.reach = ReachWatch(room)
        self.reach.unreachedChanged.connect(self._reach_changed)
        self._refresh()
        # once the event loop runs: after the start has checked room.json (a damaged one is set aside and said
        # there, never replaced here by new links that would break the printed QR codes)
        QTimer.singleShot(0, self._resume)

    def _resume(self) -> None:
        """The room (and the desk's OSC) was on when the app last quit or died: on again, as it was."""
        if self.room.links_stored and self.room.links.osc.on and not self.room.osc.running:
            self._resume_osc()
        if self.room.links_stored and self.room.links.ontime.on and not self.room.ontime.running:
            self.room.ontime.apply(self.room.links.ontime)
        if self.room.running or not self.room.links_stored or not self.room.links.on:
            return
        from fishbowl_desktop.ui.room.room_links import laptop_addresses

        if self.room.address not in laptop_addresses():
            self.room.set_address(laptop_addresses()[0])
        try:
            self.room.start()
        except OSError as exc:
            self.window.show_notice(
                self.tr("The room was on before, but cannot start again on port {port}: {reason}").format(
                    port=self.room.links.port, reason=exc.strerror or exc
                ),
                "error",
            )
        else:
            self._say_quietly(self.tr("The room is on again, as before: the printed links keep working."))
        self._refresh()

    def _say_quietly(self, text: str) -> None:
        """Good news that must not push a warning or an error off the strip (the crash's "paused after …, press
        Space" at the same start): then it goes to the status bar, and the strip keeps why the clock is paused."""
        bar = self.window.message_bar
        if bar.text() and bar.level != "info":
            self.window.statusBar().showMessage(text, 12000)
        else:
            self.window.show_notice(text)

    def _resume_osc(self) -> None:
        osc = self.room.links.osc
        problem = self.room.set_osc(osc)
        if isinstance(problem, OSError):
            self.window.show_notice(
                self.tr("OSC was on before, but cannot listen on UDP port {port}: {reason}").format(
                    port=osc.port, reason=problem.strerror or problem
                ),
                "error",
            )

    def switch(self, on: bool) -> None:
        if on:
            from fishbowl_desktop.ui.room.room_links import laptop_addresses

            if self.room.address not in laptop_addresses():
                self.room.set_address(laptop_addresses()[0])
            self._say_links_refused()
            try:
                self.room.start()
            except OSError as exc:
                self.window.show_notice(
                    self.tr("The room cannot start on port {port}: {reason}").format(
                        port=self.room.links.port, reason=exc.strerror or exc
                    ),
                    "error",
                )
            else:
                self.show_window()
        else:
            self.room.set_qr_on_projector(False)
            self.room.stop()
        self._refresh()

    def _say_links_refused(self) -> None:
        """room.json went bad during the evening (a start says it earlier): set aside, new links, said once."""
        _links = self.room.links
        refusal, self.room.links_refusal = self.room.links_refusal, None
        if refusal is not None:
            from fishbowl_desktop.ui.widgets.set_aside import sentence

            self.window.show_notice(sentence(refusal), "warning")

    def show_qr(self, on: bool) -> None:
        """The audience QR code on the projector (and its preview); switching it on also switches the room on."""
        if on and not self.room.running:
            self.switch(True)
            if not self.room.running:
                self.qr_action.setChecked(False)
                return
        if on and self._qr is None:
            from fishbowl_desktop.ui.room.room_projector_qr import AudienceQrOnProjector

            self._qr = AudienceQrOnProjector(self.room, self.window.preview_widget, self.window.projector.window().view)
        self.room.set_qr_on_projector(on)

    def renew(self) -> None:
        self.room.new_links()
        self.window.show_notice(self.tr("New room links: the old ones no longer work and every phone was dropped."))

    def show_window(self) -> RoomWindow:
        from fishbowl_desktop.ui.room.room_window import RoomWindow

        self._say_links_refused()
        if self._dialog is None:
            self._dialog = RoomWindow(self.room, self.window, self._projector_screens)
            for change in (self.window.projector.stateChanged, self.window.projector.visibilityChanged):
                change.connect(self._dialog.control.update_guard)
                change.connect(self._dialog.desk.update_guard)
        self._dialog.show()
        self._dialog.raise_()
        return self._dialog

    def _projector_screens(self) -> list[QScreen]:
        """The screen the projector's window is on, if it is shown (a small window on a single, perhaps mirrored,
        screen counts too), and every screen showing the same picture."""
        projector = self.window.projector
        if not projector.is_visible():
            return []
        screen = projector.window().screen()
        if screen is None:
            return []
        mirrors = [s for s in QGuiApplication.screens() if s is not screen and s.geometry() == screen.geometry()]
        return [screen, *mirrors]

    def _refresh(self, *_args: object) -> None:
        on = self.room.running
        self.switch_action.setChecked(on)
        self.indicator.setVisible(on)
        if on:
            phones = sum(self.room.counts.values())
            text = self.tr("Room on · port {port} · phones: {n}").format(port=self.room.port, n=phones)
            if self.room.pending:
                text += " · " + self.tr("requests: {n}").format(n=len(self.room.pending))
            if self.reach.unreached:
                text += " · " + self.tr("no phone yet")
            if self.room.phones_error:
                text += " · " + self.tr("not saved")
            self.indicator.setText(text)

    def _reach_changed(self, unreached: bool) -> None:
        """No phone in minutes: say what to check (once per start of the room); the first phone takes it back."""
        if unreached:
            self.window.show_notice(
                self.tr(
                    "No phone has reached the room in {minutes} min. If phones cannot open the link: they must be on "
                    "the same network as this laptop ({address}); a guest Wi-Fi often keeps devices apart; and the "
                    "laptop's firewall may block port {port} (Windows: allow Fishbowl Desktop on private networks)."
                ).format(minutes=self.reach.minutes(), address=self.room.address, port=self.room.port),
                "warning",
            )
        self._refresh()

    def _phones_save(self, error: str) -> None:
        """room-phones.json could not be written: said where the room's other troubles are, with a way to try
        again at once (the room tries by itself every few seconds); when it works again, the message goes."""
        bar = self.window.message_bar
        if error:
            self._phones_problem = self.tr(
                "The phones' requests and places could not be saved ({reason}). Nothing is lost: the console "
                "keeps them and tries again every few seconds."
            ).format(reason=error)
            bar.show_message(
                self._phones_problem, "error", self.tr("Try again now"), self.room.retry_phones, lasting=True
            )
        else:
            if self._phones_problem:
                bar.withdraw(self._phones_problem)
            if self._phones_problem:
                self.window.show_notice(self.tr("The phones' requests and places are saved again."))
            self._phones_problem = ""
        self._refresh()

    def _requests(self) -> None:
        """A new request is said on the strip; once none waits (accepted, declined, withdrawn) that goes at once."""
        count = len(self.room.pending)
        asks = self.tr("A phone asks for the free chair: accept or decline it under Room.")
        if count > self._known_requests:
            self.window.show_notice(asks)
        elif count == 0:
            self.window.message_bar.withdraw(asks)
        self._known_requests = count
        self._refresh()


def install_room(window: ConsoleWindow) -> RoomMenu | None:
    """Nothing to install without a data folder to keep the links in (a console built without files)."""
    files = window.files
    if files is None:
        return None
    from fishbowl_desktop.ui.room.room_handout import offer_on_handout

    room = Room(window.controller, window.ticker, lambda: window.settings, files.workspace.base_dir, window)
    offer_on_handout(window.exporter, room)
    return RoomMenu(window, room)
