"""Undo steps keep the growing lists of a snapshot (the speech log, the requests) as prefixes of one shared tuple.

Every undo step holds two snapshots of the session, and a snapshot holds each list as a tuple as long as the list.
Between most steps the log only grows at its end (a Next logs one turn), so the 200 steps of the history held 200
tuples of nearly the same records: memory that grew with the evening's length times the history's depth (0.96 MiB
of tuples at 690 turns in benchmarks/scenario_soak.py, issue 29). Here a step keeps (a shared stretch, a length)
instead; while the list only grows, the stretch moves on to the longer tuple, so the steps of a run of Nexts share
one tuple. A snapshot whose list is not a prefix of the stretch (an undone turn, an edited record) starts a new
stretch. The step's snapshot is made whole again when Undo or Redo needs it, with the very records it held
(compared by value, so at worst records equal to them).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Generic, TypeVar

from fishbowl_desktop.model import SessionSnapshot
from fishbowl_desktop.value_class import value_class

T = TypeVar("T")


class _Stretch(Generic[T]):
    """The longest tuple of a run of snapshots in which the list only grew at its end."""

    __slots__ = ("items",)

    def __init__(self, items: tuple[T, ...]) -> None:
        self.items = items


@value_class(slots=True)
class _Prefix(Generic[T]):
    """The first `length` items of a shared stretch: a history that shares its start with others."""

    stretch: _Stretch[T]
    length: int

    def items(self) -> tuple[T, ...]:
        held = self.stretch.items
        return held if len(held) == self.length else held[: self.length]


class SharedPrefixes(Generic[T]):
    """Hands out prefixes of one stretch for one list (one per list and controller)."""

    def __init__(self) -> None:
        self._current: _Stretch[T] | None = None

    def keep(self, items: tuple[T, ...]) -> _Prefix[T]:
        current = self._current
        if current is not None:
            held = current.items
            if len(items) <= len(held):
                if items is held or held[: len(items)] == items:
                    return _Prefix(current, len(items))
            elif items[: len(held)] == held:
                current.items = items  # the list grew: every prefix handed out so far is still a prefix of this
                return _Prefix(current, len(items))
        self._current = _Stretch(items)
        return _Prefix(self._current, len(items))

    def forget(self) -> None:
        """Another session: its lists are not kept alive here."""
        self._current = None


@value_class(slots=True)
class KeptSnapshot:
    """A snapshot as an undo step keeps it: the log and the requests as shared prefixes, the rest as it was."""

    rest: SessionSnapshot
    log: _Prefix[Any]
    requests: _Prefix[Any]

    def whole(self) -> SessionSnapshot:
        return replace(self.rest, log=self.log.items(), requests=self.requests.items())


class SnapshotKeeper:
    """One per controller: keeps the snapshots of its undo steps sharing their lists."""

    def __init__(self) -> None:
        self._log: SharedPrefixes[Any] = SharedPrefixes()
        self._requests: SharedPrefixes[Any] = SharedPrefixes()

    def keep(self, snap: SessionSnapshot) -> KeptSnapshot:
        return KeptSnapshot(
            replace(snap, log=(), requests=()), self._log.keep(snap.log), self._requests.keep(snap.requests)
        )

    def forget(self) -> None:
        self._log.forget()
        self._requests.forget()
