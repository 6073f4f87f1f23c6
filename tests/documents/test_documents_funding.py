"""What a funder reads on paper: the sign-in sheet's header, columns, empty rows and notice; the report."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PageObject, PdfReader
from pypdf.generic import DictionaryObject

from fishbowl_desktop.documents import PrintOptions, export_pdf
from fishbowl_desktop.model import FakeClock, Participant, Role, SeatKind, Session, SpeechRecord
from fishbowl_desktop.model.demo import DEMO_EVENT, demo_session

ROW_HEIGHT = 9.5 / 25.4 * 72
"""At least 9.5 mm: room for a signature."""


def pages(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _crowd(n: int, unlisted_every: int = 10) -> Session:
    people = [
        Participant(
            f"p{i}",
            f"Given{i:04d} Family{i:04d}",
            consent_to_list=i % unlisted_every != 0,
            family_name=f"Family{i:04d}",
            given_names=f"Given{i:04d}",
            residence=f"3016{i % 10}",
            organisation=f"Org{i:04d}",
        )
        for i in range(n)
    ]
    return Session(FakeClock(), event=DEMO_EVENT, participants=people)


# ---------------------------------------------------------------------- the sheet
def test_every_page_carries_organiser_programme_funding_reference_and_the_notice(tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    export_pdf(_crowd(120), "attendees", out)
    texts = pages(out)
    assert len(texts) >= 4
    for number, text in enumerate(texts, start=1):
        text = flat(text)
        for expected in (
            "Teilnahmeliste",
            DEMO_EVENT.title,
            "Donnerstag, 3. Dezember 2026, 18:30–20:30 Uhr",
            "Unter einem Dach",
            "Veranstalter: Stadtteilforum Hainholz",
            "Projekt: Partnerschaft für Demokratie Hannover (Beispiel)",
            "Förderkennzeichen: PfD-HAN-2026-017 (Beispiel)",
            "Familienname",
            "Vorname(n)",
            "Organisation",
            "Unterschrift",
            "Datenschutz (Art. 13 DSGVO): Verantwortlich ist Stadtteilforum Hainholz",
            "Auskunft, Berichtigung, Löschung",
            f"Seite {number} von {len(texts)}",
        ):
            assert expected in text, (number, expected)


def test_empty_rows_are_the_unlisted_people_plus_the_reserve(tmp_path: Path) -> None:
    session = _crowd(1000)  # every tenth person did not agree to be listed: 100 of them
    out = tmp_path / "sheet.pdf"
    export_pdf(session, "attendees", out, options=PrintOptions(reserve_rows=15))
    text = "\n".join(pages(out))
    assert len(re.findall(r"Family\d{4}", text)) == 900
    assert "Family0000" not in text and "Family0010" not in text  # not listed: never printed
    numbers = [int(n) for n in re.findall(r"^(\d+)\s*$", text, flags=re.MULTILINE)]
    assert max(numbers) == 900 + 100 + 15


def _strokes(path: Path) -> list[tuple[float, float, float, float]]:
    """Every straight stroke on page 1 as (x, y, dx, dy) in points, read from the page's drawing commands."""
    data = PdfReader(path).pages[0].get_contents().get_data().decode("latin-1")  # type: ignore[union-attr]
    pattern = r"q 1 0 0 -1 ([\d.]+) ([\d.]+) cm[^Q]*?0 0 m ([\d.]+) ([\d.]+) l\s*S"
    return [tuple(float(v) for v in m) for m in re.findall(pattern, data)]  # type: ignore[misc]


def test_empty_rows_keep_their_column_lines(tmp_path: Path) -> None:
    """Every cell of an empty row is boxed, so a walk-in writes family name, given name and signature apart."""
    out = tmp_path / "sheet.pdf"
    export_pdf(_crowd(3, unlisted_every=1), "attendees", out, options=PrintOptions(reserve_rows=2))
    strokes = _strokes(out)
    columns = [(x, y, dy) for x, y, dx, dy in strokes if dx == 0 and dy > 0]
    top, height = columns[0][1], columns[0][2]  # the strokes are drawn downwards from the table's top
    rows = sorted({round(y, 1) for x, y, dx, dy in strokes if dy == 0 and dx > 400 and top >= y >= top - height - 1})
    assert len(rows) == 1 + 1 + 3 + 2  # over and under the heading, three unlisted people's rows, the reserve
    assert all(b - a >= ROW_HEIGHT - 0.1 for a, b in zip(rows[:-2], rows[1:-1], strict=True))
    # Every column line runs down every row: between number, family, given, organisation and signature (and
    # the frame at the left and right edges).
    assert len(columns) == 4 + 2 and all(c[2] == height and c[1] == top for c in columns)


def test_family_names_sort_by_din_5007(tmp_path: Path) -> None:
    people = [
        Participant("a", "Nguyễn Thị Hương", consent_to_list=True, family_name="Nguyễn", given_names="Thị Hương"),
        Participant("b", "Şule Öztürk", consent_to_list=True, family_name="Öztürk", given_names="Şule"),
        Participant("c", "Anna Ostermann", consent_to_list=True, family_name="Ostermann", given_names="Anna"),
        Participant("d", "Hans Haber", consent_to_list=True, family_name="Haber", given_names="Hans"),
        Participant("e", "Peter Nadler", consent_to_list=True),  # never split: filed by the last word
    ]
    out = tmp_path / "sheet.pdf"
    export_pdf(Session(FakeClock(), event=DEMO_EVENT, participants=people), "attendees", out)
    text = "\n".join(pages(out))
    order = ["Haber", "Peter Nadler", "Nguyễn", "Ostermann", "Öztürk"]
    assert [text.index(name) for name in order] == sorted(text.index(name) for name in order)


@pytest.mark.parametrize(
    ("column", "heading", "value"),
    [
        ("organisation", "Organisation", "Org0001"),
        ("residence", "Wohnort / PLZ", "30161"),
        ("none", None, None),
    ],
)
def test_the_column_of_the_organisers_choice(
    tmp_path: Path, column: str, heading: str | None, value: str | None
) -> None:
    out = tmp_path / "sheet.pdf"
    export_pdf(_crowd(5), "attendees", out, options=PrintOptions(extra_column=column))
    text = pages(out)[0]
    for other in ("Organisation\n", "Wohnort / PLZ"):
        if heading is None or other.strip() != heading:
            assert other not in text.replace("Veranstalter", "")
    if heading is not None and value is not None:
        assert heading in text and value in text


def test_an_own_privacy_notice_and_the_english_default(tmp_path: Path) -> None:
    session = _crowd(3)
    session.set_event(DEMO_EVENT.with_changes(privacy_notice="Verantwortlich: Verein X, datenschutz@x.example"))
    out = tmp_path / "sheet.pdf"
    export_pdf(session, "attendees", out)
    assert "Verantwortlich: Verein X, datenschutz@x.example" in flat(pages(out)[0])
    assert "Art. 13 DSGVO" not in pages(out)[0]
    session.set_event(DEMO_EVENT.with_changes(language="en", organiser=""))
    export_pdf(session, "attendees", out)
    text = flat(pages(out)[0])
    # No organiser: the default names no one, so it leaves a line to write the controller in (issue 25, point 3).
    assert "Data protection (Art. 13 GDPR): The controller is (please fill in): ____" in text
    assert "Family name" in text and "Given name(s)" in text


def test_one_sheet_per_person_shows_no_one_elses_name(tmp_path: Path) -> None:
    session = _crowd(6)  # p0 is not listed: five named sheets, and one empty one for p0
    out = tmp_path / "sheets.pdf"
    count = export_pdf(session, "attendees", out, options=PrintOptions(one_sheet_per_person=True, reserve_rows=2))
    texts = pages(out)
    assert count == len(texts) == 5 + 1 + 2
    for text in texts[:5]:
        assert len(re.findall(r"Family\d{4}", text)) == 1
        assert "Förderkennzeichen" in text and "Unterschrift" in text
    for text in texts[5:]:
        assert not re.findall(r"Family\d{4}", text)


def test_a_version_1_session_prints_names_whole(tmp_path: Path) -> None:
    """Old files know no family names: nothing is guessed, the whole name stands in the family column."""
    people = [Participant("a", "Nguyễn Thị Hương", consent_to_list=True)]
    out = tmp_path / "sheet.pdf"
    export_pdf(Session(FakeClock(), event=DEMO_EVENT, participants=people), "attendees", out)
    assert "Nguyễn Thị Hương" in flat(pages(out)[0])


# ---------------------------------------------------------------------- the report
def test_report_has_what_a_funder_asks_for(tmp_path: Path) -> None:
    session = demo_session(FakeClock())
    out = tmp_path / "report.pdf"
    export_pdf(session, "report", out)
    text = flat("\n".join(pages(out)))
    for expected in (
        "Veranstalter: Stadtteilforum Hainholz",
        "Projekt: Partnerschaft für Demokratie Hannover",
        "Förderkennzeichen: PfD-HAN-2026-017",
        "Donnerstag, 3. Dezember 2026",
        "Unter einem Dach",
        "Ablauf",
        "Begrüßung und Einführung in die Fishbowl (10 Min.)",
        "Leitfragen",
        DEMO_EVENT.guiding_questions[0],
        "Angemeldete Personen 17",
        "Davon namentlich gelistet 15",
        "Nicht namentlich gelistet 2",
        "Redezeit nach Person",
        "Redezeit nach Rolle",
        "Redezeit nach Gruppe",
        "Datum",
        "03.12.2026 18:40 Prof. Dr. Şule Öztürk",
    ):
        assert expected in text, expected


def test_accidental_short_turns_are_marked_and_left_out(tmp_path: Path) -> None:
    people = [Participant("a", "Ayşe Demir", consent_to_list=True), Participant("g", "Gizli", consent_to_list=False)]
    start = datetime(2026, 12, 3, 23, 58)
    log = [
        SpeechRecord("a", 4, SeatKind.FREE, start, 90.0, 120.0, Role.AUDIENCE, "x"),
        SpeechRecord("a", 4, SeatKind.FREE, start + timedelta(minutes=2), 2.0, 120.0, Role.AUDIENCE, "x"),
        SpeechRecord("g", 4, SeatKind.FREE, start + timedelta(minutes=3), 30.0, 120.0, Role.AUDIENCE, "x"),
    ]
    session = Session(FakeClock(), event=DEMO_EVENT, participants=people, log=log)
    out = tmp_path / "report.pdf"
    export_pdf(session, "report", out)
    text = flat("\n".join(pages(out)))
    assert "Redebeiträge 2" in text and "Redezeit gesamt 2:00" in text  # the 2-second turn is not counted
    assert "0:02 (versehentlich)" in text
    assert "Kurze Beiträge (unter 5 s) gelten als versehentlich" in text
    assert "Ayşe Demir 1 1:30" in text and "Gast (nicht gelistet) 1 0:30" in text  # per person, consent kept
    assert "Gizli" not in text
    assert "03.12.2026 23:58" in text and "04.12.2026 00:01" in text  # past midnight: the date says so
    export_pdf(session, "report", out, options=PrintOptions(short_turn_seconds=0))
    assert "Redebeiträge 3" in flat("\n".join(pages(out)))


def _page_fonts(page: PageObject) -> list[Any]:
    resources = page["/Resources"]
    assert isinstance(resources, DictionaryObject)
    fonts = resources["/Font"]
    assert isinstance(fonts, DictionaryObject)
    return list(fonts.values())


# ---------------------------------------------------------------------- the handout
def test_handout_page_one_explains_the_fishbowl_and_photos(tmp_path: Path) -> None:
    out = tmp_path / "handout.pdf"
    export_pdf(demo_session(FakeClock()), "handout", out)
    first = flat(pages(out)[0])
    assert "So funktioniert die Fishbowl" in first and "freie Stuhl" in first
    assert "Fotos und Datenschutz:" in first
    fonts = {str(ref.get_object()["/BaseFont"]) for page in PdfReader(out).pages for ref in _page_fonts(page)}
    assert not any("Helvetica" in f for f in fonts), fonts


def test_the_command_line_offers_the_same_choices(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from fishbowl_desktop.cli import run_cli
    from fishbowl_desktop.storage import save_session

    session = _crowd(4)
    session.add_participant(Participant("e", "Lena 🎉", consent_to_list=True))
    path = tmp_path / "s.json"
    save_session(session, path)
    out = tmp_path / "sheet.pdf"
    assert run_cli(["export-pdf", str(path), "--kind", "attendees", "-o", str(out)]) == 1
    assert "U+1F389" in capsys.readouterr().err and not out.exists()
    assert (
        run_cli(
            [
                "export-pdf",
                str(path),
                "--kind",
                "attendees",
                "-o",
                str(out),
                "--print-anyway",
                "--column",
                "residence",
                "--reserve-rows",
                "3",
            ]
        )
        == 0
    )
    text = pages(out)[0]
    assert "Wohnort / PLZ" in text and max(_numbers_of(text)) == 4 + 3 + 1  # p0 is not listed


def _numbers_of(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"^(\d{1,3})\s*$", text, flags=re.MULTILINE)]


def test_a_privacy_notice_too_long_for_the_page_is_a_clear_message(tmp_path: Path) -> None:
    from fishbowl_desktop.model import FishbowlError

    session = _crowd(3)
    session.set_event(DEMO_EVENT.with_changes(privacy_notice="Datenschutz ist uns wichtig. " * 300))
    out = tmp_path / "sheet.pdf"
    with pytest.raises(FishbowlError, match="shorten the privacy notice"):
        export_pdf(session, "attendees", out)
    assert not out.exists()
    session.set_event(DEMO_EVENT.with_changes(privacy_notice="Datenschutz ist uns wichtig. " * 40))
    assert export_pdf(session, "attendees", out) >= 1
