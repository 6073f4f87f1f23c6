"""The participant list as a Qt table, following `session.participants` row by row, plus its search filter.

Every insert, remove, move and change of the domain list maps 1:1 to the matching begin/end call, so an
undo or an edit keeps the moderator's selection and scroll position; only loading another session resets.
Turns and speaking time come from `session.stats(settled=True)` (a running turn as it stood at its last start
or pause), computed once per refresh and cached, because a repaint asks for those cells once per visible row.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QMimeData,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QSortFilterProxyModel,
    Qt,
)

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import ObservableList, Participant, Role, format_duration
from fishbowl_desktop.model.folding import fold
from fishbowl_desktop.ui.widgets.live_columns import LONGEST_SECONDS
from fishbowl_desktop.ui.widgets.person_data import PARTICIPANT_ID_ROLE, PARTICIPANT_MIME, ParentIndex, person_mime
from fishbowl_desktop.ui.widgets.role_labels import role_label
from fishbowl_desktop.ui.widgets.session_table import SessionTableModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 2
SEARCH_TEXT_ROLE = Qt.ItemDataRole.UserRole + 3
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_ANSWERED = frozenset({int(SORT_ROLE), int(PARTICIPANT_ID_ROLE), int(SEARCH_TEXT_ROLE), _DISPLAY, _TOOLTIP, _ALIGNMENT})
"""The roles the list answers. A cell's delegate asks seven (font, colours, check state, icon, …) at each paint: the
others go back at once, without finding the row (~4 us each; a list is repainted whole on every scroll)."""
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_CENTRE = int(Qt.AlignmentFlag.AlignCenter)


class ParticipantTableModel(SessionTableModel[Participant]):
    NAME, ROLE, ORGANISATION, GROUP, CONSENT, TURNS, SPEAKING_TIME = range(7)
    COLUMN_COUNT = 7

    SETTLED_STATS = True

    def __init__(self, controller: SessionController, parent: QObject | None = None):
        super().__init__(controller, lambda session: session.participants, parent)
        self._sort_cache: dict[int, tuple[int, list[Any]]] = {}
        self._sort_misses = 0
        self._stats_log = -1
        """The log's version at the last refresh_live."""
        self._live_speaker: str | None = None
        """Who had the floor at the last refresh_live."""
        self._rows_index: dict[str, int] = {}
        self._rows_indexed: tuple[ObservableList[Participant], int] | None = None
        """The list and its version `_rows_index` was made from."""

    def _forget_cached(self) -> None:
        self._sort_cache.clear()

    def refresh_live(self) -> None:
        """Turns and speaking time moved (a turn started, paused, ended, or the log changed): recompute once and
        announce only the rows whose numbers changed.

        The list counts a running turn as it stood when its time last started or stopped (`SETTLED_STATS`), not
        second by second: the time runs on the timer and the projector, and a list sorted by time keeps its rows
        where they are while someone speaks (and repainting the speaker's cell each second was a seventh of the
        running timer's cost on battery, issue 29). Usually one or two rows move; announcing every row made the
        sorted, filtered view re-read the whole list on each Space or Next (long on a big evening). While the
        log stays as it is, only the speakers of the last and of this refresh are compared; after a Next only
        the tallies that are new objects are compared.
        """
        old, old_log, old_speaker = self._stats, self._stats_log, self._live_speaker
        self._stats = None
        self._stats_log = self.session.log.version
        turn = self.session.turn
        self._live_speaker = turn.participant_id if turn is not None else None
        self._sort_cache.pop(self.TURNS, None)
        self._sort_cache.pop(self.SPEAKING_TIME, None)
        if not self.rowCount() or old is None:
            return  # nobody read the numbers since the last change: a view reads them afresh when it paints
        new = self._current_stats()
        if old_log == self._stats_log:
            candidates = {pid for pid in (old_speaker, self._live_speaker) if pid is not None}
        else:  # the log's totals share every tally that did not move (model/log_tally.py): compare those by identity
            before, after = old.by_participant, new.by_participant
            candidates = {pid for pid, tally in after.items() if before.get(pid) is not tally}
            candidates.update(before.keys() - after.keys())
        rows = self._row_index()
        moved: list[tuple[int, int]] = []
        for pid in candidates:
            was, now = old.of(pid), new.of(pid)
            if was != now and pid in rows:  # a pause moves the time alone: one cell, one repaint
                moved.append((rows[pid], self.TURNS if was.turns != now.turns else self.SPEAKING_TIME))
        for row, first in sorted(moved):
            self._announce(row, first)

    def _announce(self, row: int, first: int) -> None:
        """The row's live cells from `first` to the time. One cell is repainted as itself; a range of two also
        repainted the row under it (the grid line)."""
        self.dataChanged.emit(
            self.index(row, first), self.index(row, self.SPEAKING_TIME), [Qt.ItemDataRole.DisplayRole, SORT_ROLE]
        )

    def _row_index(self) -> dict[str, int]:
        """Each person's row, kept until the list changes: a Next announces a row or two, and walking the whole
        list to find them, three times a Next, was most of what the list cost it on a big evening."""
        if self._rows_indexed != (self._rows, self._rows.version):
            self._rows_index = {p.id: row for row, p in enumerate(self._rows)}
            self._rows_indexed = (self._rows, self._rows.version)
        return self._rows_index

    def widest_live_texts(self, col: int) -> list[str]:
        """The widest texts the turns or speaking-time column is sized for."""
        return ["999"] if col == self.TURNS else [format_duration(LONGEST_SECONDS)]

    def column_texts(self, col: int) -> set[str]:
        """The distinct texts of one column (the width of the role, group and consent columns)."""
        rows = self._rows
        if col == self.ROLE:
            return {role_label(role) for role in {p.role for p in rows}}
        if col == self.GROUP:
            return {p.group for p in rows}
        if col == self.CONSENT:
            return {"✓" if consent else "–" for consent in {p.consent_to_list for p in rows}}
        return {self._display(p, col) for p in rows}

    def participant(self, row: int) -> Participant:
        return self._rows[row]

    def row_of(self, participant_id: str) -> int:
        return self._row_index().get(participant_id, -1)

    # ------------------------------------------------------------------ reading
    def data(self, index: ParentIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ANSWERED:
            return None
        if role == SORT_ROLE:  # first and short: the proxy's sort asks this n·log n times
            row = index.row()
            keys = self._sort_keys(index.column())
            if keys is not None:
                return keys[row] if 0 <= row < len(keys) else None
        p = self._row_item(index)
        if p is None:
            return None
        col = index.column()
        if role == _DISPLAY:
            return self._display(p, col)
        if role == _ALIGNMENT:
            if col in (self.TURNS, self.SPEAKING_TIME):
                return _RIGHT
            return _CENTRE if col == self.CONSENT else None
        if role == PARTICIPANT_ID_ROLE:
            return p.id
        if role == SEARCH_TEXT_ROLE:
            return fold(" ".join((p.name, p.organisation, p.group, role_label(p.role))))
        if role == SORT_ROLE:
            return self._sort_key(p, col)
        if role == _TOOLTIP:
            return self._tooltip(p, col)
        return None

    def _display(self, p: Participant, col: int) -> str:
        if col == self.NAME:
            return p.name
        if col == self.ROLE:
            return role_label(p.role)
        if col == self.ORGANISATION:
            return p.organisation
        if col == self.GROUP:
            return p.group
        if col == self.CONSENT:
            return "✓" if p.consent_to_list else "–"
        tally = self._current_stats().of(p.id)
        if col == self.TURNS:
            return str(tally.turns) if tally.turns else ""
        return format_duration(tally.seconds) if tally.turns else ""

    def _sort_keys(self, col: int) -> list[Any] | None:
        """Every row's sort key for one column, kept until the list or the statistics change. Built only
        when asked often (a sort), so adding one person to a long list does not rebuild them."""
        cached = self._sort_cache.get(col)
        if cached is not None and cached[0] == self._rows.version:
            return cached[1]
        self._sort_misses += 1
        if self._sort_misses < 64:
            return None
        return self.keep_sort_keys(col)

    def keep_sort_keys(self, col: int) -> list[Any]:
        """Every row's sort key for `col`, made now and kept (`_sort_keys`): a whole sort is about to ask
        for them n·log n times (the proxy's `sort`). Before, the first 64 asks each made their key anew."""
        cached = self._sort_cache.get(col)
        if cached is not None and cached[0] == self._rows.version:
            return cached[1]
        self._sort_misses = 0
        keys = [self._sort_key(p, col) for p in self._rows]
        self._sort_cache[col] = (self._rows.version, keys)
        return keys

    def _sort_key(self, p: Participant, col: int) -> Any:
        if col == self.TURNS:
            return self._current_stats().of(p.id).turns
        if col == self.SPEAKING_TIME:
            return self._current_stats().of(p.id).seconds
        if col == self.ROLE:
            return list(Role).index(p.role)
        if col == self.CONSENT:
            return int(p.consent_to_list)
        return fold(self._display(p, col))

    def _tooltip(self, p: Participant, col: int) -> str | None:
        if col in (self.TURNS, self.SPEAKING_TIME):
            turn = self.session.turn
            if turn is not None and turn.participant_id == p.id and turn.timer.is_running:
                return self.tr("Speaking now: this turn's time counts here when it is paused or ends")
            return None
        if col == self.CONSENT:
            if p.consent_to_list:
                return self.tr("Agreed to be named on printed lists and the projector")
            return self.tr("Not agreed: shown only here, never printed or projected by name")
        if col == self.NAME:
            lines = [p.name]
            if p.organisation:
                lines.append(p.organisation)
            if p.bio:
                lines.append(p.bio)
            return "\n".join(lines)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.ToolTipRole and section == self.CONSENT:
            return self.tr("Consent to be named on printed lists and the projector")
        if role == Qt.ItemDataRole.ToolTipRole and section == self.SPEAKING_TIME:
            return self.tr("Time spoken; a running turn counts when it is paused or ends")
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        # One translation per call: Qt asks for each section at every size hint (~350 calls before the first frame)
        if section == self.NAME:
            return self.tr("Name")
        if section == self.ROLE:
            return self.tr("Role")
        if section == self.ORGANISATION:
            return self.tr("Organisation")
        if section == self.GROUP:
            return self.tr("Group")
        if section == self.CONSENT:
            return self.tr("Named")
        if section == self.TURNS:
            return self.tr("Turns")
        if section == self.SPEAKING_TIME:
            return self.tr("Time")
        return None

    # ------------------------------------------------------------------ dragging people out
    def flags(self, index: ParentIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsDragEnabled if index.isValid() else base

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [PARTICIPANT_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        """The first dragged person's id: the circle and the queue take one person at a time."""
        rows = sorted({i.row() for i in indexes if i.isValid()})
        if not rows:
            return QMimeData()
        person = self._rows[rows[0]]
        return person_mime(person.id, person.name)


class ParticipantFilterModel(QSortFilterProxyModel):
    """Sorting by any column and a search that ignores case and accents: "ozturk" finds "Öztürk".

    Every word typed must appear somewhere in name, organisation, group or role.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._words: list[str] = []
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_search(self, text: str) -> None:
        words = fold(text).split()
        if words == self._words:
            return
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.10; invalidateFilter() is deprecated there
            self.beginFilterChange()
            self._words = words
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._words = words
            self.invalidateFilter()

    def search(self) -> str:
        return " ".join(self._words)

    def multiData(self, index: ParentIndex, roleDataSpan: QModelRoleDataSpan | QModelRoleData) -> None:
        """All the roles a cell's delegate asks for at once (eight: text, font, colours, alignment, size …)
        answered in one call into Python. Qt's own proxy asked the list once per role, and each of those
        mapped the cell through the list's index(), rowCount() and columnCount(): 24 calls into Python per
        cell, for every cell of the three fitted columns at each layout pass (~4,000 before the first frame
        with 17 people) and for every cell painted."""
        source = self.sourceModel()
        cell = self.mapToSource(index)
        if isinstance(roleDataSpan, QModelRoleData):
            roleDataSpan.setData(source.data(cell, roleDataSpan.role()))
            return
        for i in range(roleDataSpan.size()):
            wanted = roleDataSpan[i]  # type: ignore[index]  # bound by PySide6, not in its stubs
            wanted.setData(source.data(cell, wanted.role()))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A whole sort (the list's first, a click on a column's header): the column's keys are made once, first,
        not anew at each of the first comparisons (`keep_sort_keys`); the order is the same."""
        source = self.sourceModel()
        if isinstance(source, ParticipantTableModel) and 0 <= column < source.COLUMN_COUNT:
            source.keep_sort_keys(column)
        super().sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: ParentIndex) -> bool:
        if not self._words:
            return True
        model = self.sourceModel()
        haystack = model.data(model.index(source_row, 0, source_parent), SEARCH_TEXT_ROLE) or ""
        return all(word in haystack for word in self._words)
