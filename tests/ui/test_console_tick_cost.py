"""What one second of a running turn costs the console: the digits and the miniature repaint, nothing is laid
out again, and no ancestor of the clock repaints under it (issue 29: on battery, the once-a-second work)."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.model import FakeClock, QueueEntry, Session
from fishbowl_desktop.model.discussion import DiscussionReading
from fishbowl_desktop.room.service import Room
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.stage import discussion_view
from fishbowl_desktop.stage.timer_view import TimerView
from fishbowl_desktop.ui.paper.pdf_export import PdfExporter
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from fishbowl_desktop.ui.timer import discussion_strip
from fishbowl_desktop.ui.widgets.digits import LiveWords
from helpers.console import open_console
from helpers.timers import timers_waking_within


class Events(QObject):
    """Layout requests and paints, per widget, while it is installed on the application."""

    def __init__(self) -> None:
        super().__init__()
        self.layouts: Counter[str] = Counter()
        self.paints: Counter[str] = Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QWidget):
            name = f"{type(watched).__name__}:{watched.objectName()}"
            if event.type() == QEvent.Type.LayoutRequest:
                self.layouts[name] += 1
            elif event.type() == QEvent.Type.Paint:
                self.paints[name] += 1
        return False


def _settle(qtbot: QtBot) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(50)


def test_a_new_second_lays_nothing_out_and_repaints_only_what_changed(
    ctl: SessionController, clock: FakeClock, qtbot: QtBot
) -> None:
    window: ConsoleWindow = open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, lambda *a, **k: 1))
    assert ctl.start_turn("aud-01")
    _settle(qtbot)
    events = Events()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(events)
    try:
        for _ in range(3):
            clock.advance(1.0)
            window.ticker.poll()
            _settle(qtbot)
    finally:
        app.removeEventFilter(events)
    assert window.timer_panel.time.text() == "1:57"
    assert events.paints["DigitsLabel:timerTime"] >= 3  # the moderator sees every second
    assert not events.layouts, f"a tick laid out {dict(events.layouts)}"
    assert events.paints["ConsoleWindow:"] == 0, f"a tick repainted under the clock: {dict(events.paints)}"


def test_the_waiting_times_move_with_the_speakers_clock_and_on_their_own_when_it_stands(
    ctl: SessionController, clock: FakeClock, qtbot: QtBot
) -> None:
    """While a turn runs, the queue's waiting column and the turn's record follow the clock's once-a-second
    wake-up instead of timers of their own (one wake-up a second on battery, not three); when the clock stands,
    the waiting times still move."""
    window: ConsoleWindow = open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, lambda *a, **k: 1))
    model = window.queue_panel.model
    first = model.index(0, model.WAITING)
    assert ctl.start_turn("aud-01")
    _settle(qtbot)
    assert not window.queue_panel.live_timer_active()
    before = model.data(first)
    clock.advance(61.0)
    window.ticker.poll()
    assert model.data(first) != before
    assert ctl.toggle_timer()  # paused: the speaker's clock stands, the hall's waiting does not
    _settle(qtbot)
    assert window.queue_panel.live_timer_active()


def test_a_new_second_repaints_no_queue_cell_until_a_waiting_minute_turns(
    ctl: SessionController, clock: FakeClock, qtbot: QtBot
) -> None:
    """The waiting column shows whole minutes: a tick of the speaker's clock leaves the queue's pixels alone
    (before, every waiting person's cell repainted every second); a minute's turn repaints those cells."""
    window: ConsoleWindow = open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, lambda *a, **k: 1))
    queue = window.queue_panel
    assert ctl.start_turn("aud-01") and queue.model.rowCount() >= 2
    _settle(qtbot)
    session = ctl.session
    assert all(60 - (session.waited(entry) + 0.5) % 60 > 3 for entry in session.queue)  # no minute turns in 3 s
    events = Events()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(events)
    try:
        for _ in range(3):
            clock.advance(1.0)
            window.ticker.poll()
            _settle(qtbot)
        assert events.paints["DigitsLabel:timerTime"] >= 3
        assert events.paints[f"QWidget:{queue.view.viewport().objectName()}"] == 0, dict(events.paints)
        clock.advance(60)
        window.ticker.poll()
        _settle(qtbot)
    finally:
        app.removeEventFilter(events)
    assert events.paints[f"QWidget:{queue.view.viewport().objectName()}"] >= 1  # the minutes moved on


def test_a_new_second_reads_no_queue_text_until_a_waiting_minute_turns(
    ctl: SessionController, clock: FakeClock, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The queue's model knows when the first waiting minute shown turns: a tick before it reads no waiting or
    spoken text (before, it read both texts of every waiting row every second, to find them unchanged); the
    tick after it reads them and the cell changes."""
    window: ConsoleWindow = open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, lambda *a, **k: 1))
    model = window.queue_panel.model
    assert ctl.start_turn("aud-01") and model.rowCount() >= 2
    assert all(entry.participant_id != "aud-01" for entry in ctl.session.queue)  # the speaker is not waiting
    _settle(qtbot)
    window.ticker.poll()
    session = ctl.session
    assert all(60 - (session.waited(entry) + 0.5) % 60 > 3 for entry in session.queue)  # no minute turns in 3 s
    reads: list[int] = []
    live_text = model._live_text

    def read(entry: QueueEntry, col: int) -> str:
        reads.append(col)
        return live_text(entry, col)

    monkeypatch.setattr(model, "_live_text", read)
    for _ in range(3):
        clock.advance(1.0)
        window.ticker.poll()
    assert window.timer_panel.time.text() == "1:57"
    assert reads == [], f"3 ticks within the minute read {len(reads)} queue texts"
    first = model.index(0, model.WAITING)
    before = model.data(first)
    clock.advance(60)
    window.ticker.poll()
    assert reads and model.data(first) != before  # the minute turned: read, and shown


def test_an_idle_console_has_no_timer_that_wakes_it_within_seconds(
    ctl: SessionController, clock: FakeClock, qtbot: QtBot
) -> None:
    """Nobody speaks: nothing on the console changes within the next seconds, so nothing wakes the laptop for
    it (the queue's waiting column woke it every second to repaint its ticking seconds)."""
    window: ConsoleWindow = open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, lambda *a, **k: 1))
    assert ctl.session.turn is None and window.queue_panel.model.rowCount() >= 2
    _settle(qtbot)
    assert timers_waking_within((window, ctl), 5000) == {}


def test_with_the_room_and_osc_off_a_tick_posts_nothing_for_them(
    ctl: SessionController, clock: FakeClock, qtbot: QtBot, tmp_path: Path
) -> None:
    """Nobody to tell while the room and the desk's OSC are off: a tick costs them nothing (each posted an event
    and ran its publish every second, only to find no server)."""
    ticker = TimerTicker(ctl)
    room = Room(ctl, ticker, AppSettings, tmp_path)
    assert not room.running and not room.osc.running
    assert ctl.start_turn("aud-01")
    _settle(qtbot)
    runs = (room._publisher.runs, room.osc._publisher.runs)
    for _ in range(3):
        clock.advance(1.0)
        ticker.poll()
        _settle(qtbot)
    assert (room._publisher.runs, room.osc._publisher.runs) == runs


def test_a_new_second_reads_only_the_clock_in_the_timer_panel_and_the_discussion_strip(
    ctl: SessionController, clock: FakeClock, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the time and the phase's words move with a second: the speaker's name, the allotted time, the buttons
    and the discussion's minutes were read again every second all the same."""
    window: ConsoleWindow = open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, lambda *a, **k: 1))
    assert ctl.start_turn("aud-01")
    _settle(qtbot)
    names: list[str] = []
    monkeypatch.setattr(window.timer_panel.speaker, "setText", names.append)
    readings: list[int] = []
    read = discussion_view.discussion_reading

    def reading(session: Session) -> DiscussionReading:
        readings.append(1)
        return read(session)

    monkeypatch.setattr(discussion_strip, "discussion_reading", reading)
    minute = ctl.session.stage.discussion
    assert all(
        int(minute.elapsed(clock.monotonic() + s) // 60) == int(minute.elapsed(clock.monotonic()) // 60)
        for s in (1, 2, 3)
    ), "no discussion minute turns in the next 3 s"
    for _ in range(3):
        clock.advance(1.0)
        window.ticker.poll()
        _settle(qtbot)
    assert window.timer_panel.time.text() == "1:57"  # the moderator sees every second
    assert names == [] and readings == []
    clock.advance(110.0)  # into the warning: the phase's words count the seconds
    window.ticker.poll()
    first = window.timer_panel.phase.text()
    clock.advance(1.0)
    window.ticker.poll()
    assert "seconds left" in first and window.timer_panel.phase.text() != first
    assert names  # the colours changed with the warning: the panel was read again


def test_the_consoles_listeners_of_a_tick_share_the_tickers_one_reading_of_the_clock(
    ctl: SessionController, clock: FakeClock, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new second is read from the session once, by the ticker, and every listener gets that reading
    (`TimerTicker.shown`): the queue and the chime each read the session's clock again every second (a timer
    view each: a fifth of the console's own Python calls per tick, issue 29). The projector's scene is not
    the console's and is left out of the count."""
    window: ConsoleWindow = open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, lambda *a, **k: 1))
    played: list[int] = []
    window.chime.player = SimpleNamespace(play=lambda: played.append(1))
    window.chime.set_enabled(True)
    assert ctl.start_turn("aud-01")
    _settle(qtbot)
    readers: Counter[str] = Counter()
    view = window.ticker.view

    def counted() -> TimerView:
        caller = sys._getframe(1)
        readers[f"{caller.f_globals['__name__']}.{caller.f_code.co_qualname}"] += 1
        return view()

    monkeypatch.setattr(window.ticker, "view", counted)
    for _ in range(3):
        clock.advance(1.0)
        window.ticker.poll()
        _settle(qtbot)
    assert window.timer_panel.time.text() == "1:57"
    assert readers["fishbowl_desktop.controller.ticker.TimerTicker.poll"] == 3
    consoles = {
        r: n
        for r, n in readers.items()
        if not r.startswith(("fishbowl_desktop.controller.ticker.", "fishbowl_desktop.ui.projector."))
    }
    assert consoles == {}, f"3 ticks read the clock again in {consoles}"
    # the shared reading is the right one: the chime still rings at the warning, the queue's timer stays off
    rung = window.chime.rung
    clock.advance(120.0 - 3 - 30 + 0.5)  # into the last 30 seconds
    window.ticker.poll()
    assert window.chime.rung == rung + 1 and played == [1]
    assert not window.queue_panel.live_timer_active()
    assert ctl.toggle_timer()  # paused: the queue's waiting times move on a timer of their own
    _settle(qtbot)
    assert window.queue_panel.live_timer_active()


@pytest.mark.parametrize("into", [100.0, 125.0], ids=["warning", "overtime"])
def test_a_second_of_the_warning_or_the_overtime_lays_nothing_out_and_repaints_only_the_words(
    ctl: SessionController, clock: FakeClock, qtbot: QtBot, into: float
) -> None:
    """In a turn's last 30 seconds and its overtime the phase's words change every second ("12 seconds left",
    "Time is up · 0:05 over time"): as a QLabel they laid out the whole window again and repainted the panel
    and four more ancestors under them every second (issue 29). They repaint themselves, and the moderator
    still reads every second's words."""
    window: ConsoleWindow = open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, lambda *a, **k: 1))
    assert ctl.start_turn("aud-01")
    clock.advance(into)
    window.ticker.poll()
    _settle(qtbot)
    words = [window.timer_panel.phase.text()]
    events = Events()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(events)
    try:
        for _ in range(3):
            clock.advance(1.0)
            window.ticker.poll()
            _settle(qtbot)
            words.append(window.timer_panel.phase.text())
    finally:
        app.removeEventFilter(events)
    assert len(set(words)) == 4, words  # a new text every second
    assert "seconds left" in words[0] if into < 120 else "over time" in words[0]
    assert not events.layouts, f"a second laid out {dict(events.layouts)}"
    under = {name: n for name, n in events.paints.items() if name.startswith(("ConsoleWindow", "TimerPanel"))}
    assert under == {}, f"a second repainted under the words: {dict(events.paints)}"
    assert events.paints[f"{type(window.timer_panel.phase).__name__}:timerPhase"] >= 3


def test_the_phase_words_are_cut_where_they_do_not_fit_and_whole_in_the_tooltip(qtbot: QtBot) -> None:
    words = LiveWords()
    qtbot.addWidget(words)
    words.resize(60, 30)
    words.show()
    words.setText("Time is up · 0:05 over time")
    assert words.shown_text().endswith("…")
    assert words.toolTip() == words.accessibleName() == "Time is up · 0:05 over time"
    words.resize(1000, 30)
    assert words.shown_text() == "Time is up · 0:05 over time" and words.toolTip() == ""


def test_a_new_second_reads_nothing_in_the_participant_list_and_a_pause_shows_the_time(
    ctl: SessionController, clock: FakeClock, qtbot: QtBot
) -> None:
    """The list counts a running turn when it is paused or ends: the seconds run on the timer and the miniature,
    the speaker's row stays where it is in a list sorted by time, and the list costs a running second nothing
    (its cell was a seventh of the running timer's cost under xcb, issue 29)."""
    window: ConsoleWindow = open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, lambda *a, **k: 1))
    panel = window.participants_panel
    window.tabs.setCurrentWidget(panel)
    model = panel.model
    assert ctl.start_turn("aud-01")
    _settle(qtbot)
    row = model.row_of("aud-01")
    cell = panel.proxy.mapFromSource(model.index(row, model.SPEAKING_TIME))
    panel.view.scrollTo(cell)  # on screen
    _settle(qtbot)
    read: list[tuple[int, int]] = []
    data = model.data

    def counted(index: object, role: int = 0) -> object:
        read.append((index.row(), index.column()))  # type: ignore[attr-defined]
        return data(index, role)  # type: ignore[arg-type]

    model.data = counted  # type: ignore[method-assign]  # the proxy's multiData reads each cell through it
    try:
        for _ in range(3):
            clock.advance(1.0)
            window.ticker.poll()
            _settle(qtbot)
        assert read == [], read
        assert panel.view.visualRect(cell).isValid()
        assert ctl.toggle_timer()  # paused after three seconds
        _settle(qtbot)
        assert (row, model.SPEAKING_TIME) in read  # the view was told, and read the cell again
    finally:
        del model.data
    assert model.data(model.index(row, model.SPEAKING_TIME)) == "0:03"
