"""The statistics' equity section (issue 28.4): did every group get its share of the free chair, so far?

The same figures as the report's equity page (`model.equity`), live: per group the share of the audience on the
list, of those who asked, of free-chair turns and of speaking time; then waits, withdrawals and declines. Narrow
(the statistics column is ~280 px), so shares only, with the counts in each cell's tooltip; the notes say what
"on the list" means, mark groups too small for a share to mean much, and name the people without a group.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import SpeechRecord, format_duration
from fishbowl_desktop.model.equity import (
    FEW_TURNS,
    SMALL_GROUP,
    Equity,
    GroupEquity,
    LoggedTurns,
    equity,
    logged_turns,
    whole_shares,
)
from fishbowl_desktop.model.shares import percent_text
from fishbowl_desktop.ui.widgets.console_language import console_language
from fishbowl_desktop.ui.widgets.elided import ElidedLabel

FEW_MARK = "*"


class EquityBox(QWidget):
    def __init__(
        self,
        controller: SessionController,
        short_turn_seconds: Callable[[], float],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._controller = controller
        self._short_turn_seconds = short_turn_seconds
        self.figures: Equity | None = None
        """The figures last shown (tests read them beside the labels)."""
        self._logged: tuple[tuple[SpeechRecord, ...], LoggedTurns] | None = None
        """The log (the very tuple, which stays the same until the log changes) and its finished turns' part,
        kept from one tick to the next and extended by the turns a Next logs (a pass over a long log is slow)."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.heading = QLabel(self.tr("Share of the free chair by group"))
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setContentsMargins(0, 6, 0, 0)
        self.empty = QLabel(self.tr("Nobody has asked for the free chair yet."))
        self.empty.setWordWrap(True)
        self._shares = QGridLayout()
        self._shares.setVerticalSpacing(1)
        self._shares.setHorizontalSpacing(6)
        self._shares.setColumnStretch(0, 1)
        self._waits = QGridLayout()
        self._waits.setVerticalSpacing(1)
        self._waits.setHorizontalSpacing(6)
        self._waits.setColumnStretch(0, 1)
        self.notes = QLabel()
        self.notes.setWordWrap(True)
        self.notes.setTextFormat(Qt.TextFormat.PlainText)
        small = self.notes.font()
        small.setPointSizeF(max(7.0, small.pointSizeF() * 0.9))
        self.notes.setFont(small)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty)
        layout.addLayout(self._shares)
        layout.addSpacing(6)
        layout.addLayout(self._waits)
        layout.addSpacing(4)
        layout.addWidget(self.notes)
        self.cells: dict[tuple[str, str], QLabel] = {}
        """(group, column) → its label; the group "" is the people without a group."""
        self._shown: dict[tuple[int, int, int], tuple[QLabel, str, str]] = {}
        """(grid, row, column) → the label there, its text and its tooltip. A refresh reuses the labels whose place
        is still filled and changes only what differs: rebuilding every label, several times per Next and
        once a second while a turn runs (benchmarks/README.md, "The big evening's projector")."""
        self._unused: dict[tuple[int, int, int], tuple[QLabel, str, str]] = {}

    def refresh(self) -> None:
        session = self._controller.session
        running = session.running_record()
        log = session.log.as_tuple()
        threshold = self._short_turn_seconds()
        kept = self._logged
        if kept is None or kept[1].short_turn_seconds != threshold:
            part = logged_turns(log, threshold)
        elif kept[0] is not log:  # a turn logged (Next) adds itself to what was counted; anything else counts anew
            old = kept[0]
            grown = len(log) >= len(old) and log[: len(old)] == old
            part = logged_turns(log[len(old) :], threshold, after=kept[1]) if grown else logged_turns(log, threshold)
        else:
            part = kept[1]
        self._logged = (log, part)
        figures = equity(
            session.participants.as_tuple(),
            log + ((running,) if running is not None else ()),
            session.requests.as_tuple(),
            [e.participant_id for e in session.queue],
            short_turn_seconds=threshold,
            running=running is not None,
            logged=part,
        )
        if figures == self.figures:
            return
        self.figures = figures
        self._unused, self._shown = self._shown, {}
        self.cells = {}
        nothing = not figures.free_turns and not figures.asked
        self.empty.setVisible(nothing)
        self.notes.setVisible(not nothing)
        if not nothing:
            self._fill_shares(figures)
            self._fill_waits(figures)
            self.notes.setText("\n".join(f"· {note}" for note in self._notes(figures)))
        for label, _text, _tip in self._unused.values():  # places no longer filled (a group gone)
            label.setParent(None)
            label.deleteLater()
        self._unused = {}

    def _label(self, g: GroupEquity) -> str:
        name = g.group or self.tr("no group")
        return f"{FEW_MARK} {name}" if g.few else name  # the mark first: a cut name keeps it

    def _put(self, grid: QGridLayout, row: int, column: int, text: str, tip: str = "") -> QLabel:
        place = (id(grid), row, column)
        kept = self._unused.pop(place, None)
        if kept is not None:
            label, shown_text, shown_tip = kept
            if text != shown_text:
                label.setText(text)
            if tip != shown_tip:
                label.setToolTip(tip)
            self._shown[place] = (label, text, tip)
            return label
        label = QLabel(text) if column or not row else ElidedLabel(text, min_chars=6)
        label.setTextFormat(Qt.TextFormat.PlainText)
        if column:
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if tip:
            label.setToolTip(tip)
        if row == 0:
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        grid.addWidget(label, row, column)
        self._shown[place] = (label, text, tip)
        return label

    def _fill_shares(self, figures: Equity) -> None:
        grid = self._shares
        heads = [self.tr("Group"), self.tr("List"), self.tr("Asked"), self.tr("Turns"), self.tr("Time")]
        for column, head in enumerate(heads):
            self._put(grid, 0, column, head)
        rows = figures.groups
        of = self.tr("{count} of {total}")
        columns: dict[str, tuple[list[float], list[str]]] = {
            "listed": (
                [float(g.listed) for g in rows],
                [of.format(count=g.listed, total=figures.listed) for g in rows],
            ),
            "asked": ([float(g.asked) for g in rows], [of.format(count=g.asked, total=figures.asked) for g in rows]),
            "turns": (
                [float(g.free_turns) for g in rows],
                [of.format(count=g.free_turns, total=figures.free_turns) for g in rows],
            ),
            "time": (
                [g.free_seconds for g in rows],
                [
                    of.format(count=format_duration(g.free_seconds), total=format_duration(figures.free_seconds))
                    for g in rows
                ],
            ),
        }
        shares = {key: whole_shares(values) for key, (values, _) in columns.items()}
        for i, g in enumerate(rows, start=1):
            self.cells[(g.group, "group")] = self._put(grid, i, 0, self._label(g))
            for column, (key, (_, counts)) in enumerate(columns.items(), start=1):
                share = shares[key][i - 1]
                text = "–" if share is None else percent_text(share, console_language())
                self.cells[(g.group, key)] = self._put(grid, i, column, text, counts[i - 1])

    def _fill_waits(self, figures: Equity) -> None:
        grid = self._waits
        heads = [self.tr("Group"), self.tr("Wait"), self.tr("Withdrawn"), self.tr("Declined")]
        for column, head in enumerate(heads):
            self._put(grid, 0, column, head)
        for i, g in enumerate(figures.groups, start=1):
            wait = "–" if g.median_wait is None else format_duration(g.median_wait)
            longest = "" if g.longest_wait is None else format_duration(g.longest_wait)
            self._put(grid, i, 0, self._label(g))
            tip = self.tr("Median wait; longest {time}").format(time=longest) if longest else ""
            self.cells[(g.group, "wait")] = self._put(grid, i, 1, wait, tip)
            self.cells[(g.group, "withdrawn")] = self._put(grid, i, 2, str(g.withdrawn))
            self.cells[(g.group, "declined")] = self._put(grid, i, 3, str(g.declined))

    def _notes(self, figures: Equity) -> list[str]:
        notes = [
            self.tr(
                "List: the audience on the participant list ({n}); the app cannot know who really came or left."
            ).format(n=figures.listed),
            self.tr("Asked: joined the queue (each person once), plus declined phone requests."),
            self.tr("Turns and time: the free chair only."),
        ]
        if figures.free_turns:
            notes.append(
                self.tr("First-time speakers: {first} of {turns} free-chair turns.").format(
                    first=figures.first_turns, turns=figures.free_turns
                )
            )
        if not figures.has_groups:
            notes.append(self.tr("No groups are entered: everyone counts as “no group”."))
        elif any(not g.group for g in figures.groups):
            notes.append(self.tr("“no group”: people without a group, a row of their own."))
        if any(g.few for g in figures.groups):
            notes.append(
                self.tr("{mark} fewer than {n} people: the share says little.").format(mark=FEW_MARK, n=SMALL_GROUP)
            )
        if figures.few_turns:
            notes.append(
                self.tr("Only {n} turns so far (under {limit}): one turn moves a share by {points} points.").format(
                    n=figures.free_turns, limit=FEW_TURNS, points=round(100 / figures.free_turns)
                )
            )
        if figures.unasked_turns and figures.requests_recorded:
            notes.append(
                self.tr("{n} free-chair turns by people seated without joining the queue.").format(
                    n=figures.unasked_turns
                )
            )
        if not figures.requests_recorded:
            notes.append(self.tr("No request recorded yet: waits, withdrawals and declines are missing."))
        return notes
