"""Pulling the plug: a process autosaving in a tight loop is killed with SIGKILL at random moments, many
times; after every kill the session file (and every backup) is a complete, valid session, the last
save or the one before it, never a partial file and never a step back."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from pathlib import Path

import pytest

from fishbowl_desktop.storage import SessionFileError, backup_path, load_session
from helpers.autosave_loop import generation_of

pytestmark = pytest.mark.slow  # one of the few slow modules: `pytest -m "not slow"` leaves it out

KILLS = 200
HELPER = Path(__file__).parents[1] / "helpers" / "autosave_loop.py"


@pytest.mark.skipif(os.name != "posix" or not hasattr(os, "fork"), reason="SIGKILL and fork are POSIX")
def test_killed_autosaves_never_leave_a_partial_file(tmp_path: Path) -> None:
    path = tmp_path / "evening.json"
    rng = random.Random(20261203)
    server = subprocess.Popen(
        [sys.executable, str(HELPER), str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdin is not None and server.stdout is not None
    kills = corrupt = saves = 0
    problems: list[str] = []
    last_generation = 0
    try:
        for round_number in range(KILLS):
            server.stdin.write(f"round {rng.uniform(0.0, 0.03):.4f}\n")
            server.stdin.flush()
            answer = server.stdout.readline().split()
            if not answer or answer[0] != "killed":
                problems.append(f"round {round_number + 1}: {' '.join(answer) or 'the helper died'}")
            else:
                kills += 1
            reported = int(answer[1]) if len(answer) > 1 and answer[1].isdigit() else 0
            saves += reported
            try:
                generation = generation_of(load_session(path))
                for n in (1, 2, 3):
                    if backup_path(path, n).exists():
                        load_session(backup_path(path, n))
            except SessionFileError as exc:
                corrupt += 1
                problems.append(f"after kill {kills}: {exc}")
                break  # the next child could not start from a damaged file
            # The file holds the last save the child reported, or one more that completed just before the kill.
            if generation - last_generation not in (reported, reported + 1):
                problems.append(
                    f"after kill {kills}: generation {generation}, expected {last_generation + reported} "
                    f"or {last_generation + reported + 1}"
                )
            last_generation = generation
        server.stdin.write("quit\n")
        server.stdin.flush()
    finally:
        server.stdin.close()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    leftovers = len(list(tmp_path.glob(".evening.json.*.tmp")))
    print(
        f"\nkill test: {kills} SIGKILLs, {saves} completed saves, {corrupt} corrupt files, "
        f"{leftovers} kills landed mid-save (temporary file left), final generation {last_generation}"
    )
    assert kills == KILLS
    assert corrupt == 0 and not problems, problems[:5]
    assert saves <= last_generation <= saves + kills  # every completed save is in the file: nothing was lost
    assert leftovers > 0, "no kill landed inside a save; the test would prove nothing"
