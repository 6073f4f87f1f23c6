"""A running clock's second is blended on the UI thread (issue 29, the battery under xcb): with the projector as a
small window on the laptop's only screen, and the console's miniature dimmed under its notice, Qt's raster engine
handed each second's digit images and the dimming to its thread pool (~1,500 wake-ups a minute of its two threads,
five times the bare reference timer's whole process). `ui/projector/strips.py` says how they are painted now."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController
from fishbowl_desktop.model import FakeClock
from fishbowl_desktop.ui.paper.pdf_export import PdfExporter
from fishbowl_desktop.ui.projector import digit_images, strips
from fishbowl_desktop.ui.projector.view import ProjectorPreview
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.console import no_pdf, open_console
from helpers.thread_wakeups import POOLED, TASKS, wakeups, woken_since

pytestmark = pytest.mark.skipif(not TASKS.is_dir(), reason="counts the threads' wake-ups in /proc (Linux only)")


class Paints(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _settle(qtbot: QtBot) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(50)


def test_a_second_on_the_small_projector_window_and_the_dimmed_preview_hands_qt_s_pool_nothing(
    ctl: SessionController, clock: FakeClock, qtbot: QtBot
) -> None:
    window: ConsoleWindow = open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, no_pdf))
    assert ctl.start_turn("aud-01")
    qtbot.keyClick(window.circle, Qt.Key.Key_F5)  # one screen: the projector opens as a small window
    projector = window.projector.window()
    qtbot.waitUntil(projector.isVisible)
    projector.resize(410, 230)  # as it opens on the benchmark's 1366x768 laptop
    preview = window.findChild(ProjectorPreview)
    assert preview is not None and preview.isVisible()
    assert "No beamer" in preview.notice()  # the miniature is dimmed under the notice
    _settle(qtbot)
    assert projector.view.height() == 230
    view_paints, preview_paints = Paints(), Paints()
    projector.view.installEventFilter(view_paints)
    preview.installEventFilter(preview_paints)
    before = wakeups(POOLED)
    try:
        for _ in range(3):
            clock.advance(1.0)
            window.ticker.poll()
            _settle(qtbot)
    finally:
        woken = woken_since(before, POOLED)
        projector.view.removeEventFilter(view_paints)
        preview.removeEventFilter(preview_paints)
        window.projector.hide_projector()
    assert view_paints.count >= 3 and preview_paints.count >= 3  # both showed every second
    assert woken == 0, f"Qt's pooled threads woke {woken} times in 3 seconds of a running clock"


def _strip_painted(split: bool, ratio: float) -> QImage:
    image = QImage(round(300 * ratio), round(260 * ratio), QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(QColor("#20242a"))
    for y in range(image.height()):  # every row differs: a strip blended onto the wrong rows shows
        for x in range(0, image.width(), 7):
            image.setPixelColor(x, y, QColor((y * 7) % 256, (x * 5) % 256, 90))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    target = QRectF(10.3, 7.6, 250.45, 231.7)  # fractional edges: blended partly at top and bottom
    if split:
        strips.fill_rect(painter, target, QColor(0, 0, 0, 150), ratio)
    else:
        painter.fillRect(target, QColor(0, 0, 0, 150))
    painter.end()
    return image


@pytest.mark.parametrize("ratio", [1.0, 2.0])
def test_a_translucent_fill_in_strips_blends_the_same_pixels_as_one_fill(qapp: QApplication, ratio: float) -> None:
    assert _strip_painted(split=True, ratio=ratio) == _strip_painted(split=False, ratio=ratio)


def test_the_small_window_and_the_preview_draw_no_digit_image_once_each_character_was_seen(
    ctl: SessionController, clock: FakeClock, qtbot: QtBot
) -> None:
    """One screen: the 410x230 window's digits and the miniature's are both copied from images (~40 of them). With
    1 MB, emptied whole when full, they were drawn again ~2.5 times a second (digit_images.py, issue 29)."""
    window: ConsoleWindow = open_console(ctl, qtbot, PdfExporter(lambda: ctl.session, no_pdf))
    assert ctl.start_turn("aud-01")
    qtbot.keyClick(window.circle, Qt.Key.Key_F5)
    projector = window.projector.window()
    qtbot.waitUntil(projector.isVisible)
    projector.resize(410, 230)  # as on the benchmark's 1366x768 laptop, where the miniature lays out at that size
    preview = window.findChild(ProjectorPreview)
    assert preview is not None
    preview.set_logical_size(QSize(1366, 768))
    _settle(qtbot)
    try:
        for _ in range(70):  # 2:00 → 0:50: every character at every place, in the clock's normal colour
            clock.advance(1.0)
            window.ticker.poll()
            QApplication.processEvents()
        _settle(qtbot)
        assert window.projector.scene.content().timer_text == "0:50"
        drawn = digit_images.drawn
        for _ in range(10):  # 0:49 … 0:40
            clock.advance(1.0)
            window.ticker.poll()
            QApplication.processEvents()
        _settle(qtbot)
    finally:
        window.projector.hide_projector()
    assert window.projector.scene.content().timer_text == "0:40"
    assert digit_images.drawn == drawn, f"{digit_images.drawn - drawn} digit images drawn again in 10 seconds"
