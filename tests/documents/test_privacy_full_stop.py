"""Issue 21, point 11: an organiser whose name ends with a full stop ("… e. V.") printed "e. V.." in the privacy
notice under the attendee sheet."""

from __future__ import annotations

from pathlib import Path

import pytest

from fishbowl_desktop.documents import export_pdf
from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.model.demo import DEMO_EVENT
from helpers.pdf_text import pdf_text


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("address", ["", "Voltastraße 1, 30165 Hannover"])
def test_a_name_ending_in_a_full_stop_ends_the_sentence_once(tmp_path: Path, language: str, address: str) -> None:
    event = DEMO_EVENT.with_changes(
        organiser="Stadtteilforum Hainholz e. V.",
        organiser_address=address,
        organiser_email="",
        data_protection_officer="Datenschutz Nord e. V.",
        privacy_notice="",
        language=language,
    )
    out = tmp_path / "sheet.pdf"
    export_pdf(Session(FakeClock(), event=event), "attendees", out)
    text = pdf_text(out)
    assert "e. V." in text
    assert "V.." not in text.replace("...", "")
