"""How long something took, written the same way everywhere: lists, queue, statistics, PDFs and CSV.

One rule for the whole program: a duration is rounded to the nearest whole second (half a second up), so
15.7 s is 0:16 in the participant list, in the queue, on the report and in the spreadsheet alike. (The
speaker timer's countdown is a different thing — time *left* — and stays with `timer.format_seconds`.)
"""

from __future__ import annotations

import math


def whole_seconds(seconds: float) -> int:
    """The duration in whole seconds, rounded half up; negative and non-finite values count as 0."""
    if not math.isfinite(seconds) or seconds <= 0:
        return 0
    return math.floor(seconds + 0.5)


def format_duration(seconds: float) -> str:
    """m:ss, or h:mm:ss from an hour on."""
    hours, rest = divmod(whole_seconds(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_duration_hms(seconds: float) -> str:
    """h:mm:ss always, for spreadsheets: Excel reads m:ss as hours and minutes."""
    hours, rest = divmod(whole_seconds(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}"
