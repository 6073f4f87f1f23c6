"""Issue 21, point 10: a new session speaks the interface's language on the projector and on paper (an English
console made German evenings), and Ctrl+N after the first start leaves no empty "YYYY-MM-DD Fishbowl" file."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fishbowl_desktop.app import Console, build_console
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.startup.plan import StartPlan, plan_start
from fishbowl_desktop.storage import Workspace


def start(workspace: Workspace, clock: FakeClock, qtbot: QtBot, language: str) -> tuple[StartPlan, Console]:
    plan = plan_start(workspace, clock=clock, language=language, settings=AppSettings())
    console = build_console(plan, workspace, AppSettings(), language)
    qtbot.addWidget(console.window)
    console.window.resize(1366, 768)
    console.window.show()
    qtbot.waitExposed(console.window)
    console.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is console.window)
    return plan, console


def _ctrl_n(console: Console, qtbot: QtBot) -> None:
    focus = QApplication.focusWidget() or console.window
    qtbot.keyClick(focus, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.parametrize("language", ["en", "de"])
def test_new_sessions_take_the_interfaces_language(
    workspace: Workspace, clock: FakeClock, qtbot: QtBot, language: str
) -> None:
    plan, console = start(workspace, clock, qtbot, language)
    assert plan.session.event.language == language  # the first start's empty session
    clock.advance(60)
    _ctrl_n(console, qtbot)
    qtbot.waitUntil(lambda: console.autosaver.path != plan.path)
    assert console.controller.session.event.language == language


def test_ctrl_n_after_the_first_start_leaves_no_empty_session_behind(
    workspace: Workspace, clock: FakeClock, qtbot: QtBot
) -> None:
    plan, console = start(workspace, clock, qtbot, "en")
    assert plan.first_run and plan.path.is_file()
    clock.advance(60)
    _ctrl_n(console, qtbot)
    qtbot.waitUntil(lambda: console.autosaver.path != plan.path)
    new = console.autosaver.path
    assert new is not None and new.is_file()
    assert not plan.path.exists()  # the untouched empty session made at start is gone
    assert workspace.recent() == [new.absolute()]
    assert sorted(p.name for p in workspace.sessions_dir.iterdir() if p.name.endswith(".json")) == [new.name]


def test_a_session_with_something_in_it_is_kept_when_ctrl_n_makes_another(
    workspace: Workspace, clock: FakeClock, qtbot: QtBot
) -> None:
    from fishbowl_desktop.model import make_participant

    plan, console = start(workspace, clock, qtbot, "en")
    console.controller.add_participant(make_participant("Şule Öztürk"))
    console.autosaver.flush()
    clock.advance(60)
    _ctrl_n(console, qtbot)
    qtbot.waitUntil(lambda: console.autosaver.path != plan.path)
    assert plan.path.is_file()
