"""Entry point: `fishbowl-desktop` / `python -m fishbowl_desktop`.

The headless subcommands (write-demo, check, export-pdf) never import Qt, so they run on a machine
without a display; everything else opens the console.
"""

from __future__ import annotations

import multiprocessing
import sys

from fishbowl_desktop.cli import HEADLESS_COMMANDS


def main(argv: list[str] | None = None) -> int:
    # A frozen bundle starts the PDF worker process by running this same executable with multiprocessing's
    # arguments: answer those before anything else (a no-op everywhere else).
    multiprocessing.freeze_support()
    args = sys.argv[1:] if argv is None else argv
    if args and args[0] in HEADLESS_COMMANDS:
        from fishbowl_desktop.cli import run_cli

        return run_cli(args)
    from fishbowl_desktop.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
