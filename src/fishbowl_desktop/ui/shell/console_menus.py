"""The console's menu bar: File, Edit, Speaker, View, Help, built over the window's commands (whose keys
`shortcuts.install_shortcuts` set up), and kept in step with the settings store and the undo stack.

Texts keep the console window's translation context (they were written there first; the German follows).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from fishbowl_desktop.commands import all_commands
from fishbowl_desktop.model.paper import DOCUMENT_KINDS
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.ui.paper.pdf_export import PdfExporter, kind_label
from fishbowl_desktop.ui.projector.screen_menu import ProjectorScreenMenu

if TYPE_CHECKING:
    from fishbowl_desktop.controller.settings_store import SettingsStore
    from fishbowl_desktop.controller.undo_history import UndoHistory
    from fishbowl_desktop.ui.projector import ProjectorManager
    from fishbowl_desktop.ui.shell.console_preferences import ConsolePreferences
    from fishbowl_desktop.ui.shell.file_menu import SessionFileMenu


class ConsoleMenus(QObject):
    def __init__(
        self,
        window: QMainWindow,
        commands: dict[str, QAction],
        store: SettingsStore,
        undo_stack: UndoHistory,
        exporter: PdfExporter,
        projector: ProjectorManager,
        file_menu: SessionFileMenu,
        preferences: ConsolePreferences,
        identify: Callable[[], None],
    ):
        super().__init__(window)
        self._window = window
        self._commands = commands
        self._store = store
        self._preferences = preferences
        self._label_commands()
        self._build_file(file_menu, exporter, preferences, enabled=file_menu.files is not None)
        self._build_edit()
        speaker = window.menuBar().addMenu(QCoreApplication.translate("ConsoleWindow", "&Speaker"))
        for command in all_commands():  # the command table's order
            if command.menu == "speaker" and command.name in commands:
                speaker.addAction(commands[command.name])
        self._build_view(projector, identify)
        help_menu = window.menuBar().addMenu(QCoreApplication.translate("ConsoleWindow", "&Help"))
        help_menu.addAction(commands["help"])
        self.problem_report_action = help_menu.addAction(
            QCoreApplication.translate("ConsoleWindow", "Save a &problem report…"), self.save_problem_report
        )
        help_menu.addAction(QCoreApplication.translate("ConsoleWindow", "&About Fishbowl Desktop"), self.show_about)

        store.settingsChanged.connect(self._follow)
        undo_stack.undoTextChanged.connect(self._name_undo)
        undo_stack.redoTextChanged.connect(self._name_redo)
        self._name_undo(undo_stack.undoText())
        self._name_redo(undo_stack.redoText())
        undo_stack.canUndoChanged.connect(commands["undo"].setEnabled)
        undo_stack.canRedoChanged.connect(commands["redo"].setEnabled)
        commands["undo"].setEnabled(undo_stack.canUndo())
        commands["redo"].setEnabled(undo_stack.canRedo())

    def save_problem_report(self) -> None:
        from fishbowl_desktop.ui.shell.problem_report import ask_and_save

        ask_and_save(self._window, self._window.show_notice)  # type: ignore[attr-defined]

    def _label_commands(self) -> None:
        texts = {
            "new": QCoreApplication.translate("ConsoleWindow", "&New session"),
            "open": QCoreApplication.translate("ConsoleWindow", "&Open…"),
            "save_as": QCoreApplication.translate("ConsoleWindow", "Save &as…"),
            "quit": QCoreApplication.translate("ConsoleWindow", "&Quit"),
            "undo": QCoreApplication.translate("ConsoleWindow", "&Undo"),
            "redo": QCoreApplication.translate("ConsoleWindow", "&Redo"),
            "show_projector": QCoreApplication.translate("ConsoleWindow", "Show/hide &projector"),
            "blank": QCoreApplication.translate("ConsoleWindow", "&Blank projector"),
            "help": QCoreApplication.translate("ConsoleWindow", "&Keyboard shortcuts"),
            "search": QCoreApplication.translate("ConsoleWindow", "&Find participant"),
            "next": QCoreApplication.translate("ConsoleWindow", "&Next on the free chair"),
            "toggle_timer": QCoreApplication.translate("ConsoleWindow", "&Start/pause the time"),
            "add_time": QCoreApplication.translate("ConsoleWindow", "+30 seconds"),
            "take_time": QCoreApplication.translate("ConsoleWindow", "−30 seconds"),
            "end_turn": QCoreApplication.translate("ConsoleWindow", "&End turn"),
            "reset_timer": QCoreApplication.translate("ConsoleWindow", "&Reset the time"),
        }
        for command, text in texts.items():
            self._commands[command].setText(text)
        self._commands["blank"].setCheckable(True)

    def _build_file(
        self, file_menu: SessionFileMenu, exporter: PdfExporter, preferences: ConsolePreferences, enabled: bool
    ) -> None:
        a = self._commands
        menu = self._window.menuBar().addMenu(QCoreApplication.translate("ConsoleWindow", "&File"))
        menu.addAction(a["new"])
        menu.addAction(a["open"])
        menu.addMenu(file_menu.recent_menu)
        menu.addAction(a["save_as"])
        menu.addSeparator()
        self.export_menu = menu.addMenu(QCoreApplication.translate("ConsoleWindow", "&Export PDF…"))
        self.export_menu.aboutToShow.connect(exporter.warm_up)  # the moderator is about to print: start the worker
        for kind in DOCUMENT_KINDS:
            self.export_menu.addAction(kind_label(kind) + "…", partial(exporter.ask, kind, self._window))
        menu.addSeparator()
        self.forget_action = menu.addAction(
            QCoreApplication.translate("ConsoleWindow", "&Forget personal data…"),
            preferences.confirm_forget_personal_data,
        )
        menu.addSeparator()
        menu.addAction(a["quit"])
        for command in ("new", "open", "save_as"):
            a[command].setEnabled(enabled)

    def _build_edit(self) -> None:
        a = self._commands
        edit = self._window.menuBar().addMenu(QCoreApplication.translate("ConsoleWindow", "&Edit"))
        edit.addAction(a["undo"])
        edit.addAction(a["redo"])
        edit.addSeparator()
        edit.addAction(a["search"])
        edit.addSeparator()
        self.event_action = a["edit_event"]
        self.event_action.setText(QCoreApplication.translate("ConsoleWindow", "Event and fishbowl &settings…"))
        edit.addAction(self.event_action)
        self.queue_order_action = a["queue_order"]
        self.queue_order_action.setText(QCoreApplication.translate("ConsoleWindow", "Order of the &queue…"))
        edit.addAction(self.queue_order_action)
        self.preferences_action = a["preferences"]
        self.preferences_action.setText(QCoreApplication.translate("ConsoleWindow", "&Preferences…"))
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        edit.addAction(self.preferences_action)

    def _build_view(self, projector: ProjectorManager, identify: Callable[[], None]) -> None:
        settings = self._store.settings
        view = self._window.menuBar().addMenu(QCoreApplication.translate("ConsoleWindow", "&View"))
        view.addAction(self._commands["show_projector"])
        self.screen_menu = ProjectorScreenMenu(projector, view)
        view.addMenu(self.screen_menu)
        self.identify_action = QAction(QCoreApplication.translate("ConsoleWindow", "&Identify screens"), self._window)
        self.identify_action.triggered.connect(lambda: identify())
        view.addAction(self.identify_action)
        view.addAction(self._commands["blank"])
        self.black_blank_action = QAction(
            QCoreApplication.translate("ConsoleWindow", "Blank to b&lack (no title)"), self._window
        )
        self.black_blank_action.setCheckable(True)
        self.black_blank_action.setChecked(settings.projector_black_blank)
        self.black_blank_action.toggled.connect(lambda black: self._store.change(projector_black_blank=black))
        view.addAction(self.black_blank_action)

        view.addSeparator()
        language_menu = view.addMenu(QCoreApplication.translate("ConsoleWindow", "&Language"))
        self.language_actions: dict[str, QAction] = {}
        for code, label in (
            ("", QCoreApplication.translate("ConsoleWindow", "Follow the system")),
            ("de", "Deutsch"),
            ("en", "English"),
        ):
            action = language_menu.addAction(label, partial(self._choose_language, code))
            action.setCheckable(True)
            action.setChecked(settings.language == code)
            self.language_actions[code] = action

    def _choose_language(self, code: str) -> None:
        self._preferences.choose_language(code)
        self._mark_language(self._store.settings.language)  # also when unchanged: a click unticks a ticked item

    def _mark_language(self, code: str) -> None:
        for other, action in self.language_actions.items():
            action.setChecked(other == code)

    def _follow(self, settings: AppSettings) -> None:
        self.black_blank_action.setChecked(settings.projector_black_blank)
        self._mark_language(settings.language)

    def _name_undo(self, what: str) -> None:
        """The Edit menu says what Undo will undo ("Undo Next: Ahmad Al-Sayed"), so PageUp is never a gamble."""
        what = what.replace("&", "&&")
        self._commands["undo"].setText(
            QCoreApplication.translate("ConsoleWindow", "&Undo {what}").format(what=what)
            if what
            else QCoreApplication.translate("ConsoleWindow", "&Undo")
        )

    def _name_redo(self, what: str) -> None:
        what = what.replace("&", "&&")
        self._commands["redo"].setText(
            QCoreApplication.translate("ConsoleWindow", "&Redo {what}").format(what=what)
            if what
            else QCoreApplication.translate("ConsoleWindow", "&Redo")
        )

    def show_about(self) -> None:
        from fishbowl_desktop.ui.shell.about import show_about

        box = show_about(self._window)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
