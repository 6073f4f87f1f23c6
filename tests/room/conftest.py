"""What the room's tests share: the console window they hang a room on (the API, the request list, the control box)
and the one headless Chromium the phone-page tests drive (skipped with a reason where it or Playwright is missing)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.model import Session
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow


@pytest.fixture
def window(demo: Session, qtbot: QtBot) -> ConsoleWindow:
    ctl = SessionController(demo)
    w = ConsoleWindow(ctl, TimerTicker(ctl))
    qtbot.addWidget(w)
    w.show()
    return w


# Debian's chromium here; a runner whose chromium is a snap stub (Ubuntu) points this at Google Chrome instead.
CHROMIUM = os.environ.get("FISHBOWL_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium for one test module (Playwright's sync API), closed when the module is done."""
    playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    if shutil.which(CHROMIUM) is None and not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()
