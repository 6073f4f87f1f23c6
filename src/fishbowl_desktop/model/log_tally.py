"""The speaking totals of the log, kept current as turns are logged instead of counted again each time.

Next logs one turn, and the console reads the totals right after it (the queue's order, the participant list,
the statistics). Counting every logged turn again on every Next made a big evening's Next slow before the
projector could paint (figures in benchmarks/README.md, "The big evening's projector"). The tally follows the
log's announcements instead:

- a turn appended to the log is added (`SpeakingStats.with_record`: the same additions, in the same order, as a
  full count, so the totals are identical to the last bit, not just close);
- the last turn taken off again (undoing Next) restores the totals from before it was added, which were kept
  for the most recent appends;
- anything else (an edit, a reorder, a block removed, another session's log) drops the totals, and the next
  reader counts the whole log once.

The result is shared with every reader until the log changes: treat it as read-only. Tallies of people whose
numbers did not change are the very same objects in the old and the new totals, so a view can find what moved
by identity.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from typing import TypeVar

from fishbowl_desktop.model.observable import ListListener, ObservableList
from fishbowl_desktop.model.speech import SpeakerTally, SpeakingStats, SpeechRecord, speaking_stats
from fishbowl_desktop.value_class import value_class

UNDOABLE_APPENDS = 32
"""How many appends in a row can be taken back without a full count. Undo goes back one Next at a time, and
rarely 32 in a row; each kept entry holds the three tallies it replaced alive (the soak's memory counts them)."""

Counted = Callable[[SpeechRecord], bool]
K = TypeVar("K")


@value_class(slots=True)
class _Before:
    """What one append changed, as it was before: enough to take exactly that append back."""

    record: SpeechRecord
    person: SpeakerTally | None
    role: SpeakerTally | None
    group: SpeakerTally | None
    free_chair_turns: int
    total_seconds: float

    def undone(self, stats: SpeakingStats) -> SpeakingStats:
        rec = self.record
        return SpeakingStats(
            _restored(stats.by_participant, rec.participant_id, self.person),
            _restored(stats.by_role, rec.role, self.role),
            _restored(stats.by_group, rec.group, self.group),
            self.free_chair_turns,
            self.total_seconds,
        )


def _restored(table: dict[K, SpeakerTally], key: K, before: SpeakerTally | None) -> dict[K, SpeakerTally]:
    copy = dict(table)
    if before is None:
        del copy[key]
    else:
        copy[key] = before
    return copy


class LogTally(ListListener[SpeechRecord]):
    """The totals of the turns in `log` for which `counted` is true (all of them by default)."""

    def __init__(self, log: ObservableList[SpeechRecord], counted: Counted | None = None) -> None:
        self._log = log
        self._counted = counted
        self._stats = SpeakingStats()
        self._version = -1
        """The log's version the totals are for; anything else means they must be counted afresh."""
        self._befores: deque[tuple[SpeechRecord, _Before | None]] = deque(maxlen=UNDOABLE_APPENDS)
        """One entry per recent append, newest last: the turn, and the totals it changed (None: not counted)."""
        self.full_counts = 0
        """How often the whole log was counted (for tests and the benchmark's explanations)."""
        log.listen(self)

    def release(self) -> None:
        """Stop following the log (the reader is going away; the log lives on)."""
        self._log.unlisten(self)

    @property
    def stats(self) -> SpeakingStats:
        if self._version != self._log.version:
            records = self._log if self._counted is None else filter(self._counted, self._log)
            self._stats = speaking_stats(records)
            self._version = self._log.version
            self._befores.clear()
            self.full_counts += 1
        return self._stats

    # -- following the log ------------------------------------------------------------------
    def _current_before(self, change: int = 1) -> bool:
        """Whether the totals were current right before the change just announced (`change` versions ago)."""
        return self._version == self._log.version - change

    def inserted(self, index: int, item: SpeechRecord) -> None:
        if not self._current_before() or index != len(self._log) - 1:
            return  # not at the end: counted afresh when next read
        self._add(item)
        self._version = self._log.version

    def inserted_many(self, index: int, items: Sequence[SpeechRecord]) -> None:
        if not self._current_before() or index + len(items) != len(self._log):
            return
        for item in items:
            self._add(item)
        self._version = self._log.version

    def removed(self, index: int, item: SpeechRecord) -> None:
        if not self._current_before() or index != len(self._log) or not self._befores:
            return
        record, before = self._befores.pop()
        if record is not item:
            self._befores.clear()
            return
        if before is not None:
            self._stats = before.undone(self._stats)
        self._version = self._log.version

    def removed_many(self, index: int, items: Sequence[SpeechRecord]) -> None:
        return  # a block taken away (undoing an import): counted afresh when next read

    def _add(self, rec: SpeechRecord) -> None:
        if self._counted is not None and not self._counted(rec):
            self._befores.append((rec, None))
            return
        s = self._stats
        before = _Before(
            rec,
            s.by_participant.get(rec.participant_id),
            s.by_role.get(rec.role),
            s.by_group.get(rec.group),
            s.free_chair_turns,
            s.total_seconds,
        )
        self._befores.append((rec, before))
        self._stats = s.with_record(rec)
