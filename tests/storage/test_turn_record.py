"""The running turn's record beside the session file (storage/turn_record.py): what a restart takes from it, and
what it ignores. The kill test with a real process is tests/controller/test_running_turn.py."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.storage import load_session, save_session
from fishbowl_desktop.storage.turn_record import (
    RECORD_BYTES,
    record_path,
    remove_turn_record,
    turn_record,
    write_turn_record,
)


def _running(clock: FakeClock) -> Session:
    """The sample evening with the guest on the free chair speaking (aud-01)."""
    session = demo_session(clock)
    session.start_turn("aud-01")
    clock.advance(3)
    return session


def _elapsed(session: Session) -> float:
    assert session.turn is not None
    return session.turn.timer.accumulated


def test_a_restart_takes_the_spoken_time_from_the_record_of_the_running_turn(tmp_path: Path) -> None:
    clock = FakeClock()
    session = _running(clock)
    path = tmp_path / "abend.fishbowl.json"
    save_session(session, path)  # the last whole save …
    on_file = json.loads(path.read_text("utf-8"))["turn"]["timer"]["elapsed"]
    clock.advance(17)
    record = turn_record(session)
    assert record is not None and len(record) == RECORD_BYTES
    write_turn_record(path, record)  # … and the record of 17 s later; then the program is killed
    assert os.stat(record_path(path)).st_mode & 0o777 == 0o600

    restored = load_session(path, FakeClock())
    assert _elapsed(restored) == pytest.approx(on_file + 17, abs=0.01)
    assert restored.turn is not None and not restored.turn.timer.is_running  # back paused, as after any crash
    assert json.loads(path.read_text("utf-8"))["turn"]["timer"]["elapsed"] == on_file  # the file is only read


def test_each_record_replaces_the_last_one_whole(tmp_path: Path) -> None:
    clock = FakeClock()
    session = _running(clock)
    path = tmp_path / "abend.fishbowl.json"
    save_session(session, path)
    for _ in range(3):
        clock.advance(1)
        write_turn_record(path, turn_record(session) or b"")
    assert record_path(path).stat().st_size == RECORD_BYTES
    assert _elapsed(load_session(path, FakeClock())) == pytest.approx(6, abs=0.01)  # 3 s, then three more


@pytest.mark.parametrize(
    "change",
    ["another speaker", "another start", "before a reset", "says less", "garbage", "not a number", "a folder"],
)
def test_a_record_that_is_not_this_turns_latest_is_ignored(change: str, tmp_path: Path) -> None:
    clock = FakeClock()
    session = _running(clock)
    path = tmp_path / "abend.fishbowl.json"
    clock.advance(5)
    save_session(session, path)
    on_file = json.loads(path.read_text("utf-8"))["turn"]["timer"]["elapsed"]
    record = json.loads((turn_record(session) or b"").decode("ascii"))
    record["elapsed"] = on_file + 30
    if change == "another speaker":
        record["participant_id"] = "aud-99"
    elif change == "another start":
        record["started_at"] = "2020-01-01T19:00:00+01:00"
    elif change == "before a reset":
        record["spoken_before_reset"] = 99.0
    elif change == "says less":
        record["elapsed"] = on_file - 1
    elif change == "not a number":
        record["elapsed"] = "1e400"
    raw = b"\x00{not json" if change == "garbage" else json.dumps(record).encode("ascii")
    if change == "a folder":
        record_path(path).mkdir()
    else:
        record_path(path).write_bytes(raw.ljust(RECORD_BYTES - 1) + b"\n")
    assert _elapsed(load_session(path, FakeClock())) == pytest.approx(on_file)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX named pipes")
def test_a_pipe_in_place_of_the_record_never_blocks_the_start(tmp_path: Path) -> None:
    clock = FakeClock()
    session = _running(clock)
    path = tmp_path / "abend.fishbowl.json"
    save_session(session, path)
    os.mkfifo(record_path(path))
    load_session(path, FakeClock())  # returns: an open() of a FIFO for reading would wait for a writer


def test_no_record_without_a_running_turn_and_removing_a_missing_one_is_harmless(tmp_path: Path) -> None:
    clock = FakeClock()
    session = _running(clock)
    session.toggle_timer()
    assert turn_record(session) is None
    remove_turn_record(tmp_path / "none.fishbowl.json")
