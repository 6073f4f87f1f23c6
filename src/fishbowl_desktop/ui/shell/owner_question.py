"""The question a second copy of the app asks when the session it wants is open in another window."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from fishbowl_desktop.controller.session_owner import SessionHolder


class OwnerChoice(Enum):
    BRING_UP = "bring_up"
    COPY = "copy"
    READ_ONLY = "read_only"
    CANCEL = "cancel"


class OwnerQuestion(QMessageBox):
    """Who has the file, and the three ways on: that window, a copy of the file, or a look without saving."""

    def __init__(
        self, path: Path, holder: SessionHolder, parent: QWidget | None = None, cancel_text: str | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ownerQuestion")
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(self.tr("Session already open"))
        self.setText(self.tr("{file} is already open in another Fishbowl Desktop window.").format(file=path.name))
        self.setInformativeText(
            self.tr(
                "It is held by process {pid} on {host}. Two windows on one file would overwrite each other's "
                "changes, so only that window saves it."
            ).format(pid=holder.pid, host=holder.host)
        )
        self.buttons_by_choice: dict[OwnerChoice, QPushButton] = {
            OwnerChoice.BRING_UP: self.addButton(self.tr("Bring that window up"), QMessageBox.ButtonRole.AcceptRole),
            OwnerChoice.COPY: self.addButton(self.tr("Open a copy"), QMessageBox.ButtonRole.ActionRole),
            OwnerChoice.READ_ONLY: self.addButton(self.tr("Open read-only"), QMessageBox.ButtonRole.ActionRole),
            OwnerChoice.CANCEL: self.addButton(cancel_text or self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole),
        }
        for choice, button in self.buttons_by_choice.items():
            button.setObjectName(f"owner_{choice.value}")
        self.setDefaultButton(self.buttons_by_choice[OwnerChoice.BRING_UP])
        self.setEscapeButton(self.buttons_by_choice[OwnerChoice.CANCEL])

    def choice(self) -> OwnerChoice:
        clicked = self.clickedButton()
        for choice, button in self.buttons_by_choice.items():
            if button is clicked:
                return choice
        return OwnerChoice.CANCEL
