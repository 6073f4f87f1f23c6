"""A calm, non-modal strip above the console for things the moderator should read but not be stopped by:
a refused action, a recovered session, a finished or failed PDF. No dialog pops up in front of the room.

During the evening the strip keeps its place and its height whether a message shows or not: a message that
pushed the console down by 40 px made a click meant for End turn land on Pause (`message_place.py` says when
it holds its place). Text longer than its two lines is shortened with "…", and the whole of it is in the
tooltip.

A problem that lasts (the evening or the phones' requests cannot be saved) is shown `lasting`: news shown meanwhile
is read first, then the problem is back, until its owner withdraws it or the moderator closes it. A one-off
message, once replaced, is gone.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from fishbowl_desktop.ui.widgets.sheet import BUTTON

LEVELS = {
    "info": ("#E8F4FB", "#0072B2", "#0B2A3D"),
    "warning": ("#FFF4DC", "#E69F00", "#3D2A00"),
    "error": ("#FBE9E2", "#D55E00", "#4A1600"),
}
Shown = tuple[str, str, str, Callable[[], object] | None]
"""A message as shown: text, level, the action's text and the action."""
HIDE_AFTER_MS = {"info": 12000, "warning": 20000}
"""Errors stay until closed or replaced; the rest fades so the strip does not become wallpaper."""
LINES = 2
"""Lines of text the strip always has room for."""


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.level = "info"
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # messages quote names as typed: never markup
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.action = QPushButton()
        self.action.hide()
        self._callback: Callable[[], object] | None = None
        self.action.clicked.connect(self._run_action)
        close = QPushButton("✕")
        close.setFlat(True)
        close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        close.setToolTip(self.tr("Close this message"))
        close.clicked.connect(self._close)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.action)
        layout.addWidget(close)
        self._auto_hide = QTimer(self)
        self._auto_hide.setSingleShot(True)
        self._auto_hide.timeout.connect(self._step_down)
        self._full_text = ""
        self._lasting: list[Shown] = []
        """Problems still true, the newest last: one comes back when the message in front of it goes."""
        policy = self.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
        policy.setRetainSizeWhenHidden(False)  # until the evening runs (MessagePlace): then nothing below it moves
        self.setSizePolicy(policy)
        fm = self.label.fontMetrics()
        button = max(self.action.sizeHint().height(), close.sizeHint().height())
        self.setFixedHeight(max(LINES * fm.lineSpacing(), button) + 8 + 2 * self.frameWidth() + 2)
        self.hide()

    def hold_place(self, hold: bool) -> None:
        """Whether the empty strip keeps its place (during the evening: a message never moves anything that can
        be clicked) or takes no space until it has something to say (before and after the evening)."""
        policy = self.sizePolicy()
        if policy.retainSizeWhenHidden() != hold:
            policy.setRetainSizeWhenHidden(hold)
            self.setSizePolicy(policy)

    def text(self) -> str:
        """The whole message being shown (it may be shortened on screen), or "" when none is."""
        return self._full_text if not self.isHidden() else ""

    def _fit_text(self) -> None:
        fm = self.label.fontMetrics()
        width = max(1, self.label.width())
        text = self._full_text
        needed = fm.boundingRect(0, 0, width, 10_000, Qt.TextFlag.TextWordWrap, text).height()
        if needed > LINES * fm.lineSpacing() or fm.horizontalAdvance(text) > LINES * width:
            text = fm.elidedText(text, Qt.TextElideMode.ElideRight, LINES * width - 4 * fm.averageCharWidth())
        self.label.setText(text)
        self.label.setToolTip(self._full_text if text != self._full_text else "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_text()

    def show_message(
        self,
        text: str,
        level: str = "info",
        action_text: str = "",
        action: Callable[[], object] | None = None,
        *,
        lasting: bool = False,
    ) -> None:
        """Info and warnings fade after a while; errors stay until closed or replaced; a lasting problem comes
        back when what replaced it goes, and said again it does not push away the message in front of it (an
        offer on the strip stays to be clicked while the autosave says its problem at every retry)."""
        if lasting:
            said_before = any(shown[0] == text for shown in self._lasting)
            self._lasting = [shown for shown in self._lasting if shown[0] != text]
            self._lasting.append((text, level, action_text, action))
            if said_before and not self.isHidden() and self._full_text != text:
                return
        self._show(text, level, action_text, action)

    def withdraw(self, text: str) -> None:
        """The owner of a message says it is no longer true: it goes from the strip, now or when it would come
        back; any other message stays."""
        self._lasting = [shown for shown in self._lasting if shown[0] != text]
        if self.text() == text:
            self._step_down()

    def _show(self, text: str, level: str, action_text: str, action: Callable[[], object] | None) -> None:
        if not self.isHidden() and (text, level, action_text, action) == (
            self._full_text,
            self.level,
            self.action.text(),
            self._callback,
        ):
            self._fade_later(level)  # said again (each batch of a request flood): it stays longer, nothing restyled
            return
        self.level = level
        background, border, foreground = LEVELS.get(level, LEVELS["info"])
        self.setStyleSheet(
            f"#messageBar {{ background: {background}; border: 1px solid {border}; border-radius: 6px; }}"
            f" #messageBar QLabel {{ color: {foreground}; }} {BUTTON}"
        )
        self._full_text = text
        self._callback = action
        self.action.setText(action_text)
        self.action.setVisible(bool(action_text and action))
        self.show()
        self._fit_text()
        self._fade_later(level)

    def _fade_later(self, level: str) -> None:
        if level in HIDE_AFTER_MS:
            self._auto_hide.start(HIDE_AFTER_MS[level])
        else:
            self._auto_hide.stop()

    def _step_down(self) -> None:
        """The message in front goes (faded, closed, withdrawn, acted on): the newest lasting problem is back."""
        self._auto_hide.stop()
        self.hide()
        if self._lasting:
            self._show(*self._lasting[-1])

    def _close(self) -> None:
        """The moderator has read it: a lasting problem closed stays closed until it is said anew."""
        self._lasting = [shown for shown in self._lasting if shown[0] != self._full_text]
        self._step_down()

    def _run_action(self) -> None:
        """Hidden first: what the action reports on the strip stays (a rename says what it did). A lasting problem
        that the action did not solve at once (a retry on a disk still full) is said again."""
        callback = self._callback
        self.hide()
        if callback is not None:
            callback()
        if self.isHidden() and self._lasting:
            self._show(*self._lasting[-1])
