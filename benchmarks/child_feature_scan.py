"""What `startup/feature_scan.py` saves, measured on the check itself, in its own process (`--feature-scan`).

The start-up medians cannot resolve a few tens of milliseconds on a busy machine; this times the very work the
trick replaces. The console's modules are imported (as far as its first frame needs them), then PySide6's own
per-import check (`shibokensupport.feature._mod_uses_pyside`, which reads each module's source through
`inspect.getsource` into linecache) and the trick's (the file's bytes, read once and dropped) run over every one of
them, alternately, several times each: CPU milliseconds (process time, steadier under load than the wall clock)
and how much source linecache kept afterwards.
"""

from __future__ import annotations

import json
import linecache
import statistics
import sys
import time
from collections.abc import Callable
from types import ModuleType

ROUNDS = 7


def _kept_million_characters() -> float:
    """The source linecache holds (its memory is about twice this in MiB: one str object per line)."""
    return sum(len(line) for entry in linecache.cache.values() if len(entry) > 2 for line in entry[2]) / 1e6


def _run(check: Callable[[ModuleType], bool], modules: list[ModuleType]) -> tuple[float, float]:
    linecache.clearcache()
    started = time.process_time()
    for module in modules:
        try:
            check(module)
        except Exception:
            pass
    return (time.process_time() - started) * 1000, _kept_million_characters()


def main() -> int:
    import PySide6.QtCore  # noqa: F401 - loads shibokensupport.feature

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if not callable(original):
        print("BENCH " + json.dumps({"skipped": "this PySide6 has no _mod_uses_pyside"}), flush=True)
        return 0
    from fishbowl_desktop.startup.feature_scan import _reading_bytes

    light = _reading_bytes(original)
    import fishbowl_desktop.app
    import fishbowl_desktop.ui.shell.console_window  # noqa: F401

    modules = [m for m in list(sys.modules.values()) if str(getattr(m, "__file__", "")).endswith(".py")]
    samples: dict[str, list[tuple[float, float]]] = {"pyside": [], "trick": []}
    for i in range(ROUNDS):
        order = (("pyside", original), ("trick", light)) if i % 2 else (("trick", light), ("pyside", original))
        for name, check in order:
            samples[name].append(_run(check, modules))
    out: dict[str, float | int] = {"modules": len(modules), "rounds": ROUNDS}
    for name, rows in samples.items():
        out[f"{name}_cpu_ms"] = statistics.median(r[0] for r in rows)
        out[f"{name}_kept_million_characters"] = statistics.median(r[1] for r in rows)
    print("BENCH " + json.dumps(out), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
