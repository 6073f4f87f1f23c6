"""Reading untrusted JSON field by field: each accessor checks one value's type and range and, when it is
wrong, says where in the file and what was expected, in words an organiser can follow."""

from __future__ import annotations

import enum
import json
import math
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import TypeVar

from fishbowl_desktop.model import FishbowlError
from fishbowl_desktop.model.characters import code_point, escaped, unwritable
from fishbowl_desktop.model.event import FIRST_YEAR, LAST_YEAR

MAX_INTEGER = 10**9
"""Larger than any count, index or serial an evening reaches; a bigger one is damage, not data."""
MAX_SECONDS = 10_000_000
"""No timer value, speaking time or duration reaches this (about 116 days of a clock left running); the
writer clamps to it (format.py), so a file the program wrote is always one it reads."""
MAX_DIGITS = 18


class HugeNumber:
    """A number in the file with more digits than any value of a session: kept as its length only, so
    reading never converts it (Python refuses integers of more than 4,300 digits, and floats overflow)."""

    def __init__(self, digits: int, text: str = "") -> None:
        self.digits = digits
        self.text = text
        """For a float beyond any float (1e400): how the file wrote it."""

    def __repr__(self) -> str:
        return self.text[:40] if self.text else f"a number with {self.digits:,} digits"


def parse_int(text: str) -> int | HugeNumber:
    """json.loads' `parse_int`: whole numbers of reasonable length as int, longer ones as HugeNumber."""
    digits = len(text.lstrip("-"))
    return HugeNumber(digits) if digits > MAX_DIGITS else int(text)


E = TypeVar("E", bound=enum.Enum)
T = TypeVar("T")
D = TypeVar("D", date, datetime)


class FormatProblem(Exception):
    """Internal: what is wrong and where; turned into a SessionFileError that names the file."""

    def __init__(self, kind: str, detail: str) -> None:
        super().__init__(detail)
        self.kind = kind
        self.detail = detail


class Obj:
    """A JSON object being read, with the place it sits in the file for messages."""

    def __init__(self, data: object, where: str) -> None:
        if not isinstance(data, dict):
            raise FormatProblem("invalid", f"{where} should be a group of fields but is {kind_of(data)}")
        self.data: Mapping[str, object] = data
        self.where = where

    def raw(self, key: str, default: object, required: bool) -> object:
        if key not in self.data:
            if required:
                raise FormatProblem("invalid", f"{self.where} has no “{key}”")
            return default
        return self.data[key]

    def _fail(self, key: str, expected: str, value: object) -> FormatProblem:
        return FormatProblem("invalid", f"“{key}” in {self.where} should be {expected} but is {kind_of(value)}")

    def _writable(self, key: str, value: str) -> str:
        """Refuse what no save could write again (a lone surrogate) and what no text should hold (NUL,
        ESC, …); line breaks and tabs are left to the model, which allows them in multi-line fields."""
        char = unwritable(value, multiline=True)
        if char is not None:
            what = "a broken character" if "\ud800" <= char <= "\udfff" else "an invisible control character"
            raise FormatProblem(
                "invalid", f"“{key}” in {self.where} holds {what} ({code_point(char)}): “{escaped(value)}”"
            )
        return value

    def text(self, key: str, default: str | None = None) -> str:
        value = self.raw(key, default, default is None)
        if not isinstance(value, str):
            raise self._fail(key, "text", value)
        return self._writable(key, value)

    def optional_text(self, key: str) -> str | None:
        value = self.raw(key, None, False)
        if value is not None and not isinstance(value, str):
            raise self._fail(key, "text or null", value)
        return None if value is None else self._writable(key, value)

    def flag(self, key: str, default: bool | None = None) -> bool:
        value = self.raw(key, default, default is None)
        if not isinstance(value, bool):
            raise self._fail(key, "true or false", value)
        return value

    def integer(self, key: str, default: int | None = None, *, minimum: int | None = None) -> int:
        value = self.raw(key, default, default is None)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self._fail(key, "a whole number", value)
        if minimum is not None and value < minimum:
            raise FormatProblem(
                "invalid", f"“{key}” in {self.where} cannot be below {minimum} (it is {shown_number(value)})"
            )
        if abs(value) > MAX_INTEGER:
            raise FormatProblem(
                "invalid", f"“{key}” in {self.where} cannot be above {MAX_INTEGER:,} (it is {shown_number(value)})"
            )
        return value

    def optional_integer(self, key: str) -> int | None:
        return None if self.raw(key, None, False) is None else self.integer(key)

    def number(self, key: str, *, minimum: float = 0.0, maximum: float = MAX_SECONDS) -> float:
        """Every number read this way is a time in seconds, so at most MAX_SECONDS unless said otherwise."""
        value = self.raw(key, None, True)
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            raise self._fail(key, "a number", value)
        if value < minimum:
            raise FormatProblem(
                "invalid", f"“{key}” in {self.where} cannot be below {minimum:g} (it is {shown_number(value)})"
            )
        if value > maximum:
            raise FormatProblem(
                "invalid", f"“{key}” in {self.where} cannot be above {maximum:g} (it is {shown_number(value)})"
            )
        return float(value)

    def choice(self, key: str, enum_type: type[E], default: E | None = None) -> E:
        value = self.raw(key, default.value if default is not None else None, default is None)
        if not isinstance(value, str):
            raise self._fail(key, "text", value)
        try:
            return enum_type(value)
        except ValueError:
            allowed = ", ".join(m.value for m in enum_type)
            raise FormatProblem(
                "invalid", f"“{key}” in {self.where} has the unknown value “{value}” (known: {allowed})"
            ) from None

    def items(self, key: str, required: bool = True) -> list[object]:
        value = self.raw(key, [], required)
        if not isinstance(value, list):
            raise self._fail(key, "a list", value)
        return value

    def obj(self, key: str) -> Obj:
        return Obj(self.raw(key, None, True), f"“{key}” of {self.where}")

    def parsed(self, key: str, parse: Callable[[str], T], what: str, required: bool = False) -> T | None:
        raw = self.text(key) if required else self.optional_text(key)
        if raw is None:
            return None
        try:
            return parse(raw)
        except (ValueError, OverflowError):  # OverflowError: an offset pushed the time past year 1 or 9999
            raise FormatProblem("invalid", f"“{key}” in {self.where} should be {what} but is “{shown(raw)}”") from None


def shown(text: str) -> str:
    """A value quoted in a one-line message: cut short, line breaks and control characters escaped."""
    return escaped(json.dumps(text[:40], ensure_ascii=False)[1:-1])


def shown_number(value: float) -> str:
    """A number for a message: never hundreds of digits."""
    if isinstance(value, int) and abs(value) >= 10**MAX_DIGITS:
        return f"a number with {len(str(abs(value)))} digits"
    return f"{value:g}" if isinstance(value, float) else str(value)


def kind_of(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, HugeNumber):
        if value.text:
            return f"the number {value.text[:40]}, beyond any number a session holds"
        return f"a number with {value.digits:,} digits"
    if isinstance(value, int | float):
        return f"the number {shown_number(value)}"
    if isinstance(value, str):
        return f"the text “{shown(value)}”"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    return type(value).__name__


def within_years(value: D) -> D:
    """Refuse (ValueError) a date or time outside FIRST_YEAR..LAST_YEAR."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(f"the year {value.year} is outside {FIRST_YEAR}–{LAST_YEAR}")
    return value


def local_datetime(raw: str) -> datetime:
    """The model keeps naive local times; an offset written by another tool is converted to local time."""
    value = within_years(datetime.fromisoformat(raw))
    if value.tzinfo is not None:
        value = value.astimezone().replace(tzinfo=None)
    return within_years(value)


def calendar_date(raw: str) -> date:
    return within_years(date.fromisoformat(raw))


def datetime_field(o: Obj, key: str) -> datetime:
    value = o.parsed(key, local_datetime, "a date and time like 2026-12-03T18:30:00", required=True)
    assert value is not None
    return value


def optional_datetime_field(o: Obj, key: str) -> datetime | None:
    return o.parsed(key, local_datetime, "a date and time like 2026-12-03T18:30:00")


def entries(o: Obj, key: str, label: str, read: Callable[[Obj], T], required: bool = True) -> list[T]:
    result = []
    for i, item in enumerate(o.items(key, required)):
        try:
            result.append(read(Obj(item, f"{label} {i + 1}")))
        except FishbowlError as exc:  # the model's own check of one entry, e.g. an empty name
            raise FormatProblem("invalid", f"{label} {i + 1}: {sentence(str(exc))}") from None
    return result


def sentence(message: str) -> str:
    """Model messages are whole sentences; inside ours they follow a colon."""
    return message.rstrip(".")
