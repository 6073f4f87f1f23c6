"""Collation, escaping and the catalogue behind the PDFs (no PDF is built here)."""

from __future__ import annotations

import unicodedata
from datetime import date, time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fishbowl_desktop.documents.entries import clean
from fishbowl_desktop.documents.glyphs import missing_characters
from fishbowl_desktop.documents.people import listed_by_surname, printed_name
from fishbowl_desktop.documents.text import CATALOGUE, Words, collation_key, duration
from fishbowl_desktop.model import Event, Participant


def person(pid: str, name: str, consent: bool = True) -> Participant:
    return Participant(pid, name, consent_to_list=consent)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Öztürk", "ozturk"),
        ("Şahin", "sahin"),
        ("Weiß", "weiss"),
        ("Yılmaz", "yilmaz"),
        ("İbrahim", "ibrahim"),
        ("Wiśniewska", "wisniewska"),
        ("Łukasz", "lukasz"),
        ("Nguyễn", "nguyen"),
        ("Al-Sayed", "alsayed"),
        ("Ærø", "aero"),
    ],
)
def test_collation_key_files_letters_din_5007_1(text: str, key: str) -> None:
    assert collation_key(text) == key


def test_surname_order_puts_umlauts_and_cedillas_with_their_base_letter() -> None:
    names = [
        "Zoe Zander",
        "Ömer Öztürk",
        "Otto Oberg",
        "Şebnem Şahin",
        "Sarah Schulz",
        "Anna Ulm",
        "Peter Ostermann",
        "Ute Über",
        "Ida Ißler",
        "Iris Isler",
    ]
    people = [person(f"p{i}", n) for i, n in enumerate(names)]
    ordered = [p.name for p in listed_by_surname(people)]
    assert ordered == [
        "Iris Isler",
        "Ida Ißler",
        "Otto Oberg",
        "Peter Ostermann",
        "Ömer Öztürk",
        "Şebnem Şahin",
        "Sarah Schulz",
        "Ute Über",
        "Anna Ulm",
        "Zoe Zander",
    ]


def test_only_consenting_people_are_listed_and_others_print_as_guests() -> None:
    people = [person("a", "Anna Listed"), person("b", "Bert Private", consent=False)]
    assert [p.name for p in listed_by_surname(people)] == ["Anna Listed"]
    by_id = {p.id: p for p in people}
    assert printed_name(by_id, "b", Words("de")) == ("Gast (nicht gelistet)", False)
    assert printed_name(by_id, "b", Words("en")) == ("Guest (not listed)", False)
    assert printed_name(by_id, "a", Words("en")) == ("Anna Listed", True)
    assert printed_name(by_id, "gone", Words("en"))[1] is False


@given(st.text(max_size=40))
def test_typed_text_reaches_the_template_without_control_characters(text: str) -> None:
    """Typst prints a string literally (it is never markup: test_markup_like_text_prints_literally reads it back
    from the PDFs); what is left to clean is what no font draws: control characters pasted from spreadsheets."""
    out = clean(text)
    assert not any(unicodedata.category(c) == "Cc" and c != "\n" for c in out)
    assert out == unicodedata.normalize("NFC", out)


def test_typed_text_keeps_markup_literal_and_its_lines() -> None:
    assert clean("<b>Ali & Co</b>") == "<b>Ali & Co</b>"
    assert clean("&amp;") == "&amp;"
    assert clean("Zeile 1\nZeile 2") == "Zeile 1\nZeile 2"
    assert clean("Tab\there\x07\x1b") == "Tab here"


def test_both_languages_have_the_same_strings() -> None:
    assert CATALOGUE["de"].keys() == CATALOGUE["en"].keys()


def test_dates_and_durations_read_naturally() -> None:
    event = Event(date=date(2026, 12, 3), start_time=time(18, 30), end_time=time(20, 30))
    assert Words("de").when(event) == "Donnerstag, 3. Dezember 2026, 18:30–20:30 Uhr"
    assert Words("en").when(event) == "Thursday, 3 December 2026, 18:30–20:30"
    assert Words("de").when(Event()) == ""
    assert duration(0) == "0:00"
    assert duration(134.4) == "2:14"
    assert duration(3725) == "1:02:05"


def test_font_coverage_knows_what_it_cannot_draw() -> None:
    assert missing_characters("Şule Öztürk, Nguyễn Thị Hương, Ольга, Γιώργος, ليلى منصور, Małgorzata") == []
    assert missing_characters("Li 张伟 김민준 देवेंद्र สมชาย ተስፋዬ") == []  # the shipped script faces
    assert missing_characters("Lena 🎉 🎉 \U000e0001") == ["🎉"]  # an emoji no face has; a tag is invisible
    # NFD input (as some keyboards and macOS file names produce) is printed composed.
    assert missing_characters("Nguye\u0302\u0303n") == []
    # Invisible joiners are for the shaper, not glyphs.
    assert missing_characters("مهدی\u200cزاده") == []


KEEPABLE = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
"""What a name may hold: the model refuses lone surrogates and control characters."""


@settings(deadline=None)
@given(
    st.lists(
        st.tuples(
            st.text(KEEPABLE, min_size=1, max_size=12).filter(str.strip), st.text(KEEPABLE, max_size=12), st.booleans()
        ),
        max_size=12,
    )
)
def test_the_sheet_files_everyone_listed_by_family_name_once(entries: list[tuple[str, str, bool]]) -> None:
    from fishbowl_desktop.documents.people import listed_by_surname
    from fishbowl_desktop.documents.text import collation_key
    from fishbowl_desktop.model import Participant

    people = [
        Participant(
            f"p{i}", f"{given} {family}".strip(), consent_to_list=consent, family_name=family.strip(), given_names=given
        )
        for i, (family, given, consent) in enumerate(entries)
    ]
    ordered = listed_by_surname(people)
    assert sorted(p.id for p in ordered) == sorted(p.id for p in people if p.consent_to_list)
    keys = [collation_key(p.surname) for p in ordered]
    assert keys == sorted(keys)
    assert all(p.surname == p.family_name.strip() for p in ordered)
