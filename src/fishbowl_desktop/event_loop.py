"""The console's event loop: Qt's own, for the first frame (a nested `QEventLoop` that ends after the first
paint, so start-up work can follow it) and for the evening after it (`run_until_closed`).

No asyncio loop runs on the UI thread: the room's server and the desk's OSC run theirs on threads of their own,
and import asyncio without `ssl` when they are switched on (`room/asyncio_without_ssl.py`).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterator

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSocketNotifier, QTimer
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


def run_until_closed(
    window: QWidget, closed_signal: object, on_quit: Callable[[], None], closed_already: Callable[[], bool]
) -> None:
    """Qt's own loop until `closed_signal` fires (or not at all if `closed_already()`: closed during the first
    frame); Ctrl+C or SIGTERM close the window (and save) like Quit; `on_quit` runs (synchronously) after it.

    No asyncio loop runs on the UI thread: nothing there needs one (the room's server and the desk's OSC run
    their own loops on threads of their own, `room/loop_thread.py`; PDFs go to the worker process through a
    thread). The qasync loop that ran here loaded asyncio and qasync right after the first frame, 2.1 MiB of the
    console's peak memory, for nothing (issue 29). The room and the desk import asyncio (without `ssl`) when
    they are switched on."""
    app = QApplication.instance()
    assert app is not None
    closed_signal.connect(lambda: app.exit(0))  # type: ignore[attr-defined]
    wake = _wake_on_signals()
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: QTimer.singleShot(0, window.close))
    try:
        if not closed_already():
            app.exec()
    finally:
        on_quit()
        wake.close()


class _SignalWake:
    """Python runs a signal's handler only when the interpreter runs, and Qt's loop may sleep in C++ for minutes
    (an idle console): the signal's byte on a pipe (`signal.set_wakeup_fd`) wakes the loop, and a Python slot
    reading it lets the handler run."""

    def __init__(self) -> None:
        self._read, self._write = os.pipe()
        os.set_blocking(self._read, False)
        os.set_blocking(self._write, False)
        self._previous = signal.set_wakeup_fd(self._write)
        self._notifier = QSocketNotifier(self._read, QSocketNotifier.Type.Read)
        self._notifier.activated.connect(self._drain)

    def _drain(self) -> None:
        with contextlib.suppress(OSError):
            os.read(self._read, 64)

    def close(self) -> None:
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous)
        os.close(self._read)
        os.close(self._write)


def _wake_on_signals() -> _SignalWake | _NoWake:
    if sys.platform == "win32":
        return _NoWake()  # no pipe for set_wakeup_fd there; Ctrl+C reaches a console app's next Python call
    return _SignalWake()


class _NoWake:
    def close(self) -> None:
        pass


_asked_to_quit: list[int] = []
"""Ctrl+C or SIGTERM that came while the console was still being built (`remember_signals_while_starting`)."""


def remember_signals_while_starting() -> None:
    """From the start of the app: a Ctrl+C or SIGTERM before the window exists (a logout during a slow start) is
    remembered instead of killing the process unsaved; the window closes like Quit as soon as it is there."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda signum, _frame: _asked_to_quit.append(signum))


def asked_to_quit() -> bool:
    """Whether a Ctrl+C or SIGTERM came during the start (remembered, or one that closed a question)."""
    return bool(_asked_to_quit)


@contextlib.contextmanager
def quit_on_signals_while_asking() -> Iterator[None]:
    """A question before the console exists (another window has the session): a Ctrl+C or SIGTERM (a logout)
    closes it instead of waiting for a click, and is remembered so the start ends there (`asked_to_quit`).
    One that came before the question was up closes it as soon as it is."""
    wake = _wake_on_signals()  # the question's own loop sleeps in C++ like the evening's
    closing = QTimer()
    closing.setInterval(0)
    closing.timeout.connect(_close_the_question)

    def close(signum: int, _frame: object) -> None:
        _asked_to_quit.append(signum)
        closing.start()

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, close)
    if _asked_to_quit:
        closing.start()
    try:
        yield
    finally:
        closing.stop()
        wake.close()
        remember_signals_while_starting()


def _close_the_question() -> None:
    """Once the modal question is up (it may not be yet when the signal comes); then this timer has done its job."""
    question = QApplication.activeModalWidget()
    if question is not None:
        question.close()


def close_on_signals_until_the_loop_runs(window: QWidget) -> None:
    """Before `run_until_closed`: Ctrl+C or SIGTERM still close the window (and save) like Quit; one that
    came while the window was being built closes it now."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, lambda *_: QTimer.singleShot(0, window.close))
    if _asked_to_quit:
        QTimer.singleShot(0, window.close)
