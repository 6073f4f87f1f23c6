"""Kill-test target: autosaves a changing session in a tight loop until it is killed with SIGKILL.

Run as `python autosave_loop.py FILE` it serves kill rounds on stdin (POSIX only, it forks so that a round
costs no interpreter start-up). For each line `round DELAY_SECONDS` it forks a child that loads FILE (or
starts the demo evening), then changes and saves it as fast as it can; after the child's first save the
server waits DELAY_SECONDS, sends SIGKILL, reaps it, and answers `killed SAVES SIGNAL` (saves the child
completed, the signal that ended it) or `failed REASON`. `quit` ends the server.

Each save bumps a generation number kept in the event description, so the test can tell that the file it
finds after a kill is the last complete save or the one before, never a step back or a mixture.
"""

from __future__ import annotations

import os
import select
import signal
import sys
import time
import traceback
from pathlib import Path

from fishbowl_desktop.model import FakeClock, FishbowlError, Participant, Role, Session
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.storage import SessionFileError, load_session, save_session

GUESTS = 300
"""Enough people and turns that one save takes a few milliseconds: kills land inside writes."""


def generation_of(session: Session) -> int:
    text = session.event.description
    return int(text.split()[-1]) if text.startswith("generation ") else 0


def _starting_session(path: Path, clock: FakeClock) -> Session:
    try:
        return load_session(path, clock)
    except SessionFileError as exc:
        if exc.kind != "missing":
            raise
    session = demo_session(clock)
    for i in range(GUESTS):
        session.add_participant(Participant(f"guest-{i}", f"Gast Nr. {i} – Ñandú Øre", Role.AUDIENCE, group="B"))
    return session


def _change(session: Session, clock: FakeClock, step: int) -> None:
    """One moderator action and a bit of time, as during an evening."""
    guest = f"guest-{step % GUESTS}"
    clock.advance(7.0)
    try:
        if step % 3 == 0:
            session.enqueue(guest)
        elif step % 3 == 1:
            session.next_free_chair()
        else:
            session.toggle_timer()
    except FishbowlError:
        pass
    session.set_event(session.event.with_changes(description=f"generation {generation_of(session) + 1}"))


def autosave_forever(path: Path, progress_fd: int) -> None:
    clock = FakeClock()
    session = _starting_session(path, clock)
    step = 0
    while True:
        _change(session, clock, step)
        # Every tenth save rotates the backups too, so kills also land in a rotation.
        save_session(session, path, backup=True if step % 10 == 9 else None)
        os.write(progress_fd, b".")
        step += 1


def _run_round(path: Path, delay: float) -> str:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: save until killed
        os.close(read_fd)
        try:
            autosave_forever(path, write_fd)
        except BaseException:
            traceback.print_exc()
        os._exit(3)
    os.close(write_fd)
    saves = 0
    ready, _, _ = select.select([read_fd], [], [], 30)
    if not ready:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(read_fd)
        return "failed the child made no save within 30 s"
    saves += len(os.read(read_fd, 1))
    time.sleep(delay)  # a random moment, chosen by the test
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    while chunk := os.read(read_fd, 65536):  # EOF now that the child is gone
        saves += len(chunk)
    os.close(read_fd)
    if not os.WIFSIGNALED(status):
        return f"failed the child ended by itself with status {os.WEXITSTATUS(status)}"
    return f"killed {saves} {os.WTERMSIG(status)}"


def main() -> int:
    path = Path(sys.argv[1])
    for line in sys.stdin:
        command, *args = line.split()
        if command == "quit":
            return 0
        print(_run_round(path, float(args[0])), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
