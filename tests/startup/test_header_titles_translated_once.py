"""A table header's title asks the translator for that one title (issue 29).

Qt asks `headerData` for every section at every size hint and layout pass before the first frame (~500 calls
with the sample evening); each call translated every column's title (4 in the queue, 7 in the participant
table) to return one of them: ~3,000 translations, ~10 µs per call, before the window showed.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QObject, Qt

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.ui.people.participant_model import ParticipantTableModel
from fishbowl_desktop.ui.queue.queue_model import QueueModel

HORIZONTAL = Qt.Orientation.Horizontal
DISPLAY = Qt.ItemDataRole.DisplayRole


@pytest.mark.parametrize(
    ("model_class", "titles"),
    [
        (QueueModel, ["Name", "Waiting", "Spoken", "Group"]),
        (ParticipantTableModel, ["Name", "Role", "Organisation", "Group", "Named", "Turns", "Time"]),
    ],
)
def test_each_header_title_is_translated_alone(
    qapp: Any, ctl: SessionController, monkeypatch: pytest.MonkeyPatch, model_class: type, titles: list[str]
) -> None:
    asked: list[str] = []

    def counting_tr(self: QObject, text: str) -> str:
        asked.append(text)
        return QCoreApplication.translate(type(self).__name__, text)  # what QObject.tr looks up

    monkeypatch.setattr(model_class, "tr", counting_tr)
    model = model_class(ctl)
    for section, title in enumerate(titles):
        asked.clear()
        assert model.headerData(section, HORIZONTAL, DISPLAY) == title
        assert asked == [title], f"section {section}: {len(asked)} translations for one title"
    asked.clear()
    assert model.headerData(len(titles), HORIZONTAL, DISPLAY) is None
    assert model.headerData(0, HORIZONTAL, Qt.ItemDataRole.SizeHintRole) is None
    assert model.headerData(2, Qt.Orientation.Vertical, DISPLAY) == "3"
    assert asked == []
