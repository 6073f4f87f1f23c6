"""Shares of the speaking time as whole percentages, worked out and printed the same way everywhere: the
console's statistics and the report (issue 21, point 11: "26 %" and "5%" stood in one column).

One rule: whole percentages that add up to 100 (largest remainder), so a funder adding up a column never
gets 101 % or 103 %. One way to print them, as each language writes it: German puts a space before the sign
(DIN 5008), a narrow no-break space so "26 %" never breaks between its two halves; English writes "26%".
"""

from __future__ import annotations

from collections.abc import Sequence

NARROW_NO_BREAK_SPACE = "\u202f"


def whole_percentages(parts: Sequence[float], total: float) -> list[int] | None:
    """Each part's share of `total` in whole percent, adding up to 100 (when the parts make up the total);
    None when there is nothing to share (total 0)."""
    if total <= 0:
        return None
    exact = [100 * p / total for p in parts]
    whole = [int(e) for e in exact]
    short = round(sum(exact)) - sum(whole)
    for i in sorted(range(len(exact)), key=lambda i: whole[i] - exact[i])[: max(0, short)]:
        whole[i] += 1
    return whole


def percent_text(percent: int, language: str) -> str:
    """`26 %` (German, narrow no-break space) or `26%` (English and any other language)."""
    return f"{percent}{NARROW_NO_BREAK_SPACE}%" if language == "de" else f"{percent}%"
