"""Edit → Preferences and File → Forget personal data, driven through the real console window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fishbowl_desktop.app import Console, build_console
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.settings import AppSettings, load_settings
from fishbowl_desktop.startup.plan import plan_start
from fishbowl_desktop.storage import Workspace, backup_path, save_session
from fishbowl_desktop.ui.shell.privacy_dialog import ForgetDataDialog
from fishbowl_desktop.ui.shell.settings_dialog import SettingsDialog


class FakePlayer:
    def __init__(self, available: bool) -> None:
        self._available = available

    def available(self) -> bool:
        return self._available

    def play(self) -> None:
        pass


@pytest.fixture
def console(tmp_path: Path, clock: FakeClock, qtbot: QtBot) -> Console:
    workspace = Workspace(tmp_path / "home")
    plan = plan_start(workspace, demo=True, clock=clock)
    c = build_console(plan, workspace, AppSettings())
    c.window.chime.player = FakePlayer(available=False)
    qtbot.addWidget(c.window)
    c.window.resize(1366, 768)
    c.window.show()
    qtbot.waitExposed(c.window)
    return c


def open_dialog(console: Console) -> SettingsDialog:
    console.window.menus.preferences_action.trigger()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, SettingsDialog)  # opened with open(): window-modal, the loop keeps running
    return dialog


def test_preferences_apply_at_once_and_are_saved(console: Console, tmp_path: Path) -> None:
    w = console.window
    assert w.menus.preferences_action.shortcut().toString() == "Ctrl+Shift+,"
    d = open_dialog(console)
    d.panel_time.setValue(240)
    d.warning.setValue(45)
    d.ordering.setCurrentIndex(d.ordering.findData("alternate_groups"))
    d.auto_start.setChecked(False)
    d.chime.setChecked(True)
    d.next_count.setValue(5)
    d.first_names.setChecked(True)
    d.follow.setCurrentIndex(d.follow.findData("never"))
    d.folder.setText(str(tmp_path / "abende"))
    d.accept()
    assert not d.isVisible()
    s = w.settings
    assert (s.default_panel_seconds, s.default_warning_seconds, s.default_ordering, s.default_auto_start_next) == (
        240,
        45,
        "alternate_groups",
        False,
    )
    assert w.projector.settings.projector_next_count == 5 and w.projector.settings.projector_first_names_only
    assert w.projector.settings.projector_follow_new_screen == "never"
    assert w.chime.enabled
    assert "No sound player" in w.message_bar.text()  # said once, when the chime is turned on
    assert console.files.workspace.sessions_dir == tmp_path / "abende"
    assert load_settings(console.files.workspace.base_dir / "settings.json") == s
    assert console.controller.session.settings.panel_seconds == 180.0  # the open session keeps its own
    w.file_menu.new_session()
    assert console.autosaver.path is not None and console.autosaver.path.parent == tmp_path / "abende"
    assert console.controller.session.settings.panel_seconds == 240.0


def test_an_unwritable_folder_keeps_the_dialog_open_with_the_reason(console: Console, tmp_path: Path) -> None:
    a_file = tmp_path / "liste.csv"
    a_file.write_text("Name\n")
    d = open_dialog(console)
    d.chime.setChecked(True)
    d.folder.setText(str(a_file / "abende"))
    d.accept()
    assert d.isVisible() and not d.error.isHidden() and "cannot be saved in" in d.error.text()
    assert console.window.settings == AppSettings()  # nothing applied, nothing lost in the dialog
    assert d.chime.isChecked()
    d.folder.setText(str(console.files.workspace.default_sessions_dir))
    d.accept()
    assert not d.isVisible() and console.window.settings.sessions_folder == ""


def test_language_in_the_preferences_offers_a_restart(console: Console) -> None:
    d = open_dialog(console)
    d.language.setCurrentIndex(d.language.findData("de"))
    d.accept()
    w = console.window
    assert w.settings.language == "de" and w.menus.language_actions["de"].isChecked()
    assert "next start" in w.message_bar.text() and w.message_bar.action.isVisible()


def test_a_remembered_projector_screen_survives_the_dialog(console: Console) -> None:
    d = open_dialog(console)
    console.window.store.set_settings(console.window.settings.with_changes(projector_screen_name="HDMI-1"))
    d.flash.setChecked(False)
    d.accept()
    s = console.window.settings
    assert s.projector_screen_name == "HDMI-1" and not s.projector_flash_overtime


def test_forget_personal_data_from_the_file_menu(console: Console, qtbot: QtBot) -> None:
    w = console.window
    path = console.autosaver.path
    assert path is not None
    for _ in range(3):
        save_session(console.controller.session, path, backup=True)
    console.controller.enqueue("aud-05")
    assert w.menus.forget_action.text().replace("&", "") == "Forget personal data…"
    w.menus.forget_action.trigger()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ForgetDataDialog)
    label = dialog.findChild(type(w.save_label))
    assert label is not None and "cannot be undone" in label.text()
    dialog.reject()  # Cancel keeps everything
    assert console.controller.session.participant("aud-05").name == "Małgorzata Wiśniewska"
    w.menus.forget_action.trigger()
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ForgetDataDialog)
    dialog.forget_button.click()
    session = console.controller.session
    assert session.participants[0].name == "Teilnehmer*in 1"
    assert not w.commands["undo"].isEnabled()
    assert "Personal data forgotten" in w.message_bar.text()
    assert not backup_path(path, 1).exists() and "Wiśniewska" not in path.read_text(encoding="utf-8")
    # the views show the numbers: the queue and the circle read the new ids without errors
    assert w.queue_panel.isVisible() and "Teilnehmer*in" in w.timer_panel.speaker.text() + " ".join(
        str(w.queue_panel.view.model().index(r, 0).data()) for r in range(w.queue_panel.view.model().rowCount())
    )


def test_forget_with_nobody_listed_just_says_so(tmp_path: Path, clock: FakeClock, qtbot: QtBot) -> None:
    workspace = Workspace(tmp_path / "home")
    c = build_console(plan_start(workspace, clock=clock), workspace, AppSettings())
    qtbot.addWidget(c.window)
    assert c.window.preferences.confirm_forget_personal_data() is None
    assert "no personal data" in c.window.message_bar.text()


def test_chime_note_and_restart_offer_together(console: Console) -> None:
    d = open_dialog(console)
    d.chime.setChecked(True)
    d.language.setCurrentIndex(d.language.findData("en"))
    d.accept()
    text = console.window.message_bar.text()
    assert "No sound player" in text and "next start" in text
    assert console.window.menus.language_actions["en"].isChecked()
    d = open_dialog(console)
    d.chime.setChecked(False)
    d.accept()
    console.window.message_bar.hide()
    d = open_dialog(console)
    d.chime.setChecked(True)
    d.accept()
    assert "No sound player" not in console.window.message_bar.text()  # said once per run


@pytest.mark.parametrize("language", ["en", "de"])
def test_dialogs_and_welcome_fit_1366_by_768_uncut(console: Console, qtbot: QtBot, language: str) -> None:
    """German labels are longer: the Preferences and the forget dialog fit the laptop screen, and no button
    or check box is narrower than its text; the welcome leaves the timer and Next on screen."""
    from PySide6.QtWidgets import QAbstractButton

    from fishbowl_desktop.app import install_translations

    app = QApplication.instance()
    assert app is not None
    translators = install_translations(app, language) if language != "en" else []
    try:
        from fishbowl_desktop.ui.shell.welcome import WelcomePanel

        w = console.window
        welcome = WelcomePanel()
        qtbot.addWidget(welcome)
        prefs = SettingsDialog(AppSettings(), Path("/tmp/sessions"), w)
        forget = ForgetDataDialog(17, "2026-12-03 Neue Hannoveraner*innen.fishbowl.json", w)
        if language == "de":
            assert prefs.windowTitle() == "Voreinstellungen" and welcome.new_button.text() == "Neue Sitzung"
        for dialog in (prefs, forget):
            dialog.show()
            qtbot.waitExposed(dialog)
            assert dialog.width() <= 1366 and dialog.height() <= 768 - 60, (dialog.width(), dialog.height())
            buttons = [b for b in dialog.findChildren(QAbstractButton) if b.isVisibleTo(dialog)]
            cut = [(b.text(), b.width(), b.sizeHint().width()) for b in buttons if b.width() < b.sizeHint().width() - 2]
            assert not cut
            dialog.close()
        welcome.setFixedWidth(1350)
        assert welcome.heightForWidth(1350) < 260 or welcome.sizeHint().height() < 260
    finally:
        for t in translators:
            app.removeTranslator(t)


def test_a_missing_sound_file_is_named_as_such(
    console: Console, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import fishbowl_desktop.ui.shell.console_preferences as module

    monkeypatch.setattr(module, "chime_file", lambda: tmp_path / "gone.wav")
    console.window.preferences.apply_settings(console.window.settings.with_changes(chime=True))
    assert "sound file is missing" in console.window.message_bar.text()
