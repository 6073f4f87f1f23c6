"""The command line speaks the evening's language for what is wrong with the evening or the options for its
documents, and the terminal's before it has read a session (issue 25, point 10: "option errors in English in a
German session"). Real processes, as an organiser runs them."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def run(*args: str | Path, lang: str = "C.UTF-8") -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(PYTHONIOENCODING="utf-8", LANG=lang)
    return subprocess.run(
        [sys.executable, "-m", "fishbowl_desktop", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=env,
    )


@pytest.fixture(scope="module")
def evenings(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("cli-language")
    german = folder / "abend.json"
    assert run("write-demo", german).returncode == 0
    data = json.loads(german.read_text("utf-8"))
    data["event"]["language"] = "en"
    english = folder / "evening.json"
    english.write_text(json.dumps(data), "utf-8")
    return {"de": german, "en": english}


def test_an_option_error_speaks_the_german_evenings_language(evenings: dict[str, Path], tmp_path: Path) -> None:
    args = ("export-pdf", evenings["de"], "--kind", "report", "-o", tmp_path / "r.pdf", "--short-turn-seconds", "900")
    result = run(*args)  # an English terminal: the evening decides
    assert result.returncode == 1
    assert result.stderr.strip() == (
        "fishbowl-desktop: Die Grenze für versehentliche Beiträge muss zwischen 0 und 600 Sekunden liegen."
    )
    result = run("export-pdf", evenings["de"], "--kind", "attendees", "-o", tmp_path / "a.pdf", "--columns", "shoe")
    assert "Unbekannte Spalte „shoe“" in result.stderr, result.stderr
    assert not (tmp_path / "r.pdf").exists() and not (tmp_path / "a.pdf").exists()


def test_an_english_evening_keeps_english_errors_in_a_german_terminal(
    evenings: dict[str, Path], tmp_path: Path
) -> None:
    args = ("export-pdf", evenings["en"], "--kind", "report", "-o", tmp_path / "r.pdf", "--short-turn-seconds", "900")
    result = run(*args, lang="de_DE.UTF-8")
    assert result.stderr.strip() == (
        "fishbowl-desktop: The threshold for accidental turns must be between 0 and 600 seconds."
    )


def test_before_a_session_is_read_the_terminal_decides(evenings: dict[str, Path], tmp_path: Path) -> None:
    german = run("export-pdf", evenings["de"], "--kind", "poster", "-o", tmp_path / "x.pdf", lang="de_DE.UTF-8")
    assert german.returncode == 2 and german.stderr.startswith("Aufruf: fishbowl-desktop export-pdf ")
    assert "fishbowl-desktop export-pdf: Fehler: --kind: ungültige Wahl 'poster'" in german.stderr, german.stderr
    english = run("export-pdf", evenings["de"], "--kind", "poster", "-o", tmp_path / "x.pdf")
    assert "fishbowl-desktop export-pdf: error: argument --kind: invalid choice: 'poster'" in english.stderr
    number = run("export-pdf", evenings["de"], "--kind", "report", "-o", "x.pdf", "--blank-rows", "x", lang="de_DE")
    assert "'x' ist keine ganze Zahl" in number.stderr, number.stderr
    missing = run("check", tmp_path / "fehlt.json", lang="de_DE.UTF-8")
    assert missing.returncode == 1 and "the file does not exist" not in missing.stderr
    assert missing.stderr.startswith("fishbowl-desktop: fehlt.json: ")


def test_the_qt_free_catalogue_reads_what_qt_reads() -> None:
    """`catalogue.german` against Qt's own QTranslator on the same .qm: every FishbowlError template alike."""
    from PySide6.QtCore import QTranslator

    from fishbowl_desktop.catalogue import _messages, german
    from fishbowl_desktop.resources import resources_dir

    qm = resources_dir() / "translations" / "fishbowl_de.qm"
    translator = QTranslator()
    assert translator.load(str(qm))
    ours = german("FishbowlError")
    assert len(ours) > 50
    for source, text in ours.items():
        assert translator.translate("FishbowlError", source) == text, source
    with pytest.raises(ValueError):
        _messages(b"not a catalogue")
