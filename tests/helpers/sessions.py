"""Hypothesis strategies for whole sessions, reached the way a moderator reaches them: through the model's
own operations, on top of randomly filled event and participant data (names from every script)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time

from hypothesis import strategies as st

from fishbowl_desktop.model import (
    AgendaItem,
    Event,
    FakeClock,
    FishbowlError,
    FishbowlFormat,
    Opening,
    Participant,
    Role,
    RuleChain,
    Session,
    SessionSnapshot,
    Stage,
    TurnSettings,
)
from fishbowl_desktop.model.chain import CHAIN_RULES

# Any Unicode a name list can hold (RTL, combining marks, emoji, format characters); no lone surrogates,
# which no UTF-8 file can carry, and no control characters, which the model refuses (model/characters.py;
# tests/model/test_hostile_text.py covers those). Multi-line texts keep tabs and line breaks.
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=24)
LINES = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"), include_characters="\t\n\r"), max_size=24)
NAMES = TEXT.filter(lambda s: s.strip())
WHEN = st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1))


@st.composite
def events(draw: st.DrawFn) -> Event:
    start = draw(st.none() | st.times(max_value=time(12, 0)))
    end = draw(st.none() | st.times(min_value=time(12, 0, 1)))
    return Event(
        title=draw(NAMES),
        date=draw(st.none() | st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1))),
        start_time=start,
        end_time=end,
        venue_name=draw(TEXT),
        venue_address=draw(LINES),
        organiser=draw(TEXT),
        description=draw(LINES),
        guiding_questions=tuple(draw(st.lists(NAMES, max_size=3))),
        agenda=tuple(draw(st.lists(st.builds(AgendaItem, NAMES, st.integers(0, 24 * 60)), max_size=3))),
        language=draw(st.sampled_from(["de", "en"])),
        report_notes=draw(LINES),
    )


@st.composite
def participants(draw: st.DrawFn, min_size: int = 0, max_size: int = 10) -> list[Participant]:
    ids = draw(st.lists(NAMES, min_size=min_size, max_size=max_size, unique=True))
    return [
        Participant(
            id=pid,
            name=draw(NAMES),
            role=draw(st.sampled_from(Role)),
            organisation=draw(TEXT),
            bio=draw(LINES),
            group=draw(st.sampled_from(["", "FLINTA*", "offen", "Jugend"])),
            consent_to_list=draw(st.booleans()),
            notes=draw(LINES),
            family_name=draw(st.one_of(st.just(""), NAMES)),
            given_names=draw(st.one_of(st.just(""), NAMES)),
            residence=draw(st.sampled_from(["", "30165", "Hannover-Linden"])),
        )
        for pid in ids
    ]


SETTINGS = st.builds(
    TurnSettings,
    panel_seconds=st.floats(10, 3600),
    free_chair_seconds=st.floats(10, 3600),
    warning_seconds=st.floats(0, 600),
    auto_start_next=st.booleans(),
    ordering=st.builds(
        lambda rules, n: RuleChain(tuple(rules[:n])), st.permutations(CHAIN_RULES), st.integers(0, len(CHAIN_RULES))
    ),
    format=st.sampled_from(FishbowlFormat),
    opening=st.sampled_from(Opening),
)


@st.composite
def sessions(draw: st.DrawFn) -> Session:
    """A session after a random evening: people seated, queued, speaking, paused, logged, removed."""
    clock = FakeClock(draw(WHEN))
    session = Session(clock, event=draw(events()), participants=draw(participants()), settings=draw(SETTINGS))
    for _ in range(draw(st.integers(0, 30))):
        ids = [p.id for p in session.participants] or ["nobody"]
        pid = draw(st.sampled_from(ids))
        seat = draw(st.integers(0, len(session.seats) - 1))
        action = draw(
            st.sampled_from(
                ["seat", "enqueue", "next", "start", "toggle", "adjust", "end", "remove", "tick", "circle", "stage"]
            )
        )
        try:
            if action == "seat":
                session.seat(pid, seat)
            elif action == "enqueue":
                session.enqueue(pid)
            elif action == "next":
                session.next_free_chair()
            elif action == "start":
                session.start_turn(pid, start=draw(st.booleans()))
            elif action == "toggle":
                session.toggle_timer()
            elif action == "adjust":
                session.adjust_time(draw(st.floats(-600, 600)))
            elif action == "end":
                session.end_turn()
            elif action == "remove":
                session.remove_participant(pid)
            elif action == "tick":
                clock.advance(draw(st.floats(0, 500)))
            elif action == "circle":
                session.configure_circle(draw(st.integers(0, 6)), draw(st.integers(1, 3)))
            else:
                topics = len(session.topics())
                index = draw(st.none() | st.integers(0, topics - 1)) if topics else None
                session.set_stage(Stage(draw(TEXT), draw(st.booleans()), index, draw(st.none() | WHEN)))
        except FishbowlError:
            pass
    return session


def discussion_settled(loaded: SessionSnapshot, saved: SessionSnapshot) -> SessionSnapshot:
    """`saved` as a file gives it back: a running discussion clock's monotonic anchor is made again from the
    wall-clock moment its stretch began (issue 28), equal to the saved one within a microsecond's rounding."""
    a, b = loaded.stage.discussion, saved.stage.discussion
    if a.running_since is not None and b.running_since is not None:
        assert abs(a.running_since - b.running_since) < 1e-3, "the discussion's clock moved in the file"
        b = replace(b, running_since=a.running_since)
    return replace(saved, stage=replace(saved.stage, discussion=b))
