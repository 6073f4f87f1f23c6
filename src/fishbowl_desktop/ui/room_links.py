"""The room's links as the moderator hands them out: every address of this laptop and a QR code per link."""

from __future__ import annotations

import io
import ipaddress

from PySide6.QtGui import QPixmap

KIND_ORDER = ("timer", "audience", "control")


def laptop_addresses() -> list[str]:
    """Every address the laptop has, the ones phones can reach first (IPv4 before IPv6, loopback last).

    Link-local IPv6 needs a zone id no phone can type, so it is left out."""
    from PySide6.QtNetwork import QNetworkInterface

    found: list[str] = []
    for address in QNetworkInterface.allAddresses():
        text = address.toString().split("%", 1)[0]
        try:
            ip = ipaddress.ip_address(text)
        except ValueError:
            continue
        if ip.version == 6 and ip.is_link_local:
            continue
        if text not in found:
            found.append(text)

    def rank(text: str) -> tuple[int, int]:
        ip = ipaddress.ip_address(text)
        return (1 if ip.is_loopback else 0, ip.version)

    return sorted(found, key=rank) or ["127.0.0.1"]


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
