"""A three-hour evening, 10,000 moderator actions through the controller, every rule checked after each.

Seeded (see reliability/simulation.py); set RELIABILITY_SEED to replay or to explore another evening.
The mutant tests break the model on purpose and show that the checker notices: a suite that cannot fail
proves nothing.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import Session, SessionSnapshot, SpeakingStats, SpeechRecord, speaking_stats
from reliability.simulation import DEFAULT_SEED, EVENING_SECONDS, Evening, InvariantBroken

pytestmark = pytest.mark.slow  # one of the few slow modules: `pytest -m "not slow"` leaves it out

ACTIONS = 10_000
SEED = int(os.environ.get("RELIABILITY_SEED", DEFAULT_SEED))


def test_a_three_hour_evening_of_random_moderator_actions_keeps_every_rule(qapp: QApplication) -> None:
    began = time.perf_counter()
    evening = Evening(SEED, ACTIONS)
    tally = evening.run(ACTIONS)
    took = time.perf_counter() - began
    elapsed = evening.clock.monotonic() - evening.start
    print(
        f"\nevening: seed {SEED}, {tally.actions} actions in {elapsed / 3600:.2f} h of fake time, "
        f"{tally.refused} refused, {tally.undos} undos, {tally.redos} redos, "
        f"{len(evening.session.log)} turns logged, {took:.1f} s real time\n{sorted(tally.by_kind.items())}"
    )
    assert tally.actions == ACTIONS
    assert elapsed == pytest.approx(EVENING_SECONDS)
    # The evening must really have happened, or the checks above checked nothing.
    assert len(evening.session.log) >= 200 and tally.undos >= 300 and tally.redos >= 100
    assert tally.refused < ACTIONS // 3
    assert min(tally.by_kind.values()) >= 50 and len(tally.by_kind) == 22


# ---------------------------------------------------------------------- the checker can fail
def _run_until_broken(actions: int = 3000) -> str:
    with pytest.raises(InvariantBroken) as caught:
        Evening(SEED, actions).run(actions)
    return str(caught.value)


def test_checker_notices_a_turn_logged_twice(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    original = Session.end_turn

    def doubled(self: Session) -> SpeechRecord | None:
        record = self.running_record()
        result = original(self)
        if record is not None:
            self.log.append(record)
        return result

    monkeypatch.setattr(Session, "end_turn", doubled)
    assert "overlap in time" in _run_until_broken()


def test_checker_notices_a_timer_that_runs_fast(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    from fishbowl_desktop.model import SpeakerTimer

    real = SpeakerTimer.elapsed
    monkeypatch.setattr(SpeakerTimer, "elapsed", lambda self, now: real(self, now) * 1.5)
    message = _run_until_broken()
    assert "spoken in" in message or "overlap in time" in message


def test_checker_notices_an_undo_that_does_not_go_all_the_way_back(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fishbowl_desktop.controller import session_controller

    original = session_controller.SessionController._restore

    def sloppy(self: SessionController, snap: SessionSnapshot, left_at: float | None = None) -> None:
        original(self, replace(snap, queue=snap.queue[:-1]) if len(snap.queue) > 1 else snap, left_at)

    monkeypatch.setattr(session_controller.SessionController, "_restore", sloppy)
    assert "exactly" in _run_until_broken()


def test_checker_notices_a_log_rewritten_outside_undo(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    original = Session.start_turn

    def forgetful(self: Session, participant_id: str, start: bool = True) -> None:
        original(self, participant_id, start)
        if len(self.log) > 3:
            self.log.pop(0)

    monkeypatch.setattr(Session, "start_turn", forgetful)
    assert "rewrote the speech log" in _run_until_broken()


def test_checker_notices_statistics_that_drift_from_the_log(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The session keeps its totals as turns are logged (model/log_tally.py) and counts afresh after other changes:
    a drift in either path must be noticed."""
    from fishbowl_desktop.model import log_tally

    real_count, real_add = speaking_stats, log_tally.LogTally._add

    def rounded(records: Iterable[SpeechRecord]) -> SpeakingStats:
        stats = real_count(records)
        stats.total_seconds = float(int(stats.total_seconds))
        return stats

    def rounded_add(self: log_tally.LogTally, rec: SpeechRecord) -> None:
        real_add(self, rec)
        self._stats.total_seconds = float(int(self._stats.total_seconds))

    monkeypatch.setattr(log_tally, "speaking_stats", rounded)
    monkeypatch.setattr(log_tally.LogTally, "_add", rounded_add)
    assert "statistics" in _run_until_broken()


# ---------------------------------------------------------------------- the same, with the console watching
WINDOW_ACTIONS = 300
"""Each action repaints the real console (about 25 ms each offscreen), so this evening is shorter."""


def _evening_in_the_console(qtbot: QtBot, actions: int) -> Evening:
    from PySide6.QtWidgets import QApplication

    from fishbowl_desktop.controller import SessionController, TimerTicker
    from fishbowl_desktop.ui.shell.console_window import ConsoleWindow

    ctl = SessionController()
    window = ConsoleWindow(ctl, TimerTicker(ctl))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    evening = Evening(SEED + 1, actions, controller=ctl)
    queue_rows, people_rows = window.queue_panel.model, window.participants_panel.model
    for gap in evening.gaps:
        evening.step += 1
        evening.clock.advance(gap)
        evening.act()
        QApplication.processEvents()  # let every view repaint what the action changed
        s = evening.session
        if queue_rows.rowCount() != len(s.queue) or people_rows.rowCount() != len(s.participants):
            evening.fail(
                f"the views show {queue_rows.rowCount()} waiting and {people_rows.rowCount()} people, "
                f"the session has {len(s.queue)} and {len(s.participants)}"
            )
    return evening


def test_the_console_follows_an_evening_of_random_actions_without_an_error(qtbot: QtBot) -> None:
    """pytest-qt fails the test on any exception in a slot or a paint event, so every view's reaction to
    every action is checked too, not only the model's."""
    evening = _evening_in_the_console(qtbot, WINDOW_ACTIONS)
    assert evening.tally.actions == WINDOW_ACTIONS and len(evening.session.log) >= 10


def test_the_console_run_notices_a_view_that_shows_the_wrong_rows(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A queue view that misses the switch to another session (File → Open) keeps showing the old queue.
    (Not a lying rowCount: Qt's views would be corrupted by it and crash after the test.)"""
    from fishbowl_desktop.ui.queue.queue_model import QueueModel

    monkeypatch.setattr(QueueModel, "_rebind", lambda self: None)
    with pytest.raises(InvariantBroken, match="the views show"):
        _evening_in_the_console(qtbot, 100)


def test_the_console_run_fails_on_an_exception_in_a_view() -> None:
    """pytest-qt turns an exception raised in a slot into a failed test; checked in a child pytest run,
    since here it would fail this very test."""
    probe = Path(__file__).parents[1] / "reliability" / "view_crash_probe.py"
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(probe)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).parents[2],
    )
    assert done.returncode == 1 and "view crashed" in done.stdout, done.stdout[-2000:]
