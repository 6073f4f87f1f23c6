"""File → Forget personal data: the confirmation, opened without blocking (`open()`), answering with
`accepted`. It says plainly what goes, what stays and that it cannot be undone."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget


class ForgetDataDialog(QDialog):
    def __init__(self, people: int, file_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Forget personal data"))
        text = QLabel(self.tr(
            "<p><b>This cannot be undone.</b></p>"
            "<p>The names, organisations, bios and private notes of all {n} people in this session are deleted; "
            "they become “Person 1”, “Person 2” … Consent to be listed is withdrawn. Roles and groups stay.</p>"
            "<p>The speech log, the anonymous statistics and the report stay. The session is saved at once and "
            "its older versions ({file}.bak1 to .bak3) are deleted.</p>"
            "<p>Copies saved elsewhere (Save as…) and PDFs printed earlier are not changed.</p>").format(
                n=people, file=file_name))
        text.setWordWrap(True)
        text.setMinimumWidth(460)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.forget_button = QPushButton(self.tr("Forget personal data"))
        self.forget_button.setStyleSheet("color: #B03A00; font-weight: bold;")
        buttons.addButton(self.forget_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.forget_button.clicked.connect(self.accept)
        buttons.rejected.connect(self.reject)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if cancel is not None:
            cancel.setDefault(True)  # Enter on a reflex keeps the names
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
