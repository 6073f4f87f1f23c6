"""What the console loads before its first frame (issue 14): only what that frame needs.

The real entry point (`fishbowl-desktop`: `fishbowl_desktop.__main__.main`) starts in a child process on a
prepared home (the sample evening, closed cleanly, as the moderator leaves it after preparing); at the console
window's first paint the child writes `sys.modules` and closes. PDF layout, the event loop's asyncio/qasync, the
room's network code, the dialogs and CSV load later or on first use; each of them costs start-up time and memory
(benchmarks/README.md, "What the first frame costs").
"""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.first_paint import AT_FIRST_PAINT, start_watched

pytestmark = pytest.mark.slow  # one of the few slow modules: `pytest -m "not slow"` leaves it out

NOT_BEFORE_THE_FIRST_FRAME = (
    "reportlab",  # PDFs are laid out in the worker process
    "PIL",
    "uharfbuzz",
    "typst",  # the PDFs are typeset in the worker process
    "fishbowl_desktop.documents.typeset",
    "fishbowl_desktop.documents.worker",
    "multiprocessing",  # the PDF worker starts on the first export
    "asyncio",  # the event loop comes after the first frame
    "qasync",
    "ssl",
    "aiohttp",  # the room's server loads when the room is switched on
    "segno",
    "socket",  # the laptop's addresses: the room window and the handout's QR code ask for them
    "fishbowl_desktop.room.addresses",
    "PySide6.QtNetwork",  # only a second copy asks with it ("bring that window up"); Windows listens with it
    "secrets",  # maps OpenSSL (hashlib); the room's links need it, an evening without the room does not
    "hashlib",
    "importlib.metadata",  # only for a binding check before PySide6 is loaded
    "fishbowl_desktop.ui.event.event_dialog",
    "fishbowl_desktop.ui.shell.settings_dialog",
    "fishbowl_desktop.ui.people.csv_import_dialog",
    "fishbowl_desktop.ui.people.participant_dialog",
    "fishbowl_desktop.ui.room.room_window",
    "fishbowl_desktop.spreadsheets",  # CSV: on first use (spreadsheets/test_spreadsheets_lazy.py: also a search)
    "fishbowl_desktop.ui.people.equity_box",  # the statistics tab is built when it is first shown (issue 29)
    "fishbowl_desktop.model.equity",
    "statistics",  # with fractions and decimal: only the statistics tab's equity box needs them
    "uuid",  # with platform (~3 ms): a new person's id is six random bytes (model/participants.py)
    "platform",
    "importlib.readers",  # the assets are found from the package's file, not through importlib.resources (issue 29)
    "importlib.resources.readers",
    "fishbowl_desktop.ui.projector.probe",  # the end-to-end tests' probe: only with FISHBOWL_DESKTOP_PROBE set
    "fishbowl_desktop.ui.shell.set_aside",  # a start that set nothing aside says nothing about it
    "fishbowl_desktop.ui.widgets.set_aside",
)

CHILD = (
    """
import importlib.abc, importlib.util, json, linecache, sys
from fishbowl_desktop.__main__ import main  # the entry point's own modules: no Qt yet, as for `fishbowl-desktop`


def at_first_paint():
    kept = [name for name in linecache.cache if "fishbowl_desktop" in name]
    return {"modules": sorted(sys.modules), "sources_kept": kept, "lines": sorted(linecache.cache)}
"""
    + AT_FIRST_PAINT
)


def test_the_first_frame_loads_no_pdf_network_event_loop_or_dialog_code(tmp_path: Path) -> None:
    report = start_watched(CHILD, tmp_path)
    modules, kept = report["modules"], report["sources_kept"]
    assert isinstance(modules, list) and isinstance(kept, list)
    loaded = set(modules)
    assert "fishbowl_desktop.ui.shell.console_window" in loaded  # the probe saw the real console
    early = sorted(
        name
        for name in loaded
        if any(name == unwanted or name.startswith(unwanted + ".") for unwanted in NOT_BEFORE_THE_FIRST_FRAME)
    )
    assert early == [], f"loaded before the console's first frame: {early}"
    # PySide6 reads the source of every module imported after it; kept in linecache, that was ~5 MiB
    assert kept == [], f"sources held in memory: {kept[:5]} …"


def test_the_first_frame_keeps_no_source_lines_at_all(tmp_path: Path) -> None:
    """PySide6's check read enum.py, shiboken6's and PySide6's own __init__ while PySide6 was loading (before the
    light check is in place): 2,200 lines, 0.2 MiB kept all evening for nothing (issue 29)."""
    report = start_watched(CHILD, tmp_path)
    assert report["lines"] == [], f"source lines held in memory at the first frame: {report['lines']}"


ROOM_RUNTIME = (
    "fishbowl_desktop.room.service",  # the room itself: its server's switch, the phones' intents
    "fishbowl_desktop.room.audience_requests",
    "fishbowl_desktop.room.phones",
    "fishbowl_desktop.room.osc_service",  # the AV desk's OSC
    "fishbowl_desktop.room.ontime_service",  # the ontime bridge
    "fishbowl_desktop.room.reach",
    "fishbowl_desktop.room.state",
)


def test_the_first_frame_of_an_evening_without_the_room_loads_no_room_runtime(tmp_path: Path) -> None:
    """The room menu is on the first frame's menu bar, but the room behind it (the phones, the audience's
    requests, the desks' OSC and ontime: ~6 ms) is built when the moderator first asks for it, or at start when
    room.json says it was on (issue 29); the menu reads nothing but room.json before that."""
    report = start_watched(CHILD, tmp_path)
    modules = report["modules"]
    assert isinstance(modules, list)
    loaded = set(modules)
    assert "fishbowl_desktop.ui.room.room_menu" in loaded  # the menu is there
    early = sorted(name for name in ROOM_RUNTIME if name in loaded)
    assert early == [], f"the room's runtime loaded before the first frame: {early}"


def test_the_first_frame_on_a_laptop_without_room_json_loads_no_room_links(tmp_path: Path) -> None:
    """No room.json (the room was never switched on here): nothing to check or set aside at start, so the links'
    value classes and their readers (room.links with OSC's and ontime's settings, ~2 % of the start) stay out of
    the first frame (issue 29); a damaged room.json is still said at start
    (tests/startup/test_hostile_support_files.py)."""
    report = start_watched(CHILD, tmp_path)
    modules = report["modules"]
    assert isinstance(modules, list)
    loaded = set(modules)
    assert not (tmp_path / "home" / "room.json").exists()
    early = sorted(
        name
        for name in (
            "fishbowl_desktop.room.links",
            "fishbowl_desktop.room.osc_settings",
            "fishbowl_desktop.room.ontime_bridge",
        )
        if name in loaded
    )
    assert early == [], f"room.json's readers loaded before the first frame: {early}"
