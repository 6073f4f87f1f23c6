"""A running turn's record is the writer thread's own once-a-second work (issue 29, battery): the UI thread hands it
the turn when it starts, pauses or changes, and nothing while the seconds pass. Before, every tick posted two events
to the autosaver, made the record and handed it over: Python on the UI thread every second, for a file write."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fishbowl_desktop.app import build_console
from fishbowl_desktop.controller import autosave
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.startup.plan import plan_start
from fishbowl_desktop.storage import Workspace
from fishbowl_desktop.storage.turn_record import _read_record


class EventsTo(QObject):
    """Every event the watched object receives, by type."""

    def __init__(self, watched: QObject) -> None:
        super().__init__()
        self.watched = watched
        self.seen: Counter[int] = Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.watched:
            self.seen[int(event.type())] += 1
        return False


def test_a_new_second_hands_the_writer_thread_nothing_and_the_record_follows_the_clock(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock()
    workspace = Workspace(tmp_path / "home")
    console = build_console(plan_start(workspace, clock=clock), workspace, AppSettings())
    window = console.window
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    controller = console.controller
    controller.replace_session(demo_session(clock))  # the sample evening, in the file the console opened
    assert controller.start_turn("aud-01")
    qtbot.waitUntil(lambda: not console.autosaver.dirty, timeout=10_000)
    path = console.autosaver.path
    assert path is not None
    saver = console.autosaver
    handed: list[object] = []
    submit = autosave._WRITER.submit

    def ours(job: Callable[[], None]) -> None:
        if getattr(getattr(job, "func", None), "__self__", None) is saver:  # a record handed over (the old way)
            handed.append(job)
        submit(job)

    monkeypatch.setattr(autosave._WRITER, "submit", ours)
    autosave_now = saver._autosave

    def whole_save() -> None:
        handed.append("a whole save")
        autosave_now()

    monkeypatch.setattr(saver, "_autosave", whole_save)
    events = EventsTo(saver)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(events)
    try:
        for second in range(1, 4):
            clock.advance(1.0)
            console.ticker.poll()  # a new second: the clock repaints
            qtbot.waitUntil(lambda: (_read_record(path) or {}).get("elapsed", 0) >= second, timeout=5000)  # noqa: B023
    finally:
        app.removeEventFilter(events)
    assert window.timer_panel.time.text() == "1:57"  # the moderator saw every second
    assert handed == [], f"the UI thread handed over {handed} in 3 seconds"
    assert not events.seen, f"the autosaver received events in 3 seconds: {dict(events.seen)}"
