"""The Bitfocus Companion module (integrations/companion, issue 27 point 3): its own tests under Node, run against
the real console's room on 127.0.0.1 — every key of a Stream Deck goes through Companion's IPC into the module,
over the desk's HTTP API into the console, and what the keys show is read back from the API.

Skips with a reason where Node or the module's node_modules are missing (`npm ci` in integrations/companion;
.ci/run does it where Node is present)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fishbowl_desktop.room.api_doc import openapi
from fishbowl_desktop.room.service import Room
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow

MODULE = Path(__file__).parents[2] / "integrations" / "companion"
NODE = shutil.which("node")


def _missing() -> str:
    if NODE is None:
        return "node is not installed (the Companion module's tests run under Node)"
    if not (MODULE / "node_modules" / "@companion-module" / "base").is_dir():
        return "the Companion module's dependencies are not installed: run `npm ci` in integrations/companion"
    return ""


def test_the_module_ships_the_apis_description() -> None:
    """The module defines its actions from this copy until the console answers (scripts/api_doc.py writes both)."""
    shipped = json.loads((MODULE / "src" / "openapi.json").read_text("utf-8"))
    assert shipped == openapi(), "integrations/companion/src/openapi.json is stale: run scripts/api_doc.py"


@pytest.mark.slow
@pytest.mark.skipif(bool(_missing()), reason=_missing() or "-")
def test_the_companion_module_under_node_against_the_real_console(
    qtbot: QtBot, room: Room, window: ConsoleWindow, tmp_path: Path
) -> None:
    assert NODE is not None
    ctl = window.controller
    steps = ctl.undo_stack.count()
    env = {**os.environ, "FISHBOWL_API_URL": f"http://127.0.0.1:{room.port}", "FISHBOWL_API_TOKEN": room.links.api}
    files = sorted(str(p.relative_to(MODULE)) for p in (MODULE / "test").glob("*.test.js"))
    report = tmp_path / "node-test.txt"
    with report.open("wb") as out:  # a file, not a pipe: no reader thread outlives the test
        node = subprocess.Popen(
            [NODE, "--test", "--test-concurrency=1", *files], cwd=MODULE, env=env, stdout=out, stderr=subprocess.STDOUT
        )
        try:
            qtbot.waitUntil(lambda: node.poll() is not None, timeout=300_000)  # the console's loop runs meanwhile
        finally:
            if node.poll() is None:
                node.kill()
            node.wait()
    text = report.read_text("utf-8", errors="replace")
    assert node.returncode == 0, text
    for name in ("a key runs each command on the console", "the right one connects", "reconnects by itself"):
        assert re.search(rf"^\s*ok \d+ - .*{name}", text, re.MULTILINE), f"not run: {name}\n{text}"
    assert ctl.undo_stack.count() > steps  # the keys reached the session: Next, the time taken and given, reset
    assert ctl.session.turn is None and ctl.session.log.as_tuple()  # the turn ended and is in the log
