"""What the room sees besides the timer: the current question, a message line, a blank screen and the
countdown before the start. Every control is an intent on the controller; the projector and its preview
follow through the controller's stageChanged signal."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model.state import MAX_MESSAGE
from fishbowl_desktop.ui.widgets.pick_list import PickList
from fishbowl_desktop.ui.widgets.sheet import SIZED_AS_STYLED, style_buttons, style_dialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox


class StagePanel(QWidget):
    def __init__(self, controller: SessionController, parent: QWidget | None = None):
        super().__init__(parent)
        self._controller = controller

        self.topic = PickList()
        self.topic.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.topic.setMinimumContentsLength(20)
        self.topic.setToolTip(self.tr("The guiding question or agenda item shown above the timer"))
        self.topic.activated.connect(self._topic_chosen)

        self.message = QLineEdit()
        self.message.setMaxLength(MAX_MESSAGE)
        self.message.setPlaceholderText(self.tr("Message for the room, e.g. “Please come to an end” + Enter"))
        self.message.setClearButtonEnabled(True)
        self.message.returnPressed.connect(self._show_message)
        self.message.textChanged.connect(self._message_cleared)
        self._synced_message = ""
        """The stage's message as last put into the field: a different text in a focused field is a draft."""

        self.pin = QPushButton(self.tr("Pin"))
        self.pin.setCheckable(True)
        self.pin.setToolTip(
            self.tr("Keep the message up for the next speakers too; unpinned, it is cleared when the current turn ends")
        )
        self.pin.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.pin.clicked.connect(self._pin_clicked)

        self.blank = QPushButton(self.tr("Blank (B)"))
        self.blank.setCheckable(True)
        self.blank.setToolTip(self.tr("Show only the event title on the projector"))
        self.blank.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.blank.clicked.connect(controller.toggle_blank)

        self.minutes = QSpinBox()
        self.minutes.setRange(1, 120)
        self.minutes.setValue(5)
        self.minutes.setSuffix(self.tr(" min"))
        self.countdown = QPushButton(self.tr("Countdown"))
        style_buttons(self.pin, self.blank, self.countdown)
        self.minutes.setStyleSheet(SIZED_AS_STYLED)
        self.countdown.setCheckable(True)
        self.countdown.setToolTip(
            self.tr(
                "Before the start: “We begin in 4:59” while nobody has the floor; "
                "later in the evening it asks first and counts down to the end of a break"
            )
        )
        self.countdown.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.countdown.clicked.connect(self._toggle_countdown)
        self.question: QMessageBox | None = None
        """The question before a countdown in the middle of the evening, while it is open (tests answer it)."""

        start_row = QHBoxLayout()
        start_row.setContentsMargins(0, 0, 0, 0)
        start_row.addWidget(self.blank)
        start_row.addStretch(1)
        start_row.addWidget(QLabel(self.tr("Start in")))
        start_row.addWidget(self.minutes)
        start_row.addWidget(self.countdown)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setVerticalSpacing(3)
        grid.addWidget(QLabel(self.tr("Topic")), 0, 0)
        grid.addWidget(self.topic, 0, 1)
        grid.addWidget(QLabel(self.tr("Message")), 1, 0)
        message_row = QHBoxLayout()
        message_row.setContentsMargins(0, 0, 0, 0)
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.pin)
        grid.addLayout(message_row, 1, 1)
        grid.addLayout(start_row, 2, 0, 1, 2)
        grid.setColumnStretch(1, 1)

        for signal in (controller.stageChanged, controller.eventChanged, controller.sessionReplaced):
            signal.connect(self.sync)
        self.sync()

    def sync(self) -> None:
        """Show the session's stage; the widgets hold no state of their own."""
        session = self._controller.session
        stage = session.stage
        self.topic.blockSignals(True)
        self.topic.clear()
        self.topic.addItem(self.tr("— no topic shown —"), None)
        for index, text in enumerate(session.topics()):
            self.topic.addItem(text, index)
            self.topic.setItemData(index + 1, text, Qt.ItemDataRole.ToolTipRole)
        self.topic.setCurrentIndex(0 if stage.topic_index is None else stage.topic_index + 1)
        self.topic.blockSignals(False)
        draft = self.message.hasFocus() and self.message.text() not in ("", self._synced_message)
        if not draft:
            self.message.blockSignals(True)
            self.message.setText(stage.message)
            self.message.blockSignals(False)
        self._synced_message = stage.message
        self.pin.setChecked(stage.message_pinned)
        self.blank.setChecked(stage.blank)
        self.countdown.setChecked(stage.countdown_to is not None)
        self.minutes.setEnabled(stage.countdown_to is None)

    def _topic_chosen(self, row: int) -> None:
        self._controller.set_stage(topic_index=self.topic.itemData(row))

    def _show_message(self) -> None:
        self._controller.set_stage(message=self.message.text().strip())

    def _message_cleared(self, text: str) -> None:
        stage = self._controller.session.stage
        if not text and (stage.message or stage.message_pinned):
            self._controller.set_stage(message="", message_pinned=False)  # a pin belongs to the message

    def _pin_clicked(self, pinned: bool) -> None:
        self._controller.set_stage(message_pinned=pinned)

    def _toggle_countdown(self) -> None:
        """Before the first turn the countdown starts at once. Once the evening has begun, one stray click
        must not put "We begin in 4:46" on the beamer when the current turn ends: it asks first."""
        session = self._controller.session
        if session.stage.countdown_to is not None:
            self._controller.set_stage(countdown_to=None)
        elif len(session.log) or (session.turn is not None and session.turn.timer.started):
            self.sync()  # the button stays up until the moderator says yes
            self._ask_for_countdown()
            return
        else:
            self._start_countdown()
        self.sync()

    def _start_countdown(self) -> None:
        target = self._controller.session.clock.now() + timedelta(minutes=self.minutes.value())
        self._controller.set_stage(countdown_to=target)

    def _ask_for_countdown(self) -> None:
        session = self._controller.session
        minutes = self.minutes.value()
        when = (
            self.tr("when the current turn ends")
            if session.turn is not None
            else self.tr("at once, while nobody has the floor")
        )
        from PySide6.QtWidgets import QMessageBox  # built when asked, not on the way to the first frame (issue 29)

        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Countdown"),
            self.tr(
                "The evening has already begun. Start a countdown of {minutes} min for a break? "
                "The projector shows “We continue in …” {when}."
            ).format(minutes=minutes, when=when),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        style_dialog(box)
        yes = box.button(QMessageBox.StandardButton.Yes)
        if yes is not None:
            yes.setText(self.tr("Start countdown"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(self._confirmed_countdown)
        self.question = box
        box.open()

    def _confirmed_countdown(self) -> None:
        if self._controller.session.stage.countdown_to is None:
            self._start_countdown()
        self.sync()
