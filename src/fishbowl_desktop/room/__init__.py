"""The room: a local web server for phones and tablets (timer, audience and control links).

It reads the same model as the projector and turns what a phone sends into controller intents, exactly like a
key press; it keeps no state of its own beyond connections, tokens and the audience's open requests.
Nothing here imports aiohttp at import time: the server module is loaded only when the moderator switches
the room on, so start-up stays as fast as before.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

LINKS_FILE = "room.json"
"""The room's links (tokens, PIN, port, the desks' switches), in the data folder: `room.links` reads it."""


def links_file_there(folder: Path) -> bool:
    """Whether `folder` may hold a room.json (anything but "no such file"): without one, the start has nothing to
    check or set aside, and the room's links module need not load (issue 29). Mirrors support_file.read_bytes'
    notion of "no file", so whatever it would refuse still reaches it."""
    try:
        os.stat(folder / LINKS_FILE)
    except FileNotFoundError:
        return False
    except OSError as exc:
        return exc.errno != errno.ENOTDIR
    return True
