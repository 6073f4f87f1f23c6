"""What one second of a running turn costs the console: the digits and the miniature repaint, nothing is laid
out again, and no ancestor of the clock repaints under it (issue 29: on battery, the once-a-second work)."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.ui.paper.pdf_export import PdfExporter
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.console import open_console


class Events(QObject):
    """Layout requests and paints, per widget, while it is installed on the application."""

    def __init__(self) -> None:
        super().__init__()
        self.layouts: Counter[str] = Counter()
        self.paints: Counter[str] = Counter()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QWidget):
            name = f"{type(watched).__name__}:{watched.objectName()}"
            if event.type() == QEvent.Type.LayoutRequest:
                self.layouts[name] += 1
            elif event.type() == QEvent.Type.Paint:
                self.paints[name] += 1
        return False


def _settle(qtbot: QtBot) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(50)


def test_a_new_second_lays_nothing_out_and_repaints_only_what_changed(
    ctl: SessionController, clock: FakeClock, qtbot: QtBot
) -> None:
    window: ConsoleWindow = open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, lambda *a, **k: 1))
    assert ctl.start_turn("aud-01")
    _settle(qtbot)
    events = Events()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(events)
    try:
        for _ in range(3):
            clock.advance(1.0)
            window.ticker.poll()
            _settle(qtbot)
    finally:
        app.removeEventFilter(events)
    assert window.timer_panel.time.text() == "1:57"
    assert events.paints["DigitsLabel:timerTime"] >= 3  # the moderator sees every second
    assert not events.layouts, f"a tick laid out {dict(events.layouts)}"
    assert events.paints["ConsoleWindow:"] == 0, f"a tick repainted under the clock: {dict(events.paints)}"


def test_the_waiting_times_move_with_the_speakers_clock_and_on_their_own_when_it_stands(
    ctl: SessionController, clock: FakeClock, qtbot: QtBot
) -> None:
    """While a turn runs, the queue's waiting column and the turn's record follow the clock's once-a-second
    wake-up instead of timers of their own (one wake-up a second on battery, not three); when the clock stands,
    the waiting times still move."""
    window: ConsoleWindow = open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, lambda *a, **k: 1))
    model = window.queue_panel.model
    first = model.index(0, model.WAITING)
    assert ctl.start_turn("aud-01")
    _settle(qtbot)
    assert not window.queue_panel.live_timer_active()
    before = model.data(first)
    clock.advance(61.0)
    window.ticker.poll()
    assert model.data(first) != before
    assert ctl.toggle_timer()  # paused: the speaker's clock stands, the hall's waiting does not
    _settle(qtbot)
    assert window.queue_panel.live_timer_active()
