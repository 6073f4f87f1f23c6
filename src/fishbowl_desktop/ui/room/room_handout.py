"""The room's audience link for the printed handout: the link the print options offer as a QR code.

While the room is on, the link the phones use now; while it is off, the stored link (room.json) with this
laptop's first reachable address, since the tokens and the port survive a restart. No stored links: none.
"""

from __future__ import annotations

from fishbowl_desktop.room.service import Room
from fishbowl_desktop.ui.paper.pdf_export import PdfExporter
from fishbowl_desktop.ui.room.room_links import laptop_addresses, link_url


def printable_audience_link(room: Room) -> str:
    if room.running:
        return link_url(room.address, room.port, room.links.audience)
    if not room.links_stored:
        return ""
    address = room.address
    if address not in laptop_addresses():
        found = laptop_addresses()
        if not found:
            return ""  # no network: a printed address no phone could reach would only mislead
        address = found[0]
    return link_url(address, room.port, room.links.audience)


def offer_on_handout(exporter: PdfExporter, room: Room) -> None:
    """The handout's print options then offer "Print the audience QR code" (the link is read when asked)."""
    exporter.audience_link_of = lambda: printable_audience_link(room)
