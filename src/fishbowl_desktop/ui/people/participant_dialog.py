"""Add or edit one person: the form checks what it can, and the model's refusals appear in the form too.

The dialog carries out the intent itself (add or update through the controller), so a refusal keeps the
dialog open with everything typed still there, and the error shown next to the fields.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.controller.session_controller import translated_error
from fishbowl_desktop.model import FishbowlError, Participant, make_participant
from fishbowl_desktop.model.folding import fold
from fishbowl_desktop.model.participants import MAX_LANGUAGE, MAX_NAME
from fishbowl_desktop.ui.widgets.form_error import error_label
from fishbowl_desktop.ui.widgets.role_labels import CHOICE_ORDER, role_label
from fishbowl_desktop.ui.widgets.sheet import style_dialog
from fishbowl_desktop.ui.widgets.suggestions import Suggestions

MAX_BIO = 2000


class ParticipantDialog(QDialog):
    saved = Signal(str)
    """The participant's id, after the add or edit went through."""

    def __init__(
        self, controller: SessionController, participant: Participant | None = None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        style_dialog(self)
        self._controller = controller
        self._original = participant
        self._confirmed_twin: str | None = None
        self.setWindowTitle(self.tr("Edit participant") if participant else self.tr("Add participant"))
        self.setMinimumWidth(460)

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("First and last name, as the person writes it"))
        self.role = QComboBox()
        for role in CHOICE_ORDER:
            self.role.addItem(role_label(role), role)
        self.family_name = QLineEdit()
        self.family_name.setPlaceholderText(self.tr("For the sign-in sheet, which is sorted by it"))
        self.given_names = QLineEdit()
        self.given_names.setPlaceholderText(self.tr("Optional, like the family name"))
        self.organisation = QLineEdit()
        self.residence = QLineEdit()
        self.residence.setPlaceholderText(self.tr("Place of residence or postcode, if the funder asks for it"))
        self.language = QLineEdit()
        self.language.setMaxLength(MAX_LANGUAGE)
        self.language.setPlaceholderText(self.tr("The language this person speaks in, for the interpreters"))
        languages = sorted({p.language for p in controller.session.participants if p.language}, key=str.casefold)
        self.language.setCompleter(Suggestions(languages, self.language))
        self.group = QLineEdit()
        self.group.setPlaceholderText(self.tr("For a balanced speaker list, e.g. FLINTA*"))
        groups = sorted({p.group for p in controller.session.participants if p.group}, key=str.casefold)
        self.group.setCompleter(Suggestions(groups, self.group))  # a click past them lands where it was meant
        self.consent = QCheckBox(self.tr("May be named on printed lists and on the projector"))
        self.bio = QPlainTextEdit()
        self.bio.setPlaceholderText(self.tr("One or two sentences for the handout (panel)"))
        self.bio.setFixedHeight(64)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Only for you: never printed, never projected"))
        self.notes.setFixedHeight(64)
        notes_label = QLabel(self.tr("Private notes\n(never printed\nor projected)"))

        self.name_error = error_label()
        self.error = error_label()

        form = QFormLayout()
        form.addRow(self.tr("&Name"), self.name)
        form.addRow("", self.name_error)
        form.addRow(self.tr("&Family name"), self.family_name)
        form.addRow(self.tr("Gi&ven name(s)"), self.given_names)
        form.addRow(self.tr("&Role"), self.role)
        form.addRow(self.tr("&Organisation"), self.organisation)
        form.addRow(self.tr("Re&sidence"), self.residence)
        form.addRow(self.tr("&Group"), self.group)
        form.addRow(self.tr("&Language"), self.language)
        form.addRow("", self.consent)
        form.addRow(self.tr("&Bio"), self.bio)
        form.addRow(notes_label, self.notes)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        if participant is not None:
            self.name.setText(participant.name)
            self.role.setCurrentIndex(self.role.findData(participant.role))
            self.organisation.setText(participant.organisation)
            self.family_name.setText(participant.family_name)
            self.given_names.setText(participant.given_names)
            self.residence.setText(participant.residence)
            self.language.setText(participant.language)
            self.group.setText(participant.group)
            self.consent.setChecked(participant.consent_to_list)
            self.bio.setPlainText(participant.bio)
            self.notes.setPlainText(participant.notes)
        self.name.textEdited.connect(lambda _t: self._show_errors(None, None))
        self.name.setFocus()

    def _show_errors(self, name_error: str | None, error: str | None) -> None:
        self.name_error.setText(name_error or "")
        self.name_error.setVisible(bool(name_error))
        self.error.setText(error or "")
        self.error.setVisible(bool(error))

    def _name(self) -> str:
        """The name as typed, or made of the two parts when only they were filled in."""
        name = " ".join(self.name.text().split())
        if name:
            return name
        return " ".join(" ".join((self.given_names.text(), self.family_name.text())).split())

    def _validate(self) -> tuple[str | None, str | None]:
        name = self._name()
        if not name:
            return self.tr("Please enter a name."), None
        if len(name) > MAX_NAME:
            return self.tr("A name may have at most {limit} characters (this one has {count}).").format(
                limit=MAX_NAME, count=len(name)
            ), None
        for part in (self.family_name, self.given_names):
            if len(part.text().strip()) > MAX_NAME:
                return self.tr("A name may have at most {limit} characters (this one has {count}).").format(
                    limit=MAX_NAME, count=len(part.text().strip())
                ), None
        if len(self.residence.text().strip()) > MAX_NAME:
            return None, self.tr("The residence may have at most {limit} characters.").format(limit=MAX_NAME)
        if len(self.organisation.text().strip()) > MAX_NAME:
            return None, self.tr("The organisation may have at most {limit} characters.").format(limit=MAX_NAME)
        if len(self.bio.toPlainText()) > MAX_BIO:
            return None, self.tr("The bio may have at most {limit} characters.").format(limit=MAX_BIO)
        return None, None

    def participant(self) -> Participant:
        """The person as the form describes them; raises FishbowlError when the model refuses the values."""
        fields = {
            "role": self.role.currentData(),
            "organisation": self.organisation.text().strip(),
            "group": " ".join(self.group.text().split()),
            "consent_to_list": self.consent.isChecked(),
            "bio": self.bio.toPlainText().strip(),
            "notes": self.notes.toPlainText().strip(),
            "family_name": " ".join(self.family_name.text().split()),
            "given_names": " ".join(self.given_names.text().split()),
            "residence": self.residence.text().strip(),
            "language": " ".join(self.language.text().split()),
        }
        name = self._name()
        if self._original is None:
            return make_participant(name, **fields)
        return self._original.with_changes(name=name, **fields)

    def _namesake(self, person: Participant) -> Participant | None:
        """Someone else with the same name and organisation, ignoring case and accents (as the CSV import does)."""
        key = (" ".join(fold(person.name).split()), " ".join(fold(person.organisation).split()))
        for other in self._controller.session.participants:
            if (
                other.id != person.id
                and (" ".join(fold(other.name).split()), " ".join(fold(other.organisation).split())) == key
            ):
                return other
        return None

    def submit(self) -> None:
        name_error, error = self._validate()
        if name_error or error:
            self._show_errors(name_error, error)
            (self.name if name_error else self.organisation).setFocus()
            return
        try:
            person = self.participant()
        except FishbowlError as exc:
            self._show_errors(None, translated_error(exc))
            return
        twin = self._namesake(person)
        if twin is not None and self._confirmed_twin != twin.id:
            # Two people may share a name, but a double entry is the likelier mistake: ask once.
            self._confirmed_twin = twin.id
            self._show_errors(
                None,
                self.tr("{name} is already on the list. Press OK again to keep both.").format(
                    name=twin.name + (f" ({twin.organisation})" if twin.organisation else "")
                ),
            )
            return
        refusals: list[str] = []

        def note(message: str) -> None:
            refusals.append(message)

        self._controller.errorRaised.connect(note)
        try:
            if self._original is None:
                ok = self._controller.add_participant(person)
            else:
                ok = self._controller.update_participant(person)
        finally:
            self._controller.errorRaised.disconnect(note)
        if not ok:
            self._show_errors(None, refusals[-1] if refusals else self.tr("The change was refused."))
            return
        self.saved.emit(person.id)
        self.accept()
