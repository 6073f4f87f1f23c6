"""What the room's tests share: a room switched on on 127.0.0.1 over the console window (`window`, from
tests/conftest.py; the API, the request list, the control box hang on it; a module with a `room` of its own uses
that instead), and the one headless Chromium the phone-page tests drive (skipped with a reason where it or
Playwright is missing)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from fishbowl_desktop.room.service import Room
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.chromium import CHROMIUM, MISSING, chromium_missing
from helpers.ports import free_port


@pytest.fixture
def room(window: ConsoleWindow, tmp_path: Path) -> Iterator[Room]:
    """The room on, on a free port of 127.0.0.1 only (the API's, the chain's and the Companion module's tests)."""
    r = Room(window.controller, window.ticker, lambda: window.settings, tmp_path, window)
    r.set_port(free_port())
    r.start("127.0.0.1")
    yield r
    r.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """A headless Chromium for one test module (Playwright's sync API), closed when the module is done."""
    playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python is not installed")
    if chromium_missing():
        pytest.skip(MISSING)
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()
