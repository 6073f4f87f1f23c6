"""The speaker timer on the console: who speaks, how long is left, and the buttons a moderator reaches for.

The phase shows in colour AND in words ("30 seconds left", "Time is up"), so it reads at a glance and for
colour-blind moderators. Repaints happen when the ticker says the shown second changed, never on a busy loop.
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from fishbowl_desktop.commands import ADJUST_SECONDS
from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.model import TimerPhase, format_seconds
from fishbowl_desktop.stage.timer_view import TimerView
from fishbowl_desktop.ui.widgets.digits import DigitsLabel, LiveWords
from fishbowl_desktop.ui.widgets.elided import ElidedLabel
from fishbowl_desktop.ui.widgets.sheet import BUTTON

# (background, text) per state; Okabe–Ito hues like the projector, light enough for a console.
STYLE = {
    "idle": ("#EEF1F4", "#1F2933"),
    "ready": ("#EEF1F4", "#1F2933"),
    "paused": ("#E3E7EC", "#1F2933"),
    TimerPhase.RUNNING: ("#DCEFE7", "#0B3D2E"),
    TimerPhase.WARNING: ("#E69F00", "#000000"),
    TimerPhase.OVERTIME: ("#D55E00", "#FFFFFF"),
}


def timer_state(view: TimerView) -> object:
    if view.phase is None:
        return "idle"
    if view.phase is TimerPhase.READY:
        return "ready"
    if not view.running:
        return "paused"
    return view.phase


class TimerPanel(QFrame):
    def __init__(self, controller: SessionController, ticker: TimerTicker, parent: QWidget | None = None):
        super().__init__(parent)
        self._controller = controller
        self._ticker = ticker
        self.setObjectName("timerPanel")
        # a name as typed, never markup; cut at its end, whole in the tooltip, never widening the column
        self.speaker = ElidedLabel()
        self.speaker.setObjectName("timerSpeaker")
        self.detail = ElidedLabel()
        self.detail.setObjectName("timerDetail")
        self.time = DigitsLabel()
        self.time.setObjectName("timerTime")
        self.phase = LiveWords()  # its words change every second of the warning and the overtime: it alone repaints
        self.phase.setObjectName("timerPhase")
        labels: tuple[tuple[QWidget, float, bool], ...] = (
            (self.speaker, 1.55, True),
            (self.time, 4.6, True),
            (self.phase, 1.3, True),
        )
        for label, scale, bold in labels:
            font = QFont(self.font())
            font.setPointSizeF(font.pointSizeF() * scale)
            font.setBold(bold)
            label.setFont(font)
        self.time.setFont(_digits(self.time.font()))
        for label in (self.speaker, self.detail):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self.start_pause = QPushButton()
        self.start_pause.setObjectName("startPause")
        self.start_pause.clicked.connect(lambda: self._controller.toggle_timer())
        self.plus = QPushButton(self.tr("+30 s"))
        self.plus.setToolTip(self.tr("Give 30 seconds more (+)"))
        self.plus.clicked.connect(lambda: self._controller.adjust_time(ADJUST_SECONDS))
        self.minus = QPushButton(self.tr("−30 s"))
        self.minus.setToolTip(self.tr("Take 30 seconds away (−)"))
        self.minus.clicked.connect(lambda: self._controller.adjust_time(-ADJUST_SECONDS))
        self.reset = QPushButton(self.tr("Reset"))
        self.reset.setToolTip(
            self.tr("Back to the full speaking time, paused; what was said stays in the log (Ctrl+R)")
        )
        self.reset.clicked.connect(lambda: self._controller.reset_timer())
        self.end = QPushButton(self.tr("End turn"))
        self.end.setToolTip(self.tr("The turn is logged; the speaker stays seated (Ctrl+T)"))
        self.end.clicked.connect(lambda: self._controller.end_turn())
        self.next = QPushButton(self.tr("Next ▸"))
        self.next.setToolTip(self.tr("One out, one in on the free chair (N or PageDown)"))
        self.next.clicked.connect(lambda: self._controller.next_or_pick())
        for b in (self.start_pause, self.plus, self.minus, self.reset, self.end, self.next):
            b.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # Space must stay start/pause, not "press the last button"
            b.setMinimumHeight(34)

        buttons = QGridLayout()
        buttons.addWidget(self.start_pause, 0, 0, 1, 2)
        buttons.addWidget(self.minus, 0, 2)
        buttons.addWidget(self.plus, 0, 3)
        buttons.addWidget(self.reset, 1, 0)
        buttons.addWidget(self.end, 1, 1)
        buttons.addWidget(self.next, 1, 2, 1, 2)
        top = QVBoxLayout()
        top.setSpacing(2)
        top.addWidget(self.speaker)
        top.addWidget(self.detail)
        clock_row = QHBoxLayout()
        clock_row.addWidget(self.time, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 10)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(clock_row)
        layout.addWidget(self.phase)
        layout.addLayout(buttons)

        self._steady: tuple[object, ...] | None = None
        """What the panel shows besides the time and the phase's words, as of its last refresh."""
        ticker.displayChanged.connect(self._ticked)
        for signal in (
            controller.turnChanged,
            controller.participantsChanged,
            controller.seatsChanged,
            controller.queueChanged,
            controller.settingsChanged,  # closed, open, tap-out: Next's button follows (issue 28)
            controller.sessionReplaced,
        ):
            signal.connect(self.refresh)
        self.refresh()

    def phase_text(self, view: TimerView) -> str:
        """The phase in words; colour alone is never the signal."""
        if view.phase is None:
            return self.tr("Ready for the next speaker")
        if view.phase is TimerPhase.READY:
            return self.tr("Ready: press Start (Space)")
        if view.phase is TimerPhase.OVERTIME:
            text = self.tr("Time is up · {over} over time").format(over=format_seconds(view.remaining).lstrip("+"))
        elif view.phase is TimerPhase.WARNING:
            seconds = max(0, math.ceil(view.remaining - 1e-9))
            text = (
                self.tr("1 second left") if seconds == 1 else self.tr("{seconds} seconds left").format(seconds=seconds)
            )
        elif not view.running:
            return self.tr("Paused")  # not "Paused · Speaking": nobody is speaking while the clock stands
        else:
            text = self.tr("Speaking")
        if not view.running:
            text = self.tr("Paused · {state}").format(state=text)
        return text

    def _ticked(self) -> None:
        """A new second: the time and the phase's words ("12 seconds left") move; the speaker, the allotted time,
        the colours and the buttons only when the clock's state changed (then everything is read again)."""
        view = self._ticker.shown
        if _steady_part(view) != self._steady:
            self.refresh()
            return
        self.time.setText(view.text)
        self.phase.setText(self.phase_text(view))

    def refresh(self) -> None:
        view = self._ticker.view()
        self._steady = _steady_part(view)
        session = self._controller.session
        by_id = session.participants_by_id()
        person = by_id.get(view.speaker_id) if view.speaker_id else None
        if person is not None:
            self.speaker.setText(person.name)
            turn = session.turn
            seat = session.seats[turn.seat_index] if turn is not None else None
            where = self.tr("Free chair") if seat is not None and seat.is_free_chair else self.tr("Panel")
            self.detail.setText(
                self.tr("{where} · {minutes} allotted").format(where=where, minutes=format_seconds(view.allotted))
            )
        else:
            self.speaker.setText(self.tr("Nobody has the floor"))
            self.detail.setText(self.tr("Double-click a seat or press Enter on it: the floor and the time start"))
        self.time.setText(view.text)
        self.phase.setText(self.phase_text(view))
        state = timer_state(view)
        if self.property("timerState") != str(state):  # restyle only on a change, not every second
            self.setProperty("timerState", str(state))
            self._apply_style(state)
        running = view.running
        self.start_pause.setText(self.tr("Pause (Space)") if running else self.tr("Start (Space)"))
        has_turn = session.turn is not None
        for b in (self.start_pause, self.plus, self.minus, self.reset, self.end):
            b.setEnabled(has_turn)
        self.next.setEnabled(session.can_call_next())

    def _apply_style(self, state: object) -> None:
        background, foreground = STYLE[state]
        for live in (self.time, self.phase):
            live.set_colors(QColor(background), QColor(foreground))
        self.setStyleSheet(
            f"#timerPanel {{ background: {background}; border-radius: 10px; }}"
            f" #timerPanel QLabel {{ color: {foreground}; background: transparent; }} {BUTTON}"
        )


def _steady_part(view: TimerView) -> tuple[object, ...]:
    return (view.speaker_id, view.allotted, view.running, timer_state(view))


def _digits(font: QFont) -> QFont:
    """Tabular digits, so 1:11 and 1:00 take the same width and the time does not wobble."""
    f = QFont(font)
    f.setStyleHint(QFont.StyleHint.Monospace)
    f.setFamilies(["DejaVu Sans Mono", "Consolas", "Menlo", "monospace"])
    return f
