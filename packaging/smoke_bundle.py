"""Smoke-test a built one-folder bundle on any platform (the CI workflow runs it on Windows and macOS).

    python packaging/smoke_bundle.py dist/fishbowl-desktop            (the one-folder bundle)
    python packaging/smoke_bundle.py "dist/Fishbowl Desktop.app"     (macOS: the app a user opens)

The same checks as `build_linux.sh` in Python, so they run where bash does not: `--version`; `write-demo`,
`check` of the sample and of a truncated file (one line, no traceback); `export-pdf` of all three documents
(each a PDF embedding the bundled DejaVu font); the console offscreen with `--demo` for 5 s (alive, the sample
saved). On POSIX it is then closed with SIGTERM and must exit 0 within 10 s with no crash marker left; on
Windows there is no SIGTERM for a windowless process, so it is ended and only the first part is checked.
Needs no display (QT_QPA_PLATFORM=offscreen) and no network. Exit status 0 when every check passed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def executables(bundle: Path) -> tuple[Path, Path]:
    """(the app a user starts, the executable that prints the headless commands' results).

    Windows has a windowed app, which prints nothing, and a console twin beside it; a macOS `.app` keeps its
    executable in Contents/MacOS; elsewhere one executable does both.
    """
    if bundle.suffix == ".app":
        inside = bundle / "Contents" / "MacOS" / "fishbowl-desktop"
        return inside, inside
    if sys.platform == "win32":
        return bundle / "fishbowl-desktop.exe", bundle / "fishbowl-desktop-console.exe"
    return bundle / "fishbowl-desktop", bundle / "fishbowl-desktop"


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    app, cli = executables(Path(argv[0]))
    for path in {app, cli}:
        if not path.is_file():
            print(f"FAIL no executable at {path}")
            return 1
    failures: list[str] = []

    def check(ok: bool, what: str) -> None:
        print(("ok   " if ok else "FAIL ") + what, flush=True)
        if not ok:
            failures.append(what)

    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        env = {**os.environ, "FISHBOWL_DESKTOP_HOME": str(work / "home"), "QT_QPA_PLATFORM": "offscreen"}

        def run(*args: str) -> subprocess.CompletedProcess[str]:
            return subprocess.run([str(cli), *args], env=env, capture_output=True, text=True, timeout=120)

        version = run("--version")
        check(
            version.returncode == 0 and version.stdout.startswith("fishbowl-desktop "),
            f"--version: {version.stdout.strip()!r}",
        )
        sample = work / "sample.fishbowl.json"
        check(run("write-demo", str(sample)).returncode == 0 and sample.is_file(), "write-demo")
        check(run("check", str(sample)).returncode == 0, "check accepts the sample")
        broken = work / "broken.json"
        broken.write_text('{"format": "not a session"', encoding="utf-8")
        refused = run("check", str(broken))
        check(
            refused.returncode != 0 and "Traceback" not in refused.stderr, "check refuses a truncated file in one line"
        )
        for kind in ("handout", "attendees", "report"):
            pdf = work / f"{kind}.pdf"
            done = run("export-pdf", str(sample), "--kind", kind, "-o", str(pdf))
            data = pdf.read_bytes() if pdf.is_file() else b""
            check(done.returncode == 0 and data.startswith(b"%PDF") and b"DejaVuSans" in data, f"export-pdf {kind}")

        home = work / "gui-home"
        log = (work / "gui.log").open("w")
        gui = subprocess.Popen(
            [str(app), "--demo"], env={**env, "FISHBOWL_DESKTOP_HOME": str(home)}, stdout=log, stderr=subprocess.STDOUT
        )
        time.sleep(5)
        check(gui.poll() is None, "the console is still running after 5 s")
        check(any(home.rglob("*.fishbowl.json")), "the console saved the sample evening")
        if os.name == "posix":
            gui.send_signal(signal.SIGTERM)
            try:
                status = gui.wait(timeout=10)
            except subprocess.TimeoutExpired:
                status = None
            check(status == 0, f"SIGTERM closes it with exit 0 (got {status})")
            check(not list(home.glob("running*.json")), "the exit was marked clean")
        if gui.poll() is None:
            gui.kill()
            gui.wait()
        log.close()
        output = (work / "gui.log").read_text(errors="replace")
        check(
            not any(bad in output for bad in ("Traceback", "Fatal Python error", "Qt platform plugin")),
            "no traceback or platform-plugin error in the console's output",
        )
        if failures:
            print(output[-3000:])
    print(f"{len(failures)} check(s) failed" if failures else "all checks passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
