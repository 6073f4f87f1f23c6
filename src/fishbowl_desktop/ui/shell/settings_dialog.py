"""Edit → Preferences: the app's own defaults, kept between evenings (not part of any session).

Turn times and rules here are what a NEW session starts with; the open session keeps its own (Edit →
Event and fishbowl settings). Projector and chime changes apply at once, the language at the next start.
A sessions folder that cannot be written to is refused with the reason, and nothing else is lost.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from fishbowl_desktop.controller.file_problems import folder_reason
from fishbowl_desktop.settings import MAX_NEXT_COUNT, AppSettings
from fishbowl_desktop.storage.workspace import folder_problem
from fishbowl_desktop.ui.widgets.chain_words import preset_items
from fishbowl_desktop.ui.widgets.form_error import error_label
from fishbowl_desktop.ui.widgets.sheet import style_dialog


def _seconds_box(value: int, minimum: int, maximum: int, suffix: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(minimum, maximum)
    box.setSingleStep(15)
    box.setValue(value)
    box.setSuffix(suffix)
    return box


class SettingsDialog(QDialog):
    applied = Signal(object)
    """The new AppSettings, after OK with everything valid."""

    def __init__(self, settings: AppSettings, default_folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        style_dialog(self)
        self.settings = settings
        self.default_folder = default_folder
        self.setWindowTitle(self.tr("Preferences"))
        self.setMinimumWidth(640)

        sessions_box = self._sessions_box(settings)
        projector_box = self._projector_box(settings)
        general_box = self._general_box(settings, default_folder)

        self.error = error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(sessions_box)
        layout.addWidget(projector_box)
        layout.addWidget(general_box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.folder_dialog: QFileDialog | None = None

    # ------------------------------------------------------------------ the parts, built in focus order
    def _sessions_box(self, settings: AppSettings) -> QGroupBox:
        """What new sessions start with."""
        s = self.tr(" s")
        self.panel_time = _seconds_box(settings.default_panel_seconds, 10, 3600, s)
        self.free_time = _seconds_box(settings.default_free_chair_seconds, 10, 3600, s)
        self.warning = _seconds_box(settings.default_warning_seconds, 0, 600, s)
        self.ordering = QComboBox()
        for text, preset in preset_items():  # the common chains; the queue panel's editor sorts any other
            self.ordering.addItem(text, preset)
        self.ordering.setCurrentIndex(max(0, self.ordering.findData(settings.default_ordering)))
        self.auto_start = QCheckBox(self.tr("Start the time of the next free-chair speaker at once"))
        self.auto_start.setChecked(settings.default_auto_start_next)
        sessions = QFormLayout()
        sessions.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        sessions.addRow(self.tr("Speaking time, panel"), self.panel_time)
        sessions.addRow(self.tr("Speaking time, free chair"), self.free_time)
        sessions.addRow(self.tr("Warning before the end"), self.warning)
        sessions.addRow(self.tr("Queue order"), self.ordering)
        sessions.addRow(self.auto_start)
        sessions_box = QGroupBox(self.tr("New sessions start with"))
        sessions_box.setLayout(sessions)
        return sessions_box

    def _projector_box(self, settings: AppSettings) -> QGroupBox:
        """The timer's chime and the projector."""
        self.chime = QCheckBox(self.tr("Soft chime at the warning and at zero (the colours change anyway)"))
        self.chime.setChecked(settings.chime)
        self.follow = QComboBox()
        for mode, text in (
            ("ask", self.tr("Ask")),
            ("auto", self.tr("Move the projector there")),
            ("never", self.tr("Stay where it is")),
        ):
            self.follow.addItem(text, mode)
        self.follow.setCurrentIndex(max(0, self.follow.findData(settings.projector_follow_new_screen)))
        self.next_count = QSpinBox()
        self.next_count.setRange(0, MAX_NEXT_COUNT)
        self.next_count.setValue(settings.projector_next_count)
        self.first_names = QCheckBox(self.tr("Show first names only"))
        self.first_names.setChecked(settings.projector_first_names_only)
        self.flash = QCheckBox(self.tr("Flash the frame in overtime"))
        self.flash.setChecked(settings.projector_flash_overtime)
        self.black_blank = QCheckBox(self.tr("Blank (B) makes the projector completely black, without the title"))
        self.black_blank.setChecked(settings.projector_black_blank)
        projector = QFormLayout()
        projector.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        projector.addRow(self.chime)
        projector.addRow(self.tr("When a beamer is plugged in"), self.follow)
        projector.addRow(self.tr("Waiting people shown"), self.next_count)
        projector.addRow(self.first_names)
        projector.addRow(self.flash)
        projector.addRow(self.black_blank)
        projector_box = QGroupBox(self.tr("Timer and projector"))
        projector_box.setLayout(projector)
        return projector_box

    def _general_box(self, settings: AppSettings, default_folder: Path) -> QGroupBox:
        """The language and the folder for new sessions."""
        self.language = QComboBox()
        for code, text in (("", self.tr("Follow the system")), ("de", "Deutsch"), ("en", "English")):
            self.language.addItem(text, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.folder = QLineEdit(settings.sessions_folder or str(default_folder))
        self.folder.setToolTip(self.tr("New sessions are saved here; the open session stays where it is."))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose_folder)
        reset = QPushButton(self.tr("Default"))
        reset.clicked.connect(lambda: self.folder.setText(str(default_folder)))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(choose)
        folder_row.addWidget(reset)
        general = QFormLayout()
        general.addRow(self.tr("Language (from the next start)"), self.language)
        general.addRow(self.tr("Sessions folder"), folder_row)
        general_box = QGroupBox(self.tr("Language and files"))
        general_box.setLayout(general)
        return general_box

    def choose_folder(self) -> QFileDialog:
        dialog = QFileDialog(self, self.tr("Folder for new sessions"), self.folder.text())
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(self.folder.setText)
        dialog.open()
        self.folder_dialog = dialog
        return dialog

    def chosen(self) -> AppSettings:
        folder = self.folder.text().strip()
        same_as_default = folder and Path(folder).expanduser().absolute() == self.default_folder.absolute()
        return self.settings.with_changes(
            default_panel_seconds=self.panel_time.value(),
            default_free_chair_seconds=self.free_time.value(),
            default_warning_seconds=self.warning.value(),
            default_ordering=str(self.ordering.currentData()),
            default_auto_start_next=self.auto_start.isChecked(),
            chime=self.chime.isChecked(),
            projector_follow_new_screen=str(self.follow.currentData()),
            projector_next_count=self.next_count.value(),
            projector_first_names_only=self.first_names.isChecked(),
            projector_flash_overtime=self.flash.isChecked(),
            projector_black_blank=self.black_blank.isChecked(),
            language=str(self.language.currentData()),
            sessions_folder="" if not folder or same_as_default else str(Path(folder).expanduser().absolute()),
        )

    def accept(self) -> None:
        new = self.chosen()
        if new.sessions_folder and new.sessions_folder != self.settings.sessions_folder:
            problem = folder_problem(new.sessions_folder)
            if problem is not None:
                self.error.setText(
                    self.tr(
                        "New sessions cannot be saved in {folder}: {reason}. Choose a folder you can write to, "
                        "for example in your documents; nothing has been changed."
                    ).format(folder=new.sessions_folder, reason=folder_reason(problem))
                )
                self.error.show()
                self.folder.setFocus()
                return
        self.applied.emit(new)
        super().accept()
