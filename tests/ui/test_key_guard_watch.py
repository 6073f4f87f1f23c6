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
from fishbowl_desktop.ui.shell import console_window, key_guard
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.console import no_pdf, open_console


class CountingGuard(key_guard.KeyGuard):
    """The real guard, counting the events its filter is called for (a subclass made once, at import: PySide6
    keeps the override it looked up, so the class method itself is never swapped)."""

    calls = 0
    objects: Counter[str] = Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        CountingGuard.calls += 1
        CountingGuard.objects[f"{type(watched).__name__}:{watched.objectName()}"] += 1
        return super().eventFilter(watched, event)


def _settle(qtbot: QtBot) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(50)


def test_a_running_turn_with_the_projector_on_passes_the_key_guard_a_few_times_a_second(
    ctl: SessionController, clock: FakeClock, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(console_window, "KeyGuard", CountingGuard)
    window: ConsoleWindow = open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, no_pdf))
    window.projector.show_projector()
    assert ctl.start_turn("aud-01")
    _settle(qtbot)
    assert isinstance(window.key_guard, CountingGuard)
    CountingGuard.calls = 0
    CountingGuard.objects.clear()
    for _ in range(5):
        clock.advance(1.0)
        window.ticker.poll()
        _settle(qtbot)
    assert window.timer_panel.time.text() == "1:55"
    # Before: 40 calls on 8 objects in these five seconds (the clock's digits, the preview, the projector's view,
    # the coalescer, timers, event loops). Now the two windows' update requests: it watches them for new dialogs.
    seen = dict(CountingGuard.objects)
    assert CountingGuard.calls <= 5 * 2, f"the key guard saw {CountingGuard.calls} events: {seen}"
    assert set(seen) <= {"ConsoleWindow:", "ProjectorWindow:projectorWindow"}, seen
