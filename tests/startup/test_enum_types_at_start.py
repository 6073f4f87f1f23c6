"""PySide6 makes a Qt class's Python enum types (all of them, ~20 µs a member on Python 3.11) when Python first
meets the class: an import at a module's top on the way to the first frame is enough (issue 29). Classes that only
a later action needs are imported where that action runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers.first_paint import AT_FIRST_PAINT, start_watched

pytestmark = pytest.mark.slow  # a real start in a child process

ENUM_CHILD = (
    """
import enum, gc, importlib.abc, importlib.util, json, sys
from fishbowl_desktop.__main__ import main  # what `fishbowl-desktop` runs


def at_first_paint():
    return sorted(
        kind.__qualname__
        for kind in gc.get_objects()
        if isinstance(kind, enum.EnumType) and getattr(kind, "__module__", "").startswith("PySide6")
    )
"""
    + AT_FIRST_PAINT
)

NEEDED_ONLY_LATER = {
    "QStandardPaths": "where a PDF or CSV is saved (ui/paper/paper_folder.py)",
    "QUrl": "the link to a saved PDF (ui/shell/console_window.py)",
}


def test_the_first_frame_makes_no_enum_types_of_classes_only_a_later_action_needs(tmp_path: Path) -> None:
    made = start_watched(ENUM_CHILD, tmp_path)
    assert isinstance(made, list) and "Qt.AlignmentFlag" in made  # the probe saw PySide6's enum types
    early = sorted({name.split(".")[0] for name in made} & NEEDED_ONLY_LATER.keys())
    assert early == [], f"made before the first frame: {[f'{c}, needed for {NEEDED_ONLY_LATER[c]}' for c in early]}"
