"""The console window's place on the laptop, its icon, bringing it to the front, and starting the program
again on the same session (after a language change)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QWidget

from fishbowl_desktop.resources import resources_dir

if TYPE_CHECKING:
    from fishbowl_desktop.controller import Autosaver
    from fishbowl_desktop.ui.shell.console_window import ConsoleWindow


WINDOW_ICON_MAX = 256
"""The largest drawn size the window carries. Under X11 Qt decodes every size of the window icon and hands the
window manager all of them (`_NET_WM_ICON`) as the window first shows: the 512 px drawing alone is 1 MiB of
pixels and ~8 ms of the first frame (issue 29), for a size no title bar, task bar or window switcher asks a
window for (the desktop's menus and docks take the .desktop entry's icon, packaging/)."""


def app_icon() -> QIcon | None:
    """The window icon from the PNGs drawn at 16-256 px (WINDOW_ICON_MAX). Not from the SVG beside them (that is
    for the desktop's menus, see packaging/): a vector icon makes Qt load its SVG library and icon engine before
    the first frame, 2.2 MiB resident and ~4 ms, for sizes the PNGs already cover (issue 29)."""
    folder = resources_dir() / "icons"
    files = [path for path in sorted(folder.glob("fishbowl-desktop-*.png")) if _drawn_size(path) <= WINDOW_ICON_MAX]
    if not files:
        return None
    icon = QIcon()
    for path in files:
        icon.addFile(str(path))
    return icon


def _drawn_size(path: Path) -> int:
    size = path.stem.removeprefix("fishbowl-desktop-")
    return int(size) if size.isdigit() else WINDOW_ICON_MAX + 1


def fit_to_screen(window: QWidget) -> None:
    """Fill the laptop screen (1366×768 is common at venues) without going past its edges."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    window.setGeometry(area)


def restart_command(path: Path | None) -> tuple[str, list[str]]:
    """How to start this program again: the bundle's own executable, or this Python with the package."""
    tail = [str(path)] if path is not None else []
    if getattr(sys, "frozen", False):
        return sys.executable, tail
    return sys.executable, ["-m", "fishbowl_desktop", *tail]


def restart(window: ConsoleWindow, autosaver: Autosaver) -> None:
    """Close normally (which saves), then start again on the same session."""
    from PySide6.QtCore import QProcess  # here, not at start: its Python type and 8 enum types (issue 29)

    program, args = restart_command(autosaver.path)
    window.closed.connect(lambda: QProcess.startDetached(program, args))
    window.close()


def bring_up(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()
