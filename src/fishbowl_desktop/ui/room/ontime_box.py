"""The desk box's ontime part: whether the fishbowl's turn is shown in a running ontime, where ontime answers, and
which entry of its rundown stands for the fishbowl. Each field takes effect when the moderator leaves it; a bad
address or ID is said beside the fields and changes nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QLineEdit, QWidget

from fishbowl_desktop.room.ontime_bridge import OntimeSettings, event_id_problem, url_problem
from fishbowl_desktop.room.service import Room


class OntimeBox(QWidget):
    def __init__(self, room: Room, parent: QWidget | None = None):
        super().__init__(parent)
        self.room = room
        self.on = QCheckBox(self.tr("Show the turn in ontime"))
        self.url = QLineEdit()
        self.url.setPlaceholderText("http://192.168.1.10:4001")
        self.url.setAccessibleName(self.tr("ontime's address"))
        self.event_id = QLineEdit()
        self.event_id.setPlaceholderText(self.tr("the entry's ID in ontime"))
        self.event_id.setAccessibleName(self.tr("ontime entry ID"))
        self.status = QLabel()
        self.status.setObjectName("ontimeStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.on, 0, 0)
        grid.addWidget(self.url, 0, 1)
        grid.addWidget(self.event_id, 0, 2)
        grid.addWidget(self.status, 1, 0, 1, 3)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 1)
        shown = room.links.ontime
        self.on.setChecked(shown.on)
        self.url.setText(shown.url)
        self.event_id.setText(shown.event_id)
        self._said = ""
        self.on.toggled.connect(lambda _on: self.commit())
        self.url.editingFinished.connect(self.commit)
        self.event_id.editingFinished.connect(self.commit)
        room.ontime.statusChanged.connect(self.refresh)
        self.refresh()

    def commit(self) -> None:
        url, event_id = self.url.text().strip(), self.event_id.text().strip()
        self._said = ""
        if url_problem(url):
            self._said = self.tr("“{text}” is not an address like http://192.168.1.10:4001.").format(text=url)
        elif self.on.isChecked() and event_id_problem(event_id):
            self._said = self.tr("Enter the ID of the fishbowl's entry in ontime (letters, digits, - and _).")
        if self._said:
            if self.on.isChecked() and not self.room.ontime.running:
                self.on.blockSignals(True)
                self.on.setChecked(False)
                self.on.blockSignals(False)
            self.refresh()
            return
        wanted = OntimeSettings(self.on.isChecked(), url, event_id)
        if wanted != self.room.links.ontime or wanted.on != self.room.ontime.running:
            error = self.room.set_ontime(wanted)
            if error:
                self._said = self.tr("The bridge works, but its settings could not be kept: {reason}").format(
                    reason=error
                )
        self.refresh()

    def refresh(self) -> None:
        desk = self.room.ontime
        if self._said:
            text = self._said
        elif not desk.running:
            text = self.tr("ontime bridge is off.")
        elif desk.problem:
            text = self.tr("ontime does not answer: {reason}. Trying again.").format(reason=desk.problem)
        else:
            text = self.tr("ontime shows the turn ({n} requests sent).").format(n=desk.sent)
        self.status.setText(text)
