"""A new second on the projector measures only its own text (issue 29, battery): the digit font's metrics and the
middle of its digits' ink are the same for every second of a turn, and were made anew at every tick (a
QFontMetricsF and a measurement of "0123456789", for the projector and again for the miniature)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFontMetricsF
from pytestqt.qtbot import QtBot

from fishbowl_desktop.ui.projector import render
from fishbowl_desktop.ui.projector.render import ProjectorRenderer


def test_a_new_second_makes_no_font_metrics_and_lays_out_as_before(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    box = (50.0, 150.0, 1777.0, 480.0)  # a size no other test lays out: its font is measured here first
    renderer = ProjectorRenderer()
    first = renderer._digits("2:59", box, 400.0, QColor("white"))
    made: list[object] = []

    def counted(*args: object) -> QFontMetricsF:
        made.append(args)
        return QFontMetricsF(*args)  # type: ignore[call-overload,no-any-return]

    monkeypatch.setattr(render, "QFontMetricsF", counted)
    seconds = [renderer._digits(text, box, 400.0, QColor("white")) for text in ("2:58", "2:57", "2:59")]
    assert made == [], f"{len(made)} font metrics made for 3 seconds"
    again = seconds[-1]
    assert (again.font, again.baseline, again.rect) == (first.font, first.baseline, first.rect)  # the same layout
    metrics = QFontMetricsF(first.font)
    ink = metrics.tightBoundingRect("0123456789")
    assert first.baseline.y() == pytest.approx(box[1] + box[3] / 2 - (ink.top() + ink.height() / 2))
