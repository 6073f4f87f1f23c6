"""The autosave's writer thread: the UI thread only freezes the session; the file work happens elsewhere,
and the status bar never calls saved what the file does not hold.

The real Autosaver and the real storage.save_session; the save is only wrapped to see which thread runs it
and, where a test needs a slow disk, to hold it until the test lets it go.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

import fishbowl_desktop.controller.autosave as autosave
import fishbowl_desktop.storage as storage
from fishbowl_desktop.controller import Autosaver, SessionController
from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.storage import load_session


class Disk:
    """storage.save_session as it is, called through; it notes the thread and can be held."""

    def __init__(self, real: Callable[..., None]) -> None:
        self.real = real
        self.threads: list[threading.Thread] = []
        self.held = threading.Event()
        self.held.set()
        self.entered = threading.Event()
        self.fail: OSError | None = None

    def __call__(self, session: object, path: Path, **kwargs: object) -> None:
        self.threads.append(threading.current_thread())
        self.entered.set()
        assert self.held.wait(30)
        if self.fail is not None:
            raise self.fail
        self.real(session, path, **kwargs)


@pytest.fixture
def disk(monkeypatch: pytest.MonkeyPatch) -> Iterator[Disk]:
    d = Disk(storage.save_session)
    monkeypatch.setattr(storage, "save_session", d)
    monkeypatch.setattr(autosave, "DEBOUNCE_MS", 20)
    yield d
    d.held.set()


def test_the_file_is_written_off_the_ui_thread(demo: Session, tmp_path: Path, disk: Disk, qtbot: QtBot) -> None:
    ctl = SessionController(demo)
    saver = Autosaver(ctl, tmp_path / "abend.fishbowl.json")
    with qtbot.waitSignal(saver.saved, timeout=5000):
        ctl.set_event(replace(ctl.session.event, report_notes="one"))
    assert disk.threads and all(t is not threading.main_thread() for t in disk.threads)
    assert load_session(tmp_path / "abend.fishbowl.json").event.report_notes == "one" and not saver.dirty


def test_saved_is_announced_only_for_what_the_file_holds(
    demo: Session, tmp_path: Path, disk: Disk, qtbot: QtBot
) -> None:
    ctl = SessionController(demo)
    path = tmp_path / "abend.fishbowl.json"
    saver = Autosaver(ctl, path)
    announced: list[str] = []
    saver.saved.connect(lambda _p: announced.append(load_session(path).event.report_notes))
    disk.held.clear()
    ctl.set_event(replace(ctl.session.event, report_notes="before"))
    qtbot.waitUntil(disk.entered.is_set, timeout=5000)  # the write of "before" is held on the writer thread
    ctl.set_event(replace(ctl.session.event, report_notes="during"))  # the UI thread is free meanwhile
    qtbot.wait(50)
    assert saver.dirty and not announced
    disk.held.set()
    qtbot.waitUntil(lambda: bool(announced), timeout=5000)
    assert announced == ["during"]  # "before" reached the disk but was never called saved
    assert ctl.session.event.report_notes == "during" and not saver.dirty


def test_flush_waits_for_the_write_in_progress_and_saves_the_latest(
    demo: Session, tmp_path: Path, disk: Disk, qtbot: QtBot
) -> None:
    ctl = SessionController(demo)
    path = tmp_path / "abend.fishbowl.json"
    saver = Autosaver(ctl, path)
    disk.held.clear()
    ctl.set_event(replace(ctl.session.event, report_notes="first"))
    qtbot.waitUntil(disk.entered.is_set, timeout=5000)
    ctl.set_event(replace(ctl.session.event, report_notes="last"))
    threading.Timer(0.2, disk.held.set).start()  # the slow disk answers while flush() waits
    assert saver.flush()
    assert load_session(path).event.report_notes == "last" and not saver.dirty
    assert disk.threads[-1] is threading.main_thread()  # quit's last save is synchronous, on this thread


def test_a_failed_write_is_announced_and_retried(demo: Session, tmp_path: Path, disk: Disk, qtbot: QtBot) -> None:
    ctl = SessionController(demo)
    saver = Autosaver(ctl, tmp_path / "abend.fishbowl.json")
    disk.fail = PermissionError(13, "Permission denied")
    with qtbot.waitSignal(saver.saveFailed, timeout=5000) as failed:
        ctl.set_event(replace(ctl.session.event, report_notes="x"))
    assert "Permission denied" in failed.args[0] and saver.dirty
    disk.fail = None
    assert saver.flush() and not saver.dirty


def test_a_small_evening_is_written_off_the_ui_thread_too(
    demo: Session, tmp_path: Path, disk: Disk, qtbot: QtBot
) -> None:
    """A disk that takes its time (an fsync of a second is not rare on a busy laptop) never holds the UI
    thread: the running turn is saved every second, and the beamer's clock must go on meanwhile."""
    assert len(demo.participants) + len(demo.log) < 100
    ctl = SessionController(demo)
    saver = Autosaver(ctl, tmp_path / "abend.fishbowl.json")
    disk.held.clear()
    ctl.set_event(replace(ctl.session.event, report_notes="held"))
    qtbot.waitUntil(disk.entered.is_set, timeout=5000)  # the save is on the disk, which does not answer
    ticked: list[bool] = []
    QTimer.singleShot(10, lambda: ticked.append(True))
    qtbot.waitUntil(lambda: bool(ticked), timeout=2000)  # the UI thread's timers still fire
    assert saver.dirty
    disk.held.set()
    qtbot.waitUntil(lambda: not saver.dirty, timeout=5000)
    assert disk.threads and all(t is not threading.main_thread() for t in disk.threads)
    assert load_session(tmp_path / "abend.fishbowl.json").event.report_notes == "held"


def test_a_running_turn_writes_its_record_each_second_and_the_whole_file_every_thirty(
    demo: Session, tmp_path: Path, disk: Disk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Battery (issue 29): the whole file (fsync, rename) was rewritten every second while a speaker talked. Now a
    small record keeps the spoken time each second, and the whole file follows every RUNNING_FULL_SAVE_SECONDS.
    The record is the writer thread's own once-a-second work, from the turn handed over when it started: the UI
    thread hands over nothing while the seconds pass (it handed a record over at every tick before)."""
    from fishbowl_desktop.storage.turn_record import apply_turn_record, record_path

    def on_disk() -> float:
        data = json.loads(path.read_text("utf-8"))
        apply_turn_record(data, path)
        return float(data["turn"]["timer"]["elapsed"])

    path = tmp_path / "abend.fishbowl.json"
    ctl = SessionController(demo)
    saver = Autosaver(ctl, path)
    with qtbot.waitSignal(saver.saved, timeout=5000):
        saver.mark_changed()
    ctl.start_turn("aud-01")
    with qtbot.waitSignal(saver.saved, timeout=5000):
        pass  # the change of speaker, saved whole
    saves = len(disk.threads)
    handed: list[object] = []
    submit = autosave._WRITER.submit

    def counted(job: Callable[[], None]) -> None:
        if getattr(getattr(job, "func", None), "__self__", None) is saver:  # a record handed over (the old way)
            handed.append(job)
        submit(job)

    monkeypatch.setattr(autosave._WRITER, "submit", counted)
    clock = demo.clock
    assert isinstance(clock, FakeClock)
    for second in range(1, 4):  # the speaker talks on; the file follows the clock
        clock.advance(1.0)
        qtbot.waitUntil(lambda: on_disk() >= second, timeout=5000)  # noqa: B023
    assert handed == [], "the UI thread handed the writer thread work while the seconds passed"
    assert len(disk.threads) == saves  # the record, not the whole file

    assert saver._whole.isActive() and saver._whole.interval() == autosave.RUNNING_FULL_SAVE_SECONDS * 1000
    assert not saver._running.isActive()
    saver._whole.timeout.emit()  # thirty seconds on: the whole file once
    qtbot.waitUntil(lambda: len(disk.threads) == saves + 1, timeout=5000)

    ctl.toggle_timer()  # paused: once that is saved whole, the record has done its job
    qtbot.waitUntil(lambda: not record_path(path).exists(), timeout=5000)
    assert load_session(path).turn is not None
    assert not saver._whole.isActive()


def test_a_read_only_view_of_a_running_turn_keeps_no_record_and_no_timer(
    demo: Session, tmp_path: Path, disk: Disk, qtbot: QtBot
) -> None:
    """Detached (the file opened read-only elsewhere) or without a path, the autosaver writes nothing: no record on
    the writer thread, and no once-a-second timer that would wake the laptop to find nowhere to save."""
    from fishbowl_desktop.storage.turn_record import record_path

    path = tmp_path / "abend.fishbowl.json"
    ctl = SessionController(demo)
    saver = Autosaver(ctl, path)
    ctl.start_turn("aud-01")
    qtbot.waitUntil(lambda: not saver.dirty, timeout=5000)
    assert autosave._WRITER.keeps(saver._key)
    saver.detach("read-only")
    assert not autosave._WRITER.keeps(saver._key)
    assert not saver._running.isActive() and not saver._whole.isActive()
    record_path(path).unlink(missing_ok=True)
    assert isinstance(demo.clock, FakeClock)
    demo.clock.advance(2.0)
    ctl.toggle_timer()
    ctl.toggle_timer()  # the turn changed and runs on: still nothing to keep
    assert not autosave._WRITER.keeps(saver._key) and not saver._running.isActive()
    assert autosave.wait_for_writes(10)
    assert not record_path(path).exists()
