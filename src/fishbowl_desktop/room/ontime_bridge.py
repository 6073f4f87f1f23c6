"""The ontime bridge (issue 27, point 5): a venue that runs ontime for the whole programme sees the fishbowl's
current turn in it — one entry of ontime's rundown (the moderator names its ID) gets the speaker's name as its
title and the turn's time as its duration, and ontime's timer starts, pauses, gains or loses time, and stops
with the console's.

ontime is GPL-3 and runs as its own program: we only send it requests over its documented HTTP integration API
(`GET /api/<action>/…`: `change/<id>/title/<text>`, `change/<id>/duration/<seconds>`, `start/id/<id>`,
`load/id/<id>`, `start`, `pause`, `addtime/add|remove/<seconds>`, `stop`, `version`). Nothing of its code is here.

This module is Qt-free: what to send is a pure function of the turn as it was last sent and as it is now
(`requests_between`); `ontime_link.OntimeLink` sends on its own thread, one request at a time, each with a short
timeout, so a missing or slow ontime never holds up the console. Names follow the projector's privacy rules (the
caller gives the public name).
"""

from __future__ import annotations

import urllib.parse

from fishbowl_desktop.value_class import value_class

DEFAULT_URL = "http://127.0.0.1:4001"


@value_class
class OntimeSettings:
    """Whether and where to send the running turn to ontime."""

    on: bool = False
    url: str = DEFAULT_URL
    """ontime's address as its own window shows it (http://<laptop running ontime>:4001)."""
    event_id: str = ""
    """The ID of the rundown entry that stands for the fishbowl (ontime's editor shows it)."""

    def to_json(self) -> dict[str, object]:
        return {"on": self.on, "url": self.url, "event_id": self.event_id}


def url_problem(url: str) -> str | None:
    """An http:// address with a host, or "url"."""
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme != "http" or not parts.hostname or parts.path not in ("", "/") or parts.query:
        return "url"
    try:
        parts.port  # noqa: B018 - raises for a port that is no number
    except ValueError:
        return "url"
    return None


def event_id_problem(event_id: str) -> str | None:
    text = event_id.strip()
    if not text or len(text) > 64 or not all(ch.isalnum() or ch in "-_" for ch in text):
        return "event_id"
    return None


def read_ontime(data: object) -> OntimeSettings | None:
    if data is None:
        return OntimeSettings()
    if not isinstance(data, dict):
        return None
    on, url, event_id = data.get("on", False), data.get("url", DEFAULT_URL), data.get("event_id", "")
    if type(on) is not bool or not isinstance(url, str) or not isinstance(event_id, str) or url_problem(url):
        return None
    if event_id and event_id_problem(event_id):
        return None
    return OntimeSettings(on, url, event_id)


@value_class
class TurnSnapshot:
    """The turn as ontime should show it."""

    key: str
    """Which turn: changes with every new turn (person and start), "" while nobody has the floor."""
    title: str
    """The speaker's name as the projector shows it ("Gast" without consent)."""
    allotted: int
    """Whole seconds."""
    remaining: int
    """Whole seconds left now (what a setup in the middle of a turn gives ontime as the duration)."""
    running: bool
    fresh: bool
    """The turn's clock is at its full time (not started, or reset)."""


NOBODY = TurnSnapshot("", "", 0, 0, False, True)


def _q(text: str) -> str:
    return urllib.parse.quote(text, safe="")


def requests_between(before: TurnSnapshot, after: TurnSnapshot, event_id: str) -> list[str]:
    """The request paths that bring ontime from `before` to `after`."""
    entry = _q(event_id)
    if after.key == "":
        return [] if before.key == "" else ["/api/stop"]
    if after.key != before.key or (after.fresh and not before.fresh):
        # a new turn, or the same one reset to its full time: ontime's entry is set up and (re)loaded
        paths = [
            f"/api/change/{entry}/title/{_q(after.title)}",
            f"/api/change/{entry}/duration/{max(0, after.remaining)}",
        ]
        paths.append(f"/api/start/id/{entry}" if after.running else f"/api/load/id/{entry}")
        return paths
    paths = []
    if after.title != before.title:
        paths.append(f"/api/change/{entry}/title/{_q(after.title)}")
    change = after.allotted - before.allotted
    if change:
        paths.append(f"/api/addtime/add/{change}" if change > 0 else f"/api/addtime/remove/{-change}")
    if after.running != before.running:
        paths.append("/api/start" if after.running else "/api/pause")
    return paths
