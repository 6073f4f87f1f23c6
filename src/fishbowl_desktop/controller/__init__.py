"""The thin Qt layer between the moderator's intents and the model: undo, signals, autosave, the ticking timer."""

from fishbowl_desktop.controller.autosave import Autosaver
from fishbowl_desktop.controller.session_controller import SessionController
from fishbowl_desktop.controller.ticker import TimerTicker

__all__ = ["Autosaver", "SessionController", "TimerTicker"]
