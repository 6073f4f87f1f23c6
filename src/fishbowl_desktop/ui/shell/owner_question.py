"""The question a second copy of the app asks when the session it wants is open in another window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from fishbowl_desktop.controller.session_owner import OwnerChoice, SessionHolder

__all__ = ["OwnerChoice", "OwnerQuestion"]


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
        if holder.elsewhere:  # another computer, on a shared folder: no window to bring up, no process to ask
            self.setText(
                self.tr("{file} is open in Fishbowl Desktop on another computer ({host}).").format(
                    file=path.name, host=holder.host
                )
            )
            self.setInformativeText(
                self.tr(
                    "It was opened there by process {pid}, and this computer cannot ask whether it still runs. Two "
                    "windows on one file would overwrite each other's changes. If the program there was closed "
                    "improperly or that computer is off, take the file over."
                ).format(pid=holder.pid)
            )
            first = OwnerChoice.TAKE_OVER, self.addButton(self.tr("Take it over"), QMessageBox.ButtonRole.AcceptRole)
        else:
            self.setInformativeText(
                self.tr(
                    "It is held by process {pid} on {host}. Two windows on one file would overwrite each other's "
                    "changes, so only that window saves it."
                ).format(pid=holder.pid, host=holder.host)
            )
            first = (
                OwnerChoice.BRING_UP,
                self.addButton(self.tr("Bring that window up"), QMessageBox.ButtonRole.AcceptRole),
            )
        self.buttons_by_choice: dict[OwnerChoice, QPushButton] = {
            first[0]: first[1],
            OwnerChoice.COPY: self.addButton(self.tr("Open a copy"), QMessageBox.ButtonRole.ActionRole),
            OwnerChoice.READ_ONLY: self.addButton(self.tr("Open read-only"), QMessageBox.ButtonRole.ActionRole),
            OwnerChoice.CANCEL: self.addButton(cancel_text or self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole),
        }
        for choice, button in self.buttons_by_choice.items():
            button.setObjectName(f"owner_{choice.value}")
        self.setDefaultButton(first[1])
        self.setEscapeButton(self.buttons_by_choice[OwnerChoice.CANCEL])

    def choice(self) -> OwnerChoice:
        clicked = self.clickedButton()
        for choice, button in self.buttons_by_choice.items():
            if button is clicked:
                return choice
        return OwnerChoice.CANCEL
