"""A three-hour evening, 10,000 moderator actions through the controller, every rule checked after each.

Seeded (see reliability/simulation.py); set RELIABILITY_SEED to replay or to explore another evening.
The mutant tests break the model on purpose and show that the checker notices: a suite that cannot fail
proves nothing.
"""

from __future__ import annotations

import os
import time
from dataclasses import replace

import pytest

from fishbowl_desktop.model import Session
from reliability.simulation import DEFAULT_SEED, EVENING_SECONDS, Evening, InvariantBroken

ACTIONS = 10_000
SEED = int(os.environ.get("RELIABILITY_SEED", DEFAULT_SEED))


def test_a_three_hour_evening_of_random_moderator_actions_keeps_every_rule(qapp) -> None:  # type: ignore[no-untyped-def]
    began = time.perf_counter()
    evening = Evening(SEED, ACTIONS)
    tally = evening.run(ACTIONS)
    took = time.perf_counter() - began
    elapsed = evening.clock.monotonic() - evening.start
    print(f"\nevening: seed {SEED}, {tally.actions} actions in {elapsed / 3600:.2f} h of fake time, "
          f"{tally.refused} refused, {tally.undos} undos, {tally.redos} redos, "
          f"{len(evening.session.log)} turns logged, {took:.1f} s real time\n{sorted(tally.by_kind.items())}")
    assert tally.actions == ACTIONS
    assert elapsed == pytest.approx(EVENING_SECONDS)
    # The evening must really have happened, or the checks above checked nothing.
    assert len(evening.session.log) >= 200 and tally.undos >= 300 and tally.redos >= 100
    assert tally.refused < ACTIONS // 3
    assert min(tally.by_kind.values()) >= 50 and len(tally.by_kind) == 19


# ---------------------------------------------------------------------- the checker can fail
def _run_until_broken(actions: int = 3000) -> str:
    with pytest.raises(InvariantBroken) as caught:
        Evening(SEED, actions).run(actions)
    return str(caught.value)


def test_checker_notices_a_turn_logged_twice(qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    original = Session.end_turn

    def doubled(self: Session):  # type: ignore[no-untyped-def]
        record = self.running_record()
        result = original(self)
        if record is not None:
            self.log.append(record)
        return result

    monkeypatch.setattr(Session, "end_turn", doubled)
    assert "overlap in time" in _run_until_broken()


def test_checker_notices_a_timer_that_runs_fast(qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from fishbowl_desktop.model import SpeakerTimer

    real = SpeakerTimer.elapsed
    monkeypatch.setattr(SpeakerTimer, "elapsed", lambda self, now: real(self, now) * 1.5)
    message = _run_until_broken()
    assert "spoken in" in message or "overlap in time" in message


def test_checker_notices_an_undo_that_does_not_go_all_the_way_back(qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from fishbowl_desktop.controller import session_controller

    original = session_controller.SessionController._restore

    def sloppy(self, snap):  # type: ignore[no-untyped-def]
        original(self, replace(snap, queue=snap.queue[:-1]) if len(snap.queue) > 1 else snap)

    monkeypatch.setattr(session_controller.SessionController, "_restore", sloppy)
    assert "exactly" in _run_until_broken()


def test_checker_notices_a_log_rewritten_outside_undo(qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    original = Session.start_turn

    def forgetful(self: Session, participant_id: str, start: bool = True) -> None:
        original(self, participant_id, start)
        if len(self.log) > 3:
            self.log.pop(0)

    monkeypatch.setattr(Session, "start_turn", forgetful)
    assert "rewrote the speech log" in _run_until_broken()


def test_checker_notices_statistics_that_drift_from_the_log(qapp, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from fishbowl_desktop.model import session as session_module

    real = session_module.speaking_stats

    def rounded(records):  # type: ignore[no-untyped-def]
        stats = real(records)
        stats.total_seconds = float(int(stats.total_seconds))
        return stats

    monkeypatch.setattr(session_module, "speaking_stats", rounded)
    assert "statistics" in _run_until_broken()
