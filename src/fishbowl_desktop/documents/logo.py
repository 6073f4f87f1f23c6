"""The optional logo on the handout and the sheet (issue 25, point 6): checked and read here, handed to Typst as bytes.

Typst reads images only from its project folder or as bytes; the templates live inside the package, so the
logo travels in the JSON data as a list of byte values (a 50 KB logo is about 200 KB of JSON, read once).

`check_logo` is the one check, for the print dialog's picker (at the moment of choosing, so a bad file is
refused with a sentence and the logo chosen before stays) and for the export (the command line's `--logo`):
a file that is not what its name says, an image too large to print at 14 mm, and an SVG that would reach outside
itself (an external image or font, a document type with entities) are refused by name, before Typst sees them.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

from fishbowl_desktop.documents.options import LOGO_SUFFIXES, MAX_LOGO_BYTES
from fishbowl_desktop.model import FishbowlError

MAX_LOGO_PIXELS = 10_000
"""Per side: a logo printed 14 mm high needs a few hundred pixels; 10,000 is a scan, not a logo."""
_PNG = b"\x89PNG\r\n\x1a\n"
_JPEG = b"\xff\xd8\xff"
_SVG_ROOT = re.compile(rb"<svg[\s>]")
_OUTSIDE = re.compile(rb"""(?:href\s*=\s*["'](?!#|data:)|url\(\s*["']?(?!#|data:)|@import)""", re.IGNORECASE)


def logo_bytes(path: str) -> list[int] | None:
    if not path:
        return None
    return list(check_logo(path))


def check_logo(path: str) -> bytes:
    """The logo's bytes, or FishbowlError with a sentence for the organiser."""
    file = Path(path)
    if not file.name.lower().endswith(LOGO_SUFFIXES):
        raise FishbowlError("The logo must be a PNG, JPEG or SVG file, not “{name}”.", name=file.name[-80:])
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
    kind = file.suffix.lower()
    if kind == ".svg":
        _check_svg(file.name, data)
        return data
    if kind == ".png" and data.startswith(_PNG) and len(data) >= 24:
        width, height = struct.unpack(">II", data[16:24])
    elif kind in (".jpg", ".jpeg") and data.startswith(_JPEG):
        width, height = _jpeg_size(data)
    else:
        kind_name = "PNG" if kind == ".png" else "JPEG"
        raise FishbowlError("The logo {name} is not a {kind} image.", name=file.name, kind=kind_name)
    if not (0 < width <= MAX_LOGO_PIXELS and 0 < height <= MAX_LOGO_PIXELS):
        raise FishbowlError(
            "The logo {name} is {width} × {height} pixels: please use an image of at most {n} pixels a side.",
            name=file.name,
            width=width,
            height=height,
            n=MAX_LOGO_PIXELS,
        )
    return data


def _check_svg(name: str, data: bytes) -> None:
    head = data[:4096].lower()
    if b"<!doctype" in head or b"<!entity" in data.lower():
        raise FishbowlError(
            "The logo {name} declares a document type or entities: please save it as plain SVG.", name=name
        )
    if not _SVG_ROOT.search(head):
        raise FishbowlError("The logo {name} is not an SVG image.", name=name)
    if _OUTSIDE.search(data):
        raise FishbowlError(
            "The logo {name} refers to files or addresses outside itself (an image, a font or a style sheet): "
            "please embed them or export it as PNG.",
            name=name,
        )


def _jpeg_size(data: bytes) -> tuple[int, int]:
    """Width and height from the first frame header (SOF0–SOF15 but DHT, JPG and DAC); 0 × 0 if none."""
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return 0, 0
        marker = data[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        length = struct.unpack(">H", data[pos + 2 : pos + 4])[0]
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC) and pos + 9 <= len(data):
            height, width = struct.unpack(">HH", data[pos + 5 : pos + 9])
            return width, height
        pos += 2 + length
    return 0, 0
