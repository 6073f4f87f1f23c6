"""Help → Save a problem report…, and the calm notice when something inside the program failed.

The trail (`fishbowl_desktop.trail`) writes what happened into the data folder; this turns it into a zip the
organisers can send (the log, the crash stacks, the versions; never a session, never a name), and tells the
moderator in one line when an exception was caught, without stopping the evening.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from fishbowl_desktop import __version__
from fishbowl_desktop.atomic_file import write_atomically
from fishbowl_desktop.trail import Trail, current_trail, problem_report

if TYPE_CHECKING:
    from fishbowl_desktop.ui.shell.console_window import ConsoleWindow


def versions() -> dict[str, str]:
    """What a developer asks first: the program, Python, Qt and the binding, the system, the screens."""
    import platform  # only for a report: not on the way to the first frame (issue 29)

    import PySide6

    app = QGuiApplication.instance()
    screens = QGuiApplication.screens() if app is not None else []
    return {
        "Fishbowl Desktop": __version__,
        "Python": sys.version.replace("\n", " "),
        "PySide6": PySide6.__version__,
        "Qt": qVersion(),
        "Qt platform": QGuiApplication.platformName() if app is not None else "",
        "System": platform.platform(),
        "Bundle": "yes" if getattr(sys, "frozen", False) else "no",
        "Screens": "; ".join(f"{s.name()} {s.geometry().width()}x{s.geometry().height()}" for s in screens),
        "Report made": datetime.now().astimezone().isoformat(timespec="seconds"),
    }


def save_problem_report(target: Path, trail: Trail | None = None) -> Path:
    """Write the report to `target` (a .zip); raises OSError when it cannot be written."""
    trail = trail if trail is not None else current_trail()
    files = trail.files() if trail is not None else []
    if trail is not None and trail.handler is not None:
        trail.handler.flush()
    write_atomically(target, problem_report(files, versions()))
    return target


class ProblemNotices(QObject):
    """Brings the trail's "an exception was caught" from any thread to the console's message strip."""

    caught = Signal(str)

    def __init__(self, window: ConsoleWindow) -> None:
        super().__init__(window)
        self._window = window
        self.caught.connect(self._say, Qt.ConnectionType.QueuedConnection)  # from any thread, shown on the UI's

    def attach(self, trail: Trail) -> None:
        trail.listeners.append(self.caught.emit)
        self.destroyed.connect(lambda: trail.listeners.clear())

    def _say(self, summary: str) -> None:
        self._window.show_notice(
            self.tr(
                "Something inside Fishbowl Desktop went wrong ({what}); the evening goes on. "
                "Help → Save a problem report… collects the details for the organisers."
            ).format(what=summary),
            "warning",
        )


def default_report_path() -> Path:
    folder = Path.home() / "Desktop"
    folder = folder if folder.is_dir() else Path.home()
    return folder / f"fishbowl-problem-report-{datetime.now():%Y-%m-%d-%H%M}.zip"


Say = Callable[[str, str], None]
"""The console's `show_notice(text, level)`."""


def ask_and_save(window: QWidget, say: Say) -> Path | None:
    """The Help menu's action: where to, then the zip, then a line on the strip saying what is in it."""
    from PySide6.QtWidgets import QFileDialog  # built when asked, not on the way to the first frame (issue 29)

    from fishbowl_desktop.ui.widgets.sheet import style_file_dialog

    dialog = QFileDialog(
        window,
        QCoreApplication.translate("ProblemReport", "Save a problem report"),
        str(default_report_path()),
        QCoreApplication.translate("ProblemReport", "Zip archive (*.zip)"),
    )
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    style_file_dialog(dialog)  # as QFileDialog.getSaveFileName's own dialog, styled like the console's others
    if not dialog.exec() or not dialog.selectedFiles():
        return None
    return save_and_say(say, Path(dialog.selectedFiles()[0]))


def save_and_say(say: Say, target: Path) -> Path | None:
    if target.suffix.lower() != ".zip":
        target = target.with_name(target.name + ".zip")
    try:
        save_problem_report(target)
    except OSError as exc:
        say(
            QCoreApplication.translate("ProblemReport", "The problem report was not saved: {reason}").format(
                reason=exc.strerror or exc
            ),
            "error",
        )
        return None
    say(
        QCoreApplication.translate(
            "ProblemReport",
            "Problem report saved as {file}: the program's log and versions, no session and no names. "
            "Send it to whoever looks after Fishbowl Desktop for you.",
        ).format(file=target.name),
        "info",
    )
    return target
