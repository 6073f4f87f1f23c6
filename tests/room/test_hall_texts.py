"""Issue 28, point 5: the hall's words, one JSON file per language (assets/room/i18n/), complete in every
language, every key the phones' page and the projector ask for present, and the page served in the
language the phone's browser asks for.
"""

from __future__ import annotations

import json
import re
import string
from importlib.resources import files
from pathlib import Path

import pytest

from fishbowl_desktop.model import Role
from fishbowl_desktop.room.page_language import best_language, direction, fill_page, texts_script
from fishbowl_desktop.stage.texts import HALL_LANGUAGES, RIGHT_TO_LEFT, hall_texts, labelled, text, warning_text

ASSETS = Path(str(files("fishbowl_desktop"))) / "assets" / "room"
ROOM_JS = (ASSETS / "room.js").read_text(encoding="utf-8")
ERRORS_THE_SERVER_SENDS = ("paused", "name", "group", "open", "rate", "full", "busy", "message")
NOT_WESTERN_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


def _raw(code: str) -> dict[str, str]:
    data = json.loads((ASSETS / "i18n" / f"{code}.json").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _placeholders(s: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(s) if name is not None}


def test_there_is_one_file_per_hall_language_and_nothing_else() -> None:
    assert sorted(p.stem for p in (ASSETS / "i18n").glob("*.json")) == sorted(HALL_LANGUAGES)


@pytest.mark.parametrize("code", HALL_LANGUAGES)
def test_no_key_is_missing_or_extra_and_every_placeholder_matches_english(code: str) -> None:
    english, table = _raw("en"), _raw(code)
    assert sorted(set(english) - set(table)) == [], f"{code}.json lacks these keys"
    assert sorted(set(table) - set(english)) == [], f"{code}.json has keys English does not"
    for key, value in table.items():
        assert isinstance(value, str) and value.strip(), f"{code}.json: {key} is empty"
        assert value == value.strip(), f"{code}.json: {key} has spaces at an end"
        assert _placeholders(value) == _placeholders(english[key]), f"{code}.json: {key}'s placeholders"


@pytest.mark.parametrize("code", HALL_LANGUAGES)
def test_numbers_are_written_in_western_digits_in_every_language(code: str) -> None:
    """Decided: the phones write numbers as the projector does ("12:34", "30"), in Arabic and Persian too; the
    whole hall compares the phone with the screen, and Western digits are read across the region."""
    for key, value in _raw(code).items():
        assert not NOT_WESTERN_DIGITS.search(value), f"{code}.json: {key}"


def _keys_room_js_asks_for() -> set[str]:
    keys = set(re.findall(r'\btr\("([a-z_]+)"[,)]', ROOM_JS))  # tr("e_" + code): the server's errors, below
    listed = re.search(r"var keys = \[([^\]]*)\]", ROOM_JS)
    assert listed is not None
    keys |= set(re.findall(r'"([a-z_]+)"', listed.group(1))) - {"lang_label"}
    keys |= set(re.findall(r'\bnote = "([a-z_]+)"', ROOM_JS))
    keys |= {"e_" + error for error in ERRORS_THE_SERVER_SENDS}
    keys |= {"e_wait", "pin_bad", "language", "language_name", "guest"}
    keys |= {f"role_{role.value}" for role in Role} | {"free_chair"}  # state.role
    keys |= {f"{k}{done}" for k in ("countdown", "countdown_resume") for done in ("", "_done")}  # state.count_key
    return keys


def test_every_key_room_js_uses_exists_in_every_language() -> None:
    wanted = _keys_room_js_asks_for()
    assert len(wanted) > 50, sorted(wanted)
    for code, table in hall_texts().items():
        assert sorted(wanted - set(table)) == [], code


def test_the_projector_s_words_come_from_the_same_files() -> None:
    assert text("de", "next") == "Als Nächstes:"
    assert text("tr", "time_up") == "Süre doldu"
    assert warning_text("de", 30) == "letzte 30 Sekunden"
    assert warning_text("ru", 120) == "последние 2 мин."
    assert warning_text("fa", 60) == "دقیقهٔ آخر"
    assert text("xx", "paused") == "Paused", "an unknown language falls back to English"


def test_a_label_in_two_languages_keeps_each_one_s_direction() -> None:
    assert labelled("de", "", "next") == "Als Nächstes:"
    assert labelled("de", "de", "next") == "Als Nächstes:"
    both = labelled("de", "ar", "time_up")
    assert both == "\u2068Zeit ist um\u2069 · \u2068انتهى الوقت\u2069"
    assert labelled("de", "en", "paused") == "\u2068Pause\u2069 · \u2068Paused\u2069"


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("tr-TR,tr;q=0.9,de;q=0.8,en;q=0.7", "tr"),
        ("fr-FR,fr;q=0.9,ar;q=0.5,de;q=0.7", "de"),
        ("fa-IR", "fa"),
        ("uk;q=0.2, ru;q=0.8", "ru"),
        ("de;q=0, en", "en"),
        ("fr, it", ""),
        ("", ""),
        ("en;q=x, ar", "ar"),
        ("*", ""),
    ],
)
def test_the_browser_s_accept_language_picks_the_phone_s_language(header: str, expected: str) -> None:
    assert best_language(header) == expected


def test_the_page_opens_in_the_asked_language_and_direction() -> None:
    html = (ASSETS / "room.html").read_bytes()
    page = fill_page(html, "audience", "/tok", "ar-SY,ar;q=0.9").decode()
    assert '<html lang="ar" dir="rtl">' in page and 'data-lang="ar"' in page and "{{" not in page
    page = fill_page(html, "timer", "/tok", "fr").decode()
    assert '<html lang="en" dir="ltr">' in page and 'data-lang=""' in page, "none of ours: the event's language"
    assert [direction(c) for c in HALL_LANGUAGES] == ["rtl" if c in RIGHT_TO_LEFT else "ltr" for c in HALL_LANGUAGES]
    assert 'id="time" class="time" dir="ltr"' in page, "the time is a left-to-right isolate in every language"


def test_the_page_script_carries_every_language() -> None:
    script = texts_script().decode()
    assert script.startswith("window.FISHBOWL_TEXTS = ") and script.rstrip().endswith(";")
    data = json.loads(script[len("window.FISHBOWL_TEXTS = ") : script.rstrip().rindex(";")])
    assert data["order"] == list(HALL_LANGUAGES) and data["rtl"] == ["ar", "fa"]
    assert data["texts"]["uk"]["language_name"] == "Українська"


def test_an_organiser_s_corrections_in_the_data_folder_win_and_a_broken_one_is_left_out(tmp_path: Path) -> None:
    from fishbowl_desktop.stage import texts

    folder = tmp_path / texts.CORRECTIONS
    folder.mkdir()
    (folder / "tr.json").write_text(
        json.dumps({"send": "  Sıraya gir ", "queued": "Sıradasınız", "no_such_key": "x", "time_up": ""}),
        encoding="utf-8",
    )
    (folder / "ar.json").write_text("{ not json", encoding="utf-8")
    try:
        texts.use_corrections(folder)
        assert text("tr", "send") == "Sıraya gir"
        assert text("tr", "queued", n=3) == "Sırada 3. kişisiniz.", "a lost {n} is left out, the shipped text stays"
        assert text("tr", "time_up") == "Süre doldu"
        assert text("ar", "send") == "اطلب الكرسي الشاغر"
        said = " | ".join(texts.problems)
        assert "'queued'" in said and "'no_such_key'" in said and "'time_up'" in said and "ar.json" in said
        assert "Sıraya gir" in texts_script().decode(), "the phones get the corrected words too"
    finally:
        texts.use_corrections(None)
    assert text("tr", "send") == "Boş sandalye için başvur"
