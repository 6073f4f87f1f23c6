"""Issue 28, point 6: the interpreters' read-only link. What it shows (who speaks, who is next, who sits in the
circle, each one's language) under the projector's privacy rules; only interpreter phones get it, over the real
server; a room.json from before the link gains one and keeps every printed link; and in a real Chromium it
follows the console live, in the phone's language, axe-clean.
"""

from __future__ import annotations

import asyncio
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import test_room_phone_pages as pages
from pytestqt.qtbot import QtBot
from test_room_phone_pages import Hall, axe_clean, page_of, text

from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.room.interpreters import interpreter_view
from fishbowl_desktop.room.links import LINKS_FILE, RoomLinks, read_links
from fishbowl_desktop.room.server import RoomServer
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.stage.texts import hall_texts

PHONE = "phone-abcdefghijklmnop"
hall = pages.hall


def _with_languages(session: Session) -> None:
    for person, language in zip(session.participants, ("Türkçe", "DGS", "العربية", "Українська"), strict=False):
        session.update_participant(person.with_changes(language=language))


def shows(hall: Hall, page: Any, selector: str, expected: str) -> None:
    """Wait, while the console's loop runs, until `selector` exists and reads `expected` (Playwright's own wait
    for a missing element would block the loop that sends the update)."""
    js = f"() => {{ const e = document.querySelector({selector!r}); return !!e && e.textContent === {expected!r}; }}"
    hall.until(page, js)


def test_the_view_names_only_who_consented_and_says_everyone_s_language() -> None:
    session = demo_session(FakeClock())
    _with_languages(session)
    waiting = session.next_in_queue(4)
    first = waiting[0]
    session.update_participant(first.with_changes(consent_to_list=False, language="Farsi"))
    view = interpreter_view(session, AppSettings())
    assert view["now"] is None
    assert view["next"][0] == {"name": None, "lang": "Farsi", "role": f"role_{first.role.value}"}, "a guest, unnamed"
    assert [p["name"] for p in view["next"][1:]] == [p.name if p.consent_to_list else None for p in waiting[1:]]
    seated = [s.occupant for s in session.seats if s.occupant is not None]
    assert len(view["circle"]) == len(seated)
    assert {p["lang"] for p in view["circle"]} >= {"Türkçe"} or all("lang" in p for p in view["circle"])
    assert "organisation" not in json.dumps(view) and all(set(p) == {"name", "lang", "role"} for p in view["circle"])
    session.next_free_chair()
    turn = session.turn
    assert turn is not None
    view = interpreter_view(session, AppSettings(projector_first_names_only=True))
    speaker = session.participant(turn.participant_id)
    assert view["now"]["lang"] == "Farsi" and view["now"]["role"] == "free_chair"
    assert all(p["name"] is None or " " not in p["name"] for p in view["next"]), "first names only, as projected"
    assert speaker.id not in json.dumps(view)


async def _first_messages(url: str, origin: str, n: int) -> list[dict[str, Any]]:
    async with aiohttp.ClientSession() as c:
        ws = await c.ws_connect(url, origin=origin)
        got = [json.loads((await ws.receive(timeout=15)).data) for _ in range(n)]
        await ws.close()
        return got


def test_only_the_interpreters_link_gets_who_speaks_which_language() -> None:
    links = RoomLinks()
    server = RoomServer(links, lambda *_a: None, lambda _c: None)
    server.start("127.0.0.1", 0)
    try:
        who = {"now": None, "next": [{"name": "Şule", "lang": "Türkçe", "role": "role_audience"}], "circle": []}
        server.publish({"mode": "idle", "lang": "de", "title": "Hainholz", "at": 0}, {}, set(), 0, who)
        origin = f"http://127.0.0.1:{server.port}"

        def url(kind: str) -> str:
            return f"{origin}/{links.token(kind)}/ws?phone={PHONE}"

        first = asyncio.run(_first_messages(url("interpreter"), origin, 2))
        assert [m["t"] for m in first] == ["state", "interp"] and first[1]["i"] == who
        for kind in ("timer", "audience"):

            async def watch(kind: str = kind) -> list[dict[str, Any]]:
                async with aiohttp.ClientSession() as c:
                    ws = await c.ws_connect(url(kind), origin=origin)
                    seen = [json.loads((await ws.receive(timeout=15)).data)]
                    # a new state after new interpreter data: whatever came in between, this phone got it
                    server.publish({"mode": "idle", "lang": "de", "title": "Neu", "at": 0}, {}, set(), 0, {"now": None})
                    while seen[-1].get("s", {}).get("title") != "Neu":
                        seen.append(json.loads((await ws.receive(timeout=15)).data))
                    await ws.close()
                    return seen

            assert "interp" not in [m["t"] for m in asyncio.run(watch())], f"the {kind} link never hears of it"
            server.publish({"mode": "idle", "lang": "de", "title": "Hainholz", "at": 0}, {}, set(), 0, who)
    finally:
        server.stop()


def test_a_room_json_from_before_the_interpreters_link_gains_one_and_keeps_the_printed_ones(tmp_path: Path) -> None:
    old = asdict(RoomLinks())
    del old["interpreter"]
    (tmp_path / LINKS_FILE).write_text(json.dumps(old), encoding="utf-8")
    stored, refusal = read_links(tmp_path)
    assert refusal is None and stored is not None and stored.interpreter == ""
    completed = stored.completed()
    assert completed.interpreter and completed.interpreter not in (stored.timer, stored.audience, stored.control)
    assert (completed.timer, completed.audience, completed.control, completed.pin, completed.api) == (
        stored.timer,
        stored.audience,
        stored.control,
        stored.pin,
        stored.api,
    )
    same = dict(old, interpreter=old["audience"])
    (tmp_path / LINKS_FILE).write_text(json.dumps(same), encoding="utf-8")
    assert read_links(tmp_path)[1] is not None, "an interpreters' link equal to the audience's is refused"


@pytest.mark.parametrize("lang", ["de", "ar"])
def test_the_interpreters_page_follows_the_console_live(browser: Any, hall: Hall, qtbot: QtBot, lang: str) -> None:
    words = hall_texts()[lang]
    _with_languages(hall.session)
    first, second = hall.session.next_in_queue(2)
    assert hall.ctl.update_participant(first.with_changes(language="Türkçe", consent_to_list=True))
    assert hall.ctl.update_participant(second.with_changes(language="", consent_to_list=False))
    page = page_of(browser, hall, "interpreter", locale={"de": "de-DE", "ar": "ar-SY"}[lang])
    hall.until(page, "() => document.getElementById('i_next').textContent.indexOf('Türkçe') >= 0")
    assert text(page, "#i_title") == words["i_title"]
    assert text(page, "#i_next .who_name") == first.name and text(page, "#i_now") == words["i_nobody"]
    assert page.evaluate("() => document.documentElement.dir") == ("rtl" if lang == "ar" else "ltr")
    axe_clean(page, f"{lang}-interpreter-01-waiting")
    assert hall.ctl.next_free_chair()
    shows(hall, page, "#i_now .who_lang", "Türkçe")
    shows(hall, page, "#i_next .who_name", words["guest"])
    assert text(page, "#i_next .who_lang") == words["i_unknown"], "no language given: said so, in the phone's words"
    axe_clean(page, f"{lang}-interpreter-02-speaking")
    assert hall.ctl.update_participant(hall.session.participant(second.id).with_changes(language="DGS"))
    shows(hall, page, "#i_next .who_lang", "DGS")
    assert hall.ctl.toggle_blank()
    hall.until(page, "() => document.body.className.indexOf('mode-blank') >= 0")
    assert page.is_visible("#i_now"), "the projector's blank screen does not blank the interpreters"
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    page.context.close()


def test_the_room_window_shows_the_interpreters_link_and_a_room_json_before_it_gains_one(
    window: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    from fishbowl_desktop.room.service import Room
    from fishbowl_desktop.ui.room.room_window import RoomWindow

    old = asdict(RoomLinks())
    del old["interpreter"]
    (tmp_path / LINKS_FILE).write_text(json.dumps(old), encoding="utf-8")
    room = Room(window.controller, window.ticker, lambda: window.settings, tmp_path, window)
    assert room.links.interpreter and read_links(tmp_path)[0] == room.links, "made once and kept"
    assert room.links.audience == old["audience"], "the printed audience QR code keeps working"
    dialog = RoomWindow(room, window)
    qtbot.addWidget(dialog)
    assert room.links.interpreter in dialog.url_labels["interpreter"].text()
    assert not dialog.qr_labels["interpreter"].pixmap().isNull()
