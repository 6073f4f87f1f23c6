"""What the organiser chooses when printing, beside the session itself."""

from __future__ import annotations

from fishbowl_desktop.model import FishbowlError
from fishbowl_desktop.model.paper import DEFAULT_SHORT_TURN_SECONDS, EXTRA_COLUMNS, MAX_RESERVE_ROWS
from fishbowl_desktop.value_class import value_class

SHEET_COLUMNS = ("organisation", "residence", "age_group")
"""The attendee sheet's optional columns, any of them, in this order: organisation, residence / postcode, age group."""

LOGO_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
MAX_LOGO_BYTES = 2_000_000
"""A logo is printed 14 mm high: two megabytes is far more than it needs."""

MAX_AUDIENCE_LINK = 400
"""Far more than a room link needs (http://[IPv6]:port/token is under 100 characters); a QR code stays scannable."""


@value_class
class PrintOptions:
    """What the moderator chose in the print options for the sign-in sheets."""

    reserve_rows: int = 10
    """Empty rows for walk-ins beyond one row per person who is on the list but not printed by name."""
    extra_column: str = "organisation"
    one_sheet_per_person: bool = False
    """A sign-in sheet of its own for every person, for groups that must not see each other's names."""
    print_anyway: bool = False
    """Print even when a text holds a character no shipped font can draw: it is left out, and a name with
    nothing printable left becomes a placeholder."""
    short_turn_seconds: float = DEFAULT_SHORT_TURN_SECONDS
    """Turns shorter than this are marked as accidental in the report and left out of its statistics."""
    audience_link: str = ""
    """The room's audience link, printed on the handout as a QR code with the address under it; empty: none."""
    columns: tuple[str, ...] | None = None
    """The sheet's optional columns (any of SHEET_COLUMNS); None: the one `extra_column` names."""
    signoff_every_page: bool = False
    """The lead's confirmation (“Richtigkeit bestätigt”) at the foot of every page, not only after the list."""
    all_rows_blank: bool = False
    """Every row empty, for funders who want each name written by hand (one row per person plus the reserve)."""
    pdf_a: bool = False
    """PDF/A-2b besides PDF/UA-1, for lists that are kept for years."""
    wifi_name: str = ""
    """The hall's network name, printed in the handout's QR box (the link only opens on that network)."""
    logo: str = ""
    """A logo (the funder's or the organiser's: PNG, JPEG or SVG file) at the top right of the handout and the
    sheet; empty: none."""

    def __post_init__(self) -> None:
        if not 0 <= self.reserve_rows <= MAX_RESERVE_ROWS:
            raise FishbowlError("Empty rows for walk-ins must be between 0 and {n}.", n=MAX_RESERVE_ROWS)
        if self.extra_column not in EXTRA_COLUMNS:
            raise FishbowlError(
                "Unknown column “{column}”: choose one of {choices}.",
                column=self.extra_column,
                choices=", ".join(EXTRA_COLUMNS),
            )
        if not 0 <= self.short_turn_seconds <= 600:
            raise FishbowlError("The threshold for accidental turns must be between 0 and 600 seconds.")
        if self.audience_link:
            _check_audience_link(self.audience_link)
        if self.logo and not self.logo.lower().endswith(LOGO_SUFFIXES):
            raise FishbowlError("The logo must be a PNG, JPEG or SVG file, not “{name}”.", name=self.logo[-80:])
        unknown = [c for c in self.columns or () if c not in SHEET_COLUMNS]
        if unknown:
            raise FishbowlError(
                "Unknown column “{column}”: choose any of {choices}.",
                column=unknown[0],
                choices=", ".join(SHEET_COLUMNS),
            )

    def sheet_columns(self) -> tuple[str, ...]:
        """The optional columns to print, in the sheet's order; without `columns`, the `extra_column` choice and
        the age group (printed when the event has age groups)."""
        if self.columns is not None:
            chosen: tuple[str, ...] = self.columns
        else:
            chosen = {"none": (), "both": ("organisation", "residence")}.get(self.extra_column, (self.extra_column,))
            chosen += ("age_group",)
        return tuple(c for c in SHEET_COLUMNS if c in chosen)


def _check_audience_link(link: str) -> None:
    """A phone must be able to open it: http(s)://host…, printable ASCII, no spaces, not absurdly long."""
    if len(link) > MAX_AUDIENCE_LINK:
        raise FishbowlError(
            "The audience link is {n} characters long: a QR code on paper stays scannable up to {max}.",
            n=len(link),
            max=MAX_AUDIENCE_LINK,
        )
    if (
        not link.startswith(("http://", "https://"))
        or len(link.split("://", 1)[1]) == 0
        or any(not 33 <= ord(c) <= 126 for c in link)
    ):
        raise FishbowlError("The audience link “{link}” is not a web address (http://… or https://…).", link=link[:80])
