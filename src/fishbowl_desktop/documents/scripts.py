"""The script of a character in words, for the refusal of a name no shipped face can print.

An organiser reads “Lee Min-ho: CJK Extension C” and knows what to ask for; “Cjk Unified Ideograph-2A6B2”
says the same thing to a font engineer only. Python's unicodedata has no script property: a character is
placed by its block, and anything not in the table by the first words of its Unicode name.
"""

from __future__ import annotations

import unicodedata

# (first, last, English, German), by block; only blocks a name might reach beyond the shipped faces.
_BLOCKS: tuple[tuple[int, int, str, str], ...] = (
    (0x3400, 0x4DBF, "Chinese characters (CJK Extension A)", "chinesische Schriftzeichen (CJK-Erweiterung A)"),
    (0x4E00, 0x9FFF, "Chinese characters", "chinesische Schriftzeichen"),
    (0x20000, 0x2A6DF, "Chinese characters (CJK Extension B)", "chinesische Schriftzeichen (CJK-Erweiterung B)"),
    (0x2A700, 0x2EBEF, "Chinese characters (CJK Extensions C–F)", "chinesische Schriftzeichen (CJK-Erweiterungen C–F)"),
    (0x30000, 0x323AF, "Chinese characters (CJK Extensions G–H)", "chinesische Schriftzeichen (CJK-Erweiterungen G–H)"),
    (0x2F800, 0x2FA1F, "Chinese characters (compatibility)", "chinesische Schriftzeichen (Kompatibilität)"),
    (0x1F000, 0x1FAFF, "emoji and symbols", "Emoji und Symbole"),
    (0x2600, 0x27BF, "symbols", "Symbole"),
    (0xE000, 0xF8FF, "private characters (no standard script)", "private Zeichen (keine Standardschrift)"),
    (0xF0000, 0x10FFFF, "private characters (no standard script)", "private Zeichen (keine Standardschrift)"),
    (0x1780, 0x17FF, "Khmer", "Khmer"),
    (0x1000, 0x109F, "Myanmar (Burmese)", "Myanmar (Birmanisch)"),
    (0x0F00, 0x0FFF, "Tibetan", "Tibetisch"),
    (0x1800, 0x18AF, "Mongolian", "Mongolisch"),
    (0x0700, 0x074F, "Syriac", "Syrisch"),
    (0x0780, 0x07BF, "Thaana (Dhivehi)", "Thaana (Dhivehi)"),
    (0x13A0, 0x13FF, "Cherokee", "Cherokee"),
    (0x0D80, 0x0DFF, "Sinhala", "Singhalesisch"),
    (0x1400, 0x167F, "Canadian syllabics", "kanadische Silbenschrift"),
    (0xA000, 0xA4CF, "Yi", "Yi"),
    (0x1E900, 0x1E95F, "Adlam", "Adlam"),
    (0x07C0, 0x07FF, "N’Ko", "N’Ko"),
    (0xA500, 0xA63F, "Vai", "Vai"),
    (0x2D30, 0x2D7F, "Tifinagh", "Tifinagh"),
)

_WORD_ENDS = (" LETTER", " SYLLABLE", " CHARACTER", " DIGIT", " SIGN", " MARK", " VOWEL", " HIEROGLYPH", " IDEOGRAPH")


def script_of(char: str, language: str) -> str:
    code = ord(char)
    for first, last, english, german in _BLOCKS:
        if first <= code <= last:
            return german if language == "de" else english
    name = unicodedata.name(char, "")
    for end in _WORD_ENDS:
        if end in name:
            return name.split(end, 1)[0].title()
    return f"U+{code:04X}"


def scripts_in_words(chars: str, language: str) -> str:
    """“Chinese characters (CJK Extension B), emoji and symbols”: each script once, in the text's order."""
    seen: list[str] = []
    for char in chars:
        script = script_of(char, language)
        if script not in seen:
            seen.append(script)
    return ", ".join(seen)
