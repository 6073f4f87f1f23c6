"""The room's three links (timer, audience, control), the control PIN and the room's own settings.

Kept in the app's data folder (owner-only, 0600), never in the session file: organisers pass session files
on, and a link in someone else's hands would let them into the next evening. Links survive a crash and a
restart, so a printed handout with the audience QR code keeps working; "New links" replaces them all.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

KINDS = ("timer", "audience", "control")
DEFAULT_PORT = 8765
LINKS_FILE = "room.json"
PIN_DIGITS = 6


def new_token() -> str:
    """128 bits from the OS's cryptographic source, URL-safe."""
    import secrets  # here: it maps OpenSSL (hashlib, ~4 MiB), which an evening without the room never needs

    return secrets.token_urlsafe(16)


def new_pin() -> str:
    import secrets

    return "".join(secrets.choice("0123456789") for _ in range(PIN_DIGITS))


@dataclass(frozen=True)
class RoomLinks:
    timer: str = field(default_factory=new_token)
    audience: str = field(default_factory=new_token)
    control: str = field(default_factory=new_token)
    pin: str = field(default_factory=new_pin)
    port: int = DEFAULT_PORT
    accept_directly: bool = False
    """Audience requests go straight into the queue instead of waiting for the moderator's yes."""
    on: bool = False
    """The room was on when the app last quit or died: it comes back on by itself (printed QR codes work)."""

    def token(self, kind: str) -> str:
        return {"timer": self.timer, "audience": self.audience, "control": self.control}[kind]

    def kind_of(self, token: str) -> str | None:
        """Which link a token opens; compared in constant time so timing tells a stranger nothing."""
        import secrets

        found = None
        for kind in KINDS:
            if secrets.compare_digest(token.encode(), self.token(kind).encode()):
                found = kind
        return found

    def renewed(self) -> RoomLinks:
        """New tokens and a new PIN; the port and the audience choice stay."""
        return RoomLinks(port=self.port, accept_directly=self.accept_directly, on=self.on)

    def with_port(self, port: int) -> RoomLinks:
        if not 1024 <= port <= 65535:
            raise ValueError(port)
        return replace(self, port=port)


def _valid(data: object) -> RoomLinks | None:
    if not isinstance(data, dict):
        return None
    try:
        links = RoomLinks(
            timer=str(data["timer"]),
            audience=str(data["audience"]),
            control=str(data["control"]),
            pin=str(data["pin"]),
            port=int(data.get("port", DEFAULT_PORT)),
            accept_directly=bool(data.get("accept_directly", False)),
            on=data.get("on") is True,
        )
    except (KeyError, TypeError, ValueError):
        return None
    tokens = [links.timer, links.audience, links.control]
    if any(len(t) < 16 for t in tokens) or len(set(tokens)) != 3 or not links.pin.isdigit():
        return None
    if not 1024 <= links.port <= 65535:
        return None
    return links


def load_links(folder: Path) -> RoomLinks:
    """The stored links, or fresh ones (saved at once) when there are none or the file is unreadable."""
    path = folder / LINKS_FILE
    try:
        links = _valid(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError):
        links = None
    if links is None:
        links = RoomLinks()
        try:
            save_links(links, folder)
        except OSError:
            pass  # the room still works tonight; the links just won't survive a restart
    return links


def save_links(links: RoomLinks, folder: Path) -> None:
    """Atomically, and readable by the owner only from the first byte on."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LINKS_FILE
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(asdict(links), f, indent=1)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o600)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
