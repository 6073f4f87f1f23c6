"""The free-chair queue as a Qt table: one row per waiting person, following the model's own announcements.

Every insert, remove, move and change of `session.queue` maps 1:1 to the matching begin/end call, so the
view keeps its selection and scroll position through Next, undo and reordering; only loading another
session resets the model.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, QObject, Qt

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import QueueEntry, format_duration, whole_seconds
from fishbowl_desktop.model.queue_reasons import Fact, Reason, queue_reasons
from fishbowl_desktop.ui.widgets.live_columns import LONGEST_SECONDS
from fishbowl_desktop.ui.widgets.person_data import (
    PARTICIPANT_ID_ROLE,
    PARTICIPANT_MIME,
    ParentIndex,
    dragged_from_seat,
    dragged_person,
    person_mime,
)
from fishbowl_desktop.ui.widgets.session_table import SessionTableModel

REASON_ROLE = Qt.ItemDataRole.UserRole + 2
"""Why the person stands there ("new voice · spoke 2:10 so far"), shown under the name."""

_ROLES = frozenset(
    {
        REASON_ROLE,
        Qt.ItemDataRole.AccessibleDescriptionRole,
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        PARTICIPANT_ID_ROLE,
    }
)


class QueueModel(SessionTableModel[QueueEntry]):
    NAME, WAITING, SPOKEN, GROUP = range(4)
    COLUMN_COUNT = 4

    def __init__(self, controller: SessionController, parent: QObject | None = None):
        self._shown: dict[tuple[str, int], str] = {}
        """The waiting and spoken texts as last read by a view, per person and column."""
        self._reasons: tuple[tuple[object, ...], list[str]] | None = None
        """Each row's reason as said under the name, with the versions of what it was read from."""
        self._live_due: float | None = None
        """While nobody waiting speaks: the clock's time when the first waiting minute shown turns; a tick
        before it changes no text (`refresh_clock`). None: read the texts at the next tick."""
        super().__init__(controller, lambda session: session.queue, parent)
        for rows_moved in (
            self.rowsInserted,
            self.rowsRemoved,
            self.rowsMoved,
            self.modelReset,
            self.layoutChanged,
            self.dataChanged,
        ):
            rows_moved.connect(self._forget_live_due)
        controller.participantsChanged.connect(self._names_changed)
        for signal in (controller.queueChanged, controller.logChanged, controller.seatsChanged):
            signal.connect(self._reasons_changed)
        controller.settingsChanged.connect(self._reasons_changed)

    def _reasons_changed(self) -> None:
        """Speaking time, the free chair's occupant, a neighbour or the chain changed: a row's reason may read
        otherwise (the row after a moved one: "other group" or "same group")."""
        if self.rowCount():
            self.dataChanged.emit(self.index(0, self.NAME), self.index(self.rowCount() - 1, self.NAME), [REASON_ROLE])

    def reason(self, row: int) -> str:
        session = self.session
        read_from = (
            self._rows.version,
            session.log.version,
            session.seats.version,
            session.participants.version,
            session.settings,
        )
        if self._reasons is None or self._reasons[0] != read_from:
            facts = queue_reasons(
                self._rows.as_tuple(),
                session.settings.ordering,
                session.standing_of,
                session.leaving_group(),
                session.settings.safe_positions,
            )
            self._reasons = (read_from, [" · ".join(self.fact_text(f) for f in row_facts) for row_facts in facts])
        return self._reasons[1][row]

    def fact_text(self, fact: Fact) -> str:
        texts = {
            Reason.HAND: lambda: self.tr("moved by hand"),
            Reason.SAFE: lambda: self.tr("safe place: already told"),
            Reason.NEW_VOICE: lambda: self.tr("new voice"),
            Reason.TURNS: lambda: self.tr("spoke {n}× so far").format(n=fact.turns),
            Reason.SPOKEN: lambda: self.tr("spoke {time} so far").format(time=format_duration(fact.seconds)),
            Reason.OTHER_GROUP: lambda: self.tr("other group than the last speaker"),
            Reason.SAME_GROUP: lambda: self.tr("same group as the last speaker"),
            Reason.GROUP_TURN: lambda: (
                self.tr("quota: {group}").format(group=fact.group) if fact.group else self.tr("quota: no group")
            ),
            Reason.ARRIVAL: lambda: self.tr("in order of arrival"),
        }
        return texts[fact.reason]()

    def _names_changed(self) -> None:
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.COLUMN_COUNT - 1))

    def refresh_live(self) -> None:
        """Waiting times and speaking totals move with the clock: announce the cells whose shown text
        changed, each on its own. One range over the two columns repainted the whole table every second,
        hundreds of reads of the model on the UI thread (figures in benchmarks/README.md)."""
        self._stats = None
        self._announce_live()

    def refresh_clock(self) -> None:
        """Only the clock moved (a new second): the waiting times change, and a speaking total only where the
        person speaking is also waiting, so the log is counted again only then."""
        turn = self.session.turn
        if turn is not None and any(entry.participant_id == turn.participant_id for entry in self._rows):
            self._stats = None  # the speaker's own total moves in their row: every second
            self._announce_live()
            return
        due, now = self._live_due, self.session.clock.monotonic()
        if due is not None and now < due:
            return  # a new second, the same minutes: nothing to read (it was six texts a second)
        self._announce_live()
        change = self.next_waiting_change()
        self._live_due = None if change is None else now + change

    def _forget_live_due(self, *_: object) -> None:
        self._live_due = None

    def _announce_live(self) -> None:
        for row, entry in enumerate(self._rows):
            for col in (self.WAITING, self.SPOKEN):
                key = (entry.participant_id, col)
                shown = self._shown.get(key)
                if shown is not None and shown != self._live_text(entry, col):
                    self.dataChanged.emit(self.index(row, col), self.index(row, col), [Qt.ItemDataRole.DisplayRole])

    def _forget_cached(self) -> None:
        self._shown.clear()
        self._reasons = None

    def widest_live_texts(self, col: int) -> list[str]:
        """The widest texts the waiting or spoken column is sized for."""
        if col == self.WAITING:
            return [self.waiting_text(LONGEST_SECONDS), self.waiting_text(0)]
        longest = format_duration(LONGEST_SECONDS)
        return [self.tr("new voice"), self.tr("{turns}× · {time}").format(turns=99, time=longest)]

    def waiting_text(self, seconds: float) -> str:
        """How long someone has waited, in whole minutes: the moderator reads "waited long" or "just came" at a
        glance, the queue's order says who is next, and the tooltip says since when. Ticking seconds in every row
        moved the whole column under the moderator's eye and repainted it every second, on battery too."""
        minutes = whole_seconds(seconds) // 60
        if minutes < 1:
            return self.tr("< 1 min")
        if minutes < 60:
            return self.tr("{minutes} min").format(minutes=minutes)
        return self.tr("{hours}:{minutes} h").format(hours=minutes // 60, minutes=f"{minutes % 60:02d}")  # narrow

    def next_waiting_change(self) -> float | None:
        """Seconds until the first waiting time shown turns to its next minute; None while nobody waits."""
        waits = [self.session.waited(entry) for entry in self._rows]
        if not waits:
            return None
        # whole_seconds rounds half up: the shown minute turns half a second before the full minute
        return min(60.0 * (whole_seconds(w) // 60 + 1) - 0.5 - w for w in waits)

    def _live_text(self, entry: QueueEntry, col: int) -> str:
        if col == self.WAITING:
            return self.waiting_text(self.session.waited(entry))
        tally = self._current_stats().of(entry.participant_id)
        if not tally.turns:
            return self.tr("new voice")
        return self.tr("{turns}× · {time}").format(turns=tally.turns, time=format_duration(tally.seconds))

    def participant_id(self, row: int) -> str:
        return self._rows[row].participant_id

    # ------------------------------------------------------------------ reading
    def data(self, index: ParentIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES:  # a cell's paint asks for a dozen roles; answer the others at once
            return None
        entry = self._row_item(index)
        if entry is None:
            return None
        col = index.column()
        if role == PARTICIPANT_ID_ROLE:
            return entry.participant_id
        if role in (REASON_ROLE, Qt.ItemDataRole.AccessibleDescriptionRole):  # a screen reader hears it too
            return self.reason(index.row()) if col == self.NAME else None
        by_id = self.session.participants_by_id()
        person = by_id.get(entry.participant_id)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.NAME:
                return person.name if person else "?"
            if col in (self.WAITING, self.SPOKEN):
                text = self._live_text(entry, col)
                self._shown[(entry.participant_id, col)] = text
                return text
            if col == self.GROUP:
                return person.group if person else ""
        if role == Qt.ItemDataRole.ToolTipRole and person is not None:
            lines = [person.name]
            if person.organisation:
                lines.append(person.organisation)
            if person.group:
                lines.append(self.tr("Group: {group}").format(group=person.group))
            lines.append(self.tr("Waiting since {time}").format(time=entry.joined_at.strftime("%H:%M")))
            lines.append(self.tr("Why here: {reason}").format(reason=self.reason(index.row())))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.WAITING, self.SPOKEN):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        # One translation per call: Qt asks for each section at every size hint (~190 calls before the first frame)
        if section == self.NAME:
            return self.tr("Name")  # the panel's title says what the list is; a long header was cut
        if section == self.WAITING:
            return self.tr("Waiting")
        if section == self.SPOKEN:
            return self.tr("Spoken")
        if section == self.GROUP:
            return self.tr("Group")
        return None

    # ------------------------------------------------------------------ drag and drop
    def flags(self, index: ParentIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if not index.isValid():
            return base | Qt.ItemFlag.ItemIsDropEnabled
        return base | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [PARTICIPANT_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return person_mime(self.participant_id(rows[0])) if rows else QMimeData()

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ParentIndex
    ) -> bool:
        return data.hasFormat(PARTICIPANT_MIME)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: ParentIndex) -> bool:
        """A person dropped between rows: reorder them, or queue them there (from the list or a seat)."""
        pid = dragged_person(data)
        if pid is None:
            return False
        if row < 0:
            row = parent.row() if parent.isValid() else len(self._rows)
        return self._controller.move_to_queue(pid, row, dragged_from_seat(data))
