"""Whatever a file holds, reading it ends in a session or a SessionFileError: never a crash with some
other exception that the console would not know how to show."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.storage import SessionFileError, load_session, session_from_dict, session_to_dict

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=6,
)
GOOD = session_to_dict(demo_session(FakeClock()))


def _places(data: Any, trail: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path to a value inside the session data."""
    found = [trail] if trail else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += _places(value, (*trail, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            found += _places(value, (*trail, i))
    return found


PLACES = _places(GOOD)


def _mutated(places: list[tuple[Any, ...]], values: list[Any], deletes: list[bool]) -> Any:
    data = json.loads(json.dumps(GOOD))
    for trail, value, delete in zip(places, values, deletes, strict=False):
        target = data
        try:
            for step in trail[:-1]:
                target = target[step]
            if delete and isinstance(target, dict):
                target.pop(trail[-1], None)
            else:
                target[trail[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation already removed or replaced this place
    return data


@settings(max_examples=400, deadline=None)
@given(
    places=st.lists(st.sampled_from(PLACES), min_size=1, max_size=3),
    values=st.lists(JSON_VALUES, min_size=3, max_size=3),
    deletes=st.lists(st.booleans(), min_size=3, max_size=3),
)
def test_a_damaged_session_is_read_or_refused_never_a_crash(
    places: list[tuple[Any, ...]], values: list[Any], deletes: list[bool]
) -> None:
    data = _mutated(places, values, deletes)
    try:
        session = session_from_dict(data, FakeClock(), source="x.json")
    except SessionFileError as exc:
        assert str(exc).startswith("x.json: ") and "\n" not in str(exc)
    else:
        session.check_invariants()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=200) | JSON_VALUES.map(lambda v: json.dumps(v).encode()))
def test_any_bytes_are_read_or_refused_never_a_crash(raw: bytes, tmp_path: Path) -> None:
    path = tmp_path / "any.json"
    path.write_bytes(raw)
    with contextlib.suppress(SessionFileError):
        load_session(path)
    assert path.read_bytes() == raw
