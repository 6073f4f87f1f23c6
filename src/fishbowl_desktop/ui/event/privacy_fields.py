"""The event dialog's fields for what the sign-in sheet's privacy notice and a funder need besides the programme and
the reference: who the controller is and how to reach them, the legal basis (by the organiser's kind), photos, the
funding line and the age groups a programme counts.

Kept apart from event_dialog.py, which builds the other tabs; the dialog adds these rows to its "Funding and privacy"
tab and reads them back with `changes()`, so a field added to the event is never dropped by an OK.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QPlainTextEdit

from fishbowl_desktop.model import Event
from fishbowl_desktop.model.event import MAX_AGE_GROUPS, ORGANISER_KINDS, PHOTO_POLICIES, EventChanges

AGE_GROUP_SEPARATOR = ";"


class PrivacyFields(QObject):
    def __init__(self, event: Event, parent: QObject | None = None):
        super().__init__(parent)
        self.kind = QComboBox()
        kinds = {
            "association": self.tr("An association or other private body (legitimate interest, Art. 6(1)(f))"),
            "public_body": self.tr("A public body (a task in the public interest, Art. 6(1)(e))"),
        }
        for kind in ORGANISER_KINDS:
            self.kind.addItem(kinds.get(kind, kind), kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(event.organiser_kind)))
        self.address = QPlainTextEdit(event.organiser_address)
        self.address.setPlaceholderText(self.tr("Street and number, postcode and town"))
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.address.fontMetrics().lineSpacing() * 3 + 12)
        self.email = QLineEdit(event.organiser_email)
        self.email.setPlaceholderText(self.tr("e.g. datenschutz@example.org"))
        self.officer = QLineEdit(event.data_protection_officer)
        self.officer.setPlaceholderText(self.tr("Name and e-mail, where the organiser has one"))
        self.photos = QComboBox()
        photos = {
            "none": self.tr("No photos"),
            "opt_in": self.tr("Photos only of those who tick the column on the sheet"),
            "notice": self.tr("Photos are taken; the handout says whom to tell if you object"),
        }
        for policy in PHOTO_POLICIES:
            self.photos.addItem(photos.get(policy, policy), policy)
        self.photos.setCurrentIndex(max(0, self.photos.findData(event.photo_policy)))
        self.funding_note = QLineEdit(event.funding_note)
        self.funding_note.setPlaceholderText(self.tr("e.g. Gefördert im Bundesprogramm „Demokratie leben!“"))
        self.age_groups = QLineEdit(f"{AGE_GROUP_SEPARATOR} ".join(event.age_groups))
        self.age_groups.setPlaceholderText(
            self.tr("e.g. under 27; 27–64; 65 and over (at most {n})").format(n=MAX_AGE_GROUPS)
        )

    def add_to(self, form: QFormLayout) -> None:
        form.addRow(self.tr("The organiser &is"), self.kind)
        form.addRow(self.tr("Organiser's &address"), self.address)
        form.addRow(self.tr("Organiser's &e-mail"), self.email)
        form.addRow(self.tr("&Data-protection officer"), self.officer)
        form.addRow(self.tr("P&hotos"), self.photos)
        form.addRow(self.tr("Funding &line"), self.funding_note)
        form.addRow(self.tr("A&ge groups on the sheet"), self.age_groups)

    def changes(self) -> EventChanges:
        """The event's fields as typed here; the event validates them (a refusal keeps the dialog open)."""
        return {
            "organiser_kind": str(self.kind.currentData()),
            "organiser_address": self.address.toPlainText().strip(),
            "organiser_email": self.email.text().strip(),
            "data_protection_officer": self.officer.text().strip(),
            "photo_policy": str(self.photos.currentData()),
            "funding_note": self.funding_note.text().strip(),
            "age_groups": tuple(g.strip() for g in self.age_groups.text().split(AGE_GROUP_SEPARATOR) if g.strip()),
        }
