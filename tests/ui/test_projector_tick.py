"""What one second of a running turn costs the projector (issue 29: the running timer under xcb with a beamer).

On the beamer the clock's digits are ~540 px, drawn from their outlines: every character drawn is its outline
loaded, hinted and filled. A second paints only the rectangle of the characters that changed, and drew the whole
text into it; now it draws the characters that meet it, with the same pixels.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QPointF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.ui.projector import ProjectorPreview, changes, digit_images
from fishbowl_desktop.ui.projector.render import ProjectorRenderer
from fishbowl_desktop.ui.projector.textfit import digit_font
from helpers.projector_rig import ProjectorRig


class Beamer(ProjectorRig):
    """The projector's view at the beamer's size, on a fake clock."""

    def __init__(self, session: Session, clock: FakeClock, qtbot: QtBot, size: QSize | None = None) -> None:
        size = size or QSize(1920, 1080)
        super().__init__(session, clock, qtbot, size)
        qtbot.waitUntil(lambda: self.view.size() == size)
        QApplication.processEvents()

    def tick(self, seconds: float = 1.0) -> None:
        super().tick(seconds)
        for _ in range(3):
            QApplication.processEvents()


def test_a_second_on_the_beamer_draws_only_the_changed_characters_from_their_outlines(
    demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    beamer = Beamer(demo, clock, qtbot)
    assert beamer.controller.start_turn("aud-01")
    beamer.tick()  # 2:00 -> 1:59: three characters change
    for _ in range(4):  # 1:58 ... 1:55: the last one
        before = digit_images.outlined
        beamer.tick()
        assert digit_images.outlined - before == 1, beamer.scene.content().timer_text
        assert beamer.on_screen() == beamer.fresh()


@pytest.mark.parametrize("size", [QSize(1920, 1080), QSize(1280, 720)])
def test_seconds_drawn_character_by_character_leave_exactly_the_pixels_of_a_whole_frame(
    demo: Session, clock: FakeClock, qtbot: QtBot, size: QSize
) -> None:
    """Across the tens, a minute, the warning and into the overtime (its "+" and its colour)."""
    beamer = Beamer(demo, clock, qtbot, size)
    assert beamer.controller.start_turn("aud-01")
    for step in [1.0] * 12 + [60.0, 1.0, 1.0, 45.0, 1.0, 1.0, 1.0, 10.0, 1.0]:
        beamer.tick(step)
        assert beamer.on_screen() == beamer.fresh(), beamer.scene.content().timer_text


def _drawn(text: str, whole: bool, x: float) -> QImage:
    font, _ = digit_font("+00:00", 1800, 560)
    image = QImage(1900, 700, QImage.Format.Format_RGB32)
    image.fill(QColor("#0b0d10"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    baseline = QPointF(x, 600.0)
    wanted = None if whole else [True] * len(text)
    digit_images.draw_digits(painter, text, font, baseline, QColor("#f5f5f5"), wanted)
    painter.end()
    return image


@pytest.mark.parametrize("x", [31.37, 191.06249999999994])  # the second a hair below a 1/64 step, as arranged
def test_characters_drawn_one_by_one_are_the_text_drawn_whole(qapp: QApplication, x: float) -> None:
    """The clock's characters are tabular and no pair of them is kerned: each one at its advance is the text."""
    for text in ("10:23", "45:67", "+8:9", "0:00", "1:11", "1:58"):
        assert _drawn(text, whole=False, x=x) == _drawn(text, whole=True, x=x), text


def test_a_second_reads_the_clock_once_and_lays_nothing_out_again(
    demo: Session, clock: FakeClock, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A running second changes the digits and the bar, nothing the layout of the texts depends on: the projector
    takes the ticker's reading (the one the console shows) and keeps the frame's layout but for the digits, the
    bar and the overtime frame; the console's miniature (laid out at the beamer's size) shares it."""
    beamer = Beamer(demo, clock, qtbot)
    preview = ProjectorPreview(beamer.scene, logical_size=QSize(1920, 1080))
    qtbot.addWidget(preview)
    preview.resize(560, 320)
    preview.show()
    qtbot.waitExposed(preview)
    assert beamer.controller.start_turn("aud-01")
    beamer.controller.set_stage(message="Bitte kurz fassen")
    beamer.tick()
    readers: list[str] = []
    view = beamer.ticker.view

    def counted() -> object:
        readers.append(sys._getframe(1).f_code.co_qualname)
        return view()

    monkeypatch.setattr(beamer.ticker, "view", counted)
    layouts: list[int] = []
    arrange = ProjectorRenderer.arrange
    monkeypatch.setattr(
        ProjectorRenderer,
        "arrange",
        lambda self, *a: layouts.append(1) or arrange(self, *a),  # type: ignore[func-returns-value]
    )
    comparisons: list[int] = []
    compared = changes._compared
    monkeypatch.setattr(changes, "_compared", lambda *a: comparisons.append(1) or compared(*a))  # type: ignore[func-returns-value]
    for step in [1.0] * 3 + [90.0, 1.0, 30.0, 1.0, 1.0]:  # running, the warning, the overtime (its frame flashes)
        readers.clear()
        layouts.clear()
        comparisons.clear()
        text = beamer.scene.content().timer_text
        beamer.tick(step)
        assert beamer.scene.content().timer_text != text
        if step == 1.0:  # a second within a phase: the digits, the bar, the frame
            assert readers == ["TimerTicker.poll"], readers
            assert layouts == [], beamer.scene.content().timer_text
            assert comparisons == [1]  # what changed, worked out once for the window and the miniature
        assert beamer.view.arrangement() is preview.arrangement()
        assert beamer.view.arrangement() == ProjectorRenderer().arrange(beamer.scene.content(), 1920, 1080)


def test_a_second_inside_the_miniature_paints_no_letterbox_clip_or_border(
    demo: Session, clock: FakeClock, qtbot: QtBot
) -> None:
    """The miniature's letterbox, its clip to the frame and its border lie at its edges; a second repaints the digit
    and the bar's end, inside, and drew all three for each (a fill, a clip and a stroke per rectangle, every second).
    The pixels stay exactly those of a whole paint."""
    beamer = Beamer(demo, clock, qtbot, QSize(960, 540))
    preview = ProjectorPreview(beamer.scene, logical_size=QSize(1920, 1080))
    qtbot.addWidget(preview)
    preview.resize(560, 320)  # letterboxed, as in the console's side panel
    preview.show()
    qtbot.waitExposed(preview)
    assert beamer.controller.start_turn("aud-01")
    beamer.tick()
    for _ in range(4):
        area, passes = preview.painted_area, preview.border_passes
        beamer.tick()
        assert preview.painted_area > area
        assert preview.border_passes == passes
        rgb = QImage.Format.Format_RGB32
        on_screen = preview.screen().grabWindow(preview.winId()).toImage().convertToFormat(rgb)
        assert on_screen == preview.grab().toImage().convertToFormat(rgb)  # a whole paint, with its border
