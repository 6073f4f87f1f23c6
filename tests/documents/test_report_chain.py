"""Issue 28, point 1 on paper: the report's equity page names the queue's chain of rules in force, so a funder
reads the groups' shares beside the rules that ordered the queue. Read back from the PDF with pdftotext."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from fishbowl_desktop.documents import export_pdf
from fishbowl_desktop.model import FakeClock, OrderingRule, RuleChain
from fishbowl_desktop.model.chain import FAIR_FLOOR
from fishbowl_desktop.model.demo import demo_session
from helpers.pdf_text import pdftotext_pages

SAID = {
    "en": "The queue's order at the end: other group than the person leaving the free chair → new voices first → "
    "least speaking time so far → arrival.",
    "de": "Reihenfolge der Warteliste zuletzt: andere Gruppe als die Person, die den freien Stuhl verlässt → neue "
    "Stimmen zuerst → wenigste Redezeit bisher → Ankunft.",
}


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_report_names_the_chain_of_rules(tmp_path: Path, language: str) -> None:
    session = demo_session(FakeClock(datetime(2026, 12, 3, 19, 10)))
    session.set_event(replace(session.event, language=language))
    session.set_settings(replace(session.settings, ordering=FAIR_FLOOR))
    out = tmp_path / "report.pdf"
    export_pdf(session, "report", out)
    text = re.sub(r"\s+", " ", " ".join(pdftotext_pages(out)))
    assert SAID[language] in text
    session.set_settings(replace(session.settings, ordering=RuleChain.of(OrderingRule.FIRST_COME)))
    export_pdf(session, "report", out)
    text = re.sub(r"\s+", " ", " ".join(pdftotext_pages(out)))
    assert ("The queue's order at the end: arrival." if language == "en" else "zuletzt: Ankunft.") in text
