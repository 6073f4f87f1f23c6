"""A command from the AV desk (the HTTP API, OSC), run exactly as its key runs it, with the answer a desk can use:
whether the session took it and, if not, the reason the moderator would read in the console's message bar."""

from __future__ import annotations

from collections.abc import Mapping

from fishbowl_desktop.commands import api_commands
from fishbowl_desktop.controller import SessionController


def run_for_desk(controller: SessionController, name: str, values: Mapping[str, object]) -> tuple[bool, str]:
    found = next((c for c in api_commands() if c.name == name), None)
    if found is None:
        return False, "no such command for the desk"
    refusals: list[str] = []
    controller.errorRaised.connect(refusals.append)
    try:
        ok = found.run(controller, values) is not False
    finally:
        controller.errorRaised.disconnect(refusals.append)
    return ok and not refusals, refusals[0] if refusals else ""
