"""Parent side: start each measurement in a fresh process with its own temporary FISHBOWL_DESKTOP_HOME, read
its `BENCH {json}` line, and run a virtual X server for the xcb comparison. No Qt import here (the model and
storage, used to prepare a home, are pure Python)."""

from __future__ import annotations

import contextlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCREENS = REPO / "benchmarks" / "screens.json"
"""Two offscreen screens: the laptop (1366×768, primary) and the beamer (1920×1080) the projector goes to."""
OFFSCREEN = f"offscreen:configfile={SCREENS}"


class ChildFailed(RuntimeError):
    pass


def _package_root() -> Path:
    """The folder holding the `fishbowl_desktop` this process would import (found without importing it)."""
    spec = importlib.util.find_spec("fishbowl_desktop")
    if spec is None or not spec.submodule_search_locations:
        return REPO / "src"
    return Path(next(iter(spec.submodule_search_locations))).resolve().parent


def previous_evening(home: Path) -> None:
    """A home as the moderator leaves it after preparing the evening: the sample evening saved, the app
    closed cleanly; the next start reopens it (no first-run greeting, no crash recovery)."""
    from fishbowl_desktop.model import SystemClock
    from fishbowl_desktop.model.demo import demo_session
    from fishbowl_desktop.storage import Workspace, save_session

    workspace = Workspace(home)
    session = demo_session(SystemClock())
    path = workspace.new_session_path(session.event.title)
    save_session(session, path)
    workspace.mark_running(path)
    workspace.mark_clean_exit()


def run_child(
    module: str,
    args: list[str],
    platform: str,
    timeout: float,
    display: str | None = None,
    prepare: Callable[[Path], None] | None = None,
) -> dict:
    """Run `python -m benchmarks.<module> args` and return its report; the temporary home is removed after."""
    home = Path(tempfile.mkdtemp(prefix="fishbowl-bench-"))
    if prepare is not None:
        prepare(home)
    env = dict(os.environ)
    # The children measure the very package this process imports (a worktree's `src` on PYTHONPATH, or the
    # installed one), not whichever tree an editable install happens to point at.
    env.update(
        FISHBOWL_DESKTOP_HOME=str(home),
        QT_QPA_PLATFORM=platform,
        PYTHONPATH=os.pathsep.join([str(_package_root()), str(REPO)]),
    )
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed app has its bytecode cached; the warm-up run writes it
    env.pop("QT_SCALE_FACTOR", None)
    if display is not None:
        env["DISPLAY"] = display
    try:
        env["BENCH_T0"] = repr(time.monotonic())  # CLOCK_MONOTONIC: the child reads the same clock
        proc = subprocess.run(
            [sys.executable, "-m", f"benchmarks.{module}", *args],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ChildFailed(f"{module} {' '.join(args)} did not finish within {timeout:.0f} s") from exc
    finally:
        shutil.rmtree(home, ignore_errors=True)
    for line in proc.stdout.splitlines():
        if line.startswith("BENCH "):
            return json.loads(line[len("BENCH ") :])
    raise ChildFailed(
        f"{module} {' '.join(args)} exited with {proc.returncode} and no result:\n"
        f"{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}"
    )


LAPTOP_MONITOR = "1366/360x768/200+0+0"
BEAMER_MONITOR = "1920/500x1080/280+1366+0"
"""The venue's desk under xcb (`xvfb(desk=True)`), as /work/shared/tools/screens.sh and screens.json have it: the
laptop's screen (primary) and the beamer beside it, each a RandR monitor that Qt sees as a QScreen."""


@contextlib.contextmanager
def xvfb(size: str = "1366x768x24", desk: bool = False) -> Iterator[str | None]:
    """A virtual X display (":N") for the xcb runs, or None if Xvfb (or, for `desk`, xrandr) is not installed or
    does not start. One screen of `size`, or with `desk` a laptop screen and a beamer (as the issue measured)."""
    binary = shutil.which("Xvfb")
    if binary is None or (desk and shutil.which("xrandr") is None):
        yield None
        return
    if desk:
        size = "3286x1080x24"  # -noreset below: else Xvfb forgets the monitors when its last client leaves
    number = next(
        (
            n
            for n in range(97, 140)
            if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists()
        ),
        None,
    )
    if number is None:
        yield None
        return
    proc = subprocess.Popen(
        [binary, f":{number}", "-screen", "0", size, "-nolisten", "tcp", *(["-noreset"] if desk else [])],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{number}").exists():
            if proc.poll() is not None or time.monotonic() > deadline:
                yield None
                return
            time.sleep(0.05)
        if desk and not _monitors(f":{number}"):
            yield None
            return
        yield f":{number}"
    finally:
        proc.terminate()  # only the server started here, by its own handle
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()


def _monitors(display: str) -> bool:
    """The laptop and the beamer as RandR monitors on the display's one X screen; False if xrandr refuses."""
    env = {**os.environ, "DISPLAY": display}
    listing = subprocess.run(["xrandr"], env=env, capture_output=True, text=True, timeout=30)
    outputs = [line.split()[0] for line in listing.stdout.splitlines() if " connected" in line]
    if listing.returncode != 0 or not outputs:
        return False
    steps = (
        ["--output", outputs[0], "--primary"],
        ["--setmonitor", "laptop", LAPTOP_MONITOR, outputs[0]],
        ["--setmonitor", "beamer", BEAMER_MONITOR, "none"],
    )
    return all(
        subprocess.run(["xrandr", *step], env=env, capture_output=True, timeout=30).returncode == 0 for step in steps
    )


def median(values: list[float]) -> float:
    ordered = sorted(values)
    n = len(ordered)
    if not n:
        return float("nan")
    return ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2


def source_state() -> dict[str, object]:
    """Which code was measured: the commit, and whether the app's sources differed from it at the time."""

    def git(*args: str) -> str:
        try:
            return subprocess.run(
                ["git", *args], cwd=REPO, capture_output=True, text=True, timeout=10, check=False
            ).stdout.rstrip("\n")
        except (OSError, subprocess.TimeoutExpired):
            return ""

    changed = [line[3:] for line in git("status", "--porcelain", "--", "src").splitlines()]
    return {"commit": git("rev-parse", "HEAD").strip() or None, "uncommitted_src_files": changed}


def cpu_times() -> list[int] | None:
    """The machine's CPU time so far by kind (/proc/stat's first line: user, nice, system, idle, iowait, irq,
    softirq, steal, ...), in clock ticks; None where there is no /proc."""
    try:
        return [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return None


def steal_share(before: list[int] | None, after: list[int] | None) -> float | None:
    """The share of the machine's CPU time between two `cpu_times` that its hypervisor gave to other guests
    ("steal"): on a shared virtual machine, single late wake-ups of a few tens of ms come with it."""
    if before is None or after is None or len(before) < 8 or len(after) < 8:
        return None
    total = sum(after[:8]) - sum(before[:8])
    return round((after[7] - before[7]) / total, 4) if total > 0 else None


def machine() -> dict[str, object]:
    import platform

    cpu = ""
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = None
    with contextlib.suppress(OSError, ValueError, IndexError):
        memory = round(int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024, 1)
    return {
        "system": platform.platform(),
        "cpu": cpu,
        "cpus": os.cpu_count(),
        "memory_gib": memory,
        "load_avg_at_start": [round(v, 2) for v in os.getloadavg()],
    }
