"""The fishbowl as the program knows it: pure Python, no Qt, no files.

Everything the console, the projector, storage and the PDFs need is importable from here.
"""

from fishbowl_desktop.model.chain import PRESETS, RuleChain, order_by_chain
from fishbowl_desktop.model.circle import FishbowlFormat, Opening, Seat, SeatKind, default_seats
from fishbowl_desktop.model.clock import Clock, FakeClock, SystemClock
from fishbowl_desktop.model.durations import format_duration, format_duration_hms, whole_seconds
from fishbowl_desktop.model.errors import FishbowlError
from fishbowl_desktop.model.event import LANGUAGES, AgendaItem, Event
from fishbowl_desktop.model.observable import ListListener, ObservableList
from fishbowl_desktop.model.participants import Participant, Role, make_participant, new_participant_id
from fishbowl_desktop.model.parts import PARTS, Part
from fishbowl_desktop.model.queue import OrderingRule, QueueEntry
from fishbowl_desktop.model.requests import ChairRequest, RequestOutcome
from fishbowl_desktop.model.session import Session
from fishbowl_desktop.model.speech import SpeakerTally, SpeakingStats, SpeechRecord, is_accidental, speaking_stats
from fishbowl_desktop.model.state import SessionSnapshot, Stage, Turn, TurnSettings
from fishbowl_desktop.model.timer import SpeakerTimer, TimerPhase, format_seconds

__all__ = [
    "LANGUAGES",
    "PARTS",
    "PRESETS",
    "AgendaItem",
    "ChairRequest",
    "Clock",
    "Event",
    "FakeClock",
    "FishbowlError",
    "FishbowlFormat",
    "ListListener",
    "ObservableList",
    "Opening",
    "OrderingRule",
    "Part",
    "Participant",
    "QueueEntry",
    "RequestOutcome",
    "Role",
    "RuleChain",
    "Seat",
    "SeatKind",
    "Session",
    "SessionSnapshot",
    "SpeakerTally",
    "SpeakerTimer",
    "SpeakingStats",
    "SpeechRecord",
    "is_accidental",
    "Stage",
    "SystemClock",
    "TimerPhase",
    "Turn",
    "TurnSettings",
    "default_seats",
    "format_duration",
    "format_duration_hms",
    "format_seconds",
    "make_participant",
    "new_participant_id",
    "order_by_chain",
    "speaking_stats",
    "whole_seconds",
]
