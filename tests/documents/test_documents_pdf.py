"""What ends up on paper, read back from the produced PDFs with pypdf."""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from fishbowl_desktop.documents import TYPST_KINDS, export_pdf
from fishbowl_desktop.documents.options import PrintOptions
from fishbowl_desktop.model import (
    AgendaItem,
    Event,
    FakeClock,
    Participant,
    Role,
    SeatKind,
    Session,
    SpeechRecord,
)
from fishbowl_desktop.model.demo import DEMO_EVENT, demo_participants, demo_session
from fishbowl_desktop.model.paper import DOCUMENT_KINDS as KINDS
from helpers.pdf_text import pdftotext_pages


def pages_text(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def flat(text: str) -> str:
    """Extracted text without line breaks, so a wrapped name reads as one string again."""
    return re.sub(r"\s+", " ", text)


def export_all(session: Session, folder: Path, blank_rows: int = 3) -> dict[str, str]:
    texts = {}
    for kind in KINDS:
        out = folder / f"{kind}.pdf"
        pages = export_pdf(session, kind, out, blank_rows=blank_rows)
        # Typst's PDFs are read as pdftotext reads them, one line per cell (pypdf reverses Arabic words).
        layout = kind == "report"  # its tables are read row by row
        text = (
            [re.sub(r"\n+", "\n", p) for p in pdftotext_pages(out, layout=layout)]
            if kind in TYPST_KINDS
            else pages_text(out)
        )
        assert len(text) == pages
        texts[kind] = "\n".join(text)
    return texts


def test_demo_documents_print_names_from_everywhere(demo: Session, tmp_path: Path) -> None:
    texts = export_all(demo, tmp_path)
    for name in ("Prof. Dr. Şule Öztürk", "Mehmet Yılmaz", "Dr. Jonas Brückner", "Katharina Weiß"):
        assert name in texts["handout"]
    # The sheet has a column each for the family name and the given names.
    for family, given in (
        ("Nguyễn", "Thị Hương"),
        ("Çelik", "İbrahim"),
        ("Кузнецова", "Ольга"),
        ("Wiśniewska", "Małgorzata"),
        ("Möller", "Jürgen"),
    ):
        assert f"{family}\n{given}" in texts["attendees"]
    # Plain German words, not "Donnerﬆag" with the historic st ligature, so the PDF can be searched.
    assert "Donnerstag, 3. Dezember 2026" in texts["handout"]
    assert not {"\ufb00", "\ufb01", "\ufb02", "\ufb06"} & set("".join(texts.values()))
    for question in DEMO_EVENT.guiding_questions:
        assert question[:40] in flat(texts["handout"])
    assert "Begrüßung und Einführung in die Fishbowl" in texts["handout"]
    assert "20 Min." in texts["handout"]
    assert "So funktioniert die Fishbowl" in texts["handout"]


def test_arabic_is_shaped(demo: Session, tmp_path: Path) -> None:
    text = export_all(demo, tmp_path)["attendees"]
    # Drawn joined (shaped) from the Arabic face, and read back as the letters typed, not as presentation forms
    # (issue 25, point 8: an organiser copies names into the funder's spreadsheet).
    arabic_line = next(line for line in text.splitlines() if any("\u0600" <= c <= "\u06ff" for c in line))
    assert not any("\ufe70" <= c <= "\ufeff" for c in text)
    words = unicodedata.normalize("NFKC", arabic_line).split()
    assert "ليلى" in words and "منصور" in words


def test_people_who_did_not_consent_never_appear(tmp_path: Path) -> None:
    clock = FakeClock()
    people = demo_participants()
    people.append(
        Participant(
            "pan-x",
            "Petra Privatmann",
            Role.PANELIST,
            "Geheimverein",
            "Geheime Bio",
            consent_to_list=False,
            notes="Geheime Notiz",
        )
    )
    people = [p.with_changes(notes="Nicht drucken") if p.id == "aud-10" else p for p in people]
    start = datetime(2026, 12, 3, 18, 40)
    log = [
        SpeechRecord("aud-10", 4, SeatKind.FREE, start, 95.0, 120.0, Role.AUDIENCE, "offen"),
        SpeechRecord("aud-06", 4, SeatKind.FREE, start, 80.0, 120.0, Role.AUDIENCE, "offen"),
        SpeechRecord("aud-02", 4, SeatKind.FREE, start, 60.0, 120.0, Role.AUDIENCE, "offen"),
    ]
    session = Session(clock, event=DEMO_EVENT, participants=people, log=log)
    texts = export_all(session, tmp_path)
    for kind, text in texts.items():
        for secret in ("Emre", "Kaya", "Γιώργος", "Παπαδόπουλος", "Petra", "Privatmann", "Geheim", "Nicht drucken"):
            assert secret not in text, (kind, secret)
    # Two log rows, and one row for all guests together in the time per person.
    assert flat(texts["report"]).count("Gast (nicht gelistet)") == 3
    # Notes on people are private, even for people who agreed to be listed.
    assert "Möchte zum Thema Wohnen sprechen." not in texts["report"]


def test_report_counts_turns_roles_groups_and_overtime(demo: Session, tmp_path: Path) -> None:
    text = flat(export_all(demo, tmp_path)["report"])
    assert "Redebeiträge 6" in text
    assert "Redezeit gesamt 15:37" in text  # 171+196+160+175+134+101 s
    assert "Beiträge vom freien Stuhl 2" in text
    assert "Podium 4 11:42 75 %" in text
    assert "Publikum 2 3:55 25 %" in text
    assert "FLINTA* 3 7:12" in text
    assert "18:44 Dr. Jonas Brückner Podium 2 3:16 +0:16" in text
    assert "Freier Stuhl 2:14 +0:14" in text


def test_running_turn_is_in_the_report_marked_as_running(demo: Session, clock: FakeClock, tmp_path: Path) -> None:
    demo.start_turn("aud-01")
    clock.advance(42)
    text = flat(export_all(demo, tmp_path)["report"])
    assert "Nguyễn Thị Hương Freier Stuhl 0:42 (läuft noch)" in text
    assert "Redebeiträge 7" in text


def test_markup_like_text_prints_literally(tmp_path: Path) -> None:
    event = Event(
        title="<i>Abend</i> & Co",
        organiser="A&amp;B",
        description="<script>alert(1)</script>",
        report_notes="<br/>Notiz & mehr",
    )
    people = [
        Participant(
            "m", "<b>Ali & Co</b>", Role.PANELIST, "<font size=40>Org</font>", "Bio &lt;3", consent_to_list=True
        ),
    ]
    log = [SpeechRecord("m", 0, SeatKind.PANEL, datetime(2026, 1, 1, 19), 10, 180, Role.PANELIST)]
    texts = export_all(Session(FakeClock(), event=event, participants=people, log=log), tmp_path)
    for text in texts.values():
        assert "<b>Ali & Co</b>" in text
        assert "<i>Abend</i> & Co" in text
    assert "<script>alert(1)</script>" in texts["handout"]
    assert "A&amp;B" in texts["handout"]
    assert "<font size=40>Org</font>" in flat(texts["attendees"])  # the organisation column may wrap it
    assert "Bio &lt;3" in texts["handout"]
    assert "<br/>Notiz & mehr" in texts["report"]


def test_long_names_wrap_inside_their_cells(tmp_path: Path) -> None:
    long_words = ("Maximiliane-" * 25)[:300]
    spaced = " ".join(["Wohnungsbaugenossenschaft"] * 12)[:300]
    people = [
        Participant("a", long_words, consent_to_list=True, organisation=spaced),
        Participant("b", "Kurz Name", consent_to_list=True, organisation="X" * 300),
    ]
    session = Session(FakeClock(), event=Event(title="Lang"), participants=people)
    out = tmp_path / "long.pdf"
    assert export_pdf(session, "attendees", out, blank_rows=0) == 1
    text = re.sub(r"\s+", "", pages_text(out)[0])
    # Every character is on the page (nothing cut off at the cell edge) and the rows stay in order.
    assert long_words.replace(" ", "") in text
    assert spaced.replace(" ", "") in text
    assert "X" * 300 in text
    assert text.index("Maximiliane") < text.index("KurzName")


@pytest.mark.parametrize("column", ["organisation", "residence"])
def test_a_long_word_in_the_organisation_column_is_not_cut(tmp_path: Path, column: str) -> None:
    """German compounds are long: "Wohnungsgenossenschaft" printed as "Wohnungsgenossensc" / "haft" reads as
    a typo on the sheet the organisers hand round. The cell's text gets smaller until its longest word fits."""
    long_word = "Wohnungsgenossenschaft"
    text = f"{long_word} Hannover-Linden"
    person = Participant("a", "Jana Brandt", consent_to_list=True)
    person = replace(person, organisation=text) if column == "organisation" else replace(person, residence=text)
    session = Session(FakeClock(), event=Event(title="Lang"), participants=[person])
    out = tmp_path / "org.pdf"
    assert export_pdf(session, "attendees", out, options=PrintOptions(reserve_rows=0, extra_column=column)) == 1
    lines = pages_text(out)[0].splitlines()
    assert any(long_word in line for line in lines), [line for line in lines if "Wohnung" in line or "haft" in line]
    assert any("Hannover-Linden" in line for line in lines)


def test_empty_optional_fields_leave_no_empty_labels(tmp_path: Path) -> None:
    people = [Participant("p", "Nur Name", Role.PANELIST, consent_to_list=True)]
    texts = export_all(Session(FakeClock(), event=Event(title="Nur ein Titel"), participants=people), tmp_path)
    lines = [line.strip() for text in texts.values() for line in text.splitlines()]
    for label in ("Wann", "Wo", "Veranstaltet von", "Leitfragen", "Ablauf", "Notizen der Moderation"):
        assert label not in lines
    assert "Nur Name" in texts["handout"]


def test_english_event_speaks_english(tmp_path: Path) -> None:
    session = demo_session(FakeClock())
    session.set_event(DEMO_EVENT.with_changes(language="en", agenda=(AgendaItem("Welcome", 10),)))
    texts = export_all(session, tmp_path)
    assert "How the fishbowl works" in texts["handout"]
    assert "10 min" in texts["handout"]
    assert "Attendee sheet" in texts["attendees"] and "Signature" in texts["attendees"]
    assert "Speech log" in texts["report"] and "Free chair" in texts["report"]
    assert "Page 1 of " in texts["report"]


def test_pdf_metadata_names_event_and_organiser(demo: Session, tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    export_pdf(demo, "attendees", out)
    meta = PdfReader(out).metadata
    assert meta is not None
    assert meta.title == f"Teilnahmeliste: {DEMO_EVENT.title}"
    assert meta.author == "Stadtteilforum Hainholz"
    assert meta.subject == "Teilnahmeliste"


def test_attendee_sheet_sorted_by_surname_with_blank_rows(demo: Session, tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    pages = export_pdf(demo, "attendees", out, blank_rows=4)
    text = "\n".join(pages_text(out))
    # By family name (DIN 5007): Nguyễn Thị Hương under N, no longer under H; Öztürk among the O names.
    order = [
        "Al-Sayed",
        "Brückner",
        "Çelik",
        "Demir",
        "Haddad",
        "Möller",
        "Ngo",
        "Nguyễn",
        "Öztürk",
        "Schäfer",
        "Weiß",
        "Wiśniewska",
        "Yılmaz",
        "Кузнецова",
    ]
    positions = [text.index(name) for name in order]
    assert positions == sorted(positions)
    listed = sum(p.consent_to_list for p in demo.participants)
    unlisted = len(demo.participants) - listed
    numbers = [int(n) for n in re.findall(r"^(\d+)\s*$", text, flags=re.MULTILINE)]
    # A row for everyone not printed by name, plus the reserve of 4: walk-in rows, numbered on.
    assert unlisted == 2
    assert numbers[-(unlisted + 4) :] == list(range(listed + 1, listed + unlisted + 5))
    assert f"Seite {pages} von {pages}" in text


@pytest.mark.parametrize("blank_rows", [0, 25])
def test_thousand_attendees_repeat_header_and_fill_pages_evenly(tmp_path: Path, blank_rows: int) -> None:
    people = [Participant(f"p{i}", f"Gast{i:04d} Öztürk{i:04d}", consent_to_list=True) for i in range(1000)]
    session = Session(FakeClock(), event=DEMO_EVENT, participants=people)
    out = tmp_path / "big.pdf"
    pages = export_pdf(session, "attendees", out, blank_rows=blank_rows)
    texts = pdftotext_pages(out)
    assert len(texts) == pages
    per_page = [len(re.findall(r"Gast\d{4}", t)) for t in texts]
    rows_per_page = per_page[0]
    # Rows at least 9 mm tall: an A4 page cannot hold more than ~28 of them under the header.
    assert 15 <= rows_per_page <= 28
    assert pages == math.ceil((1000 + blank_rows) / rows_per_page)
    assert all(n == rows_per_page for n in per_page[: 1000 // rows_per_page])
    assert sum(per_page) == 1000
    for number, text in enumerate(texts, start=1):
        assert "Unterschrift" in text and "Organisation" in text  # the heading row, on every page
        assert DEMO_EVENT.title in flat(text)
        assert f"Seite {number} von {pages}" in text
    # The last row number, at the start of its line (pdftotext may put a name spanning both name columns after it).
    assert re.search(rf"^{1000 + blank_rows}(\s|$)", texts[-1], flags=re.MULTILINE)
