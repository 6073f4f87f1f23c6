"""One cold start, in its own process: `bare` (a plain PySide6 window) or `console` (the real app through its
entry point `fishbowl_desktop.__main__.main`, as `fishbowl-desktop` starts it, unchanged; with
`--without-feature-scan` PySide6 keeps its own check of every import, for `python -m benchmarks.run
--feature-scan` to show what `startup/feature_scan.py` saves). Reports seconds from
process start to the window's first paint event and to the end of that first frame, then the peak memory after
a settled second or so (for the console: with the projector open, as during an evening).

The bare branch imports nothing but PySide6 and the standard library, so it is the true floor.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import resource
import sys
import time
from collections.abc import Callable
from types import ModuleType

SETTLE_MS = 1500
"""After the first frame: time for the projector to open, place itself and paint, before memory is read."""


def _elapsed() -> float:
    return time.monotonic() - float(os.environ["BENCH_T0"])


def _report(**data: object) -> None:
    print("BENCH " + json.dumps(data), flush=True)


def _rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _resident_mib() -> float:
    """Resident memory right now (not the peak): /proc/self/statm where there is one, else the peak."""
    try:
        with open("/proc/self/statm", encoding="ascii") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1024 / 1024
    except OSError:
        return _rss_mib()


class _FirstFrame:
    """Event filter: the first paint event of a window, then (zero timer) the end of that paint cycle."""

    def __init__(self, widget: object, done: object) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer

        outer = self

        class Filter(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and outer.first_paint is None:
                    outer.first_paint = _elapsed()
                    outer.first_paint_cpu = time.process_time()  # user + system of the whole process
                    outer.first_paint_rss = _resident_mib()
                    QTimer.singleShot(0, outer._frame_done)
                return False

        self.first_paint: float | None = None
        self.first_paint_cpu: float | None = None
        self.first_paint_rss: float | None = None
        self.frame: float | None = None
        self._done = done
        self._filter = Filter()
        widget.installEventFilter(self._filter)  # type: ignore[attr-defined]

    def _frame_done(self) -> None:
        self.frame = _elapsed()
        self._done()  # type: ignore[operator]


def bare(with_text: bool = False) -> int:
    """`with_text`: one QLabel in the window, so the font machinery (fontconfig, FreeType, the glyph
    cache: ~12 MiB here) is loaded too, as in any window that shows a word."""
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

    app = QApplication([sys.argv[0]])
    window = QWidget()
    window.setWindowTitle("bare")
    if with_text:
        QVBoxLayout(window).addWidget(QLabel("Fishbowl – Redezeit 3:00"))
    screen = QGuiApplication.primaryScreen()
    window.setGeometry(screen.availableGeometry())  # the same area the console fills, shown the same way

    def settled() -> None:
        _report(
            first_paint_s=watch.first_paint,
            frame_s=watch.frame,
            first_paint_cpu_s=watch.first_paint_cpu,
            first_paint_rss_mib=watch.first_paint_rss,
            rss_mib=_rss_mib(),
            projector_painted=None,
        )
        app.quit()

    watch = _FirstFrame(window, lambda: QTimer.singleShot(SETTLE_MS, settled))
    window.showMaximized()
    return app.exec()


class _WhenImported(importlib.abc.MetaPathFinder):
    """Calls `then(module)` right after the module `name` is first imported, so the child needs to import
    nothing (no Qt, which changes how every later import is checked) before the entry point runs."""

    def __init__(self, name: str, then: Callable[[ModuleType], None]) -> None:
        self._name, self._then = name, then

    def find_spec(self, name: str, path: object = None, target: object = None) -> importlib.machinery.ModuleSpec | None:
        if name != self._name:
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        assert spec is not None and spec.loader is not None
        load = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            load(module)
            self._then(module)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def console(open_projector: bool, feature_scan: bool = True) -> int:
    from fishbowl_desktop.__main__ import main

    if not feature_scan:  # the entry point then loads PySide6 as it comes, with PySide6's own check of imports
        from fishbowl_desktop.startup import feature_scan as scan

        def plain_pyside() -> bool:
            import PySide6.QtCore  # noqa: F401 - what the entry point would have loaded

            return False

        scan.load_pyside_keeping_no_sources = plain_pyside

    original_fit: Callable[[object], None] | None = None
    state: dict[str, object] = {}

    def fit_and_watch(window: object) -> None:
        """Called by run_app right before window.show(): the moment to start watching the console's paints."""
        from PySide6.QtCore import QTimer

        def first_frame() -> None:
            projector = getattr(window, "projector", None)
            if open_projector and projector is not None:
                projector.show_projector()
                view = projector.window().view
                state["projector"] = _FirstFrame(view, lambda: None)
            QTimer.singleShot(SETTLE_MS, settled)

        def settled() -> None:
            watch_projector = state.get("projector")
            painted = watch_projector is not None and watch_projector.first_paint is not None  # type: ignore[attr-defined]
            _report(
                first_paint_s=watch.first_paint,
                frame_s=watch.frame,
                first_paint_cpu_s=watch.first_paint_cpu,
                first_paint_rss_mib=watch.first_paint_rss,
                rss_mib=_rss_mib(),
                projector_painted=painted if open_projector else None,
            )
            window.close()  # type: ignore[attr-defined]  # run_app saves and returns

        watch = _FirstFrame(window, first_frame)
        assert original_fit is not None
        original_fit(window)

    def watch_placement(window_placement: ModuleType) -> None:
        nonlocal original_fit
        original_fit = window_placement.fit_to_screen
        window_placement.fit_to_screen = fit_and_watch  # type: ignore[attr-defined]  # app.py takes it from there

    sys.meta_path.insert(0, _WhenImported("fishbowl_desktop.startup.window", watch_placement))
    return main([])


if __name__ == "__main__":
    kind = sys.argv[1]
    if kind in ("bare", "bare_text"):
        sys.exit(bare(with_text=kind == "bare_text"))
    sys.exit(
        console(
            open_projector="--no-projector" not in sys.argv,
            feature_scan="--without-feature-scan" not in sys.argv,
        )
    )
