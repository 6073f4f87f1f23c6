"""The controller: one undoable path for every intent, signals per part, autosave, the ticking timer."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import Autosaver, SessionController, TimerTicker
from fishbowl_desktop.model import FakeClock, Session, TimerPhase


def test_undo_of_next_restores_previous_occupant(demo: Session) -> None:
    ctl = SessionController(demo)
    assert demo.seats[4].occupant == "aud-01"
    assert ctl.next_free_chair()
    assert demo.seats[4].occupant == "aud-04"
    assert [e.participant_id for e in demo.queue] == ["aud-03", "aud-12"]
    ctl.undo_stack.undo()
    assert demo.seats[4].occupant == "aud-01"
    assert [e.participant_id for e in demo.queue] == ["aud-04", "aud-03", "aud-12"]
    ctl.undo_stack.redo()
    assert demo.seats[4].occupant == "aud-04"


def test_refused_intent_changes_nothing_and_says_why(demo: Session, qtbot: QtBot) -> None:
    ctl = SessionController(demo)
    before = demo.snapshot()
    with qtbot.waitSignal(ctl.errorRaised) as blocker:
        assert not ctl.enqueue("pan-1")  # seated panelists cannot queue
    assert "already sits" in blocker.args[0]
    assert demo.snapshot() == before
    assert ctl.undo_stack.count() == 0


def test_timer_is_live_not_undoable(demo: Session, clock: FakeClock) -> None:
    ctl = SessionController(demo)
    ctl.start_turn("aud-01")
    count = ctl.undo_stack.count()
    ctl.toggle_timer()
    ctl.adjust_time(30)
    assert ctl.undo_stack.count() == count


def test_ticker_announces_each_shown_second_and_phase(demo: Session, clock: FakeClock, qtbot: QtBot) -> None:
    ctl = SessionController(demo)
    ticker = TimerTicker(ctl)
    ctl.start_turn("aud-01")  # free chair: 2:00, warning at 0:30
    shown: list[str] = []
    ticker.displayChanged.connect(lambda: shown.append(ticker.view().text))
    clock.advance(0.5)
    ticker.poll()
    assert shown == []  # still 2:00
    clock.advance(0.6)
    ticker.poll()
    assert shown == ["1:59"]
    clock.advance(90)
    ticker.poll()
    assert ticker.view().phase is TimerPhase.WARNING
    clock.advance(40)
    ticker.poll()
    assert ticker.view().phase is TimerPhase.OVERTIME
    assert ticker.view().text.startswith("+0:")


def test_autosave_debounces_and_reports_failure(demo: Session, tmp_path: Path, qtbot: QtBot) -> None:
    ctl = SessionController(demo)
    saves: list[Path] = []
    failing = {"on": False}

    def save(session: Session, path: Path) -> None:
        if failing["on"]:
            raise PermissionError(13, "Permission denied")
        saves.append(path)

    autosaver = Autosaver(ctl, tmp_path / "s.json", save=save)
    ctl.enqueue("aud-05")
    ctl.enqueue("aud-06")
    assert saves == []  # debounced
    with qtbot.waitSignal(autosaver.saved, timeout=3000):
        pass
    assert len(saves) == 1
    failing["on"] = True
    ctl.dequeue("aud-05")
    with qtbot.waitSignal(autosaver.saveFailed, timeout=3000) as blocker:
        pass
    assert "Permission denied" in blocker.args[0]
    assert autosaver.dirty
    failing["on"] = False
    assert autosaver.flush()
    assert len(saves) == 2 and not autosaver.dirty


def test_a_compound_intent_announces_each_part_once(demo: Session) -> None:
    """Next logs a turn, empties and fills a seat and starts a turn: views repaint once per part."""
    ctl = SessionController(demo)
    ctl.start_turn("aud-01")
    heard: list[str] = []
    ctl.sessionChanged.connect(heard.append)
    turns: list[int] = []
    ctl.turnChanged.connect(lambda: turns.append(1))
    assert ctl.next_free_chair()
    assert sorted(heard) == sorted(set(heard)) == ["log", "queue", "requests", "seats", "turn"]  # Next settles one
    assert turns == [1]
    heard.clear()
    ctl.undo_stack.undo()
    assert sorted(heard) == ["log", "queue", "requests", "seats", "turn"]
    assert demo.seats[4].occupant == "aud-01"


def test_a_refused_compound_intent_still_announces_its_undoing(demo: Session) -> None:
    ctl = SessionController(demo)
    heard: list[str] = []
    ctl.sessionChanged.connect(heard.append)

    def half_then_refused() -> None:
        demo.dequeue("aud-03")
        demo.enqueue("pan-1")  # seated: refused

    before = demo.snapshot()
    assert not ctl.perform("two steps", half_then_refused)
    assert demo.snapshot() == before
    assert "queue" in heard  # views saw the change and saw it undone


def test_undoing_an_unrelated_edit_leaves_the_speakers_timer_alone(demo: Session, clock: FakeClock) -> None:
    from fishbowl_desktop.model import make_participant

    ctl = SessionController(demo)
    ctl.start_turn("aud-01")
    clock.advance(20)
    ctl.add_participant(make_participant("Spät Gekommen"))
    ctl.toggle_timer()  # pause after the edit
    clock.advance(100)
    ctl.undo_stack.undo()  # undo the edit only
    assert demo.turn is not None and not demo.turn.timer.is_running
    assert demo.turn.timer.elapsed(clock.monotonic()) == 20
    # Undoing Next still brings the previous speaker back with their own timer.
    ctl.toggle_timer()
    ctl.next_free_chair()
    ctl.undo_stack.undo()
    assert demo.turn is not None and demo.turn.participant_id == "aud-01"


def test_dragging_a_seated_person_into_the_queue_is_one_undo_step(demo: Session) -> None:
    ctl = SessionController(demo)
    assert demo.seats[4].occupant == "aud-01"
    assert ctl.move_to_queue("aud-01", 1, from_seat=4)
    assert demo.seats[4].occupant is None
    assert [e.participant_id for e in demo.queue] == ["aud-04", "aud-01", "aud-03", "aud-12"]
    assert ctl.undo_stack.count() == 1
    assert ctl.undo_stack.undoText() == f"{demo.participant('aud-01').name} waits for the free chair"
    ctl.undo_stack.undo()
    assert demo.seats[4].occupant == "aud-01"
    assert [e.participant_id for e in demo.queue] == ["aud-04", "aud-03", "aud-12"]


def test_dropping_a_waiting_person_on_their_own_place_changes_nothing(demo: Session) -> None:
    ctl = SessionController(demo)
    assert not ctl.move_to_queue("aud-03", 1) and not ctl.move_to_queue("aud-03", 2)
    assert ctl.undo_stack.count() == 0
    assert ctl.move_to_queue("aud-12", 0)
    assert [e.participant_id for e in demo.queue] == ["aud-12", "aud-04", "aud-03"]


def test_taking_a_seat_while_someone_leaves_is_one_undo_step(demo: Session) -> None:
    ctl = SessionController(demo)
    leaving = next(i for i, s in enumerate(demo.seats) if s.occupant and i != 4)
    sitting_down = "aud-03"
    assert ctl.dequeue(sitting_down)
    count = ctl.undo_stack.count()
    assert ctl.seat_instead(sitting_down, 4, leaving=leaving) is False  # seat 4 is taken: refused whole
    assert ctl.undo_stack.count() == count
    assert ctl.unseat(4)
    occupant = demo.seats[leaving].occupant
    assert ctl.seat_instead(sitting_down, 4, leaving=leaving)
    assert demo.seats[4].occupant == sitting_down and demo.seats[leaving].occupant is None
    ctl.undo_stack.undo()
    assert demo.seats[4].occupant is None and demo.seats[leaving].occupant == occupant


def test_next_can_be_called_while_someone_waits_or_sits_on_the_free_chair(demo: Session) -> None:
    assert demo.can_call_next()
    for entry in list(demo.queue):
        demo.dequeue(entry.participant_id)
    assert demo.can_call_next()  # the guest on the free chair can still leave
    demo.unseat(4)
    assert not demo.can_call_next()
