"""The free-chair queue: quick entry by name, reorder, remove, Next, and the order's chain of rules (a preset
picked here, any chain in the chain editor); every row says why the person stands there.

Quick entry is built for a moderator with one eye on the room: type a few letters, Enter, done. A name that
is not on the list yet becomes a new audience participant in the same undo step; a name that could be several
people asks which one (`model.name_lookup`). After a name went in, the keyboard goes back to the circle (the
console does that on `entryDone`); a refused name stays in the field, selected, so the next name replaces it.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.controller.session_controller import translated_error
from fishbowl_desktop.model import FishbowlError, ObservableList, Participant, make_participant
from fishbowl_desktop.model.chain import preset_named, preset_of
from fishbowl_desktop.model.circle import Opening
from fishbowl_desktop.model.name_lookup import who_is_meant
from fishbowl_desktop.ui.queue.queue_model import QueueModel
from fishbowl_desktop.ui.queue.queue_view import QueueView
from fishbowl_desktop.ui.widgets.chain_words import chain_label, preset_items
from fishbowl_desktop.ui.widgets.elided import ElidedButton
from fishbowl_desktop.ui.widgets.pick_list import PickList
from fishbowl_desktop.ui.widgets.sheet import NEXT, style_buttons, style_title
from fishbowl_desktop.ui.widgets.suggestions import Suggestions

if TYPE_CHECKING:
    from fishbowl_desktop.ui.widgets.chain_editor import ChainEditor

GROUP_SEPARATOR = "/"


def split_group(text: str) -> tuple[str, str | None]:
    """ "Şule Yıldız / Frauen" → ("Şule Yıldız", "Frauen"): quick entry can give the group for the quota
    list. Without a slash the group is None (left as it is)."""
    name, group, _language = split_entry(text)
    return name, group


def split_entry(text: str) -> tuple[str, str | None, str | None]:
    """Quick entry's "Name / group / language": "Şule Yıldız / Frauen / Türkçe" → ("Şule Yıldız", "Frauen",
    "Türkçe"); "Ali / / Arabisch" gives the language and leaves the group; one slash is the group alone, as
    before. None: left as it is."""
    head, sep, last = text.rpartition(GROUP_SEPARATOR)
    if not sep or not head.strip():
        return text, None, None
    name, sep2, middle = head.rpartition(GROUP_SEPARATOR)
    if not sep2 or not name.strip():
        return head, " ".join(last.split()), None
    return name, " ".join(middle.split()) or None, " ".join(last.split()) or None


class QueuePanel(QWidget):
    leaveRequested = Signal()
    """Esc in the queue table: the moderator is done here (the console gives the circle the focus)."""
    entryDone = Signal(str)
    """A typed name joined the queue (the person's name): the console hands the keyboard back to the circle."""
    refusalOutdated = Signal(str)
    """The moderator typed or entered the next name: the refusal of the last one ("… is already waiting") is
    no longer news, and the console takes it down."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None):
        super().__init__(parent)
        self._controller = controller
        self.model = QueueModel(controller, self)

        title = self._build_order_row()
        add = self._build_entry(controller)
        self.view = QueueView(self, self.model)
        self._build_buttons()
        self._lay_out(title, add)
        self._live = self._live_timer()
        self._ticker: TimerTicker | None = None

        for signal in (
            controller.participantsChanged,
            controller.queueChanged,
            controller.seatsChanged,
            controller.settingsChanged,
            controller.sessionReplaced,
        ):
            signal.connect(self._refresh)
        self._refresh()

    def _build_order_row(self) -> QLabel:
        """The title, the count of who waits, the order's preset and the chain editor's button; the title for
        the layout."""
        title = QLabel(self.tr("Free chair"))
        title.setObjectName("panelTitle")
        style_title(title)
        self._count = QLabel()
        self.ordering = PickList()
        self.ordering.setToolTip(self.tr("How newcomers are placed in the queue"))
        # On a row of its own, as wide as the column: the longest rule's name ("Gruppen im Wechsel (quotierte
        # Redeliste)") is read in full at 1366×768, and it still never widens the column.
        self.ordering.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.ordering.setMinimumContentsLength(16)
        self.ordering.setAccessibleName(self.tr("Order of the queue"))
        for label, name in preset_items():
            self.ordering.addItem(label, name)
        self.ordering.currentIndexChanged.connect(self._ordering_chosen)
        self.edit_chain = QPushButton(self.tr("Rules…"))
        self.edit_chain.setToolTip(self.tr("Choose and sort the rules of the queue's order (Ctrl+Shift+L)"))
        self.edit_chain.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click leaves the keys with the circle
        self.edit_chain.clicked.connect(self.open_chain_editor)
        style_buttons(self.edit_chain)
        self.chain_editor: ChainEditor | None = None
        return title

    def _build_entry(self, controller: SessionController) -> QPushButton:
        """The quick entry with its suggestions, and its Add button (returned for the layout)."""
        self.entry = QLineEdit()
        self.entry.setPlaceholderText(self.tr("Name + Enter: joins the queue"))
        self.entry.setToolTip(
            self.tr("Name + Enter joins the queue; “Name / group” also sets the group for the quota list")
        )
        self.entry.setClearButtonEnabled(True)
        self._names = Suggestions([], self)
        self._names_for: tuple[ObservableList[Participant], int] | None = None
        """The participant list and its version the name suggestions were made from."""
        self.entry.setCompleter(self._names)
        self.choice_menu: QMenu | None = None
        """Open while Enter asks which of several people was meant."""
        self.entry.returnPressed.connect(self.submit_entry)
        self._just_queued: str | None = None
        self._refusal: str | None = None
        """What the controller said when the name in the field was refused, while it is still up."""
        self._last_error = ""
        controller.errorRaised.connect(self._heard_error)
        # Enter on a highlighted suggestion: submit_entry clears the field, then the completer writes the
        # suggestion back in (twice); it is taken out again after that, or the next Enter says "already waiting".
        self.entry.textEdited.connect(self._forget_just_queued)
        self.entry.textEdited.connect(self._refusal_outdated)
        self.entry.installEventFilter(self)  # Esc: close the suggestions first, leave the field only then
        add = QPushButton(self.tr("Add"))
        add.clicked.connect(self.submit_entry)
        style_buttons(add)
        return add

    def _build_buttons(self) -> None:
        """Up, down, remove, and Next under the table."""
        self.up = QPushButton("▲")
        self.up.setToolTip(self.tr("Move up (Ctrl+Up)"))
        self.up.clicked.connect(lambda: self.move_selected(-1))
        self.down = QPushButton("▼")
        self.down.setToolTip(self.tr("Move down (Ctrl+Down)"))
        self.down.clicked.connect(lambda: self.move_selected(1))
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setToolTip(self.tr("Leaves the queue (Delete)"))
        self.remove.clicked.connect(self.remove_selected)
        # "Next: <a long name>" is cut at its end, never widening the column under the moderator's mouse
        self.next = ElidedButton(hint=self.tr("One out, one in: the next person takes the free chair (N or PageDown)"))
        self.next.setObjectName("nextButton")
        self.next.setStyleSheet(NEXT)
        style_buttons(self.up, self.down, self.remove)
        self.next.clicked.connect(lambda: self._controller.next_or_pick())

    def _lay_out(self, title: QLabel, add: QPushButton) -> None:
        head = QHBoxLayout()
        head.addWidget(title)
        head.addWidget(self._count)
        head.addStretch(1)
        head.addWidget(self.edit_chain)  # beside the title: the preset's drop-down keeps the column's width
        ordering_row = QHBoxLayout()
        ordering_row.addWidget(self.ordering, 1)
        entry_row = QHBoxLayout()
        entry_row.addWidget(self.entry, 1)
        entry_row.addWidget(add)
        buttons = QHBoxLayout()
        for b in (self.up, self.down, self.remove):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addLayout(ordering_row)
        layout.addLayout(entry_row)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.next)

    def _live_timer(self) -> QTimer:
        """While the speaker's clock stands: wakes when the next waiting time shown turns to its next minute
        (`_schedule_live`; while it runs, the waiting times follow its once-a-second wake-up, see follow_clock)."""
        live = QTimer(self)
        live.setSingleShot(True)
        live.setTimerType(Qt.TimerType.PreciseTimer)  # once a minute at most: exact, never early
        live.timeout.connect(self._waiting_moved)
        return live

    def follow_clock(self, ticker: TimerTicker) -> None:
        """While the speaker's clock runs, the waiting times move on its once-a-second wake-up, not on a timer
        of their own (on battery, each extra wake-up a second counts); when it stands, the timer takes over."""
        self._ticker = ticker
        ticker.displayChanged.connect(self._clock_moved)
        self._clock_moved()

    def _clock_moved(self) -> None:
        self.model.refresh_clock()
        self._schedule_live()

    def _clock_running(self) -> bool:
        """The ticker's reading of the clock (`shown`: the same one every listener of a tick gets), not a new one:
        reading the session's clock again cost a third of this slot's Python calls each second (issue 29)."""
        return self._ticker is not None and self._ticker.shown.running

    def _waiting_moved(self) -> None:
        self.model.refresh_clock()
        self._schedule_live()

    def _schedule_live(self) -> None:
        """The speaker's clock runs: its once-a-second wake-up moves the live columns. It stands: a wake-up of
        our own when the next waiting time turns to its next minute (nothing else in the queue moves then)."""
        due = None if self._clock_running() else self.model.next_waiting_change()
        if due is None:
            self._live.stop()
        else:
            self._live.start(max(1, math.ceil(due * 1000) + 1))

    def live_timer_active(self) -> bool:
        return self._live.isActive()

    # ------------------------------------------------------------------ intents
    def submit_entry(self) -> None:
        """Enter in the quick entry: queue the person meant, or add a new audience guest and queue them; where
        the name could be several people, ask."""
        self._refusal_outdated()
        session = self._controller.session
        text, group, language = split_entry(self.entry.text())
        meant = who_is_meant(session, text)
        if meant.candidates:
            self._ask(meant.candidates, " ".join(text.split()), group, language)
        elif meant.person is not None:
            self._entered(self._controller.enqueue(meant.person, group=group, language=language), meant.person)
        elif meant.new_name is not None:
            guest = self._guest(meant.new_name, group, language)
            if guest is not None:
                self._entered(self._controller.add_and_enqueue(guest), guest.id)

    def _guest(self, name: str, group: str | None, language: str | None) -> Participant | None:
        """A new audience guest from quick entry; a refused value (a language too long) is said, and the
        typed line stays in the field."""
        try:
            return make_participant(name, group=group or "", language=language or "")
        except FishbowlError as exc:
            self._controller.errorRaised.emit(translated_error(exc))
            self._entered(False, "")
            return None

    def _entered(self, ok: bool, pid: str) -> None:
        if not ok:  # refused ("… is already waiting"): selected, so the next name typed replaces it
            self._refusal = self._last_error
            self.entry.setFocus(Qt.FocusReason.OtherFocusReason)
            self.entry.selectAll()
            return
        self._just_queued = self.entry.text()
        self.entry.setText("")  # not clear(): that is undoable in the field, and Ctrl+Z must undo the queueing
        self._hide_suggestions()
        QTimer.singleShot(0, self._clear_written_back)
        person = self._controller.session.participants_by_id().get(pid)
        self.entryDone.emit(person.name if person is not None else "")

    def _ask(self, candidates: tuple[str, ...], typed: str, group: str | None, language: str | None) -> None:
        """Several people could be meant: a menu under the field lists them, and a new person with the name
        as typed; Esc goes back to the field with the name still there."""
        self._hide_suggestions()
        if self.choice_menu is not None:
            self.choice_menu.deleteLater()
        menu = QMenu(self)
        session = self._controller.session
        header = menu.addAction(self.tr("“{name}” could be:").format(name=typed))
        header.setEnabled(False)
        for pid in candidates:
            person = session.participants_by_id().get(pid)
            if person is None:
                continue
            where = ""
            if session.queue_position(pid) is not None:
                where = self.tr(" (waiting)")
            elif session.seat_of(pid) is not None:
                where = self.tr(" (in the circle)")
            action = menu.addAction(person.name + where)
            action.triggered.connect(
                lambda _c=False, pid=pid: self._entered(
                    self._controller.enqueue(pid, group=group, language=language), pid
                )
            )
        menu.addSeparator()
        new = menu.addAction(self.tr("A new person: “{name}”").format(name=typed))
        new.triggered.connect(lambda _c=False: self._new_person(typed, group, language))
        self.choice_menu = menu
        menu.popup(self.entry.mapToGlobal(QPoint(0, self.entry.height())))

    def _new_person(self, typed: str, group: str | None, language: str | None) -> None:
        guest = self._guest(typed, group, language)
        if guest is not None:
            self._entered(self._controller.add_and_enqueue(guest), guest.id)

    def _clear_written_back(self) -> None:
        if self._just_queued is not None and self.entry.text() == self._just_queued:
            self.entry.clear()
        self._just_queued = None

    def _forget_just_queued(self, _text: str) -> None:
        self._just_queued = None

    def _heard_error(self, text: str) -> None:
        self._last_error = text  # said synchronously by the refused intent, just before `_entered` hears of it

    def _refusal_outdated(self, *_args: object) -> None:
        refusal, self._refusal = self._refusal, None
        if refusal is not None:
            self.refusalOutdated.emit(refusal)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Esc in the name field leaves it (handing N, Space and B back to the moderator) and clears it; while
        the suggestions are open, Esc only closes them and the typing goes on in the field."""
        if (
            obj is self.entry
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            if not self._hide_suggestions():
                self._leave_entry()
            return True
        return super().eventFilter(obj, event)

    def _hide_suggestions(self) -> bool:
        """True if the suggestion popup was open."""
        completer = self.entry.completer()
        popup = completer.popup() if completer is not None else None
        if popup is None or not popup.isVisible():
            return False
        popup.hide()
        return True

    def _leave_entry(self) -> None:
        self.entry.clear()
        self.entry.clearFocus()
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def focus_entry(self) -> None:
        self.entry.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.entry.selectAll()

    def selected_row(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)
        self.view.setCurrentIndex(self.model.index(row, 0))

    def move_selected(self, step: int) -> None:
        row = self.selected_row()
        if row is None:
            return
        target = row + step
        if 0 <= target < self.model.rowCount():
            self._controller.move_in_queue(row, target)

    def remove_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self._controller.dequeue(self.model.participant_id(row))

    def _ordering_chosen(self, index: int) -> None:
        preset = preset_named(str(self.ordering.itemData(index)))
        if preset is not None and preset.chain != self._controller.session.settings.ordering:
            self._controller.set_ordering(preset.chain)

    def open_chain_editor(self) -> ChainEditor:
        """The chain editor, over the console; when it closes, the keyboard goes back to the circle."""
        from fishbowl_desktop.ui.widgets.chain_editor import ChainEditor  # on first use

        if self.chain_editor is not None:
            self.chain_editor.raise_()
            self.chain_editor.activateWindow()
            return self.chain_editor
        editor = ChainEditor(self._controller, self)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.finished.connect(self._chain_editor_closed)
        self.chain_editor = editor
        editor.open()
        return editor

    def _chain_editor_closed(self) -> None:
        self.chain_editor = None
        self.leaveRequested.emit()

    # ------------------------------------------------------------------ following the model
    def _refresh(self) -> None:
        session = self._controller.session
        people = session.participants
        if self._names_for != (people, people.version):  # not on every Next: every name sorted again
            self._names.set_texts(sorted({p.name for p in people}, key=str.casefold))
            self._names_for = (people, people.version)
        self._count.setText(self.tr("{n} waiting").format(n=len(session.queue)))
        chain = session.settings.ordering
        preset = preset_of(chain)
        own = self.ordering.findData("")
        if preset is None and own < 0:  # a chain of the moderator's own: one more entry, named by its rules
            self.ordering.blockSignals(True)
            self.ordering.addItem("", "")
            self.ordering.blockSignals(False)
            own = self.ordering.count() - 1
        elif preset is not None and own >= 0:
            self.ordering.blockSignals(True)
            self.ordering.removeItem(own)
            self.ordering.blockSignals(False)
        if preset is None:  # named short: the rules themselves are in the tooltip and the editor
            self.ordering.setItemText(own, self.tr("Your own order"))
        i = self.ordering.findData(preset.name if preset is not None else "")
        self.ordering.setToolTip(self.tr("Order of the queue: {chain}").format(chain=chain_label(chain)))
        if i >= 0 and i != self.ordering.currentIndex():
            self.ordering.blockSignals(True)
            self.ordering.setCurrentIndex(i)
            self.ordering.blockSignals(False)
        self.view.setColumnHidden(QueueModel.GROUP, not chain.uses_groups)
        self._schedule_live()  # someone new waits: their minutes turn at moments of their own
        upcoming = session.next_in_queue(1)
        if session.settings.opening is Opening.CLOSED:
            self.next.setText(self.tr("Closed: nobody comes in"))
        elif upcoming and session.settings.opening is Opening.TAP_OUT:
            self.next.setText(self.tr("Tap-out: {name} replaces…").format(name=upcoming[0].name))
        elif upcoming and upcoming[0].language:  # the interpreters' cue, at a glance
            self.next.setText(
                self.tr("Next: {name} · speaks {language}").format(name=upcoming[0].name, language=upcoming[0].language)
            )
        elif upcoming:
            self.next.setText(self.tr("Next: {name}").format(name=upcoming[0].name))
        elif session.can_call_next():
            self.next.setText(self.tr("Nobody is waiting: free the chair"))
        else:
            self.next.setText(self.tr("Nobody is waiting"))
        self.next.setEnabled(session.can_call_next())
        has_rows = self.model.rowCount() > 0
        for b in (self.up, self.down, self.remove):
            b.setEnabled(has_rows)

    def current_index(self) -> QModelIndex:
        return self.view.currentIndex()
