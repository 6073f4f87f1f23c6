"""A notice while a very long participant list is being shown: opening a session of 100,000 people takes
seconds (the list is sorted for the view), and a window that just stops answering looks crashed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEventLoop, QLocale, QObject, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.ui.widgets.sheet import style_dialog

LONG_LIST = 10_000
"""From this many people on, switching sessions takes long enough (about a second) to say so."""


class SwitchNotice(QObject):
    def __init__(self, controller: SessionController, window: QWidget):
        super().__init__(window)
        self._window = window
        self.dialog: QProgressDialog | None = None
        controller.sessionReplacing.connect(self._replacing)

    def _replacing(self, people: int) -> None:
        if people < LONG_LIST or not self._window.isVisible():
            return
        dialog = QProgressDialog(self._window)
        style_dialog(dialog)
        dialog.setWindowTitle(self.tr("Opening the session"))
        dialog.setLabelText(self.tr("Preparing the list of {n} people…").format(n=QLocale().toString(people)))
        dialog.setRange(0, 0)  # busy: the sorting happens in one go inside Qt
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.show()
        # Paint it before the long step starts; timers may run, but no key or click reaches the old session.
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        self.dialog = dialog
        QTimer.singleShot(0, self._done)  # runs once the switch has finished

    def _done(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
