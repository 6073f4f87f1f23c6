"""Saving and loading loses nothing: what comes back is the session that was saved, with a running timer
frozen at the moment of saving."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from fishbowl_desktop.model import Event, FakeClock, FishbowlError, Session, SessionSnapshot
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.storage import (
    FORMAT_VERSION,
    SessionFileError,
    encode_session,
    load_session,
    save_session,
    session_from_dict,
    session_to_dict,
)
from fishbowl_desktop.storage.encode import encode_frozen, encode_frozen_parts, freeze_session
from helpers.sessions import discussion_settled, sessions


def _without_saved_at(data: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in data.items() if k != "saved_at"}


def _frozen(session: Session) -> SessionSnapshot:
    """What a load gives back: a running turn paused at the save (the discussion's clock runs on: see
    `discussion_settled`)."""
    snap = session.snapshot()
    if snap.turn is None:
        return snap
    return replace(snap, turn=replace(snap.turn, timer=snap.turn.timer.frozen_at(session.clock.monotonic())))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(session=sessions())
def test_save_then_load_gives_the_same_session(session: Session, tmp_path: Path) -> None:
    path = tmp_path / "evening.json"
    save_session(session, path, backup=False)
    loaded = load_session(path, session.clock)

    assert _without_saved_at(session_to_dict(loaded)) == _without_saved_at(session_to_dict(session))
    assert loaded.snapshot() == discussion_settled(loaded.snapshot(), _frozen(session))
    loaded.check_invariants()


@settings(max_examples=100, deadline=None)
@given(session=sessions())
def test_the_dict_survives_json_text(session: Session) -> None:
    data = session_to_dict(session)
    again = session_from_dict(json.loads(json.dumps(data, ensure_ascii=False)), session.clock)
    assert _without_saved_at(session_to_dict(again)) == _without_saved_at(data)


def test_a_running_turn_comes_back_paused_with_the_time_spoken(tmp_path: Path) -> None:
    clock = FakeClock()
    session = demo_session(clock)
    session.start_turn("aud-01")
    clock.advance(42.5)
    path = tmp_path / "s.json"
    save_session(session, path)
    clock.advance(1000)  # the app was closed for a while: this must not count as speaking time

    loaded = load_session(path, clock)
    assert loaded.turn is not None
    assert loaded.turn.participant_id == "aud-01"
    assert not loaded.turn.timer.is_running
    assert loaded.turn.timer.started
    assert loaded.turn.timer.elapsed(clock.monotonic()) == pytest.approx(42.5)
    assert json.loads(path.read_text("utf-8"))["turn"]["timer"]["elapsed"] == pytest.approx(42.5)


def test_the_file_has_the_documented_header_and_iso_dates(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    save_session(demo_session(FakeClock()), path)
    data = json.loads(path.read_text("utf-8"))
    assert data["format"] == "fishbowl-desktop-session"
    assert data["version"] == FORMAT_VERSION == 6
    assert datetime.fromisoformat(data["saved_at"]).tzinfo is not None
    assert data["event"]["date"] == "2026-12-03"
    assert data["event"]["start_time"] == "18:30:00"
    assert data["log"][0]["started_at"] == "2026-12-03T18:40:00"
    assert set(data) >= {"event", "participants", "seats", "queue", "log", "settings", "turn", "stage"}


def test_queue_tie_breakers_keep_counting_after_people_left_the_queue(tmp_path: Path) -> None:
    clock = FakeClock()
    session = demo_session(clock)
    session.enqueue("aud-05")
    session.dequeue("aud-05")
    before = session.snapshot().serial
    save_session(session, tmp_path / "s.json")
    assert load_session(tmp_path / "s.json", clock).snapshot().serial == before


def test_a_time_with_an_offset_written_by_another_tool_is_read_as_local_time() -> None:
    clock = FakeClock()
    data = session_to_dict(demo_session(clock))
    data["log"][0]["started_at"] = "2026-12-03T17:40:00+00:00"
    loaded = session_from_dict(data, clock)
    started = loaded.log[0].started_at
    assert started.tzinfo is None
    assert started == datetime(2026, 12, 3, 17, 40, tzinfo=UTC).astimezone().replace(tzinfo=None)


def test_session_from_dict_names_its_source() -> None:
    with pytest.raises(SessionFileError, match=r"^backup\.json: this is not a Fishbowl Desktop session file$"):
        session_from_dict({"format": "something else"}, source="backup.json")


def test_older_versions_are_upgraded_on_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    """The mechanism the next version will use: a file of the current version goes through
    MIGRATIONS[current] on its way in."""
    from fishbowl_desktop.storage import format as session_format

    def rename_title(data: dict[str, object]) -> dict[str, object]:
        event = dict(data["event"])  # type: ignore[call-overload]
        event["title"] = "migrated: " + event["title"]
        return {**data, "event": event, "version": current + 1}

    clock = FakeClock()
    current = FORMAT_VERSION
    old = session_to_dict(demo_session(clock))
    monkeypatch.setattr(session_format, "FORMAT_VERSION", current + 1)
    monkeypatch.setitem(session_format.MIGRATIONS, current, rename_title)
    assert session_from_dict(old, clock).event.title.startswith("migrated: Neue Hannoveraner")
    with pytest.raises(SessionFileError, match=rf"newer Fishbowl Desktop \(format {current + 2}\)"):
        session_from_dict({**old, "version": current + 2}, clock)


def test_a_version_1_queue_keeps_its_first_come_order_as_arrival_numbers() -> None:
    """Version 1 decided first come by `joined_at` and may hold serial 0 for everyone; version 2 orders by
    the serial alone, so the migration numbers the entries in the order version 1 meant."""
    from fishbowl_desktop.model import OrderingRule, RuleChain

    clock = FakeClock()
    data = session_to_dict(demo_session(clock))
    data["version"] = 1
    data["queue_serial"] = 0
    ids = [e["participant_id"] for e in data["queue"]]
    # Listed out of arrival order, all with serial 0, as an old hand-edited file might be.
    data["queue"] = [
        {"participant_id": ids[2], "joined_at": "2026-11-25T17:59:00", "serial": 0},
        {"participant_id": ids[0], "joined_at": "2026-11-25T17:50:00", "serial": 0},
        {"participant_id": ids[1], "joined_at": "2026-11-25T17:55:00", "serial": 0},
    ]
    session = session_from_dict(data, clock)
    assert [e.serial for e in session.queue] == [3, 1, 2]
    assert [e.participant_id for e in session.queue] == [ids[2], ids[0], ids[1]]  # the moderator's order
    session.set_settings(
        replace(session.settings, ordering=RuleChain.of(OrderingRule.NEW_VOICES_FIRST), safe_positions=0)
    )
    session.set_settings(replace(session.settings, ordering=RuleChain.of(OrderingRule.FIRST_COME)))
    assert [e.participant_id for e in session.queue] == ids
    assert session_to_dict(session)["version"] == FORMAT_VERSION


@given(first=sessions(), second=sessions())
def test_cached_encoding_equals_plain_json_also_after_changes(first: Session, second: Session) -> None:
    """The encoder reuses the text of unchanged people and turns; the file must not tell the difference."""
    from fishbowl_desktop.model import make_participant

    for session in (first, second, first):  # the cache is shared: switching sessions must not leak
        assert _without_saved_at(json.loads(encode_session(session))) == _without_saved_at(
            json.loads(json.dumps(session_to_dict(session)))
        )
    newcomer = make_participant("Neu Hinzugekommen")
    first.add_participant(newcomer)
    if len(first.participants) > 1:
        first.update_participant(first.participants[0].with_changes(name="Umbenannt"))
    data = json.loads(encode_session(first))
    assert data["participants"] == json.loads(json.dumps(session_to_dict(first)))["participants"]
    assert data["participants"][-1]["name"] == "Neu Hinzugekommen"


@pytest.mark.parametrize("version", [1, 2])
def test_a_file_from_before_split_names_reads_and_saves_in_the_current_version(tmp_path: Path, version: int) -> None:
    """Written before names had two parts (versions 1 and 2): readable as it is, nothing guessed, saved
    in the current version."""
    clock = FakeClock()
    data = session_to_dict(demo_session(clock))
    data["version"] = version
    for person in data["participants"]:
        for key in ("family_name", "given_names", "residence"):
            del person[key]
    for key in ("programme", "funding_reference", "privacy_notice"):
        del data["event"][key]
    session = session_from_dict(data, clock)
    person = session.participant("aud-01")
    assert (person.name, person.family_name, person.given_names) == ("Nguyễn Thị Hương", "", "")
    assert person.name_parts == ("Nguyễn Thị Hương", "")
    assert session.event.programme == "" and session.event.organiser == "Stadtteilforum Hainholz"
    path = tmp_path / "s.json"
    save_session(session, path)
    saved = json.loads(path.read_text("utf-8"))
    assert saved["version"] == FORMAT_VERSION == 6 and saved["participants"][0]["family_name"] == ""


def test_split_names_residence_and_funding_fields_round_trip(tmp_path: Path) -> None:
    clock = FakeClock()
    session = demo_session(clock)
    session.set_event(session.event.with_changes(privacy_notice="Eigener Hinweis"))
    path = tmp_path / "s.json"
    save_session(session, path)
    back = load_session(path, clock)
    assert back.participant("aud-01").family_name == "Nguyễn"
    assert back.participant("aud-01").given_names == "Thị Hương"
    assert back.event.funding_reference == session.event.funding_reference != ""
    assert back.event.privacy_notice == "Eigener Hinweis"


@given(session=sessions())
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_the_file_written_in_pieces_is_the_encoded_session(session: Session, tmp_path: Path) -> None:
    """save_session writes the long arrays as they are kept, one piece after the other, instead of copying
    them into one string first; the file must be the very same JSON."""
    path = tmp_path / "abend.fishbowl.json"
    save_session(session, path, backup=False)
    written = path.read_bytes()
    assert _without_saved_at(json.loads(written)) == _without_saved_at(json.loads(encode_session(session)))
    frozen = freeze_session(session)
    assert b"".join(encode_frozen_parts(frozen)) == encode_frozen(frozen)


def test_a_version_3_file_keeps_the_photo_column_it_printed_and_gains_empty_privacy_fields(tmp_path: Path) -> None:
    """Version 3 → 4 (issue 25): the new event fields start empty; the photo policy of an older evening is the
    opt-in column version 3 always printed, while a new event prints none."""
    clock = FakeClock()
    data = session_to_dict(demo_session(clock))
    data["version"] = 3
    for key in (
        "organiser_address",
        "organiser_email",
        "data_protection_officer",
        "organiser_kind",
        "photo_policy",
        "funding_note",
        "age_groups",
    ):
        del data["event"][key]
    event = session_from_dict(data, clock).event
    assert (event.photo_policy, event.organiser_kind, event.organiser_email, event.age_groups) == (
        "opt_in",
        "association",
        "",
        (),
    )
    assert Event().photo_policy == "none"


def test_privacy_contacts_photo_policy_and_age_groups_round_trip(tmp_path: Path) -> None:
    clock = FakeClock()
    session = demo_session(clock)
    session.set_event(
        session.event.with_changes(
            organiser_address="Voßstraße 2\n30161 Hannover",
            organiser_email="info@example.org",
            data_protection_officer="datenschutz@example.org",
            organiser_kind="public_body",
            photo_policy="notice",
            funding_note="Gefördert durch die Landeshauptstadt Hannover",
            age_groups=("unter 27", "27–64", "65+"),
        )
    )
    path = tmp_path / "s.json"
    save_session(session, path)
    assert load_session(path, clock).event == session.event


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"photo_policy": "sometimes"}, "Photos must be one of"),
        ({"organiser_kind": "company"}, "The organiser must be one of"),
        ({"age_groups": ("",)}, "Age groups"),
    ],
)
def test_a_wrong_photo_policy_organiser_kind_or_age_group_is_refused(change: dict[str, object], words: str) -> None:
    with pytest.raises(FishbowlError, match=words):
        Event(**change)  # type: ignore[arg-type]
