"""Everyone in the room: search, add, edit, remove, queue for the free chair, CSV in, drag to the circle.

Dialogs open with `open()` and report back by signal (never `exec()`: the console's event loop keeps running the
timer and the room's signals), and
removing asks inline instead of in a modal box, so the moderator's hands and the room never wait on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import Participant
from fishbowl_desktop.ui.people.participant_model import ParticipantFilterModel, ParticipantTableModel
from fishbowl_desktop.ui.people.word_columns import WordColumns
from fishbowl_desktop.ui.widgets.live_columns import fit_to_widest
from fishbowl_desktop.ui.widgets.person_data import PARTICIPANT_ID_ROLE

if TYPE_CHECKING:
    from fishbowl_desktop.ui.people.csv_import_dialog import CsvImportDialog
    from fishbowl_desktop.ui.people.participant_dialog import ParticipantDialog

NARROW_WIDTH = 560
"""Below this table width the organisation column is hidden so names stay readable."""


class ParticipantsView(QTableView):
    """The table with the moderator's keys: Delete removes (after an inline question), Enter edits."""

    def __init__(self, panel: ParticipantsPanel):
        super().__init__(panel)
        self._panel = panel

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._panel.remove_selected()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._panel.edit_selected()
            return
        if event.key() == Qt.Key.Key_Escape and self._panel.confirm_bar.isVisible():
            self._panel.cancel_remove()
            return
        super().keyPressEvent(event)


class ParticipantsPanel(QWidget):
    statusMessage = Signal(str)
    """A short confirmation for the status bar ("Saved participants.csv")."""

    def __init__(self, controller: SessionController, parent: QWidget | None = None):
        super().__init__(parent)
        self._controller = controller
        self.model = ParticipantTableModel(controller, self)
        self.proxy = ParticipantFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.participant_dialog: ParticipantDialog | None = None
        self.import_dialog: CsvImportDialog | None = None
        self._pending_remove: str | None = None

        top = self._search_row()
        self._build_view(controller)
        self._build_confirm_bar()
        buttons = self._button_row()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.confirm_bar)
        layout.addLayout(buttons)

        # Ctrl+F belongs to the console window (it calls focus_search); a second shortcut here would make
        # the key ambiguous whenever the focus is inside this panel, and then neither would fire.
        # The source model finishes a change after the proxy has announced it: count on both.
        for signal in (
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
            self.model.rowsInserted,
            self.model.rowsRemoved,
            self.model.modelReset,
        ):
            signal.connect(self._update_count)
        self._update_count()
        self._update_buttons()

    # ------------------------------------------------------------------ the parts, built in focus order
    def _search_row(self) -> QHBoxLayout:
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search name, organisation, group… (Ctrl+F)"))
        self.search.textChanged.connect(self._search_changed)
        self.search.setAccessibleName(self.tr("Search participants"))
        self.count = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count)
        return top

    def _build_view(self, controller: SessionController) -> None:
        self.view = ParticipantsView(self)
        self.view.setTabKeyNavigation(False)  # Tab moves on to the buttons instead of from cell to cell
        # No row numbers, and the rows' height, before the rows come: a shown row header measured its number for
        # every row when the model was set (each a call into the model per role), to be hidden right after
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.view.setModel(self.proxy)
        self.view.setAccessibleName(self.tr("Participants"))
        # Dragging someone to the circle or the queue never takes them off this list.
        self.view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # By name from the start: the indicator first, so turning sorting on sorts once (it sorts by the indicator)
        self.view.horizontalHeader().setSortIndicator(ParticipantTableModel.NAME, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setDragEnabled(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # First, while no column measures its rows: resizing one section makes the others measure again.
        for col in (ParticipantTableModel.TURNS, ParticipantTableModel.SPEAKING_TIME):  # they move with every turn
            fit_to_widest(self.view, col, self.model.widest_live_texts(col))
        header.setStretchLastSection(False)
        header.setSectionResizeMode(ParticipantTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        # Role, group and consent as wide as their widest word, worked out when the list changes: Qt's
        # ResizeToContents read every cell of them at each of the table's layout passes (word_columns.py).
        self.word_columns = WordColumns(self.view, self.model)
        self.view.doubleClicked.connect(lambda _index: self.edit_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        for signal in (controller.queueChanged, controller.seatsChanged, controller.sessionReplaced):
            signal.connect(self._update_buttons)

    def _build_confirm_bar(self) -> None:
        """Removing asks here, inline, instead of in a modal box."""
        self.confirm_bar = QFrame()
        self.confirm_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.confirm_label = QLabel()
        self.confirm_label.setWordWrap(True)
        self.confirm_button = QPushButton(self.tr("Remove"))
        self.confirm_button.clicked.connect(self.confirm_remove)
        keep = QPushButton(self.tr("Keep"))
        keep.clicked.connect(self.cancel_remove)
        bar = QHBoxLayout(self.confirm_bar)
        bar.setContentsMargins(8, 4, 8, 4)
        bar.addWidget(self.confirm_label, 1)
        bar.addWidget(self.confirm_button)
        bar.addWidget(keep)
        self.confirm_bar.hide()

    def _button_row(self) -> QHBoxLayout:
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setToolTip(self.tr("Add a person to the list"))
        self.add_button.clicked.connect(self.add_participant)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Edit the selected person (double-click or Enter)"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected person from the list (Delete)"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.queue_button = QPushButton(self.tr("Queue"))
        self.queue_button.clicked.connect(self.enqueue_selected)
        self.import_button = QPushButton(self.tr("Import…"))
        self.import_button.setToolTip(self.tr("Import participants from a CSV file (Excel, LibreOffice)"))
        self.import_button.clicked.connect(self.import_csv)
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export ▾"))
        self.export_button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
        self.export_button.setToolTip(self.tr("Save the participant list or the speech log as CSV for Excel"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.export_button.setEnabled(False)  # until the console hands it the Export menu (set_export_menu)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.remove_button, self.queue_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.export_button)
        return buttons

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_columns()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.word_columns.fit()  # in the window's font and style now
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Names come first: in a narrow side column the organisation gives way (it stays in the tooltip
        and in the search); otherwise it gets about a quarter of the width and the name the rest."""
        # The header spans the viewport exactly (QTableView lays it out so). Asking for viewport() itself would
        # make PySide6 resolve the whole QWidget class family for that one object before the first frame:
        # ~30 Python enum types of classes the console never uses (QMdiSubWindow, QGraphicsView, QLCDNumber …).
        width = self.view.horizontalHeader().width()
        narrow = width < NARROW_WIDTH
        self.view.setColumnHidden(ParticipantTableModel.ORGANISATION, narrow)
        if not narrow:
            self.view.setColumnWidth(ParticipantTableModel.ORGANISATION, max(110, width // 4))

    # ------------------------------------------------------------------ selection and search
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_changed(self, text: str) -> None:
        self.proxy.set_search(text)
        self._update_count()
        if self.selected_participant_id() is None and self.proxy.rowCount() == 1:
            self.view.selectRow(0)  # one hit: Enter or Queue acts on it at once

    def _update_count(self, *_args: object) -> None:
        total, shown = self.model.rowCount(), self.proxy.rowCount()
        if shown == total:
            self.count.setText(self.tr("1 person") if total == 1 else self.tr("{n} people").format(n=total))
        else:
            self.count.setText(self.tr("{shown} of {n}").format(shown=shown, n=total))
        self._update_buttons()

    def _update_buttons(self) -> None:
        pid = self.selected_participant_id()
        self.edit_button.setEnabled(pid is not None)
        self.remove_button.setEnabled(pid is not None)
        session = self._controller.session
        if pid is None or not session.has_participant(pid):
            self.queue_button.setEnabled(False)
            self.queue_button.setToolTip(self.tr("Put the selected person on the queue for the free chair"))
        elif session.seat_of(pid) is not None:
            self.queue_button.setEnabled(False)
            self.queue_button.setToolTip(self.tr("Already sits in the circle"))
        elif session.queue_position(pid) is not None:
            self.queue_button.setEnabled(False)
            self.queue_button.setToolTip(
                self.tr("Already waiting for the free chair (place {n})").format(
                    n=(session.queue_position(pid) or 0) + 1
                )
            )
        else:
            self.queue_button.setEnabled(True)
            self.queue_button.setToolTip(self.tr("Put the selected person on the queue for the free chair"))

    def _context_menu(self, pos: QPoint) -> None:
        if not self.view.indexAt(pos).isValid():
            return
        menu = QMenu(self)
        for button in (self.edit_button, self.queue_button, self.remove_button):
            action = menu.addAction(button.text(), button.click)
            action.setEnabled(button.isEnabled())
        menu.popup(self.view.viewport().mapToGlobal(pos))

    def selected_participant_id(self) -> str | None:
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        index: QModelIndex | QPersistentModelIndex = rows[0] if rows else QModelIndex()
        if not index.isValid():
            return None
        value = self.proxy.data(index, PARTICIPANT_ID_ROLE)
        return str(value) if value else None

    def select_participant(self, participant_id: str) -> bool:
        """Select and show someone; clears the search if it hides them."""
        row = self.model.row_of(participant_id)
        if row < 0:
            return False
        proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not proxy_index.isValid():
            self.search.clear()
            proxy_index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.view.setCurrentIndex(proxy_index)  # selects the row, and keyboard navigation continues from it
        self.view.scrollTo(proxy_index)
        return True

    # ------------------------------------------------------------------ intents
    def add_participant(self) -> ParticipantDialog:
        return self._open_participant_dialog(None)

    def edit_selected(self) -> ParticipantDialog | None:
        pid = self.selected_participant_id()
        if pid is None or not self._controller.session.has_participant(pid):
            return None
        return self._open_participant_dialog(self._controller.session.participant(pid))

    def _open_participant_dialog(self, person: Participant | None) -> ParticipantDialog:
        from fishbowl_desktop.ui.people.participant_dialog import ParticipantDialog  # on first use

        dialog = ParticipantDialog(self._controller, person, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(self.select_participant)
        self.participant_dialog = dialog
        dialog.open()
        return dialog

    def remove_selected(self) -> None:
        """Ask inline first; the question does not block anything else, and undo brings the person back."""
        pid = self.selected_participant_id()
        if pid is None:
            return
        session = self._controller.session
        person = session.participant(pid)
        extra = ""
        if session.seat_of(pid) is not None:
            extra = self.tr(" They leave their seat in the circle.")
        elif session.queue_position(pid) is not None:
            extra = self.tr(" They leave the free-chair queue.")
        self._pending_remove = pid
        self.confirm_label.setText(self.tr("Remove {name} from the list?{extra}").format(name=person.name, extra=extra))
        self.confirm_bar.show()
        self.confirm_button.setFocus()

    def confirm_remove(self) -> bool:
        pid, self._pending_remove = self._pending_remove, None
        self.confirm_bar.hide()
        self.view.setFocus()
        if pid is None:
            return False
        ok = self._controller.remove_participant(pid)
        if ok:
            self.statusMessage.emit(self.tr("Removed. Undo (Ctrl+Z) brings them back."))
        return ok

    def cancel_remove(self) -> None:
        self._pending_remove = None
        self.confirm_bar.hide()
        self.view.setFocus()

    def enqueue_selected(self) -> bool:
        pid = self.selected_participant_id()
        return pid is not None and self._controller.enqueue(pid)

    # ------------------------------------------------------------------ CSV
    def import_csv(self) -> CsvImportDialog:
        from fishbowl_desktop.ui.people.csv_import_dialog import (
            CsvImportDialog,  # on first use: not part of the first frame
        )

        dialog = CsvImportDialog(self._controller, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(
            lambda n, m: self.statusMessage.emit(self.tr("{n} imported, {m} skipped.").format(n=n, m=m))
        )
        self.import_dialog = dialog
        dialog.open()
        dialog.choose_file()
        return dialog

    def set_export_menu(self, menu: QMenu) -> None:
        """The CSV exports are paper (ui/paper/csv_export.py): the console hands their menu to the Export button."""
        self.export_button.setMenu(menu)
        self.export_button.setEnabled(True)
