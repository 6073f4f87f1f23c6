"""File → Forget personal data: the confirmation, opened without blocking (`open()`), answering with
`accepted`. It says plainly what goes, what stays and that it cannot be undone, and shows the event's own
texts as they will read afterwards (names from the list replaced by numbers), because a name typed
differently there cannot be recognised."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fishbowl_desktop.ui.widgets.sheet import style_dialog


class ForgetDataDialog(QDialog):
    def __init__(
        self, people: int, file_name: str, parent: QWidget | None = None, kept: Sequence[tuple[str, str]] = ()
    ):
        super().__init__(parent)
        style_dialog(self)
        self.setWindowTitle(self.tr("Forget personal data"))
        text = QLabel(
            self.tr(
                "<p><b>This cannot be undone.</b></p>"
                "<p>The names, organisations, bios and private notes of all {n} people in this session are deleted; "
                "they become “Person 1”, “Person 2” … Consent to be listed is withdrawn. Roles and groups stay.</p>"
                "<p>The speech log, the anonymous statistics and the report stay. The session is saved at once and "
                "its older versions ({file}.bak1 to .bak3) are deleted.</p>"
                "<p>Copies saved elsewhere (Save as…) and PDFs printed earlier are not changed.</p>"
            ).format(n=people, file=file_name)
        )
        text.setWordWrap(True)
        text.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        self.kept_texts: QPlainTextEdit | None = None
        """The event's texts as forgetting leaves them, to read before deciding; None when there are none."""
        if kept:
            intro = QLabel(
                self.tr(
                    "<p>The projector message is cleared. The event's own texts stay, and every name from the list "
                    "in them becomes its number; this is how they will read. A name typed differently (a nickname, "
                    "another spelling) is not recognised: change it under Event and fishbowl settings (Ctrl+,) "
                    "first.</p>"
                )
            )
            intro.setWordWrap(True)
            layout.addWidget(intro)
            self.kept_texts = QPlainTextEdit(
                "\n\n".join(f"{self.field_label(field)}: {value}" for field, value in kept)
            )
            self.kept_texts.setReadOnly(True)
            self.kept_texts.setMaximumHeight(180)
            layout.addWidget(self.kept_texts)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.forget_button = QPushButton(self.tr("Forget personal data"))
        self.forget_button.setStyleSheet("color: #B03A00; font-weight: bold;")
        buttons.addButton(self.forget_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.forget_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setDefault(True)  # Enter on a reflex keeps the names
        layout.addWidget(buttons)

    def field_label(self, field: str) -> str:
        labels = {
            "title": self.tr("Title"),
            "description": self.tr("Description"),
            "guiding_questions": self.tr("Guiding question"),
            "agenda": self.tr("Agenda item"),
            "report_notes": self.tr("Report notes"),
        }
        return labels.get(field, field)
