"""The moderator's console: timer, inner circle, free-chair queue, participants, statistics, projector preview.

Laid out for a 1366×768 venue laptop: three columns in a splitter, nothing that needs scrolling to reach the
timer or Next. The projector's preview and its stage controls (topic, message, blank, countdown) sit at the
top right, so the moderator sees what the room sees.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QCursor, QDesktopServices, QPalette, QScreen
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from fishbowl_desktop.controller import Autosaver, SessionController, TimerTicker
from fishbowl_desktop.controller.settings_store import SettingsStore, settings_store
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.ui.circle.circle_view import CircleView
from fishbowl_desktop.ui.paper.csv_export import CsvExporter
from fishbowl_desktop.ui.paper.pdf_export import ExportOutcome, PdfExporter, kind_label
from fishbowl_desktop.ui.people.participants_panel import ParticipantsPanel
from fishbowl_desktop.ui.people.stats_panel import StatsPanel
from fishbowl_desktop.ui.projector import ProjectorManager, ProjectorState
from fishbowl_desktop.ui.projector.stage_panel import StagePanel
from fishbowl_desktop.ui.queue.queue_panel import QueuePanel
from fishbowl_desktop.ui.shell.console_menus import ConsoleMenus
from fishbowl_desktop.ui.shell.console_preferences import ConsolePreferences
from fishbowl_desktop.ui.shell.file_menu import SessionFileMenu
from fishbowl_desktop.ui.shell.format_menu import FormatMenu
from fishbowl_desktop.ui.shell.key_guard import KeyGuard
from fishbowl_desktop.ui.shell.key_legends import key_legend
from fishbowl_desktop.ui.shell.message_bar import MessageBar
from fishbowl_desktop.ui.shell.message_place import MessagePlace
from fishbowl_desktop.ui.shell.quit_question import QuitQuestion
from fishbowl_desktop.ui.shell.rename_offer import RenameOffer
from fishbowl_desktop.ui.shell.save_status import SaveStatus
from fishbowl_desktop.ui.shell.shortcuts import install_shortcuts, shortcut_for, translated
from fishbowl_desktop.ui.shell.switch_notice import SwitchNotice
from fishbowl_desktop.ui.timer.chime import Chime, ChimePlayer
from fishbowl_desktop.ui.timer.discussion_strip import DiscussionStrip
from fishbowl_desktop.ui.timer.timer_panel import TimerPanel
from fishbowl_desktop.ui.widgets.key_menu import popup_from_key
from fishbowl_desktop.ui.widgets.pick_list import PickList
from fishbowl_desktop.ui.widgets.sheet import BUTTON, TAB_PANE, pale_background, style_buttons, style_title

if TYPE_CHECKING:
    from fishbowl_desktop.controller.session_files import SessionFiles
    from fishbowl_desktop.ui.event.event_dialog import EventDialog
    from fishbowl_desktop.ui.shell.help_dialog import ShortcutsDialog
    from fishbowl_desktop.ui.shell.welcome import WelcomePanel


def menu_origin(menu: QSize, window: QRect, cursor: QPoint, available: QRect) -> QPoint:
    """Where a menu opened by a key goes: at the cursor when it is over the window, else centred on the
    window; then moved so that all of it lies on `available` (the window's screen)."""
    origin = cursor if window.contains(cursor) else window.center() - QPoint(menu.width() // 2, menu.height() // 2)
    x = max(available.left(), min(origin.x(), available.right() + 1 - menu.width()))
    y = max(available.top(), min(origin.y(), available.bottom() + 1 - menu.height()))
    return QPoint(x, y)


class ConsoleWindow(QMainWindow):
    closed = Signal()
    restartRequested = Signal()
    """After a language change the moderator chose "Restart now"; the app restarts on the same session."""
    _system_colours: QPalette | None = None
    """The application's palette the window and what is inside were last coloured from (`_pale_background`)."""

    def __init__(
        self,
        controller: SessionController,
        ticker: TimerTicker,
        autosaver: Autosaver | None = None,
        settings: SettingsStore | None = None,
        files: SessionFiles | None = None,
        exporter: PdfExporter | None = None,
        parent: QWidget | None = None,
        chime_player: ChimePlayer | None = None,
        guard_keys_now: bool = True,
    ):
        """`guard_keys_now=False`: the key guard waits for `key_guard.take_up()` and the buttons for
        `buttons_keep_the_keyboard()` (the start: after the first frame)."""
        super().__init__(parent)
        self.controller = controller
        self.ticker = ticker
        self.autosaver = autosaver
        self.files = files
        self.store = settings_store(settings, self)
        """The app's preferences: the projector, the chime, the menus and the session files read and follow it."""
        self.exporter = exporter or PdfExporter(lambda: controller.session, parent=self, store=self.store)
        self.setMinimumSize(1000, 620)
        self._close_anyway = False

        # Each panel is built inside its final parent (see _build_frame)
        self._build_frame()
        left = self._columns[0]
        self.timer_panel = TimerPanel(controller, ticker, left)
        self.discussion_strip = DiscussionStrip(controller, ticker, left)
        self.circle = CircleView(controller, left)
        self.queue_panel = QueuePanel(controller, self.splitter)  # the splitter's middle column (see _build_frame)
        self._columns.append(self.queue_panel)
        self._columns.append(QWidget(self.splitter))
        self.tabs = QTabWidget(self._columns[2])
        self.tabs.setStyleSheet(TAB_PANE + BUTTON)  # before its pages are built inside it: padded buttons there too
        self._tab_pages = self.tabs.findChild(QStackedWidget)
        """The tabs' page stack: a page built inside it is not moved (and polished again) by `addTab`."""
        self.queue_panel.follow_clock(ticker)
        self.chime = Chime(controller, ticker, chime_player, self.store.settings.chime, self)
        self.store.settingsChanged.connect(self._follow_settings)
        self.save_status = SaveStatus(autosaver, files, self.message_bar, self)
        self.save_label = self.save_status.label
        self.file_menu = SessionFileMenu(
            self,
            files,
            self.message_bar,
            self.save_status.refresh,
            lambda switch: self.quit_question.ask_or_switch(switch),  # built with the panels, below
        )
        self.preferences = ConsolePreferences(
            self,
            controller,
            self.store,
            files,
            autosaver,
            self.message_bar,
            lambda: self.welcome,
            self.chime,
            self.save_status.refresh,
            self.edit_event,
        )
        self.preferences.restartRequested.connect(self.restartRequested)
        controller.sessionReplaced.connect(self._welcome_done)
        self._build_panels()
        self.message_place: MessagePlace = MessagePlace(controller, self.message_bar, self.projector)
        self._build_layout()

        self.commands = install_shortcuts(self, controller, self._handlers())
        self.format_menu = FormatMenu(self, controller, self.commands, self.circle)
        self.switch_notice = SwitchNotice(controller, self)
        if guard_keys_now:  # else the start calls it with the key guard's take_up, after the first frame
            self.buttons_keep_the_keyboard()
        self.key_guard = KeyGuard(self, lambda: self.controller.clock.monotonic(), on_guard=guard_keys_now)
        self.key_guard.refused.connect(self._key_refused)
        self.menus = ConsoleMenus(
            self,
            self.commands,
            self.store,
            controller.undo_stack,
            self.exporter,
            self.projector,
            self.file_menu,
            self.preferences,
            self.identify_screens,
        )
        self.export_progress = QProgressBar()
        self.export_progress.setRange(0, 0)  # busy indicator: Typst reports the page count once, when laid out
        self.export_progress.setMaximumWidth(160)
        self.export_progress.hide()
        self.statusBar().addPermanentWidget(self.export_progress)
        self.statusBar().addPermanentWidget(self.save_label)
        from fishbowl_desktop.ui.room.room_menu import (
            install_room,  # the room's menu and indicator; aiohttp loads only when switched on
        )

        self.room_menu = install_room(self)
        if files is not None:
            from fishbowl_desktop.ui.shell.owner_watch import OwnerWatch

            self.owner_watch = OwnerWatch(self)
        self.rename_offer = RenameOffer(self)

        controller.errorRaised.connect(self.show_error)
        controller.eventChanged.connect(self._update_title)
        controller.sessionReplaced.connect(self._update_title)
        controller.stageChanged.connect(self._sync_blank)
        self.queue_panel.leaveRequested.connect(self.focus_circle)
        self.queue_panel.entryDone.connect(self._entry_done)
        self.queue_panel.refusalOutdated.connect(self._take_down)
        for pick_list in (self.queue_panel.ordering, self.stage_panel.topic):
            pick_list.listClosed.connect(lambda p=pick_list: self._list_closed(p))
        controller.nextRefused.connect(self._next_refused)
        self.exporter.started.connect(self._export_started)
        self.exporter.finished.connect(self._export_finished)
        self.exporter.progress.connect(self.statusBar().showMessage)  # "… page 12" while the worker lays out
        self._update_title()
        self._sync_blank()
        self.circle.setFocus()

    # ------------------------------------------------------------------ building
    def _build_panels(self) -> None:
        c, t = self.controller, self.ticker
        self.participants_panel = ParticipantsPanel(c, parent=self._tab_pages)
        self.participants_panel.statusMessage.connect(self.show_notice)
        self.csv_export = CsvExporter(c, self)
        self.csv_export.statusMessage.connect(self.show_notice)
        self.csv_export.problem.connect(self.show_error)
        self.participants_panel.set_export_menu(self.csv_export.menu(self.participants_panel.export_button))
        self.stats_panel = StatsPanel(
            c, t, self._tab_pages, short_turn_seconds=lambda: self.store.settings.print_short_turn_seconds
        )
        self.projector = ProjectorManager(c, t, self.store, self)
        self._projector_warning: str | None = None
        self.projector.statusMessage.connect(self._projector_notice)
        self.projector.stateChanged.connect(self._projector_state)
        self.projector.newScreenOffered.connect(self._offer_screen)
        self.preview_widget = self.projector.preview_widget()
        self.stage_panel = StagePanel(c, self._columns[2])
        self.quit_question = QuitQuestion(self, c, self.projector, self.close)

    def _build_frame(self) -> None:
        """The window's frame before any panel, so that each panel is built inside its final parent: a widget
        moved into another parent is restyled with its whole subtree (a style change, a palette change, and in
        a parent with a style sheet (the tabs, ui/widgets/sheet.py) a second polish for every widget already
        polished; issue 29). The splitter's columns are its children in the order they are made: the left
        column here, then the queue panel and the right column (`__init__`)."""
        central = self._central = QWidget()
        central.setObjectName("console")
        self._v = QVBoxLayout(central)
        self._v.setContentsMargins(8, 6, 8, 4)
        self.setCentralWidget(central)
        self.message_bar = MessageBar(central)
        self._v.addWidget(self.message_bar)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, central)
        self._welcome: WelcomePanel | None = None
        """The first-run welcome, built when first asked for (`welcome`): hidden on every other first frame."""
        self._pale_background()  # before the panels are built: no palette change goes through them afterwards
        self.splitter.setChildrenCollapsible(False)
        self._v.addWidget(self.splitter, 1)  # the welcome goes between the message bar and it (`welcome`)
        self._columns: list[QWidget] = [QWidget(self.splitter)]

    def _build_layout(self) -> None:
        """The panels, built inside their columns, are laid out there; the splitter's sizes at the end."""
        left, _queue, right = self._columns

        seat_buttons = QHBoxLayout()
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.timer_panel)
        lv.addWidget(self.discussion_strip)  # the format and the whole discussion's clock (issue 28)
        circle_title = QLabel(self.tr("Inner circle"))
        circle_title.setObjectName("panelTitle")
        style_title(circle_title)
        lv.addWidget(circle_title)
        lv.addWidget(self.circle, 1)
        lv.addLayout(seat_buttons)
        for text, tip, slot in (
            (self.tr("Give the floor"), self.tr("Enter or double-click"), self._seat_floor),
            (self.tr("Seat…"), self.tr("Insert"), self._seat_pick),
            (self.tr("Empty seat"), self.tr("Delete"), self._seat_empty),
        ):
            b = QPushButton(text)
            b.setToolTip(tip)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(slot)
            style_buttons(b)
            seat_buttons.addWidget(b)

        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        preview_title = QLabel(self.tr("Projector"))
        preview_title.setObjectName("panelTitle")
        style_title(preview_title)
        rv.addWidget(preview_title)
        self.preview_widget.setMinimumHeight(150)
        self.preview_widget.setMaximumHeight(230)
        rv.addWidget(self.preview_widget)
        rv.addWidget(self.stage_panel)
        rv.addWidget(self.tabs, 1)
        self.tabs.addTab(self.participants_panel, self.tr("Participants"))
        self.tabs.addTab(self.stats_panel, self.tr("Statistics"))

        # the queue a little wider than the column of its title: in alternating-groups mode its names were cut
        # ("Ольга Кузнец…") at 1366 px; the circle and the participants' list still show the sample whole
        self.splitter.setSizes([440, 350, 556])
        for i, stretch in enumerate((3, 2, 3)):
            self.splitter.setStretchFactor(i, stretch)

    @property
    def welcome(self) -> WelcomePanel:
        """The first-run welcome above the console, built (hidden) when first asked for: a first run shows it on
        its first frame (`build_console`), every other start never needs it unless the moderator opens the
        sample (issue 29: ~6 M instructions, its own style sheet, not built for a frame that does not show it)."""
        if self._welcome is None:
            from fishbowl_desktop.ui.shell.welcome import WelcomePanel

            welcome = self._welcome = WelcomePanel(self._central)
            welcome.hide()
            self._v.insertWidget(1, welcome)  # between the message bar and the columns
            welcome.newSessionChosen.connect(self.preferences.welcome_new)
            welcome.sampleChosen.connect(self.preferences.welcome_sample)
            welcome.shownChanged.connect(self.message_place.welcome_shown)
            self._pale_background()  # the welcome in the window's colour, as the widgets beside it
        return self._welcome

    def _welcome_done(self) -> None:
        """Another session was opened (File → Open, New): the welcome, if it was ever up, has done its job."""
        if self._welcome is not None:
            self._welcome.hide()

    def _pale_background(self) -> None:
        """No style sheet on the window (ui/widgets/sheet.py): the window and the console area pale, what is
        directly inside them in the system's colours."""
        central = self.centralWidget()
        assert central is not None  # set in _build_layout
        self._system_colours = QApplication.palette()
        pale_background(self, self.menuBar(), self.statusBar())
        welcome = [self._welcome] if self._welcome is not None else []  # built later: it takes it then
        pale_background(central, self.message_bar, *welcome, self.splitter)

    def changeEvent(self, event: QEvent) -> None:  # Qt API
        super().changeEvent(event)
        if (
            event.type()
            in (
                QEvent.Type.PaletteChange,
                QEvent.Type.ApplicationPaletteChange,
            )
            and QApplication.palette() != self._system_colours
        ):
            # the system's colours changed (a dark theme: its text colours reach the window): what is inside takes
            # the new ones (the window's own palette set at the start changes nothing there)
            self._pale_background()

    def buttons_keep_the_keyboard(self) -> None:
        """A click on a button leaves the keyboard where it was: Space after a click on "Remove" must not remove
        again. The start calls this right after the first frame (`run_app`, with the key guard): no click can
        come before, and finding the buttons makes PySide6 look up the Python type of every object in the
        window (~500, Qt's own parts of tab bars, splitters and scroll areas among them): ~5 ms."""
        central = self.centralWidget()
        assert central is not None  # set in _build_layout
        for button in central.findChildren(QAbstractButton):
            if button.focusPolicy() == Qt.FocusPolicy.StrongFocus:
                button.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def _handlers(self) -> dict[str, Callable[[], object]]:
        c = self.controller
        # What only the window can do; the session's own commands run their intent from the command table.
        return {
            "next": c.next_or_pick,  # in tap-out: whom does the next person replace?
            "tap_out": lambda: self.format_menu.ask_whom(),
            "undo": c.undo_stack.undo,
            "redo": c.undo_stack.redo,
            "search": self.focus_search,
            "queue_entry": self.queue_panel.focus_entry,
            "focus_circle": self.focus_circle,
            "queue_order": self.queue_panel.open_chain_editor,
            "show_projector": self.toggle_projector,
            "help": self.show_shortcuts,
            "new": self.file_menu.new_session,
            "open": self.file_menu.open_session,
            "save_as": self.file_menu.save_as,
            "export_pdf": self._export_menu_at_cursor,
            "edit_event": self.edit_event,
            "preferences": self.preferences.open_preferences,
            "quit": self.quit_question.ask_or_quit,
        }

    # ------------------------------------------------------------------ feedback
    def show_error(self, text: str) -> None:
        self.message_bar.show_message(text, "warning")
        self.statusBar().showMessage(text, 10000)

    def _key_refused(self, command: str) -> None:
        """The status bar, not the message bar: a refused key must not move anything on screen."""
        spec = shortcut_for(command)
        key = key_legend(spec.keys[0])
        # short enough for the status bar beside the save label at 1366 px, in German too (issue 21, point 11)
        text = self.tr("{key} came right after typing and was not taken: press it again.").format(key=key)
        self.statusBar().showMessage(text, 6000)
        self.statusBar().setToolTip(translated(spec.description))

    def _next_refused(self) -> None:
        self.statusBar().showMessage(
            self.tr("Next ignored: it came within a second of the last one. Press again to call the next guest."),
            6000,
        )

    def _entry_done(self, name: str) -> None:
        """A name joined the queue: the keyboard goes back to the circle, where N and Space work (the welcome
        says to press N next), and the status bar says how to type another name."""
        self.focus_circle()
        self.statusBar().showMessage(self.tr("{name} is waiting. Ctrl+E types the next name.").format(name=name), 6000)

    def _take_down(self, text: str) -> None:
        """A message that is no longer news goes from the strip and the status bar, if it is still up there."""
        self.message_bar.withdraw(text)
        if self.statusBar().currentMessage() == text:
            self.statusBar().clearMessage()

    def _list_closed(self, pick_list: PickList) -> None:
        """A drop-down's list closed after a pick with the mouse: the keys go back to the circle. Reached
        with Tab, the drop-down keeps the keyboard (the arrow keys change it)."""
        if not pick_list.hasFocus():
            self.focus_circle()

    def show_notice(self, text: str, level: str = "info") -> None:
        self.message_bar.show_message(text, level)

    def tie_notice_to_turn(self) -> None:
        """The notice now shown is about the current turn (a recovered speaker, paused): it goes when that
        turn goes on (Space), ends or gives way to another, so "Press Space" never stands for the next one."""
        text, turn = self.message_bar.text(), self.controller.session.turn
        if not text or turn is None:
            return
        which = (turn.participant_id, turn.started_at)

        def check() -> None:
            now = self.controller.session.turn
            if now is not None and (now.participant_id, now.started_at) == which and not now.timer.is_running:
                return
            self.message_bar.withdraw(text)
            self.controller.turnChanged.disconnect(check)

        self.controller.turnChanged.connect(check)

    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("{title} – Fishbowl Desktop").format(title=self.controller.session.event.title))

    def _sync_blank(self) -> None:
        self.commands["blank"].setChecked(self.controller.session.stage.blank)

    def refresh_after_rename(self) -> None:
        """The file behind the session got another name: the save label and the title follow it."""
        self.save_status.refresh()
        self._update_title()

    def _follow_settings(self, settings: AppSettings) -> None:
        self.chime.set_enabled(settings.chime)
        self.stats_panel.refresh()  # the accidental-turn threshold is a print option it shares with the report

    @property
    def settings(self) -> AppSettings:
        """The store's current settings (read-only: changes go through `store.set_settings`)."""
        return self.store.settings

    # ------------------------------------------------------------------ circle buttons
    def _seat_floor(self) -> None:
        if self.circle.selected is not None:
            self.circle.activate(self.circle.selected)

    def _seat_pick(self) -> None:
        if self.circle.selected is not None:
            self.circle.open_seat_picker(self.circle.selected)

    def _seat_empty(self) -> None:
        if self.circle.selected is not None:
            self.circle.request_empty(self.circle.selected)

    # ------------------------------------------------------------------ commands
    def focus_circle(self) -> None:
        self.circle.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.participants_panel)
        self.participants_panel.focus_search()

    def toggle_projector(self) -> None:
        self.projector.toggle_projector()

    def identify_screens(self) -> None:
        self.projector.identify_screens()

    def _projector_notice(self, text: str, level: str) -> None:
        self.show_notice(text, level)
        self._projector_warning = text if level != "info" else None

    def _projector_state(self, state: ProjectorState) -> None:
        """The projector is shown again: a "disconnected … hidden" warning still up would be wrong."""
        if state in (ProjectorState.ON_SCREEN, ProjectorState.IN_WINDOW) and self._projector_warning is not None:
            self.message_bar.withdraw(self._projector_warning)
            self._projector_warning = None

    def _offer_screen(self, screen: QScreen) -> None:
        """A beamer was plugged in: ask without stopping anything; ignoring the question keeps things as they are."""
        self.message_bar.show_message(
            self.tr("A new screen is connected: {name}. Show the projector there?").format(name=screen.name()),
            "info",
            self.tr("Move projector"),
            self.projector.accept_offered_screen,
        )

    def edit_event(self) -> EventDialog:
        from fishbowl_desktop.ui.event.event_dialog import EventDialog  # on first use: not part of the first frame

        dialog = EventDialog(self.controller, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def show_shortcuts(self) -> ShortcutsDialog:
        from fishbowl_desktop.ui.shell.help_dialog import ShortcutsDialog  # on first use

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def _export_menu_at_cursor(self) -> None:
        """Ctrl+P: at the mouse if it is over the console, else in the console's middle; always whole on the
        console's screen (the mouse may rest on the beamer, where the hall would see the menu)."""
        screen = self.screen()
        available = screen.availableGeometry() if screen is not None else self.frameGeometry()
        menu = self.menus.export_menu
        popup_from_key(menu, menu_origin(menu.sizeHint(), self.frameGeometry(), QCursor.pos(), available))

    def _export_started(self, text: str) -> None:
        self.export_progress.show()
        self.statusBar().showMessage(text)
        self.menus.export_menu.setEnabled(False)

    def _export_finished(self, outcome: ExportOutcome) -> None:
        self.export_progress.hide()
        self.menus.export_menu.setEnabled(True)
        self.statusBar().clearMessage()
        if outcome.ok:
            from PySide6.QtCore import QUrl  # made when a PDF is saved, not on the way to the first frame

            url = QUrl.fromLocalFile(str(outcome.path))
            self.message_bar.show_message(
                (
                    self.tr("{what}: 1 page saved to {path}")
                    if outcome.pages == 1
                    else self.tr("{what}: {pages} pages saved to {path}")
                ).format(what=kind_label(outcome.kind), pages=outcome.pages, path=outcome.path),
                "info",
                self.tr("Open PDF"),
                lambda: QDesktopServices.openUrl(url),
            )
        elif outcome.unprintable:
            retry = outcome.retry_options
            self.message_bar.show_message(
                outcome.error or "",
                "error",
                self.tr("Print the rest"),
                lambda: self.exporter.start(outcome.kind, outcome.path, retry),
            )
        else:
            self.message_bar.show_message(outcome.error or "", "error")

    # ------------------------------------------------------------------ closing
    def closeEvent(self, event: QCloseEvent) -> None:
        """The last save is synchronous; if it fails, the first close is refused with the reason and a second
        close quits anyway, so the moderator decides knowingly."""
        if event.spontaneous() and self.quit_question.box is None and self.quit_question.reason():
            event.ignore()  # the window's close button in the middle of a turn: asked as Ctrl+Q is
            self.quit_question.ask_or_quit()
            return
        saver = self.autosaver
        if saver is not None and not saver.flush_final() and not self._close_anyway:
            self._close_anyway = True
            self.message_bar.show_message(
                self.tr("{reason} Close the window again to quit anyway; the latest changes would be lost.").format(
                    reason=saver.last_error or ""
                ),
                "error",
            )
            event.ignore()
            return
        try:
            self.projector.hide_projector()
        except Exception:
            traceback.print_exc(file=sys.stderr)
        event.accept()
        self.closed.emit()
