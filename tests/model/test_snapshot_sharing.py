"""Undo keeps two snapshots of the session per step: a list that did not change between them is one tuple, shared,
never a copy per step (the soak benchmark's memory; benchmarks/README.md, "Soak")."""

from __future__ import annotations

from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.model.observable import ObservableList


def test_an_unchanged_list_hands_out_the_same_tuple_and_a_changed_one_a_new_one() -> None:
    items = ObservableList([1, 2, 3])
    first = items.as_tuple()
    assert items.as_tuple() is first
    items.append(4)
    assert items.as_tuple() == (1, 2, 3, 4) and first == (1, 2, 3)
    for change in (lambda: items.move(0, 3), lambda: items.replace(0, 9), lambda: items.pop(0)):
        before = items.as_tuple()
        change()
        assert items.as_tuple() is not before and items.as_tuple() == tuple(items)


def test_snapshots_share_what_did_not_change() -> None:
    session = demo_session(FakeClock())
    before = session.snapshot()
    session.start_turn("aud-01")
    after = session.snapshot()
    assert after.participants is before.participants  # 17 here, 2,000 on a big evening: never copied per step
    assert after.log is before.log
    assert after.seats is not before.seats or after.turn != before.turn
