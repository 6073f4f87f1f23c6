"""Columns whose text moves with the clock get the width of their widest text once, instead of being
measured again at every tick.

Qt's ResizeToContents reads the rows on screen again, for every such column, at each change of a cell: once a
second while a speaker talks, that was hundreds of reads of the model on the UI thread with a long list
(benchmarks/README.md), in the same second as the autosave. Waiting times, turns and speaking times have a known
widest text ("4:59:59" spoken, "4:59 h" waited), so the column is as wide as that (and its title) from the
start; the moderator can still drag it wider.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

LONGEST_SECONDS = 5 * 3600 - 1
"""The longest waiting or speaking time a live column is sized for ("4:59:59", or "4:59 h" waited); anything
longer is elided until the moderator widens the column."""


def fit_to_widest(view: QTableView, column: int, texts: Iterable[str]) -> None:
    """Give `column` the width of the widest of `texts` in the view's font, as a cell draws it."""
    metrics = view.fontMetrics()
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    text_width = max((metrics.horizontalAdvance(text) for text in texts), default=0) + 2 * margin + 4
    header = view.horizontalHeader()
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
    header.resizeSection(column, max(text_width, header.sectionSizeHint(column)))


def text_column_width(view: QTableView, column: int, texts: Iterable[str]) -> int:
    """The width Qt's `ResizeToContents` gives a column of one-line `texts` without icons: what
    `QTableView.sizeHintForColumn` measures (the widest text and the delegate's margins on both sides, plus the
    grid line), at least the width of the column's title, within the header's bounds."""
    metrics = QFontMetricsF(view.font())
    margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
    widest = max((math.ceil(metrics.horizontalAdvance(text)) + 2 * margin for text in texts), default=0)
    if view.showGrid():
        widest += 1
    header = view.horizontalHeader()
    width = max(widest, header.sectionSizeHint(column))
    return max(header.minimumSectionSize(), min(width, header.maximumSectionSize()))
