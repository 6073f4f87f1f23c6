"""Whatever goes wrong in a save reaches the moderator as "Not saved": not only the disk's OSError but any
exception (a value the encoder cannot write, a bug). The status bar never keeps an old "Saved … at" time,
and Ctrl+Q never quits silently over an unsaved evening."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

import fishbowl_desktop.controller.autosave as autosave_module
from fishbowl_desktop.controller import Autosaver, SessionController, TimerTicker
from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.storage import save_session
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow


@pytest.fixture(autouse=True)
def quick_timers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(autosave_module, "DEBOUNCE_MS", 10)
    monkeypatch.setattr(autosave_module, "RETRY_MS", 40)


def status_texts(window: ConsoleWindow) -> str:
    bar = window.statusBar()
    return " | ".join([bar.currentMessage(), *(w.text() for w in bar.findChildren(QLabel) if w.isVisible())])


def smuggle_surrogate(session: Session) -> None:
    """A name the model would refuse, put in behind its back: what an older build or a bug could leave."""
    person = session.participants[3]
    broken = person.with_changes(name="Ahmad Al-Sayed")
    object.__setattr__(broken, "name", "Ahmad \ud800 Al-Sayed")
    session.update_participant(broken)


def console(ctl: SessionController, saver: Autosaver, qtbot: Any) -> ConsoleWindow:
    window = ConsoleWindow(ctl, TimerTicker(ctl), saver)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


def test_an_unencodable_name_is_not_saved_and_says_so(tmp_path: Path, clock: FakeClock, qtbot: Any) -> None:
    path = tmp_path / "abend.fishbowl"
    ctl = SessionController(demo_session(clock))
    saver = Autosaver(ctl, path)
    window = console(ctl, saver, qtbot)
    ctl.enqueue("aud-06")
    qtbot.waitUntil(lambda: path.exists() and not saver.dirty, timeout=3000)
    assert "Saved to abend.fishbowl at" in status_texts(window)
    good = path.read_bytes()

    smuggle_surrogate(ctl.session)
    failures: list[str] = []
    saver.saveFailed.connect(failures.append)
    ctl.enqueue("aud-07")  # the next autosave meets the surrogate
    qtbot.waitUntil(lambda: len(failures) >= 2, timeout=3000)  # announced, and retried
    shown = status_texts(window)
    assert "Not saved" in shown and "UnicodeEncodeError" in shown, shown
    assert "Saved to" not in shown, shown
    assert window.message_bar.level == "error" and "Not saved" in window.message_bar.text()
    assert path.read_bytes() == good and saver.dirty

    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not closed and window.isVisible()  # the first Ctrl+Q is refused, with the reason
    assert "quit anyway" in window.message_bar.text() and "UnicodeEncodeError" in window.message_bar.text()
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert closed  # the second one quits, knowingly


def test_any_exception_in_a_save_is_a_failed_save(tmp_path: Path, clock: FakeClock, qtbot: Any) -> None:
    calls: list[int] = []

    def buggy(session: Session, path: Path) -> None:
        calls.append(1)
        if len(calls) > 1:
            raise RuntimeError("the encoder tripped over something\nsecond line")
        save_session(session, path)

    path = tmp_path / "abend.fishbowl"
    ctl = SessionController(demo_session(clock))
    saver = Autosaver(ctl, path, save=buggy)
    window = console(ctl, saver, qtbot)
    ctl.enqueue("aud-06")
    assert saver.flush() is True and calls == [1]
    ctl.enqueue("aud-07")
    assert saver.flush() is False  # returned, not raised into the Qt slot that called it
    assert saver.last_error == (
        "Not saved: RuntimeError: the encoder tripped over something. The session is kept in memory; retrying."
    )
    assert "Saved to" not in status_texts(window)
