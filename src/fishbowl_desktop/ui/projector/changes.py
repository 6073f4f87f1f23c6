"""Where one projector frame's drawing differs from the previous one: the rectangles a view repaints.

A running clock's second changes the digits and the bar's fill, so a view repaints only the characters that
changed and the end of the fill that moved (on a beamer the digits are ~540 px, drawn from their outlines; issue
29). Everything else is compared whole: the background, the overtime frame, the badge and each text block (cached
blocks are the same objects, so an unchanged text compares equal cheaply).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF

from fishbowl_desktop.ui.projector.render import DIRTY_PAD, Arrangement, Digits

_last: tuple[Arrangement, Arrangement, list[QRectF]] | None = None
"""The last pair compared and its answer: with the projector on the beamer the window and the miniature share one
arrangement a second, and both ask about the same two (each comparison ~25 us, every second)."""


def changed_rects(old: Arrangement | None, new: Arrangement) -> list[QRectF] | None:
    """Where the drawing of `new` differs from `old` (padded), or None when the whole frame must be redrawn.

    Every painted element is compared: the background, the overtime frame, the bar, the badge, the digits
    and each text block (cached blocks are the same objects, so an unchanged text compares equal cheaply)."""
    global _last
    if old is None or (old.width, old.height, old.black) != (new.width, new.height, new.black):
        return None
    if _last is not None and _last[0] is old and _last[1] is new:
        return list(_last[2])
    out = _compared(old, new)
    _last = (old, new, out)
    return list(out)


def _compared(old: Arrangement, new: Arrangement) -> list[QRectF]:
    pad = max(2.0, DIRTY_PAD * new.height)
    out: list[QRectF] = []

    def dirty(*rects: QRectF | None) -> None:
        out.extend(r.adjusted(-pad, -pad, pad, pad) for r in rects if r is not None and not r.isEmpty())

    if old.frame != new.frame:
        t = max(old.frame, new.frame) + pad
        w, h = float(new.width), float(new.height)
        out.extend([QRectF(0, 0, w, t), QRectF(0, h - t, w, t), QRectF(0, 0, t, h), QRectF(w - t, 0, t, h)])
    if (old.bar, old.bar_fill, old.bar_color) != (new.bar, new.bar_fill, new.bar_color):
        dirty(*_changed_bar(old, new))
    if (old.badge, old.badge_kind) != (new.badge, new.badge_kind):
        dirty(old.badge, new.badge)
    if old.digits != new.digits:
        dirty(*_changed_digits(old.digits, new.digits))
    for name in old.blocks.keys() | new.blocks.keys():
        before, after = old.blocks.get(name), new.blocks.get(name)
        if before != after:
            dirty(before[0].rect if before else None, after[0].rect if after else None)
    return out


def _changed_bar(old: Arrangement, new: Arrangement) -> list[QRectF | None]:
    """Where the bar changed: the end of its fill that moved when only that did (a second of a turn), else all."""
    before, after = old.bar_fill, new.bar_fill
    if (
        old.bar != new.bar
        or old.bar_color != new.bar_color
        or new.bar is None
        or before is None
        or after is None
        or (before.left(), before.top(), before.height()) != (after.left(), after.top(), after.height())
    ):
        return [old.bar, new.bar]
    radius = new.bar.height() / 2  # the fill's rounded end moves with it
    low, high = sorted((before.right(), after.right()))
    start = low - radius if low - before.left() > 2 * radius else before.left()  # shorter: rounded all along
    return [QRectF(start, new.bar.top(), high - start, new.bar.height())]


def _changed_digits(old: Digits | None, new: Digits | None) -> list[QRectF | None]:
    """Where the digits' ink changed: only the characters that did when the clock's text keeps its length, font,
    colour and place (a second of a turn: on the beamer the last digit, not four digits drawn from outlines)."""
    if (
        old is None
        or new is None
        or len(old.text) != len(new.text)
        or len(old.cells) != len(old.text)
        or len(new.cells) != len(new.text)
        or (old.baseline, old.color, old.font) != (new.baseline, new.color, new.font)
    ):
        return [old.rect if old else None, new.rect if new else None]
    changed = QRectF()
    for before, after, was, now in zip(old.text, new.text, old.cells, new.cells, strict=True):
        if before != after or was != now:
            changed = changed.united(was).united(now)
    return [changed]  # one rectangle: a region of overlapping ones is painted in bands, one pass each
