"""Set up the evening: what is printed on the handout, how the circle looks, how long turns last.

All changes are applied as one undoable step; a refusal keeps the dialog open with everything typed
and the reason shown in it.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.controller.session_controller import translated_error
from fishbowl_desktop.model import AgendaItem, Event, FishbowlError, FishbowlFormat, Opening, SeatKind, Session
from fishbowl_desktop.model.chain import RuleChain
from fishbowl_desktop.model.discussion import agenda_seconds
from fishbowl_desktop.model.event import FIRST_YEAR, HALL_LANGUAGES, LAST_YEAR
from fishbowl_desktop.model.state import MAX_SAFE_POSITIONS
from fishbowl_desktop.stage.texts import language_name
from fishbowl_desktop.ui.event.privacy_fields import PrivacyFields
from fishbowl_desktop.ui.widgets.chain_editor import ChainEditor
from fishbowl_desktop.ui.widgets.chain_words import chain_label
from fishbowl_desktop.ui.widgets.form_error import error_label
from fishbowl_desktop.ui.widgets.sheet import style_dialog
from fishbowl_desktop.ui.widgets.typed_fields import SelectingSpinBox, TypedDateEdit


def _qtime(value: time | None, fallback: time) -> QTime:
    value = value or fallback
    return QTime(value.hour, value.minute)


def _seconds_box(value: float, minimum: int, maximum: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(minimum, maximum)
    box.setSingleStep(15)
    box.setValue(int(value))
    return box


class EventDialog(QDialog):
    applied = Signal()

    def __init__(self, controller: SessionController, parent: QWidget | None = None):
        super().__init__(parent)
        style_dialog(self)
        self._controller = controller
        session = controller.session
        event = session.event
        self.setWindowTitle(self.tr("Event and fishbowl settings"))
        self.setMinimumSize(620, 520)

        # built in this order, the order of the tabs (and of the focus chain)
        event_tab = self._event_tab(event)
        programme_tab = self._programme_tab(event)
        rules_tab = self._rules_tab(session)
        notes_tab = self._notes_tab(event)
        funding_tab = self._funding_tab(event)

        self.tabs = QTabWidget()
        self.tabs.addTab(event_tab, self.tr("Event"))
        self.tabs.addTab(programme_tab, self.tr("Questions and agenda"))
        self.tabs.addTab(rules_tab, self.tr("Circle and time"))
        self.tabs.addTab(notes_tab, self.tr("Report notes"))
        self.tabs.addTab(funding_tab, self.tr("Funding and privacy"))
        # every tab's name in view, no scroll arrows: the dialog is as wide as the German names need (~780 px)
        self.tabs.tabBar().setUsesScrollButtons(False)
        self.tabs.tabBar().setElideMode(Qt.TextElideMode.ElideNone)
        self.setMinimumWidth(max(620, self.tabs.tabBar().sizeHint().width() + 48))

        self.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    # ------------------------------------------------------------------ the tabs
    def _event_tab(self, event: Event) -> QWidget:
        """The event, as printed on the handout."""
        self.title = QLineEdit(event.title)
        self.has_date = QCheckBox(self.tr("Date"))
        self.date = TypedDateEdit()
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("dd.MM.yyyy")
        self.date.setDateRange(QDate(FIRST_YEAR, 1, 1), QDate(LAST_YEAR, 12, 31))  # what a session can hold
        self.has_date.setChecked(event.date is not None)
        d = event.date
        self.date.setDate(QDate(d.year, d.month, d.day) if d else QDate.currentDate())
        self.has_times = QCheckBox(self.tr("Time"))
        self.start = QTimeEdit(_qtime(event.start_time, time(18, 0)))
        self.end = QTimeEdit(_qtime(event.end_time, time(20, 0)))
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        self.has_times.setChecked(event.start_time is not None)
        self.venue = QLineEdit(event.venue_name)
        self.address = QLineEdit(event.venue_address)
        self.organiser = QLineEdit(event.organiser)
        self.language = QComboBox()
        self.language.addItem("Deutsch", "de")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(event.language)))
        self.second_language = QComboBox()
        self.second_language.setToolTip(
            self.tr("The projector's few labels (next, time is up, paused, the countdown) in this language too")
        )
        self.second_language.addItem(self.tr("None"), "")
        for code in HALL_LANGUAGES:
            self.second_language.addItem(language_name(code), code)
        self.second_language.setCurrentIndex(max(0, self.second_language.findData(event.second_language)))
        self.description = QPlainTextEdit(event.description)

        when = QHBoxLayout()
        when.addWidget(self.date)
        when.addWidget(self.has_times)
        when.addWidget(self.start)
        when.addWidget(QLabel("–"))
        when.addWidget(self.end)
        when.addStretch(1)
        event_form = QFormLayout()
        event_form.addRow(self.tr("&Title"), self.title)
        event_form.addRow(self.has_date, when)
        event_form.addRow(self.tr("&Venue"), self.venue)
        event_form.addRow(self.tr("&Address"), self.address)
        event_form.addRow(self.tr("&Organiser"), self.organiser)
        event_form.addRow(self.tr("&Language of handout and projector"), self.language)
        event_form.addRow(self.tr("&Second language on the projector"), self.second_language)
        event_form.addRow(self.tr("&Description"), self.description)
        event_tab = QWidget()
        event_tab.setLayout(event_form)
        return event_tab

    def _programme_tab(self, event: Event) -> QWidget:
        """Guiding questions and the agenda."""
        self.questions = QPlainTextEdit("\n".join(event.guiding_questions))
        self.questions.setPlaceholderText(self.tr("One question per line"))
        self.agenda = QTableWidget(0, 2)
        self.agenda.setHorizontalHeaderLabels([self.tr("Agenda item"), self.tr("Minutes")])
        self.agenda.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.agenda.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for item in event.agenda:
            self._add_agenda_row(item.title, item.minutes)
        add_item = QPushButton(self.tr("Add item"))
        add_item.clicked.connect(lambda: self._add_agenda_row("", 15, edit=True))
        remove_item = QPushButton(self.tr("Remove item"))
        remove_item.clicked.connect(self._remove_agenda_row)
        agenda_buttons = QHBoxLayout()
        agenda_buttons.addWidget(add_item)
        agenda_buttons.addWidget(remove_item)
        agenda_buttons.addStretch(1)
        programme = QVBoxLayout()
        programme.addWidget(QLabel(self.tr("Guiding questions")))
        programme.addWidget(self.questions, 2)
        programme.addWidget(QLabel(self.tr("Agenda")))
        programme.addWidget(self.agenda, 3)
        programme.addLayout(agenda_buttons)
        programme_tab = QWidget()
        programme_tab.setLayout(programme)
        return programme_tab

    def _rules_tab(self, session: Session) -> QWidget:
        """The circle and the turn rules."""
        settings = session.settings
        self.panel_seats = QSpinBox()
        self.panel_seats.setRange(0, 11)
        self.panel_seats.setValue(sum(1 for s in session.seats if s.kind is SeatKind.PANEL))
        self.free_chairs = QSpinBox()
        self.free_chairs.setRange(0, 4)  # none: a closed fishbowl (the model refuses none while open)
        self.free_chairs.setValue(sum(1 for s in session.seats if s.kind is SeatKind.FREE))
        self.format = QComboBox()
        self.format.addItem(self.tr("Experts stay; only the free chair rotates"), FishbowlFormat.EXPERTS_STAY)
        self.format.addItem(self.tr("Open: anyone but the moderator may be replaced"), FishbowlFormat.OPEN)
        self.format.setCurrentIndex(max(0, self.format.findData(settings.format)))
        self.opening = QComboBox()  # closed, open, tap-out (issue 28); also the Format menu's
        self.opening.addItem(self.tr("Closed: nobody, the audience listens"), Opening.CLOSED)
        self.opening.addItem(self.tr("Open: through a free chair"), Opening.FREE_CHAIR)
        self.opening.addItem(self.tr("Tap-out: by replacing a speaker"), Opening.TAP_OUT)
        self.opening.setCurrentIndex(max(0, self.opening.findData(settings.opening)))
        self.discussion_minutes = QSpinBox()  # the whole discussion's plan (issue 28); 0: the agenda's total
        self.discussion_minutes.setRange(0, 24 * 60)
        self.discussion_minutes.setSuffix(self.tr(" min"))
        self.discussion_minutes.setValue(settings.discussion_minutes)
        agenda = agenda_seconds(session.event)
        self.discussion_minutes.setSpecialValueText(
            self.tr("from the agenda ({n} min)").format(n=round(agenda / 60)) if agenda else self.tr("no plan")
        )
        self.discussion_minutes.setToolTip(
            self.tr(
                "How long the whole discussion is planned to run: the console counts down to it and warns when the "
                "queue cannot fit. 0 takes the agenda's minutes."
            )
        )
        self.show_discussion_clock = QCheckBox(self.tr("Show the discussion's time left on the projector and phones"))
        self.show_discussion_clock.setChecked(settings.show_discussion_clock)
        self.panel_time = _seconds_box(settings.panel_seconds, 10, 3600)
        self.free_time = _seconds_box(settings.free_chair_seconds, 10, 3600)
        self.warning = _seconds_box(settings.warning_seconds, 0, 600)
        for box in (self.panel_time, self.free_time, self.warning):
            box.setSuffix(self.tr(" s"))
        self.auto_start = QCheckBox(self.tr("Start the time of the next free-chair speaker at once"))
        self.auto_start.setChecked(settings.auto_start_next)
        self.safe_positions = QSpinBox()
        self.safe_positions.setRange(0, MAX_SAFE_POSITIONS)
        self.safe_positions.setValue(settings.safe_positions)
        self.safe_positions.setToolTip(
            self.tr(
                "Once told “you are next”, nobody is pushed down: no later arrival and no ordering rule takes these "
                "first places of the queue. A person moved by hand keeps their place too."
            )
        )
        self.chain = settings.ordering
        self.chain_text = QLabel(chain_label(self.chain))
        self.chain_text.setWordWrap(True)
        change_chain = QPushButton(self.tr("Choose and sort…"))
        change_chain.clicked.connect(self.edit_chain)
        chain_row = QHBoxLayout()
        chain_row.addWidget(self.chain_text, 1)
        chain_row.addWidget(change_chain)
        rules = QFormLayout()
        rules.addRow(self.tr("Panel seats"), self.panel_seats)
        rules.addRow(self.tr("Free chairs"), self.free_chairs)
        rules.addRow(self.tr("Who may be replaced"), self.format)
        rules.addRow(self.tr("The audience comes in"), self.opening)
        rules.addRow(self.tr("Planned length of the discussion"), self.discussion_minutes)
        rules.addRow("", self.show_discussion_clock)
        rules.addRow(self.tr("Speaking time, panel"), self.panel_time)
        rules.addRow(self.tr("Speaking time, free chair"), self.free_time)
        rules.addRow(self.tr("Warning before the end"), self.warning)
        rules.addRow("", self.auto_start)
        rules.addRow(self.tr("Safe places at the head of the queue"), self.safe_positions)
        rules.addRow(self.tr("Order of the queue"), chain_row)
        rules_tab = QWidget()
        rules_tab.setLayout(rules)
        return rules_tab

    def _notes_tab(self, event: Event) -> QWidget:
        """Notes for the report."""
        self.report_notes = QPlainTextEdit(event.report_notes)
        self.report_notes.setPlaceholderText(
            self.tr("What the organisers should read in the report: how the evening went, what to follow up.")
        )
        notes = QVBoxLayout()
        notes.addWidget(QLabel(self.tr("Printed in the event report (not on the handout or the projector).")))
        notes.addWidget(self.report_notes)
        notes_tab = QWidget()
        notes_tab.setLayout(notes)
        return notes_tab

    def _funding_tab(self, event: Event) -> QWidget:
        """What a funder asks for on the sign-in sheet and in the report."""
        self.programme = QLineEdit(event.programme)
        self.programme.setPlaceholderText(self.tr("e.g. Partnerschaft für Demokratie Hannover"))
        self.funding_reference = QLineEdit(event.funding_reference)
        self.privacy_notice = QPlainTextEdit(event.privacy_notice)
        self.privacy_notice.setPlaceholderText(
            self.tr(
                "Leave empty for the standard notice (Art. 13 GDPR) in the language of the documents: the organiser "
                "is responsible, the list proves attendance to the funding body, it is kept locked away and destroyed "
                "after the retention period, and people's rights."
            )
        )
        funding = QFormLayout()
        funding.addRow(self.tr("&Project or funding programme"), self.programme)
        funding.addRow(self.tr("&Funding reference"), self.funding_reference)
        funding.addRow(self.tr("&Privacy notice on the sign-in sheet"), self.privacy_notice)
        self.privacy_fields = PrivacyFields(event, self)
        self.privacy_fields.add_to(funding)
        funding_page = QWidget()
        funding_page.setLayout(funding)
        funding_tab = QScrollArea()  # ten rows: on a 768-pixel laptop the tab scrolls instead of cutting them off
        funding_tab.setWidget(funding_page)
        funding_tab.setWidgetResizable(True)
        funding_tab.setFrameShape(QFrame.Shape.NoFrame)
        return funding_tab

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in the agenda table (an item's title or its minutes) finishes that cell and moves on to the
        next item, as in a spreadsheet; it never closes the dialog. Enter anywhere else still means OK."""
        focus = self.focusWidget()
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and focus is not None
            and (focus is self.agenda or self.agenda.isAncestorOf(focus))
        ):
            row = self.agenda.currentRow()
            for r in range(self.agenda.rowCount()):
                if self.agenda.cellWidget(r, 1) is focus:
                    row = r
            if row + 1 < self.agenda.rowCount():
                self.agenda.setCurrentCell(row + 1, 0)
            self.agenda.setFocus(Qt.FocusReason.OtherFocusReason)
            event.accept()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ agenda rows
    def _add_agenda_row(self, title: str, minutes: int, edit: bool = False) -> None:
        row = self.agenda.rowCount()
        self.agenda.insertRow(row)
        self.agenda.setItem(row, 0, QTableWidgetItem(title))
        spin = SelectingSpinBox()  # Tab in and type: the minutes are replaced, not appended to
        spin.setRange(0, 600)
        spin.setValue(minutes)
        self.agenda.setCellWidget(row, 1, spin)
        if edit:
            self.agenda.setCurrentCell(row, 0)
            item = self.agenda.item(row, 0)
            if item is not None:
                self.agenda.editItem(item)

    def _remove_agenda_row(self) -> None:
        row = self.agenda.currentRow()
        if row >= 0:
            self.agenda.removeRow(row)

    def agenda_items(self) -> list[tuple[str, int]]:
        items = []
        for row in range(self.agenda.rowCount()):
            cell = self.agenda.item(row, 0)
            title = cell.text().strip() if cell else ""
            spin = self.agenda.cellWidget(row, 1)
            minutes = spin.value() if isinstance(spin, QSpinBox) else 0
            if title:
                items.append((title, minutes))
        return items

    # ------------------------------------------------------------------ applying
    def _event(self) -> Event:
        qd = self.date.date()
        start, end = self.start.time(), self.end.time()
        event = self._controller.session.event.with_changes(  # fields this dialog does not show are kept
            title=self.title.text().strip(),
            date=date(qd.year(), qd.month(), qd.day()) if self.has_date.isChecked() else None,
            start_time=time(start.hour(), start.minute()) if self.has_times.isChecked() else None,
            end_time=time(end.hour(), end.minute()) if self.has_times.isChecked() else None,
            venue_name=self.venue.text().strip(),
            venue_address=self.address.text().strip(),
            organiser=self.organiser.text().strip(),
            description=self.description.toPlainText().strip(),
            guiding_questions=tuple(q.strip() for q in self.questions.toPlainText().splitlines() if q.strip()),
            agenda=tuple(AgendaItem(title, minutes) for title, minutes in self.agenda_items()),
            language=str(self.language.currentData()),
            second_language=str(self.second_language.currentData()),
            report_notes=self.report_notes.toPlainText().strip(),
            programme=self.programme.text().strip(),
            funding_reference=self.funding_reference.text().strip(),
            privacy_notice=self.privacy_notice.toPlainText().strip(),
        )
        return event.with_changes(**self.privacy_fields.changes())

    def accept(self) -> None:
        session = self._controller.session
        try:
            event = self._event()
            settings = replace(
                session.settings,
                panel_seconds=float(self.panel_time.value()),
                free_chair_seconds=float(self.free_time.value()),
                warning_seconds=float(self.warning.value()),
                auto_start_next=self.auto_start.isChecked(),
                format=self.format.currentData(),
                opening=self.opening.currentData(),
                discussion_minutes=self.discussion_minutes.value(),
                show_discussion_clock=self.show_discussion_clock.isChecked(),
                safe_positions=self.safe_positions.value(),
                ordering=self.chain,
            )
        except FishbowlError as exc:
            self._show_error(translated_error(exc))
            return
        panel, free = self.panel_seats.value(), self.free_chairs.value()

        def apply() -> None:
            session.set_event(event)
            session.set_settings(settings)
            if (panel, free) != (
                sum(1 for s in session.seats if s.kind is SeatKind.PANEL),
                sum(1 for s in session.seats if s.kind is SeatKind.FREE),
            ):
                session.configure_circle(panel, free)

        problems: list[str] = []
        self._controller.errorRaised.connect(problems.append)
        try:
            ok = self._controller.perform(self.tr("Edit the event"), apply)
        finally:
            self._controller.errorRaised.disconnect(problems.append)
        if not ok:
            self._show_error(problems[0] if problems else self.tr("The changes could not be applied."))
            return
        self.applied.emit()
        super().accept()

    def edit_chain(self) -> ChainEditor:
        """The queue's chain of rules, applied with the rest of the dialog on OK."""
        editor = ChainEditor(self._controller, self, chain=self.chain, apply=False)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        editor.accepted.connect(lambda: self._chain_chosen(editor.chosen()))
        editor.open()
        return editor

    def _chain_chosen(self, chain: RuleChain) -> None:
        self.chain = chain
        self.chain_text.setText(chain_label(chain))

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
