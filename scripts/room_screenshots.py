"""Screenshots of the room's timer and audience pages in headless Chromium, for looking at by eye.

Every timer state (idle, ready, running, warning, overtime, paused, message, blank, countdown) and the
audience page's states, at phone (390×844) and tablet (1024×768) size, in German and English. The server
binds 127.0.0.1 only.

    PYTHONPATH=src QT_QPA_PLATFORM=offscreen python scripts/room_screenshots.py OUTDIR
"""

from __future__ import annotations

import socket
import sys
import tempfile
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.model import SystemClock
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.room.service import Room
from fishbowl_desktop.settings import AppSettings

SIZES = {"phone": (390, 844), "tablet": (1024, 768)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def main(out: Path) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    _app = QApplication.instance() or QApplication([])
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for lang in ("de", "en"):
            session = demo_session(SystemClock())
            ctl = SessionController(session)
            ctl.set_event(replace(session.event, language=lang))
            ticker = TimerTicker(ctl)
            settings = AppSettings()
            room = Room(ctl, ticker, lambda settings=settings: settings, Path(tempfile.mkdtemp()))
            room.set_port(free_port())
            room.start("127.0.0.1")
            base = f"http://127.0.0.1:{room.port}/"
            pages = {}
            for size, (w, h) in SIZES.items():
                for kind in ("timer", "audience"):
                    page = browser.new_page(viewport={"width": w, "height": h}, locale=lang)
                    page.goto(base + room.links.token(kind))
                    pages[(size, kind)] = page

            def shoot(state: str, kinds: tuple[str, ...] = ("timer", "audience"), pages=pages, lang=lang) -> None:
                for (size, kind), page in pages.items():
                    if kind in kinds:
                        page.wait_for_timeout(150)
                        page.screenshot(path=str(out / f"{kind}-{state}-{size}-{lang}.png"))

            shoot("idle")
            ctl.set_stage(countdown_to=session.clock.now() + timedelta(minutes=4, seconds=59))
            shoot("countdown", ("timer",))
            ctl.set_stage(countdown_to=None)
            ctl.next_free_chair()
            ctl.toggle_timer()
            ctl.reset_timer()
            shoot("ready", ("timer",))
            ctl.toggle_timer()
            shoot("running")
            ctl.toggle_timer()
            shoot("paused", ("timer",))
            ctl.toggle_timer()
            turn = session.turn
            assert turn is not None
            ctl.adjust_time(-(turn.timer.allotted - 20))
            shoot("warning", ("timer",))
            ctl.adjust_time(-30)
            shoot("overtime", ("timer",))
            ctl.set_stage(message="Bitte Handys auf lautlos / Please silence phones")
            shoot("message", ("timer",))
            ctl.set_stage(message="")
            ctl.toggle_blank()
            shoot("blank", ("timer",))
            ctl.toggle_blank()
            # the audience page: the form, then a request pending, queued, next, and the turn
            for size in SIZES:
                page = pages[(size, "audience")]
                page.fill("#name", "<img src=x onerror=alert(1)> Şule")
                page.check("#consent")
                page.click("#send")
            page.wait_for_timeout(300)
            QApplication.processEvents()
            for _ in range(20):
                QApplication.processEvents()
                page.wait_for_timeout(50)
            shoot("pending", ("audience",))
            for request in list(room.pending):
                room.accept(request.phone_id)
            shoot("queued", ("audience",))
            while session.queue and session.participant(session.queue[0].participant_id).name[:4] != "<img":
                ctl.dequeue(session.queue[0].participant_id)
            shoot("next", ("audience",))
            ctl.next_free_chair()
            shoot("turn", ("audience",))
            for page in pages.values():
                page.close()
            room.stop()
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "room-shots"))
