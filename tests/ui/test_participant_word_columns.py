"""The participant table's role, group and consent columns (issue 29, the first frame's work): as wide as Qt's own
measurement of their cells would make them, worked out from the font once per change of the list instead of
measured by Qt at every layout pass of the table (ui/people/word_columns.py).

Qt's measure of a cell is `QAbstractItemView.sizeHintForIndex` (the delegate's size for that cell: text, margins),
plus the grid line, and at least the title's width: that is what `ResizeToContents` gave these columns.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QModelRoleDataSpan
from PySide6.QtWidgets import QHeaderView
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import Role, make_participant
from fishbowl_desktop.ui.people.participant_model import ParticipantFilterModel, ParticipantTableModel
from fishbowl_desktop.ui.people.word_columns import WORD_COLUMNS
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.console import open_console
from helpers.hard_names import HARD_NAMES

Model = ParticipantTableModel


def _measured_by_qt(window: ConsoleWindow, col: int) -> int:
    """The width Qt's ResizeToContents gives the column, over every row (not only those on screen)."""
    view, proxy = window.participants_panel.view, window.participants_panel.proxy
    cells = [view.sizeHintForIndex(proxy.index(row, col)).width() for row in range(proxy.rowCount())]
    widest = max(cells, default=0) + (1 if view.showGrid() else 0)
    return max(widest, view.horizontalHeader().sectionSizeHint(col))


def _widths(window: ConsoleWindow) -> dict[int, int]:
    header = window.participants_panel.view.horizontalHeader()
    return {col: header.sectionSize(col) for col in WORD_COLUMNS}


def test_the_word_columns_are_as_wide_as_qt_measures_their_cells_on_the_sample_evening(
    ctl: SessionController, qtbot: QtBot
) -> None:
    window = open_console(ctl, qtbot, active=False)
    assert _widths(window) == {col: _measured_by_qt(window, col) for col in WORD_COLUMNS}
    header = window.participants_panel.view.horizontalHeader()
    for col in WORD_COLUMNS:  # the moderator cannot drag them, as with ResizeToContents
        assert header.sectionResizeMode(col) == QHeaderView.ResizeMode.Fixed


def test_a_longer_group_widens_its_column_and_groups_in_every_script_are_measured_as_qt_measures_them(
    ctl: SessionController, qtbot: QtBot
) -> None:
    window = open_console(ctl, qtbot, active=False)
    before = _widths(window)
    for script, given, family in HARD_NAMES:
        ctl.add_participant(make_participant(f"{given} {family}", group=f"{family} {script}", role=Role.PANELIST))
    qtbot.waitUntil(lambda: _widths(window)[Model.GROUP] > before[Model.GROUP])
    assert _widths(window) == {col: _measured_by_qt(window, col) for col in WORD_COLUMNS}
    ctl.undo_stack.undo()  # the last one gone again (the widest may stay: others share its width or not)
    qtbot.waitUntil(lambda: _widths(window) == {col: _measured_by_qt(window, col) for col in WORD_COLUMNS})


def test_the_group_column_follows_an_edit_and_the_consent_column_the_consent(
    ctl: SessionController, qtbot: QtBot
) -> None:
    window = open_console(ctl, qtbot, active=False)
    person = ctl.session.participants[0]
    ctl.update_participant(person.with_changes(group="Arbeitsgemeinschaft Stadtteilentwicklung Nord"))
    qtbot.waitUntil(lambda: _widths(window)[Model.GROUP] == _measured_by_qt(window, Model.GROUP))
    assert _widths(window)[Model.GROUP] > window.participants_panel.view.horizontalHeader().sectionSizeHint(Model.GROUP)


def test_resizing_the_window_reads_no_cell_of_the_word_columns(
    ctl: SessionController, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Qt's ResizeToContents read every cell of the three columns at each layout pass of the table: each resize
    of the window or the splitter (and eight times before the console's first frame)."""
    read: list[int] = []
    counting = [False]
    answer = ParticipantFilterModel.multiData

    def counted(self: ParticipantFilterModel, index: QModelIndex, span: QModelRoleDataSpan) -> None:
        if counting[0] and index.column() in WORD_COLUMNS:
            read.append(index.column())
        answer(self, index, span)

    monkeypatch.setattr(ParticipantFilterModel, "multiData", counted)  # before the model exists: PySide6 keeps it
    window = open_console(ctl, qtbot, active=False)
    window.participants_panel.view.setUpdatesEnabled(False)  # no repaint: only the layout passes could read cells
    counting[0] = True
    for width in (1300, 1200, 1366):
        window.resize(width, 768)
        qtbot.wait(1)
    window.splitter.setSizes([400, 300, 666])
    qtbot.wait(1)
    counting[0] = False
    window.participants_panel.view.setUpdatesEnabled(True)
    assert read == [], f"a layout pass read {len(read)} cells of the role, group and consent columns"
