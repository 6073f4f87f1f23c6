"""Issue 28, point 1: the phone's "your place" stays true when the queue's chain of rules re-orders the queue.

The room reads each phone's place from the session's queue, the same list the console's rows show: a real
server on 127.0.0.1, a real aiohttp client as the phone, the real console's Room, the chain changed through
the controller as the chain editor does."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from pytestqt.qtbot import QtBot

from fishbowl_desktop.model import OrderingRule, Role, RuleChain, SeatKind, Session, SpeechRecord
from fishbowl_desktop.model.chain import FAIR_FLOOR
from fishbowl_desktop.room.service import Room
from fishbowl_desktop.ui.queue.queue_model import REASON_ROLE
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
from helpers.phone import audience_phone, mine_of

ADA, BOB = "phone-chain-ada-abcdefgh", "phone-chain-bob-abcdefgh"


def settle(room: Room, qtbot: QtBot) -> None:
    """The room sends a change to the phones when the event loop's turn ends (one publish per intent)."""
    qtbot.waitUntil(lambda: not room.publish_pending, timeout=5000)


def test_the_phones_place_follows_the_chain_like_the_consoles_rows(
    window: ConsoleWindow, demo: Session, room: Room, qtbot: QtBot
) -> None:
    ctl = window.controller  # the room's console (tests/room/conftest.py)
    waiting = [e.participant_id for e in demo.queue]  # the demo's three, first come
    for pid in waiting[1:]:  # the second and third have spoken before
        person = demo.participant(pid)
        demo.log.append(
            SpeechRecord(
                pid, 4, SeatKind.FREE, demo.clock.now() - timedelta(minutes=20), 95, 120, Role.AUDIENCE, person.group
            )
        )
    for phone, name in ((ADA, "Ada Lovelace"), (BOB, "Bob Marley")):
        asyncio.run(audience_phone(room, phone, [{"t": "request", "name": name}], read=1))
        qtbot.waitUntil(lambda: len(room.pending) == 1, timeout=5000)
        assert room.accept(phone)
        settle(room, qtbot)
    ada = next(p.id for p in demo.participants if p.name == "Ada Lovelace")
    assert mine_of(room, ADA) == {"st": "queued", "pos": 4}  # first come: after the demo's three

    assert ctl.set_ordering(RuleChain.of(OrderingRule.NEW_VOICES_FIRST))
    settle(room, qtbot)
    # the head keeps its safe place; the two new voices from the phones go before those who spoke
    assert [e.participant_id for e in demo.queue][1] == ada
    model = window.queue_panel.model
    for phone in (ADA, BOB):
        mine = mine_of(room, phone)
        row = mine["pos"] - 1
        assert mine["st"] == "queued"
        assert demo.participant(model.participant_id(row)).name in ("Ada Lovelace", "Bob Marley")
        assert room.status_of(phone) == mine
    assert mine_of(room, ADA) == {"st": "queued", "pos": 2}
    assert model.data(model.index(1, 0), REASON_ROLE) == "new voice"

    ctl.set_ordering(FAIR_FLOOR)
    settle(room, qtbot)
    for phone in (ADA, BOB):
        mine = mine_of(room, phone)
        pid = next(p.id for p in demo.participants if p.name == ("Ada Lovelace" if phone == ADA else "Bob Marley"))
        assert mine == {"st": "queued", "pos": (demo.queue_position(pid) or 0) + 1}
        assert model.participant_id(mine["pos"] - 1) == pid
    ctl.undo_stack.undo()
    ctl.undo_stack.undo()
    settle(room, qtbot)
    assert mine_of(room, ADA) == {"st": "queued", "pos": 4}  # undo re-orders, and the phone follows
