"""The app's own preferences (not the session's): defaults for new sessions, language, projector, chime,
and where sessions are saved.

Stored as versioned JSON beside the sessions; an older file is migrated step by step, a broken one is set
aside (through the guarded reader, `support_file`) and replaced by defaults, which the console says, and a
single bad value falls back to its default alone, so a bad settings file never stops the console from opening.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, fields, replace
from pathlib import Path
from typing import TypedDict, Unpack, cast

from fishbowl_desktop.atomic_file import write_atomically
from fishbowl_desktop.model import TurnSettings
from fishbowl_desktop.model.chain import PRESETS, preset_named
from fishbowl_desktop.model.characters import unwritable
from fishbowl_desktop.model.paper import DEFAULT_SHORT_TURN_SECONDS, EXTRA_COLUMNS, MAX_RESERVE_ROWS
from fishbowl_desktop.support_file import Refusal, SupportFileRefused, read_support_json, require_object
from fishbowl_desktop.value_class import value_class

SETTINGS_VERSION = 2
FOLLOW_MODES = ("ask", "auto", "never")
MAX_NEXT_COUNT = 6
"""The projector's "next up" line fits six names at a readable size; more would shrink them all."""


@value_class
class AppSettings:
    """The moderator's preferences, kept across evenings."""

    language: str = ""
    """"de", "en", or "" to follow the system locale."""
    projector_screen_name: str = ""
    projector_screen_geometry: tuple[int, int, int, int] | None = None
    """x, y, width, height of the screen last chosen for the projector: names alone repeat (two "HDMI-1")."""
    projector_window_geometry: tuple[int, int, int, int] | None = None
    """x, y, width, height of the projector *window* on the console's screen (one screen only), once the
    moderator moved or resized it; None: it opens over the console's own preview, where it covers nothing."""
    projector_black_blank: bool = False
    """Blank (B) shows nothing at all instead of the dimmed title; some venues need a truly black screen."""
    projector_follow_new_screen: str = "ask"
    """When a beamer is plugged in: "ask", "auto" (move there) or "never"."""
    projector_next_count: int = 3
    """How many waiting people the projector lists (0 to MAX_NEXT_COUNT)."""
    projector_first_names_only: bool = False
    projector_flash_overtime: bool = True
    chime: bool = False
    """A soft chime at the warning and at zero; always paired with the visual signal."""
    # -- since version 2: what a new session starts with, and where it is saved
    default_panel_seconds: int = 180
    default_free_chair_seconds: int = 120
    default_warning_seconds: int = 30
    default_ordering: str = "first_come"
    """The name of the preset chain a new session starts with (model/chain.py: PRESETS); the single rules of
    version 2 are presets of the same names."""
    default_auto_start_next: bool = True
    sessions_folder: str = ""
    """Where new sessions are saved; "" means the `sessions` folder in the app's data folder."""
    # -- the print options as last chosen (a version 2 file without them gets these defaults)
    print_reserve_rows: int = 10
    print_extra_column: str = "organisation"
    print_one_sheet_per_person: bool = False
    print_short_turn_seconds: int = round(DEFAULT_SHORT_TURN_SECONDS)
    print_audience_qr: bool = False
    """The handout's QR code with the room's audience link, when the room has one."""

    def with_changes(self, **changes: Unpack[AppSettingsChanges]) -> AppSettings:
        return replace(self, **changes)

    def turn_settings(self) -> TurnSettings:
        """The turn rules a new session starts with; the session keeps its own copy afterwards."""
        return TurnSettings(
            panel_seconds=float(self.default_panel_seconds),
            free_chair_seconds=float(self.default_free_chair_seconds),
            warning_seconds=float(self.default_warning_seconds),
            auto_start_next=self.default_auto_start_next,
            ordering=(preset_named(self.default_ordering) or PRESETS[0]).chain,
        )


class AppSettingsChanges(TypedDict, total=False):
    """The fields `AppSettings.with_changes` (and `SettingsStore.change`) take, so mypy checks every name and type;
    a test keeps it in step with the dataclass."""

    language: str
    projector_screen_name: str
    projector_screen_geometry: tuple[int, int, int, int] | None
    projector_window_geometry: tuple[int, int, int, int] | None
    projector_black_blank: bool
    projector_follow_new_screen: str
    projector_next_count: int
    projector_first_names_only: bool
    projector_flash_overtime: bool
    chime: bool
    default_panel_seconds: int
    default_free_chair_seconds: int
    default_warning_seconds: int
    default_ordering: str
    default_auto_start_next: bool
    sessions_folder: str
    print_reserve_rows: int
    print_extra_column: str
    print_one_sheet_per_person: bool
    print_short_turn_seconds: int
    print_audience_qr: bool


_RANGES: dict[str, tuple[int, int]] = {
    "projector_next_count": (0, MAX_NEXT_COUNT),
    "default_panel_seconds": (10, 3600),
    "default_free_chair_seconds": (10, 3600),
    "default_warning_seconds": (0, 600),
    "print_reserve_rows": (0, MAX_RESERVE_ROWS),
    "print_short_turn_seconds": (0, 600),
}
_CHOICES: dict[str, tuple[str, ...]] = {
    "language": ("", "de", "en"),
    "projector_follow_new_screen": FOLLOW_MODES,
    "default_ordering": tuple(p.name for p in PRESETS),
    "print_extra_column": EXTRA_COLUMNS,
}


def _v1_to_v2(data: dict[str, object]) -> dict[str, object]:
    """Version 1 let the projector list any number of waiting people and knew no session defaults.

    A count above what the projector can show becomes the largest it can; a count below zero (which
    version 1 treated as "none") becomes 0. The session defaults start as the app's built-in turn rules,
    so a moderator who upgrades sees the same times in a new session as before.
    """
    count = data.get("projector_next_count")
    if isinstance(count, int) and not isinstance(count, bool):
        data["projector_next_count"] = min(MAX_NEXT_COUNT, max(0, count))
    defaults = AppSettings()
    for name in (
        "default_panel_seconds",
        "default_free_chair_seconds",
        "default_warning_seconds",
        "default_ordering",
        "default_auto_start_next",
        "sessions_folder",
    ):
        data.setdefault(name, getattr(defaults, name))
    return data


MIGRATIONS: dict[int, Callable[[dict[str, object]], dict[str, object]]] = {1: _v1_to_v2}
"""From version N to N + 1; a file is taken through every step from its version up."""


def migrate(data: dict[str, object]) -> dict[str, object]:
    """Bring an older settings file up to SETTINGS_VERSION, one version at a time."""
    data = dict(data)
    version = data.get("version")
    assert isinstance(version, int)
    while version < SETTINGS_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    data["version"] = SETTINGS_VERSION
    return data


def _valid(name: str, value: object, default: object) -> object | None:
    """The value if it fits the field, else None (the field keeps its default)."""
    if name in ("projector_screen_geometry", "projector_window_geometry"):
        if isinstance(value, list) and len(value) == 4 and all(type(v) is int for v in value):
            return tuple(value)
        return None
    if isinstance(default, int) and not isinstance(default, bool) and isinstance(value, float) and value.is_integer():
        value = int(value)
    if type(value) is not type(default):
        return None
    if isinstance(value, str) and unwritable(value) is not None:  # NUL or a lone surrogate: no path, no name
        return None
    if name in _RANGES:
        low, high = _RANGES[name]
        assert isinstance(value, int)
        return value if low <= value <= high else None
    if name in _CHOICES:
        return value if value in _CHOICES[name] else None
    return value


def load_settings(path: Path) -> AppSettings:
    return read_settings(path)[0]


def read_settings(path: Path) -> tuple[AppSettings, Refusal | None]:
    """The settings, and why the file was set aside if it was (damaged, a newer version, not a file): then
    every preference is its default and the caller tells the moderator. One bad value alone only falls
    back to its default."""
    data, refusal = read_support_json(path, _checked_version)
    if data is None:
        return AppSettings(), refusal
    data = migrate(data)
    known = {f.name for f in fields(AppSettings)}
    defaults = AppSettings()
    values: dict[str, object] = {}
    for name, value in data.items():
        if name in known:
            checked = _valid(name, value, getattr(defaults, name))
            if checked is not None:
                values[name] = checked
    # Keys are AppSettings' own field names and each value has its default's type (`_valid`): built at run time.
    return defaults.with_changes(**cast(AppSettingsChanges, values)), None


def _checked_version(data: object) -> dict[str, object]:
    settings = require_object(data)
    version = settings.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise SupportFileRefused("invalid", "version")
    if version > SETTINGS_VERSION:
        raise SupportFileRefused("newer", str(version))
    return settings


def save_settings(settings: AppSettings, path: Path) -> None:
    """Atomically and readable by the owner only (0600), like sessions: the settings name the sessions folder."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    data = {"version": SETTINGS_VERSION, **asdict(settings)}
    write_atomically(path, json.dumps(data, indent=2, ensure_ascii=False).encode("utf-8"))
