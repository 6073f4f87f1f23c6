"""One owner per session file (issue 11, point 2): a lock taken on open, a second copy told who holds the file
and offered that window, a copy or a read-only view; a crash marker per running copy."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fishbowl_desktop.app import Console, build_console
from fishbowl_desktop.controller.session_owner import SessionLock, holder_of, lock_path
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.startup.plan import plan_start, settle_owner
from fishbowl_desktop.storage import Workspace, load_session, save_session
from fishbowl_desktop.ui.shell.owner_question import OwnerChoice

ROOT = Path(__file__).resolve().parents[2]


def _env(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "FISHBOWL_DESKTOP_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT / "src"),
        "LANGUAGE": "en",
        "LC_ALL": "C.UTF-8",
    }


# ---------------------------------------------------------------------------------------- the lock itself
def test_a_lock_names_its_holder_and_is_private(tmp_path: Path, qapp: QApplication) -> None:
    session = tmp_path / "abend.fishbowl.json"
    save_session(demo_session(FakeClock()), session)
    mine = SessionLock()
    assert mine.take(session) is None and mine.holds(session)
    holder = holder_of(session)
    assert holder is not None and holder.pid == os.getpid()
    if os.name == "posix":
        assert lock_path(session).stat().st_mode & 0o077 == 0
    assert SessionLock().take(session) == holder  # a second claim is refused, naming the first
    mine.keep_only(None)
    assert holder_of(session) is None and not lock_path(session).exists()


def test_a_lock_left_by_a_crashed_copy_is_taken_over(tmp_path: Path, qapp: QApplication) -> None:
    session = tmp_path / "abend.fishbowl.json"
    save_session(demo_session(FakeClock()), session)
    code = (
        "import os, sys\nfrom PySide6.QtCore import QCoreApplication\n"
        "app = QCoreApplication(['fishbowl-desktop'])\n"
        "from fishbowl_desktop.controller.session_owner import SessionLock\n"
        f"lock = SessionLock(); assert lock.take(__import__('pathlib').Path({str(session)!r})) is None\n"
        "os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", code], env=_env(tmp_path), timeout=60, check=False)
    assert lock_path(session).exists()  # left behind by the killed process
    assert holder_of(session) is None
    assert SessionLock().take(session) is None


# ---------------------------------------------------------------------------------------- in one process
@pytest.fixture
def two(tmp_path: Path, clock: FakeClock, qtbot: QtBot) -> tuple[Console, Console, Path]:
    shared = tmp_path / "abend.fishbowl.json"
    save_session(demo_session(FakeClock()), shared)
    consoles = []
    for name in ("a", "b"):
        workspace = Workspace(tmp_path / name)
        plan = plan_start(workspace, file=shared if name == "a" else None, clock=clock)
        console = build_console(plan, workspace, AppSettings())
        qtbot.addWidget(console.window)
        console.window.show()
        consoles.append(console)
    return consoles[0], consoles[1], shared


def _answer(console: Console, choice: OwnerChoice, qtbot: QtBot) -> None:
    question = console.window.file_menu.owner_question
    assert question is not None and question.isVisible()
    assert "abend.fishbowl.json" in question.text() and str(os.getpid()) in question.informativeText()
    qtbot.mouseClick(question.buttons_by_choice[choice], Qt.MouseButton.LeftButton)


def test_opening_a_file_another_window_owns_asks_first(two: tuple[Console, Console, Path], qtbot: QtBot) -> None:
    a, b, shared = two
    before = b.autosaver.path
    b.window.file_menu.open_path(shared)
    _answer(b, OwnerChoice.CANCEL, qtbot)
    assert b.autosaver.path == before and b.window.file_menu.owner_question is None


def test_read_only_shows_the_file_and_never_writes_it(two: tuple[Console, Console, Path], qtbot: QtBot) -> None:
    a, b, shared = two
    b.window.file_menu.open_path(shared)
    _answer(b, OwnerChoice.READ_ONLY, qtbot)
    assert b.controller.session.event.title == a.controller.session.event.title
    assert "Read-only" in b.window.save_label.text() and "abend.fishbowl.json" in b.window.save_label.text()
    written = shared.read_bytes()
    b.controller.enqueue("aud-05")
    b.autosaver.flush()
    assert shared.read_bytes() == written
    assert not b.window.close()  # the first close says the changes are not saved ...
    assert "read-only" in b.window.message_bar.text()
    target = shared.with_name("meine.fishbowl.json")
    b.window.file_menu.save_to(target)  # ... and Save As keeps them in a file of its own
    assert b.autosaver.path == target and len(load_session(target).queue) == len(b.controller.session.queue) == 4


def _read_only_with_a_change(two: tuple[Console, Console, Path], qtbot: QtBot) -> Console:
    a, b, shared = two
    b.window.file_menu.open_path(shared)
    _answer(b, OwnerChoice.READ_ONLY, qtbot)
    b.controller.enqueue("aud-05")
    return b


def test_leaving_a_read_only_view_with_changes_says_so_first(two: tuple[Console, Console, Path], qtbot: QtBot) -> None:
    """Its changes live only in memory: the first New/Open says they would go and stays, as closing does."""
    b = _read_only_with_a_change(two, qtbot)
    waiting = len(b.controller.session.queue)
    b.window.file_menu.new_session()
    assert b.files.read_only_of == two[2] and len(b.controller.session.queue) == waiting
    assert "not saved" in b.window.message_bar.text() and "Save As" in b.window.message_bar.text()
    b.window.file_menu.new_session()  # chosen again: the moderator lets them go
    assert b.files.read_only_of is None and b.autosaver.path is not None and not b.controller.session.queue
    assert "not saved" not in b.window.message_bar.text()  # it spoke of the view that is gone


def test_a_change_after_the_warning_is_warned_about_again(two: tuple[Console, Console, Path], qtbot: QtBot) -> None:
    b = _read_only_with_a_change(two, qtbot)
    b.window.file_menu.new_session()
    b.controller.enqueue("aud-06")
    b.window.file_menu.new_session()
    assert b.files.read_only_of == two[2] and "not saved" in b.window.message_bar.text()


def test_a_read_only_view_without_changes_is_left_at_once(two: tuple[Console, Console, Path], qtbot: QtBot) -> None:
    a, b, shared = two
    b.window.file_menu.open_path(shared)
    _answer(b, OwnerChoice.READ_ONLY, qtbot)
    b.window.file_menu.new_session()
    assert b.files.read_only_of is None


def test_open_a_copy_gives_a_new_file_this_window_owns(two: tuple[Console, Console, Path], qtbot: QtBot) -> None:
    a, b, shared = two
    b.window.file_menu.open_path(shared)
    _answer(b, OwnerChoice.COPY, qtbot)
    copy = b.autosaver.path
    assert copy is not None and copy != shared and copy.parent == b.files.sessions_dir
    assert load_session(copy).event.title == a.controller.session.event.title
    assert holder_of(copy) is not None and b.files.lock.holds(copy)


def test_save_as_onto_a_file_another_window_owns_is_refused(two: tuple[Console, Console, Path]) -> None:
    a, b, shared = two
    written = shared.read_bytes()
    b.window.file_menu.save_to(shared)
    assert shared.read_bytes() == written
    assert "another Fishbowl Desktop window" in b.window.message_bar.text()


def test_at_start_the_choice_decides_what_opens(
    two: tuple[Console, Console, Path], tmp_path: Path, clock: FakeClock
) -> None:
    _, _, shared = two
    workspace = Workspace(tmp_path / "c")
    asked: list[str] = []

    def answer(choice: OwnerChoice) -> Callable[[Path, object], OwnerChoice]:
        def ask(path: Path, holder: object) -> OwnerChoice:
            asked.append(path.name)
            return choice

        return ask

    plan = settle_owner(
        plan_start(workspace, file=shared, clock=clock),
        workspace,
        clock,
        AppSettings(),
        ask=answer(OwnerChoice.READ_ONLY),
    )
    assert plan is not None and plan.read_only and plan.path == shared
    plan = settle_owner(
        plan_start(workspace, file=shared, clock=clock), workspace, clock, AppSettings(), ask=answer(OwnerChoice.COPY)
    )
    assert plan is not None and plan.path != shared and load_session(plan.path).event.title
    plan = settle_owner(
        plan_start(workspace, file=shared, clock=clock), workspace, clock, AppSettings(), ask=answer(OwnerChoice.CANCEL)
    )
    assert plan is not None and plan.path != shared and len(plan.session.participants) == 0
    assert asked == ["abend.fishbowl.json"] * 3


# ---------------------------------------------------------------------------------------- two real copies
COPY_OF_THE_APP = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(["fishbowl-desktop"])
from fishbowl_desktop.app import run_app
from fishbowl_desktop.controller.session_owner import WindowBeacon
from fishbowl_desktop.model import make_participant
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
role, control = sys.argv[1], Path(sys.argv[2])
said = set()

def say(word, **more):
    print("SAY", json.dumps({"what": word, **more}), flush=True)

def step():
    question = next((w for w in app.topLevelWidgets() if w.objectName() == "ownerQuestion" and w.isVisible()), None)
    if question is not None and "asked" not in said:
        said.add("asked")
        say("asked", text=question.text(), detail=question.informativeText())
        question.findChild(object, "owner_read_only").click()
    windows = [w for w in app.topLevelWidgets() if isinstance(w, ConsoleWindow) and w.isVisible()]
    if windows:
        window = windows[0]
        for name in ("add1", "add2"):
            if (control / f"{role}-{name}").exists() and name not in said:
                said.add(name)
                window.controller.add_participant(make_participant(f"Person {role} {name}"))
                window.autosaver.flush()
                say(name, label=window.save_label.text())
        if "opened" not in said and app.findChild(WindowBeacon) is not None:  # it listens after the first frame
            said.add("opened")
            say("opened", label=window.save_label.text())
        if (control / f"{role}-quit").exists():
            window.commands["quit"].trigger()  # a read-only window with changes asks once: quit again
    QTimer.singleShot(20, step)

QTimer.singleShot(0, step)
sys.exit(run_app(sys.argv[3:]))
"""


class Copy:
    def __init__(self, role: str, home: Path, control: Path, session: Path) -> None:
        self.role, self.control = role, control
        self.process = subprocess.Popen(
            [sys.executable, "-c", COPY_OF_THE_APP, role, str(control), str(session)],
            env=_env(home),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.said: dict[str, dict[str, str]] = {}
        self._lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._lines.put(line)
        self._lines.put("")

    def wait_for(self, what: str, timeout: float = 60) -> dict[str, str]:
        deadline = time.monotonic() + timeout
        while what not in self.said:
            try:
                line = self._lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(f"{self.role} never said {what!r} within {timeout} s: {self.said}") from None
            if not line:
                raise AssertionError(f"{self.role} ended ({self.process.wait()}) before saying {what}: {self.said}")
            if line.startswith("SAY "):
                said = json.loads(line[4:])
                self.said[said["what"]] = said
        return self.said[what]

    def tell(self, what: str) -> None:
        (self.control / f"{self.role}-{what}").write_text("")

    def quit(self) -> int:
        self.tell("quit")
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError(f"{self.role} did not quit") from None
        return self.process.returncode


def _names(session: Path) -> set[str]:
    return {p.name for p in load_session(session).participants}


def test_two_copies_on_one_file_never_overwrite_each_other_silently(tmp_path: Path) -> None:
    """The scenario of the issue: A adds a person, B adds another, A adds a third. Before the lock the file
    ended with A's two and B's person gone, and neither window said a word; B's quit also removed the crash
    marker of A, which was still running."""
    home, control = tmp_path / "home", tmp_path / "control"
    control.mkdir()
    session = tmp_path / "abend.fishbowl.json"
    save_session(demo_session(FakeClock()), session)
    a = Copy("A", home, control, session)
    try:
        a.wait_for("opened")
        a.tell("add1")
        a.wait_for("add1")
        b = Copy("B", home, control, session)
        try:
            asked = b.wait_for("asked", timeout=20)  # B is told who holds the file before it can touch it
            assert "abend.fishbowl.json" in asked["text"] and str(a.process.pid) in asked["detail"]
            assert "Read-only" in b.wait_for("opened")["label"]
            b.tell("add1")
            b.wait_for("add1")
        finally:
            assert b.quit() == 0
        markers = [json.loads(m.read_text("utf-8")) for m in home.glob("running-*.json")]
        assert [m["pid"] for m in markers] == [a.process.pid], "B quit and removed the marker of A, still running"
        a.tell("add2")
        a.wait_for("add2")
    finally:
        assert a.quit() == 0
    names = _names(session)
    assert {"Person A add1", "Person A add2"} <= names
    assert "Person B add1" not in names  # B said it was read-only; nothing of B's reached A's file
    assert not list(home.glob("running*"))  # both exits were clean: no marker, no lock of a copy
    assert json.loads((home / "state.json").read_text())["last_session"] == str(session)


def test_bring_that_window_up_reaches_the_copy_that_owns_the_file(tmp_path: Path, qapp: QApplication) -> None:
    from fishbowl_desktop.controller.session_owner import SessionHolder, ask_to_bring_up

    control = tmp_path / "control"
    control.mkdir()
    session = tmp_path / "abend.fishbowl.json"
    save_session(demo_session(FakeClock()), session)
    a = Copy("A", tmp_path / "home", control, session)
    try:
        a.wait_for("opened")
        holder = holder_of(session)
        assert holder is not None and holder.pid == a.process.pid
        assert ask_to_bring_up(holder)  # answered only after it raised its window
        assert not ask_to_bring_up(SessionHolder(a.process.pid + 100000, "vm", "fishbowl-desktop"), timeout_ms=300)
    finally:
        assert a.quit() == 0
