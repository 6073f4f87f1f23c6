"""The console paints its first frame without the spreadsheet code: CSV is loaded on first import or export
(issue 12 point 5, issue 14 point 2). The participant search folds names with model.folding, not with it."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
ctl = SessionController(demo_session(FakeClock()))
window = ConsoleWindow(ctl, TimerTicker(ctl))
window.resize(1366, 768)
window.show()
for _ in range(5):
    app.processEvents()
window.participants_panel.search.setText("ozturk")  # the search folds: it must not need the CSV code
app.processEvents()
print(json.dumps(sorted(m for m in sys.modules if m.startswith("fishbowl_desktop.spreadsheets"))))
"""


def test_the_first_frame_and_the_search_load_no_spreadsheet_code() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, encoding="utf-8", timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.splitlines()[-1]) == []
