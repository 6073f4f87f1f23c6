"""How views hand a person to each other: the item-data role that carries a participant's id, and the
drag-and-drop format.

A drag carries the participant's id as UTF-8 under `PARTICIPANT_MIME`. A drag that starts on a seat adds
`SEAT_MIME` with the seat's index, so a drop elsewhere can tell "someone leaves the circle" from "someone
from the list".
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt

PARTICIPANT_MIME = "application/x-fishbowl-participant-id"
SEAT_MIME = "application/x-fishbowl-seat-index"
PARTICIPANT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

ParentIndex = QModelIndex | QPersistentModelIndex


def person_mime(participant_id: str, name: str = "", seat_index: int | None = None) -> QMimeData:
    mime = QMimeData()
    mime.setData(PARTICIPANT_MIME, QByteArray(participant_id.encode("utf-8")))
    if name:
        mime.setText(name)
    if seat_index is not None:
        mime.setData(SEAT_MIME, QByteArray(str(seat_index).encode("ascii")))
    return mime


def dragged_person(data: QMimeData) -> str | None:
    if not data.hasFormat(PARTICIPANT_MIME):
        return None
    return bytes(data.data(PARTICIPANT_MIME).data()).decode("utf-8")


def dragged_from_seat(data: QMimeData) -> int | None:
    if not data.hasFormat(SEAT_MIME):
        return None
    return int(bytes(data.data(SEAT_MIME).data()).decode("ascii"))
