"""A whole sort of the participants' list makes each row's key once (issue 29, the console's first frame).

The list opens sorted by name. The proxy's sort asks the model for two keys per comparison (n·log n asks); the
model kept every row's keys only after 64 asks, so the first sort made the first 64 keys one by one (each a
folded name), then all of them again. Now the proxy's `sort` has the model make the column's keys once before
it sorts: one key per row, the same order.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import Session
from fishbowl_desktop.model.folding import fold
from fishbowl_desktop.ui.people.participant_model import ParticipantTableModel
from fishbowl_desktop.ui.people.participants_panel import ParticipantsPanel


@pytest.fixture
def keys_made(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    made: list[int] = []
    sort_key = ParticipantTableModel._sort_key

    def counted(self: ParticipantTableModel, p: object, col: int) -> object:
        made.append(col)
        return sort_key(self, p, col)  # type: ignore[arg-type]

    monkeypatch.setattr(ParticipantTableModel, "_sort_key", counted)
    return made


def _names(panel: ParticipantsPanel) -> list[str]:
    proxy = panel.proxy
    return [proxy.index(row, ParticipantTableModel.NAME).data() for row in range(proxy.rowCount())]


def test_the_first_sort_by_name_makes_each_key_once(
    ctl: SessionController, demo: Session, qtbot: QtBot, keys_made: list[int]
) -> None:
    panel = ParticipantsPanel(ctl)
    qtbot.addWidget(panel)
    people = len(demo.participants)
    assert people > 10
    assert keys_made.count(ParticipantTableModel.NAME) == people  # before: 64 one by one, then every row again
    assert _names(panel) == sorted((p.name for p in demo.participants), key=fold)


def test_a_click_on_another_column_sorts_by_it_making_each_key_once(
    ctl: SessionController, demo: Session, qtbot: QtBot, keys_made: list[int]
) -> None:
    panel = ParticipantsPanel(ctl)
    qtbot.addWidget(panel)
    keys_made.clear()
    panel.view.sortByColumn(ParticipantTableModel.ORGANISATION, Qt.SortOrder.DescendingOrder)
    assert keys_made.count(ParticipantTableModel.ORGANISATION) == len(demo.participants)
    proxy = panel.proxy
    shown = [fold(proxy.index(r, ParticipantTableModel.ORGANISATION).data()) for r in range(proxy.rowCount())]
    assert shown == sorted(shown, reverse=True)
