"""The desk box's OSC part: on/off, the port it listens on, the desk the state goes to, and who may send commands.

Each field takes effect when the moderator leaves it (or ticks the box): a bad address is said beside the fields
and nothing changes (OSC keeps running as it was), a port another program holds is said and OSC stays off. What
OSC answers and sends is in the README ("What the room exposes on the network")."""

from __future__ import annotations

import errno
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QLineEdit, QSpinBox, QWidget

from fishbowl_desktop.room.osc_settings import OscSettings, parse_allowed, target_problem
from fishbowl_desktop.room.service import Room


def _port_box() -> QSpinBox:
    box = QSpinBox()
    box.setRange(1024, 65535)
    box.setKeyboardTracking(False)
    return box


class OscBox(QWidget):
    def __init__(self, room: Room, parent: QWidget | None = None):
        super().__init__(parent)
        self.room = room
        self.on = QCheckBox(self.tr("OSC (UDP) for lighting and video desks"))
        self.port = _port_box()
        self.port.setAccessibleName(self.tr("OSC port"))
        self.target = QLineEdit()
        self.target.setPlaceholderText(self.tr("the desk's IP address, e.g. 192.168.1.20"))
        self.target.setAccessibleName(self.tr("Send the state to"))
        self.target_port = _port_box()
        self.target_port.setAccessibleName(self.tr("The desk's OSC port"))
        self.allowed = QLineEdit()
        self.allowed.setPlaceholderText(self.tr("IP addresses or networks, e.g. 192.168.1.20, 192.168.1.0/24"))
        self.allowed.setAccessibleName(self.tr("Commands only from"))
        self.problem = QLabel()
        self.problem.setObjectName("oscProblem")
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #B3261E;")
        self.status = QLabel()
        self.status.setObjectName("oscStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.on, 0, 0, 1, 2)
        grid.addWidget(QLabel(self.tr("Listen on UDP port:")), 0, 2)
        grid.addWidget(self.port, 0, 3)
        grid.addWidget(QLabel(self.tr("Send the state to:")), 1, 0)
        grid.addWidget(self.target, 1, 1, 1, 2)
        grid.addWidget(self.target_port, 1, 3)
        grid.addWidget(QLabel(self.tr("Commands only from:")), 2, 0)
        grid.addWidget(self.allowed, 2, 1, 1, 3)
        grid.addWidget(self.problem, 3, 0, 1, 4)
        grid.addWidget(self.status, 4, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        self._show(room.links.osc)
        self.on.toggled.connect(lambda _on: self.commit())
        self.port.editingFinished.connect(self.commit)
        self.target.editingFinished.connect(self.commit)
        self.target_port.editingFinished.connect(self.commit)
        self.allowed.editingFinished.connect(self.commit)
        room.osc.runningChanged.connect(lambda _on: self.refresh())
        room.osc.statsChanged.connect(lambda _stats: self.refresh())
        self.refresh()

    def _show(self, osc: OscSettings) -> None:
        for widget in (self.on, self.port, self.target, self.target_port, self.allowed):
            widget.blockSignals(True)
        self.on.setChecked(osc.on)
        self.port.setValue(osc.port)
        self.target.setText(osc.target)
        self.target_port.setValue(osc.target_port)
        self.allowed.setText(", ".join(osc.allowed))
        for widget in (self.on, self.port, self.target, self.target_port, self.allowed):
            widget.blockSignals(False)

    def commit(self) -> None:
        """The fields as they are now: checked, then in force and kept; or the reason, and nothing changed."""
        target = self.target.text().strip()
        if target_problem(target):
            self._refuse(self.tr("“{text}” is not an IPv4 address the state can go to.").format(text=target))
            return
        allowed, refused = parse_allowed(self.allowed.text())
        if refused is not None:
            self._refuse(
                self.tr("“{text}” is not an IP address or network (e.g. 192.168.1.0/24).").format(text=refused)
            )
            return
        wanted = OscSettings(self.on.isChecked(), self.port.value(), target, self.target_port.value(), allowed)
        if wanted == self.room.links.osc and wanted.on == self.room.osc.running:
            self.problem.clear()
            self.refresh()
            return
        problem = self.room.set_osc(wanted)
        if isinstance(problem, OSError):
            self._refuse(self._port_problem(wanted.port, problem))
            self._show(self.room.links.osc)
        elif problem:
            self._refuse(self.tr("OSC works, but its settings could not be kept: {reason}").format(reason=problem))
        else:
            self.problem.clear()
            self.target.setText(target)
            self.allowed.setText(", ".join(allowed))
        self.refresh()

    def _port_problem(self, port: int, exc: OSError) -> str:
        if exc.errno == errno.EADDRINUSE:
            return self.tr("UDP port {port} is in use by another program: choose another port.").format(port=port)
        if exc.errno == errno.EACCES:
            return self.tr("UDP port {port} may not be used here: choose another port.").format(port=port)
        return self.tr("OSC cannot listen on UDP port {port}: {reason}").format(port=port, reason=exc.strerror or exc)

    def _refuse(self, text: str) -> None:
        self.problem.setText(text)

    def refresh(self) -> None:
        osc, stats = self.room.links.osc, self.room.osc.stats
        if not self.room.osc.running:
            self.status.setText(self.tr("OSC is off."))
            return
        parts = [self.tr("Listening on UDP port {port}.").format(port=self.room.osc.port)]
        if osc.target:
            parts.append(self.tr("Sending to {target}:{port}.").format(target=osc.target, port=osc.target_port))
        else:
            parts.append(self.tr("Sending nothing (no desk address)."))
        if not osc.allowed:
            parts.append(self.tr("Commands from nobody yet: add the desk's address."))
        parts.extend(self._counts(stats))
        self.status.setText(" ".join(parts))

    def _counts(self, stats: dict[str, Any]) -> list[str]:
        parts = []
        if stats.get("taken"):
            parts.append(self.tr("{n} commands taken.").format(n=stats["taken"]))
        if stats.get("ignored"):
            parts.append(
                self.tr("{n} ignored, last from {address} (not allowed).").format(
                    n=stats["ignored"], address=stats.get("last_ignored", "")
                )
            )
        if stats.get("flood"):
            parts.append(self.tr("{n} refused: too many a second.").format(n=stats["flood"]))
        if stats.get("bad"):
            parts.append(self.tr("{n} not understood.").format(n=stats["bad"]))
        if stats.get("send_error"):
            parts.append(self.tr("Sending fails: {reason}").format(reason=stats["send_error"]))
        return parts
