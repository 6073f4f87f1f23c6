"""The timer, audience and control pages in a real headless Chromium against the real server on 127.0.0.1.

The browser is the room tests' shared fixture (conftest.py): skipped with a reason where Debian's chromium or
Playwright is missing; everything else still runs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.model import Session, SystemClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.room.service import Room
from helpers.ports import free_port

pytestmark = pytest.mark.slow  # one of the few slow modules: `pytest -m "not slow"` leaves it out


@pytest.fixture
def live(qtbot: QtBot, tmp_path: Path) -> Iterator[tuple[SessionController, Room, Session]]:
    session = demo_session(SystemClock())  # the page counts on the real clock, like a phone in the hall
    ctl = SessionController(session)
    ticker = TimerTicker(ctl)
    from fishbowl_desktop.settings import AppSettings

    settings = AppSettings()
    room = Room(ctl, ticker, lambda: settings, tmp_path)
    room.set_port(free_port())
    room.start("127.0.0.1")
    yield ctl, room, session
    room.stop()


def settle(room: Room, qtbot: QtBot) -> None:
    """Let the event loop turn once: the room sends an intent's state when the turn ends, like the projector's
    frame (Playwright's waits block the Qt thread, so the test gives it that turn)."""
    qtbot.waitUntil(lambda: not room.publish_pending)


def url(room: Room, kind: str) -> str:
    return f"http://127.0.0.1:{room.port}/{room.links.token(kind)}"


def shown(page: Any) -> str:
    return str(page.eval_on_selector("#time", "e => e.textContent"))


def test_timer_page_follows_the_console(
    browser: Any, live: tuple[SessionController, Room, Session], qtbot: QtBot
) -> None:
    ctl, room, session = live
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(url(room, "timer"))
    page.wait_for_function("() => document.body.className.indexOf('mode-idle') >= 0")
    assert ctl.next_free_chair()
    settle(room, qtbot)
    page.wait_for_function("() => document.body.className.indexOf('mode-timer') >= 0")
    assert session.turn is not None and session.turn.timer.is_running  # Next starts the newcomer's time
    page.wait_for_function("() => document.body.className.indexOf('phase-running') >= 0")
    speaker = page.text_content("#speaker")
    assert speaker
    first = shown(page)
    page.wait_for_function(f"() => document.getElementById('time').textContent !== {first!r}", timeout=3000)

    assert ctl.toggle_timer()  # pause

    settle(room, qtbot)
    page.wait_for_function("() => document.body.className.indexOf('paused') >= 0")
    paused_at = shown(page)
    assert page.text_content("#badge") in ("Paused", "Pause")
    page.wait_for_timeout(1200)
    assert shown(page) == paused_at, "paused means the phone's time stands still too"

    assert ctl.adjust_time(30)  # +

    settle(room, qtbot)
    minutes, seconds = (int(x) for x in paused_at.split(":"))
    total = minutes * 60 + seconds + 30
    page.wait_for_function(f"() => document.getElementById('time').textContent === '{total // 60}:{total % 60:02d}'")

    assert ctl.set_stage(message="Bitte zum Mikrofon")

    settle(room, qtbot)
    page.wait_for_function("() => document.getElementById('message').textContent === 'Bitte zum Mikrofon'")
    assert ctl.toggle_blank()  # B
    settle(room, qtbot)
    page.wait_for_function("() => document.body.className.indexOf('mode-blank') >= 0")
    assert not page.is_visible("#time")
    assert ctl.toggle_blank()
    settle(room, qtbot)
    assert ctl.next_free_chair()  # N: one out, one in
    settle(room, qtbot)
    page.wait_for_function(f"() => document.getElementById('speaker').textContent !== {speaker!r}")
    page.close()


def test_audience_request_appears_is_accepted_and_shows_the_place(
    browser: Any, live: tuple[SessionController, Room, Session], qtbot: QtBot
) -> None:
    ctl, room, session = live
    hostile = "<img src=x onerror=alert(1)>"
    # a phone in none of the hall's languages follows the session's (a Turkish one stays Turkish: see
    # test_room_phone_languages.py)
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="fr-FR")
    dialogs: list[str] = []

    def dismiss(d: Any) -> None:
        dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dismiss)
    page.goto(url(room, "audience"))
    page.wait_for_function(
        "() => document.body.className.indexOf('mode-') >= 0 && document.body.className.indexOf('mode-connecting') < 0"
    )
    page.fill("#name", hostile)
    page.check("#consent")
    page.click("#send")
    qtbot.waitUntil(lambda: len(room.pending) == 1, timeout=5000)
    request = room.pending[0]
    assert request.name == hostile and request.consent
    assert room.accept(request.phone_id)
    joined = next(e.participant_id for e in session.queue if session.participant(e.participant_id).name == hostile)
    position = session.queue_position(joined)
    assert position is not None
    assert session.event.language == "de"  # the French phone follows the session's language
    expected = "Sie sind als Nächstes dran!" if position == 0 else f"Sie sind Nummer {position + 1} auf der Warteliste."
    page.wait_for_function(f"() => document.getElementById('mine_text').textContent === {expected!r}")
    assert page.text_content("#mine_name") == hostile
    assert page.eval_on_selector_all("img", "els => els.length") == 0 and dialogs == []
    from dataclasses import replace

    assert ctl.set_event(replace(session.event, language="en"))

    settle(room, qtbot)
    expected = "You are next!" if position == 0 else f"You are number {position + 1} in the queue."
    page.wait_for_function(f"() => document.getElementById('mine_text').textContent === {expected!r}")
    assert page.text_content("#withdraw") == "Withdraw my request"
    page.click("#withdraw")
    qtbot.waitUntil(lambda: session.queue_position(joined) is None, timeout=5000)
    page.close()


def test_control_page_needs_the_pin_then_drives_the_timer(
    browser: Any, live: tuple[SessionController, Room, Session], qtbot: QtBot
) -> None:
    ctl, room, session = live
    assert ctl.next_free_chair()
    page = browser.new_page(viewport={"width": 390, "height": 844})
    sockets: list[str] = []
    page.on("websocket", lambda ws: sockets.append(ws.url))
    page.goto(url(room, "control"))
    page.fill("#pin", "999999" if room.links.pin != "999999" else "888888")
    page.click("#pin_ok")
    page.wait_for_function("() => document.getElementById('pin_err').textContent !== ''")
    assert not page.is_visible("#b_toggle")
    page.fill("#pin", room.links.pin)
    page.click("#pin_ok")
    page.wait_for_selector("#b_toggle", state="visible")
    boxes = {b: page.locator(f"#{b}").bounding_box() for b in ("b_take", "b_add", "b_msg", "b_clear", "b_blank")}
    assert all(box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390 for box in boxes.values())
    take, add, show, clear = boxes["b_take"], boxes["b_add"], boxes["b_msg"], boxes["b_clear"]
    assert take and add and take["y"] == add["y"] and add["x"] > take["x"], "−30 s and +30 s side by side at 390 px"
    assert show and clear and show["y"] == clear["y"], "show and clear the message side by side"
    page.click("#b_toggle")
    qtbot.waitUntil(lambda: session.turn is not None and session.turn.timer.is_running, timeout=5000)
    assert sockets and not any(room.links.pin in u or "pin=" in u for u in sockets), "the PIN travelled in a URL"
    assert room.links.pin not in page.url
    page.close()


def test_page_says_when_the_connection_is_lost_and_comes_back(
    browser: Any, live: tuple[SessionController, Room, Session]
) -> None:
    ctl, room, session = live
    page = browser.new_page(viewport={"width": 1024, "height": 768}, locale="de-DE")
    page.goto(url(room, "timer"))
    page.wait_for_function("() => document.body.className.indexOf('mode-idle') >= 0")
    room.stop()
    page.wait_for_function("() => document.body.className.indexOf('lost') >= 0")
    assert page.is_visible("#conn")
    assert "Verbindung unterbrochen" in page.text_content("#conn")  # a German phone
    room.start("127.0.0.1")
    page.wait_for_function("() => document.body.className.indexOf('lost') < 0", timeout=10000)
    page.close()
