"""The console's event loop: the first frame on Qt's own loop, then the qasync loop for everything after.

asyncio and qasync take a noticeable part of the start-up to import (benchmarks/README.md), and nothing on the
first frame needs them,
so the console is painted first (a nested `QEventLoop` that ends after the first paint) and the asyncio
loop is started afterwards. asyncio is imported without `ssl`: it would map OpenSSL (several MiB resident) for
TLS that an offline console never speaks (asyncio's own modules accept a missing `ssl`; a later
`import ssl` by anyone else still gets the real module).
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

FIRST_FRAME_TIMEOUT_MS = 2000
"""A window that is never exposed (minimised, a hidden virtual desktop) must not hold up the start."""


class _FirstPaint(QObject):
    def __init__(self, done: Callable[[], None]) -> None:
        super().__init__()
        self._done = done

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self._done)  # after this paint cycle has finished
        return False


def paint_first_frame(window: QWidget, timeout_ms: int = FIRST_FRAME_TIMEOUT_MS) -> bool:
    """Run Qt's loop until the (shown) window has painted once; True if it did within the timeout."""
    loop = QEventLoop()
    painted = [False]

    def done() -> None:
        painted[0] = True
        loop.quit()

    watch = _FirstPaint(done)
    window.installEventFilter(watch)
    QTimer.singleShot(timeout_ms, loop.quit)
    try:
        loop.exec()
    finally:
        window.removeEventFilter(watch)
    return painted[0]


def import_asyncio_without_ssl() -> ModuleType:
    """asyncio (and, for the caller, qasync) with `ssl` left out, unless something imported ssl already."""
    if "asyncio" in sys.modules or "ssl" in sys.modules:
        import asyncio

        return asyncio
    sys.modules["ssl"] = None  # type: ignore[assignment]  # "import ssl" raises ImportError while this is set
    try:
        import asyncio
    finally:
        del sys.modules["ssl"]
    return asyncio


def run_until_closed(
    window: QWidget, closed_signal: object, on_quit: Callable[[], None], closed_already: Callable[[], bool]
) -> None:
    """The qasync loop until `closed_signal` fires (or at once if `closed_already()`: closed during the
    first frame); Ctrl+C or SIGTERM close the window (and save) like Quit; `on_quit` runs (synchronously)
    before the loop is closed."""
    asyncio = import_asyncio_without_ssl()
    import qasync  # after PySide6: qasync picks the Qt binding that is already imported

    app = QApplication.instance()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    loop.set_exception_handler(_into_the_trail)
    closed = loop.create_future()

    def finish() -> None:
        if not closed.done():
            closed.set_result(None)

    closed_signal.connect(finish)  # type: ignore[attr-defined]
    if closed_already():
        finish()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: loop.call_soon_threadsafe(window.close))
    try:
        loop.run_until_complete(closed)
    finally:
        on_quit()
        loop.close()
        asyncio.set_event_loop(None)


def _into_the_trail(loop: Any, context: dict[str, Any]) -> None:
    """A task's exception nobody awaited goes where a slot's goes (the trail and its calm notice)."""
    from fishbowl_desktop.trail import report_exception

    exc = context.get("exception")
    if not isinstance(exc, BaseException) or not report_exception(exc, "the event loop"):
        loop.default_exception_handler(context)


_asked_to_quit: list[int] = []
"""Ctrl+C or SIGTERM that came while the console was still being built (`remember_signals_while_starting`)."""


def remember_signals_while_starting() -> None:
    """From the start of the app: a Ctrl+C or SIGTERM before the window exists (a logout during a slow start) is
    remembered instead of killing the process unsaved; the window closes like Quit as soon as it is there."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda signum, _frame: _asked_to_quit.append(signum))


def close_on_signals_until_the_loop_runs(window: QWidget) -> None:
    """Before the qasync loop exists: Ctrl+C or SIGTERM still close the window (and save) like Quit; one that
    came while the window was being built closes it now."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: QTimer.singleShot(0, window.close))
    if _asked_to_quit:
        QTimer.singleShot(0, window.close)
