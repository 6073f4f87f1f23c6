"""The sample evening: the civic fishbowl on integration policy in Hannover-Hainholz, halfway through.

Names are invented and come from everywhere, as on a real sign-in list; some guests did not agree to be
listed, so every privacy rule has something to act on.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from fishbowl_desktop.model.circle import Seat, SeatKind
from fishbowl_desktop.model.clock import Clock
from fishbowl_desktop.model.event import AgendaItem, Event
from fishbowl_desktop.model.participants import Participant, Role
from fishbowl_desktop.model.queue import QueueEntry
from fishbowl_desktop.model.requests import ChairRequest, RequestOutcome
from fishbowl_desktop.model.session import Session
from fishbowl_desktop.model.speech import SpeechRecord
from fishbowl_desktop.model.state import Stage, TurnSettings

EVENT_DATE = date(2026, 12, 3)

DEMO_EVENT = Event(
    title="Neue Hannoveraner*innen – was braucht eine weltoffene Stadt?",
    date=EVENT_DATE,
    start_time=time(18, 30),
    end_time=time(20, 30),
    venue_name="Unter einem Dach",
    venue_address="Voltmerstraße 41, 30165 Hannover-Hainholz",
    organiser="Stadtteilforum Hainholz",
    programme="Partnerschaft für Demokratie Hannover (Beispiel)",
    funding_reference="PfD-HAN-2026-017 (Beispiel)",
    description=(
        "41,4 Prozent der Hannoveraner Bevölkerung haben einen familiären Migrationshintergrund. "
        "Migration gehört zur DNA von Städten. Gemeinsam mit Expert*innen aus Forschung und Praxis "
        "tauschen wir uns über Integrationsarbeit aus – ob Sie beruflich mit dem Thema arbeiten oder "
        "einfach interessiert sind. Hören Sie zu oder nehmen Sie auf dem freien Stuhl Platz und "
        "diskutieren Sie mit!"
    ),
    guiding_questions=(
        "Welche Anforderungen stellen die neuen Bürger*innen an Hannover?",
        "Unterscheiden sich diese von denen der Alteingesessenen – und wenn ja, worin?",
        "Wie verändern sich Räume durch Migration, und wie verändern Räume Migration und Integration?",
        "Welche guten Beispiele gibt es für Demokratie und Stadtleben/Kultur?",
        "Wie können Verwaltung und Stadtgesellschaft solche Projekte in die Breite tragen?",
    ),
    agenda=(
        AgendaItem("Begrüßung und Einführung in die Fishbowl", 10),
        AgendaItem("Wohnen", 20),
        AgendaItem("Bildung", 20),
        AgendaItem("Soziale Infrastruktur", 20),
        AgendaItem("Arbeiten", 20),
        AgendaItem("Partizipation und bürgerschaftliches Engagement", 20),
        AgendaItem("Abschlussrunde", 10),
    ),
    language="de",
)

_PEOPLE: list[tuple[str, str, Role, str, str, str, bool]] = [
    # id, name, role, organisation, bio, group, consent
    (
        "mod-1",
        "Katharina Weiß",
        Role.MODERATOR,
        "Stadtteilforum Hainholz",
        "Moderiert seit zehn Jahren Bürgerforen in der Region Hannover.",
        "FLINTA*",
        True,
    ),
    (
        "pan-1",
        "Prof. Dr. Şule Öztürk",
        Role.PANELIST,
        "Leibniz Universität Hannover",
        "Forscht zu Migration und Stadtentwicklung.",
        "FLINTA*",
        True,
    ),
    (
        "pan-2",
        "Dr. Jonas Brückner",
        Role.PANELIST,
        "Institut für Raumplanung",
        "Stadtgeograf; untersucht Ankunftsquartiere in Niedersachsen.",
        "offen",
        True,
    ),
    (
        "pan-3",
        "Layla Haddad",
        Role.PANELIST,
        "Migrationsberatung Nordstadt",
        "Berät seit 2015 Geflüchtete zu Wohnen und Arbeit.",
        "FLINTA*",
        True,
    ),
    (
        "pan-4",
        "Mehmet Yılmaz",
        Role.PANELIST,
        "Integrationsbeirat Hainholz",
        "Ehrenamtlich im Beirat; Unternehmer im Stadtteil.",
        "offen",
        True,
    ),
    ("aud-01", "Nguyễn Thị Hương", Role.AUDIENCE, "Vietnamesischer Kulturverein", "", "FLINTA*", True),
    ("aud-02", "Jürgen Möller", Role.AUDIENCE, "", "", "offen", True),
    ("aud-03", "Ольга Кузнецова", Role.AUDIENCE, "Sprachcafé Vahrenwald", "", "FLINTA*", True),
    ("aud-04", "Ahmad Al-Sayed", Role.AUDIENCE, "Jugendzentrum Hainholz", "", "offen", True),
    ("aud-05", "Małgorzata Wiśniewska", Role.AUDIENCE, "Elternrat Grundschule", "", "FLINTA*", True),
    ("aud-06", "Γιώργος Παπαδόπουλος", Role.AUDIENCE, "", "", "offen", False),
    ("aud-07", "Ayşe Demir", Role.AUDIENCE, "Quartiersmanagement", "", "FLINTA*", True),
    ("aud-08", "Thomas Schäfer", Role.AUDIENCE, "Wohnungsgenossenschaft", "", "offen", True),
    ("aud-09", "ليلى منصور", Role.AUDIENCE, "", "", "FLINTA*", True),
    ("aud-10", "Emre Kaya", Role.AUDIENCE, "Student", "", "offen", False),
    ("aud-11", "Sophie Ngo", Role.AUDIENCE, "Stadtbibliothek", "", "FLINTA*", True),
    ("aud-12", "İbrahim Çelik", Role.AUDIENCE, "Moscheegemeinde Hainholz", "", "offen", True),
]


_NAME_PARTS: dict[str, tuple[str, str]] = {
    # (family name, given names) as a registration form would have them; the family name comes first in
    # Vietnamese and the Arabic name stays whole, as people often register it.
    "mod-1": ("Weiß", "Katharina"),
    "pan-1": ("Öztürk", "Şule"),
    "pan-2": ("Brückner", "Jonas"),
    "pan-3": ("Haddad", "Layla"),
    "pan-4": ("Yılmaz", "Mehmet"),
    "aud-01": ("Nguyễn", "Thị Hương"),
    "aud-02": ("Möller", "Jürgen"),
    "aud-03": ("Кузнецова", "Ольга"),
    "aud-04": ("Al-Sayed", "Ahmad"),
    "aud-05": ("Wiśniewska", "Małgorzata"),
    "aud-06": ("Παπαδόπουλος", "Γιώργος"),
    "aud-07": ("Demir", "Ayşe"),
    "aud-08": ("Schäfer", "Thomas"),
    "aud-10": ("Kaya", "Emre"),
    "aud-11": ("Ngo", "Sophie"),
    "aud-12": ("Çelik", "İbrahim"),
}


def demo_participants() -> list[Participant]:
    people = []
    for pid, name, role, org, bio, group, consent in _PEOPLE:
        notes = "Möchte zum Thema Wohnen sprechen." if pid == "aud-02" else ""
        family, given = _NAME_PARTS.get(pid, ("", ""))
        people.append(
            Participant(pid, name, role, org, bio, group, consent, notes, family_name=family, given_names=given)
        )
    return people


def demo_session(clock: Clock) -> Session:
    """The evening at about 19:10: the panel seated, six turns spoken, one guest on the free chair."""
    start = datetime.combine(EVENT_DATE, time(18, 40))

    def record(
        pid: str, seat: int, minute: int, duration: float, allotted: float, role: Role, group: str
    ) -> SpeechRecord:
        kind = SeatKind.FREE if seat == 4 else SeatKind.PANEL
        return SpeechRecord(pid, seat, kind, start + timedelta(minutes=minute), duration, allotted, role, group)

    log = [
        record("pan-1", 0, 0, 171.0, 180.0, Role.PANELIST, "FLINTA*"),
        record("pan-2", 1, 4, 196.0, 180.0, Role.PANELIST, "offen"),
        record("pan-3", 2, 8, 160.0, 180.0, Role.PANELIST, "FLINTA*"),
        record("pan-4", 3, 12, 175.0, 180.0, Role.PANELIST, "offen"),
        record("aud-02", 4, 16, 134.0, 120.0, Role.AUDIENCE, "offen"),
        record("aud-07", 4, 19, 101.0, 120.0, Role.AUDIENCE, "FLINTA*"),
    ]

    def settled(pid: str, group: str, minute: int, waited: float, outcome: RequestOutcome) -> ChairRequest:
        return ChairRequest(pid, group, Role.AUDIENCE, start + timedelta(minutes=minute), waited, outcome)

    # what became of the requests so far: three seated, one guest who gave up, one phone turned away
    requests = [
        settled("aud-02", "offen", 16, 95.0, RequestOutcome.SEATED),
        settled("aud-07", "FLINTA*", 19, 212.0, RequestOutcome.SEATED),
        settled("aud-10", "offen", 21, 310.0, RequestOutcome.WITHDRAWN),
        ChairRequest("", "", Role.AUDIENCE, start + timedelta(minutes=22), 0.0, RequestOutcome.DECLINED),
        settled("aud-01", "FLINTA*", 23, 268.0, RequestOutcome.SEATED),
    ]
    seats = [
        Seat(SeatKind.PANEL, "pan-1"),
        Seat(SeatKind.PANEL, "pan-2"),
        Seat(SeatKind.PANEL, "pan-3"),
        Seat(SeatKind.PANEL, "pan-4"),
        Seat(SeatKind.FREE, "aud-01"),
    ]
    now = clock.now()
    queue = [
        QueueEntry("aud-04", now - timedelta(minutes=6), 1),
        QueueEntry("aud-03", now - timedelta(minutes=4), 2),
        QueueEntry("aud-12", now - timedelta(minutes=1), 3),
    ]
    return Session(
        clock,
        event=DEMO_EVENT,
        participants=demo_participants(),
        seats=seats,
        queue=queue,
        log=log,
        requests=requests,
        settings=TurnSettings(),
        stage=Stage(topic_index=0),
    )
