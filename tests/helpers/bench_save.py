"""How long an autosave of a very big evening takes: 2,000 participants and 10,000 logged turns.

    python tests/helpers/bench_save.py [FOLDER] [--runs N]

Prints the median and worst milliseconds of encoding, a full save (encode, fsync, rename, folder fsync)
and a load, and the file size. FOLDER defaults to a fresh temporary folder; give one on the disk you care
about (a USB stick, a network share) to measure there.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from fishbowl_desktop.model import FakeClock, Participant, Role, SeatKind, Session, SpeechRecord
from fishbowl_desktop.storage import load_session, save_session
from fishbowl_desktop.storage.encode import encode_session

PARTICIPANTS = 2000
RECORDS = 10000


def big_evening(clock: FakeClock) -> Session:
    people = [
        Participant(
            f"p{i:05d}",
            f"Teilnehmerin Nr. {i} Öztürk-Nguyễn",
            Role.AUDIENCE,
            "Verein für Nachbarschaft e.V.",
            "",
            "FLINTA*" if i % 2 else "offen",
            i % 3 != 0,
            "",
        )
        for i in range(PARTICIPANTS)
    ]
    start = datetime(2026, 12, 3, 18, 30)
    log = [
        SpeechRecord(
            f"p{i % PARTICIPANTS:05d}",
            4,
            SeatKind.FREE,
            start + timedelta(seconds=7 * i),
            101.5 + i % 60,
            120.0,
            Role.AUDIENCE,
            "offen",
        )
        for i in range(RECORDS)
    ]
    session = Session(clock, participants=people, log=log)
    session.seat("p00001", 4)
    session.start_turn("p00001")
    for i in range(2, 30):
        session.enqueue(f"p{i:05d}")
    clock.advance(61.5)
    return session


def _timed(action: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        times.append((time.perf_counter() - began) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="fishbowl-bench-", dir=args.folder))
    clock = FakeClock()
    session = big_evening(clock)
    path = folder / "big.json"
    save_session(session, path)
    results = {
        "encode": _timed(lambda: encode_session(session), args.runs),
        "save (autosave, no backup)": _timed(lambda: save_session(session, path, backup=False), args.runs),
        "save with backup rotation": _timed(lambda: save_session(session, path, backup=True), args.runs),
        "load": _timed(lambda: load_session(path, clock), max(3, args.runs // 3)),
    }
    size = path.stat().st_size / 1e6
    print(f"{PARTICIPANTS} participants, {RECORDS} speech records, file {size:.2f} MB, in {folder}")
    for name, times in results.items():
        median, worst = statistics.median(times), max(times)
        print(f"{name:28s} median {median:7.1f} ms   worst {worst:7.1f} ms   ({len(times)} runs)")


if __name__ == "__main__":
    main()
