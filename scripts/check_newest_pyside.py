"""Does the newest PySide6 still drop references to True/None on CPython < 3.12?  Tells when the pin can move.

    python scripts/check_newest_pyside.py [--version 6.12.1] [--python python3.11] [--venv build/pyside-check]

Creates a scratch venv (default `build/pyside-check`, reused), installs `PySide6-Essentials` (the newest release,
or `--version`) into it, and runs a probe in a fresh process: 200 `Signal.emit(True)` and 200 void Qt calls,
counting the references True and None lose per call. PySide6 6.12.0 on CPython 3.11.7 loses 1.0 per call and
then aborts ("Fatal Python error: bool_dealloc"); 6.11.3 loses 0.

Exit status: 0 the release does not leak (move the pin in constraints.txt, run the tests, and drop its entry in
`fishbowl_desktop/binding_check.py` if it was listed); 1 it leaks or the probe crashed (keep the pin; add the
release to `KNOWN_BROKEN` if it is not there); 2 the venv or the install failed. Run it on a schedule
(.github/workflows/newest-pyside.yml does, weekly) or before every dependency update.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROBE = r"""
import json, sys
from PySide6 import __version__
from PySide6.QtCore import QCoreApplication, QObject, Signal
class Emitter(QObject):
    changed = Signal(bool)
app = QCoreApplication([])
emitter, other = Emitter(), QObject()
emitter.changed.connect(lambda value: None)
def loss(obj, action, calls=200):
    before = sys.getrefcount(obj)
    for _ in range(calls):
        action()
    return (before - sys.getrefcount(obj)) / calls
print(json.dumps({"pyside": __version__, "python": sys.version.split()[0],
                  "true_per_emit": loss(True, lambda: emitter.changed.emit(True)),
                  "none_per_void_call": loss(None, lambda: other.setObjectName("x"))}), flush=True)
"""
LEAK_THRESHOLD = 0.1
"""References lost per call above which the release counts as leaking (a healthy build loses 0.0)."""


def measure(python: str) -> tuple[dict[str, object] | None, int, str]:
    """Run the probe with `python`; (result or None, exit status, stderr)."""
    done = subprocess.run(
        [python, "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    for line in done.stdout.splitlines():
        if line.startswith("{"):
            return json.loads(line), done.returncode, done.stderr
    return None, done.returncode, done.stderr


def verdict(result: dict[str, object]) -> bool:
    """True if the release leaks."""
    return any(float(result[key]) > LEAK_THRESHOLD for key in ("true_per_emit", "none_per_void_call"))  # type: ignore[arg-type]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", help="a PySide6 release (default: the newest)")
    parser.add_argument("--python", default=sys.executable, help="the interpreter for the venv (default: this one)")
    parser.add_argument("--venv", type=Path, default=ROOT / "build" / "pyside-check")
    args = parser.parse_args(argv)
    bindir = args.venv / ("Scripts" if sys.platform == "win32" else "bin")
    python = str(bindir / ("python.exe" if sys.platform == "win32" else "python"))
    try:
        if not Path(python).exists():
            subprocess.run([args.python, "-m", "venv", str(args.venv)], check=True)
        wanted = f"PySide6-Essentials=={args.version}" if args.version else "PySide6-Essentials"
        subprocess.run([python, "-m", "pip", "install", "-q", "--upgrade", wanted], check=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        print(f"could not prepare {args.venv}: {exc}", file=sys.stderr)
        return 2
    result, status, errors = measure(python)
    if result is None:
        print(f"the probe crashed (exit status {status}): {errors.strip().splitlines()[:1]}")
        return 1
    leaks = verdict(result) or status != 0
    print(
        f"PySide6 {result['pyside']} on Python {result['python']}: True loses {result['true_per_emit']} per emit, "
        f"None loses {result['none_per_void_call']} per void call, probe exit status {status}"
    )
    print(
        "LEAKS: keep the pin in constraints.txt"
        if leaks
        else "clean: the pin in constraints.txt can move to this release (run the tests first)"
    )
    return 1 if leaks else 0


if __name__ == "__main__":
    sys.exit(main())
