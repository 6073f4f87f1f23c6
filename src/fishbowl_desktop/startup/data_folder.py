"""A data folder the program cannot write to (a read-only home, a full or write-protected USB stick, a file
where the folder should be): before, one line on stderr and no window, so a start from the desktop menu did
"nothing". Now a window says which folder and why, and offers to choose another one for this start.

Asked before the event loop runs, like the question about a session open elsewhere, so a modal box is fine.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from fishbowl_desktop.storage import Workspace

Ask = Callable[[Path, OSError], Path | None]
"""Shown the folder and its problem: a folder to try instead, or None to quit."""


def write_problem(workspace: Workspace) -> OSError | None:
    """Why the data folder (and its sessions folder) cannot take files, or None: created if missing, then a
    probe file written and removed, because permission bits alone do not tell (read-only mounts, ACLs)."""
    try:
        workspace.ensure()
        probe = workspace.base_dir / f".fishbowl-write-test-{os.getpid()}.tmp"
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        probe.unlink()
    except OSError as exc:
        return exc
    return None


def usable_workspace(workspace: Workspace, ask: Ask | None = None) -> Workspace | None:
    """The workspace if its folder can be written, else one in a folder the moderator chose; None to quit."""
    problem = write_problem(workspace)
    while problem is not None:
        print(f"fishbowl-desktop: cannot use the data folder {workspace.base_dir}: {problem}", file=sys.stderr)
        chosen = (ask or ask_for_folder)(workspace.base_dir, problem)
        if chosen is None:
            return None
        workspace = Workspace(chosen)
        problem = write_problem(workspace)
    return workspace


def problem_text(folder: Path, problem: OSError) -> str:
    if problem.errno in (30, 13, 1):  # EROFS, EACCES, EPERM: the medium or the folder is read-only for us
        return QCoreApplication.translate(
            "DataFolder",
            "Fishbowl Desktop keeps its sessions, settings and autosaves in {folder}, but that folder is "
            "read-only ({reason}). Choose a folder where it can save this evening, or quit.",
        ).format(folder=folder, reason=problem.strerror or problem)
    return QCoreApplication.translate(
        "DataFolder",
        "Fishbowl Desktop keeps its sessions, settings and autosaves in {folder}, but that folder cannot be "
        "used ({reason}). Choose a folder where it can save this evening, or quit.",
    ).format(folder=folder, reason=problem.strerror or problem)


def ask_for_folder(folder: Path, problem: OSError) -> Path | None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox  # only for a folder that cannot take files

    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("DataFolder", "Cannot save here"), "")
    box.setObjectName("dataFolderProblem")
    box.setText(problem_text(folder, problem))
    choose = box.addButton(
        QCoreApplication.translate("DataFolder", "Choose a folder…"), QMessageBox.ButtonRole.AcceptRole
    )
    box.addButton(QCoreApplication.translate("DataFolder", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(choose)
    box.exec()
    if box.clickedButton() is not choose:
        return None
    chosen = QFileDialog.getExistingDirectory(
        None, QCoreApplication.translate("DataFolder", "A folder for Fishbowl Desktop's files"), str(Path.home())
    )
    return Path(chosen) if chosen else folder  # cancelled: ask again about the same folder
