"""Issue 25, point 10, read from the PDF itself: a right-to-left name stands at its cell's right edge, and a name
that starts in Arabic with a Latin part reads with a right-to-left base (the Latin part on its left).

Positions come from PDFium's character boxes (pypdfium2), the same reader tests/helpers/pdf_text.py offers."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from fishbowl_desktop.documents import export_pdf
from fishbowl_desktop.model import FakeClock, Participant, Role, SeatKind, Session, SpeechRecord
from fishbowl_desktop.model.demo import DEMO_EVENT

pypdfium2 = pytest.importorskip("pypdfium2", reason="pypdfium2 (the tests' second PDF reader) is not installed")


def _boxes(path: Path) -> list[tuple[str, float, float]]:
    """(character, left, right) of every character on the first page, in points."""
    document = pypdfium2.PdfDocument(str(path))
    try:
        text = document[0].get_textpage()
        out = []
        for i in range(text.count_chars()):
            left, _bottom, right, _top = text.get_charbox(i)
            out.append((text.get_text_range(i, 1), left, right))
        return out
    finally:
        document.close()


def _extent(boxes: list[tuple[str, float, float]], word: str) -> tuple[float, float]:
    """Leftmost and rightmost x of the first occurrence of `word` (PDFium may list a right-to-left word's
    characters in either order)."""
    chars = "".join(char for char, _, _ in boxes)
    at = chars.find(word)
    at = at if at >= 0 else chars.find(word[::-1])
    assert at >= 0, word
    found = [(left, right) for char, left, right in boxes[at : at + len(word)] if not char.isspace()]
    return min(left for left, _ in found), max(right for _, right in found)


def _left_of(boxes: list[tuple[str, float, float]], text: str) -> float:
    return _extent(boxes, text)[0]


def test_a_right_to_left_name_stands_at_its_cells_right_edge(tmp_path: Path) -> None:
    people = [
        Participant("a", "Ahmad Al-Sayed", consent_to_list=True, family_name="Al-Sayed", given_names="Ahmad"),
        Participant("b", "ليلى منصور", consent_to_list=True, family_name="منصور", given_names="ليلى"),
    ]
    out = tmp_path / "sheet.pdf"
    export_pdf(Session(FakeClock(), event=DEMO_EVENT, participants=people), "attendees", out)
    boxes = _boxes(out)
    family_column, given_column = _left_of(boxes, "Familienname"), _left_of(boxes, "Vorname(n)")
    latin_left, _ = _extent(boxes, "Al-Sayed")
    arabic_left, arabic_right = _extent(boxes, "منصور")
    assert abs(latin_left - family_column) < 2  # a left-to-right name starts where the heading starts
    assert given_column - 12 < arabic_right < given_column  # a right-to-left one ends at the cell's right edge
    assert arabic_left - family_column > 20


def test_a_name_that_starts_in_arabic_reads_right_to_left_with_its_latin_part_on_the_left(tmp_path: Path) -> None:
    person = Participant("a", "أحمد Müller", consent_to_list=True)
    log = [SpeechRecord("a", 5, SeatKind.FREE, datetime(2026, 12, 3, 18, 40), 90.0, 120.0, Role.AUDIENCE)]
    out = tmp_path / "report.pdf"
    export_pdf(Session(FakeClock(), event=DEMO_EVENT, participants=[person], log=log), "report", out)
    boxes = _boxes(out)
    latin_left, latin_right = _extent(boxes, "Müller")
    arabic_left, _ = _extent(boxes, "أحمد")
    assert latin_right < arabic_left, (latin_left, latin_right, arabic_left)
