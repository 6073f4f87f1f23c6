"""Keeps the console alive on CPython 3.11 with PySide6 builds that drop references to None, True and False.

Measured here with PySide6 6.12.0 on CPython 3.11.7: every call of a void Qt method (`update()`,
`setEnabled()`, `processEvents()`) takes one reference from `None` that it never gave, and some virtual
overrides do the same to `True`/`False`. The idle console loses about 90 references a second, so after
roughly two minutes CPython aborts with "Fatal Python error: none_dealloc". PySide6 6.11.3 does not do
this, and from CPython 3.12 on these objects are immortal (PEP 683), so the bug is invisible there.

The fix belongs in the dependency pin (exclude the broken build for Python < 3.12); this guard is the
safety net for a venue laptop that got that combination anyway. It does what CPython 3.12 does: gives the
three singletons a reference count so large that no leak can bring it to zero. Nothing is ever freed
twice, because these objects are never freed at all.
"""

from __future__ import annotations

import ctypes
import sys

TOP_UP = 1 << 40
"""References added once: at a thousand lost references a second this lasts thirty years."""
_done = False


def make_singletons_immortal() -> bool:
    """Apply once per process on CPython < 3.12 (release builds); True if it was applied now."""
    global _done
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if hasattr(sys, "gettotalrefcount"):  # a debug build lays PyObject out differently: leave it alone
        return False
    for obj in (None, True, False):
        # ob_refcnt is the first field of every PyObject in a release build of CPython 3.11.
        ctypes.c_ssize_t.from_address(id(obj)).value += TOP_UP
    _done = True
    return True
