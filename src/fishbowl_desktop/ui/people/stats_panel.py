"""Who has had the floor so far: panel against audience, per group, free-chair turns, the top speakers.

Meant for a side column of the console (about 280 px wide on a 1366×768 laptop). While it is on screen it
updates once per shown second while someone speaks; each update is one pass over the speech log
(`session.stats()`), and the rows are reused, so the widgets are only rebuilt when the set of groups changes.
Behind its tab it waits until it is shown, and it builds its rows only then: the console opens on the
participants' tab, and the first frame needs neither these widgets nor the equity box's statistics code
(benchmarks/README.md, "What the first frame costs").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QProgressBar,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.model import (
    ObservableList,
    Role,
    SpeakerTally,
    SpeakingStats,
    SpeechRecord,
    format_duration,
    is_accidental,
)
from fishbowl_desktop.model.durations import whole_seconds
from fishbowl_desktop.model.log_tally import LogTally
from fishbowl_desktop.model.paper import DEFAULT_SHORT_TURN_SECONDS
from fishbowl_desktop.model.roles import STATISTICS_ORDER
from fishbowl_desktop.model.shares import percent_text, whole_percentages
from fishbowl_desktop.ui.widgets.console_language import console_language
from fishbowl_desktop.ui.widgets.role_labels import role_label
from fishbowl_desktop.ui.widgets.sheet import style_title

if TYPE_CHECKING:
    from fishbowl_desktop.ui.people.equity_box import EquityBox

TOP_SPEAKERS = 5
BAR_SCALE = 1000


class _ShareRow:
    """One line of a breakdown: label, time and turns, share, and a thin bar showing the share."""

    def __init__(self, grid: QGridLayout, row: int):
        self.label = QLabel()
        self.time = QLabel()
        self.time.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.share = QLabel()
        self.share.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.bar = QProgressBar()
        self.bar.setRange(0, BAR_SCALE)
        self.bar.setTextVisible(False)
        self.bar.setFixedHeight(5)
        grid.addWidget(self.label, 2 * row, 0)
        grid.addWidget(self.time, 2 * row, 1)
        grid.addWidget(self.share, 2 * row, 2)
        grid.addWidget(self.bar, 2 * row + 1, 0, 1, 3)

    def fill(self, label: str, tally: SpeakerTally, total: float, percent: int | None, turns_text: str) -> None:
        fraction = tally.seconds / total if total > 0 else 0.0
        self.label.setText(label)
        self.time.setText(format_duration(tally.seconds))
        self.time.setToolTip(turns_text)
        self.share.setText(percent_text(percent or 0, console_language()))
        self.bar.setValue(round(fraction * BAR_SCALE))

    def widgets(self) -> list[QWidget]:
        return [self.label, self.time, self.share, self.bar]


class StatsPanel(QWidget):
    def __init__(
        self,
        controller: SessionController,
        ticker: TimerTicker,
        parent: QWidget | None = None,
        short_turn_seconds: Callable[[], float] = lambda: DEFAULT_SHORT_TURN_SECONDS,
    ):
        super().__init__(parent)
        self._controller = controller
        self._short_turn_seconds = short_turn_seconds
        """The report's threshold for accidental turns (a print option): the same turns are left out here."""
        self._counted: tuple[ObservableList[SpeechRecord], float, LogTally] | None = None
        """(the log, the threshold, the totals of the turns it counts), kept as turns are logged."""
        self._group_keys: list[str] = []
        self._shown_for: tuple[object, ...] | None = None
        """What the numbers on screen were computed from: the lists and their versions, the turn, the threshold,
        the language, and the running turn's whole seconds (all the panel shows). A Next announces the log, the
        seats, the queue, the requests and the turn one after the other, and each refreshed the whole panel."""
        self.last_stats: SpeakingStats | None = None

        title = QLabel(self.tr("Speaking time"))
        title.setObjectName("panelTitle")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        style_title(title)
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._built = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self._scroll, 1)
        self.setMinimumWidth(220)

        for signal in (
            controller.logChanged,
            controller.turnChanged,
            controller.participantsChanged,
            controller.queueChanged,
            controller.requestsChanged,
            controller.sessionReplaced,
            ticker.displayChanged,
        ):
            signal.connect(self.refresh)
        self._stale = True
        """Something changed while the panel was hidden."""
        self.refresh()

    def _build_rows(self) -> None:
        """The numbers' labels, rows and the equity box, the first time the panel is shown."""
        from fishbowl_desktop.ui.people.equity_box import EquityBox

        self._built = True
        self.total = QLabel()
        self.total.setWordWrap(True)
        self.turns = QLabel()
        self.left_out = QLabel()
        self.left_out.setWordWrap(True)

        self._roles_grid = QGridLayout()
        self._roles_grid.setVerticalSpacing(2)
        self._roles_grid.setColumnStretch(0, 1)
        self.role_rows = {role: _ShareRow(self._roles_grid, i) for i, role in enumerate(STATISTICS_ORDER)}
        self._groups_grid = QGridLayout()
        self._groups_grid.setVerticalSpacing(2)
        self._groups_grid.setColumnStretch(0, 1)
        self.group_rows: dict[str, _ShareRow] = {}
        self.top_speakers = QLabel()
        self.top_speakers.setTextFormat(Qt.TextFormat.PlainText)
        self.top_speakers.setWordWrap(True)
        self.top_speakers.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 4, 0)
        inner.addWidget(self.total)
        inner.addWidget(self.turns)
        inner.addWidget(self.left_out)
        inner.addWidget(self._heading(self.tr("By role")))
        inner.addLayout(self._roles_grid)
        self.groups_heading = self._heading(self.tr("By group"))
        inner.addWidget(self.groups_heading)
        inner.addLayout(self._groups_grid)
        self.equity: EquityBox = EquityBox(self._controller, self._short_turn_seconds)
        inner.addWidget(self.equity)
        inner.addWidget(self._heading(self.tr("Most speaking time")))
        inner.addWidget(self.top_speakers)
        inner.addStretch(1)
        self._scroll.setWidget(body)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._built:
            self._build_rows()
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        label.setContentsMargins(0, 6, 0, 0)
        return label

    def _turns_text(self, tally: SpeakerTally) -> str:
        return self.tr("Turns: {n}").format(n=tally.turns)

    def refresh(self) -> None:
        """Fill in the numbers now if the panel is on screen; else as soon as it is shown. Behind its tab,
        sorting everyone and relaying out its labels cost the UI thread time every second (benchmarks/README.md)."""
        if self._counted is not None and self._counted[0] is not self._controller.session.log:
            self._counted[2].release()  # another session: the old log is not kept alive behind the tab
            self._counted = None
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        session = self._controller.session
        threshold = self._short_turn_seconds()
        log = session.log
        running = session.running_record()
        shown_for = (
            log,
            log.version,
            session.participants,
            session.participants.version,
            session.queue.version,
            session.requests.version,
            session.seats.version,
            session.turn,
            threshold,
            console_language(),
            None if running is None else whole_seconds(running.duration),
        )
        if shown_for == self._shown_for:
            return  # one intent announces up to five parts; what the panel shows changed once, or not at all
        self._shown_for = shown_for
        if self._counted is None or self._counted[1] != threshold:
            if self._counted is not None:
                self._counted[2].release()
            self._counted = (log, threshold, LogTally(log, lambda r: not is_accidental(r, threshold)))
        stats = self._counted[2].stats  # kept as turns are logged: no count of the whole log on every Next
        left_out = len(log) - sum(t.turns for t in stats.by_role.values())
        if running is not None:
            stats = stats.with_record(running)
        self.last_stats = stats
        self.left_out.setVisible(left_out > 0)
        words = (
            self.tr("1 accidental turn under {seconds} s left out, as in the report")
            if left_out == 1
            else self.tr("{n} accidental turns under {seconds} s left out, as in the report")
        )
        self.left_out.setText(words.format(n=left_out, seconds=f"{threshold:g}"))
        total = stats.total_seconds
        turns = sum(t.turns for t in stats.by_role.values())
        self.total.setText(self.tr("Total: {time}").format(time=format_duration(total)))
        self.turns.setText(
            self.tr("Turns: {n}, from the free chair: {free}").format(n=turns, free=stats.free_chair_turns)
        )

        # whole percentages adding up to 100 per breakdown, as the report prints them (model.shares)
        tallies = {role: stats.by_role.get(role, SpeakerTally()) for role in self.role_rows}
        shares = whole_percentages([t.seconds for t in tallies.values()], total) or [0] * len(tallies)
        for (role, row), percent in zip(self.role_rows.items(), shares, strict=True):
            tally = tallies[role]
            row.fill(role_label(role), tally, total, percent, self._turns_text(tally))
            visible = role is not Role.MODERATOR or tally.turns > 0  # the moderator row only once they spoke
            for w in row.widgets():
                w.setVisible(visible)

        keys = sorted(stats.by_group, key=lambda g: (g == "", g.casefold()))
        if keys != self._group_keys:
            self._rebuild_groups(keys)
        shares = whole_percentages([stats.by_group[key].seconds for key in keys], total) or [0] * len(keys)
        for key, percent in zip(keys, shares, strict=True):
            tally = stats.by_group[key]
            self.group_rows[key].fill(key or self.tr("(no group)"), tally, total, percent, self._turns_text(tally))
        has_groups = any(keys) and keys != [""]
        self.groups_heading.setVisible(has_groups)
        for row in self.group_rows.values():
            for w in row.widgets():
                w.setVisible(has_groups)

        self.equity.refresh()

        people = session.participants_by_id()
        top = sorted(stats.by_participant.items(), key=lambda kv: -kv[1].seconds)[:TOP_SPEAKERS]
        lines = []
        for rank, (pid, tally) in enumerate(top, start=1):
            name = people[pid].name if pid in people else self.tr("(removed)")
            lines.append(
                self.tr("{rank}. {name} – {time} ({n}×)").format(
                    rank=rank, name=name, time=format_duration(tally.seconds), n=tally.turns
                )
            )
        self.top_speakers.setText("\n".join(lines) if lines else self.tr("Nobody has spoken yet."))

    def _rebuild_groups(self, keys: list[str]) -> None:
        for row in self.group_rows.values():
            for w in row.widgets():
                self._groups_grid.removeWidget(w)
                w.deleteLater()
        self.group_rows = {key: _ShareRow(self._groups_grid, i) for i, key in enumerate(keys)}
        self._group_keys = keys
