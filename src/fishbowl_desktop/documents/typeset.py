"""The PDFs are typeset by Typst: a template per document (documents/templates/*.typ), the data as JSON.

Why Typst and not reportlab (issue 25, measured in benchmarks/README.md): it shapes every script the fonts cover and
falls back between faces per character by itself, writes tagged PDF/UA-1 (headings, table header cells, reading
order, alternative text) and PDF/A-2b, keeps names searchable (ActualText where glyphs and letters do not map one to
one), and lays out the 1,000-person sheet well within its target (benchmarks/README.md). The binding is a compiled
Rust library: it releases nothing to Qt and needs no system library.

Only the shipped fonts are used (no system fonts, none of Typst's own), so a PDF looks the same on every
laptop; templates and fonts are found inside the package (importlib.resources), and nothing is fetched:
Typst's package registry is never asked (QR codes come in as SVG from segno).

Where the text read back from the PDF is not the name typed (issue 25; tests/documents/test_complex_scripts_text.py):
Typst cuts a line into a new text item wherever a glyph's vertical offset changes (a vowel sign or point above or
below its letter) and writes the whole cluster's text with every item that holds one of its glyphs, so Hebrew with
points, Thaana, Khmer, Lao and Thai in bold come back with a syllable twice in every reader (poppler, PDFium, MuPDF,
pdfminer); a Persian zero-width non-joiner comes back one letter late. Rewriting the text layer afterwards (one
/ActualText span over the name, or empty spans over the repeated pieces) was tried and read worse in poppler and
PDFium. poppler alone (not the PDF) puts a space inside some Tibetan and Odia clusters and none between two Han
characters; PDFium reads those as typed.

poppler (22.12 here; others report it fixed after 25.11, not checked) prints "Syntax Error: Suspects object
is wrong type (boolean)" for every PDF made here. The file is right: Typst writes
`/MarkInfo << /Marked true /Suspects false >>`, and `/Suspects` is a boolean (ISO 32000-1, 14.7.1); poppler's
Catalog.cc reports any value of it but `true` as the wrong type. Left as it is (rewriting Typst's catalogue
would risk the PDF/UA and PDF/A identification).
"""

from __future__ import annotations

import importlib.resources
import json
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from fishbowl_desktop.font_catalogue import PAPER_FACES
from fishbowl_desktop.model import FishbowlError
from fishbowl_desktop.resources import resources_dir

TEMPLATES = Path(str(importlib.resources.files("fishbowl_desktop.documents") / "templates"))
"""Inside the package (listed in package-data; a bundle carries them as datas), so an installed copy finds them."""

_LOCK = threading.Lock()
_compilers: dict[str, Any] = {}
_fonts: Any = None
_PAGES = re.compile(rb"/Type\s*/Pages\s*/Count\s+(\d+)")


def font_families() -> list[str]:
    """The family names in fallback order, for the templates' `text(font: …)`."""
    return list(dict.fromkeys(face.family for face in PAPER_FACES))


def _compiler(template: str) -> Any:
    """One compiler per template, kept for the process: Typst remembers what it laid out, so the second
    export of the same document only lays out what changed."""
    global _fonts
    import typst

    if _fonts is None:
        _fonts = typst.Fonts(
            include_system_fonts=False, include_embedded_fonts=False, font_paths=[str(resources_dir() / "fonts")]
        )
    compiler = _compilers.get(template)
    if compiler is None:
        compiler = typst.Compiler(
            str(TEMPLATES / f"{template}.typ"), root=str(TEMPLATES), font_paths=_fonts, ignore_system_fonts=True
        )
        _compilers[template] = compiler
    return compiler


def typeset(template: str, data: Mapping[str, object], *, pdf_a: bool = False) -> tuple[bytes, int]:
    """The PDF (tagged PDF/UA-1; with `pdf_a` also PDF/A-2b) and its page count."""
    import typst

    standards = ["ua-1", "a-2b"] if pdf_a else ["ua-1"]
    payload = json.dumps({**data, "fonts": font_families()}, ensure_ascii=False)
    with _LOCK:
        try:
            pdf = _compiler(template).compile(sys_inputs={"data": payload}, pdf_standards=standards)
        except typst.TypstError as exc:  # a template or data fault of ours: say it plainly, keep the details
            if "too-little-room" in exc.message:
                raise FishbowlError(
                    "The page header and the privacy notice leave too little room for the list: please "
                    "shorten the privacy notice or the programme name in the event settings."
                ) from exc
            raise FishbowlError("The PDF could not be typeset: {reason}", reason=exc.message) from exc
    assert isinstance(pdf, bytes)
    match = _PAGES.search(pdf)
    pages = int(match.group(1)) if match else 0
    _page_laid_out(pages)
    return pdf, pages


def warm_up() -> None:
    """Typeset a one-line page: loads the Typst library, its compiler and the Latin faces, so the first real
    export in a fresh PDF worker does not pay for them (about a second on a busy laptop)."""
    with _LOCK:
        _compiler("warm-up").compile(sys_inputs={"data": json.dumps({"fonts": font_families()})})


_page_listeners: list[Callable[[int], None]] = []


@contextmanager
def listen_to_pages(listener: Callable[[int], None]) -> Iterator[None]:
    """Call `listener(pages)` when a document is typeset (the PDF worker reports progress with it). Typst
    lays out the whole document in one call, so this comes once, with the page count."""
    _page_listeners.append(listener)
    try:
        yield
    finally:
        _page_listeners.remove(listener)


def _page_laid_out(number: int) -> None:
    for listener in _page_listeners:
        listener(number)
