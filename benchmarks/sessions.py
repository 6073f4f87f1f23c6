"""The evenings the benchmarks run on, built from the model's public API (no Qt, no files).

Names come from the same mix of scripts as a real sign-in list in Hannover (Turkish, Arabic, Cyrillic,
Vietnamese, Greek, Polish, German), because shaping and fallback fonts are part of what a PDF costs.
A seeded generator makes every run build the same evening.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from fishbowl_desktop.model import (
    Clock,
    Participant,
    QueueEntry,
    Role,
    Seat,
    SeatKind,
    Session,
    SpeechRecord,
    TurnSettings,
)
from fishbowl_desktop.model.demo import DEMO_EVENT

FIRST = [
    "Şule",
    "Mehmet",
    "Ayşe",
    "İbrahim",
    "Layla",
    "Ahmad",
    "ليلى",
    "محمد",
    "Ольга",
    "Дмитрий",
    "Nguyễn Thị",
    "Trần Văn",
    "Γιώργος",
    "Ελένη",
    "Małgorzata",
    "Paweł",
    "Jürgen",
    "Käthe",
    "Sophie",
    "Jonas",
    "Amara",
    "Chidi",
    "Fatma",
    "Yusuf",
]
LAST = [
    "Öztürk",
    "Yılmaz",
    "Demir",
    "Çelik",
    "Haddad",
    "Al-Sayed",
    "منصور",
    "الحسيني",
    "Кузнецова",
    "Иванов",
    "Hương",
    "Minh",
    "Παπαδόπουλος",
    "Wiśniewska",
    "Kowalski",
    "Möller",
    "Schäfer",
    "Brückner",
    "Weiß",
    "Okafor",
    "Nwosu",
    "Kaya",
    "Ngo",
    "Müller-Lüdenscheidt",
]
ORGS = [
    "",
    "",
    "Stadtteilforum Hainholz",
    "Migrationsberatung Nordstadt",
    "Sprachcafé Vahrenwald",
    "Jugendzentrum Hainholz",
    "Vietnamesischer Kulturverein",
    "Moscheegemeinde Hainholz",
    "Elternrat Grundschule",
    "Leibniz Universität Hannover",
    "Wohnungsgenossenschaft Ost eG",
    "Integrationsbeirat",
]
GROUPS = ["FLINTA*", "offen"]
EVENT_START = datetime(2026, 12, 3, 18, 30)


def participants(count: int, seed: int = 6, consent: float = 0.9) -> list[Participant]:
    """`count` people: four panelists and a moderator first, the rest audience."""
    rng = random.Random(seed)
    people = []
    for i in range(count):
        role = Role.MODERATOR if i == 0 else Role.PANELIST if i <= 4 else Role.AUDIENCE
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        people.append(
            Participant(
                id=f"p{i:05d}",
                name=name,
                role=role,
                organisation=rng.choice(ORGS),
                group=rng.choice(GROUPS),
                consent_to_list=i < 5 or rng.random() < consent,
                notes="Möchte zum Thema Wohnen sprechen." if rng.random() < 0.05 else "",
            )
        )
    return people


def speech_log(people: list[Participant], count: int, seed: int = 7) -> list[SpeechRecord]:
    rng = random.Random(seed)
    records = []
    when = EVENT_START
    for _ in range(count):
        person = rng.choice(people)
        seat = rng.randrange(4) if person.role is Role.PANELIST else 4
        kind = SeatKind.PANEL if seat < 4 else SeatKind.FREE
        allotted = 180.0 if kind is SeatKind.PANEL else 120.0
        duration = round(rng.uniform(20, 200), 1)
        records.append(SpeechRecord(person.id, seat, kind, when, duration, allotted, person.role, person.group))
        when += timedelta(seconds=duration + rng.uniform(2, 20))
    return records


def evening(
    clock: Clock, people: int, records: int, waiting: int, settings: TurnSettings | None = None, consent: float = 0.9
) -> Session:
    """A running evening: panel seated, someone on the free chair with the time running, `waiting` queued."""
    crowd = participants(people, consent=consent)
    seats = [Seat(SeatKind.PANEL, crowd[i].id) for i in range(1, 5)] + [Seat(SeatKind.FREE, crowd[5].id)]
    now = clock.now()
    queue = [
        QueueEntry(p.id, now - timedelta(seconds=waiting - i), i + 1) for i, p in enumerate(crowd[6 : 6 + waiting])
    ]
    session = Session(
        clock,
        event=DEMO_EVENT,
        participants=crowd,
        seats=seats,
        queue=queue,
        log=speech_log(crowd, records),
        settings=settings or TurnSettings(),
    )
    session.start_turn(crowd[5].id)
    return session
