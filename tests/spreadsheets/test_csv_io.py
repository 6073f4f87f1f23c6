"""CSV import and export: the awkward files sign-in lists really arrive as, and rows skipped with reasons."""

from __future__ import annotations

import csv
import io
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fishbowl_desktop.model import FishbowlError, Participant, Role, Session, make_participant
from fishbowl_desktop.spreadsheets import (
    CsvTable,
    ImportResult,
    guess_mapping,
    import_rows,
    parse_consent,
    parse_role,
    participants_to_csv,
    read_participants_csv,
    speech_log_to_csv,
    write_csv,
)


def _import(raw: bytes, existing: list[Participant] | None = None) -> tuple[CsvTable, ImportResult]:
    table = read_participants_csv(raw)
    return table, import_rows(table, guess_mapping(table.headers), existing or [])


def test_utf8_with_bom_and_semicolons_as_german_excel_writes_them() -> None:
    raw = "\ufeffName;Organisation;Rolle;Einwilligung\r\nŞule Öztürk;Leibniz Uni;Podium;ja\r\n".encode()
    table, result = _import(raw)
    assert table.encoding == "UTF-8 (BOM)"
    assert table.delimiter == ";"
    assert table.headers[0] == "Name"  # the BOM does not stick to the first header
    [p] = result.participants
    assert (p.name, p.organisation, p.role, p.consent_to_list) == ("Şule Öztürk", "Leibniz Uni", Role.PANELIST, True)


def test_windows_1252_umlauts_are_decoded() -> None:
    raw = "Name;Verein\nJürgen Möller;Straßenfest e.V.\nÄnne Weiß;Bürgerforum\nBärbel Öz;Ü30\n".encode("cp1252")
    table, result = _import(raw)
    assert table.encoding == "Windows-1252"
    assert [p.name for p in result.participants] == ["Jürgen Möller", "Änne Weiß", "Bärbel Öz"]
    assert result.participants[2].organisation == "Ü30"
    assert result.participants[0].organisation == "Straßenfest e.V."


def test_lists_pasted_together_from_utf8_and_windows_1252() -> None:
    raw = "Name\nJürgen Möller\n".encode("cp1252") + "Şule Öztürk\nÄnne Weiß\n".encode()
    table, result = _import(raw)
    assert table.encoding == "UTF-8 + Windows-1252"
    assert [p.name for p in result.participants] == ["Jürgen Möller", "Şule Öztürk", "Änne Weiß"]


def test_comma_delimited_english_headers() -> None:
    raw = b"Name,Organization,Role,Group,Consent,Notes\nAda Lovelace,Analytical Society,panelist,open,yes,VIP\n"
    table, result = _import(raw)
    assert table.delimiter == ","
    [p] = result.participants
    assert (p.organisation, p.role, p.group, p.consent_to_list, p.notes) == (
        "Analytical Society",
        Role.PANELIST,
        "open",
        True,
        "VIP",
    )


def test_quoted_fields_with_embedded_delimiter_and_newline() -> None:
    raw = 'Name;Kurzbio;Organisation\n"Haddad; Layla";"Berät Geflüchtete.\nSeit 2015.";"Beratung; Nord"\nB;;\n'
    table, result = _import(raw.encode())
    assert table.delimiter == ";"
    first = result.participants[0]
    assert first.name == "Haddad; Layla"
    assert first.bio == "Berät Geflüchtete.\nSeit 2015."
    assert first.organisation == "Beratung; Nord"
    assert table.row_numbers == [2, 3]  # a newline inside quotes does not shift the spreadsheet row


def test_header_with_quoted_delimiter_does_not_fool_detection() -> None:
    raw = b'"Name, Vorname",Verein\n"Kaya, Emre",Uni\n'
    table = read_participants_csv(raw)
    assert table.delimiter == ","
    assert table.headers == ["Name, Vorname", "Verein"]


def test_title_lines_above_the_header_are_skipped() -> None:
    raw = "Anmeldeliste Fishbowl 3.12.;;\nStand: 1. Dezember;;\n\nNachname;Vorname;Verein\nÇelik;İbrahim;Moschee\n"
    table, result = _import(raw.encode())
    assert table.headers == ["Nachname", "Vorname", "Verein"]
    assert table.row_numbers == [5]
    assert [p.name for p in result.participants] == ["İbrahim Çelik"]


def test_unquoted_commas_inside_a_semicolon_file() -> None:
    raw = "Name;Organisation\nMöller, Jürgen;Verein, Nord\nWeiß, Änne;Forum\nSchäfer, Thomas;Gen., e.G.\n"
    table, result = _import(raw.encode())
    assert table.delimiter == ";"
    assert [p.name for p in result.participants] == ["Möller, Jürgen", "Weiß, Änne", "Schäfer, Thomas"]


def test_excel_unicode_text_is_utf16_with_tabs() -> None:
    raw = "Name\tGruppe\r\nليلى منصور\tFLINTA*\r\n".encode("utf-16")
    table, result = _import(raw)
    assert (table.encoding, table.delimiter) == ("UTF-16", "\t")
    assert result.participants[0].name == "ليلى منصور" and result.participants[0].group == "FLINTA*"


def test_first_and_last_name_columns_are_joined() -> None:
    raw = "Vorname;Nachname;Institution\nNguyễn Thị;Hương;Kulturverein\n".encode()
    table, result = _import(raw)
    assert guess_mapping(table.headers) == {"first_name": 0, "last_name": 1, "organisation": 2}
    assert result.participants[0].name == "Nguyễn Thị Hương"


def test_name_beside_first_name_means_surname() -> None:
    assert guess_mapping(["Name", "Vorname", "E-Mail"]) == {"last_name": 0, "first_name": 1}


def test_empty_rows_are_ignored_but_row_numbers_stay_true() -> None:
    raw = b"Name;Gruppe\n\nA;x\n;;\n;\nB;y\n\n"
    table, result = _import(raw)
    assert [p.name for p in result.participants] == ["A", "B"]
    assert table.row_numbers == [3, 6]
    assert result.skipped == []


def test_rows_are_skipped_with_reasons() -> None:
    existing = [make_participant("Jürgen Möller", organisation="Genossenschaft")]
    raw = (
        "Name;Organisation;Rolle;Einwilligung\n"
        ";Verein;Publikum;ja\n"  # 2: no name
        f"{'X' * 301};;;\n"  # 3: too long
        "jurgen moller;GENOSSENSCHAFT;;\n"  # 4: duplicate of an existing person (case/accents ignored)
        "Anna;;Zauberin;\n"  # 5: unknown role
        "Ben;;;vielleicht\n"  # 6: unclear consent
        "Cem;;Expert*in;x\n"  # 7: fine
        "Cem;;;\n"  # 8: duplicate within the file
        "Jürgen Möller;Andere Firma;;\n"  # 9: same name, other organisation: a different person
    ).encode()
    _, result = _import(raw, existing)
    reasons = {row: reason.code for row, reason in result.skipped}
    assert reasons == {
        2: "no_name",
        3: "name_too_long",
        4: "duplicate_existing",
        5: "unknown_role",
        6: "unclear_consent",
        8: "duplicate_in_file",
    }
    texts = {row: str(reason) for row, reason in result.skipped}
    assert "Zauberin" in texts[5] and "vielleicht" in texts[6] and "row 7" in texts[8]
    assert [(p.name, p.role, p.consent_to_list) for p in result.participants] == [
        ("Cem", Role.PANELIST, True),
        ("Jürgen Möller", Role.AUDIENCE, False),
    ]


def test_import_without_a_name_column_is_refused() -> None:
    table = read_participants_csv(b"Verein;Gruppe\nA;B\n")
    with pytest.raises(FishbowlError, match="names"):
        import_rows(table, guess_mapping(table.headers), [])


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"", "empty"),
        (b"\n\n ; \n", "empty"),
        (b"PK\x03\x04rest", "workbook"),
        (b"a\x00b\x00", "text file"),
    ],
)
def test_unreadable_files_get_advice(raw: bytes, message: str) -> None:
    with pytest.raises(FishbowlError, match=message):
        read_participants_csv(raw)


def test_arabic_cyrillic_vietnamese_names_survive() -> None:
    names = ["ليلى منصور", "Ольга Кузнецова", "Nguyễn Thị Hương", "Γιώργος Παπαδόπουλος", "İbrahim Çelik"]
    raw = ("Name\n" + "\n".join(names) + "\n").encode("utf-8")
    _, result = _import(raw)
    assert [p.name for p in result.participants] == names


def test_decomposed_accents_from_a_mac_are_composed() -> None:
    raw = "Name\nO\u0308zdemir\n".encode()
    _, result = _import(raw)
    assert result.participants[0].name == "Özdemir"


@pytest.mark.parametrize(
    "value, role",
    [
        ("Moderation", Role.MODERATOR),
        ("Moderator*in", Role.MODERATOR),
        ("Podium", Role.PANELIST),
        ("Expertin", Role.PANELIST),
        ("panelist", Role.PANELIST),
        ("Publikum", Role.AUDIENCE),
        ("Teilnehmer:in", Role.AUDIENCE),
        ("", Role.AUDIENCE),
        ("Zuhörerin", Role.AUDIENCE),
        ("Pilot", None),
    ],
)
def test_role_values(value: str, role: Role | None) -> None:
    assert parse_role(value) is role


@pytest.mark.parametrize(
    "value, consent",
    [
        ("ja", True),
        ("X", True),
        ("1", True),
        ("Yes", True),
        ("nein", False),
        ("", False),
        ("0", False),
        ("no", False),
        ("vielleicht", None),
    ],
)
def test_consent_values(value: str, consent: bool | None) -> None:
    assert parse_consent(value) is consent


def test_participants_export_is_excel_friendly_and_marks_consent(demo: Session, tmp_path: Path) -> None:
    text = participants_to_csv(demo.participants, language="de", full=True)
    assert text.startswith("\ufeffName;Familienname;Vorname(n);Rolle;Organisation;Wohnort / PLZ;Gruppe;Einwilligung")
    path = tmp_path / "liste.csv"
    write_csv(path, text)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\r\n" not in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Γιώργος Παπαδόπουλος"][7] == "nein"  # exported, but marked as not consenting
    assert by_name["Nguyễn Thị Hương"][7] == "ja"
    assert by_name["Nguyễn Thị Hương"][1:3] == ["Nguyễn", "Thị Hương"]
    assert by_name["Jürgen Möller"][9] == "Möchte zum Thema Wohnen sprechen."


def test_exports_follow_consent_and_leave_notes_out_unless_asked(demo: Session, tmp_path: Path) -> None:
    """As on paper: a person who did not agree to be listed is a guest, and private notes stay private."""
    text = participants_to_csv(demo.participants, language="de")
    for secret in ("Γιώργος", "Παπαδόπουλος", "Emre", "Kaya", "Möchte zum Thema Wohnen", "Notizen"):
        assert secret not in text
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert len(rows) == 1 + len(demo.participants)  # counted, not named
    assert sum(r[0] == "Gast (nicht gelistet)" for r in rows) == 2
    assert "Jürgen Möller" in speech_log_to_csv(demo, language="de")  # listed: named
    demo.update_participant(demo.participants_by_id()["aud-02"].with_changes(consent_to_list=False))
    hidden = speech_log_to_csv(demo, language="de")
    assert "Jürgen Möller" not in hidden and "Gast (nicht gelistet)" in hidden
    assert "Jürgen Möller" in speech_log_to_csv(demo, language="de", full=True)
    path = tmp_path / "liste.csv"
    path.write_bytes(b"old")
    write_csv(path, text)
    assert path.read_bytes() == text.encode("utf-8")
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["liste.csv"]  # atomic: no temp file left


def test_export_defuses_formulas_and_reimport_restores_them() -> None:
    people = [make_participant("=HYPERLINK(1)"), make_participant("-Ali", notes="@home")]
    text = participants_to_csv(people, language="en", full=True)
    assert "'=HYPERLINK(1)" in text
    _, result = _import(text.encode("utf-8"))
    assert [(p.name, p.notes) for p in result.participants] == [("=HYPERLINK(1)", ""), ("-Ali", "@home")]


def test_full_round_trip_keeps_every_field(demo: Session) -> None:
    for language in ("de", "en"):
        _, result = _import(participants_to_csv(demo.participants, language=language, full=True).encode("utf-8"))
        assert result.skipped == []
        strip_id = [
            (p.name, p.family_name, p.given_names, p.role, p.organisation, p.bio, p.group, p.consent_to_list, p.notes)
            for p in result.participants
        ]
        assert strip_id == [
            (p.name, p.family_name, p.given_names, p.role, p.organisation, p.bio, p.group, p.consent_to_list, p.notes)
            for p in demo.participants
        ]


def test_speech_log_export(demo: Session) -> None:
    demo.remove_participant("aud-07")
    rows = list(csv.reader(io.StringIO(speech_log_to_csv(demo, language="en").lstrip("\ufeff")), delimiter=";"))
    assert rows[0] == [
        "Date",
        "Time",
        "Speaker",
        "Role",
        "Group",
        "Seat",
        "Duration",
        "Allotted",
        "Overtime",
        "Duration (seconds)",
    ]
    assert rows[2] == [
        "2026-12-03",
        "18:44:00",
        "Dr. Jonas Brückner",
        "Panel",
        "offen",
        "Panel 2",
        "0:03:16",
        "0:03:00",
        "0:00:16",
        "196",
    ]
    # The seat as the circle, the report and the projector name it: there is one free chair, not a fifth.
    assert rows[5][2:6] == ["Jürgen Möller", "Audience", "offen", "Free chair"]
    assert rows[6][2] == "(removed)"
    assert len(rows) == 1 + len(demo.log)


_name_chars = st.characters(
    categories=("Lu", "Ll", "Lo", "Nd", "Pd", "Po", "Zs"),
    exclude_characters="\"'\u3000\u00a0\u2007\u202f",
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(_name_chars, min_size=1, max_size=40), min_size=1, max_size=8), st.sampled_from(["de", "en"]))
def test_export_then_import_round_trips_names(raw_names: list[str], language: str) -> None:
    import unicodedata

    names = [" ".join(unicodedata.normalize("NFC", n).split()) for n in raw_names]
    people = [make_participant(n, organisation=str(i)) for i, n in enumerate(names) if n]
    if not people:
        return
    text = participants_to_csv(people, language=language, full=True)
    _, result = _import(text.encode("utf-8"))
    assert [p.name for p in result.participants] == [p.name for p in people]
    assert result.skipped == []


def test_first_and_last_name_columns_become_given_and_family_names() -> None:
    raw = (
        "Nachname;Vorname;Wohnort;Einwilligung\r\nNguyễn;Thị Hương;30165 Hannover;ja\r\nÖztürk;Şule;;ja\r\n"
    ).encode()
    table, result = _import(raw)
    assert result.skipped == []
    people = [(p.name, p.family_name, p.given_names, p.residence) for p in result.participants]
    assert people == [
        ("Thị Hương Nguyễn", "Nguyễn", "Thị Hương", "30165 Hannover"),
        ("Şule Öztürk", "Öztürk", "Şule", ""),
    ]
