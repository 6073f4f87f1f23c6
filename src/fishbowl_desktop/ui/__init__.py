"""Widgets only: the console window, its panels and dialogs. State lives in the model; intents go to the controller.

One package per thing the moderator sees: `shell` (the window, menus, keys), `circle`, `queue`, `people`,
`timer`, `projector` (the second screen and its stage controls), `event` (the settings dialog), `paper`
(PDF export), `room` (phones on the network), and `widgets` (small shared pieces).
The drag-and-drop format for "this person" is in `widgets.person_data`.
"""

from fishbowl_desktop.ui.widgets.person_data import PARTICIPANT_MIME, SEAT_MIME

__all__ = ["PARTICIPANT_MIME", "SEAT_MIME"]
