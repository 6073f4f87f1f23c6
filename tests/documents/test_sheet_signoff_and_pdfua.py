"""Issue 25 on the attendee sheet: the lead signs it off, it leaves lines for what is missing, its privacy
notice names the controller's contacts, every name in 30 scripts comes back as typed, and it is PDF/UA."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any, cast

import pytest
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject

from fishbowl_desktop.documents import PrintOptions, export_pdf
from fishbowl_desktop.model import Event, FakeClock, Participant, Session
from fishbowl_desktop.model.demo import DEMO_EVENT, demo_session
from helpers.pdf_text import pdftotext_pages

NAMES_30 = [
    ("Thị Hương", "Nguyễn"),
    ("İbrahim", "Çağlayan-Öztürkoğlu"),
    ("Ольга", "Кузнецова"),
    ("Γιώργος", "Παπαδόπουλος"),
    ("Անահիտ", "Պետրոսյան"),
    ("ნინო", "ბერიძე"),
    ("ليلى", "منصور"),
    ("عمران", "یوسفزے"),
    ("ܐܦܪܝܡ", "ܒܪܨܘܡܐ"),
    ("देवेंद्र", "शर्मा"),
    ("রহিম", "উদ্দিন"),
    ("ਹਰਪ੍ਰੀਤ", "ਸਿੰਘ"),
    ("કિરણ", "પટેલ"),
    ("முருகன்", "செல்வம்"),
    ("శ్రీనివాస్", "రెడ్డి"),
    ("ಮಂಜುನಾಥ", "ಗೌಡ"),
    ("ശ്രീലക്ഷ്മി", "നായർ"),
    ("කුමාර", "පෙරේරා"),
    ("สมชาย", "ใจดี"),
    ("אברהם", "כהן"),
    ("အောင်", "ကျော်"),
    ("ᠪᠠᠲᠤ", "ᠳᠣᠷᠵᠢ"),
    ("ተስፋዬ", "በቀለ"),
    ("ᏌᏊ", "ᎦᏙᎯ"),
    ("伟", "张"),
    ("太郎", "𠮷田"),
    ("민준", "김"),
    ("はなこ", "山田"),
    ("Jürgen", "Weiß-Möller"),
    ("Małgorzata", "Wiśniewska"),
]
"""Thirty scripts (with Latin and CJK twice), each name exact from pdftotext. The scripts it does not give back as
typed are in tests/documents/test_complex_scripts_text.py: Tibetan and Odia (exact from PDFium; poppler puts a space
inside a cluster) and the names the PDF itself gets wrong (Hebrew with points, Thaana, Khmer, Lao, a Persian
zero-width non-joiner: strict expected failures)."""


def _session(people: list[tuple[str, str]], event: Event = DEMO_EVENT) -> Session:
    return Session(
        FakeClock(),
        event=event,
        participants=[
            Participant(f"p{i}", f"{g} {f}", consent_to_list=True, family_name=f, given_names=g)
            for i, (g, f) in enumerate(people)
        ],
    )


def test_every_name_in_thirty_scripts_comes_back_from_pdftotext_as_typed(tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    export_pdf(_session(NAMES_30), "attendees", out)
    lines = {line.strip() for page in pdftotext_pages(out) for line in page.splitlines()}
    missing = [
        part
        for given, family in NAMES_30
        for part in (given, family)
        if unicodedata.normalize("NFC", part) not in lines
    ]
    assert missing == []


def test_the_lead_signs_off_on_the_last_page_or_on_every_page(tmp_path: Path) -> None:
    people = [(f"Vorname{i}", f"Familie{i:03d}") for i in range(60)]
    out = tmp_path / "sheet.pdf"
    export_pdf(_session(people), "attendees", out)
    pages = [re.sub(r"\s+", " ", p) for p in pdftotext_pages(out)]
    assert len(pages) >= 3
    for words in ("Richtigkeit bestätigt", "Teilnehmende insgesamt", "geschätzt", "Ort, Datum"):
        assert words in pages[-1] and all(words not in p for p in pages[:-1]), words
    assert "Name der Veranstaltungsleitung" in pages[-1] and "Unterschrift der Veranstaltungsleitung" in pages[-1]
    export_pdf(_session(people), "attendees", out, options=PrintOptions(signoff_every_page=True))
    assert all("Richtigkeit bestätigt" in re.sub(r"\s+", " ", p) for p in pdftotext_pages(out))


def test_all_rows_blank_prints_no_name_but_a_row_for_everyone(tmp_path: Path) -> None:
    people = [(f"Vorname{i}", f"Familie{i:03d}") for i in range(12)]
    out = tmp_path / "sheet.pdf"
    export_pdf(_session(people), "attendees", out, options=PrintOptions(all_rows_blank=True, reserve_rows=3))
    text = "\n".join(pdftotext_pages(out))
    assert "Familie0" not in text and "Vorname0" not in text
    assert re.search(r"^15\s*$", text, flags=re.MULTILINE) and not re.search(r"^16\s*$", text, flags=re.MULTILINE)


def test_an_empty_date_place_or_organiser_gets_a_line_and_a_warning(tmp_path: Path) -> None:
    session = _session([("Anna", "Ostermann")], Event(title="Abend ohne Angaben"))
    out = tmp_path / "sheet.pdf"
    export_pdf(session, "attendees", out)
    text = re.sub(r"\s+", " ", "\n".join(pdftotext_pages(out)))
    assert "Datum:" in text and "Ort:" in text and "Veranstalter:" in text
    assert "Verantwortlich ist (bitte eintragen)" in text and "Verantwortlich ist der Veranstalter" not in text
    from fishbowl_desktop.storage import save_session

    save_session(session, tmp_path / "s.json")
    run = subprocess.run(
        [sys.executable, "-m", "fishbowl_desktop", "export-pdf", str(tmp_path / "s.json"), "--kind", "attendees"]
        + ["-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    for field in ("kein Datum", "keinen Ort", "keinen Veranstalter"):  # a German evening: its warnings in German
        assert field in run.stderr


@pytest.mark.parametrize(("kind", "basis"), [("association", "lit. f"), ("public_body", "lit. e")])
def test_the_default_notice_names_contacts_basis_objection_and_what_follows(
    kind: str, basis: str, tmp_path: Path
) -> None:
    event = DEMO_EVENT.with_changes(
        organiser_address="Voßstraße 2, 30161 Hannover",
        organiser_email="info@stadtteilforum.example",
        data_protection_officer="datenschutz@stadtteilforum.example",
        organiser_kind=kind,
    )
    out = tmp_path / "sheet.pdf"
    export_pdf(_session([("Anna", "Ostermann")], event), "attendees", out)
    text = re.sub(r"\s+", " ", pdftotext_pages(out)[0])
    assert "Stadtteilforum Hainholz, Voßstraße 2, 30161 Hannover, info@stadtteilforum.example" in text
    assert "datenschutz@stadtteilforum.example" in text
    assert f"Art. 6 Abs. 1 {basis} DSGVO" in text and "lit. c" not in text
    assert "widersprechen (Art. 21 DSGVO)" in text
    assert "freiwillig und keine Bedingung für die Teilnahme" in text  # Art. 13(2)(e)
    assert "Fotos" not in text  # no photo column unless the event chooses one


def test_photo_policy_opt_in_adds_the_column_and_its_consent(tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    export_pdf(_session([("Anna", "Ostermann")], DEMO_EVENT.with_changes(photo_policy="opt_in")), "attendees", out)
    text = re.sub(r"\s+", " ", pdftotext_pages(out)[0])
    assert "Fotos erlaubt" in text and "jederzeit widerrufbar" in text


def test_organisation_residence_and_age_group_columns_together(tmp_path: Path) -> None:
    event = DEMO_EVENT.with_changes(age_groups=("unter 27", "27–64", "65+"))
    person = Participant("a", "Anna Ostermann", consent_to_list=True, organisation="Verein A", residence="30161")
    session = Session(FakeClock(), event=event, participants=[person])
    out = tmp_path / "sheet.pdf"
    options = PrintOptions(columns=("organisation", "residence", "age_group"))
    export_pdf(session, "attendees", out, options=options)
    text = re.sub(r"\s+", " ", pdftotext_pages(out)[0])
    for words in ("Organisation", "Wohnort / PLZ", "Altersgruppe", "Verein A", "30161", "unter 27", "65+"):
        assert words in text, words


# ------------------------------------------------------------------------------------------------ PDF/UA
def _resolve(obj: Any) -> Any:
    return obj.get_object() if isinstance(obj, IndirectObject) else obj


def _structure_roles(node: Any, roles: list[str]) -> None:
    node = _resolve(node)
    if isinstance(node, ArrayObject):
        for kid in node:
            _structure_roles(kid, roles)
    elif isinstance(node, DictionaryObject):
        if "/S" in node:
            roles.append(str(node["/S"]))
        if "/K" in node:
            _structure_roles(node["/K"], roles)


def pdf_ua_problems(path: Path) -> list[str]:
    """What a PDF/UA-1 checker would refuse first: no structure tree, no /Lang, no document title shown,
    a table without header cells (each table's, each with its scope), a font not embedded, marked content not
    marked, and a reading order (the structure tree's) that is not the order the page draws its text in."""
    reader = PdfReader(path)
    root: Any = reader.trailer["/Root"]
    problems = []
    if "/StructTreeRoot" not in root:
        return ["no structure tree"]
    if not str(root.get("/Lang", "")):
        problems.append("no /Lang")
    if "/Metadata" not in root:
        problems.append("no XMP metadata")
    prefs = _resolve(root.get("/ViewerPreferences", {}))
    if not (isinstance(prefs, DictionaryObject) and prefs.get("/DisplayDocTitle")):
        problems.append("DisplayDocTitle not set")
    mark = _resolve(root.get("/MarkInfo", {}))
    if not (isinstance(mark, DictionaryObject) and mark.get("/Marked")):
        problems.append("not marked")
    tree = _resolve(root["/StructTreeRoot"]).get("/K")
    for number, table in enumerate(_elements(tree, "/Table"), 1):
        headers = _elements(table.get("/K"), "/TH")
        if not headers:
            problems.append(f"table {number} without header cells")
        elif not all(_has_scope(th) for th in headers):
            problems.append(f"table {number}: a header cell without /Scope")
    pages = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages) if page.indirect_reference}
    order = _marked_content_order(tree, pages)
    if order != sorted(set(order)):
        problems.append("the structure tree's reading order is not the order the text is drawn in")
    for page in reader.pages:
        fonts = _resolve(_resolve(page["/Resources"]).get("/Font", {}))
        for font in fonts.values():
            font = _resolve(font)
            descendants = font.get("/DescendantFonts")
            descriptor = _resolve((_resolve(_resolve(descendants)[0]) if descendants else font).get("/FontDescriptor"))
            if not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                problems.append(f"font {font.get('/BaseFont')} not embedded")
    return problems


def _elements(node: Any, role: str) -> list[DictionaryObject]:
    """Every structure element of `role` under `node`, in document order."""
    found: list[DictionaryObject] = []
    node = _resolve(node)
    if isinstance(node, ArrayObject):
        for kid in node:
            found += _elements(kid, role)
    elif isinstance(node, DictionaryObject):
        if str(node.get("/S", "")) == role:
            found.append(node)
        if "/K" in node:
            found += _elements(node["/K"], role)
    return found


def _has_scope(header: DictionaryObject) -> bool:
    attributes = _resolve(header.get("/A", []))
    attributes = attributes if isinstance(attributes, ArrayObject) else [attributes]
    dictionaries = [a for a in map(_resolve, attributes) if isinstance(a, DictionaryObject)]
    return any("/Scope" in a or a.get("/Headers") for a in dictionaries)


def _marked_content_order(node: Any, pages: dict[int, int], page: int | None = None) -> list[tuple[int, int]]:
    """(page, MCID) of every piece of marked content in the structure tree's order."""
    order: list[tuple[int, int]] = []
    node = _resolve(node)
    if isinstance(node, ArrayObject):
        for kid in node:
            order += _marked_content_order(kid, pages, page)
    elif isinstance(node, DictionaryObject):
        if "/Pg" in node:
            page = pages.get(node.raw_get("/Pg").idnum, page)
        if "/S" not in node and "/MCID" in node:  # a marked-content reference
            order.append((page if page is not None else -1, int(cast(int, node["/MCID"]))))
        elif "/K" in node:
            order += _marked_content_order(node["/K"], pages, page)
    elif isinstance(node, int):
        order.append((page if page is not None else -1, int(node)))
    return order


def test_the_pdf_ua_check_finds_a_missing_header_cell_and_a_reading_order_out_of_order(tmp_path: Path) -> None:
    """The check itself can fail: the sheet with its header cells made data cells, and with two rows swapped in the
    structure tree (a screen reader would read them in the wrong order)."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject

    out = tmp_path / "sheet.pdf"
    export_pdf(_session(NAMES_30[:3]), "attendees", out)
    assert pdf_ua_problems(out) == []
    writer = PdfWriter(clone_from=out)
    tree = _resolve(writer.root_object["/StructTreeRoot"]).get("/K")
    for header in _elements(tree, "/TH"):
        header[NameObject("/S")] = NameObject("/TD")
    writer.write(tmp_path / "no-headers.pdf")
    assert "table 1 without header cells" in pdf_ua_problems(tmp_path / "no-headers.pdf")
    writer = PdfWriter(clone_from=out)
    tree = _resolve(writer.root_object["/StructTreeRoot"]).get("/K")
    rows = _elements(tree, "/TR")
    parent = _resolve(rows[1]["/P"])
    kids = _resolve(parent["/K"])
    first, second = (kids.index(r.indirect_reference) for r in rows[1:3])
    kids[first], kids[second] = kids[second], kids[first]
    writer.write(tmp_path / "swapped.pdf")
    assert "the structure tree's reading order is not the order the text is drawn in" in pdf_ua_problems(
        tmp_path / "swapped.pdf"
    )


def test_the_sheet_is_tagged_pdf_ua_with_header_cells_and_every_font_embedded(tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    export_pdf(_session(NAMES_30), "attendees", out)
    assert pdf_ua_problems(out) == []
    roles: list[str] = []
    root: Any = PdfReader(out).trailer["/Root"]
    _structure_roles(_resolve(root["/StructTreeRoot"]).get("/K"), roles)
    assert roles.count("/TH") == 5 and roles.count("/TR") >= 1 + 30  # the heading row's cells, a row per person
    # Text order: the heading row before the first name, the first name before the last.
    text = "\n".join(pdftotext_pages(out))
    assert text.index("Familienname") < text.index("Nguyễn") < text.index("Wiśniewska")
    assert str(root["/Lang"]) == "de"


def test_pdf_a_on_request(tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    export_pdf(demo_session(FakeClock()), "attendees", out, options=PrintOptions(pdf_a=True))
    root: Any = PdfReader(out).trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode("utf-8")
    assert "pdfaid:part" in xmp and "pdfuaid:part" in xmp
    assert pdf_ua_problems(out) == []


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("kind", ["handout", "attendees", "report"])
def test_all_three_documents_of_the_sample_evening_are_pdf_ua(kind: str, language: str, tmp_path: Path) -> None:
    session = demo_session(FakeClock())
    session.set_event(session.event.with_changes(language=language))
    out = tmp_path / f"{kind}.pdf"
    options = PrintOptions(audience_link="http://192.168.178.24:8765/Qx3vT9kLmN2pR7sWz4yBcD")
    export_pdf(session, kind, out, options=options)
    assert pdf_ua_problems(out) == []
    root: Any = PdfReader(out).trailer["/Root"]
    assert str(root["/Lang"]) == language
    roles: list[str] = []
    _structure_roles(_resolve(root["/StructTreeRoot"]).get("/K"), roles)
    assert "/H1" in roles or kind == "attendees"  # the title is a heading (the sheet's is on every page)
    if kind == "handout":  # the QR code is a figure with its address as alternative text
        assert "/Figure" in roles
        assert b"Qx3vT9kLmN2pR7sWz4yBcD" in out.read_bytes() or "Qx3vT9kLmN2pR7sWz4yBcD" in _alt_texts(root)


def _alt_texts(root: Any) -> str:
    found: list[str] = []

    def walk(node: Any) -> None:
        node = _resolve(node)
        if isinstance(node, ArrayObject):
            for kid in node:
                walk(kid)
        elif isinstance(node, DictionaryObject):
            if "/Alt" in node:
                found.append(str(node["/Alt"]))
            if "/K" in node:
                walk(node["/K"])

    walk(_resolve(root["/StructTreeRoot"]).get("/K"))
    return " ".join(found)


@pytest.mark.parametrize(
    ("policy", "words", "absent"),
    [
        ("none", "Bei dieser Veranstaltung wird nicht fotografiert", "Wer nicht auf Fotos"),
        ("opt_in", "Fotografiert wird nur, wer auf der Teilnahmeliste ein Kreuz", "Wer nicht auf Fotos"),
        ("notice", "Wer nicht auf Fotos erscheinen möchte, sagt es bitte der Moderation", "nicht fotografiert"),
    ],
)
def test_the_handout_follows_the_events_one_photo_setting(policy: str, words: str, absent: str, tmp_path: Path) -> None:
    session = demo_session(FakeClock())
    session.set_event(session.event.with_changes(photo_policy=policy))
    out = tmp_path / "handout.pdf"
    export_pdf(session, "handout", out)
    text = re.sub(r"\s+", " ", pdftotext_pages(out)[0])
    assert words in text and absent not in text


def test_the_qr_box_names_the_halls_network_and_writes_the_link_in_a_face_where_l_and_i_differ(
    tmp_path: Path,
) -> None:
    out = tmp_path / "handout.pdf"
    link = "http://192.168.178.24:8765/lI1O0xyz"
    export_pdf(
        demo_session(FakeClock()), "handout", out, options=PrintOptions(audience_link=link, wifi_name="Saal-Gast")
    )
    text = re.sub(r"\s+", " ", pdftotext_pages(out)[0])
    assert "im WLAN „Saal-Gast“" in text and link in text
    fonts = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=False).stdout
    assert "DejaVuSansMono" in fonts


def test_the_refusal_names_every_person_with_the_script_in_words_and_how_to_print_anyway(tmp_path: Path) -> None:
    """Issue 25, point 7: not cut after six names, not “Cjk Unified Ideograph-2A6B2”, and the way out named."""
    # U+30000 is in CJK Extension G, which no shipped face has.
    people = [(f"Vorname{i}", f"Familie{i} 🎉") for i in range(8)] + [("Min", "Lee \U00030000")]
    session = _session(people)
    save = tmp_path / "s.json"
    from fishbowl_desktop.storage import save_session

    save_session(session, save)
    out = tmp_path / "sheet.pdf"
    run = subprocess.run(
        [sys.executable, "-m", "fishbowl_desktop", "export-pdf", str(save), "--kind", "attendees", "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1 and not out.exists()
    for i in range(8):
        assert f"Vorname{i} Familie{i} 🎉 (Emoji und Symbole" in run.stderr
    assert "Min Lee \U00030000 (chinesische Schriftzeichen (CJK-Erweiterungen G–H): U+30000)" in run.stderr
    assert "--print-anyway" in run.stderr and "□" in run.stderr
    run = subprocess.run(
        [sys.executable, "-m", "fishbowl_desktop", "export-pdf", str(save), "--kind", "attendees", "-o", str(out)]
        + ["--print-anyway"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    text = re.sub(r"\s+", " ", "\n".join(pdftotext_pages(out)))
    assert "Lee □" in text and "Familie7 □" in text


def test_a_logo_on_the_sheet_and_the_handout_with_alternative_text(tmp_path: Path) -> None:
    """Issue 25, point 6: the funder's logo (an image file the organiser picks) on every page of the sheet and on
    the handout; a file that is no image is refused by name."""
    import segno

    logo = tmp_path / "logo.png"
    segno.make("Gefördert", error="h").save(str(logo), scale=6)
    for kind in ("attendees", "handout"):
        out = tmp_path / f"{kind}.pdf"
        export_pdf(demo_session(FakeClock()), kind, out, options=PrintOptions(logo=str(logo)))
        reader = PdfReader(out)
        images = [page for page in reader.pages if page.images]
        assert len(images) == (len(reader.pages) if kind == "attendees" else 1), kind
        assert pdf_ua_problems(out) == []
    with pytest.raises(Exception, match="PNG, JPEG or SVG"):
        PrintOptions(logo=str(tmp_path / "logo.txt"))


def test_organisation_and_residence_together_and_the_events_age_groups_by_default(tmp_path: Path) -> None:
    """The print dialog's “Organisation and place of residence / postcode”; the age-group column comes with the
    event's age groups, without a separate choice."""
    event = DEMO_EVENT.with_changes(age_groups=("unter 27", "27–64", "65+"))
    person = Participant("a", "Anna Ostermann", consent_to_list=True, organisation="Verein A", residence="30161")
    out = tmp_path / "sheet.pdf"
    export_pdf(
        Session(FakeClock(), event=event, participants=[person]),
        "attendees",
        out,
        options=PrintOptions(extra_column="both"),
    )
    text = re.sub(r"\s+", " ", pdftotext_pages(out)[0])
    for words in ("Organisation", "Wohnort / PLZ", "Altersgruppe", "Verein A", "30161", "unter 27", "65+"):
        assert words in text, words
    export_pdf(Session(FakeClock(), event=DEMO_EVENT, participants=[person]), "attendees", out)
    assert "Altersgruppe" not in re.sub(r"\s+", " ", pdftotext_pages(out)[0])  # the event has none


def test_six_age_groups_with_every_column_still_leave_room_to_sign_and_more_is_refused(tmp_path: Path) -> None:
    from fishbowl_desktop.documents.attendees import LANDSCAPE_WIDTH, MIN_SIGNATURE, sheet_columns
    from fishbowl_desktop.model import FishbowlError

    event = DEMO_EVENT.with_changes(
        age_groups=("bis 17", "18–26", "27–44", "45–64", "65–79", "80+"), photo_policy="opt_in"
    )
    columns, landscape = sheet_columns(event, PrintOptions(extra_column="both"))
    assert landscape and LANDSCAPE_WIDTH - sum(w or 0 for _, w in columns) >= MIN_SIGNATURE
    out = tmp_path / "sheet.pdf"
    export_pdf(
        demo_session(FakeClock()).__class__(FakeClock(), event=event),
        "attendees",
        out,
        options=PrintOptions(extra_column="both"),
    )
    assert "Unterschrift" in pdftotext_pages(out)[0]
    wordy = event.with_changes(age_groups=tuple(f"{g} Jahre" for g in event.age_groups))
    with pytest.raises(FishbowlError, match="no room for signatures"):
        sheet_columns(wordy, PrintOptions(extra_column="both"))
