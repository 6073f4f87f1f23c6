"""Issue 22, points 5–7, in a real headless Chromium against the real server on 127.0.0.1: the phone after a
restart and while offline, axe-core over every page state in German and English (any violation of any impact
fails), focus, live regions, reduced motion, keyboard alone, 200 % zoom, and "+m:ss" in DejaVu Sans at 390 px.

Set FISHBOWL_ROOM_SHOTS=/some/folder to keep a 390×844 screenshot of every state checked.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.model import OrderingRule, RuleChain, SystemClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.room import request_limits
from fishbowl_desktop.room.phones import PHONES_FILE
from fishbowl_desktop.room.service import Room
from fishbowl_desktop.settings import AppSettings
from helpers.ports import free_port

AXE = Path(__file__).parent / "axe" / "axe.min.js"
PHONE = {"width": 390, "height": 844}


class Hall:
    """The console's side: a session, its controller and the room, which can be killed and started again."""

    def __init__(self, folder: Path, qtbot: QtBot):
        self.folder = folder
        self.qtbot = qtbot
        self.session = demo_session(SystemClock())  # the page counts on the real clock, like a phone in the hall
        self.ctl = SessionController(self.session)
        self.ticker = TimerTicker(self.ctl)
        self.settings = AppSettings()
        self.room = self._room()
        self.room.set_port(free_port())
        self.room.start("127.0.0.1")
        self.port = self.room.port

    def _room(self) -> Room:
        return Room(self.ctl, self.ticker, lambda: self.settings, self.folder)

    def kill(self) -> None:
        server = self.room._server
        assert server is not None
        server.stop()  # no orderly stop of the Room: what was on disk is all the next start has
        self.room._server = None

    def restart(self) -> None:
        self.room = self._room()
        self.room.start("127.0.0.1")
        assert self.room.port == self.port

    def until(self, page: Any, js: str, timeout: int = 15000) -> None:
        """Wait for the page while the console's event loop runs (what phones send reaches the Room through it)."""
        self.qtbot.waitUntil(lambda: bool(page.evaluate(js)), timeout=timeout)

    def url(self, kind: str) -> str:
        return f"http://127.0.0.1:{self.port}/{self.room.links.token(kind)}"


@pytest.fixture
def hall(qtbot: QtBot, tmp_path: Path) -> Iterator[Hall]:
    h = Hall(tmp_path, qtbot)
    yield h
    h.room.stop()


def page_of(browser: Any, hall: Hall, kind: str, **context: Any) -> Any:
    context.setdefault("locale", "de-DE")  # a phone set to German (each phone speaks its own language)
    ctx = browser.new_context(viewport=context.pop("viewport", PHONE), bypass_csp=True, **context)
    page = ctx.new_page()
    page.goto(hall.url(kind))
    if kind == "control":  # connects only after the PIN
        hall.until(page, "() => document.getElementById('pin_title').textContent !== ''")
    else:
        hall.until(page, "() => document.body.className.indexOf('mode-connecting') < 0")
    return page


def text(page: Any, selector: str) -> str:
    return str(page.text_content(selector) or "")


def wait_text(hall: Hall, page: Any, selector: str, expected: str) -> None:
    hall.qtbot.waitUntil(lambda: text(page, selector) == expected, timeout=15000)


def axe_clean(page: Any, state: str) -> None:
    """axe-core's full rule set on what the page shows now; any violation of any impact fails."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # as text, not path=: Playwright reads a path on an executor thread of its loop that outlives the test
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    found = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]]) for v in result]
    shots = os.environ.get("FISHBOWL_ROOM_SHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        # as bytes, not path=: Playwright writes a path on an executor thread of its loop that outlives the test
        (Path(shots) / f"{state}.png").write_bytes(page.screenshot())
    assert found == [], f"{state}: {found}"


# ---------------------------------------------------------------------- point 5 in the browser
def test_a_phone_shows_its_true_state_after_the_app_is_killed_and_restarted(
    browser: Any, hall: Hall, qtbot: QtBot
) -> None:
    queued = page_of(browser, hall, "audience")
    pending = page_of(browser, hall, "audience")
    queued.fill("#name", "Ada Lovelace")
    queued.click("#send")
    qtbot.waitUntil(lambda: len(hall.room.pending) == 1, timeout=5000)
    assert hall.room.accept(hall.room.pending[0].phone_id)
    ada = next(p for p in hall.session.participants if p.name == "Ada Lovelace")
    position = hall.session.queue_position(ada.id)
    assert position is not None
    place = "Sie sind als Nächstes dran!" if position == 0 else f"Sie sind Nummer {position + 1} auf der Warteliste."
    wait_text(hall, queued, "#mine_text", place)
    pending.fill("#name", "Grace Hopper")
    pending.click("#send")
    wait_text(hall, pending, "#mine_text", "Ihre Meldung ist angekommen. Die Moderation entscheidet gleich.")
    qtbot.waitUntil(hall.room.phones_saved, timeout=5000)

    hall.kill()
    hall.until(queued, "() => document.body.className.indexOf('lost') >= 0", timeout=10000)
    hall.restart()
    assert [r.name for r in hall.room.pending] == ["Grace Hopper"], "the pending request is back on the console"
    hall.until(queued, "() => document.body.className.indexOf('lost') < 0", timeout=15000)
    wait_text(hall, queued, "#mine_text", place)
    assert queued.is_visible("#withdraw")
    queued.click("#withdraw")
    qtbot.waitUntil(lambda: hall.session.queue_position(ada.id) is None, timeout=5000)
    wait_text(hall, queued, "#note", "Sie haben Ihre Meldung zurückgezogen.")
    assert queued.is_visible("#name"), "the form is back: the phone may ask again"

    wait_text(hall, pending, "#mine_text", "Ihre Meldung ist angekommen. Die Moderation entscheidet gleich.")
    assert hall.room.accept(hall.room.pending[0].phone_id)
    hall.until(pending, "() => document.getElementById('mine_text').textContent.indexOf('Sie sind') === 0")

    hall.kill()  # and this time the room's memory of its phones is lost too
    (hall.folder / PHONES_FILE).unlink()
    hall.restart()
    wait_text(hall, pending, "#note", "Ihre Meldung steht nicht mehr auf der Liste. Sie können sich erneut melden.")
    assert pending.is_visible("#send") and not pending.is_visible("#withdraw")
    for p in (queued, pending):
        p.context.close()


def test_a_request_made_offline_says_sent_only_when_the_server_has_it(browser: Any, hall: Hall, qtbot: QtBot) -> None:
    page = page_of(browser, hall, "audience")
    hall.room.stop()
    hall.until(page, "() => document.body.className.indexOf('lost') >= 0", timeout=10000)
    page.fill("#name", "Grace Hopper")
    page.click("#send")
    shown = text(page, "#mine_text")
    assert shown.startswith("Noch nicht gesendet"), shown
    assert "angekommen" not in text(page, "body")
    hall.qtbot.wait(300)  # the console's loop runs: nothing may arrive while the phone is offline
    assert hall.room.pending == []
    hall.room.start("127.0.0.1")
    wait_text(hall, page, "#mine_text", "Ihre Meldung ist angekommen. Die Moderation entscheidet gleich.")
    assert [r.name for r in hall.room.pending] == ["Grace Hopper"]
    page.context.close()


def test_declined_is_no_dead_end_even_after_a_reload(browser: Any, hall: Hall, qtbot: QtBot) -> None:
    page = page_of(browser, hall, "audience")
    page.fill("#name", "Ada Lovelace")
    page.click("#send")
    qtbot.waitUntil(lambda: len(hall.room.pending) == 1, timeout=5000)
    hall.room.decline(hall.room.pending[0].phone_id)
    declined = "Die Moderation konnte Ihre Meldung diesmal nicht annehmen. Sie können sich erneut melden."
    wait_text(hall, page, "#note", declined)
    assert page.is_visible("#send")
    page.reload()
    wait_text(hall, page, "#note", declined)
    assert page.is_visible("#send")
    page.context.close()


# ---------------------------------------------------------------------- point 6: axe over every state
def _set_language(hall: Hall, lang: str) -> None:
    if hall.session.event.language != lang:
        assert hall.ctl.set_event(replace(hall.session.event, language=lang))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_axe_finds_nothing_on_any_audience_state(
    browser: Any, hall: Hall, qtbot: QtBot, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(request_limits, "PHONE_INTERVAL_S", 0.0)  # asking again at once; its own tests check it
    _set_language(hall, lang)
    page = page_of(browser, hall, "audience")
    axe_clean(page, f"audience-{lang}-01-form")
    assert hall.ctl.set_settings(replace(hall.session.settings, ordering=RuleChain.of(OrderingRule.ALTERNATE_GROUPS)))
    hall.until(page, "() => document.getElementById('group').offsetParent !== null")
    axe_clean(page, f"audience-{lang}-02-form-with-groups")
    page.fill("#name", "   ")
    page.click("#send")
    hall.until(page, "() => document.getElementById('err').textContent !== ''")
    axe_clean(page, f"audience-{lang}-03-error")
    page.fill("#name", "Ada Lovelace")
    page.click("#send")
    qtbot.waitUntil(lambda: len(hall.room.pending) == 1, timeout=5000)
    hall.until(page, "() => document.body.className.indexOf('st-pending') >= 0")
    assert page.evaluate("() => document.activeElement.id") == "mine_text", "focus follows the submit"
    axe_clean(page, f"audience-{lang}-04-pending")
    phone = hall.room.pending[0].phone_id
    hall.room.decline(phone)
    hall.until(page, "() => document.getElementById('note').textContent !== ''")
    axe_clean(page, f"audience-{lang}-05-declined")
    page.click("#send")
    qtbot.waitUntil(lambda: len(hall.room.pending) == 1, timeout=5000)
    assert hall.room.accept(phone)
    ada = next(p for p in hall.session.participants if p.name == "Ada Lovelace")
    hall.until(page, "() => document.body.className.indexOf('st-queued') >= 0")
    axe_clean(page, f"audience-{lang}-06-queued")
    while hall.session.queue_position(ada.id) not in (0, None):
        first = hall.session.queue[0].participant_id
        assert hall.ctl.dequeue(first)
    hall.until(page, "() => document.body.className.indexOf('st-next') >= 0")
    axe_clean(page, f"audience-{lang}-07-next")
    assert hall.ctl.next_free_chair()
    hall.until(page, "() => document.body.className.indexOf('st-turn') >= 0")
    hall.until(page, "() => document.body.className.indexOf('phase-running') >= 0")
    axe_clean(page, f"audience-{lang}-08-turn-timer")
    assert hall.ctl.adjust_time(-100_000)
    hall.until(page, "() => document.body.className.indexOf('phase-overtime') >= 0")
    axe_clean(page, f"audience-{lang}-09-overtime")
    assert hall.ctl.next_free_chair()  # she leaves the chair: thanks, and the form again
    hall.until(page, "() => document.body.className.indexOf('ask-open') >= 0")
    axe_clean(page, f"audience-{lang}-10-thanks")
    page.fill("#name", "Ada Lovelace")
    page.click("#send")
    hall.until(page, "() => document.body.className.indexOf('st-pending') >= 0")
    page.click("#withdraw")
    hall.until(page, "() => document.getElementById('note').textContent !== ''")
    assert page.evaluate("() => document.activeElement.id") == "note", "focus follows the withdraw"
    axe_clean(page, f"audience-{lang}-11-withdrawn")
    hall.room.stop()
    hall.until(page, "() => document.body.className.indexOf('lost') >= 0", timeout=10000)
    axe_clean(page, f"audience-{lang}-12-lost")
    page.click("#send")
    hall.until(page, "() => document.body.className.indexOf('st-unsent') >= 0")
    axe_clean(page, f"audience-{lang}-13-not-sent-offline")
    page.context.close()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_axe_finds_nothing_on_any_timer_state(browser: Any, hall: Hall, lang: str) -> None:
    _set_language(hall, lang)
    page = page_of(browser, hall, "timer")
    axe_clean(page, f"timer-{lang}-01-idle")
    assert hall.ctl.next_free_chair()
    hall.until(page, "() => document.body.className.indexOf('phase-running') >= 0")
    axe_clean(page, f"timer-{lang}-02-running")
    assert hall.ctl.toggle_timer()
    hall.until(page, "() => document.body.className.indexOf('paused') >= 0")
    axe_clean(page, f"timer-{lang}-03-paused")
    turn = hall.session.turn
    assert turn is not None
    assert hall.ctl.adjust_time(-(turn.timer.remaining(hall.session.clock.monotonic()) - turn.timer.warning + 5))
    assert hall.ctl.toggle_timer()
    hall.until(page, "() => document.body.className.indexOf('phase-warning') >= 0")
    axe_clean(page, f"timer-{lang}-04-warning")
    assert hall.ctl.adjust_time(-100_000)
    assert hall.ctl.set_stage(message="Bitte zum Mikrofon")
    hall.until(page, "() => document.body.className.indexOf('phase-overtime') >= 0")
    axe_clean(page, f"timer-{lang}-05-overtime-message")
    assert hall.ctl.toggle_blank()
    hall.until(page, "() => document.body.className.indexOf('mode-blank') >= 0")
    axe_clean(page, f"timer-{lang}-06-blank")
    assert hall.ctl.toggle_blank()
    hall.room.stop()
    hall.until(page, "() => document.body.className.indexOf('lost') >= 0", timeout=10000)
    axe_clean(page, f"timer-{lang}-07-lost")
    hall.room.start("127.0.0.1")
    hall.until(page, "() => document.body.className.indexOf('lost') < 0", timeout=15000)
    hall.room.new_links()
    hall.until(page, "() => document.getElementById('conn').textContent !== ''", timeout=10000)
    axe_clean(page, f"timer-{lang}-08-revoked")
    page.context.close()


@pytest.mark.parametrize("lang", ["de", "en"])
def test_axe_finds_nothing_on_any_control_state_and_focus_follows_the_unlock(
    browser: Any, hall: Hall, lang: str
) -> None:
    _set_language(hall, lang)
    page = page_of(browser, hall, "control")
    axe_clean(page, f"control-{lang}-01-locked")
    page.fill("#pin", "999999" if hall.room.links.pin != "999999" else "888888")
    page.click("#pin_ok")
    hall.until(page, "() => document.getElementById('pin_err').textContent !== ''")
    assert page.evaluate("() => document.activeElement.id") == "pin", "a wrong PIN: back to the field"
    axe_clean(page, f"control-{lang}-02-wrong-pin")
    page.context.close()
    page = page_of(browser, hall, "control")
    page.fill("#pin", hall.room.links.pin)
    page.keyboard.press("Enter")
    hall.until(page, "() => document.getElementById('b_toggle').offsetParent !== null")
    hall.until(page, "() => document.activeElement.id === 'b_toggle'")
    axe_clean(page, f"control-{lang}-03-unlocked")
    page.context.close()


# ---------------------------------------------------------------------- point 6: use
def test_the_audience_page_works_by_keyboard_alone_at_200_percent_zoom(browser: Any, hall: Hall, qtbot: QtBot) -> None:
    """200 % zoom on a 390 px phone is a 195 CSS px wide page: nothing scrolls sideways, all is reachable."""
    page = page_of(browser, hall, "audience", viewport={"width": 195, "height": 422}, device_scale_factor=2)
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "lang_pick", "the language switch comes first"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "name"
    page.keyboard.type("Ada Lovelace")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # the consent box
    page.keyboard.press("Enter")
    qtbot.waitUntil(lambda: len(hall.room.pending) == 1, timeout=5000)
    assert hall.room.pending[0].consent
    hall.until(page, "() => document.body.className.indexOf('st-pending') >= 0")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "withdraw"
    page.keyboard.press("Enter")
    qtbot.waitUntil(lambda: not hall.room.pending, timeout=5000)
    hall.until(page, "() => document.activeElement.id === 'note'")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.id") == "name", "straight back to asking again"
    page.context.close()


def test_status_changes_are_announced_and_the_overtime_frame_never_blinks_for_reduced_motion(
    browser: Any, hall: Hall
) -> None:
    page = page_of(browser, hall, "audience", reduced_motion="reduce")
    said = page.eval_on_selector("#said", "e => [e.getAttribute('role'), e.getAttribute('aria-live')]")
    assert said == ["status", "polite"]
    assert page.eval_on_selector("#said", "e => e.contains(document.getElementById('mine_text'))")
    assert page.eval_on_selector("#said", "e => e.contains(document.getElementById('note'))")
    assert page.evaluate("() => document.querySelectorAll('h1').length") == 1
    assert page.evaluate("() => !!document.querySelector('main') && !!document.querySelector('header')")
    assert hall.ctl.next_free_chair()
    assert hall.ctl.adjust_time(-100_000)
    hall.until(page, "() => document.body.className.indexOf('phase-overtime') >= 0")
    frames = set()
    for _ in range(12):  # three seconds of a flashing projector setting
        frames.add("frame" in str(page.evaluate("() => document.body.className")))
        page.wait_for_timeout(250)
    assert frames == {True}, "a steady frame, never blinking"
    page.context.close()


# ---------------------------------------------------------------------- point 7
@pytest.mark.parametrize("kind", ["timer", "audience"])
def test_overtime_fits_a_390_px_phone_in_dejavu_sans(browser: Any, hall: Hall, kind: str) -> None:
    page = page_of(browser, hall, kind)
    page.add_style_tag(content="body, .time { font-family: 'DejaVu Sans' !important; }")
    page.evaluate("() => window.dispatchEvent(new Event('resize'))")
    assert hall.ctl.next_free_chair()
    assert hall.ctl.adjust_time(-100_000)
    hall.until(page, "() => document.body.className.indexOf('phase-overtime') >= 0")
    hall.until(page, "() => document.getElementById('time').textContent.indexOf('+0:0') === 0")
    box = page.evaluate(
        """() => { const e = document.getElementById('time'), r = document.createRange();
                   r.selectNodeContents(e); const b = r.getBoundingClientRect();
                   return [b.left, b.right, window.innerWidth, e.scrollWidth, e.clientWidth,
                           parseFloat(getComputedStyle(e).fontSize)]; }"""
    )
    left, right, width, scroll, client, size = box
    assert left >= 0 and right <= width and scroll <= client, box
    assert size >= 60, f"still large: {box}"
    page.context.close()


def test_timer_and_control_pages_at_200_percent_zoom_never_scroll_sideways(browser: Any, hall: Hall) -> None:
    wide = "() => document.documentElement.scrollWidth <= window.innerWidth"
    zoomed = {"viewport": {"width": 195, "height": 422}, "device_scale_factor": 2}
    assert hall.ctl.next_free_chair()
    assert hall.ctl.set_stage(message="Bitte kommen Sie langsam zum Schluss, Integrationsbeauftragte*r")
    timer = page_of(browser, hall, "timer", **zoomed)
    hall.until(timer, "() => document.body.className.indexOf('phase-running') >= 0")
    assert timer.evaluate(wide)
    assert hall.ctl.adjust_time(-100_000)
    hall.until(timer, "() => document.body.className.indexOf('phase-overtime') >= 0")
    assert timer.evaluate(wide)
    timer.context.close()
    control = page_of(browser, hall, "control", **zoomed)
    assert control.evaluate(wide)
    control.keyboard.press("Tab")
    assert control.evaluate("() => document.activeElement.id") == "lang_pick"
    control.keyboard.press("Tab")
    assert control.evaluate("() => document.activeElement.id") == "pin"
    control.keyboard.type(hall.room.links.pin)
    control.keyboard.press("Enter")
    hall.until(control, "() => document.activeElement.id === 'b_toggle'")
    assert control.evaluate(wide)
    control.keyboard.press("Enter")  # start / pause, by keyboard alone
    hall.qtbot.waitUntil(lambda: hall.session.turn is not None and not hall.session.turn.timer.is_running)
    control.context.close()
