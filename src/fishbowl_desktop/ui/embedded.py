"""Panels other modules build (participants, statistics, projector), embedded so that a missing or broken
one becomes a labelled placeholder instead of a console that does not open on the evening."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def placeholder(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("placeholder")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def build_optional(module: str, build: Callable[[Any], QWidget | object], missing: str) -> tuple[object | None, str]:
    """Import a panel built elsewhere and construct it; on any failure say so instead of crashing."""
    try:
        mod = __import__(f"fishbowl_desktop.ui.{module}", fromlist=["*"])
    except ImportError:
        return None, missing
    try:
        return build(mod), ""
    except Exception as exc:  # noqa: BLE001 - one broken panel must not stop the evening
        traceback.print_exc(file=sys.stderr)
        return None, f"{missing}\n({type(exc).__name__}: {exc})"
