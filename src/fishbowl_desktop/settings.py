"""The app's own preferences (not the session's): language, projector placement and privacy, chime.

Stored as versioned JSON beside the sessions; an older file is migrated, a broken one is set aside and
replaced by defaults, so a bad settings file never stops the console from opening.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

SETTINGS_VERSION = 1


@dataclass(frozen=True)
class AppSettings:
    language: str = ""
    """"de", "en", or "" to follow the system locale."""
    projector_screen_name: str = ""
    projector_screen_geometry: tuple[int, int, int, int] | None = None
    """x, y, width, height of the screen last chosen for the projector: names alone repeat (two "HDMI-1")."""
    projector_follow_new_screen: str = "ask"
    """When a beamer is plugged in: "ask", "auto" (move there) or "never"."""
    projector_next_count: int = 3
    """How many waiting people the projector lists."""
    projector_first_names_only: bool = False
    projector_flash_overtime: bool = True
    chime: bool = False
    """A soft chime at the warning and at zero; always paired with the visual signal."""

    def with_changes(self, **changes: object) -> AppSettings:
        return replace(self, **changes)  # type: ignore[arg-type]


def _migrate(data: dict[str, object]) -> dict[str, object]:
    """Bring an older settings file up to SETTINGS_VERSION (none older exists yet)."""
    data = dict(data)
    data["version"] = SETTINGS_VERSION
    return data


def load_settings(path: Path) -> AppSettings:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return AppSettings()
    except (OSError, ValueError):
        _set_aside(path)
        return AppSettings()
    if not isinstance(data, dict) or not isinstance(data.get("version"), int) or data["version"] > SETTINGS_VERSION:
        _set_aside(path)
        return AppSettings()
    data = _migrate(data)
    known = {f.name: f for f in fields(AppSettings)}
    defaults = AppSettings()
    values: dict[str, object] = {}
    for name, value in data.items():
        if name not in known:
            continue
        default = getattr(defaults, name)
        if name == "projector_screen_geometry":
            if isinstance(value, list) and len(value) == 4 and all(isinstance(v, int) for v in value):
                values[name] = tuple(value)
        elif type(value) is type(default):
            values[name] = value
    return replace(defaults, **values)  # type: ignore[arg-type]


def save_settings(settings: AppSettings, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"version": SETTINGS_VERSION, **asdict(settings)}
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2, ensure_ascii=False)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _set_aside(path: Path) -> None:
    try:
        os.replace(path, path.with_name(path.name + ".broken"))
    except OSError:
        pass
