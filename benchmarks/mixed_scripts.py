"""A 1,000-person evening with names in every shipped script: the three PDFs, timed, for looking at.

    python -m benchmarks.mixed_scripts OUT_FOLDER

Writes handout.pdf, attendees.pdf and report.pdf (and the session) to OUT_FOLDER and prints the seconds
each export took in this process (the first includes registering the fonts). One in ten people did not
agree to be listed; the log runs past midnight and holds a few accidental two-second turns.
"""

from __future__ import annotations

import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

from fishbowl_desktop.documents import export_pdf
from fishbowl_desktop.model import FakeClock, Participant, Role, SeatKind, Session, SpeechRecord
from fishbowl_desktop.model.demo import DEMO_EVENT
from fishbowl_desktop.storage import save_session

GIVEN_FAMILY = [
    ("Thị Hương", "Nguyễn"),
    ("İbrahim", "Çağlayan"),
    ("Jürgen", "Weiß-Möller"),
    ("Małgorzata", "Wiśniewska"),
    ("Ольга", "Кузнецова"),
    ("Γιώργος", "Παπαδόπουλος"),
    ("ليلى", "منصور"),
    ("مهدی", "رضایی‌زاده"),
    ("ژیار", "کوردستانی"),
    ("عمران", "یوسفزے"),
    ("אברהם", "כהן"),
    ("देवेंद्र", "शर्मा"),
    ("রহিম", "উদ্দিন"),
    ("முருகன்", "செல்வம்"),
    ("สมชาย", "ใจดี"),
    ("ተስፋዬ", "በቀለ"),
    ("伟", "张"),
    ("はなこ", "山田"),
    ("민준", "김"),
    ("Ayşe", "Demir"),
    ("Sophie", "Ngo"),
]


def mixed_evening(count: int = 1000) -> Session:
    people = []
    for i in range(count):
        given, family = GIVEN_FAMILY[i % len(GIVEN_FAMILY)]
        family = f"{family} {i // len(GIVEN_FAMILY) + 1}" if i >= len(GIVEN_FAMILY) else family
        role = Role.PANELIST if i < 5 else Role.AUDIENCE
        people.append(
            Participant(
                f"p{i}",
                f"{given} {family}",
                role,
                organisation=f"Verein {i % 37}",
                group=("FLINTA*", "offen")[i % 2],
                consent_to_list=i % 10 != 9,
                family_name=family,
                given_names=given,
                residence=f"301{i % 90:02d}",
                bio="Forscht zu Stadt und Migration." if role is Role.PANELIST else "",
            )
        )
    start = datetime(2026, 12, 3, 22, 30)
    log = []
    for n in range(120):
        seconds = 2.0 if n % 17 == 5 else 40.0 + (n * 7) % 150
        log.append(
            SpeechRecord(
                f"p{(n * 13) % count}",
                5,
                SeatKind.FREE,
                start + timedelta(minutes=n),
                seconds,
                120.0,
                Role.AUDIENCE,
                ("FLINTA*", "offen")[n % 2],
            )
        )
    return Session(FakeClock(), event=DEMO_EVENT, participants=people, log=log)


def main(folder: Path) -> int:
    folder.mkdir(parents=True, exist_ok=True)
    session = mixed_evening()
    save_session(session, folder / "mixed.json")
    for kind in ("attendees", "attendees", "attendees", "handout", "report"):
        began, cpu = time.perf_counter(), time.process_time()
        pages = export_pdf(session, kind, folder / f"{kind}.pdf")
        print(f"{kind}: {pages} pages, {time.perf_counter() - began:.2f} s ({time.process_time() - cpu:.2f} s CPU)")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
