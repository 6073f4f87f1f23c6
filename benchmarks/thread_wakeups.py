"""Which of the process's threads the wake-ups belong to (Linux; elsewhere nothing).

`getrusage` counts the voluntary context switches of the whole process. Under xcb the battery scenario woke
~1,670 times a minute where the bare reference timer woke ~300, and the sum alone could not say whose they were:
the UI thread, Qt's X event reader, the autosave writer, or Qt's pooled threads (the raster paint engine hands
large span fills to Qt's GUI thread pool and waits for them). `/proc/self/task/*/status` counts per thread, named
by `/proc/self/task/*/comm` (Qt names its threads after their QThread's object name, truncated to 15 characters:
"Thread (pooled)" for a pool's workers). A thread that ends within the stretch takes its count with it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

_TASKS = Path("/proc/self/task")


def switches_by_thread() -> dict[int, tuple[str, int]]:
    """Per thread id: its name and its voluntary context switches so far ({} where /proc is not there)."""
    return _by_thread("status", _voluntary_switches)


def cpu_ns_by_thread() -> dict[int, tuple[str, int]]:
    """Per thread id: its name and the CPU time it has run so far, in ns (`schedstat`'s first field)."""
    return _by_thread("schedstat", lambda text: int(text.split()[0]))


def _voluntary_switches(status: str) -> int | None:
    for line in status.splitlines():
        if line.startswith("voluntary_ctxt_switches:"):
            return int(line.split()[1])
    return None


def _by_thread(file: str, read: Callable[[str], int | None]) -> dict[int, tuple[str, int]]:
    """Per thread id: its name and the number `read` takes from its /proc file ({} where /proc is not there)."""
    out: dict[int, tuple[str, int]] = {}
    if not _TASKS.is_dir():
        return out
    for task in _TASKS.iterdir():
        try:
            name = (task / "comm").read_text().strip()
            value = read((task / file).read_text())
        except (OSError, ValueError, IndexError):  # the thread ended meanwhile
            continue
        if value is not None:
            out[int(task.name)] = (name, value)
    return out


def woken_by_name(before: dict[int, tuple[str, int]], after: dict[int, tuple[str, int]]) -> dict[str, int]:
    """What a count grew by between two snapshots (voluntary context switches, or CPU ns), summed per thread name
    (threads started meanwhile count from zero); the main thread is "main" whatever the process is called."""
    main = min(after, default=0)
    out: Counter[str] = Counter()
    for tid, (name, count) in after.items():
        previous = before.get(tid)
        out["main" if tid == main else name] += count - (previous[1] if previous else 0)
    return dict(out.most_common())


def thread_counts(name: str) -> int:
    """How many live threads carry `name` (a pool's workers: "Thread (pooled)")."""
    return sum(1 for found, _ in switches_by_thread().values() if found == name)
