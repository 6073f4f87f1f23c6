"""Runs the multi-screen projector cases in subprocesses with the offscreen platform's screen configs.

The main test process already owns a single-screen QApplication, so each screen layout gets its own
Python process; a failing case there fails this test, with the subprocess's output attached.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parents[1]
CASES = HERE / "projector_two_screens_cases.py"
ONE_SCREEN_CASES = HERE / "projector_one_screen_cases.py"


def _run(config: Path, cases: Path = CASES) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    env.pop("PYTEST_ADDOPTS", None)  # CI's coverage report would speak of "files skipped" in the child's output
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", str(cases), "-q", "-p", "no:cacheprovider", "-rs"],
        cwd=HERE.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    assert " passed" in output, output
    return output


def test_projector_on_two_screens() -> None:
    output = _run(HERE / "screens_two.json")
    assert "3 skipped" in output and output.count("no screen Aux") == 1  # only the three-screen cases ([3])


def test_projector_on_three_screens(tmp_path: Path) -> None:
    config = json.loads((HERE / "screens_two.json").read_text(encoding="utf-8"))
    # a confidence monitor for the speakers, named so that it comes first in Qt's list of screens
    config["screens"].append(
        {
            "name": "Aux",
            "x": 3286,
            "y": 0,
            "width": 1280,
            "height": 720,
            "logicalDpi": 96,
            "logicalBaseDpi": 96,
            "dpr": 1,
        }
    )
    path = tmp_path / "screens_three.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    output = _run(path)
    assert "3 skipped" in output  # the two-screen "hide when only the console is left" cases
    assert output.count("with a second beamer the projector moves there instead") == 3


def test_projector_on_the_laptop_alone(tmp_path: Path) -> None:
    config = json.loads((HERE / "screens_two.json").read_text(encoding="utf-8"))
    config["screens"] = [s for s in config["screens"] if s["name"] == "Laptop"]
    path = tmp_path / "screens_one.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    output = _run(path, ONE_SCREEN_CASES)
    assert "skipped" not in output


@pytest.mark.parametrize("config", ["screens_two.json"])
def test_config_names_a_laptop_and_a_beamer(config: str) -> None:
    names = [s["name"] for s in json.loads((HERE / config).read_text(encoding="utf-8"))["screens"]]
    assert names == ["Laptop", "Beamer"]
