"""Widgets only: the console window, its panels and dialogs. State lives in the model; intents go to the controller.

The drag-and-drop format for "this person" is in `person_data`.
"""

from .person_data import PARTICIPANT_MIME, SEAT_MIME

__all__ = ["PARTICIPANT_MIME", "SEAT_MIME"]
