"""Special files picked in File → Open or in the CSV import: a folder, /dev/zero, a named pipe, links.

Run in its own process (`python special_files.py FOLDER`) because the failures it looks for are a hang
(a pipe with no writer blocks in open() forever) and memory running out (/dev/zero never ends): each file
gets a watchdog alarm, and the process a memory ceiling, so a bad result is a line of output, not a test
run that never returns or a machine out of memory.

Prints one line per file and path: `OK kind name message`, `HANG kind name` or `CRASH kind name error`.
"""

from __future__ import annotations

import os
import resource
import signal
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from fishbowl_desktop.app import build_console
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.startup.plan import plan_start
from fishbowl_desktop.storage import Workspace
from fishbowl_desktop.ui.people.csv_import_dialog import CsvImportDialog

WATCHDOG_SECONDS = 10
MEMORY_CEILING = 3 * 1024**3


class Hang(Exception):
    pass


def _alarm(_signum: int, _frame: object) -> None:
    raise Hang


def special_files(folder: Path) -> list[Path]:
    fifo = folder / "pipe.fishbowl.json"
    os.mkfifo(fifo)
    zero_link = folder / "zero.fishbowl.json"
    zero_link.symlink_to("/dev/zero")
    dangling = folder / "gone.fishbowl.json"
    dangling.symlink_to(folder / "does-not-exist")
    sub = folder / "a folder.fishbowl.json"
    sub.mkdir()
    return [Path("/dev/zero"), Path("/dev/urandom"), Path("/dev/null"), fifo, zero_link, dangling, sub]


def main(folder: Path) -> int:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CEILING, MEMORY_CEILING))
    signal.signal(signal.SIGALRM, _alarm)
    app = QApplication(["fishbowl-desktop"])
    workspace = Workspace(folder / "home")
    console = build_console(plan_start(workspace, demo=True, clock=FakeClock()), workspace, AppSettings())
    window, ctl = console.window, console.controller
    window.show()
    session = ctl.session
    dialog = CsvImportDialog(ctl, window)
    dialog.show()
    for path in special_files(folder):
        for kind in ("session", "csv"):
            try:
                signal.alarm(WATCHDOG_SECONDS)
                try:
                    if kind == "session":
                        window.message_bar.hide()
                        window.file_menu.open_path(path)
                        message = window.message_bar.text()
                        ok = ctl.session is session and bool(message)
                    else:
                        ok = not dialog.set_path(path) and dialog.error.isVisible()
                        message = dialog.error.text()
                finally:
                    signal.alarm(0)
            except Hang:
                print("HANG", kind, path.name, flush=True)
                continue
            except BaseException as exc:
                print("CRASH", kind, path.name, f"{type(exc).__name__}: {exc}"[:200], flush=True)
                continue
            print("OK" if ok else "WRONG", kind, path.name, message.replace("\n", " "), flush=True)
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
