"""The headless layers never pull in Qt: the command line must run on a machine without a display or
without Qt's libraries, and the model must stay testable as plain Python."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

HEADLESS_MODULES = [
    "fishbowl_desktop.model",
    "fishbowl_desktop.storage",
    "fishbowl_desktop.spreadsheets",
    "fishbowl_desktop.settings",
    "fishbowl_desktop.cli",
    "fishbowl_desktop.stage",
    "fishbowl_desktop.commands",
    "fishbowl_desktop.licences",  # the bundle build reads it too
    "fishbowl_desktop.room.validate",
    "fishbowl_desktop.room.state",
]
if importlib.util.find_spec("fishbowl_desktop.documents") is not None:
    HEADLESS_MODULES.append("fishbowl_desktop.documents")

PROBE = """
import json, sys
from pathlib import Path
for name in sys.argv[2:]:
    __import__(name)
from fishbowl_desktop.__main__ import main
path = Path(sys.argv[1])
codes = [main(["write-demo", str(path)]), main(["check", str(path)])]
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "PyQt5", "PyQt6", "qasync"))
print(json.dumps({"codes": codes, "qt": qt, "loaded": sys.argv[2:]}))
"""


def test_headless_layers_and_the_check_command_load_no_qt(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "s.json"), *HEADLESS_MODULES],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report["codes"] == [0, 0]
    assert report["loaded"] == HEADLESS_MODULES
    assert report["qt"] == [], f"Qt was imported by a headless layer: {report['qt']}"


def test_the_probe_would_notice_qt(tmp_path: Path) -> None:
    """Guard against a probe that can never fail: importing a Qt module is seen."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path / "s.json"), "PySide6.QtCore"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "PySide6.QtCore" in json.loads(result.stdout.splitlines()[-1])["qt"]
