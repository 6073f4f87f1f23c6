"""The report's equity page (issue 28.4), read back from the PDF with pdftotext: every figure per group as the
test counts it from the evening's log, on the demo evening (German and English) and on generated evenings; the
plain words about people without a group, small groups, what "on the list" means, and an old file's missing
requests."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fishbowl_desktop.documents import export_pdf
from fishbowl_desktop.model import FakeClock, Session, format_duration
from fishbowl_desktop.model.demo import demo_session
from helpers.equity_evening import GROUPS, Expected, Step, evening, expected_groups, step
from helpers.pdf_text import pdftotext_pages

HEADING = {"de": "Anteile am freien Stuhl nach Gruppe", "en": "Shares of the free chair by group"}
NO_GROUP = {"de": "ohne Gruppe", "en": "no group"}
SECOND_TABLE = {"de": "Warten und Anfragen", "en": "Waiting and requests"}


def equity_page(session: Session, tmp_path: Path, language: str) -> str:
    session.set_event(replace(session.event, language=language))
    out = tmp_path / f"report-{language}.pdf"
    export_pdf(session, "report", out)
    pages = pdftotext_pages(out, layout=True)
    found = [page for page in pages if HEADING[language] in page]
    assert len(found) == 1, "the equity page is one page of its own"
    return found[0]


def row_cells(page: str, label: str, table: int, language: str) -> list[str]:
    """The cells of one group's row in the first (0) or second (1) table, split on runs of spaces."""
    first, second = page.split(SECOND_TABLE[language], 1)
    text = (first, second)[table]
    pattern = re.compile(rf"^\s*{re.escape(label)}( \*)?\s{{2,}}(.+)$", re.MULTILINE)
    match = pattern.search(text)
    assert match is not None, f"no row for {label!r} in table {table}"
    return [label + (match.group(1) or ""), *re.split(r"\s{2,}", match.group(2).strip())]


def number(cell: str) -> tuple[str, int | None]:
    """'3 (38 %)' → ('3', 38); '2' → ('2', None)."""
    m = re.fullmatch(r"(\S+)(?: \((\d+) ?%\))?", cell)
    assert m is not None, cell
    return m.group(1), int(m.group(2)) if m.group(2) else None


def check_page(page: str, expected: dict[str, Expected], language: str) -> None:
    totals = {
        "listed": sum(e.listed for e in expected.values()),
        "asked": sum(e.asked for e in expected.values()),
        "turns": sum(e.turns for e in expected.values()),
        "seconds": sum(e.seconds for e in expected.values()),
    }
    shares: dict[str, int] = dict.fromkeys(totals, 0)
    for group, want in expected.items():
        label = group or NO_GROUP[language]
        cells = row_cells(page, label, 0, language)
        assert cells[0].endswith(" *") == (max(want.listed, want.asked) < 5), f"{label}: the small-group mark"
        for cell, (key, value, shown) in zip(
            cells[1:],
            [
                ("listed", want.listed, str(want.listed)),
                ("asked", want.asked, str(want.asked)),
                ("turns", want.turns, str(want.turns)),
                ("seconds", want.seconds, format_duration(want.seconds)),
            ],
            strict=True,
        ):
            text, share = number(cell)
            assert text == shown, (label, key, cell)
            if totals[key]:
                exact = 100 * value / totals[key]
                assert share is not None and abs(share - exact) < 1, (label, key, cell, exact)
                shares[key] += share
            else:
                assert share is None, "no share of nothing"
        cells = row_cells(page, label, 1, language)
        wanted = [
            str(want.firsts),
            "–" if want.median_wait is None else format_duration(want.median_wait),
            "–" if not want.waits else format_duration(max(want.waits)),
            str(want.withdrawn),
            str(want.declined),
            str(want.waiting_now),
        ]
        assert cells[1:] == wanted, label
    assert all(shares[k] == 100 for k in totals if totals[k]), shares


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_demo_evenings_equity_page(tmp_path: Path, language: str) -> None:
    session = demo_session(FakeClock(datetime(2026, 12, 3, 19, 10)))
    page = equity_page(session, tmp_path, language)
    ledger = {
        "seated": [("offen", 95.0), ("FLINTA*", 212.0), ("FLINTA*", 268.0)],
        "withdrawn": [("offen", 310.0)],
        "declined": [""],
        "asked": {"aud-02": "offen", "aud-07": "FLINTA*", "aud-10": "offen", "aud-01": "FLINTA*"},
        "waiting": {e.participant_id: session.participant(e.participant_id).group for e in session.queue},
    }
    expected, _ = expected_groups(session, ledger, 5.0)
    check_page(page, expected, language)
    flat = re.sub(r"\s+", " ", page)
    if language == "de":
        assert "Publikum auf der Teilnehmendenliste der Moderation (12 Personen)" in flat
        assert "Wer wirklich im Saal war, weiß das Programm nicht" in flat
        assert "„ohne Gruppe“: Personen, für die keine Gruppe eingetragen ist" in flat
        assert "*: Gruppe mit weniger als 5 Personen" in flat
        assert "Insgesamt 2 von 2 Beiträgen vom freien Stuhl (100 %)" in flat
    else:
        assert "the audience on the moderator's participant list (12 people)" in flat
        assert "cannot know who was really in the room" in flat
        assert "“no group”: people with no group entered" in flat
        assert "*: a group with fewer than 5 people" in flat
        assert "In all, 2 of 2 turns from the free chair (100%)" in flat


def test_an_old_file_without_requests_says_so(tmp_path: Path) -> None:
    demo = demo_session(FakeClock(datetime(2026, 12, 3, 19, 10)))
    snap = demo.snapshot()
    session = Session(demo.clock, event=snap.event, participants=snap.participants, seats=snap.seats, log=snap.log)
    flat = re.sub(r"\s+", " ", equity_page(session, tmp_path, "en"))
    assert "No requests are recorded for this evening" in flat


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    groups=st.lists(st.sampled_from(GROUPS), min_size=3, max_size=12),
    steps=st.lists(step, min_size=10, max_size=60),
)
def test_a_generated_evenings_equity_page(tmp_path: Path, groups: list[str], steps: list[Step]) -> None:
    session, ledger = evening(groups, steps)
    if session.turn is not None:
        session.end_turn()
    expected, _ = expected_groups(session, ledger, 5.0)
    if not any(e.turns or e.asked for e in expected.values()):
        return  # nothing to compare: the report has no equity page (checked below)
    check_page(equity_page(session, tmp_path, "de"), expected, "de")
