"""The attendee sheet's header (title, event, funder) and its privacy notice are real content in the structure tree
(issue 25, point 9 leftover): Typst makes every page header and footer an artifact, which a screen reader skips, so
the first page sets them in the body, tagged, and later pages repeat them as artifacts. Read back with poppler's
`pdfinfo -struct-text` (the structure tree with the text of each element)."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
import segno

from fishbowl_desktop.documents import PrintOptions, export_pdf
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.model.demo import demo_session


def structure(path: Path) -> tuple[str, str]:
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    out = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True, check=True).stdout
    text = out.decode("utf-8")
    if "Table" not in text:
        pytest.skip("this pdfinfo does not print the structure tree")
    # the text of each element, its lines joined, without the attribute lines
    return " ".join(re.findall(r'^\s*"(.*)"$', text, flags=re.MULTILINE)), text


@pytest.mark.parametrize(
    ("language", "options"),
    [
        ("de", PrintOptions(reserve_rows=60)),
        ("en", PrintOptions(reserve_rows=60, signoff_every_page=True)),
        ("de", PrintOptions(one_sheet_per_person=True)),
    ],
    ids=["de", "en-signoff-every-page", "de-per-person"],
)
def test_header_and_notice_are_tagged_once_before_the_table(
    tmp_path: Path, language: str, options: PrintOptions
) -> None:
    session = demo_session(FakeClock())
    session.set_event(replace(session.event, language=language))
    logo = tmp_path / "logo.png"
    segno.make("Gefördert", error="h").save(str(logo), scale=4)
    out = tmp_path / "sheet.pdf"
    pages = export_pdf(session, "attendees", out, options=replace(options, logo=str(logo)))
    assert pages > 1, "the repeats on later pages are what must stay artifacts"
    words, tree = structure(out)
    title = "Neue Hannoveraner*innen – was braucht eine weltoffene Stadt?"
    sheet = {"de": "Teilnahmeliste", "en": "Attendee sheet"}[language]
    notice = {"de": "Datenschutz (Art. 13 DSGVO):", "en": "Data protection (Art. 13 GDPR):"}[language]
    controller = {
        "de": "Verantwortlich ist Stadtteilforum Hainholz.",
        "en": "The controller is Stadtteilforum Hainholz.",
    }[language]
    for text in (sheet, title, "PfD-HAN-2026-017 (Beispiel)", notice, controller):
        assert words.count(text) == 1, f"{text!r} tagged {words.count(text)} times"
    assert tree.index(notice) < tree.index("Table"), "header and notice are read before the list"
    assert "Figure" in tree, "the logo is a figure with its alternative text"
