"""PySide6's check of every imported module, without keeping the module's source in memory.

Once PySide6 is loaded it looks at each module imported after it and notes whether it uses PySide6 (for its
opt-in `from __feature__ import snake_case`, which this app does not use). It answers that by reading the
whole source with `inspect.getsource`, and linecache keeps every line of every module the console imports:
megabytes kept and milliseconds of reading and splitting lines before the window shows. The same answer ("does
the file mention PySide6?") comes from the file's bytes, read once and dropped. It stays while
`python -m benchmarks.run --only startup --feature-scan` shows what it saves (benchmarks/README.md).

`shibokensupport.feature._mod_uses_pyside` is PySide6's own function (6.x); when it is not there (another
release), nothing is changed and PySide6 works as it always did.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType


def load_pyside_keeping_no_sources() -> bool:
    """Load PySide6 and make its check of every later import the light one; True when that is in place.
    This module itself is imported before PySide6, so no check looks at it."""
    import linecache

    before = set(linecache.cache)
    import PySide6.QtCore  # noqa: F401 - loads shibokensupport.feature

    for name in set(linecache.cache) - before:  # what its check read while PySide6 itself was loading
        linecache.cache.pop(name, None)  # enum.py, shiboken6's and PySide6's __init__: 0.2 MiB of lines
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if not callable(original):
        return False
    setattr(feature, "_mod_uses_pyside", _reading_bytes(original))  # noqa: B010 - a private name of PySide6
    return True


def _reading_bytes(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def mod_uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)  # compiled, built in, frozen: PySide6 finds no source either way
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return False  # no source file (a bundle): what PySide6 answers then too

    return mod_uses_pyside
