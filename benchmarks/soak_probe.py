"""Where the soak's resident growth lives: smaps by mapping kind, glibc's malloc counters, threads, per step.

Runs benchmarks.scenario_soak's evening with its round replaced by one that does only the chosen kinds of step
(SOAK_STEPS=next,stats,undo,people,pdf,unplug,phones; all by default) and reads, around each step of each round,
/proc/self/smaps (heap / anonymous / libraries' writable pages / other), mallinfo2 (ctypes) and the thread
count. A probe for looking, not a benchmark: the figures go into the report's `probe` key.

Usage: SOAK_STEPS=pdf python -m benchmarks.soak_probe ROUNDS
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from . import scenario_soak as soak

STEPS = frozenset(os.environ.get("SOAK_STEPS", ",".join(sorted(soak.STEPS))).split(","))
_round = soak.one_round
_libc = ctypes.CDLL("libc.so.6")
_libc.fopen.restype = ctypes.c_void_p


class _Mallinfo2(ctypes.Structure):
    _fields_ = [
        (n, ctypes.c_size_t)
        for n in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


_libc.mallinfo2.restype = _Mallinfo2


def memory() -> dict[str, float]:
    kinds: Counter[str] = Counter()
    name = ""
    anon_maps = 0
    with open("/proc/self/smaps") as f:
        for line in f:
            first = line.split(None, 1)[0]
            if "-" in first and not first.endswith(":"):
                parts = line.split()
                name = parts[5] if len(parts) > 5 else ""
                if not name:
                    anon_maps += 1
            elif first == "Rss:":
                kb = int(line.split()[1])
                if name == "[heap]":
                    kinds["heap"] += kb
                elif name == "":
                    kinds["anon"] += kb
                elif ".so" in name:
                    kinds["libs"] += kb
                else:
                    kinds["other"] += kb
    mi = _libc.mallinfo2()
    out = {k: v / 1024 for k, v in kinds.items()}
    out.update(
        rss=sum(kinds.values()) / 1024,
        anon_maps=anon_maps,
        threads=len(os.listdir("/proc/self/task")),
        m_arena=mi.arena / 2**20,
        m_mmap=mi.hblkhd / 2**20,
        m_used=mi.uordblks / 2**20,
        m_free=mi.fordblks / 2**20,
    )
    return out


def pymalloc_stats() -> dict[str, float]:
    """Python's small-object allocator (sys._debugmallocstats, read from stderr): arenas and their blocks."""
    import tempfile

    with tempfile.TemporaryFile("w+") as tmp:
        sys.stderr.flush()
        saved = os.dup(2)
        os.dup2(tmp.fileno(), 2)
        try:
            sys._debugmallocstats()
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)
        tmp.seek(0)
        text = tmp.read()
    out: dict[str, float] = {}
    for line in text.splitlines():
        for key in (
            "arenas allocated current",
            "bytes in allocated blocks",
            "bytes in available blocks",
            "unused pools",
            "bytes lost to pool headers",
            "bytes lost to quantization",
            "Total",
        ):
            if line.startswith("# " + key) or (key == "Total" and line.startswith("Total")):
                out[key] = float(line.rsplit("=", 1)[-1].replace(",", "").strip())
    return out


def malloc_heaps() -> list[dict[str, int]]:
    """glibc's malloc_info: each arena (the main one and one per thread that needed its own) with its
    system bytes and the free bytes it keeps."""
    import re
    import tempfile

    with tempfile.NamedTemporaryFile("w+") as tmp:
        stream = _libc.fopen(tmp.name.encode(), b"w")
        _libc.malloc_info(0, ctypes.c_void_p(stream))
        _libc.fclose(ctypes.c_void_p(stream))
        text = Path(tmp.name).read_text()
    heaps = []
    for nr, body in re.findall(r'<heap nr="(\d+)">(.*?)</heap>', text, re.S):
        total = re.search(r'<total type="rest" count="\d+" size="(\d+)"', body)
        system = re.search(r'<system type="current" size="(\d+)"', body)
        heaps.append(
            {
                "nr": int(nr),
                "free": int(total.group(1)) if total else 0,
                "system": int(system.group(1)) if system else 0,
            }
        )
    return heaps


DELTAS: dict[str, Counter[str]] = defaultdict(Counter)
_last: dict[str, float] = {}
_counting = [False]


TRACES: list[Any] = []
SNAPSHOTS: list[int] = []
TIMELINE: list[tuple[str, float, float, float]] = []


def mark(step: str) -> None:
    now = memory()
    TIMELINE.append((step, round(now["rss"], 3), round(now["m_used"], 3), round(now["m_free"], 3)))
    if _counting[0] and _last:
        for k, v in now.items():
            DELTAS[step][k] += v - _last[k]
    _last.clear()
    _last.update(now)


def one_round(app: Any, console: Any, room: Any, round_no: int, out_dir: Any) -> dict[str, int]:
    """The scenario's round with only the chosen kinds of step, reading memory after each."""
    window = console.window
    _counting[0] = round_no > 0
    if round_no == 0:  # the scenario's readings need the Statistics tab built once, whatever the steps
        window.tabs.setCurrentWidget(window.stats_panel)
        soak.wait(100)
        window.tabs.setCurrentWidget(window.participants_panel)
    return _round(app, console, room, round_no, out_dir, steps=STEPS, mark=mark)


_snapshot = soak.snapshot


def snapshot(app: Any, console: Any) -> dict[str, Any]:
    _counting[0] = True
    mark("before_snapshot")
    out = _snapshot(app, console)
    mark("snapshot")  # the scenario's own counting (gc.get_objects, findChildren)
    out["probe"] = memory()
    out["pymalloc"] = pymalloc_stats()
    out["malloc_heaps"] = malloc_heaps()
    if os.environ.get("SOAK_TRACE"):
        import tracemalloc

        if not TRACES:
            TRACES.append(tracemalloc.take_snapshot())
        else:
            diff = tracemalloc.take_snapshot().compare_to(TRACES[0], "lineno")
            out["trace_top"] = [str(d) for d in diff[:25]]
            out["trace_total_mib"] = sum(d.size_diff for d in diff) / 2**20
    SNAPSHOTS.append(1)
    if len(SNAPSHOTS) == 2:  # at the end only: what glibc gives back when asked (fragmentation, not ours)
        _libc.malloc_trim(0)
        out["probe_after_trim"] = memory()
    return out


def main(rounds: int) -> int:
    if os.environ.get("SOAK_TRACE"):
        import tracemalloc

        tracemalloc.start(int(os.environ["SOAK_TRACE"]))
    soak.one_round = one_round
    soak.snapshot = snapshot  # type: ignore[assignment]
    orig_report = soak.report

    def report(**kw: Any) -> None:
        kw["steps"] = sorted(STEPS)
        kw["per_step"] = {k: {n: round(v, 3) for n, v in d.items()} for k, d in DELTAS.items()}
        kw["timeline"] = TIMELINE
        kw["probe_delta"] = {k: round(kw["end"]["probe"][k] - kw["start"]["probe"][k], 3) for k in kw["end"]["probe"]}
        orig_report(**kw)

    soak.report = report  # type: ignore[assignment]
    return soak.main(rounds)


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1])))
