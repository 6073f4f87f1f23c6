"""The participant list's turns and speaking time, as a view shows them, always say what the log and the turn
say, the running turn counted as it stood when its time last started or stopped: a view reads a cell again only
when the model announces it (`dataChanged`), and may leave announced cells unread for a while (scrolled away, the
list hidden). Random evenings of turns, seconds passing, pauses, Next, End, Undo and Redo, with and without a view
reading between them (issue 29: the list no longer follows the clock, so a cell read late must not show a newer
number than one read at once)."""

from __future__ import annotations

from dataclasses import dataclass, field

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QModelIndex

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FakeClock, format_duration, speaking_stats
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.ui.people.participant_model import ParticipantTableModel as Model

STEPS = st.lists(
    st.one_of(
        st.tuples(st.just("start"), st.integers(0, 16)),
        st.tuples(st.just("second"), st.sampled_from((0.0, 0.4, 1.0, 1.0, 7.0))),
        st.tuples(st.sampled_from(("pause", "next", "end", "undo", "redo", "read", "read half")), st.just(0)),
    ),
    min_size=1,
    max_size=30,
)


@dataclass
class View:
    """What a view on screen shows of the two live columns, and which rows it was told to read again."""

    model: Model
    shown: dict[int, tuple[str, str]] = field(default_factory=dict)
    stale: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.model.dataChanged.connect(self._announced)
        self.read(every=True)

    def _announced(self, top: QModelIndex, bottom: QModelIndex, _roles: object) -> None:
        if top.column() <= Model.SPEAKING_TIME and bottom.column() >= Model.TURNS:
            self.stale.update(range(top.row(), bottom.row() + 1))

    def read(self, every: bool = False, half: bool = False) -> None:
        rows = range(self.model.rowCount()) if every else sorted(self.stale)
        for row in rows:
            if half and row % 2:
                continue  # a row out of sight: read when it shows again
            self.shown[row] = (
                self.model.index(row, Model.TURNS).data(),
                self.model.index(row, Model.SPEAKING_TIME).data(),
            )
            self.stale.discard(row)


@settings(max_examples=120, deadline=None)
@given(steps=STEPS)
def test_what_a_view_shows_is_what_the_log_says(steps: list[tuple[str, float]]) -> None:
    clock = FakeClock()
    ctl = SessionController(demo_session(clock))
    model = Model(ctl)
    view = View(model)
    people = [p.id for p in ctl.session.participants]
    for kind, value in steps:
        if kind == "start":
            ctl.start_turn(people[int(value) % len(people)])
        elif kind == "second":
            clock.advance(value)  # nobody tells the list: its numbers do not move with the clock
        elif kind == "pause":
            ctl.toggle_timer()
        elif kind == "next":
            ctl.next_free_chair()
        elif kind == "end":
            ctl.end_turn()
        elif kind == "undo":
            ctl.undo_stack.undo()
        elif kind == "redo":
            ctl.undo_stack.redo()
        else:
            view.read(half=kind == "read half")
    view.read()
    full = speaking_stats([*ctl.session.log, *filter(None, [ctl.session.running_record(settled=True)])])
    for row in range(model.rowCount()):
        tally = full.of(model.participant(row).id)
        expected = (str(tally.turns), format_duration(tally.seconds)) if tally.turns else ("", "")
        assert view.shown[row] == expected, (row, model.participant(row).id, steps)
