"""The statistics side panel: numbers from the demo evening, live while someone speaks, compact."""

from __future__ import annotations

import sys
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QProgressBar, QTabWidget
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.model import FakeClock, Role, Session, format_duration, make_participant
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.ui.people.stats_panel import StatsPanel


@pytest.fixture
def ticker(ctl: SessionController) -> TimerTicker:
    return TimerTicker(ctl)


@pytest.fixture
def stats(ctl: SessionController, ticker: TimerTicker, qtbot: QtBot) -> StatsPanel:
    widget = StatsPanel(ctl, ticker)
    qtbot.addWidget(widget)
    widget.resize(280, 460)
    widget.show()
    return widget


def test_panel_against_audience_matches_the_session(stats: StatsPanel, demo: Session) -> None:
    expected = demo.stats()
    panel_s, audience_s = expected.by_role[Role.PANELIST].seconds, expected.by_role[Role.AUDIENCE].seconds
    assert (panel_s, audience_s) == (702.0, 235.0)
    assert stats.role_rows[Role.PANELIST].time.text() == format_duration(panel_s) == "11:42"
    assert stats.role_rows[Role.AUDIENCE].time.text() == format_duration(audience_s) == "3:55"
    assert stats.role_rows[Role.PANELIST].share.text() == "75%"  # English: no space (German: a narrow no-break one)
    assert stats.role_rows[Role.AUDIENCE].share.text() == "25%"
    assert not stats.role_rows[Role.MODERATOR].label.isVisibleTo(stats)  # the moderator has not spoken
    assert stats.total.text() == "Total: 15:37"
    assert stats.turns.text() == "Turns: 6, from the free chair: 2"


def test_groups_and_top_speakers(stats: StatsPanel, demo: Session) -> None:
    by_group = demo.stats().by_group
    assert set(stats.group_rows) == {"FLINTA*", "offen"}
    assert stats.group_rows["FLINTA*"].time.text() == format_duration(by_group["FLINTA*"].seconds) == "7:12"
    assert stats.group_rows["offen"].time.text() == "8:25"
    lines = stats.top_speakers.text().splitlines()
    assert len(lines) == 5
    assert lines[0] == "1. Dr. Jonas Brückner – 3:16 (1×)"
    assert lines[1].startswith("2. Mehmet Yılmaz")


def test_updates_live_while_someone_speaks(
    stats: StatsPanel, ctl: SessionController, ticker: TimerTicker, clock: FakeClock
) -> None:
    ctl.start_turn("aud-01")  # the guest on the free chair
    clock.advance(30.4)
    ticker.poll()
    assert stats.role_rows[Role.AUDIENCE].time.text() == "4:25"
    assert stats.turns.text() == "Turns: 7, from the free chair: 3"
    clock.advance(200)
    ticker.poll()
    assert stats.top_speakers.text().splitlines()[0] == "1. Nguyễn Thị Hương – 3:50 (1×)"
    ctl.end_turn()
    assert stats.total.text() == "Total: 19:27"


def test_behind_its_tab_it_waits_and_is_current_when_shown(
    ctl: SessionController, ticker: TimerTicker, clock: FakeClock, qtbot: QtBot
) -> None:
    """Once a second it sorted every participant and relaid its labels even when nobody could see it."""
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QLabel("Participants"), "Participants")
    panel = StatsPanel(ctl, ticker)
    tabs.addTab(panel, "Statistics")
    tabs.show()
    qtbot.waitExposed(tabs)
    ctl.start_turn("aud-01")
    for _ in range(5):
        clock.advance(1)
        ticker.poll()
        assert panel.last_stats is None  # not on screen: nothing computed, nothing relaid
    assert panel.findChildren(QProgressBar) == []  # its rows are not even built until it is shown (issue 29)
    tabs.setCurrentWidget(panel)
    assert panel.role_rows[Role.AUDIENCE].time.text() == "4:00"  # 235 s logged + 5 s running
    clock.advance(1)
    ticker.poll()
    assert panel.role_rows[Role.AUDIENCE].time.text() == "4:01"


def test_new_group_appears_and_removed_speaker_is_marked(
    stats: StatsPanel, ctl: SessionController, clock: FakeClock
) -> None:
    person = make_participant("Lena Vogt", group="Jugend")
    ctl.add_participant(person)
    assert ctl.replace_occupant(4, person.id)  # onto the free chair
    ctl.start_turn(person.id)
    clock.advance(95)
    ctl.end_turn()
    assert stats.group_rows["Jugend"].time.text() == "1:35"
    ctl.remove_participant("pan-2")
    assert "(removed) – 3:16" in stats.top_speakers.text()


def test_new_session_and_empty_session(stats: StatsPanel, ctl: SessionController) -> None:
    ctl.replace_session(Session(FakeClock()))
    assert stats.total.text() == "Total: 0:00"
    assert stats.top_speakers.text() == "Nobody has spoken yet."
    assert not stats.groups_heading.isVisibleTo(stats)
    ctl.replace_session(demo_session(FakeClock()))
    assert stats.role_rows[Role.PANELIST].time.text() == "11:42"


def test_fits_a_side_column_of_a_small_laptop(stats: StatsPanel) -> None:
    assert stats.minimumSizeHint().width() <= 280
    assert stats.sizeHint().height() <= 500


def test_ticking_does_not_leak_references_to_true_or_none(
    stats: StatsPanel, ctl: SessionController, ticker: TimerTicker, clock: FakeClock
) -> None:
    """The panel repaints once a second for hours. PySide6 6.12.0 on CPython 3.11 drops a reference to True
    on every Signal.emit() and to None on every void Qt call (measured: 1.0 per call); once a count reaches zero
    CPython aborts ("Fatal Python error: bool_dealloc"), minutes into a running timer. Nothing tops the counts up
    any more (app.binding_refusal refuses that build at start), so this measures the binding itself: a tick
    must not cost True or None a single reference. Fails on PySide6 6.12.0 / CPython 3.11 (checked)."""
    ctl.start_turn("aud-01")
    clock.advance(1)
    ticker.poll()
    ticks = 200
    before = {obj: sys.getrefcount(obj) for obj in (True, None)}
    for _ in range(ticks):
        clock.advance(1)
        ticker.poll()
    assert stats.role_rows[Role.AUDIENCE].time.text() == "7:16"  # 235 s logged + 201 s running
    for obj, count in before.items():
        lost_per_tick = (count - sys.getrefcount(obj)) / ticks
        assert lost_per_tick < 0.25, (
            f"{obj!r} loses {lost_per_tick:g} references per tick: on CPython < 3.12 the console would abort "
            "within the evening. This PySide6 build leaks; pin the one in constraints.txt."
        )


def test_next_and_ticks_on_a_long_evening_do_not_count_the_whole_log_again(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the statistics on screen, each Next and each second counted every logged turn again, for the totals
    and for the equity section: 141 ms of the UI thread per Next on the big evening (10,000 turns), before the
    beamer's frame. The totals follow the log now (model/log_tally.py), the equity section keeps the finished
    turns' part (model.equity.logged_turns): a Next looks at the new turn, not at the evening's."""
    from dataclasses import replace
    from datetime import datetime, timedelta

    from fishbowl_desktop.model import SeatKind, SpeechRecord, TurnSettings, is_accidental, speaking_stats

    clock = FakeClock()
    session = demo_session(clock)
    start = datetime(2026, 12, 6, 18, 0)
    people = [p for p in session.participants if p.role is Role.AUDIENCE]
    for i in range(3000):
        person = people[i % len(people)]
        record = SpeechRecord(person.id, 4, SeatKind.FREE, start + timedelta(minutes=i), 2.0 + i % 90, 120.0)
        session.log.append(replace(record, group=person.group))
    session.set_settings(TurnSettings(auto_start_next=True))
    ctl = SessionController(session)
    ticker = TimerTicker(ctl)
    panel = StatsPanel(ctl, ticker, short_turn_seconds=lambda: 5.0)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    ctl.next_free_chair()
    clock.advance(40)
    ticker.poll()

    looked_at: list[int] = []
    real = is_accidental

    def counting(record: SpeechRecord, short_turn_seconds: float) -> bool:
        looked_at.append(1)
        return real(record, short_turn_seconds)

    monkeypatch.setattr("fishbowl_desktop.model.equity.is_accidental", counting)
    monkeypatch.setattr("fishbowl_desktop.ui.people.stats_panel.is_accidental", counting)
    ctl.next_free_chair()  # logs the 40 s turn, the next one starts
    for _ in range(3):
        clock.advance(1)
        ticker.poll()
    assert len(looked_at) < 50

    counted = [r for r in session.log if not real(r, 5.0)]
    running = session.running_record()
    assert running is not None
    full = speaking_stats([*counted, running])
    assert panel.total.text() == f"Total: {format_duration(full.total_seconds)}"
    assert panel.turns.text() == f"Turns: {len(counted) + 1}, from the free chair: {full.free_chair_turns}"
    left_out = len(session.log) - len(counted)
    assert panel.left_out.isVisibleTo(panel) == (left_out > 0)


def test_the_equity_section_changes_its_labels_in_place_and_shows_what_a_fresh_one_shows(
    stats: StatsPanel, ctl: SessionController, ticker: TimerTicker, clock: FakeClock, qtbot: QtBot
) -> None:
    """Each refresh rebuilt every label of the equity section (~8 ms, several times per Next and once a second):
    now a label keeps its place and only a changed text is set. What it shows must stay what a new section
    would show, through a new group's row appearing and going again."""
    from fishbowl_desktop.model.paper import DEFAULT_SHORT_TURN_SECONDS
    from fishbowl_desktop.ui.people.equity_box import EquityBox

    def same_as_fresh() -> None:
        fresh = EquityBox(ctl, lambda: DEFAULT_SHORT_TURN_SECONDS)
        qtbot.addWidget(fresh)
        fresh.refresh()
        shown = {key: (label.text(), label.toolTip()) for key, label in stats.equity.cells.items()}
        assert shown == {key: (label.text(), label.toolTip()) for key, label in fresh.cells.items()}
        assert stats.equity.notes.text() == fresh.notes.text()
        kept = [label for label in stats.equity.findChildren(QLabel) if label.parent() is stats.equity]
        assert len(kept) == len([label for label in fresh.findChildren(QLabel) if label.parent() is fresh])

    ctl.start_turn("aud-01")
    clock.advance(1)
    ticker.poll()
    labels = dict(stats.equity.cells)
    for _ in range(3):
        clock.advance(20)
        ticker.poll()
    assert all(stats.equity.cells[key] is label for key, label in labels.items())
    same_as_fresh()

    newcomer = make_participant("Lena Vogt", group="Jugend")
    ctl.add_participant(newcomer)
    ctl.enqueue(newcomer.id)
    assert ("Jugend", "group") in stats.equity.cells
    same_as_fresh()
    ctl.undo_stack.undo()
    ctl.undo_stack.undo()
    assert ("Jugend", "group") not in stats.equity.cells
    same_as_fresh()


def test_a_next_fills_in_the_numbers_once_not_once_per_part_it_announces(
    stats: StatsPanel, ctl: SessionController, ticker: TimerTicker, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Next announces the log, the seats, the queue, the requests and the turn, and the panel listens to each:
    it computed and laid out everything five times per Next, before the beamer's frame. What it shows changes
    once, so it is filled in once; and a tick still moves the running numbers."""
    from fishbowl_desktop.model.equity import equity

    computed: list[int] = []

    def counting(*args: Any, **kwargs: Any) -> object:
        computed.append(1)
        return equity(*args, **kwargs)

    monkeypatch.setattr("fishbowl_desktop.ui.people.equity_box.equity", counting)
    ctl.start_turn("aud-01")
    clock.advance(40)
    ticker.poll()
    computed.clear()
    ctl.next_free_chair()
    assert len(computed) == 1
    assert stats.turns.text() == "Turns: 8, from the free chair: 4"  # aud-01's 40 s logged, aud-04's turn running
    computed.clear()
    ticker.poll()  # the same second: nothing to show anew
    assert computed == []
    clock.advance(1)
    ticker.poll()
    assert len(computed) == 1
