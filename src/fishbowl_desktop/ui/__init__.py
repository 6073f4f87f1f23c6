"""Widgets only: the console window, its panels and dialogs. State lives in the model; intents go to the controller.

`PARTICIPANT_MIME` is the drag-and-drop format every panel uses for "this person": the participant's id as
UTF-8. A drag that starts on a seat adds `SEAT_MIME` with the seat's index, so a drop elsewhere can tell
"someone leaves the circle" from "someone from the list".
"""

PARTICIPANT_MIME = "application/x-fishbowl-participant-id"
SEAT_MIME = "application/x-fishbowl-seat-index"

__all__ = ["PARTICIPANT_MIME", "SEAT_MIME"]

from .pyside_guard import make_singletons_immortal  # noqa: E402

make_singletons_immortal()  # before any widget exists: see pyside_guard for the PySide6 6.12 / CPython 3.11 leak
