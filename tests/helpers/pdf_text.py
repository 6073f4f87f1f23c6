"""A PDF's text as an organiser gets it when copying from a viewer: poppler's pdftotext, page by page, and PDFium's
(Chrome's and Edge's viewer) where poppler is inexact for a script whose text in the PDF is right.

pypdf's extraction reverses right-to-left words and splits Arabic letters in Typst's tagged PDFs; pdftotext
(what the issue measured with) follows the ActualText and the bidi order. It wraps right-to-left lines in
embedding marks (U+202B … U+202C), which are not part of anyone's name and are dropped here.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

BIDI_MARKS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e"))
RUNS_APART = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e"), " ")


def pdftotext_pages(path: Path, *, layout: bool = False, runs_apart: bool = False) -> list[str]:
    """`layout`: rows of a table stay on one line (pdftotext -layout), as a reader of the page sees them.

    `runs_apart`: the embedding marks around a right-to-left run become spaces instead of nothing. poppler writes
    no space between a right-aligned Arabic or Hebrew cell and the Latin word of the next cell (" ليلىVerein"),
    and marks the run's end itself; PDFium reads the same row with the space ("منصور ليلى Verein arabic")."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    flags = ["-layout"] if layout else []
    out = subprocess.run(["pdftotext", *flags, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True).stdout
    pages = out.decode("utf-8").translate(RUNS_APART if runs_apart else BIDI_MARKS).split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def pdf_text(path: Path) -> str:
    """The whole text through pypdf, whitespace runs made single spaces (enough for Latin names)."""
    return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in PdfReader(path).pages))


def pdfium_pages(path: Path) -> list[str]:
    """The text as PDFium reads it (ActualText followed; no layout guessing across cells), page by page.

    Issue 25's notes keep a table per script of what each reader gives: poppler puts a space inside some Tibetan and
    Odia clusters and none between two Han characters; PDFium reads those as typed."""
    import pypdfium2

    document = pypdfium2.PdfDocument(str(path))
    try:
        return [page.get_textpage().get_text_range().translate(BIDI_MARKS) for page in document]
    finally:
        document.close()
