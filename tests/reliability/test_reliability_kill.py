"""The real app killed with SIGKILL at random moments of a scripted evening, and restarted each time.

Unlike test_storage_kill (a bare save loop), this runs the whole app - run_app on Qt's event loop, crash
detection, the console window, the Autosaver writing the real file - driven by a scripted moderator
(reliability/app_driver.py). After every kill:
  * the file holds at least everything the status bar had reported as saved: the state of the last SAVED
    line, or of a later action whose save completed just before the kill - never an older one;
  * the next start (run_app without arguments, as after a crash) reopens exactly that file, with exactly
    that content, and says in the message bar that the last run did not close properly.
Finally one more restart quits normally: the exit is clean and the last state is on disk.
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from fishbowl_desktop.model import FakeClock, Participant, Role
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.storage import Workspace, load_session, save_session, session_to_dict
from reliability.app_driver import fingerprint, step_of

pytestmark = pytest.mark.slow  # one of the few slow modules: `pytest -m "not slow"` leaves it out

KILLS = int(os.environ.get("RELIABILITY_KILLS", 40))
SEED = int(os.environ.get("RELIABILITY_SEED", 20261203))
DRIVER = Path(__file__).parents[1] / "reliability" / "app_driver.py"
GUESTS = 60
START_UP_SHARE = 0.2
WAIT_S = 300
"""How long the driver may take to say an app started or ended. It says so within seconds on an idle machine;
on a busy one (load 13 here) a Quit after 25 actions took longer than the 30 s this used to allow."""
"""Some kills land while the app is still starting (loading the crashed file, writing its markers)."""
"""Enough people that a save takes a few milliseconds, so some kills land inside a write."""


class Lines:
    """Lines from the driver's stdout, read without blocking past a deadline."""

    def __init__(self, process: subprocess.Popen[bytes]) -> None:
        assert process.stdout is not None
        self.fd = process.stdout.fileno()
        self.buffer = b""

    def until(self, deadline: float, stop: str | None = None) -> list[list[str]]:
        """Everything that arrives before the deadline, or up to and including a line starting with `stop`."""
        lines: list[list[str]] = []
        while True:
            while b"\n" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\n", 1)
                words = raw.decode("utf-8").split("\t")
                lines.append(words)
                if stop is not None and words[0] == stop:
                    return lines
            left = deadline - time.monotonic()
            if left <= 0:
                return lines
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                chunk = os.read(self.fd, 65536)
                if not chunk:
                    return lines
                self.buffer += chunk


@dataclass
class Round:
    start: list[str] = field(default_factory=list)
    acts: dict[int, str] = field(default_factory=dict)
    saved: list[tuple[int, str, str]] = field(default_factory=list)


def _parse(lines: list[list[str]], into: Round) -> None:
    for words in lines:
        if words[0] == "START":
            into.start = words
            into.acts[int(words[1])] = words[2]
        elif words[0] == "ACT":
            into.acts[int(words[1])] = words[2]
        elif words[0] == "SAVED":
            into.saved.append((int(words[1]), words[2], words[3]))


def _evening(path: Path) -> None:
    session = demo_session(FakeClock())
    for i in range(GUESTS):
        session.add_participant(Participant(f"g{i}", f"Gästin Nr. {i} – Øre Ñandú", Role.AUDIENCE, group="B"))
    save_session(session, path)


@dataclass
class Outcome:
    problems: list[str]
    kills: int
    lost: int
    saves_shown: int
    summary: str


def _kill_rounds(
    tmp_path: Path, kills_wanted: int, mutant: str = "", min_delay: float = 0.05, saves_before_kill: int = 0
) -> Outcome:
    """`saves_before_kill`: a round (other than one killed during start-up) is killed only once it has shown saves
    of that many different steps, however long that takes on this machine; the kill is still at a random moment
    after that."""
    began = time.monotonic()
    home = tmp_path / "home"
    path = tmp_path / "evening.fishbowl.json"
    _evening(path)
    rng = random.Random(SEED)
    python_path = os.pathsep.join(filter(None, [str(Path(__file__).parents[1]), os.environ.get("PYTHONPATH")]))
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "FISHBOWL_DESKTOP_HOME": str(home),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONPATH": python_path,
        "RELIABILITY_MUTANT": mutant,
    }
    with open(tmp_path / "driver.err", "wb") as errors:
        driver = subprocess.Popen(
            [sys.executable, str(DRIVER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors, env=env
        )
    assert driver.stdin is not None
    lines = Lines(driver)
    problems: list[str] = []
    kills = saves_shown = actions = lost = mid_save = start_up_kills = 0
    newer_than_shown = 0
    expected_start: tuple[int, str] | None = None
    seen_temps: set[Path] = set()

    def command(*words: object) -> None:
        assert driver.stdin is not None
        driver.stdin.write(("\t".join(map(str, words)) + "\n").encode())
        driver.stdin.flush()

    def start(round_number: int, file: str, quit_after: str = "", wait: bool = True) -> tuple[int, Round]:
        command("start", SEED + round_number, file, *([quit_after] if quit_after else []))
        got = lines.until(time.monotonic() + WAIT_S, stop="START" if wait else "PID")
        pid = next(int(w[1]) for w in got if w[0] == "PID")
        this = Round()
        _parse(got, this)
        if wait:
            assert this.start, f"round {round_number}: the app did not start (see driver.err)"
            check_start(round_number, this)
        return pid, this

    def check_start(round_number: int, this: Round) -> None:
        step, fp, opened, notice = int(this.start[1]), this.start[2], Path(this.start[3]), this.start[4]
        if expected_start is not None:  # a restart after a kill: crash recovery of exactly the file on disk
            if (step, fp) != expected_start:
                problems.append(f"round {round_number}: reopened step {step} {fp}, the file held {expected_start}")
            if opened != path:
                problems.append(f"round {round_number}: reopened {opened}, not the crashed {path}")
            if "did not close properly" not in notice or path.name not in notice:
                problems.append(f"round {round_number}: no recovery notice, the message bar said {notice!r}")

    try:
        # Kill at least `kills_wanted` times, and go on until at least as many saves were shown: how many saves a
        # round shows is the machine's speed (a busy one shows fewer), so the count is of rounds, not of a rate.
        round_number = -1
        while round_number + 1 < kills_wanted or (saves_shown < kills_wanted and round_number + 1 < 3 * kills_wanted):
            round_number += 1
            during_start_up = round_number > 0 and rng.random() < START_UP_SHARE
            pid, this = start(round_number, str(path) if round_number == 0 else "-", wait=not during_start_up)
            # Count rounds, not time: when the shown saves lag the rounds (a busy machine announces a save later
            # than the random moment below), this round first waits until it showed one, then is killed at random.
            wanted = saves_before_kill or (1 if saves_shown < round_number else 0)
            if wanted and not during_start_up:
                deadline = time.monotonic() + WAIT_S
                while len({saved[0] for saved in this.saved}) < wanted and time.monotonic() < deadline:
                    got = lines.until(deadline, stop="SAVED")
                    if not got:  # the deadline, or the app's output ended
                        break
                    _parse(got, this)
            _parse(lines.until(time.monotonic() + rng.uniform(0.0 if during_start_up else min_delay, 0.6)), this)
            if during_start_up:
                start_up_kills += not this.start
                if this.start:
                    check_start(round_number, this)
            os.kill(pid, signal.SIGKILL)
            kills += 1
            command("reap")
            rest = lines.until(time.monotonic() + WAIT_S, stop="REAPED")
            _parse(rest, this)
            if not rest or rest[-1] != ["REAPED", f"signal {signal.SIGKILL.value}"]:
                problems.append(f"round {round_number}: the app ended otherwise: {rest[-1:]}")
            temps = set(path.parent.glob(f".{path.name}.*.tmp"))
            mid_save += bool(temps - seen_temps)  # a kill inside write_atomically leaves its temporary file
            seen_temps |= temps
            actions += max(0, len(this.acts) - 1)
            saves_shown += len(this.saved)
            data = session_to_dict(load_session(path))
            on_disk = (step_of(data), fingerprint(data))
            if this.saved:
                last_shown: tuple[int, str] = this.saved[-1][:2]
            elif this.start:
                last_shown = (int(this.start[1]), this.start[2])
            else:  # killed while starting: nothing new was shown, the file must be what it was
                assert expected_start is not None
                last_shown = expected_start
                this.acts[expected_start[0]] = expected_start[1]
            if any(not label.startswith("Saved to evening.fishbowl.json at ") for *_, label in this.saved):
                problems.append(f"round {round_number}: the status bar did not say saved: {this.saved[-1][2]!r}")
            if on_disk[0] < last_shown[0]:
                lost += 1
                problems.append(
                    f"round {round_number}: step {last_shown[0]} was shown as saved, the file holds step {on_disk[0]}"
                )
            elif this.acts.get(on_disk[0]) != on_disk[1]:
                problems.append(
                    f"round {round_number}: the file holds step {on_disk[0]} with content that no action produced"
                )
            newer_than_shown += on_disk[0] > last_shown[0]
            expected_start = on_disk
        # One more restart, then a normal Quit: recovery once more, and the clean exit keeps the last state.
        pid, final = start(round_number + 1, "-", quit_after="25")
        command("reap")
        rest = lines.until(time.monotonic() + WAIT_S, stop="REAPED")
        _parse(rest, final)
        if rest[-1:] != [["REAPED", "exit 0"]]:
            problems.append(f"the final Quit did not end the app normally: {rest[-3:]}")
        data = session_to_dict(load_session(path))
        if final.acts.get(step_of(data)) != fingerprint(data) or step_of(data) != max(final.acts):
            problems.append(f"after Quit the file holds step {step_of(data)}, the last action was {max(final.acts)}")
        if Workspace(home).crashed_last_time() is not None:
            problems.append("after Quit the next start would still think the app crashed")
        command("quit")
    finally:
        if driver.poll() is None:
            driver.stdin.close()
            try:
                driver.wait(timeout=20)
            except subprocess.TimeoutExpired:
                driver.kill()
                driver.wait()
    took = time.monotonic() - began
    summary = (
        f"app kill test: {kills} SIGKILLs of the running app, {actions} scripted actions, {saves_shown} "
        f"saves shown in the status bar, {lost} lost, {newer_than_shown} kills after a save that had not "
        f"been shown yet, {mid_save} kills left a temporary file (inside a save), {start_up_kills} kills "
        f"during start-up, {kills + 1} restarts, {took:.1f} s"
    )
    return Outcome(problems, kills, lost, saves_shown, summary)


@pytest.mark.skipif(os.name != "posix" or not hasattr(os, "fork"), reason="SIGKILL and fork are POSIX")
def test_killed_app_loses_nothing_it_showed_as_saved_and_recovers_on_restart(tmp_path: Path) -> None:
    outcome = _kill_rounds(tmp_path, KILLS)
    print("\n" + outcome.summary)
    assert not outcome.problems, outcome.problems[:5]
    assert outcome.kills >= KILLS and outcome.lost == 0
    assert outcome.saves_shown >= KILLS  # the rounds were long enough to save, or nothing was tested


@pytest.mark.skipif(os.name != "posix" or not hasattr(os, "fork"), reason="SIGKILL and fork are POSIX")
@pytest.mark.parametrize(
    ("mutant", "finding"), [("lazy_save", "was shown as saved"), ("no_recovery", "no recovery notice")]
)
def test_the_kill_test_notices_a_broken_app(tmp_path: Path, mutant: str, finding: str) -> None:
    # Each round is killed only after it showed saves of two steps: the lazy app wrote only the first, whatever
    # the machine's speed (waiting a fixed time found nothing at load 13: too few saves were shown in it).
    outcome = _kill_rounds(tmp_path, 3, mutant, saves_before_kill=2)
    assert any(finding in problem for problem in outcome.problems), outcome.problems
