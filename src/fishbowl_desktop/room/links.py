"""The room's links (timer, audience, control, interpreters), the control PIN and the room's own settings.

Kept in the app's data folder (owner-only, 0600), never in the session file: organisers pass session files
on, and a link in someone else's hands would let them into the next evening. Links survive a crash and a
restart, so a printed handout with the audience QR code keeps working; "New links" replaces them all. A damaged
or weak room.json is set aside and said, never silently replaced (see read_links).
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, field, replace
from pathlib import Path

from fishbowl_desktop.atomic_file import write_atomically
from fishbowl_desktop.room.ontime_bridge import OntimeSettings, read_ontime
from fishbowl_desktop.room.osc_settings import OscSettings, read_osc
from fishbowl_desktop.support_file import Refusal, SupportFileRefused, read_support_json, require_object
from fishbowl_desktop.value_class import value_class

KINDS = ("timer", "audience", "control", "interpreter")
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


@value_class
class RoomLinks:
    """The room's secret links, PIN, port and desk settings, kept in room.json."""

    timer: str = field(default_factory=new_token)
    audience: str = field(default_factory=new_token)
    control: str = field(default_factory=new_token)
    pin: str = field(default_factory=new_pin)
    port: int = DEFAULT_PORT
    accept_directly: bool = False
    """Audience requests go straight into the queue instead of waiting for the moderator's yes."""
    on: bool = False
    """The room was on when the app last quit or died: it comes back on by itself (printed QR codes work)."""
    api: str = field(default_factory=new_token)
    """The AV desk's bearer token for the HTTP API (room/api.py); never a page's link. "" in a room.json written
    before the API: the room then makes one and keeps it."""
    lower: str = field(default_factory=new_token)
    """The lower third's token (a vision mixer's browser source: `/lower/<token>`); "" in an older room.json."""
    osc: OscSettings = field(default_factory=OscSettings)
    """The AV desk's OSC (room/osc_settings.py): off unless switched on in the room window."""
    ontime: OntimeSettings = field(default_factory=OntimeSettings)
    """The ontime bridge (room/ontime_bridge.py): off unless switched on in the room window."""
    interpreter: str = field(default_factory=new_token)
    """The interpreters' read-only link: who speaks, who is next, and each one's language. "" in a room.json
    written before it: the room then makes one and keeps it (the printed audience QR code stays)."""

    def token(self, kind: str) -> str:
        return {
            "timer": self.timer,
            "audience": self.audience,
            "control": self.control,
            "interpreter": self.interpreter,
        }[kind]

    def kind_of(self, token: str) -> str | None:
        """Which link a token opens; compared in constant time so timing tells a stranger nothing."""
        import secrets

        found = None
        for kind in KINDS:
            if secrets.compare_digest(token.encode(), self.token(kind).encode()):
                found = kind
        return found

    def is_api(self, token: str) -> bool:
        """Whether `token` is the desk's; compared in constant time, like the links."""
        import secrets

        return bool(self.api) and secrets.compare_digest(token.encode(), self.api.encode())

    def is_lower(self, token: str) -> bool:
        """Whether `token` opens the lower third; compared in constant time, like the links."""
        import secrets

        return bool(self.lower) and secrets.compare_digest(token.encode(), self.lower.encode())

    def with_new_lower_token(self) -> RoomLinks:
        """Only the lower third's link renewed: a browser source that had it goes dark; the phones stay."""
        return replace(self, lower=new_token())

    def with_new_api_token(self) -> RoomLinks:
        """Only the desk's token renewed: the printed QR codes and the co-moderator's link stay."""
        return replace(self, api=new_token())

    def completed(self) -> RoomLinks:
        """A room.json from before the desk's links or the interpreters' gets what it lacks, nothing else."""
        return replace(
            self,
            api=self.api or new_token(),
            lower=self.lower or new_token(),
            interpreter=self.interpreter or new_token(),
        )

    def renewed(self) -> RoomLinks:
        """New tokens and a new PIN; the port and the audience choice stay."""
        return RoomLinks(
            port=self.port, accept_directly=self.accept_directly, on=self.on, osc=self.osc, ontime=self.ontime
        )

    def with_port(self, port: int) -> RoomLinks:
        if not 1024 <= port <= 65535:
            raise ValueError(port)
        return replace(self, port=port)


TOKEN = re.compile(r"[A-Za-z0-9_-]{16,128}")
"""What new_token makes (22 URL-safe characters); shorter is guessable, other characters are not ours."""
PIN = re.compile(f"[0-9]{{{PIN_DIGITS},32}}")
"""ASCII digits only: "٣٤٥٦٧٨" passes str.isdigit() but no phone's number pad types it; one digit is no lock."""


def _checked(data: object) -> RoomLinks:
    """The stored links exactly as saved, or SupportFileRefused: a weak or damaged value is never quietly
    replaced (printed QR codes would stop working without a word) nor quietly trusted ("false" is no bool)."""
    links = require_object(data)
    for name in ("timer", "audience", "control", "pin"):
        if name not in links:
            raise SupportFileRefused("invalid", name)
    tokens = [links["timer"], links["audience"], links["control"]]
    if not all(isinstance(t, str) and TOKEN.fullmatch(t) for t in tokens) or len(set(tokens)) != 3:
        raise SupportFileRefused("invalid", "links")
    if not isinstance(links["pin"], str) or not PIN.fullmatch(links["pin"]):
        raise SupportFileRefused("invalid", "pin")
    port = links.get("port", DEFAULT_PORT)
    if type(port) is not int or not 1024 <= port <= 65535:
        raise SupportFileRefused("invalid", "port")
    accept = links.get("accept_directly", False)
    if type(accept) is not bool:
        raise SupportFileRefused("invalid", "accept_directly")
    on = links.get("on", False)
    if type(on) is not bool:
        raise SupportFileRefused("invalid", "on")
    api = links.get("api", "")
    if api != "" and (not isinstance(api, str) or not TOKEN.fullmatch(api) or api in tokens):
        raise SupportFileRefused("invalid", "api")
    lower = links.get("lower", "")
    if lower != "" and (not isinstance(lower, str) or not TOKEN.fullmatch(lower) or lower in [*tokens, api]):
        raise SupportFileRefused("invalid", "lower")
    interpreter = links.get("interpreter", "")
    if interpreter != "" and (
        not isinstance(interpreter, str) or not TOKEN.fullmatch(interpreter) or interpreter in (*tokens, api, lower)
    ):
        raise SupportFileRefused("invalid", "interpreter")
    osc = read_osc(links.get("osc"))
    if osc is None:
        # OSC's settings are the desk's, not the printed links': a damaged one switches OSC off (the room window
        # shows it off), and never sets the links aside
        osc = OscSettings()
    ontime = read_ontime(links.get("ontime")) or OntimeSettings()  # like OSC: a damaged entry is off, links stay
    return RoomLinks(
        links["timer"],
        links["audience"],
        links["control"],
        links["pin"],
        port,
        accept,
        on,
        api,
        lower,
        osc,
        ontime,
        interpreter,
    )


def read_links(folder: Path) -> tuple[RoomLinks | None, Refusal | None]:
    """The stored links; (None, None) when there are none; (None, refusal) when room.json was refused and
    set aside (as room.json.broken): the caller says so before any new links replace the printed ones."""
    links, refusal = read_support_json(folder / LINKS_FILE, _checked)
    return links, refusal


def load_links(folder: Path) -> RoomLinks:
    """The stored links, or fresh ones (saved at once) when there are none or the file was refused (and
    set aside, see read_links)."""
    links, _refusal = read_links(folder)
    if links is None:
        links = RoomLinks()
        try:
            save_links(links, folder)
        except OSError:
            pass  # the room still works tonight; the links just won't survive a restart
    return links


def save_links(links: RoomLinks, folder: Path) -> None:
    """Atomically through the one writer (a fresh owner-only temporary file, fsync, rename, folder fsync):
    a power cut leaves the old links or the new ones, never an empty file that would replace them all."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    data = asdict(links)
    data["osc"] = links.osc.to_json()
    data["ontime"] = links.ontime.to_json()
    write_atomically(folder / LINKS_FILE, json.dumps(data, indent=1).encode("utf-8"))
