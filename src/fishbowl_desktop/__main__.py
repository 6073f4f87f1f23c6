"""Entry point: `fishbowl-desktop` / `python -m fishbowl_desktop`.

The headless subcommands (write-demo, check, export-pdf) never import Qt, so they run on a machine
without a display; everything else opens the console.
"""

from __future__ import annotations

import gc
import sys


def main(argv: list[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        # A frozen bundle starts the PDF worker process by running this same executable with
        # multiprocessing's arguments: answer those before anything else. An installed package starts the
        # worker with its own interpreter, so the console's first frame does not wait for multiprocessing.
        import multiprocessing

        multiprocessing.freeze_support()
    args = sys.argv[1:] if argv is None else argv
    collecting = gc.isenabled()
    gc.disable()  # the command line's module brings in the whole model, which the console keeps (open_console)
    try:
        from fishbowl_desktop.cli import HEADLESS_COMMANDS

        if not (args and args[0] in HEADLESS_COMMANDS):
            return open_console(args)
    finally:
        if collecting:
            gc.enable()
    from fishbowl_desktop.cli import run_cli

    return run_cli(args)


def open_console(args: list[str]) -> int:
    """Everything made before the console's first frame (modules, widgets, the evening) lives until quit, so
    Python's collector would only walk it in vain, dozens of times before the window showed (benchmarks/README.md).
    It is off until the first frame, where the console collects once, freezes what exists and collects on its own
    timer from then on (`startup.collector`); as it was when the console returns."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        from fishbowl_desktop.startup.feature_scan import load_pyside_keeping_no_sources
        from fishbowl_desktop.startup.quick_enums import install

        install()  # PySide6's enum types without Python 3.11's per-member detour (startup/quick_enums.py)
        load_pyside_keeping_no_sources()
        from fishbowl_desktop.app import run_app

        return run_app(args)
    finally:
        if collecting:
            gc.enable()


if __name__ == "__main__":
    sys.exit(main())
