"""Projector colours: the Okabe–Ito palette on a dark ground, so the timer's state reads for colour-blind
people too and survives a washed-out beamer. Colour is never the only signal: every state also changes
text and shape (badge, frame), see `render.py`.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

BACKGROUND = QColor("#0B0D10")
"""Near black: the brightest thing in the room should be the digits, not the wall."""
BLACK = QColor("#000000")
"""The black blank: nothing lit at all."""
TEXT = QColor("#FFFFFF")
TEXT_DIM = QColor("#B8BEC6")
"""Secondary lines (role, "next"): still above 9:1 on the background."""
NORMAL = QColor("#56B4E9")
"""Okabe–Ito sky blue: the remaining-time bar while all is well."""
WARNING = QColor("#E69F00")
"""Okabe–Ito orange: digits and the rounded badge in the last seconds."""
OVERTIME = QColor("#D55E00")
"""Okabe–Ito vermilion: the square badge and the solid frame once time is up."""
ON_WARNING = QColor("#000000")
ON_OVERTIME = QColor("#FFFFFF")
PAUSED = QColor("#B8BEC6")
TRACK = QColor("#2A2F36")
"""The empty part of the remaining-time bar."""
