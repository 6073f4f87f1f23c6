"""room-phones.json: what it keeps, that it is private, that a burst is written as its newest state, and that
a damaged or hostile file is never trusted (room/phones.py)."""

from __future__ import annotations

import os
from pathlib import Path

from fishbowl_desktop.room.phones import PHONES_FILE, AudienceRequest, LedgerWriter, PhoneLedger, load_ledger

PHONE = "phone-file-abcdefghijk"


def test_round_trip_and_owner_only(tmp_path: Path) -> None:
    ledger = PhoneLedger(
        [AudienceRequest(PHONE, "Şule Öztürk", "FLINTA*", True)], {PHONE + "2": "aud-01"}, {PHONE + "3"}
    )
    writer = LedgerWriter(tmp_path)
    writer.submit(ledger.to_bytes())
    writer.flush()
    assert writer.saved(ledger.to_bytes()) and writer.error is None
    assert load_ledger(tmp_path) == ledger
    if os.name == "posix":
        assert (tmp_path / PHONES_FILE).stat().st_mode & 0o077 == 0, "phone ids are keys: owner only"


def test_a_burst_ends_as_its_newest_state(tmp_path: Path) -> None:
    writer = LedgerWriter(tmp_path)
    last = b""
    for n in range(50):
        last = PhoneLedger([AudienceRequest(PHONE, f"Name {n}", "", False)]).to_bytes()
        writer.submit(last)
    writer.flush()
    assert (tmp_path / PHONES_FILE).read_bytes() == last
    assert load_ledger(tmp_path).pending[0].name == "Name 49"


def test_a_damaged_or_hostile_file_is_not_trusted(tmp_path: Path) -> None:
    (tmp_path / PHONES_FILE).write_bytes(b"{not json")
    assert load_ledger(tmp_path) == PhoneLedger()
    (tmp_path / PHONES_FILE).write_text(
        '{"pending": [{"phone": "x", "name": "A"}, {"phone": "' + PHONE + '", "name": "bell\\u0007"},'
        ' {"phone": "' + PHONE + '", "name": " Ada  L ", "group": 3}, {"phone": "' + PHONE + '", "name": "Ada"},'
        ' {"phone": "' + PHONE + '", "name": "Twice"}],'
        ' "joined": {"bad id": "p1", "' + PHONE + '": 7, "' + PHONE + '2": "aud-01"}, "declined": ["?", 5]}',
        encoding="utf-8",
    )
    ledger = load_ledger(tmp_path)
    assert ledger.pending == [AudienceRequest(PHONE, "Ada", "", False)]
    assert ledger.joined == {PHONE + "2": "aud-01"} and ledger.declined == set()
