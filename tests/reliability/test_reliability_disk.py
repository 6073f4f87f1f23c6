"""The autosave folder turns read-only, fills up or refuses access in the middle of the evening.

The real console window, the real Autosaver with its real timers (only the intervals shortened), the real
save_session: the failure is injected where the operating system would report it. Running as root, chmod
does not stop writes, so the outage is an OSError from the save function or from fsync inside the atomic
write, and one case uses a path under /sys, which nobody can write to.

What the moderator must get: a clear warning in the status bar (and the message bar) naming the reason,
the evening going on in memory with nothing refused, the file on disk still the last good save (never a
half-written one), retries without anyone asking, and, once the disk is back, everything saved and the
warning gone.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel

import fishbowl_desktop.controller.autosave as autosave_module
from fishbowl_desktop.controller import Autosaver, SessionController, TimerTicker
from fishbowl_desktop.controller.session_files import SessionFiles
from fishbowl_desktop.model import FakeClock, Participant, Session
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.storage import Workspace, load_session, save_session, session_to_dict
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow

WAIT_MS = 30_000
"""How long a condition may take to come true: autosave waits a 1 s debounce and retries after a failure, and a
busy machine stretches both; a passing test returns as soon as its condition holds."""

REASONS = {
    errno.ENOSPC: "No space left on device",
    errno.EROFS: "Read-only file system",
    errno.EACCES: "Permission denied",
}


def content(session: Session) -> dict[str, Any]:
    data = session_to_dict(session)
    data.pop("saved_at")
    return data


class Disk:
    """A save function for the Autosaver: the real save_session, unless the disk is 'broken'."""

    def __init__(self, code: int) -> None:
        self.code = code
        self.broken = False
        self.attempts = 0

    def __call__(self, session: Session, path: Path) -> None:
        self.attempts += 1
        if self.broken:
            raise OSError(self.code, os.strerror(self.code), str(path))
        save_session(session, path)


@pytest.fixture(autouse=True)
def quick_timers(monkeypatch: pytest.MonkeyPatch) -> None:
    """A second of debounce and five of retry, shortened: the test waits for the real timers to fire."""
    monkeypatch.setattr(autosave_module, "DEBOUNCE_MS", 10)
    monkeypatch.setattr(autosave_module, "RETRY_MS", 40)


def status_texts(window: ConsoleWindow) -> str:
    """What the status bar shows: its message and every label in it."""
    bar = window.statusBar()
    return " | ".join([bar.currentMessage(), *(w.text() for w in bar.findChildren(QLabel) if w.isVisible())])


def an_evening_goes_on(ctl: SessionController, clock: FakeClock) -> None:
    """Moderator actions while the disk is gone: none of them may be refused."""
    steps: list[Callable[[], bool]] = [
        lambda: ctl.enqueue("aud-05"),
        lambda: ctl.next_free_chair(),
        lambda: ctl.add_and_enqueue(Participant("late-1", "Zeynep Arslan")),
        lambda: ctl.end_turn(),
        lambda: ctl.start_turn("pan-3"),
    ]
    for step in steps:
        clock.advance(41)
        assert step() is True


def build(ctl: SessionController, saver: Autosaver, qtbot: Any) -> ConsoleWindow:
    window = ConsoleWindow(ctl, TimerTicker(ctl), saver)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    return window


@pytest.mark.parametrize("code", list(REASONS))
def test_a_full_or_read_only_disk_warns_keeps_the_evening_and_saves_when_it_is_back(
    code: int, tmp_path: Path, clock: FakeClock, qtbot: Any
) -> None:
    path = tmp_path / "evening.fishbowl.json"
    ctl = SessionController(demo_session(clock))
    disk = Disk(code)
    saver = Autosaver(ctl, path, save=disk)
    window = build(ctl, saver, qtbot)
    failures: list[str] = []
    saver.saveFailed.connect(failures.append)

    ctl.enqueue("aud-06")
    qtbot.waitUntil(lambda: path.exists() and not saver.dirty, timeout=WAIT_MS)
    last_good = path.read_bytes()
    assert "Saved to evening.fishbowl.json at 18:00:00" in status_texts(window)

    disk.broken = True
    an_evening_goes_on(ctl, clock)
    qtbot.waitUntil(lambda: len(failures) >= 3, timeout=WAIT_MS)  # retried again and again, nobody asked
    shown = status_texts(window)
    assert REASONS[code] in shown and "Not saved" in shown and "kept in memory" in shown, shown
    assert "Saved to" not in shown  # the old "saved" text must not linger beside the warning
    assert "B03A00" in window.save_label.styleSheet()  # drawn as a warning, not as quiet grey text
    assert window.message_bar.level == "error" and REASONS[code] in window.message_bar.text()
    assert path.read_bytes() == last_good and saver.dirty  # the file is the last good save, untouched
    in_memory = content(ctl.session)
    assert ctl.session.turn is not None and ctl.session.turn.participant_id == "pan-3"

    disk.broken = False
    qtbot.waitUntil(lambda: not saver.dirty, timeout=WAIT_MS)
    assert content(load_session(path, clock)) == in_memory  # every change made during the outage
    shown = status_texts(window)
    assert "Saved to evening.fishbowl.json" in shown and "Not saved" not in shown, shown
    assert window.save_label.styleSheet() == ""
    assert "Not saved" not in window.message_bar.text(), "a stale warning says the evening is not saved"


def test_no_space_inside_the_atomic_write_leaves_the_last_save_whole(
    tmp_path: Path, clock: FakeClock, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up while the new content is being flushed: the half-written temporary file goes,
    the session file keeps the previous save, and the warning names the session file, not the temp file."""
    path = tmp_path / "evening.fishbowl.json"
    ctl = SessionController(demo_session(clock))
    saver = Autosaver(ctl, path)  # the default, real save
    window = build(ctl, saver, qtbot)
    ctl.enqueue("aud-06")
    qtbot.waitUntil(lambda: not saver.dirty, timeout=WAIT_MS)
    last_good = path.read_bytes()
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    an_evening_goes_on(ctl, clock)
    qtbot.waitUntil(lambda: saver.last_error is not None, timeout=WAIT_MS)
    assert "No space left on device" in status_texts(window)
    assert path.read_bytes() == last_good
    assert not list(tmp_path.glob(".*.tmp")), "a half-written temporary file was left on the full disk"
    monkeypatch.setattr(os, "fsync", real_fsync)
    in_memory = content(ctl.session)
    qtbot.waitUntil(lambda: not saver.dirty, timeout=WAIT_MS)
    assert content(load_session(path, clock)) == in_memory


def test_an_unwritable_folder_for_real_then_save_as_elsewhere_keeps_everything(
    tmp_path: Path, clock: FakeClock, qtbot: Any
) -> None:
    """/sys refuses new files even to root: a real failure, no injection. The moderator saves elsewhere."""
    unwritable = Path("/sys/fishbowl-reliability/evening.fishbowl.json")
    try:
        save_session(demo_session(clock), unwritable)
    except OSError:
        pass
    else:  # pragma: no cover - a system where /sys is writable
        unwritable.unlink()
        pytest.skip("/sys is writable here")
    ctl = SessionController(demo_session(clock))
    saver = Autosaver(ctl, unwritable)
    files = SessionFiles(Workspace(tmp_path / "home"), ctl, saver, clock)
    window = ConsoleWindow(ctl, TimerTicker(ctl), saver, files=files)
    qtbot.addWidget(window)
    window.show()
    an_evening_goes_on(ctl, clock)
    qtbot.waitUntil(lambda: saver.last_error is not None, timeout=WAIT_MS)
    shown = status_texts(window)
    assert "Not saved" in shown and ("Permission denied" in shown or "Read-only" in shown or "No such file" in shown), (
        shown
    )
    in_memory = content(ctl.session)
    elsewhere = tmp_path / "rescued.fishbowl.json"
    assert files.save_as(elsewhere) is None
    window.save_status.refresh()
    assert content(load_session(elsewhere, clock)) == in_memory
    qtbot.waitUntil(lambda: not saver.dirty, timeout=WAIT_MS)  # the pending retry now goes to the new place
    assert "Saved to rescued.fishbowl.json" in status_texts(window)


@pytest.mark.parametrize("switch", ["open", "new"])
def test_open_or_new_during_an_outage_does_not_drop_the_unsaved_evening(
    switch: str, tmp_path: Path, clock: FakeClock, qtbot: Any
) -> None:
    """File → Open or New while the disk refuses: the evening that could not be saved must not vanish."""
    path = tmp_path / "evening.fishbowl.json"
    ctl = SessionController(demo_session(clock))
    disk = Disk(errno.ENOSPC)
    saver = Autosaver(ctl, path, save=disk)
    files = SessionFiles(Workspace(tmp_path / "home"), ctl, saver, clock)
    window = build_with_files(ctl, saver, files, qtbot)
    ctl.enqueue("aud-06")
    assert saver.flush()
    other = tmp_path / "other.fishbowl.json"
    save_session(Session(clock), other)

    disk.broken = True
    an_evening_goes_on(ctl, clock)
    unsaved = content(ctl.session)
    if switch == "open":
        window.file_menu.open_path(other)
    else:
        window.file_menu.new_session()
        box = window.quit_question.box  # a speaker's time runs: asked first, and the moderator goes on
        if box is not None:
            next(b for b in box.buttons() if b.text() == "Open another").click()
    kept_in_memory = content(ctl.session) == unsaved
    assert kept_in_memory or content(load_session(path, clock)) == unsaved, (
        "the evening's unsaved changes were thrown away"
    )
    assert "No space left on device" in window.message_bar.text()
    if kept_in_memory:  # and once the disk is back, it is saved where it belongs
        disk.broken = False
        qtbot.waitUntil(lambda: not saver.dirty, timeout=WAIT_MS)
        assert saver.path == path and content(load_session(path, clock)) == unsaved


def build_with_files(ctl: SessionController, saver: Autosaver, files: SessionFiles, qtbot: Any) -> ConsoleWindow:
    window = ConsoleWindow(ctl, TimerTicker(ctl), saver, files=files)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.mark.parametrize("demo", [False, True])
def test_starting_on_a_full_disk_opens_with_a_warning_instead_of_a_traceback(
    demo: bool, tmp_path: Path, clock: FakeClock, monkeypatch: pytest.MonkeyPatch, qapp: Any
) -> None:
    import fishbowl_desktop.app as app_module
    import fishbowl_desktop.startup.plan as plan_module

    def full(session: Session, path: Any, **_: Any) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(path))

    monkeypatch.setattr(plan_module, "save_session", full)
    plan = plan_module.plan_start(Workspace(tmp_path / "home"), demo=demo, clock=clock)
    assert any("No space left on device" in text for text, _level in plan.notices)
    assert plan.unsaved

    # The console opens anyway, keeps the evening in memory and saves it once the disk takes it again.
    def no_marker(self: Workspace, path: Any) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(Workspace, "mark_running", no_marker)
    console = app_module.build_console(plan, Workspace(tmp_path / "home"), AppSettings())
    try:
        assert console.autosaver.dirty
        assert "reopen this session" in console.window.message_bar.text()
        assert console.autosaver.flush() and plan.path.exists()
    finally:
        console.window.close()
        console.window.deleteLater()
