"""The optional logo on the handout and the sheet (issue 25, point 6): read here, handed to Typst as bytes.

Typst reads images only from its project folder or as bytes; the templates live inside the package, so the
logo travels in the JSON data as a list of byte values (a 50 KB logo is about 200 KB of JSON, read once).
"""

from __future__ import annotations

from pathlib import Path

from fishbowl_desktop.documents.options import MAX_LOGO_BYTES
from fishbowl_desktop.model import FishbowlError


def logo_bytes(path: str) -> list[int] | None:
    if not path:
        return None
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > MAX_LOGO_BYTES:
            raise FishbowlError(
                "The logo {name} is {mb:.1f} MB: please use a smaller image (at most 2 MB).",
                name=file.name,
                mb=size / 1e6,
            )
        data = file.read_bytes()
    except OSError as exc:
        raise FishbowlError("The logo {name} cannot be read: {reason}", name=file.name, reason=exc.strerror) from exc
    return list(data)
