"""Run by test_reliability_evening in a child pytest: a view whose slot raises must fail the console run.
Not collected on its own (the name does not start with test_)."""

from __future__ import annotations

from typing import Any

import pytest
from pytestqt.qtbot import QtBot
from test_reliability_evening import _evening_in_the_console

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.ui.queue.queue_panel import QueuePanel


def test_a_view_that_raises(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    real = QueuePanel.__init__

    def init(self: QueuePanel, controller: SessionController, *args: Any, **kwargs: Any) -> None:
        real(self, controller, *args, **kwargs)

        def crash() -> None:
            raise RuntimeError("view crashed")

        controller.queueChanged.connect(crash)

    monkeypatch.setattr(QueuePanel, "__init__", init)
    _evening_in_the_console(qtbot, 50)
