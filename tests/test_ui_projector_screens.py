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

HERE = Path(__file__).parent
CASES = HERE / "projector_two_screens_cases.py"


def _run(config: Path) -> str:
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", str(CASES), "-q", "-p", "no:cacheprovider", "-rs"],
        cwd=HERE.parent, env=env, capture_output=True, text=True, timeout=120,
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, output
    assert " passed" in output, output
    return output


def test_projector_on_two_screens() -> None:
    output = _run(HERE / "screens_two.json")
    assert "1 skipped" in output  # only the three-screen case is skipped


def test_projector_on_three_screens(tmp_path: Path) -> None:
    config = json.loads((HERE / "screens_two.json").read_text(encoding="utf-8"))
    config["screens"].append({"name": "Beamer2", "x": 3286, "y": 0, "width": 1280, "height": 720,
                              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1})
    path = tmp_path / "screens_three.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    output = _run(path)
    assert "1 skipped" in output  # the two-screen "hide when only the console is left" case


@pytest.mark.parametrize("config", ["screens_two.json"])
def test_config_names_a_laptop_and_a_beamer(config: str) -> None:
    names = [s["name"] for s in json.loads((HERE / config).read_text(encoding="utf-8"))["screens"]]
    assert names == ["Laptop", "Beamer"]
