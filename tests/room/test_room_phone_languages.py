"""Issue 28, point 5, in a real headless Chromium against the real server: every phone page (timer, audience,
control) in each of the hall's seven languages at 390×844, axe-core clean in every state; Arabic and Persian
right to left (the page mirrored, the time a left-to-right "12:34" in Western digits, nothing overflowing);
each phone in its browser's language whatever the event's, with a switch that this phone remembers.

FISHBOWL_ROOM_SHOTS=/some/folder keeps a screenshot of every state checked (see test_room_phone_pages).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pytest
import test_room_phone_pages as pages
from pytestqt.qtbot import QtBot
from test_room_phone_pages import Hall, axe_clean, page_of, text, wait_text

from fishbowl_desktop.model import OrderingRule, RuleChain
from fishbowl_desktop.room import request_limits
from fishbowl_desktop.stage.texts import RIGHT_TO_LEFT, hall_texts

hall = pages.hall
LOCALES = {"de": "de-DE", "en": "en-GB", "tr": "tr-TR", "ar": "ar-SY", "uk": "uk-UA", "ru": "ru-RU", "fa": "fa-IR"}
TIME = r"^\+?[0-9]+:[0-9][0-9]$"

LAYOUT = """() => {
  const html = document.documentElement, t = document.getElementById('time'), r = document.createRange();
  r.selectNodeContents(t); const box = r.getBoundingClientRect();
  const chars = [];
  for (let i = 0; t.firstChild && i < t.textContent.length; i++) {
    const c = document.createRange(); c.setStart(t.firstChild, i); c.setEnd(t.firstChild, i + 1);
    chars.push(c.getBoundingClientRect().left);
  }
  const outside = [...document.querySelectorAll('body *')].filter(e => {
    const b = e.getBoundingClientRect();
    return e.offsetParent !== null && b.width > 0 && (b.left < -1 || b.right > innerWidth + 1);
  }).map(e => e.id || e.tagName);
  return {lang: html.lang, dir: html.dir, bodyDir: getComputedStyle(document.body).direction,
          timeDir: getComputedStyle(t).direction, time: t.textContent, left: box.left, right: box.right,
          width: innerWidth, wide: html.scrollWidth > innerWidth, outside: outside,
          inOrder: chars.every((x, i) => i === 0 || x > chars[i - 1])};
}"""


def check_layout(page: Any, lang: str, state: str) -> None:
    """The page speaks `lang` in its direction; the time, where shown, reads left to right inside the phone."""
    got = page.evaluate(LAYOUT)
    rtl = lang in RIGHT_TO_LEFT
    assert got["lang"] == lang and got["dir"] == ("rtl" if rtl else "ltr"), (state, got)
    assert got["bodyDir"] == ("rtl" if rtl else "ltr"), (state, got)
    assert not got["wide"] and got["outside"] == [], (state, got)
    assert got["timeDir"] == "ltr", (state, got)
    if got["time"]:
        assert re.match(TIME, got["time"]), (state, got)
        assert got["inOrder"], f"{state}: the time's characters run left to right: {got}"
        assert got["left"] >= 0 and got["right"] <= got["width"], (state, got)


def check_start_side(page: Any, lang: str, selector: str, state: str) -> None:
    """A form's label starts at the right in Arabic and Persian, at the left otherwise; the language switch
    sits at the other end."""
    label = page.eval_on_selector(selector, "e => { const b = e.getBoundingClientRect(); return [b.left, b.right]; }")
    pick = page.eval_on_selector(
        "#lang_pick", "e => { const b = e.getBoundingClientRect(); return [b.left, b.right]; }"
    )
    width = page.evaluate("() => innerWidth")
    if lang in RIGHT_TO_LEFT:
        assert label[1] > width - 30 and pick[0] < width / 2, (state, label, pick)
    else:
        assert label[0] < 30 and pick[1] > width / 2, (state, label, pick)


def words(lang: str, key: str, n: object = None) -> str:
    s = hall_texts()[lang][key]
    return s if n is None else s.replace("{n}", str(n))


def phone(browser: Any, hall: Hall, kind: str, lang: str, **context: Any) -> Any:
    return page_of(browser, hall, kind, locale=LOCALES[lang], **context)


@pytest.mark.parametrize("lang", list(LOCALES))
def test_the_audience_page_in_every_language(
    browser: Any, hall: Hall, qtbot: QtBot, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(request_limits, "PHONE_INTERVAL_S", 0.0)
    assert hall.ctl.set_settings(replace(hall.session.settings, ordering=RuleChain.of(OrderingRule.ALTERNATE_GROUPS)))
    page = phone(browser, hall, "audience", lang)
    hall.until(page, "() => document.getElementById('group').offsetParent !== null")
    assert text(page, "#ask_title") == words(lang, "ask_title"), "the phone's language, not the event's (German)"
    assert text(page, "#next").startswith(words(lang, "next"))
    check_layout(page, lang, f"{lang}-audience-form")
    check_start_side(page, lang, "#name_label", f"{lang}-audience-form")
    own = "e => getComputedStyle(e).direction"
    assert page.eval_on_selector("#topic", own) == "ltr", "the event's German question keeps its '?' at its end"
    assert page.eval_on_selector("#title", own) == "ltr"
    axe_clean(page, f"{lang}-audience-01-form")
    page.fill("#name", "   ")
    page.click("#send")
    wait_text(hall, page, "#err", words(lang, "e_name"))
    axe_clean(page, f"{lang}-audience-02-error")
    page.fill("#name", "Şule Öztürk")
    page.check("#consent")
    page.click("#send")
    qtbot.waitUntil(lambda: len(hall.room.pending) == 1, timeout=5000)
    wait_text(hall, page, "#mine_text", words(lang, "pending"))
    axe_clean(page, f"{lang}-audience-03-pending")
    assert hall.room.accept(hall.room.pending[0].phone_id)
    sule = next(p for p in hall.session.participants if p.name == "Şule Öztürk")
    position = hall.session.queue_position(sule.id)
    assert position is not None and position > 0
    wait_text(hall, page, "#mine_text", words(lang, "queued", position + 1))
    check_layout(page, lang, f"{lang}-audience-queued")
    axe_clean(page, f"{lang}-audience-04-queued")
    while hall.session.queue_position(sule.id) not in (0, None):
        assert hall.ctl.dequeue(hall.session.queue[0].participant_id)
    wait_text(hall, page, "#mine_text", words(lang, "you_next"))
    assert hall.ctl.next_free_chair()
    wait_text(hall, page, "#mine_text", words(lang, "turn"))
    hall.until(page, "() => document.body.className.indexOf('phase-running') >= 0")
    assert text(page, "#detail") == words(lang, "free_chair")
    check_layout(page, lang, f"{lang}-audience-turn")
    axe_clean(page, f"{lang}-audience-05-turn-timer")
    assert hall.ctl.adjust_time(-100_000)
    hall.until(page, "() => document.body.className.indexOf('phase-overtime') >= 0")
    wait_text(hall, page, "#badge", words(lang, "time_up"))
    hall.until(page, "() => document.getElementById('time').textContent.indexOf('+') === 0")
    check_layout(page, lang, f"{lang}-audience-overtime")
    axe_clean(page, f"{lang}-audience-06-overtime")
    page.context.close()


@pytest.mark.parametrize("lang", list(LOCALES))
def test_the_timer_page_in_every_language(browser: Any, hall: Hall, lang: str) -> None:
    page = phone(browser, hall, "timer", lang)
    wait_text(hall, page, "#speaker", words(lang, "idle"))
    check_layout(page, lang, f"{lang}-timer-idle")
    axe_clean(page, f"{lang}-timer-01-idle")
    assert hall.ctl.next_free_chair()
    hall.until(page, "() => document.body.className.indexOf('phase-running') >= 0")
    check_layout(page, lang, f"{lang}-timer-running")
    axe_clean(page, f"{lang}-timer-02-running")
    turn = hall.session.turn
    assert turn is not None
    assert hall.ctl.adjust_time(-(turn.timer.remaining(hall.session.clock.monotonic()) - turn.timer.warning + 5))
    hall.until(page, "() => document.body.className.indexOf('phase-warning') >= 0")
    warning = page.evaluate("() => document.getElementById('badge').textContent")
    assert warning in {
        words(lang, "warning_minute"),
        words(lang, "warning_minutes", turn.timer.warning // 60),
        words(lang, "warning_seconds", round(turn.timer.warning)),
    }, warning
    axe_clean(page, f"{lang}-timer-03-warning")
    assert hall.ctl.toggle_timer()
    wait_text(hall, page, "#badge", words(lang, "paused"))
    axe_clean(page, f"{lang}-timer-04-paused")
    assert hall.ctl.toggle_timer()
    assert hall.ctl.adjust_time(-100_000)
    assert hall.ctl.set_stage(message="Bitte zum Schluss kommen")
    hall.until(page, "() => document.body.className.indexOf('phase-overtime') >= 0")
    hall.until(page, "() => document.getElementById('time').textContent.indexOf('+') === 0")
    check_layout(page, lang, f"{lang}-timer-overtime")
    axe_clean(page, f"{lang}-timer-05-overtime-message")
    page.context.close()


@pytest.mark.parametrize("lang", list(LOCALES))
def test_the_control_page_speaks_the_phone_s_language_locked_and_unlocked(browser: Any, hall: Hall, lang: str) -> None:
    page = phone(browser, hall, "control", lang)
    assert text(page, "#pin_title") == words(lang, "pin_title") and text(page, "#pin_label") == words(lang, "pin_label")
    check_layout(page, lang, f"{lang}-control-locked")
    check_start_side(page, lang, "#pin_label", f"{lang}-control-locked")
    axe_clean(page, f"{lang}-control-01-locked")
    page.fill("#pin", "999999" if hall.room.links.pin != "999999" else "888888")
    page.click("#pin_ok")
    wait_text(hall, page, "#pin_err", words(lang, "pin_bad"))
    axe_clean(page, f"{lang}-control-02-wrong-pin")
    page.fill("#pin", hall.room.links.pin)
    page.click("#pin_ok")
    hall.until(page, "() => document.getElementById('b_toggle').offsetParent !== null")
    assert text(page, "#b_next") == words(lang, "b_next"), "still the phone's language once the event's state came"
    check_layout(page, lang, f"{lang}-control-unlocked")
    axe_clean(page, f"{lang}-control-03-unlocked")
    page.context.close()


def test_the_switch_changes_the_language_at_once_and_the_phone_remembers_it(browser: Any, hall: Hall) -> None:
    page = phone(browser, hall, "audience", "en")
    assert text(page, "#send") == words("en", "send")
    page.select_option("#lang_pick", "ar")
    wait_text(hall, page, "#send", words("ar", "send"))
    assert page.evaluate("() => [document.documentElement.lang, document.documentElement.dir]") == ["ar", "rtl"]
    page.reload()
    wait_text(hall, page, "#send", words("ar", "send"))
    assert page.evaluate("() => document.getElementById('lang_pick').value") == "ar"
    timer = page.context.new_page()  # the same phone opens another link: the same choice
    timer.goto(hall.url("timer"))
    wait_text(hall, timer, "#speaker", words("ar", "idle"))
    page.select_option("#lang_pick", "uk")
    wait_text(hall, page, "#send", words("uk", "send"))
    assert page.evaluate("() => document.documentElement.dir") == "ltr"
    page.context.close()


def test_a_phone_in_none_of_the_hall_s_languages_follows_the_event(browser: Any, hall: Hall) -> None:
    page = page_of(browser, hall, "audience", locale="fr-FR")
    wait_text(hall, page, "#send", words("de", "send"))
    assert hall.ctl.set_event(replace(hall.session.event, language="en"))
    wait_text(hall, page, "#send", words("en", "send"))
    turkish = phone(browser, hall, "audience", "tr")
    assert text(turkish, "#send") == words("tr", "send"), "a Turkish phone stays Turkish"
    page.context.close()
    turkish.context.close()
