"""The logo's one check (issue 25, point 6), for the print dialog's picker and `export-pdf --logo`: a file that is
not the image its name says, one too large, and an SVG that reaches outside itself are refused with a sentence;
good PNG, JPEG and SVG logos pass."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import segno

from fishbowl_desktop.documents.logo import check_logo
from fishbowl_desktop.model import FishbowlError

SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#246"/></svg>'


def write(folder: Path, name: str, data: bytes | str) -> Path:
    path = folder / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def refused(path: Path) -> str:
    with pytest.raises(FishbowlError) as caught:
        check_logo(str(path))
    return str(caught.value)


def test_good_logos_pass(tmp_path: Path) -> None:
    png = tmp_path / "logo.png"
    segno.make("Gefördert").save(str(png), scale=4)
    assert check_logo(str(png)) == png.read_bytes()
    svg = write(tmp_path, "logo.svg", SVG)
    assert check_logo(str(svg)).startswith(b"<svg")
    inline = SVG.replace("<rect", '<use href="#r"/><rect id="r"')
    assert check_logo(str(write(tmp_path, "inline.svg", inline)))


def test_bad_files_are_refused_by_name(tmp_path: Path) -> None:
    assert refused(write(tmp_path, "notes.png", "just some text")) == "The logo notes.png is not a PNG image."
    assert "is not a JPEG image" in refused(write(tmp_path, "photo.jpg", b"\x89PNG\r\n\x1a\n" + b"\0" * 30))
    assert "is not an SVG image" in refused(write(tmp_path, "drawing.svg", "<html>nope</html>"))
    outside = SVG.replace("<rect", '<image href="https://example.org/x.png" width="4" height="4"/><rect')
    assert "refers to files or addresses outside itself" in refused(write(tmp_path, "far.svg", outside))
    local = SVG.replace("<rect", '<image xlink:href="file:///etc/passwd"/><rect')
    assert "outside itself" in refused(write(tmp_path, "local.svg", local))
    styled = SVG.replace("<rect", "<style>@import url(fonts.css);</style><rect")
    assert "outside itself" in refused(write(tmp_path, "styled.svg", styled))
    entities = '<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]>' + SVG
    assert "declares a document type or entities" in refused(write(tmp_path, "lol.svg", entities))
    assert "is 2.5 MB" in refused(write(tmp_path, "big.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 2_500_000))
    ihdr = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR" + (20_000).to_bytes(4, "big") + (300).to_bytes(4, "big") + b"\0" * 20
    assert "20000 × 300 pixels" in refused(write(tmp_path, "scan.png", ihdr))
    assert "must be a PNG, JPEG or SVG file" in refused(write(tmp_path, "logo.gif", "GIF89a"))
    assert "cannot be read" in refused(tmp_path / "missing.png")


def test_export_pdf_refuses_a_bad_logo_in_one_line_and_writes_nothing(tmp_path: Path) -> None:
    session = tmp_path / "abend.json"
    run = [sys.executable, "-m", "fishbowl_desktop"]
    assert subprocess.run([*run, "write-demo", str(session)], capture_output=True, check=False).returncode == 0
    far = write(tmp_path, "far.svg", SVG.replace("<rect", '<image href="http://example.org/x.png"/><rect'))
    out = tmp_path / "sheet.pdf"
    done = subprocess.run(
        [*run, "export-pdf", str(session), "--kind", "attendees", "-o", str(out), "--logo", str(far)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )
    assert done.returncode == 1 and not out.exists()
    assert done.stderr.startswith("fishbowl-desktop: Das Logo far.svg verweist auf Dateien oder Adressen"), done.stderr
