"""Help → About: the version, and every component the program is built from with its licence.

A venue's IT asks what a program ships and under which licences; LGPL-3.0 (Qt, PySide6) asks that the user be told.
The list is read from the installed distributions (importlib.metadata), so it cannot drift from what is installed;
a bundle that carries no metadata points at its `licenses` folder instead, which the build fills.
"""

from __future__ import annotations

import platform
import re
import sys
from importlib import metadata
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from fishbowl_desktop import __version__

DISTRIBUTION = "fishbowl-desktop"
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")
FONTS = (
    ("DejaVu", "Bitstream Vera / DejaVu licence"),
    ("Noto", "SIL Open Font License 1.1"),
    ("Droid Sans Fallback", "Apache-2.0"),
    ("Nanum Gothic", "SIL Open Font License 1.1"),
)


def _field(dist: metadata.Distribution, name: str) -> str:
    values = dist.metadata.get_all(name) or []
    return str(values[0]).strip() if values else ""


def _licence(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = _field(dist, "License-Expression")
    if expression:
        return expression
    field = _field(dist, "License")
    if field and "\n" not in field and len(field) < 60:
        return field
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return " / ".join(classifiers) or "?"


def components() -> list[str]:
    """One line per component: Python, Qt, then every distribution the program needs (with its own needs)."""
    lines = [
        f"Python {platform.python_version()} — PSF-2.0",
        f"Qt {qVersion()}, PySide6 {pyside_version} — LGPL-3.0",
    ]
    seen: set[str] = {"pyside6-essentials", "shiboken6", DISTRIBUTION}
    pending = [DISTRIBUTION]
    found: list[metadata.Distribution] = []
    while pending:
        try:
            dist = metadata.distribution(pending.pop())
        except metadata.PackageNotFoundError:
            continue
        if dist.metadata["Name"] and re.sub(r"[-_.]+", "-", dist.metadata["Name"]).lower() != DISTRIBUTION:
            found.append(dist)
        for requirement in dist.requires or []:
            if "extra ==" in requirement:
                continue  # the test extra is not part of the program
            match = _NAME.match(requirement)
            key = re.sub(r"[-_.]+", "-", match.group(1)).lower() if match else ""
            if key and key not in seen:
                seen.add(key)
                pending.append(key)
    lines += sorted((f"{d.metadata['Name']} {d.version} — {_licence(d)}" for d in found), key=lambda line: line.lower())
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
    box.setObjectName("aboutBox")
    box.setDetailedText(details_text())
    box.open()
    return box
