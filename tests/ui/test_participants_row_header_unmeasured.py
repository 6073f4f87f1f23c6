"""The participants' list has no row numbers, so it never measures them (issue 29, the console's first frame).

Its row header was hidden only after the model was set: the table, laying itself out for the new model, measured
the still-shown header for every row (four calls into the model per row: text, font, icon, size). Hidden (and
given the rows' height) before the rows come, it measures nothing; the rows are as high as before.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import Session
from fishbowl_desktop.ui.people.participant_model import ParticipantTableModel
from fishbowl_desktop.ui.people.participants_panel import ParticipantsPanel


@pytest.fixture
def row_header_asks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    asks: list[int] = []
    header_data = ParticipantTableModel.headerData

    def counted(self: ParticipantTableModel, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Vertical:
            asks.append(section)
        return header_data(self, section, orientation, role)

    monkeypatch.setattr(ParticipantTableModel, "headerData", counted)
    return asks


def test_the_list_built_and_shown_never_measures_row_numbers(
    ctl: SessionController, demo: Session, qtbot: QtBot, row_header_asks: list[int]
) -> None:
    panel = ParticipantsPanel(ctl)
    qtbot.addWidget(panel)
    panel.resize(560, 420)
    panel.show()
    qtbot.waitExposed(panel)
    assert row_header_asks == []  # before: 4 asks for each of the 17 rows when the model was set
    view = panel.view
    assert view.verticalHeader().isHidden()
    height = panel.fontMetrics().height() + 8
    rows = view.model().rowCount()
    assert rows == len(demo.participants)
    assert [view.rowHeight(r) for r in range(rows)] == [height] * rows
