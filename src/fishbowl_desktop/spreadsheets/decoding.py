"""Bytes to text, the way sign-in lists really arrive: UTF-8 with or without BOM, UTF-16, Windows-1252 from an
older German Excel, or two lists pasted together that mix UTF-8 and Windows-1252 line by line."""

from __future__ import annotations

from fishbowl_desktop.model import FishbowlError


def decode(raw: bytes) -> tuple[str, str]:
    """The text and the encoding as shown to the user; a workbook or a binary file is refused with advice."""
    if raw.startswith(b"PK\x03\x04"):
        raise FishbowlError(
            "This is a spreadsheet workbook (.xlsx or .ods), not a CSV file. Save it as CSV first: in Excel "
            "File → Save as → “CSV UTF-8”, in LibreOffice File → Save as → “Text CSV”."
        )
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "UTF-8 (BOM)"
        except UnicodeDecodeError:
            return _decode_by_line(raw[3:])
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16"), "UTF-16"
    if b"\x00" in raw[:4096]:
        raise FishbowlError("This does not look like a text file; please export the list as CSV.")
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        return _decode_by_line(raw)


def _decode_by_line(raw: bytes) -> tuple[str, str]:
    """Windows-1252, line by line, keeping lines that are valid UTF-8: lists pasted together from two
    sources mix both, and decoding the whole file one way would garble half the names."""
    lines, utf8_lines, legacy = [], 0, "Windows-1252"
    for line in raw.split(b"\n"):
        try:
            lines.append(line.decode("utf-8"))
            utf8_lines += not line.isascii()
        except UnicodeDecodeError:
            try:
                lines.append(line.decode("cp1252"))
            except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
                lines.append(line.decode("latin-1"))
                legacy = "ISO-8859-1"
    return "\n".join(lines), (f"UTF-8 + {legacy}" if utf8_lines else legacy)
