"""Which timers wake the app often: what an idle console must not have (issue 29, on battery)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer


def timers_waking_within(roots: tuple[QObject, ...], ms: int) -> dict[str, int]:
    """The active timers under `roots` whose interval (a single shot's delay) is shorter than `ms`, by their
    owner's class: {owner: interval in ms}."""
    due: dict[str, int] = {}
    for root in roots:
        for timer in root.findChildren(QTimer):
            if timer.isActive() and timer.interval() < ms:
                parent = timer.parent()
                due[type(parent).__name__ if parent is not None else "?"] = timer.interval()
    return due
