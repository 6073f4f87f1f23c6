"""The headless command line as an organiser runs it: real processes, exit codes, one-line messages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from fishbowl_desktop.storage import load_session
from helpers.bad_files import BAD_FILES, BadFile


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "fishbowl_desktop", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        env=env,
        cwd=cwd,
    )


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "abend.json"
    result = run("write-demo", path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{path}: sample evening written"
    assert result.stderr == ""
    return path


def test_write_demo_then_check(demo_file: Path) -> None:
    before = demo_file.read_bytes()
    result = run("check", demo_file)
    assert result.returncode == 0, result.stderr
    assert "valid session “Neue Hannoveraner*innen" in result.stdout
    assert "17 participants, 6 turns logged" in result.stdout
    assert demo_file.read_bytes() == before  # check never writes
    assert load_session(demo_file).event.venue_name == "Unter einem Dach"


@pytest.mark.parametrize("case", BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_check_refuses_a_bad_file_in_one_line(case: BadFile, demo_file: Path, tmp_path: Path) -> None:
    _name, make, _kind, phrase = case
    path = tmp_path / "session.json"
    bad = make(demo_file.read_bytes())
    path.write_bytes(bad)

    result = run("check", path)
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("fishbowl-desktop: session.json: ")
    assert phrase in lines[0]
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == bad


def test_write_demo_will_not_overwrite_a_foreign_file(tmp_path: Path) -> None:
    path = tmp_path / "teilnehmer.csv"
    path.write_bytes(b"Name;Organisation\nAy\xc5\x9fe;Verein\n")
    result = run("write-demo", path)
    assert result.returncode != 0
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr
    assert "not saved" in result.stderr
    assert path.read_bytes() == b"Name;Organisation\nAy\xc5\x9fe;Verein\n"


def test_check_a_missing_file(tmp_path: Path) -> None:
    result = run("check", tmp_path / "fehlt.json")
    assert result.returncode != 0
    assert result.stderr.strip() == "fishbowl-desktop: fehlt.json: the file does not exist"


def test_write_demo_into_a_missing_folder_fails_in_one_line(tmp_path: Path) -> None:
    result = run("write-demo", tmp_path / "no" / "folder" / "s.json")
    assert result.returncode != 0
    assert result.stderr.strip() == "fishbowl-desktop: s.json: No such file or directory"


def test_a_relative_path_works_from_the_current_folder(tmp_path: Path) -> None:
    assert run("write-demo", "rel.json", cwd=tmp_path).returncode == 0
    assert run("check", "rel.json", cwd=tmp_path).returncode == 0
    assert (tmp_path / "rel.json").is_file()


def test_help_shows_how_to_open_the_console_as_well_as_the_commands() -> None:
    """`--help` is where a newcomer looks first: it named only the headless commands, not --demo or FILE."""
    result = run("--help")
    assert result.returncode == 0
    usage = result.stdout.split("\n\n", 1)[0]
    assert "fishbowl-desktop [--demo] [FILE]" in usage
    assert "write-demo" in usage and "export-pdf" in usage
    assert "--demo the sample evening" in " ".join(result.stdout.split())
