"""Importing the rows of a read table as participants: never a row dropped silently.

Every skipped row comes back with its spreadsheet row number and a reason the organiser can act on;
someone already on the list is offered as an update instead of a duplicate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import field
from typing import cast

from fishbowl_desktop.model import FishbowlError, Participant, Role, make_participant
from fishbowl_desktop.model.folding import fold
from fishbowl_desktop.model.participants import MAX_LANGUAGE, ParticipantChanges
from fishbowl_desktop.model.participants import MAX_NAME as MAX_NAME_LENGTH
from fishbowl_desktop.spreadsheets.columns import parse_consent, parse_role
from fishbowl_desktop.spreadsheets.reading import CsvTable
from fishbowl_desktop.value_class import value_class

SKIP_TEXTS = {
    "no_name": "no name",
    "name_too_long": "name longer than {limit} characters",
    "organisation_too_long": "organisation longer than {limit} characters",
    "language_too_long": "language longer than {limit} characters",
    "unknown_role": "unknown role “{value}” (use Moderation, Podium or Publikum)",
    "unclear_consent": "unclear consent “{value}” (use ja or nein)",
    "duplicate_existing": "{who} is already on the participant list",
    "duplicate_in_file": "{who} already appears in row {row}",
    "invalid": "{message}",
}
"""English texts; the import dialog shows its own translation of each code with the same values."""


@value_class
class SkipReason:
    """Why a row was not imported, as a code plus values, so the UI can say it in the moderator's language."""

    code: str
    values: tuple[tuple[str, str | int], ...] = ()

    def __str__(self) -> str:
        return SKIP_TEXTS[self.code].format(**dict(self.values))


def _skip(code: str, **values: str | int) -> SkipReason:
    return SkipReason(code, tuple(values.items()))


@value_class(frozen=False)
class ImportResult:
    """What a spreadsheet import found: new people, updates, and rows left out with why."""

    participants: list[Participant] = field(default_factory=list)
    skipped: list[tuple[int, SkipReason]] = field(default_factory=list)
    """(spreadsheet row number, reason) for every row not imported."""
    updates: list[tuple[int, Participant, Participant]] = field(default_factory=list)
    """(row, person on the list, the same person with the row's values): someone already on the list (same
    name and organisation, ignoring case and accents, and "?" where Excel lost a letter) whose row
    brings something new. The import offers to apply these instead of adding a duplicate."""


def lost_letters(table: CsvTable, mapping: dict[str, int]) -> list[tuple[int, str]]:
    """(row, name) for names holding "?" where a letter should be: Excel's "CSV (comma delimited)" writes
    Windows-1252 and puts "?" for every letter it lacks (Ş, ğ, ı, Cyrillic, Arabic …)."""
    columns = [mapping[f] for f in ("name", "first_name", "last_name") if f in mapping]
    found = []
    for number, row in zip(table.row_numbers, table.rows, strict=True):
        name = " ".join(row[c] for c in columns if 0 <= c < len(row))
        if _LOST_LETTER.search(name):
            found.append((number, " ".join(name.split())))
    return found


_LOST_LETTER = re.compile(r"\w\?|\?\w|\?\?")
"""A "?" next to a letter, or several in a row (a Cyrillic or Arabic name becomes "Olga ?????????")."""


def import_rows(table: CsvTable, mapping: dict[str, int], existing: Iterable[Participant]) -> ImportResult:
    """Participants for every usable row; each other row is reported with its reason. Nothing is changed."""
    check = RowCheck(table, mapping, existing)
    check.run()
    return check.result


class RowCheck:
    """Checks the rows of a table in steps, so a 100,000-row list can show progress and be cancelled.

    Linear: people already on the list are indexed once, by their identity (name and organisation, folded)
    and by a loose identity in which every letter Windows-1252 cannot hold counts as "?" — so "?ule Öztürk"
    from an earlier Excel import is recognised when the UTF-8 file brings "Şule Öztürk".
    """

    def __init__(self, table: CsvTable, mapping: dict[str, int], existing: Iterable[Participant]):
        if "name" not in mapping and "first_name" not in mapping and "last_name" not in mapping:
            raise FishbowlError("Choose the column that holds the names (or first and last name).")
        self.table = table
        self.mapping = dict(mapping)
        self.result = ImportResult()
        self.done = 0
        self._on_list: dict[tuple[str, str], Participant] = {}
        self._on_list_loose: dict[tuple[str, str], Participant] = {}
        for p in existing:
            self._on_list.setdefault(_identity(p.name, p.organisation), p)
            self._on_list_loose.setdefault(_loose_identity(p.name, p.organisation), p)
        self._in_file: dict[tuple[str, str], int] = {}
        self._updated: set[str] = set()

    @property
    def total(self) -> int:
        return len(self.table.rows)

    @property
    def finished(self) -> bool:
        return self.done >= self.total

    def run(self, rows: int | None = None) -> bool:
        """Check the next `rows` rows (all by default); True when every row has been checked."""
        stop = self.total if rows is None else min(self.total, self.done + rows)
        numbers, table_rows = self.table.row_numbers, self.table.rows
        for i in range(self.done, stop):
            self._check(numbers[i], table_rows[i])
        self.done = stop
        return self.finished

    def _check(self, number: int, row: list[str]) -> None:
        mapping = self.mapping

        def cell(fld: str) -> str:
            i = mapping.get(fld)
            return row[i].strip() if i is not None and 0 <= i < len(row) else ""

        name = cell("name") or " ".join(part for part in (cell("first_name"), cell("last_name")) if part)
        name = " ".join(name.split())
        organisation = cell("organisation")
        role = parse_role(cell("role"))
        consent = parse_consent(cell("consent"))
        reason = _refusal(name, organisation, role, consent, cell("role"), cell("consent"))
        if reason is None and len(" ".join(cell("language").split())) > MAX_LANGUAGE:
            reason = _skip("language_too_long", limit=MAX_LANGUAGE)
        if reason is not None:
            self.result.skipped.append((number, reason))
            return
        who = f"{name} ({organisation})" if organisation else name
        identity, loose = _identity(name, organisation), _loose_identity(name, organisation)
        first_row = self._in_file.get(identity) or self._in_file.get(loose)
        if first_row is not None:
            self.result.skipped.append((number, _skip("duplicate_in_file", who=who, row=first_row)))
            return
        self._in_file[identity] = self._in_file[loose] = number
        fields: dict[str, object] = {"organisation": organisation}
        for fld in ("bio", "group", "notes", "residence"):
            if fld in mapping:
                fields[fld] = cell(fld)
        if "language" in mapping:
            fields["language"] = " ".join(cell("language").split())
        # the sheet's two name columns come from the file too: an update must mend them with the name
        for fld, column in (("family_name", "last_name"), ("given_names", "first_name")):
            if column in mapping:
                fields[fld] = " ".join(cell(column).split())
        if "role" in mapping:
            fields["role"] = role or Role.AUDIENCE
        if "consent" in mapping:
            fields["consent_to_list"] = bool(consent)
        known = self._on_list.get(identity) or self._on_list_loose.get(loose)
        if known is not None:
            self._offer_update(number, known, name, fields, who)
            return
        try:
            self.result.participants.append(
                make_participant(
                    name,
                    role or Role.AUDIENCE,
                    organisation=organisation,
                    bio=cell("bio"),
                    group=cell("group"),
                    consent_to_list=bool(consent),
                    notes=cell("notes"),
                    family_name=" ".join(cell("last_name").split()),
                    given_names=" ".join(cell("first_name").split()),
                    residence=cell("residence"),
                    language=" ".join(cell("language").split()),
                )
            )
        except FishbowlError as exc:
            self.result.skipped.append((number, _skip("invalid", message=str(exc))))  # English; cannot happen today

    def _offer_update(self, number: int, known: Participant, name: str, fields: dict[str, object], who: str) -> None:
        """The row is someone already on the list: take every value the file holds where it adds something
        (a letter Excel had lost, a group, a bio, family and given names, the residence), never blank out
        what the list holds."""
        if known.id in self._updated:
            self.result.skipped.append((number, _skip("duplicate_existing", who=who)))
            return
        organisation = str(fields.pop("organisation"))
        changes = {k: v for k, v in fields.items() if v not in ("", None) and getattr(known, k) != v}
        # Name and organisation match already, up to case and accents: only a letter that Excel had turned
        # into "?" is worth taking over.
        for key, value in (("name", name), ("organisation", organisation)):
            old = str(getattr(known, key))
            if value != old and _LOST_LETTER.search(old) and not _LOST_LETTER.search(value):
                changes[key] = value
        if not changes:
            self.result.skipped.append((number, _skip("duplicate_existing", who=who)))
            return
        self._updated.add(known.id)
        # The keys are Participant's own field names (set above from the column mapping), the values checked by
        # the dataclass itself: the one place a dict of changes is built at run time.
        self.result.updates.append((number, known, known.with_changes(**cast(ParticipantChanges, changes))))


def _refusal(
    name: str, organisation: str, role: Role | None, consent: bool | None, role_text: str, consent_text: str
) -> SkipReason | None:
    if not name:
        return _skip("no_name")
    if len(name) > MAX_NAME_LENGTH:
        return _skip("name_too_long", limit=MAX_NAME_LENGTH)
    if len(organisation) > MAX_NAME_LENGTH:
        return _skip("organisation_too_long", limit=MAX_NAME_LENGTH)
    if role is None:
        return _skip("unknown_role", value=role_text)
    if consent is None:
        return _skip("unclear_consent", value=consent_text)
    return None


def _identity(name: str, organisation: str) -> tuple[str, str]:
    return " ".join(fold(name).split()), " ".join(fold(organisation).split())


def _loose_identity(name: str, organisation: str) -> tuple[str, str]:
    """The identity with every letter Windows-1252 cannot hold as "?", as Excel's legacy CSV writes it."""
    return _identity(_as_cp1252_would(name), _as_cp1252_would(organisation))


def _as_cp1252_would(text: str) -> str:
    return text.encode("cp1252", errors="replace").decode("cp1252")
