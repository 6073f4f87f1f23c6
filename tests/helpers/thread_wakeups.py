"""How often threads of a given name went to sleep and were woken, from /proc (Linux): the guards of issue 29 count
the work a running clock hands to Qt's thread pool this way (benchmarks/thread_wakeups.py reports all threads)."""

from __future__ import annotations

from pathlib import Path

TASKS = Path("/proc/self/task")
POOLED = "Thread (pooled)"
"""A QThreadPool worker's name (Qt names threads after their object name, cut to 15 characters)."""


def wakeups(name: str) -> dict[int, int]:
    """Per live thread called `name`: its voluntary context switches so far."""
    out: dict[int, int] = {}
    for task in TASKS.iterdir():
        try:
            if (task / "comm").read_text().strip() != name:
                continue
            status = (task / "status").read_text()
        except OSError:  # the thread ended meanwhile
            continue
        for line in status.splitlines():
            if line.startswith("voluntary_ctxt_switches:"):
                out[int(task.name)] = int(line.split()[1])
    return out


def woken_since(before: dict[int, int], name: str) -> int:
    """Wake-ups of the threads called `name` since `before` (threads started since count from zero)."""
    return sum(count - before.get(tid, 0) for tid, count in wakeups(name).items())
