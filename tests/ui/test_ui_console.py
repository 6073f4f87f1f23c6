"""The console window at venue-laptop size: layout, timer phases, shortcuts, errors, PDF export feedback."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import Autosaver, SessionController, TimerTicker
from fishbowl_desktop.model import FakeClock, Session, TimerPhase
from fishbowl_desktop.ui.paper.pdf_export import PdfExporter, default_pdf_path, export_document, export_in_background
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from fishbowl_desktop.ui.shell.help_dialog import ShortcutsDialog
from fishbowl_desktop.ui.shell.shortcuts import SHORTCUTS, translated
from helpers.console import open_console


class Pages:
    """A stand-in for documents.export_pdf that records what it was asked (tests the wiring, not Typst)."""

    def __init__(self, fail: Exception | None = None):
        self.calls: list[tuple[str, Path, int]] = []
        self.fail = fail

    def __call__(self, session: Session, kind: str, path: Path, blank_rows: int = 10, options: object = None) -> int:
        if self.fail is not None:
            raise self.fail
        self.calls.append((kind, path, len(session.participants)))
        return 3


@pytest.fixture
def window(ctl: SessionController, qtbot: QtBot) -> ConsoleWindow:
    return open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, Pages()))


def inside(window: QWidget, widget: QWidget) -> bool:
    top_left = widget.mapTo(window, QPoint(0, 0))
    return window.rect().contains(QRect(top_left, widget.size()))


def test_fits_1366_by_768_with_nothing_clipped(window: ConsoleWindow) -> None:
    assert window.size().width() == 1366 and window.size().height() == 768
    t, q = window.timer_panel, window.queue_panel
    key = [
        t.time,
        t.speaker,
        t.phase,
        t.start_pause,
        t.plus,
        t.minus,
        t.reset,
        t.end,
        t.next,
        window.circle,
        q.entry,
        q.view,
        q.next,
        q.ordering,
        window.preview_widget,
        window.tabs,
        window.stage_panel.message,
        window.stage_panel.topic,
        window.stage_panel.countdown,
    ]
    for widget in key:
        assert widget.isVisible(), widget
        assert inside(window, widget), widget
        assert widget.width() >= widget.minimumSizeHint().width() - 1, widget
        assert widget.height() >= widget.minimumSizeHint().height() - 1, widget
    assert t.time.height() >= t.time.sizeHint().height()  # the big digits are not cut
    for i in range(len(window.controller.session.seats)):
        assert window.circle.rect().toRectF().contains(window.circle.seat_rect(i))
    assert q.view.height() >= 5 * 30  # at least five waiting people visible without scrolling


def test_title_names_the_session(window: ConsoleWindow, ctl: SessionController) -> None:
    assert window.windowTitle().startswith("Neue Hannoveraner*innen")
    ctl.set_event(ctl.session.event.with_changes(title="Probe"))
    assert window.windowTitle() == "Probe – Fishbowl Desktop"


def test_timer_goes_through_warning_into_overtime(
    window: ConsoleWindow, ctl: SessionController, clock: FakeClock
) -> None:
    panel = window.timer_panel
    assert panel.speaker.text() == "Nobody has the floor"
    ctl.start_turn("aud-01")
    assert panel.speaker.text() == "Nguyễn Thị Hương"
    assert panel.time.text() == "2:00" and panel.phase.text() == "Speaking"
    assert panel.property("timerState") == str(TimerPhase.RUNNING)
    clock.advance(90.2)
    window.ticker.poll()
    assert panel.time.text() == "0:30" and panel.phase.text() == "30 seconds left"
    assert panel.property("timerState") == str(TimerPhase.WARNING)
    clock.advance(35)
    window.ticker.poll()
    assert panel.time.text() == "+0:05"
    assert panel.phase.text() == "Time is up · 0:05 over time"
    assert panel.property("timerState") == str(TimerPhase.OVERTIME)
    ctl.toggle_timer()
    assert panel.phase.text().startswith("Paused")
    assert panel.start_pause.text() == "Start (Space)"


def test_shortcuts_space_n_pageup_plus_and_b(
    window: ConsoleWindow, ctl: SessionController, demo: Session, qtbot: QtBot
) -> None:
    clock = demo.clock
    assert isinstance(clock, FakeClock)
    window.circle.setFocus()
    qtbot.keyClick(window.circle, Qt.Key.Key_N)
    assert demo.seats[4].occupant == "aud-04" and demo.turn is not None and demo.turn.timer.is_running
    clock.advance(1)  # Space, N and B act only after a pause in the typing (key_guard.TYPING_PAUSE)
    qtbot.keyClick(window.circle, Qt.Key.Key_Space)
    assert not demo.turn.timer.is_running
    qtbot.keyClick(window.circle, Qt.Key.Key_Plus)
    assert demo.turn.timer.allotted == 150
    qtbot.keyClick(window.circle, Qt.Key.Key_Minus)
    assert demo.turn.timer.allotted == 120
    clock.advance(1)
    qtbot.keyClick(window.circle, Qt.Key.Key_B)
    assert demo.stage.blank and window.commands["blank"].isChecked()
    qtbot.keyClick(window.circle, Qt.Key.Key_PageUp)  # undo the Next (timer and stage are live, not undone)
    assert demo.seats[4].occupant == "aud-01"
    assert [e.participant_id for e in demo.queue] == ["aud-04", "aud-03", "aud-12"]
    qtbot.keyClick(window.circle, Qt.Key.Key_PageDown)  # the remote's forward button is Next too
    assert demo.seats[4].occupant == "aud-04"
    qtbot.keyClick(window.circle, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert demo.seats[4].occupant == "aud-01"
    qtbot.keyClick(window.circle, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert demo.seats[4].occupant == "aud-04"


def test_single_keys_go_to_a_text_field_being_typed_in(window: ConsoleWindow, demo: Session, qtbot: QtBot) -> None:
    entry = window.queue_panel.entry
    entry.setFocus()
    qtbot.keyClicks(entry, "Nina B")
    qtbot.keyClick(entry, Qt.Key.Key_Space)
    qtbot.keyClick(entry, Qt.Key.Key_Plus)
    assert entry.text() == "Nina B +"
    assert demo.seats[4].occupant == "aud-01" and not demo.stage.blank
    qtbot.keyClick(entry, Qt.Key.Key_PageDown)  # the remote still works while the field has the focus
    assert demo.seats[4].occupant == "aud-04"


def test_refused_intent_shows_in_the_message_bar_not_a_dialog(window: ConsoleWindow, ctl: SessionController) -> None:
    ctl.enqueue("pan-1")
    assert "already sits" in window.message_bar.text()
    assert QApplication.activeModalWidget() is None


def test_help_lists_every_shortcut_from_the_one_table(window: ConsoleWindow, qtbot: QtBot) -> None:
    dialog = window.show_shortcuts()
    assert isinstance(dialog, ShortcutsDialog) and dialog.isVisible()
    listed = [second for _first, second in dialog.rows()]
    for spec in SHORTCUTS:
        assert translated(spec.description) in listed
    keys = " ".join(first for first, _ in dialog.rows())
    for key in ("Space", "Page ↓", "Page ↑", "F5", "Ctrl+F"):  # as the keyboard says them (issue 21)
        assert key in keys
    dialog.close()


def test_window_commands_cover_the_table(window: ConsoleWindow) -> None:
    for spec in SHORTCUTS:
        if spec.command:
            assert spec.command in window.commands


def test_export_success_and_failure_reach_the_moderator(window: ConsoleWindow, tmp_path: Path) -> None:
    pages = Pages()
    window.exporter._export = pages
    window.exporter.start("handout", tmp_path / "h.pdf")  # no loop running: done in place
    assert pages.calls == [("handout", tmp_path / "h.pdf", 17)]
    assert "3 pages" in window.message_bar.text() and window.message_bar.level == "info"
    assert not window.exporter.busy and window.menus.export_menu.isEnabled()
    window.exporter._export = Pages(fail=PermissionError(13, "Permission denied"))
    window.exporter.start("report", tmp_path / "r.pdf")
    assert window.message_bar.level == "error"
    assert "could not be written" in window.message_bar.text() and "Permission denied" in window.message_bar.text()


def test_export_document_turns_every_failure_into_a_message(demo: Session, tmp_path: Path) -> None:
    ok = export_document(demo, "attendees", tmp_path / "a.pdf", Pages())
    assert ok.ok and ok.pages == 3
    assert "Unknown kind" in (export_document(demo, "poster", tmp_path / "p.pdf", Pages()).error or "")
    broken = export_document(demo, "report", tmp_path / "r.pdf", Pages(fail=KeyError("bug")))
    assert not broken.ok and "KeyError" in (broken.error or "")


def test_export_runs_in_an_executor_on_a_copy(demo: Session, tmp_path: Path) -> None:
    pages = Pages()
    outcome = asyncio.run(export_in_background(demo, "handout", tmp_path / "h.pdf", pages))
    assert outcome.ok and pages.calls[0][2] == len(demo.participants)


def test_a_pdf_is_named_in_the_language_it_is_printed_in(demo: Session) -> None:
    assert demo.event.language == "de"
    assert default_pdf_path(demo, "report").name.endswith(" - Veranstaltungsbericht.pdf")
    assert default_pdf_path(demo, "attendees").name.endswith(" - Teilnahmeliste.pdf")
    demo.set_event(replace(demo.event, language="en", title='Who: "we" / <you>?'))
    assert default_pdf_path(demo, "report").name == "Who we you - Event report.pdf"


def test_status_bar_says_where_and_when_saved_and_warns_on_failure(
    ctl: SessionController, tmp_path: Path, qtbot: QtBot
) -> None:
    failing = {"on": False}

    def save(session: Session, path: Path) -> None:
        if failing["on"]:
            raise PermissionError(13, "Permission denied")
        path.write_text("saved")

    saver = Autosaver(ctl, tmp_path / "abend.fishbowl.json", save=save)
    window = ConsoleWindow(ctl, TimerTicker(ctl), saver)
    qtbot.addWidget(window)
    ctl.enqueue("aud-05")
    assert saver.flush()
    assert window.save_label.text() == "Saved to abend.fishbowl.json at 18:00:00"
    failing["on"] = True
    ctl.enqueue("aud-06")
    assert not saver.flush()
    assert "Permission denied" in window.save_label.text()
    assert window.message_bar.level == "error"
    window.show()
    window.close()  # refused once while unsaved, with the reason
    assert window.isVisible() and "Close the window again" in window.message_bar.text()
    failing["on"] = False
    window.close()
    assert not window.isVisible() and not saver.dirty


def test_timer_buttons(
    window: ConsoleWindow, ctl: SessionController, demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    panel = window.timer_panel
    assert not panel.start_pause.isEnabled()  # nobody has the floor yet
    ctl.start_turn("pan-2")
    assert demo.turn is not None and demo.turn.timer.allotted == 180

    def click(button: QWidget) -> None:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    click(panel.start_pause)
    assert not demo.turn.timer.is_running and panel.start_pause.text() == "Start (Space)"
    click(panel.plus)
    click(panel.plus)
    click(panel.minus)
    assert demo.turn.timer.allotted == 210 and panel.time.text() == "3:30"
    click(panel.start_pause)
    clock.advance(12)
    click(panel.reset)
    assert demo.turn.timer.elapsed(clock.monotonic()) == 0 and not demo.turn.timer.is_running
    click(panel.start_pause)
    clock.advance(20)
    click(panel.end)
    # Reset gave the full time again; the 12 s said before it still count.
    assert demo.turn is None and demo.log[len(demo.log) - 1].duration == 32
    click(panel.next)
    assert demo.seats[4].occupant == "aud-04" and demo.turn is not None and demo.turn.participant_id == "aud-04"


def test_menus_hold_the_moderators_commands(window: ConsoleWindow) -> None:
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert list(menus) == ["File", "Edit", "Speaker", "Format", "View", "Help"]

    def texts(title: str) -> list[str]:
        menu = menus[title]
        assert isinstance(menu, QMenu)
        return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]

    assert texts("File") == [
        "New session",
        "Open…",
        "Open recent",
        "Save as…",
        "Export PDF…",
        "Forget personal data…",
        "Quit",
    ]
    assert texts("Edit")[:2] == ["Undo", "Redo"]
    assert texts("View") == [
        "Show/hide projector",
        "Projector screen",
        "Identify screens",
        "Blank projector",
        "Blank to black (no title)",
        "Language",
    ]
    assert texts("Help") == ["Keyboard shortcuts", "Save a problem report…", "About Fishbowl Desktop"]
    assert [a.text() for a in window.menus.export_menu.actions()] == [
        "Handout for the audience…",
        "Attendee list (sign-in sheet)…",
        "Report: who spoke and how long…",
    ]
    assert window.commands["show_projector"].isEnabled()


def test_quick_entry_by_keyboard_alone(window: ConsoleWindow, demo: Session, qtbot: QtBot) -> None:
    """Ctrl+E, a name, Enter, Esc, N: a newcomer queued and the next speaker called without the mouse."""
    window.circle.setFocus()
    qtbot.keyClick(window.circle, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    entry = window.queue_panel.entry
    assert entry.hasFocus()
    qtbot.keyClicks(entry, "Sophie Ngo")
    qtbot.keyClick(entry, Qt.Key.Key_Return)
    assert [e.participant_id for e in demo.queue][-1] == "aud-11" and entry.text() == ""
    qtbot.keyClick(entry, Qt.Key.Key_Escape)
    assert not entry.hasFocus()
    focus = QApplication.focusWidget() or window
    demo.clock.advance(1)  # type: ignore[attr-defined]  # N right after typing a name would be refused
    qtbot.keyClick(focus, Qt.Key.Key_N)
    assert demo.seats[4].occupant == "aud-04"


def test_event_settings_open_from_the_edit_menu(window: ConsoleWindow) -> None:
    from fishbowl_desktop.ui.event.event_dialog import EventDialog

    window.menus.event_action.trigger()
    dialogs = [d for d in window.findChildren(EventDialog) if d.isVisible()]
    assert len(dialogs) == 1
    assert dialogs[0].title.text() == window.controller.session.event.title
    dialogs[0].reject()


def test_a_new_beamer_is_offered_without_a_dialog(window: ConsoleWindow) -> None:
    from PySide6.QtGui import QGuiApplication

    window.projector.newScreenOffered.emit(QGuiApplication.primaryScreen())
    assert "new screen" in window.message_bar.text()
    assert not window.message_bar.action.isHidden()  # the "Move projector" button


def test_language_choice_is_remembered_and_a_restart_offered(window: ConsoleWindow, qtbot: QtBot) -> None:
    with qtbot.waitSignal(window.store.settingsChanged) as blocker:
        window.menus.language_actions["de"].trigger()
    assert blocker.args[0].language == "de"
    assert window.menus.language_actions["de"].isChecked() and not window.menus.language_actions["en"].isChecked()
    assert "next start" in window.message_bar.text()
    assert not window.message_bar.action.isHidden()


def test_restart_command_reopens_the_same_session(tmp_path: Path) -> None:
    import sys

    from fishbowl_desktop.startup.window import restart_command

    program, args = restart_command(tmp_path / "abend.fishbowl.json")
    assert program == sys.executable
    assert args == ["-m", "fishbowl_desktop", str(tmp_path / "abend.fishbowl.json")]


@pytest.mark.parametrize("language", ["en", "de"])
def test_no_button_text_is_cut_at_1366_by_768(ctl: SessionController, qtbot: QtBot, language: str) -> None:
    """German labels are longer: every visible button must still be as wide as its text needs."""
    from PySide6.QtWidgets import QAbstractButton

    from fishbowl_desktop.app import install_translations

    app = QApplication.instance()
    assert app is not None
    translators = install_translations(app, language) if language != "en" else []
    try:
        w = ConsoleWindow(ctl, TimerTicker(ctl), exporter=PdfExporter(lambda: ctl.session, Pages()))
        qtbot.addWidget(w)
        w.resize(1366, 768)
        w.show()
        qtbot.waitExposed(w)
        if language == "de":
            assert w.participants_panel.add_button.text() != "Add…"  # German is loaded
        cut = [
            (b.text(), b.width(), b.sizeHint().width())
            for b in w.findChildren(QAbstractButton)
            if b.isVisibleTo(w) and b.text() and b.width() < b.sizeHint().width() - 2
        ]
        assert not cut
    finally:
        for t in translators:
            app.removeTranslator(t)


def test_help_about_names_every_component_and_its_licence(window: ConsoleWindow, qtbot: QtBot) -> None:
    """A venue's IT asks what the program ships, under which licences (LGPL-3.0 asks that the user be told)."""
    from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

    help_menu = window.menuBar().actions()[-1].menu()
    assert isinstance(help_menu, QMenu)
    about = next(a for a in help_menu.actions() if "About" in a.text())
    about.trigger()
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.objectName() == "aboutBox")
    qtbot.waitUntil(box.isVisible)
    details = box.detailedText()
    for component in (
        "Python 3.",
        "PySide6",
        "LGPL-3.0",
        "aiohttp",
        "Apache-2.0",
        "typst",
        "platformdirs",
        "segno",
        "ifaddr",
        "uharfbuzz",
        "Noto fonts",
    ):
        assert component in details, component
    assert "pytest" not in details and "mypy" not in details  # the test extra is not part of the program
    assert "MIT" in box.text()
    box.close()
