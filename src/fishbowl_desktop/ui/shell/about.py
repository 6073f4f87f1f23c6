"""Help → About: the version, and every component the program is built from with its licence.

A venue's IT asks what a program ships and under which licences; LGPL-3.0 (Qt, PySide6) asks that the user be told.
The list is read from the installed distributions (`fishbowl_desktop.licences`, which the bundle build reads too),
so it cannot drift from what is installed;
a bundle that carries no metadata points at its `licenses` folder instead, which the build fills.
"""

from __future__ import annotations

import platform
import sys
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from fishbowl_desktop import __version__
from fishbowl_desktop.licences import DISTRIBUTION, licence_of, name_of, normalised, runtime_distributions
from fishbowl_desktop.ui.widgets.sheet import style_dialog

FONTS = (
    ("DejaVu", "Bitstream Vera / DejaVu licence"),
    ("Noto", "SIL Open Font License 1.1"),
    ("Droid Sans Fallback", "Apache-2.0"),
    ("Nanum Gothic", "SIL Open Font License 1.1"),
)


def components() -> list[str]:
    """One line per component: Python, Qt, then every distribution the program needs (with its own needs)."""
    lines = [
        f"Python {platform.python_version()} — PSF-2.0",
        f"Qt {qVersion()}, PySide6 {pyside_version} — LGPL-3.0",
    ]
    shown_above = {"pyside6-essentials", "shiboken6", DISTRIBUTION}
    lines += sorted(
        (
            f"{name_of(d)} {d.version} — {licence_of(d)}"
            for d in runtime_distributions()
            if normalised(name_of(d)) not in shown_above
        ),
        key=lambda line: line.lower(),
    )
    lines += [f"{name} fonts — {licence}" for name, licence in FONTS]
    return lines


def licence_folder() -> Path | None:
    """The bundle's folder of licence texts (PyInstaller puts the program's files under sys._MEIPASS)."""
    base = getattr(sys, "_MEIPASS", None)
    folder = Path(base) / "licenses" if base else None
    return folder if folder is not None and folder.is_dir() else None


def about_text() -> str:
    text = QCoreApplication.translate(
        "ConsoleWindow",
        "Fishbowl Desktop {version}\nAn offline moderation console for fishbowl "
        "discussions: speaker timer, free-chair queue, projector and printed lists.",
    ).format(version=__version__)
    text += "\n\n" + QCoreApplication.translate(
        "About", "Free software under the MIT licence. Built with Python, Qt and more (Details…)."
    )
    return text


def details_text() -> str:
    lines = [QCoreApplication.translate("About", "Components and their licences:"), *components()]
    folder = licence_folder()
    if folder is not None:
        lines += ["", QCoreApplication.translate("About", "The licence texts are in {folder}.").format(folder=folder)]
    lines += [
        "",
        QCoreApplication.translate(
            "About",
            "Qt and PySide6 are used under the LGPL-3.0: they are separate libraries that may be replaced "
            "with other builds of the same version.",
        ),
    ]
    return "\n".join(lines)


def show_about(parent: QWidget) -> QMessageBox:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("ConsoleWindow", "About Fishbowl Desktop"),
        about_text(),
        QMessageBox.StandardButton.Close,
        parent,
    )
    style_dialog(box)
    box.setObjectName("aboutBox")
    box.setDetailedText(details_text())
    box.open()
    return box
