"""Widgets only: the console window, its panels and dialogs. State lives in the model; intents go to the controller.

The drag-and-drop format for "this person" is in `person_data`.
"""

from .person_data import PARTICIPANT_MIME, SEAT_MIME
from .pyside_guard import make_singletons_immortal

__all__ = ["PARTICIPANT_MIME", "SEAT_MIME"]

make_singletons_immortal()  # before any widget exists: see pyside_guard for the PySide6 6.12 / CPython 3.11 leak
