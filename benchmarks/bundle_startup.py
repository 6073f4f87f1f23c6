"""The Linux bundle's start-up against the venv's, watched the same way from outside (issue 29 point 5).

Run by hand after `packaging/build_linux.sh` (CI does not build the bundle):

    python -m benchmarks.bundle_startup                       # offscreen, then xcb on a fresh Xvfb, 8 runs each
    python -m benchmarks.bundle_startup --runs 12 --platform xcb --display :65

The frozen bundle ignores PYTHONPATH and runs its own entry script, so `child_startup.py`'s paint watch (an import
hook in the measured process) cannot be put into it without building a different bundle. What both can be
watched by, unchanged, is Qt's own log: with the category `qt.widgets.painting` at debug level Qt writes one line
each time it flushes a painted frame of a window to the screen (three lines in all up to the first frame, nothing
per widget), and `QT_MESSAGE_PATTERN` stamps it with `CLOCK_MONOTONIC`. So for each start this script reads:

- `flush_s`: process start (the parent's clock right before `exec`) → Qt's first flush of the console window,
  i.e. the end of the first frame (`frame_s` in `child_startup.py`, a few ms after its first paint event);
- `flush_cpu_s`, `flush_rss_mib`: the process's CPU time (user + system, `/proc/PID/stat`) and resident memory
  (`/proc/PID/statm`) read by this process as soon as it has read that line (so a little later than the flush:
  the same delay for both);
- `peak_rss_mib`: the peak resident memory (`VmHWM`) after a settled 1.5 s, without the projector.

Then SIGTERM closes the console (it saves and must exit with 0). Three kinds alternate: `bundle` (the frozen
executable), `venv` (the venv's `fishbowl-desktop` entry script, as a user starts it) and `watched` (the venv's
console under `child_startup.py`'s in-process paint watch, with the same log on), which shows how far the outside
reading is from the inside one. Each start reopens the same prepared evening (`harness.previous_evening`) in a
fresh temporary home; one unrecorded start of each kind warms the file cache first.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from .harness import OFFSCREEN, REPO, _package_root, machine, median, previous_evening, source_state, xvfb

SETTLE_S = 1.5
LOG_RULES = "qt.widgets.painting.debug=true"
LOG_PATTERN = "%{time boot} %{category} %{message}"
FIRST_FLUSH = "Flushing"
WINDOW = "ConsoleWindow"
TICKS = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")


def _cpu_s(pid: int) -> float:
    """CPU seconds of the process so far, all its threads: the scheduler's nanoseconds on a CPU
    (`/proc/PID/task/*/schedstat`), or user + system from /proc/PID/stat in clock ticks (10 ms) without them."""
    try:
        return (
            sum(int((task / "schedstat").read_text().split()[0]) for task in Path(f"/proc/{pid}/task").iterdir()) / 1e9
        )
    except (OSError, ValueError, IndexError):
        stat = Path(f"/proc/{pid}/stat").read_text()
        fields = stat[stat.rindex(")") + 2 :].split()
        return (int(fields[11]) + int(fields[12])) / TICKS


def _resident_mib(pid: int) -> float:
    return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE / 2**20


def _peak_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def command(kind: str, bundle: Path) -> list[str]:
    if kind == "bundle":
        return [str(bundle)]
    if kind == "venv":
        return [str(Path(sys.executable).parent / "fishbowl-desktop")]
    return [sys.executable, "-m", "benchmarks.child_startup", "console", "--no-projector"]


def one_start(kind: str, bundle: Path, platform: str, display: str | None, timeout: float = 60) -> dict[str, Any]:
    home = Path(tempfile.mkdtemp(prefix="fishbowl-bundle-bench-"))
    previous_evening(home)
    env = dict(os.environ)
    env.update(
        FISHBOWL_DESKTOP_HOME=str(home),
        QT_QPA_PLATFORM=platform,
        QT_LOGGING_RULES=LOG_RULES,
        QT_MESSAGE_PATTERN=LOG_PATTERN,
    )
    env.pop("QT_SCALE_FACTOR", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if kind == "watched":
        env["PYTHONPATH"] = os.pathsep.join([str(_package_root()), str(REPO)])
    if display is not None:
        env["DISPLAY"] = display
    result: dict[str, Any] = {"kind": kind}
    try:
        t0 = time.monotonic()
        env["BENCH_T0"] = repr(t0)
        proc = subprocess.Popen(
            command(kind, bundle),
            cwd=home,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        stdout_lines: list[str] = []
        reader = threading.Thread(target=lambda: stdout_lines.extend(proc.stdout or []), daemon=True)
        reader.start()
        deadline = t0 + timeout
        assert proc.stderr is not None
        for line in proc.stderr:
            if FIRST_FLUSH in line and WINDOW in line:
                seen = time.monotonic()
                result["flush_cpu_s"] = _cpu_s(proc.pid)
                result["flush_rss_mib"] = _resident_mib(proc.pid)
                result["flush_s"] = float(line.split()[0]) - t0
                result["seen_s"] = seen - t0
                break
            if time.monotonic() > deadline:
                break
        if "flush_s" not in result:
            proc.kill()
            raise RuntimeError(f"{kind}: no first flush of the console window; exit {proc.wait()}")
        rest: list[str] = []
        drain = threading.Thread(target=lambda: rest.extend(proc.stderr or []), daemon=True)
        drain.start()
        time.sleep(SETTLE_S)
        if kind != "watched":  # the watched child reports and closes its own window after its settle
            result["peak_rss_mib"] = _peak_mib(proc.pid)
            proc.send_signal(signal.SIGTERM)
        result["exit"] = proc.wait(timeout=30)
        reader.join(5)
        drain.join(5)
        for out in stdout_lines:
            if out.startswith("BENCH "):
                inside = json.loads(out[len("BENCH ") :])
                result["inside_first_paint_s"] = inside["first_paint_s"]
                result["inside_frame_s"] = inside["frame_s"]
                result["inside_first_paint_cpu_s"] = inside["first_paint_cpu_s"]
                result["inside_first_paint_rss_mib"] = inside["first_paint_rss_mib"]
        if result["exit"] != 0 or any("Traceback" in line for line in rest):
            raise RuntimeError(f"{kind}: exit {result['exit']}\n{''.join(rest)[-3000:]}")
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return result


KEYS = (
    "flush_s",
    "seen_s",
    "flush_cpu_s",
    "flush_rss_mib",
    "peak_rss_mib",
    "inside_first_paint_s",
    "inside_frame_s",
    "inside_first_paint_cpu_s",
    "inside_first_paint_rss_mib",
)


def measure(runs: int, bundle: Path, platform: str, display: str | None) -> dict[str, Any]:
    kinds = ["bundle", "venv", "watched"]
    samples: dict[str, list[dict[str, Any]]] = {k: [] for k in kinds}
    load = [os.getloadavg()]
    for i in range(runs + 1):
        order = kinds if i % 2 else kinds[::-1]  # bundle, venv, … then … venv, bundle
        for kind in order:
            sample = one_start(kind, bundle, platform, display)
            print(json.dumps({"run": i, **sample}), file=sys.stderr, flush=True)
            if i:
                samples[kind].append(sample)
    load.append(os.getloadavg())
    out: dict[str, Any] = {"runs": runs, "load_avg": [[round(v, 2) for v in la] for la in load]}
    for kind in kinds:
        for key in KEYS:
            values = [float(s[key]) for s in samples[kind] if key in s]
            if values:
                out[f"{kind}_{key}"] = round(median(values), 4)
    out["ratio_flush_bundle_vs_venv"] = out["bundle_flush_s"] / out["venv_flush_s"]
    out["ratio_cpu_bundle_vs_venv"] = out["bundle_flush_cpu_s"] / out["venv_flush_cpu_s"]
    out["ratio_rss_bundle_vs_venv"] = out["bundle_flush_rss_mib"] / out["venv_flush_rss_mib"]
    out["samples"] = samples
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "fishbowl-desktop" / "fishbowl-desktop")
    parser.add_argument("--runs", type=int, default=8)
    parser.add_argument("--platform", choices=("offscreen", "xcb", "both"), default="both")
    parser.add_argument("--display", help="an X display for xcb (default: a fresh Xvfb)")
    parser.add_argument("--out", type=Path, help="write the results as JSON here")
    args = parser.parse_args(argv)
    if not os.access(args.bundle, os.X_OK):
        parser.error(f"no bundle at {args.bundle}: build it with packaging/build_linux.sh")
    results: dict[str, Any] = {"meta": {"machine": machine(), "source": source_state(), "bundle": str(args.bundle)}}
    if args.platform in ("offscreen", "both"):
        results["offscreen"] = measure(args.runs, args.bundle, OFFSCREEN, None)
    if args.platform in ("xcb", "both"):
        if args.display:
            results["xcb"] = measure(args.runs, args.bundle, "xcb", args.display)
        else:
            with xvfb() as display:
                if display is None:
                    print("xcb skipped: Xvfb is not available", file=sys.stderr)
                else:
                    results["xcb"] = measure(args.runs, args.bundle, "xcb", display)
    results["meta"]["machine"]["load_avg_at_end"] = [round(v, 2) for v in os.getloadavg()]
    summary = {p: {k: v for k, v in r.items() if k != "samples"} for p, r in results.items() if p != "meta"}
    print(json.dumps(summary, indent=1))
    if args.out is not None:
        args.out.write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
