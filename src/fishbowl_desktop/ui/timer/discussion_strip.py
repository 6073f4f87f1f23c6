"""The line under the speaker's timer that the moderator always sees (issue 28): which format is on, and the whole
discussion's clock — run, planned, left, ahead or behind the agenda — with a calm warning when the people waiting
cannot all speak in the time left ("4 waiting × 2:00 > 6 min left").

It reads the same `discussion_reading` as the projector and the phones and repaints when the ticker says a minute
turned, or when the queue, the settings, the stage or the event changed.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QVBoxLayout, QWidget

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.model import Opening, format_seconds
from fishbowl_desktop.model.discussion import DiscussionReading, hours_minutes, minutes_left, whole_minutes
from fishbowl_desktop.stage.discussion_view import discussion_minute, discussion_reading


def opening_word(opening: Opening) -> str:
    """The format's name on the console (the hall's words are in stage/texts.py)."""
    words = {
        Opening.CLOSED: QCoreApplication.translate("DiscussionStrip", "Closed fishbowl"),
        Opening.FREE_CHAIR: QCoreApplication.translate("DiscussionStrip", "Open fishbowl"),
        Opening.TAP_OUT: QCoreApplication.translate("DiscussionStrip", "Tap-out fishbowl"),
    }
    return words[opening]


def _left(seconds: float) -> str:
    """Time left as h:mm of started minutes: 5:30 left reads "0:06 h"."""
    minutes = minutes_left(seconds)
    return f"{minutes // 60}:{minutes % 60:02d} h"


def _hours(seconds: float) -> str:
    """h:mm with its unit: right under the speaker's "2:00" (minutes), a bare "2:00" for two hours misleads."""
    return f"{hours_minutes(seconds)} h"


def clock_line(reading: DiscussionReading) -> str:
    if not reading.started:
        line = QCoreApplication.translate("DiscussionStrip", "Discussion clock: starts with the first speaker")
        if reading.planned is not None:
            line += " · " + QCoreApplication.translate("DiscussionStrip", "planned {planned}").format(
                planned=_hours(reading.planned)
            )
        return line
    run = hours_minutes(reading.elapsed)  # "0:42 of 2:00 h": the unit once
    if reading.planned is None:
        parts = [QCoreApplication.translate("DiscussionStrip", "Discussion {run}").format(run=run)]
    else:
        planned = _hours(reading.planned)
        parts = [
            QCoreApplication.translate("DiscussionStrip", "Discussion {run} of {planned}").format(
                run=run, planned=planned
            )
        ]
        left = reading.remaining
        assert left is not None
        if left >= 0:
            parts.append(QCoreApplication.translate("DiscussionStrip", "{left} left").format(left=_left(left)))
        else:
            parts.append(QCoreApplication.translate("DiscussionStrip", "{over} over").format(over=_hours(-left)))
    if reading.behind is not None:
        minutes = whole_minutes(abs(reading.behind))
        if reading.behind > 0 and minutes:
            parts.append(QCoreApplication.translate("DiscussionStrip", "{n} min behind plan").format(n=minutes))
        elif reading.behind < 0 and minutes:
            parts.append(QCoreApplication.translate("DiscussionStrip", "{n} min ahead of plan").format(n=minutes))
        else:
            parts.append(QCoreApplication.translate("DiscussionStrip", "on plan"))
    if not reading.running:
        parts.append(QCoreApplication.translate("DiscussionStrip", "paused"))
    return " · ".join(parts)


def queue_warning(reading: DiscussionReading) -> str:
    """The calm warning, or "" when the queue fits (or there is no plan)."""
    if not reading.queue_does_not_fit:
        return ""
    left = reading.remaining
    assert left is not None
    if left <= 0:
        return QCoreApplication.translate("DiscussionStrip", "{n} waiting, and the discussion's time is up").format(
            n=reading.waiting
        )
    return QCoreApplication.translate("DiscussionStrip", "{n} waiting × {turn} > {left} min left").format(
        n=reading.waiting, turn=format_seconds(reading.turn_seconds), left=minutes_left(left)
    )


class DiscussionStrip(QWidget):
    def __init__(self, controller: SessionController, ticker: TimerTicker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("discussionStrip")
        self._controller = controller
        self.format_label = QLabel()
        self.format_label.setObjectName("formatBadge")
        self.clock_label = QLabel()
        self.clock_label.setObjectName("discussionClock")
        # two lines, always: at 1366 px the column is ~440 px and "Discussion 0:42 of 2:00 · 1:18 left · 12 min
        # behind plan" needs two; reserving them keeps the circle below from jumping when the text grows
        self.clock_label.setWordWrap(True)
        self.clock_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
        self.clock_label.setMinimumHeight(2 * self.clock_label.fontMetrics().lineSpacing())
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.pause = QToolButton()
        self.pause.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Space stays the speaker's start/pause
        self.pause.clicked.connect(lambda: controller.toggle_discussion_clock())
        self.pause.setToolTip(
            self.tr("Pause the discussion's clock for a break; the next speaker's start runs it again (Ctrl+Shift+D)")
        )
        # one width for both words: a button that shrinks under the mouse moves the next click (the hunt found it)
        widths = []
        for word in (self.tr("Run"), self.tr("Pause")):
            self.pause.setText(word)
            widths.append(self.pause.sizeHint().width())
        self.pause.setFixedWidth(max(widths))
        self.warning = QLabel()
        self.warning.setObjectName("queueWarning")
        self.warning.setWordWrap(True)
        # on the two labels they style, not on the strip: the clock and the button stay out of the style-sheet
        # style (ui/widgets/sheet.py)
        self.format_label.setStyleSheet(
            "#formatBadge { font-weight: bold; padding: 1px 6px; border-radius: 6px; background: #E3ECF5; }"
        )
        self.warning.setStyleSheet("#queueWarning { color: #7A4A00; }")  # calm amber, not the overtime's red
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.format_label, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addWidget(self.clock_label, 1)
        row.addWidget(self.pause, 0, Qt.AlignmentFlag.AlignVCenter)
        column = QVBoxLayout(self)
        column.setContentsMargins(2, 2, 2, 2)
        column.setSpacing(1)
        column.addLayout(row)
        column.addWidget(self.warning)
        self._ticker = ticker
        self._minute: int | None = None
        """The discussion's minute the texts were last read at."""
        ticker.displayChanged.connect(self._ticked)
        for signal in (
            controller.queueChanged,
            controller.settingsChanged,
            controller.stageChanged,
            controller.eventChanged,
            controller.sessionReplaced,
        ):
            signal.connect(self.refresh)
        self.refresh()

    def _ticked(self) -> None:
        """A new second of the speaker's clock: the strip's texts move with the discussion's minutes only."""
        if self._ticker.shown.discussion_minute != self._minute:
            self.refresh()

    def refresh(self) -> None:
        session = self._controller.session
        self._minute = discussion_minute(session)
        reading = discussion_reading(session)
        word = opening_word(session.settings.opening)
        if self.format_label.text() != word:
            self.format_label.setText(word)
        line = clock_line(reading)
        if self.clock_label.text() != line:
            self.clock_label.setText(line)
            self.clock_label.setToolTip(line)
        # shown from the start, disabled until the discussion begins: the first turn moves nothing on the console
        self.pause.setEnabled(reading.started)
        word = self.tr("Pause") if reading.running or not reading.started else self.tr("Run")
        if self.pause.text() != word:  # a tick that changes nothing lays nothing out
            self.pause.setText(word)
        warning = queue_warning(reading)
        if self.warning.text() != warning:
            self.warning.setText(warning)
        if self.warning.isVisibleTo(self) != bool(warning):
            self.warning.setVisible(bool(warning))
