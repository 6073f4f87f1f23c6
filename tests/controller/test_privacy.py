"""Forget personal data: the model operation, the controller intent (no undo back to the names), and the
file side (saved at once, backups deleted, no former name anywhere on disk)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import Autosaver, SessionController
from fishbowl_desktop.controller.session_files import SessionFiles
from fishbowl_desktop.model import FakeClock, FishbowlError, Role, Session
from fishbowl_desktop.model.demo import demo_participants, demo_session
from fishbowl_desktop.storage import Workspace, backup_path, load_session, save_session

NAMES = [p.name for p in demo_participants()]
SECRETS = [
    *NAMES,
    *(p.organisation for p in demo_participants() if p.organisation),
    *(p.bio for p in demo_participants() if p.bio),
    "Möchte zum Thema Wohnen sprechen.",
]
# Organisations that are also the event's organiser or venue stay on the handout: they are not a person's data.
EVENT_TEXTS = {"Stadtteilforum Hainholz"}


def leaks(text: str) -> list[str]:
    return [s for s in SECRETS if s in text and s not in EVENT_TEXTS]


def test_people_become_numbers_roles_groups_and_the_log_stay(demo: Session) -> None:
    before = demo.snapshot()
    stats_before = demo.stats(include_running=False)
    demo.set_stage(replace(demo.stage, message="Willkommen, Prof. Dr. Şule Öztürk!"))
    demo.forget_personal_data()
    people = list(demo.participants)
    assert [p.name for p in people] == [f"Teilnehmer*in {n}" for n in range(1, 18)]  # the session is German
    assert all(p.organisation == p.bio == p.notes == "" and not p.consent_to_list for p in people)
    assert any(p.family_name for p in before.participants)
    assert all(p.family_name == p.given_names == p.residence == "" for p in people)  # the split name goes too
    assert [(p.role, p.group) for p in people] == [(p.role, p.group) for p in before.participants]
    assert demo.stage.message == "" and demo.stage.topic_index == before.stage.topic_index
    # the log keeps every turn, duration, role and group; only who it was is now a number
    assert [(r.duration, r.allotted, r.role, r.group, r.started_at) for r in demo.log] == [
        (r.duration, r.allotted, r.role, r.group, r.started_at) for r in before.log
    ]
    stats = demo.stats(include_running=False)
    assert stats.by_role == stats_before.by_role and stats.by_group == stats_before.by_group
    # seats, queue and the turn follow the new ids
    old_index = {p.id: i for i, p in enumerate(before.participants)}
    assert [s.occupant and people.index(demo.participant(s.occupant)) for s in demo.seats] == [
        s.occupant and old_index[s.occupant] for s in before.seats
    ]
    assert [people.index(demo.participant(e.participant_id)) for e in demo.queue] == [
        old_index[e.participant_id] for e in before.queue
    ]
    assert {p.id for p in people}.isdisjoint(old_index)
    demo.check_invariants()


def test_english_sessions_say_person(clock: FakeClock) -> None:
    s = demo_session(clock)
    s.set_event(s.event.with_changes(language="en"))
    s.forget_personal_data()
    assert s.participants[0].name == "Person 1" and s.participants[16].name == "Person 17"


def test_someone_removed_earlier_keeps_a_number_in_the_log_not_their_id(demo: Session) -> None:
    demo.remove_participant("aud-07")  # spoke once, then left the list
    demo.forget_personal_data()
    ids = {r.participant_id for r in demo.log}
    assert "aud-07" not in ids and "former-1" in ids and len(demo.log) == 6


def test_refused_while_a_speaker_talks_or_when_nobody_is_listed(demo: Session, clock: FakeClock) -> None:
    demo.start_turn("aud-01")
    before = demo.snapshot()
    with pytest.raises(FishbowlError, match="time is running"):
        demo.forget_personal_data()
    assert demo.snapshot() == before
    demo.toggle_timer()  # paused: now it may
    demo.forget_personal_data()
    assert demo.turn is not None and demo.participant(demo.turn.participant_id).role is Role.AUDIENCE
    with pytest.raises(FishbowlError, match="no personal data"):
        Session(clock).forget_personal_data()


def test_the_intent_clears_the_undo_history(demo: Session) -> None:
    ctl = SessionController(demo)
    ctl.enqueue("aud-05")
    ctl.update_participant(demo.participant("aud-05").with_changes(notes="kennt die Moderatorin"))
    assert ctl.undo_stack.canUndo()
    assert ctl.forget_personal_data()
    assert not ctl.undo_stack.canUndo() and not ctl.undo_stack.canRedo()
    ctl.undo_stack.undo()  # a stray PageUp brings nothing back
    assert all(p.name.startswith("Teilnehmer*in") for p in ctl.session.participants)


def test_a_refusal_keeps_everything_and_says_why(demo: Session) -> None:
    ctl = SessionController(demo)
    ctl.start_turn("aud-01")
    errors: list[str] = []
    ctl.errorRaised.connect(errors.append)
    assert not ctl.forget_personal_data()
    assert errors and "running" in errors[0] and ctl.undo_stack.canUndo()
    assert demo.participant("aud-01").name == "Nguyễn Thị Hương"


@pytest.fixture
def saved(tmp_path: Path, clock: FakeClock, qtbot: QtBot) -> tuple[SessionFiles, Path]:
    """A demo evening autosaved for a while: the file and three backups, all with the names."""
    ws = Workspace(tmp_path / "home")
    session = demo_session(clock)
    path = ws.new_session_path(session.event.title)
    for _ in range(4):
        save_session(session, path, backup=True)
    assert all(backup_path(path, n).is_file() for n in (1, 2, 3))
    (path.parent / f".{path.name}.dead.tmp").write_bytes(path.read_bytes())  # left by a killed save
    ctl = SessionController(session)
    saver = Autosaver(ctl, path)
    return SessionFiles(ws, ctl, saver, clock), path


def test_forgetting_saves_at_once_and_deletes_the_backups(saved: tuple[SessionFiles, Path]) -> None:
    files, path = saved
    assert files.forget_personal_data() is None
    on_disk = [p for p in path.parent.iterdir() if p.is_file()]
    assert on_disk == [path]  # no .bak1..3, no leftover temporary file
    text = path.read_text(encoding="utf-8")
    assert leaks(text) == []
    loaded = load_session(path)
    assert [p.name for p in loaded.participants][:2] == ["Teilnehmer*in 1", "Teilnehmer*in 2"]
    assert len(loaded.log) == 6
    # later autosaves rotate backups again, but only of the anonymous file
    files._controller.enqueue(loaded.participants[10].id)
    files._autosaver.flush()
    save_session(files._controller.session, path, backup=True)
    for candidate in path.parent.iterdir():
        assert leaks(candidate.read_text(encoding="utf-8")) == [], candidate.name


def test_a_failed_save_deletes_the_backups_once_saving_works(
    saved: tuple[SessionFiles, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    files, path = saved
    import fishbowl_desktop.controller.forgetting as module  # where forgetting saves

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(module, "save_session", disk_full)
    problem = files.forget_personal_data()
    assert problem and "No space left" in problem and backup_path(path, 1).is_file()
    assert files._controller.session.participants[0].name == "Teilnehmer*in 1"
    monkeypatch.undo()
    assert files._autosaver.flush()
    assert [p for p in path.parent.iterdir() if p.name.startswith(path.name + ".bak")] == []
    assert leaks(path.read_text(encoding="utf-8")) == []
