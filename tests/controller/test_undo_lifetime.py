"""The undo history lives and dies with its controller, whoever frees it.

With Qt's QUndoStack as a child of the controller and the commands as Python subclasses of QUndoCommand, a
controller that only the garbage collector could free (any reference cycle: a bound method the session
holds, a lambda in a signal) crashed the process with a segmentation fault once seven or more changes were on
the stack: the collector freed the Python side of commands whose C++ side the stack deleted as well. It showed
as a rare crash of the whole test suite. The history is now plain Python (controller/undo_history.py).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.controller.undo_history import UndoHistory
from fishbowl_desktop.model import Session, make_participant

FREED_BY_THE_COLLECTOR = """
import gc
from PySide6.QtWidgets import QApplication
app = QApplication([])
from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FakeClock, OrderingRule, RuleChain
from fishbowl_desktop.model.demo import demo_session

for _ in range(3):
    controller = SessionController(demo_session(FakeClock()))
    rules = list(OrderingRule)
    for i in range(40):
        controller.set_ordering(RuleChain.of(rules[i % len(rules)]))
        if i % 5 == 0:
            controller.undo_stack.undo()
    controller.keeps_itself = controller  # a cycle: only the collector can free it
    del controller
    gc.collect()
print("freed")
"""


def test_a_controller_freed_by_the_garbage_collector_takes_its_undo_history_along() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", FREED_BY_THE_COLLECTOR],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0 and done.stdout.strip() == "freed", done.stderr[-2000:]


class Step:
    def __init__(self, text: str, log: list[str]) -> None:
        self._text, self._log = text, log

    def text(self) -> str:
        return self._text

    def redo(self) -> None:
        self._log.append("redo " + self._text)

    def undo(self) -> None:
        self._log.append("undo " + self._text)


def test_the_history_behaves_like_an_undo_stack(qtbot: QtBot) -> None:
    log: list[str] = []
    history = UndoHistory(limit=3)
    texts: list[tuple[str, str]] = []
    history.undoTextChanged.connect(lambda t: texts.append(("undo", t)))
    history.redoTextChanged.connect(lambda t: texts.append(("redo", t)))
    assert (history.canUndo(), history.canRedo(), history.undoText(), history.redoText()) == (False, False, "", "")

    for name in ("a", "b", "c", "d"):
        history.push(Step(name, log))
    assert log == ["redo a", "redo b", "redo c", "redo d"]  # push does the change, as QUndoStack does
    assert history.count() == 3 and history.index() == 3  # the oldest went past the limit
    assert history.undoText() == "d" and texts[-2:] == [("undo", "d"), ("redo", "")]

    history.undo()
    history.undo()
    assert log[-2:] == ["undo d", "undo c"] and history.index() == 1
    assert (history.undoText(), history.redoText()) == ("b", "c")
    history.redo()
    assert log[-1] == "redo c" and history.index() == 2

    history.push(Step("e", log))  # a new change drops what could have been redone
    assert history.count() == 3 and not history.canRedo() and history.undoText() == "e"
    history.undo()
    history.undo()
    history.undo()
    history.undo()  # nothing left: no error, nothing undone
    assert log[-3:] == ["undo e", "undo c", "undo b"] and not history.canUndo()

    with qtbot.waitSignal(history.canRedoChanged) as changed:
        history.clear()
    assert changed.args == [False] and history.count() == 0 and history.redoText() == ""


def test_the_controller_announces_undo_texts_and_numbers_its_steps(demo: Session, qtbot: QtBot) -> None:
    ctl = SessionController(demo)
    people = len(demo.participants)
    with qtbot.waitSignal(ctl.undo_stack.canUndoChanged) as can:
        assert ctl.add_participant(make_participant("Ayşe Demir"))
    assert can.args == [True] and ctl.undo_stack.index() == 1 and ctl.undo_stack.undoText()
    ctl.undo_stack.undo()
    assert len(demo.participants) == people and ctl.undo_stack.canRedo()
    ctl.undo_stack.redo()
    assert demo.participants[-1].name == "Ayşe Demir"


@pytest.mark.parametrize("limit", [1, 200])
def test_the_limit_keeps_the_newest_changes(limit: int) -> None:
    log: list[str] = []
    history = UndoHistory(limit=limit)
    for i in range(limit + 5):
        history.push(Step(str(i), log))
    assert history.count() == limit and history.undoText() == str(limit + 4)
