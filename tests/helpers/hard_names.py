"""Names from integration evenings, one or more per script the program ships a face for."""

from __future__ import annotations

# (script, given names, family name)
HARD_NAMES: list[tuple[str, str, str]] = [
    ("latin-vietnamese", "Thị Hương", "Nguyễn"),
    ("latin-turkish", "İbrahim", "Çağlayan-Öztürkoğlu"),
    ("latin-german", "Jürgen", "Weiß-Möller"),
    ("latin-polish", "Małgorzata", "Wiśniewska"),
    ("cyrillic", "Ольга", "Кузнецова"),
    ("greek", "Γιώργος", "Παπαδόπουλος"),
    ("arabic", "ليلى", "منصور"),
    ("persian", "مهدی", "رضایی‌زاده"),
    ("kurdish", "ژیار", "کوردستانی"),
    ("urdu-pashto", "عمران", "یوسفزے"),
    ("hebrew", "אברהם", "כהן"),
    ("devanagari", "देवेंद्र", "शर्मा"),
    ("bengali", "রহিম", "উদ্দিন"),
    ("tamil", "முருகன்", "செல்வம்"),
    ("thai", "สมชาย", "ใจดี"),
    ("ethiopic", "ተስፋዬ", "በቀለ"),
    ("chinese", "伟", "张"),
    ("japanese", "はなこ", "山田"),
    ("korean", "민준", "김"),
]

RTL_SCRIPTS = {"arabic", "persian", "kurdish", "urdu-pashto", "hebrew"}
SHAPED_SCRIPTS = {"devanagari", "bengali", "tamil"}
"""Conjuncts and vowel signs become glyphs without a one-to-one way back to text: a PDF's text layer
keeps only part of the letters (a limit of reportlab's ToUnicode map, not of what is drawn)."""


def full_name(script: str) -> str:
    for key, given, family in HARD_NAMES:
        if key == script:
            return f"{given} {family}"
    raise KeyError(script)
