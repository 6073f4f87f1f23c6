"""The room's links as the moderator hands them out: every address of this laptop and a QR code per link."""

from __future__ import annotations

import io

from PySide6.QtGui import QPixmap

from fishbowl_desktop.room.addresses import laptop_addresses

__all__ = ["KIND_ORDER", "laptop_addresses", "link_url", "qr_png", "qr_pixmap"]

KIND_ORDER = ("timer", "audience", "control", "interpreter")


def link_url(address: str, port: int, token: str) -> str:
    host = f"[{address}]" if ":" in address else address
    return f"http://{host}:{port}/{token}"


def qr_png(url: str, scale: int = 5) -> bytes:
    import segno

    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()


def qr_pixmap(url: str, scale: int = 5) -> QPixmap:
    pixmap = QPixmap()
    pixmap.loadFromData(qr_png(url, scale), "PNG")
    return pixmap
