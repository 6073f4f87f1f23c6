"""The undo history keeps 200 steps; each step's snapshots must not keep their own copy of the whole speech log and
request list, or the history grows with the evening's length (issue 29's soak: 0.96 MiB of tuples at 690 turns)."""

from __future__ import annotations

import gc

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FakeClock, Session, SpeechRecord

TURNS = 120


def _evening(ctl: SessionController, demo: Session, clock: FakeClock, turns: int) -> list[tuple[SpeechRecord, ...]]:
    """Next on the free chair `turns` times, whoever leaves queuing again; the log after each undo step."""
    logs = [demo.log.as_tuple()]
    for _ in range(turns):
        leaving = demo.turn.participant_id if demo.turn is not None else None
        clock.advance(5)
        assert ctl.next_free_chair()
        logs.append(demo.log.as_tuple())
        if leaving is not None:
            assert ctl.enqueue(leaving)
            logs.append(demo.log.as_tuple())
    return logs


def _long_logs_alive(at_least: int) -> int:
    gc.collect()
    return sum(
        1
        for obj in gc.get_objects()
        if type(obj) is tuple and len(obj) >= at_least and all(type(r) is SpeechRecord for r in obj)
    )


def test_undo_steps_share_the_speech_log_instead_of_copying_it(demo: Session, clock: FakeClock) -> None:
    ctl = SessionController(demo)
    _evening(ctl, demo, clock, TURNS)
    assert len(demo.log) >= TURNS
    assert ctl.undo_stack.count() == 200  # the history is full: its oldest steps hold logs of ~40 turns and more
    assert _long_logs_alive(at_least=TURNS // 4) <= 3


def test_undo_and_redo_give_back_every_steps_log_exactly(demo: Session, clock: FakeClock) -> None:
    ctl = SessionController(demo)
    logs = _evening(ctl, demo, clock, 40)
    steps = ctl.undo_stack.count()
    for back in range(1, steps + 1):
        ctl.undo_stack.undo()
        assert demo.log.as_tuple() == logs[-1 - back]
    for forward in range(1, steps + 1):
        ctl.undo_stack.redo()
        assert len(demo.log) == len(logs[forward])
    assert [r.participant_id for r in demo.log] == [r.participant_id for r in logs[-1]]
