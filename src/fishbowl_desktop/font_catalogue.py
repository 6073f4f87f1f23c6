"""The fonts the program ships, one face per script family, in the order text falls back through them.

Pure data (no Qt, no Typst), shared by the PDFs (documents/typeset.py, glyphs.py) and by the console and projector
(ui/projector/textfit.py), so paper and beamer draw a name with the same shapes. Every file names its
licence file: tests fail when a shipped font has none.

Why these: DejaVu Sans covers Latin (with Vietnamese and Turkish letters), Cyrillic, Greek, Armenian, Georgian,
Hebrew and most of the Arabic script; Noto Sans Arabic adds the Urdu and Pashto letters DejaVu lacks; Noto Sans
Devanagari, Bengali, Tamil, Thai and Ethiopic add those scripts. Chinese and Japanese come from Droid Sans Fallback
(TrueType, Apache-2.0; the whole Noto CJK collection would make the program several times bigger) and Korean Hangul
from Nanum Gothic (TrueType, OFL). The CJK faces have one weight: bold text uses it too."""

from __future__ import annotations

from pathlib import Path

from fishbowl_desktop.value_class import value_class


@value_class
class Face:
    """One shipped typeface: its family name, its regular and bold files and its licence."""

    key: str
    """Our short name for the face."""
    family: str
    """The family name inside the file, as Qt reports it."""
    regular: str
    bold: str
    licence: str


FACES: tuple[Face, ...] = (
    Face("FishbowlSans", "DejaVu Sans", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVu-LICENSE.txt"),
    Face(
        "FishbowlArabic",
        "Noto Sans Arabic",
        "NotoSansArabic-Regular.ttf",
        "NotoSansArabic-Bold.ttf",
        "Noto-LICENSE.txt",
    ),
    Face(
        "FishbowlDevanagari",
        "Noto Sans Devanagari",
        "NotoSansDevanagari-Regular.ttf",
        "NotoSansDevanagari-Bold.ttf",
        "Noto-LICENSE.txt",
    ),
    Face(
        "FishbowlBengali",
        "Noto Sans Bengali",
        "NotoSansBengali-Regular.ttf",
        "NotoSansBengali-Bold.ttf",
        "Noto-LICENSE.txt",
    ),
    Face("FishbowlTamil", "Noto Sans Tamil", "NotoSansTamil-Regular.ttf", "NotoSansTamil-Bold.ttf", "Noto-LICENSE.txt"),
    Face("FishbowlThai", "Noto Sans Thai", "NotoSansThai-Regular.ttf", "NotoSansThai-Bold.ttf", "Noto-LICENSE.txt"),
    Face(
        "FishbowlEthiopic",
        "Noto Sans Ethiopic",
        "NotoSansEthiopic-Regular.ttf",
        "NotoSansEthiopic-Bold.ttf",
        "Noto-LICENSE.txt",
    ),
    Face(
        "FishbowlCJK",
        "Droid Sans Fallback",
        "DroidSansFallbackFull.ttf",
        "DroidSansFallbackFull.ttf",
        "DroidSansFallback-LICENSE.txt",
    ),
    Face("FishbowlHangul", "NanumGothic", "NanumGothic.ttf", "NanumGothic.ttf", "Nanum-LICENSE.txt"),
)


PAPER_ONLY_FACES: tuple[Face, ...] = (
    *(
        Face(
            f"Fishbowl{script.replace(' ', '')}",
            f"Noto Sans {script}",
            f"{stem}-Regular.ttf",
            f"{stem}-Bold.ttf",
            "Noto-LICENSE.txt",
        )
        for script, stem in (
            (name, f"NotoSans{name}")
            for name in (
                "Gujarati",
                "Gurmukhi",
                "Oriya",
                "Telugu",
                "Kannada",
                "Malayalam",
                "Sinhala",
                "Khmer",
                "Myanmar",
                "Thaana",
                "Cherokee",
            )
        )
    ),
    Face(
        "FishbowlTibetan",
        "Noto Serif Tibetan",
        "NotoSerifTibetan-Regular.ttf",
        "NotoSerifTibetan-Bold.ttf",
        "Noto-LICENSE.txt",
    ),
    Face(
        "FishbowlSyriac",
        "Noto Sans Syriac",
        "NotoSansSyriac-Regular.ttf",
        "NotoSansSyriac-Regular.ttf",
        "Noto-LICENSE.txt",
    ),
    Face(
        "FishbowlMongolian",
        "Noto Sans Mongolian",
        "NotoSansMongolian-Regular.ttf",
        "NotoSansMongolian-Regular.ttf",
        "Noto-LICENSE.txt",
    ),
    Face(
        "FishbowlCJKSupplement",
        "Fishbowl CJK Supplement",
        "FishbowlCJKSupplement-Regular.otf",
        "FishbowlCJKSupplement-Regular.otf",
        "FishbowlCJKSupplement-LICENSE.txt",
    ),
    Face("FishbowlMono", "DejaVu Sans Mono", "DejaVuSansMono.ttf", "DejaVuSansMono.ttf", "DejaVu-LICENSE.txt"),
)
"""Faces only the PDFs use (Typst reads them; the console does not load them at start): the scripts of names
that come to German civic evenings less often (issue 25). Syriac, Mongolian and the CJK supplement (the Extension
B characters of Japanese and Hong Kong names, from Noto Sans CJK JP: scripts/make_cjk_supplement.py) have one
weight. DejaVu Sans Mono prints the handout's audience link, where l, I and 1 must differ."""

PAPER_FACES: tuple[Face, ...] = FACES + PAPER_ONLY_FACES
"""Every face on paper, in the order text falls back through them."""


def licence_problems(folder: Path) -> list[str]:
    """What is missing in a fonts folder: a face's files, or the licence that must travel with them."""
    problems = []
    for face in PAPER_FACES:
        for filename in dict.fromkeys((face.regular, face.bold)):
            if not (folder / filename).is_file():
                problems.append(f"{filename} is missing")
        licence = folder / face.licence
        if not licence.is_file() or licence.stat().st_size == 0:
            problems.append(f"{face.licence} (the licence of {face.regular}) is missing or empty")
    return problems


def font_files() -> set[str]:
    """The files the console and the projector load into Qt (FACES)."""
    return {name for face in FACES for name in (face.regular, face.bold)}


def paper_font_files() -> set[str]:
    """Every shipped font file: the PDFs use them all (PAPER_FACES)."""
    return {name for face in PAPER_FACES for name in (face.regular, face.bold)}


def families() -> list[str]:
    """Family names in fallback order, for `QFont.setFamilies`."""
    return [face.family for face in FACES]
