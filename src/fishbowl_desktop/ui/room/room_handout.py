"""The room's audience link for the printed handout: the link the print options offer as a QR code.

While the room is on, the link the phones use now; while it is off, the stored link (room.json) with this
laptop's first reachable address, since the tokens and the port survive a restart. The loopback address is
never printed (no phone reaches it). No stored links, or no network: none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fishbowl_desktop.room.service import Room
    from fishbowl_desktop.ui.paper.pdf_export import PdfExporter


def printable_audience_link(room: Room) -> str:
    # Imported when the handout's print options ask: the network modules (socket, ipaddress) stay out of
    # the console's first frame.
    from fishbowl_desktop.ui.room.room_links import laptop_addresses, link_url

    if not room.running and not room.links_stored:
        return ""
    address = room.address
    if _loopback(address) or (not room.running and address not in laptop_addresses()):
        reachable = [a for a in laptop_addresses() if not _loopback(a)]
        if not reachable:
            return ""  # no network: a printed address no phone could reach would only mislead
        address = reachable[0]
    return link_url(address, room.port, room.links.audience)


def _loopback(address: str) -> bool:
    import ipaddress

    return ipaddress.ip_address(address).is_loopback


def offer_on_handout(exporter: PdfExporter, room: Callable[[], Room]) -> None:
    """The handout's print options then offer "Print the audience QR code" (the link is read when asked; `room`
    gets the room, built then if it was not yet)."""
    exporter.audience_link_of = lambda: printable_audience_link(room())
