"""The lower third (issue 27, point 4) in a real headless Chromium at 1920×1080 against the real server on
127.0.0.1: its own token link, the speaker's name and role · organisation as the projector shows them (no name
without consent), a transparent background verified from the screenshot's pixels (and the green option), and the
console followed live.

Set FISHBOWL_ROOM_SHOTS=/some/folder to keep the screenshots.
"""

from __future__ import annotations

import os
import socket
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.model import SystemClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.room.service import Room
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.stage.content import projector_content

FULL_HD = {"width": 1920, "height": 1080}
# The headless Chromium is the room tests' shared `browser` fixture (tests/room/conftest.py): it skips without one.


class Hall:
    def __init__(self, folder: Path, qtbot: QtBot):
        self.qtbot = qtbot
        self.session = demo_session(SystemClock())
        self.ctl = SessionController(self.session)
        self.ticker = TimerTicker(self.ctl)
        self.settings = AppSettings()
        self.room = Room(self.ctl, self.ticker, lambda: self.settings, folder)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.room.set_port(int(s.getsockname()[1]))
        self.room.start("127.0.0.1")

    def url(self, token: str | None = None, query: str = "") -> str:
        return f"http://127.0.0.1:{self.room.port}/lower/{token or self.room.links.lower}{query}"

    def shown(self) -> str:
        content = projector_content(self.session, self.ticker.view(), self.settings)
        return f"{content.speaker_name}\n{content.speaker_detail}" if content.speaker_name else ""

    def until(self, page: Any, js: str) -> None:
        self.qtbot.waitUntil(lambda: bool(page.evaluate(js)), timeout=15000)

    def until_shown(self, page: Any) -> None:
        """The page shows what the projector shows, and its fade-in has ended."""
        expected = self.shown()
        self.qtbot.waitUntil(lambda: page.evaluate("() => document.body.dataset.shown") == expected, timeout=15000)
        opacity = "1" if expected else "0"
        self.until(page, f"() => getComputedStyle(document.getElementById('third')).opacity === '{opacity}'")


@pytest.fixture
def hall(qtbot: QtBot, tmp_path: Path) -> Iterator[Hall]:
    h = Hall(tmp_path, qtbot)
    yield h
    h.room.stop()


def open_page(browser: Any, hall: Hall, query: str = "") -> Any:
    page = browser.new_context(viewport=FULL_HD).new_page()
    page.goto(hall.url(query=query))
    hall.until(page, "() => document.body.dataset.connected === '1'")
    return page


def shot(page: Any, name: str, tmp_path: Path) -> QImage:
    folder = Path(os.environ.get("FISHBOWL_ROOM_SHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    # what a browser source composites: alpha kept; as bytes (Playwright writes a path= on an executor thread
    # of its loop, which outlives the test)
    png = page.screenshot(omit_background=True)
    path.write_bytes(png)
    image = QImage.fromData(png)
    assert (image.width(), image.height()) == (1920, 1080)
    return image


def alpha(image: QImage, x: int, y: int) -> int:
    return image.pixelColor(x, y).alpha()


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_only_its_own_token_opens_it(hall: Hall) -> None:
    links = hall.room.links
    assert status_of(hall.url()) == 200
    for token in (links.timer, links.audience, links.control, links.api, "x" * 22):
        assert status_of(hall.url(token)) == 403
    assert status_of(f"http://127.0.0.1:{hall.room.port}/{links.lower}") == 403  # it opens no phone page
    assert status_of(hall.url() + "/room.js") == 403  # only its own two files
    assert status_of(hall.url() + "/lower.js") == 200


def test_the_speaker_on_a_transparent_background_at_1920x1080(
    browser: Any, hall: Hall, tmp_path: Path, qtbot: QtBot
) -> None:
    page = open_page(browser, hall)
    hall.until_shown(page)  # nobody has the floor: nothing at all
    empty = shot(page, "lower-third-empty.png", tmp_path)
    assert all(alpha(empty, x, y) == 0 for x in range(0, 1920, 160) for y in range(0, 1080, 120))

    assert hall.ctl.start_turn("pan-1")  # Prof. Dr. Şule Öztürk, on the podium, with her organisation
    hall.until_shown(page)
    assert "Öztürk" in page.text_content("#name") and "·" in page.text_content("#detail")
    image = shot(page, "lower-third.png", tmp_path)
    for x, y in ((0, 0), (1919, 0), (0, 1079), (1919, 1079), (960, 400), (1800, 900)):
        assert alpha(image, x, y) == 0, (x, y)  # the picture behind it shows through everywhere else
    box = page.eval_on_selector(
        "#third", "e => { const r = e.getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }"
    )
    x, y, w, h = (int(v) for v in box)
    assert x >= 96 and y + h <= 1080 - 100  # inside the title-safe area
    assert alpha(image, x + w // 2, y + h - 8) > 200  # the plate itself is (almost) opaque
    assert alpha(image, x + 4, y + h // 2) == 255  # the accent bar

    green = open_page(browser, hall, "?bg=green")
    hall.until_shown(green)
    keyed = shot(green, "lower-third-green.png", tmp_path)
    corner = keyed.pixelColor(5, 5)
    assert (corner.red(), corner.green(), corner.blue(), corner.alpha()) == (0, 177, 64, 255)
    plate = keyed.pixelColor(x + w // 2, y + h - 8)
    assert (plate.red(), plate.green(), plate.blue()) == (16, 22, 34)  # opaque: nothing of it keyed away


def test_it_follows_the_console_and_names_no_one_without_consent(browser: Any, hall: Hall) -> None:
    page = open_page(browser, hall)
    ctl, session = hall.ctl, hall.session
    for pid in ("aud-04", "aud-03", "aud-12"):
        assert ctl.dequeue(pid)
    assert ctl.enqueue("aud-06") and ctl.enqueue("aud-02")  # aud-06 did not agree to be named
    assert ctl.next_free_chair()
    assert session.turn is not None and session.turn.participant_id == "aud-06"
    hall.until_shown(page)
    guest = session.participant("aud-06").name
    assert guest.split()[0] not in page.content() and page.text_content("#name") == hall.shown().split("\n")[0]
    assert ctl.next_free_chair()  # Jürgen Möller, who agreed
    hall.until_shown(page)
    assert page.text_content("#name") == "Jürgen Möller"
    assert ctl.toggle_blank()
    hall.until_shown(page)  # blank: off air
    assert page.evaluate("() => document.getElementById('third').className") == "third"
    assert ctl.toggle_blank()
    hall.until_shown(page)
    assert ctl.end_turn()
    hall.until_shown(page)


def test_a_new_link_takes_the_old_one_off_air(browser: Any, hall: Hall) -> None:
    page = open_page(browser, hall)
    assert hall.ctl.start_turn("pan-2")
    hall.until_shown(page)
    old = hall.room.links.lower
    hall.room.new_lower_link()
    hall.until(page, "() => document.body.dataset.connected === '0' && document.body.dataset.shown === ''")
    assert status_of(hall.url(old)) == 403 and status_of(hall.url()) == 200
