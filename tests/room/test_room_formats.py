"""The phones say which format is on (issue 28, point 3): the state names it, a real phone asking while the
fishbowl is closed is told so at once and nothing reaches the console, and in a real Chromium at 390×844 the
audience page shows a plain "closed" instead of the request form, which comes back when the moderator opens."""

from __future__ import annotations

import asyncio
import json
import os
import threading
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.model import Opening, Session, SystemClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.room.service import Room
from fishbowl_desktop.room.state import room_state
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.stage.timer_view import timer_view
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.ports import free_port

SHOTS = os.environ.get("FISHBOWL_SHOTS")
"""A folder to keep the phones' screenshots in, to look at them (unset: they are not kept)."""


def ask(room: Room, name: str, qtbot: QtBot, phone_number: int) -> dict[str, Any]:
    """One phone asks for a place; what it heard after asking (an error, or its request's state). The phone runs
    on a thread of its own while the console's loop turns: the console decides on a closed fishbowl."""

    async def main() -> dict[str, Any]:
        base = f"http://127.0.0.1:{room.port}"
        async with aiohttp.ClientSession() as c:
            ws = await c.ws_connect(
                f"{base}/{room.links.audience}/ws?phone=formatsPhone{phone_number:04d}", origin=base
            )
            await ws.receive_str()
            await ws.send_json({"t": "request", "name": name, "consent": True})
            reply: dict[str, Any] = {}
            try:
                while not reply:
                    data = json.loads(await ws.receive_str(timeout=5))
                    if data["t"] == "error" or (data["t"] == "mine" and data["m"]["st"] != "none"):
                        reply = data
            except TimeoutError:
                pass
            await ws.close()
            return reply

    heard: list[dict[str, Any]] = []
    phone = threading.Thread(target=lambda: heard.append(asyncio.run(main())))
    phone.start()
    qtbot.waitUntil(lambda: not phone.is_alive(), timeout=15000)
    phone.join()
    return heard[0]


def test_the_state_names_the_format_in_every_mode(demo: Session) -> None:
    ctl = SessionController(demo)
    settings = AppSettings()
    for opening, words in (
        (Opening.CLOSED, "Geschlossene Fishbowl"),
        (Opening.FREE_CHAIR, "Offene Fishbowl"),
        (Opening.TAP_OUT, "Tap-out"),
    ):
        assert ctl.set_opening(opening)
        state = room_state(demo, timer_view(demo), settings, 0.0)
        assert state["fmt"] == opening.value and state["fmt_text"].startswith(words)
    assert ctl.toggle_blank()
    assert room_state(demo, timer_view(demo), settings, 0.0)["fmt"] == "tap_out"  # the audience page needs it


def test_the_closed_fishbowl_lists_nobody_as_next(demo: Session) -> None:
    ctl = SessionController(demo)
    assert demo.queue and room_state(demo, timer_view(demo), AppSettings(), 0.0)["next"]
    assert ctl.set_opening(Opening.CLOSED)
    assert room_state(demo, timer_view(demo), AppSettings(), 0.0)["next"] == ""


def test_a_phone_asking_while_closed_is_told_and_nothing_reaches_the_console(
    room: Room, window: ConsoleWindow, qtbot: QtBot
) -> None:
    assert window.controller.set_opening(Opening.CLOSED)
    assert ask(room, "Bülent", qtbot, 1) == {"t": "error", "e": "shut"}
    qtbot.wait(300)  # a batch's time: nothing may arrive
    assert room.pending == []
    assert window.controller.set_opening(Opening.FREE_CHAIR)
    assert ask(room, "Bülent", qtbot, 2)["t"] == "mine"
    qtbot.waitUntil(lambda: len(room.pending) == 1, timeout=5000)


@pytest.mark.slow
def test_the_audience_page_says_closed_plainly_and_offers_the_form_again_when_opened(
    browser: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    session = demo_session(SystemClock())
    ctl = SessionController(session)
    settings = AppSettings()
    room = Room(ctl, TimerTicker(ctl), lambda: settings, tmp_path)
    room.set_port(free_port())
    room.start("127.0.0.1")
    pages: list[Any] = []  # each in a context of its own, as a phone of its own
    try:
        page = browser.new_page(viewport={"width": 390, "height": 844}, locale="de-DE")
        pages.append(page)
        page.goto(f"http://127.0.0.1:{room.port}/{room.links.token('audience')}")
        page.wait_for_function("() => document.body.className.indexOf('ask-open') >= 0")
        assert page.is_visible("#send") and not page.is_visible("#shut")

        assert ctl.set_opening(Opening.CLOSED)
        qtbot.waitUntil(lambda: not room.publish_pending)
        page.wait_for_function("() => document.getElementById('shut').textContent !== ''")
        assert page.text_content("#shut", timeout=5000).startswith("Geschlossen:")
        assert page.is_visible("#shut") and not page.is_visible("#send") and not page.is_visible("#name")
        assert page.text_content("#next") == "Geschlossene Fishbowl · das Publikum hört zu"
        if SHOTS:
            page.screenshot(path=str(Path(SHOTS) / "phone-audience-closed.png"))

        assert ctl.set_opening(Opening.FREE_CHAIR)
        qtbot.waitUntil(lambda: not room.publish_pending)
        page.wait_for_function("() => document.body.className.indexOf('ask-open') >= 0")
        assert page.is_visible("#send") and not page.is_visible("#shut")
        if SHOTS:
            page.screenshot(path=str(Path(SHOTS) / "phone-audience-open.png"))

        timer = browser.new_page(viewport={"width": 390, "height": 844}, locale="de-DE")
        pages.append(timer)
        assert ctl.set_opening(Opening.TAP_OUT)
        timer.goto(f"http://127.0.0.1:{room.port}/{room.links.token('timer')}")
        timer.wait_for_function("() => document.body.className.indexOf('mode-idle') >= 0")
        assert timer.text_content("#next", timeout=5000).startswith("Als Nächstes:")  # the queue is next
        for pid in [e.participant_id for e in session.queue]:
            assert ctl.dequeue(pid)
        qtbot.waitUntil(lambda: not room.publish_pending)
        timer.wait_for_function("() => document.getElementById('next').textContent.indexOf('Tap-out') === 0")
        if SHOTS:
            timer.screenshot(path=str(Path(SHOTS) / "phone-timer-tap-out.png"))

        control = browser.new_page(viewport={"width": 390, "height": 844}, locale="de-DE")
        pages.append(control)
        control.goto(f"http://127.0.0.1:{room.port}/{room.links.token('control')}")
        control.fill("#pin", room.links.pin)
        control.click("#pin_ok")
        control.wait_for_selector("#b_close", state="visible")
        assert control.text_content("#b_close") == "Fishbowl schließen"
        close, opened = control.locator("#b_close").bounding_box(), control.locator("#b_open").bounding_box()
        assert close and opened and close["y"] == opened["y"], "closed and open side by side at 390 px"
        assert opened["x"] + opened["width"] <= 390
        control.click("#b_close")
        qtbot.waitUntil(lambda: session.settings.opening is Opening.CLOSED, timeout=5000)
        qtbot.waitUntil(lambda: not room.publish_pending)
        control.wait_for_function("() => document.getElementById('b_close').getAttribute('aria-pressed') === 'true'")
        control.click("#b_open")
        qtbot.waitUntil(lambda: session.settings.opening is Opening.FREE_CHAIR, timeout=5000)
        if SHOTS:
            control.screenshot(path=str(Path(SHOTS) / "phone-control.png"))
    finally:
        for phone_page in pages:
            phone_page.close()
        room.stop()
