"""The handout with the room's audience link: a QR code on page 1 and the address written under it."""

from __future__ import annotations

import pickle
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from fishbowl_desktop.cli import run_cli
from fishbowl_desktop.documents import PrintOptions, export_pdf
from fishbowl_desktop.model import FishbowlError, Session
from fishbowl_desktop.storage import save_session

LINK = "http://192.168.178.24:8765/Qx3vT9kLmN2pR7sWz4yBcD"


def page_texts(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text() or "") for page in PdfReader(path).pages]


def decoded_page_one(pdf: Path, tmp_path: Path) -> list[str]:
    if shutil.which("pdftoppm") is None or shutil.which("zbarimg") is None:
        pytest.skip("pdftoppm (poppler-utils) or zbarimg (zbar-tools) is not installed")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(tmp_path / "page1")],
        check=True,
    )
    out = subprocess.run(
        ["zbarimg", "--raw", "-q", str(tmp_path / "page1.png")], capture_output=True, text=True, check=False
    )
    return out.stdout.split()


@pytest.mark.parametrize(
    ("language", "title"),
    [("en", "Ask for the free chair from your phone"), ("de", "Mit dem Handy um den freien Stuhl bitten")],
)
def test_handout_prints_the_audience_link_as_text_and_qr_code(
    demo: Session, tmp_path: Path, language: str, title: str
) -> None:
    demo.set_event(demo.event.with_changes(language=language))
    out = tmp_path / "handout.pdf"
    export_pdf(demo, "handout", out, options=PrintOptions(audience_link=LINK))
    texts = page_texts(out)
    assert title in texts[0]
    assert LINK in texts[0].replace(" ", "")
    assert decoded_page_one(out, tmp_path) == [LINK]


def test_without_a_link_the_handout_is_unchanged(demo: Session, tmp_path: Path) -> None:
    plain, default = tmp_path / "plain.pdf", tmp_path / "default.pdf"
    export_pdf(demo, "handout", plain)
    export_pdf(demo, "handout", default, options=PrintOptions())
    for path in (plain, default):
        text = " ".join(page_texts(path))
        assert "free chair from your phone" not in text and "Handy" not in text
        assert "http://" not in text
    assert page_texts(plain) == page_texts(default)
    with_link = tmp_path / "link.pdf"
    export_pdf(demo, "handout", with_link, options=PrintOptions(audience_link=LINK))
    assert page_texts(with_link) != page_texts(plain)


def test_a_hostile_link_prints_literally(demo: Session, tmp_path: Path) -> None:
    link = "http://10.0.0.5:8765/<b>x</b>&amp;"
    out = tmp_path / "handout.pdf"
    export_pdf(demo, "handout", out, options=PrintOptions(audience_link=link))
    assert link in page_texts(out)[0].replace(" ", "")


@pytest.mark.parametrize("bad", ["ftp://x/y", "http://", "not a link", "http://a b/c", "http://x/\u00e4"])
def test_a_bad_audience_link_is_refused_with_a_clear_message(bad: str) -> None:
    with pytest.raises(FishbowlError, match="not a web address"):
        PrintOptions(audience_link=bad)


def test_a_too_long_link_is_called_too_long_not_a_wrong_address() -> None:
    """Issue 25, point 10: it is a web address, just too long for a QR code on paper."""
    with pytest.raises(FishbowlError, match="509 characters long: a QR code on paper stays scannable up to 400"):
        PrintOptions(audience_link="http://x/" + "a" * 500)


def test_the_link_travels_to_the_worker_inside_the_options() -> None:
    options = PrintOptions(audience_link=LINK)
    assert pickle.loads(pickle.dumps(options)) == options


def test_command_line_takes_the_audience_link(demo: Session, tmp_path: Path) -> None:
    session_file, out = tmp_path / "evening.fishbowl.json", tmp_path / "handout.pdf"
    save_session(demo, session_file)
    assert run_cli(["export-pdf", str(session_file), "--kind", "handout", "-o", str(out), "--audience-link", LINK]) == 0
    assert LINK in page_texts(out)[0].replace(" ", "")
    assert (
        run_cli(["export-pdf", str(session_file), "--kind", "handout", "-o", str(out), "--audience-link", "nonsense"])
        == 1
    )
