"""Refuse to start on a Qt binding known to crash the console, with a message instead of an abort an hour in; and
name the missing X11 library instead of letting Qt abort at the first window (`missing_x11_library`).

PySide6 6.12.0 on CPython 3.11 takes a reference from `None` on every void Qt call and from `True`/`False` on
every `Signal.emit()` without giving it back (a steady loss even in an idle console; the figures are in
benchmarks/README.md). On CPython < 3.12 those objects can reach a count of zero, and CPython aborts with
"Fatal Python error: none_dealloc" / "bool_dealloc", minutes into a running timer. From CPython 3.12 on they
are immortal (PEP 683), so the same wheel is harmless there; PySide6 6.11.3 does not leak on any Python.

The dependency pin (`pyproject.toml`, `constraints.txt`) keeps that build out of a normal install; this check
catches a venue laptop that got it anyway (an old venv, a hand-made `pip install -U`): `app.run_app` refuses to
start and says why (the text is in app.py, for the translation). No Qt import here, so the version is read from
the package metadata; `scripts/check_newest_pyside.py` measures whether a new release still leaks, so an entry
can be added here or the pin moved.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from fishbowl_desktop.value_class import value_class

BINDING_DISTRIBUTIONS = ("PySide6-Essentials", "PySide6")


@value_class
class BrokenBinding:
    """A PySide6 release known to crash on some Python versions, and what to do about it."""

    version: str
    """The exact PySide6 release."""
    python_below: tuple[int, int]
    """The fault shows on CPython versions below this one."""
    fault: str


KNOWN_BROKEN: tuple[BrokenBinding, ...] = (
    BrokenBinding("6.12.0", (3, 12), "drops references to None/True/False on every Qt call and aborts the program"),
)


def binding_version() -> str | None:
    """The PySide6 release: the loaded module's own version if it is imported (a PyInstaller bundle may carry no
    package metadata), else read from the package metadata without importing Qt."""
    loaded = sys.modules.get("PySide6")
    if loaded is not None and isinstance(getattr(loaded, "__version__", None), str):
        return str(loaded.__version__)
    from importlib import metadata  # only when PySide6 is not loaded yet: it costs ~20 ms (email, csv, zipfile)

    for name in BINDING_DISTRIBUTIONS:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return None


def known_fault(
    version: str | None, python: tuple[int, ...] | None = None, implementation: str | None = None
) -> BrokenBinding | None:
    """The known fault of this PySide6 release on this Python, or None if the combination is not known to break."""
    if version is None:
        return None
    python = tuple(python or sys.version_info[:3])
    implementation = implementation or sys.implementation.name
    if implementation != "cpython":
        return None
    for broken in KNOWN_BROKEN:
        if version == broken.version and python[:2] < broken.python_below:
            return broken
    return None


XCB_CURSOR = "libxcb-cursor.so.0"
"""Qt 6.5 and newer need it to open a window on X11, and PySide6's wheels do not carry it: without it Qt aborts
(exit 134) with a message about the "xcb" platform plugin that names no package."""
LIBRARY_FOLDERS = ("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/lib64")


def _loads(name: str) -> bool:
    import ctypes  # only when the usual folders do not have it (another distribution's layout)

    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def missing_x11_library(
    environ: dict[str, str] | None = None, platform: str | None = None, loads: Callable[[str], bool] | None = None
) -> str | None:
    """The Debian/Ubuntu package to install when Qt would open its window through X11 and could not, else None."""
    environ = dict(os.environ) if environ is None else environ
    if not (platform or sys.platform).startswith("linux") or getattr(sys, "frozen", False):
        return None  # the bundle carries the library itself
    requested = environ.get("QT_QPA_PLATFORM", "")
    if requested and not requested.startswith("xcb"):
        return None
    if not requested and (environ.get("WAYLAND_DISPLAY") or not environ.get("DISPLAY")):
        return None  # Qt takes Wayland; or there is no X server, which Qt says in words of its own
    if any(os.path.exists(os.path.join(folder, XCB_CURSOR)) for folder in LIBRARY_FOLDERS) or (loads or _loads)(
        XCB_CURSOR
    ):
        return None
    return "libxcb-cursor0"
