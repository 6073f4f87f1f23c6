"""The AV desk's OSC settings: whether OSC is on, the port it listens on, the desk it sends the state to, and the
addresses allowed to send commands.

Kept with the room's links in room.json (owner-only, never in the session file: a session file travels, the
venue's network does not). Addresses are IP literals only: a venue without internet has no name server to ask,
and a lookup that hangs must never stall the evening. Each check returns the moderator's words for what is wrong,
so the room window can say it beside the field and keep what was there.
"""

from __future__ import annotations

import ipaddress
from dataclasses import field

from fishbowl_desktop.value_class import value_class

DEFAULT_LISTEN_PORT = 9000
DEFAULT_TARGET_PORT = 9001
MAX_ALLOWED = 32


@value_class
class OscSettings:
    """Whether, where and from whom the room takes OSC commands and sends its state."""

    on: bool = False
    """Off until the moderator switches it on (issue 27: off by default)."""
    port: int = DEFAULT_LISTEN_PORT
    """The UDP port OSC commands arrive on."""
    target: str = ""
    """The desk's IPv4 address the state goes to; "" sends nothing."""
    target_port: int = DEFAULT_TARGET_PORT
    allowed: tuple[str, ...] = field(default_factory=tuple)
    """Addresses (or networks, 192.168.1.0/24) whose commands are taken; from anyone else nothing is read."""

    def to_json(self) -> dict[str, object]:
        return {
            "on": self.on,
            "port": self.port,
            "target": self.target,
            "target_port": self.target_port,
            "allowed": list(self.allowed),
        }

    def allows(self, host: str) -> bool:
        try:
            sender = ipaddress.ip_address(host)
        except ValueError:
            return False
        return any(sender in ipaddress.ip_network(entry, strict=False) for entry in self.allowed)


def port_problem(port: object) -> str | None:
    if type(port) is not int or not 1024 <= port <= 65535:
        return "port"
    return None


def target_problem(host: str) -> str | None:
    """ "" (no target) or an IPv4 address a datagram can go to; "target" otherwise."""
    if host == "":
        return None
    try:
        address = ipaddress.IPv4Address(host)
    except ValueError:
        return "target"
    if address.is_unspecified or address.is_multicast:
        return "target"
    return None


def parse_allowed(text: str) -> tuple[tuple[str, ...], str | None]:
    """The whitelist typed as "192.168.1.20, 192.168.1.0/24": the entries, and the first one refused (or None)."""
    entries: list[str] = []
    for raw in text.replace(";", ",").replace("\n", ",").split(","):
        entry = raw.strip()
        if not entry:
            continue
        try:
            network = ipaddress.ip_network(entry, strict=False)
        except ValueError:
            return tuple(entries), entry
        shown = str(network.network_address) if network.num_addresses == 1 else str(network)
        if shown not in entries:
            entries.append(shown)
    if len(entries) > MAX_ALLOWED:
        return tuple(entries[:MAX_ALLOWED]), entries[MAX_ALLOWED]
    return tuple(entries), None


def read_osc(data: object) -> OscSettings | None:
    """The settings as stored, or None when they are not ours (the caller keeps OSC off and says so)."""
    if data is None:
        return OscSettings()
    if not isinstance(data, dict):
        return None
    on, port = data.get("on", False), data.get("port", DEFAULT_LISTEN_PORT)
    target, target_port = data.get("target", ""), data.get("target_port", DEFAULT_TARGET_PORT)
    allowed = data.get("allowed", [])
    if type(on) is not bool or port_problem(port) or port_problem(target_port):
        return None
    if not isinstance(target, str) or target_problem(target):
        return None
    if not isinstance(allowed, list) or not all(isinstance(a, str) for a in allowed):
        return None
    entries, refused = parse_allowed(",".join(allowed))
    if refused is not None:
        return None
    assert isinstance(port, int) and isinstance(target_port, int)
    return OscSettings(on, port, target, target_port, entries)
