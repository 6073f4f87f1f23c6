"""Version 5 (issue 28): what became of each request for the free chair is saved with the evening, and a
version-4 file comes back with no requests recorded (not with "nobody waited")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fishbowl_desktop.model import FakeClock, RequestOutcome
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.storage import SessionFileError, load_session, save_session, session_from_dict, session_to_dict


def test_requests_survive_a_save_and_a_load(tmp_path: Path) -> None:
    clock = FakeClock()
    session = demo_session(clock)
    clock.advance(75)
    session.dequeue("aud-03")
    path = tmp_path / "evening.fishbowl.json"
    save_session(session, path)
    back = load_session(path, clock)
    assert back.requests.as_tuple() == session.requests.as_tuple()
    last = back.requests[-1]
    assert (last.participant_id, last.group, last.outcome) == ("aud-03", "FLINTA*", RequestOutcome.WITHDRAWN)
    assert last.waited == pytest.approx(4 * 60 + 75, abs=1)


def test_a_version_4_file_has_no_requests_recorded() -> None:
    clock = FakeClock()
    data = session_to_dict(demo_session(clock))
    data["version"] = 4
    del data["requests"]
    assert session_from_dict(data, clock).requests.as_tuple() == ()


def test_a_damaged_request_is_named() -> None:
    clock = FakeClock()
    data = json.loads(json.dumps(session_to_dict(demo_session(clock))))
    data["requests"][1]["outcome"] = "vanished"
    with pytest.raises(SessionFileError) as caught:
        session_from_dict(data, clock)
    assert "request for the free chair 2" in str(caught.value)
