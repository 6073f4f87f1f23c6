"""Before the sign-in sheet, the report or the handout is printed: the few choices an organiser makes for this print.

Opened with `open()` and answering through `chosen`, so the timer keeps ticking meanwhile. The dialog
holds nothing of its own beyond its widgets: it reads a PrintOptions and hands back a new one.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fishbowl_desktop.documents.options import PrintOptions
from fishbowl_desktop.model.paper import EXTRA_COLUMNS, MAX_RESERVE_ROWS


class PrintOptionsDialog(QDialog):
    chosen = Signal(object)
    """The PrintOptions, once the organiser pressed Continue."""

    def __init__(
        self, kind: str, options: PrintOptions, unlisted: int, parent: QWidget | None = None, audience_link: str = ""
    ):
        super().__init__(parent)
        self.kind = kind
        self._options = options
        self._audience_link = audience_link
        """The room's audience link the handout may carry as a QR code ("": the room has no links)."""
        form = QFormLayout()
        self.reserve = QSpinBox()
        self.reserve.setRange(0, MAX_RESERVE_ROWS)
        self.reserve.setValue(options.reserve_rows)
        self.column = QComboBox()
        labels = {
            "organisation": self.tr("Organisation"),
            "residence": self.tr("Place of residence / postcode"),
            "none": self.tr("None"),
        }
        for key in EXTRA_COLUMNS:
            self.column.addItem(labels[key], key)
        self.column.setCurrentIndex(EXTRA_COLUMNS.index(options.extra_column))
        self.per_person = QCheckBox(self.tr("One sheet per person (nobody sees the other names)"))
        self.per_person.setChecked(options.one_sheet_per_person)
        self.short = QSpinBox()
        self.short.setRange(0, 600)
        self.short.setSuffix(self.tr(" s"))
        self.short.setValue(round(options.short_turn_seconds))
        self.audience_qr = QCheckBox(self.tr("Print the &audience QR code"))
        self.audience_qr.setChecked(bool(audience_link) and bool(options.audience_link))
        self.audience_qr.setEnabled(bool(audience_link))
        if kind == "handout":
            self.setWindowTitle(self.tr("Print the handout"))
            form.addRow("", self.audience_qr)
            note = QLabel(
                self.tr(
                    "A box on page 1 with the room's audience link, so people can ask for the free chair from their "
                    "phone. Phones reach it only on the network this laptop is on now:"
                )
            )
            note.setWordWrap(True)
            form.addRow("", note)
            link = QLabel(audience_link)
            link.setTextFormat(Qt.TextFormat.PlainText)
            link.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            bold = link.font()
            bold.setBold(True)
            link.setFont(bold)
            form.addRow("", link)
            self.setMinimumWidth(max(480, link.sizeHint().width() + 80))
        elif kind == "attendees":
            self.setWindowTitle(self.tr("Print the attendee sheet"))
            form.addRow(self.tr("&Reserve rows for walk-ins"), self.reserve)
            note = QLabel(
                self.tr(
                    "{n} more empty row(s) are added for the people who did not agree to appear on printed lists."
                ).format(n=unlisted)
            )
            note.setWordWrap(True)
            form.addRow("", note)
            form.addRow(self.tr("&Extra column"), self.column)
            form.addRow("", self.per_person)
        else:
            self.setWindowTitle(self.tr("Print the report"))
            form.addRow(self.tr("&Turns shorter than this are accidental"), self.short)
            note = QLabel(self.tr("They are marked in the speech log and left out of the statistics."))
            note.setWordWrap(True)
            form.addRow("", note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(self.tr("Continue…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def options(self) -> PrintOptions:
        return replace(
            self._options,
            reserve_rows=self.reserve.value(),
            extra_column=str(self.column.currentData()),
            one_sheet_per_person=self.per_person.isChecked(),
            short_turn_seconds=float(self.short.value()),
            print_anyway=False,
            audience_link=self._audience_link if self.audience_qr.isChecked() else "",
        )

    def accept(self) -> None:
        super().accept()
        self.chosen.emit(self.options())
