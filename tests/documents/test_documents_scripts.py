"""Every script on paper: the shipped faces, their licences, and hard names read back from all three PDFs."""

from __future__ import annotations

import re
import shutil
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from fishbowl_desktop.documents import TYPST_KINDS, PrintOptions, UnprintableText, export_pdf
from fishbowl_desktop.documents.glyphs import missing_characters
from fishbowl_desktop.font_catalogue import FACES, Face, font_files, licence_problems, paper_font_files
from fishbowl_desktop.model import FakeClock, Participant, Role, SeatKind, Session, SpeechRecord
from fishbowl_desktop.model.demo import DEMO_EVENT
from fishbowl_desktop.resources import resources_dir
from helpers.hard_names import HARD_NAMES, SHAPED_SCRIPTS
from helpers.pdf_text import pdfium_pages, pdftotext_pages

FONTS = resources_dir() / "fonts"


# ---------------------------------------------------------------------- shipped fonts and licences
@pytest.mark.parametrize("face", FACES, ids=[f.key for f in FACES])
def test_every_shipped_font_is_there_with_its_licence(face: Face) -> None:
    for filename in (face.regular, face.bold):
        assert (FONTS / filename).is_file(), filename
        assert (FONTS / filename).read_bytes()[:4] in (b"\x00\x01\x00\x00", b"true"), "TrueType outlines"
    licence = (FONTS / face.licence).read_text("utf-8")
    assert re.search(r"Open Font License|Apache License|Bitstream Vera", licence), face.licence


def test_no_font_is_shipped_without_a_licence_entry() -> None:
    assert {p.name for p in FONTS.glob("*.[ot]tf")} == paper_font_files()
    assert font_files() <= paper_font_files()  # the screen's faces are a part of the paper's
    assert licence_problems(FONTS) == []


def test_a_missing_licence_file_is_named(tmp_path: Path) -> None:
    copy = tmp_path / "fonts"
    shutil.copytree(FONTS, copy)
    (copy / "Nanum-LICENSE.txt").unlink()
    (copy / "Noto-LICENSE.txt").write_text("", "utf-8")
    problems = "\n".join(licence_problems(copy))
    assert "Nanum-LICENSE.txt" in problems and "NanumGothic.ttf" in problems
    assert "Noto-LICENSE.txt" in problems


def test_each_script_gets_one_face_for_the_whole_name(tmp_path: Path) -> None:
    """Every hard name is drawn by a shipped face; Typst picks the face per cluster, so Arabic stays joined and
    Indic conjuncts whole, and a mixed name draws each script from its own face."""
    for script, given, family in HARD_NAMES:
        assert missing_characters(f"{given} {family}") == [], script
    people = [Participant("m", "Li Wei 李伟 Kim 김민준", consent_to_list=True)]
    out = tmp_path / "mixed.pdf"
    export_pdf(Session(FakeClock(), event=DEMO_EVENT, participants=people), "attendees", out)
    fonts = _embedded_fonts(out)
    for face in ("DejaVuSans", "DroidSansFallback", "NanumGothic"):
        assert any(face in f for f in fonts), (face, fonts)
    assert " Li Wei 李伟 Kim 김민준 " in _normalised("\n".join(pdftotext_pages(out)))  # it may wrap


# ---------------------------------------------------------------------- hard names in all three PDFs
def _hard_session() -> Session:
    people = [Participant("mod", "Katharina Weiß", Role.MODERATOR, consent_to_list=True)]
    log = []
    start = datetime(2026, 12, 3, 18, 40)
    for n, (script, given, family) in enumerate(HARD_NAMES):
        role = Role.PANELIST if n < 6 else Role.AUDIENCE
        people.append(
            Participant(
                f"p{n}",
                f"{given} {family}",
                role,
                organisation=f"Verein {script}",
                consent_to_list=True,
                family_name=family,
                given_names=given,
            )
        )
        log.append(SpeechRecord(f"p{n}", 5, SeatKind.FREE, start + timedelta(minutes=3 * n), 60.0, 120.0, role))
    for n in range(6):  # panelists on the handout
        people[n + 1] = people[n + 1].with_changes(bio="Forscht zu Stadt und Migration.")
    return Session(FakeClock(), event=DEMO_EVENT, participants=people, log=log)


def _normalised(text: str) -> str:
    """Extracted text as one line of words with a space at both ends: NFC (as the names were typed), nothing
    else folded, so `f" {name} " in text` finds a whole name only."""
    return " " + re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)) + " "


def _embedded_fonts(path: Path) -> set[str]:
    names = set()
    for page in PdfReader(path).pages:
        resources = page["/Resources"]
        assert isinstance(resources, DictionaryObject)
        fonts = resources.get("/Font", {})
        for ref in fonts.values():
            names.add(str(ref.get_object()["/BaseFont"]).split("+")[-1])
    return names


@pytest.mark.parametrize("kind", ["handout", "attendees", "report"])
def test_hard_names_in_every_script_print_on_every_document(kind: str, tmp_path: Path) -> None:
    """Every name comes back from pdftotext as typed (NFC), as whole words. Two exceptions, each checked exactly
    another way: poppler writes no space between two Han characters (it infers spaces from gaps; PDFium reads
    the space the PDF has), and the Persian name's zero-width non-joiner, which the PDF itself gets wrong
    (tests/documents/test_complex_scripts_text.py, a strict expected failure that names it)."""
    out = tmp_path / f"{kind}.pdf"
    export_pdf(_hard_session(), kind, out)
    assert kind in TYPST_KINDS
    text = _normalised("\n".join(pdftotext_pages(out, runs_apart=True)))
    fonts = _embedded_fonts(out)
    names = list(HARD_NAMES[:6]) if kind == "handout" else HARD_NAMES
    for script, given, family in names:
        if script in SHAPED_SCRIPTS:
            assert any(script.title() in f for f in fonts), (script, fonts)
        if script == "persian":
            assert f" {given} " in text, (kind, script)  # the family name: test_complex_scripts_text.py
        elif kind == "attendees":  # family and given names in cells of their own
            assert f" {family} " in text and f" {given} " in text, (kind, script)
        elif script == "chinese":
            assert f" {given}{family} " in text, (kind, script)  # poppler: no space between Han characters
            assert f" {given} {family} " in _normalised("\n".join(pdfium_pages(out))), (kind, script)
        else:
            assert f" {given} {family} " in text, (kind, script)
    if kind != "handout":
        for face in ("DroidSansFallback", "NanumGothic", "NotoSansThai", "NotoSansEthiopic", "NotoSansArabic"):
            assert any(face in f for f in fonts), face
    assert not any("Helvetica" in f for f in fonts)


# ---------------------------------------------------------------------- what still cannot be drawn
def test_a_character_no_face_has_names_the_person_and_the_rest_can_be_printed(tmp_path: Path) -> None:
    people = [
        Participant("a", "Lena 🎉 Schmidt", consent_to_list=True),
        Participant("b", "🎉🐉", consent_to_list=True),
        Participant("c", "张伟", consent_to_list=True),
    ]
    session = Session(FakeClock(), event=DEMO_EVENT, participants=people)
    out = tmp_path / "sheet.pdf"
    with pytest.raises(UnprintableText) as caught:
        export_pdf(session, "attendees", out)
    assert dict(caught.value.problems) == {"Lena 🎉 Schmidt": "🎉", "🎉🐉": "🎉🐉"}
    assert not out.exists()
    export_pdf(session, "attendees", out, options=PrintOptions(print_anyway=True))
    text = "\n".join(page.extract_text() or "" for page in PdfReader(out).pages)
    assert "Lena □ Schmidt" in re.sub(r"\s+", " ", text)  # a visible placeholder, never a silent gap (issue 25)
    assert "□□" in re.sub(r"\s+", " ", text) and "张伟" in text  # not a made-up “(Name nicht druckbar)” either
    assert "🎉" not in text


def test_the_refusal_survives_the_trip_back_from_a_worker_process() -> None:
    import pickle

    from fishbowl_desktop.documents import document_source, render_pdf

    session = Session(FakeClock(), event=DEMO_EVENT, participants=[Participant("a", "Lena 🎉", consent_to_list=True)])
    with pytest.raises(UnprintableText) as caught:
        render_pdf(
            pickle.loads(pickle.dumps(document_source(session))),
            "attendees",
            options=pickle.loads(pickle.dumps(PrintOptions(reserve_rows=1))),
        )
    back = pickle.loads(pickle.dumps(caught.value))
    assert isinstance(back, UnprintableText) and back.problems == (("Lena 🎉", "🎉"),)
    assert str(back) == str(caught.value)
