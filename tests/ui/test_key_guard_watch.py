"""The key guard looks only where keys can go (issue 29: the battery and the memory of an evening).

It used to be an application-wide Python event filter: every event of every object all evening (the running
turn's ticks, the repaints of the console and the projector) went through a Python call, and PySide6 made a
wrapper (and its class family's enum types) for each object it met. Now it filters the focus widget and the
windows of the console; the keys it guards are tested through real key events in test_ui_keys, test_ui_hands
and test_ui_keyboard_evening."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.ui.paper.pdf_export import PdfExporter
from fishbowl_desktop.ui.shell import key_guard
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.console import no_pdf, open_console


class Seen:
    """Every call of the key guard's filter while installed: how many, and on how many objects."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls = 0
        self.objects: Counter[str] = Counter()
        original = key_guard.KeyGuard.eventFilter

        def counted(guard: key_guard.KeyGuard, watched: QObject, event: QEvent) -> bool:
            self.calls += 1
            self.objects[f"{type(watched).__name__}:{watched.objectName()}"] += 1
            return original(guard, watched, event)

        monkeypatch.setattr(key_guard.KeyGuard, "eventFilter", counted)


def _settle(qtbot: QtBot) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(50)


def test_a_running_turn_with_the_projector_on_passes_the_key_guard_a_few_times_a_second(
    ctl: SessionController, clock: FakeClock, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = Seen(monkeypatch)  # before the console is made: PySide6 looks the override up once
    window: ConsoleWindow = open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, no_pdf))
    window.projector.show_projector()
    assert ctl.start_turn("aud-01")
    _settle(qtbot)
    seen.calls = 0
    seen.objects.clear()
    for _ in range(5):
        clock.advance(1.0)
        window.ticker.poll()
        _settle(qtbot)
    assert window.timer_panel.time.text() == "1:55"
    # Before: 400-odd calls on ~30 objects for five seconds (every repaint of both windows, every timer).
    print("CALLS", seen.calls, dict(seen.objects))
    assert seen.calls <= 5 * 4, f"the key guard saw {seen.calls} events: {dict(seen.objects)}"
    assert len(seen.objects) <= 3, dict(seen.objects)
