"""The real app (`run_app`) with a speaker's time running, for tests/controller/test_running_turn.py to kill or quit.

    python running_turn_driver.py talk FILE          open FILE, give aud-01 the floor, let the time run
    python running_turn_driver.py quit SECONDS FILE  the same, then press Ctrl+Q after SECONDS
    python running_turn_driver.py restart            run_app([]), as after a crash or a quit: report the turn

Lines on stdout (tab-separated, one write each, so a kill never leaves half a line):
    RUNNING t0                 the timer started at t0 (CLOCK_MONOTONIC, the same clock in every process)
    QUIT elapsed               Ctrl+Q is pressed now; the model's spoken time at that moment
    QUITTED elapsed            the moderator's Quit was clicked and the window closed (and saved) within it;
                               the spoken time now, after the save
    START json                 after a restart: {"turn": …, "running": bool, "elapsed": s, "notice": text}
"""

from __future__ import annotations

import json
import os
import sys
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from fishbowl_desktop.app import run_app
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow


def _say(*words: object) -> None:
    os.write(1, ("\t".join(str(w) for w in words) + "\n").encode("utf-8"))


def main(argv: list[str]) -> int:
    mode = argv[0]
    app = QApplication(["fishbowl-desktop"])

    def window() -> ConsoleWindow | None:
        found = [w for w in app.topLevelWidgets() if isinstance(w, ConsoleWindow) and w.isVisible()]
        return found[0] if found else None

    def talk(quit_after: float | None) -> None:
        w = window()
        if w is None:
            QTimer.singleShot(5, lambda: talk(quit_after))
            return
        ctl = w.controller
        assert ctl.start_turn("aud-01")
        turn = ctl.session.turn
        assert turn is not None and turn.timer.running_since is not None
        _say("RUNNING", turn.timer.running_since)
        if quit_after is not None:

            def press_quit() -> None:
                now_turn = ctl.session.turn
                assert now_turn is not None
                _say("QUIT", now_turn.timer.elapsed(time.monotonic()))
                w.activateWindow()
                QTest.keyClick(w, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
                box = w.quit_question.box  # a speaker's time runs: it asks once, and the moderator says Quit
                assert box is not None
                quit_button = next(b for b in box.buttons() if box.buttonRole(b) is QMessageBox.ButtonRole.AcceptRole)
                QTest.mouseClick(quit_button, Qt.MouseButton.LeftButton)
                _say("QUITTED", now_turn.timer.elapsed(time.monotonic()))  # the last save is behind us

            QTimer.singleShot(int(quit_after * 1000), press_quit)

    def report() -> None:
        w = window()
        if w is None:
            QTimer.singleShot(5, report)
            return
        turn = w.controller.session.turn
        _say(
            "START",
            json.dumps(
                {
                    "turn": turn.participant_id if turn else None,
                    "running": bool(turn and turn.timer.is_running),
                    "elapsed": turn.timer.elapsed(time.monotonic()) if turn else None,
                    "notice": w.message_bar.text(),
                },
                ensure_ascii=False,
            ),
        )
        w.close()

    if mode == "talk":
        QTimer.singleShot(0, lambda: talk(None))
        return run_app([argv[1]])
    if mode == "quit":
        QTimer.singleShot(0, lambda: talk(float(argv[1])))
        return run_app([argv[2]])
    QTimer.singleShot(0, report)
    return run_app([])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
