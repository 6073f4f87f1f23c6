"""The handout's box with the room's audience link: a QR code to scan, and the address written under it.

Drawn by reportlab itself (its QR widget inside a Drawing, vector on paper, no image and no extra library).
"""

from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Table, TableStyle

from fishbowl_desktop.documents.fonts import REGULAR
from fishbowl_desktop.documents.layout import ACCENT, CONTENT_WIDTH, Sheet
from fishbowl_desktop.documents.text import markup

QR_SIZE = 34 * mm
"""With the quiet zone: about 3 cm of modules, scannable from a phone held at reading distance."""


def qr_drawing(link: str, size: float = QR_SIZE) -> Drawing:
    """The link as a square QR code (error correction M, as on the projector), `size` points wide."""
    widget = QrCodeWidget(link, barLevel="M", barBorder=4)
    x0, y0, x1, y1 = widget.getBounds()
    width, height = x1 - x0, y1 - y0
    drawing = Drawing(
        size, size, transform=[size / width, 0, 0, size / height, -x0 * size / width, -y0 * size / height]
    )
    drawing.add(widget)
    return drawing


def audience_qr_box(link: str, sheet: Sheet) -> KeepTogether:
    w, st = sheet.words, sheet.styles
    text = [
        sheet.own(w("qr_title"), st.box_title),
        sheet.own(w("qr_text"), st.body),
        Paragraph(markup(link, bold=True), st.cell_bold),
    ]
    box = Table([[qr_drawing(link), text]], colWidths=[QR_SIZE + 4 * mm, CONTENT_WIDTH - QR_SIZE - 4 * mm])
    box.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),  # no unused Helvetica in the PDF
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
                ("LEFTPADDING", (0, 0), (0, -1), 2 * mm),
                ("RIGHTPADDING", (0, 0), (0, -1), 2 * mm),
                ("LEFTPADDING", (1, 0), (1, -1), 3 * mm),
                ("RIGHTPADDING", (1, 0), (1, -1), 5 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2 * mm),
            ]
        )
    )
    return KeepTogether([box])
