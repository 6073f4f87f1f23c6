"""The thin Qt layer between the moderator's intents and the model: undo, signals, autosave, the ticking timer."""

from .autosave import Autosaver
from .session_controller import SessionController
from .ticker import TimerTicker

__all__ = ["Autosaver", "SessionController", "TimerTicker"]
