"""The miniature's digits copied from images (ui/projector/digit_images.py, issue 29) look as drawn from the font,
and a second's repaint draws no image once its characters were seen."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.controller.settings_store import SettingsStore
from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.ui.projector import ProjectorPreview, ProjectorScene, digit_images
from fishbowl_desktop.ui.projector.textfit import digit_font


def _painted(scale: float, shift: float, text: str, cached: bool, ratio: float = 1.0) -> QImage:
    font, _ = digit_font("0:00", 1000, 300)
    image = QImage(round(420 * ratio), round(160 * ratio), QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(ratio)  # a HiDPI screen: the painter's device scale includes it
    image.fill(QColor("#0b0d10"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.translate(7.3 + shift, 3.6)
    painter.scale(scale, scale)
    baseline = QPointF(12.4, font.pixelSize() * 0.95)
    if cached:
        digit_images.draw_digits(painter, text, font, baseline, QColor("#f5f5f5"))
    else:
        painter.setFont(font)
        painter.setPen(QColor("#f5f5f5"))
        painter.drawText(baseline, text)
    painter.end()
    return image


def _largest_difference(a: QImage, b: QImage) -> int:
    worst = 0
    for y in range(a.height()):
        for x in range(a.width()):
            p, q = a.pixelColor(x, y), b.pixelColor(x, y)
            worst = max(worst, abs(p.red() - q.red()), abs(p.green() - q.green()), abs(p.blue() - q.blue()))
    return worst


@pytest.mark.parametrize(("scale", "shift"), [(0.29, 0.0), (0.29, 0.37), (0.4, 0.81), (1 / 3, 0.5)])
def test_copied_digits_look_as_drawn_from_the_font(qapp: QApplication, scale: float, shift: float) -> None:
    for text in ("9:57", "+1:05", "10:00"):
        font_drawn = _painted(scale, shift, text, cached=False)
        copied = _painted(scale, shift, text, cached=True)
        assert font_drawn != _painted(scale, shift, "0:00", cached=False)  # the comparison sees a wrong digit
        assert _largest_difference(font_drawn, copied) <= 40, (scale, shift, text)


def test_copied_digits_look_as_drawn_from_the_font_on_a_hidpi_screen(qapp: QApplication) -> None:
    for text in ("9:57", "+1:05"):
        font_drawn = _painted(0.29, 0.37, text, cached=False, ratio=2.0)
        copied = _painted(0.29, 0.37, text, cached=True, ratio=2.0)
        assert _largest_difference(font_drawn, copied) <= 40, text


def test_a_new_second_draws_no_image_once_its_characters_were_seen(qapp: QApplication) -> None:
    for text in ("9:59", "9:58", "9:57"):
        _painted(0.29, 0.0, text, cached=True)
    before = digit_images.drawn
    _painted(0.29, 0.0, "9:58", cached=True)  # every character, at its place, seen before
    assert digit_images.drawn == before
    _painted(0.29, 0.0, "9:54", cached=True)  # a 4 in the last place: one new image
    assert digit_images.drawn == before + 1


def test_a_beamer_sized_clock_is_drawn_from_the_font(qapp: QApplication) -> None:
    before = digit_images.drawn
    _painted(1.0, 0.0, "7:31", cached=True)  # ~300 px: no megabytes of images for it
    assert digit_images.drawn == before


def test_the_miniature_inside_the_consoles_window_shows_its_digits(
    qtbot: QtBot, demo: Session, clock: FakeClock
) -> None:
    """The images are placed in device pixels: a miniature that is not at its window's corner (the console's side
    panel) drew them off by its own position again, outside its clip, so the console showed a clock without digits."""
    controller = SessionController(demo)
    ticker = TimerTicker(controller)
    scene = ProjectorScene(controller, ticker, SettingsStore())
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(900, 350)
    preview = ProjectorPreview(scene, window)
    preview.setGeometry(300, 90, 554, 230)
    window.show()
    qtbot.waitExposed(window)
    assert controller.start_turn("aud-01")
    clock.advance(3.0)
    ticker.poll()
    QApplication.processEvents()
    assert digit_images.drawn > 0  # the miniature's ~100 px digits come from images
    alone = preview.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    box = preview.geometry()
    assert window.grab(box).toImage().convertToFormat(QImage.Format.Format_RGB32) == alone
    on_screen = window.screen().grabWindow(window.winId(), box.x(), box.y(), box.width(), box.height())
    assert on_screen.toImage().convertToFormat(QImage.Format.Format_RGB32) == alone
