"""Issue 25 on the report: a row per person (namesakes told apart), shares that add up to 100 %, the accidental
mark agreeing with the duration printed beside it, and the same PDF/UA bar as the sheet."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

from fishbowl_desktop.documents import PrintOptions, export_pdf
from fishbowl_desktop.model import FakeClock, Participant, Role, SeatKind, Session, SpeechRecord
from fishbowl_desktop.model.demo import DEMO_EVENT
from helpers.pdf_text import pdftotext_pages

START = datetime(2026, 12, 3, 19, 0)


def _turns(spec: list[tuple[str, float]]) -> list[SpeechRecord]:
    records, at = [], START
    for who, seconds in spec:
        records.append(SpeechRecord(who, 4, SeatKind.FREE, at, seconds, 180.0, Role.AUDIENCE, ""))
        at += timedelta(seconds=seconds + 30)
    return records


def _report(tmp_path: Path, people: list[Participant], spec: list[tuple[str, float]], **options: object) -> str:
    session = Session(FakeClock(), event=DEMO_EVENT, participants=people, log=_turns(spec))
    out = tmp_path / "report.pdf"
    export_pdf(session, "report", out, options=PrintOptions(**options))  # type: ignore[arg-type]
    return "\n".join(pdftotext_pages(out, layout=True))


def _person_rows(text: str) -> str:
    """The “by person” table, up to the next heading."""
    return text[text.index("Redezeit nach Person") : text.index("Redezeit nach Rolle")]


def test_namesakes_get_a_row_each_told_apart_by_organisation_or_number(tmp_path: Path) -> None:
    people = [
        Participant("a1", "Ahmad Al-Sayed", organisation="Jugendzentrum Hainholz", consent_to_list=True),
        Participant("a2", "Ahmad Al-Sayed", organisation="Moscheegemeinde Hainholz", consent_to_list=True),
        Participant("b1", "Anna Weiß", consent_to_list=True),
        Participant("b2", "Anna Weiß", consent_to_list=True),
    ]
    spec = [("a1", 100.0)] * 5 + [("a2", 80.0)] * 5 + [("b1", 60.0)] * 2 + [("b2", 50.0)]
    rows = re.sub(r"\s+", " ", _person_rows(_report(tmp_path, people, spec)))
    assert "Ahmad Al-Sayed (Jugendzentrum Hainholz) 5 8:20" in rows
    assert "Ahmad Al-Sayed (Moscheegemeinde Hainholz) 5 6:40" in rows
    assert "Anna Weiß (1) 2 2:00" in rows and "Anna Weiß (2) 1 0:50" in rows
    assert " 10 " not in rows  # never one merged row of ten turns


def test_shares_add_up_to_one_hundred_percent(tmp_path: Path) -> None:
    people = [Participant(p, f"Person {p.upper()}", consent_to_list=True) for p in "abc"]
    rows = _person_rows(_report(tmp_path, people, [("a", 100.0), ("b", 100.0), ("c", 100.0)]))
    shares = [int(n) for n in re.findall(r"(\d+) %", rows)]
    assert len(shares) == 3 and sum(shares) == 100


def test_the_accidental_mark_agrees_with_the_printed_duration(tmp_path: Path) -> None:
    people = [Participant(p, f"Person {p.upper()}", consent_to_list=True) for p in "ab"]
    text = re.sub(r"\s+", " ", _report(tmp_path, people, [("a", 4.6), ("b", 4.4), ("a", 60.0)]))
    assert "0:05 (versehentlich)" not in text  # 4.6 s prints as 0:05, which is not “unter 5 s”
    assert "0:04 (versehentlich)" in text
    assert "unter 5 s" in text and "Statistik enthalten: 1." in text
