"""A list that announces every insert, remove, move and change, so views can follow it row by row.

Qt item models subscribe to these announcements and map them 1:1 to beginInsertRows / beginMoveRows /
dataChanged; the model itself stays free of Qt.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class ListListener(Generic[T]):
    """Override what you need; `about_to_*` comes before the change, the plain name after it."""

    def about_to_insert(self, index: int, item: T) -> None: ...
    def inserted(self, index: int, item: T) -> None: ...
    def about_to_remove(self, index: int, item: T) -> None: ...
    def removed(self, index: int, item: T) -> None: ...
    def about_to_move(self, source: int, destination: int) -> None: ...
    def moved(self, source: int, destination: int) -> None: ...
    def changed(self, index: int, item: T) -> None: ...

    def about_to_insert_many(self, index: int, items: Sequence[T]) -> None:
        """Before a block of rows is inserted at `index` (an import): one announcement, not thousands."""

    def inserted_many(self, index: int, items: Sequence[T]) -> None:
        """After a block insert. By default replayed as single inserts, for listeners that know only those."""
        for offset, item in enumerate(items):
            self.inserted(index + offset, item)

    def about_to_remove_many(self, index: int, items: Sequence[T]) -> None:
        """Before the block `items`, starting at `index`, is removed (undoing an import)."""

    def removed_many(self, index: int, items: Sequence[T]) -> None:
        """After a block removal. By default replayed as single removals at `index`, in order."""
        for item in items:
            self.removed(index, item)


class ObservableList(Generic[T]):
    def __init__(self, items: Sequence[T] = ()) -> None:
        self._items: list[T] = list(items)
        self._listeners: list[ListListener[T]] = []
        self.version = 0
        """Counts changes, so readers can cache what they derive from the list."""
        self._tuple: tuple[T, ...] = tuple(self._items)
        self._tuple_version = 0

    # -- reading -----------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    def __getitem__(self, index: int) -> T:
        return self._items[index]

    def index_where(self, predicate: Callable[[T], bool]) -> int:
        """The first index whose item matches, or -1."""
        for i, item in enumerate(self._items):
            if predicate(item):
                return i
        return -1

    def _index_of_key(self, wanted: object, key: Callable[[T], object]) -> int:
        return self.index_where(lambda it: key(it) == wanted)

    def as_tuple(self) -> tuple[T, ...]:
        """The items as they are now; the same tuple until the list changes. Every undo step keeps two snapshots
        of the session: unchanged lists (the participants, the log) are shared between them, not copied (a
        2,000-person list was copied 400 times over in the undo history; benchmarks/README.md, "Soak")."""
        if self._tuple_version != self.version:
            self._tuple, self._tuple_version = tuple(self._items), self.version
        return self._tuple

    # -- listening ---------------------------------------------------------------------------
    def listen(self, listener: ListListener[T]) -> None:
        self._listeners.append(listener)

    def unlisten(self, listener: ListListener[T]) -> None:
        self._listeners.remove(listener)

    # -- changing ----------------------------------------------------------------------------
    def insert(self, index: int, item: T) -> None:
        index = max(0, min(index, len(self._items)))
        for lst in self._listeners:
            lst.about_to_insert(index, item)
        self._items.insert(index, item)
        self.version += 1
        for lst in self._listeners:
            lst.inserted(index, item)

    def append(self, item: T) -> None:
        self.insert(len(self._items), item)

    def extend(self, items: Sequence[T]) -> None:
        """Append a block with one announcement: 100,000 rows of an import must not mean 100,000 signals."""
        self.insert_many(len(self._items), items)

    def insert_many(self, index: int, items: Sequence[T]) -> None:
        if not items:
            return
        items = list(items)
        index = max(0, min(index, len(self._items)))
        for lst in self._listeners:
            lst.about_to_insert_many(index, items)
        self._items[index:index] = items
        self.version += 1
        for lst in self._listeners:
            lst.inserted_many(index, items)

    def remove_range(self, start: int, stop: int) -> None:
        """Remove items[start:stop] with one announcement."""
        items = self._items[start:stop]
        if not items:
            return
        for lst in self._listeners:
            lst.about_to_remove_many(start, items)
        del self._items[start:stop]
        self.version += 1
        for lst in self._listeners:
            lst.removed_many(start, items)

    def pop(self, index: int) -> T:
        item = self._items[index]
        index = index % len(self._items)
        for lst in self._listeners:
            lst.about_to_remove(index, item)
        del self._items[index]
        self.version += 1
        for lst in self._listeners:
            lst.removed(index, item)
        return item

    def move(self, source: int, destination: int) -> None:
        """Move the item at `source` so that it ends up at index `destination`."""
        if source == destination:
            return
        if not (0 <= source < len(self._items) and 0 <= destination < len(self._items)):
            raise IndexError("move out of range")
        for lst in self._listeners:
            lst.about_to_move(source, destination)
        item = self._items.pop(source)
        self._items.insert(destination, item)
        self.version += 1
        for lst in self._listeners:
            lst.moved(source, destination)

    def replace(self, index: int, item: T) -> None:
        self._items[index] = item
        self.version += 1
        for lst in self._listeners:
            lst.changed(index, item)

    def assign(self, items: Sequence[T], key: Callable[[T], object]) -> None:
        """Make the list equal to `items` with single-row removes, moves, inserts and changes.

        Used by undo: restoring a snapshot this way keeps every view's selection and scroll position
        instead of resetting the whole model.

        Linear when the lists differ by blocks (undoing or redoing an import of 100,000 people): runs of
        removed or added items are announced as one block each; only moved items cost a search.
        """
        wanted_keys = [key(it) for it in items]
        wanted = set(wanted_keys)
        i = len(self._items) - 1
        while i >= 0:
            if key(self._items[i]) in wanted:
                i -= 1
                continue
            start = i
            while start > 0 and key(self._items[start - 1]) not in wanted:
                start -= 1
            self.remove_range(start, i + 1)
            i = start - 1
        present = {key(it) for it in self._items}
        target = 0
        while target < len(items):
            item, wanted_key = items[target], wanted_keys[target]
            if wanted_key not in present:
                end = target
                while end < len(items) and wanted_keys[end] not in present:
                    end += 1
                block = list(items[target:end])
                if len(block) == 1:
                    self.insert(target, item)
                else:
                    self.insert_many(target, block)
                present.update(wanted_keys[target:end])
                target = end
                continue
            if key(self._items[target]) != wanted_key:
                current = self._index_of_key(wanted_key, key)
                self.move(current, target)
            if self._items[target] != item:
                self.replace(target, item)
            target += 1
