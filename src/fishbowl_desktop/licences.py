"""Which distributions the program is built from, and under which licence: read from the installed metadata
(importlib.metadata), so the list cannot drift from what is installed.

Two readers: Help → About lists them for the moderator (LGPL-3.0 asks that the user be told), and the bundle
build (`packaging/bundle_licences.py`) copies their licence texts into the bundle. Neither Qt nor any other
dependency is imported here, so the build can use it without importing the app.
"""

from __future__ import annotations

import re
from importlib import metadata

DISTRIBUTION = "fishbowl-desktop"
_NAME = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)")


def normalised(name: str) -> str:
    """A distribution's name as the index compares it (PEP 503): "PySide6_Essentials" → "pyside6-essentials"."""
    return re.sub(r"[-_.]+", "-", name).lower()


def name_of(dist: metadata.Distribution) -> str:
    return str(dist.metadata["Name"])


def requirement_names(dist: metadata.Distribution) -> list[str]:
    """The names of the distributions `dist` needs at run time: its requirements without the extras (the test
    extra is not part of the program). One needed only on another platform is not installed here, so
    `runtime_distributions` passes over it."""
    names = []
    for requirement in dist.requires or []:
        if re.search(r"\bextra\s*==", requirement):
            continue
        match = _NAME.match(requirement)
        if match:
            names.append(match.group(1))
    return names


def runtime_distributions(root_name: str = DISTRIBUTION) -> list[metadata.Distribution]:
    """The installed distributions the program consists of: `root_name` and everything it needs, transitively,
    sorted by name."""
    seen: dict[str, metadata.Distribution] = {}
    pending = [root_name]
    while pending:
        wanted = pending.pop()
        key = normalised(wanted)
        if key in seen:
            continue
        try:
            dist = metadata.distribution(wanted)
        except metadata.PackageNotFoundError:
            continue  # an optional dependency this platform does not install
        seen[key] = dist
        pending.extend(requirement_names(dist))
    return sorted(seen.values(), key=lambda d: name_of(d).lower())


def _field(dist: metadata.Distribution, name: str) -> str:
    values = dist.metadata.get_all(name) or []
    return str(values[0]).strip() if values else ""


def licence_of(dist: metadata.Distribution) -> str:
    """The SPDX expression, else the licence field (when it is a name, not the whole text), else the classifiers'
    licence; "unknown" says so aloud."""
    expression = _field(dist, "License-Expression")
    if expression:
        return expression
    field = _field(dist, "License")
    if field and "\n" not in field and len(field) < 80:
        return field
    classifiers = [
        c.split("::")[-1].strip() for c in dist.metadata.get_all("Classifier") or [] if c.startswith("License ::")
    ]
    return " / ".join(classifiers) or "unknown"
