"""Installed like real software (issue 11, point 1): the sdist is built from the project files, a wheel is
built from that sdist, installed outside the checkout, and from there exports all three PDFs with the command
line and starts the console offscreen in German. Nothing of src/ is on the path while it runs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # one of the few slow modules: `pytest -m "not slow"` leaves it out

ROOT = Path(__file__).resolve().parents[2]
PROJECT_FILES = (
    "pyproject.toml",
    "README.md",
    "LICENSE",
    "LICENSE-PSF.txt",
    "MANIFEST.in",
    "constraints.txt",
    "src",
    "docs",
    "tests",
    "packaging",
    "scripts",
)
ASSETS = (
    "assets/fonts/DejaVuSans.ttf",
    "assets/fonts/DejaVuSans-Bold.ttf",
    "assets/fonts/DejaVu-LICENSE.txt",
    "assets/translations/fishbowl_de.qm",
    "assets/sounds/chime.wav",
    "assets/icons/fishbowl-desktop-256.png",
    "assets/icons/fishbowl-desktop.svg",
)


def _pip(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pip", "--disable-pip-version-check", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """(sdist, wheel built from the sdist). The build runs on a copy: the checkout gets no build/ or egg-info."""
    work = tmp_path_factory.mktemp("build")
    copy = work / "project"
    copy.mkdir()
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source,
                copy / name,
                ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", ".pytest_cache", "build", "dist"),
            )
        elif source.is_file():
            shutil.copy2(source, copy / name)
    dist = work / "dist"
    build_sdist = f"from setuptools import build_meta as b; b.build_sdist({str(dist)!r})"
    done = subprocess.run([sys.executable, "-c", build_sdist], cwd=copy, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    sdist = next(dist.glob("*.tar.gz"))
    # With build isolation pip takes setuptools>=68 from the index or its cache; without (offline, and a
    # setuptools that builds wheels by itself) the running interpreter's.
    wheel_build = _pip("wheel", "-q", "--no-deps", "-w", str(dist), str(sdist), cwd=work)
    if wheel_build.returncode != 0:
        wheel_build = _pip("wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(dist), str(sdist), cwd=work)
    if wheel_build.returncode != 0:
        pytest.skip(f"no wheel could be built here (offline and no build backend): {wheel_build.stderr[-300:]}")
    return sdist, next(dist.glob("*.whl"))


@pytest.fixture(scope="module")
def installed(built: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel installed into a fresh target folder; its dependencies are the running interpreter's."""
    target = tmp_path_factory.mktemp("installed") / "site"
    done = _pip("install", "-q", "--no-deps", "--no-index", "--target", str(target), str(built[1]), cwd=target.parent)
    assert done.returncode == 0, done.stderr[-2000:]
    return target


def _env(installed: Path, home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "FISHBOWL_DESKTOP_HOME")}
    return {
        **env,
        "PYTHONPATH": str(installed),
        "FISHBOWL_DESKTOP_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONDONTWRITEBYTECODE": "1",
    }


def test_the_sdist_holds_the_assets_the_constraints_and_the_tests(built: tuple[Path, Path]) -> None:
    with tarfile.open(built[0]) as sdist:
        names = {name.split("/", 1)[1] for name in sdist.getnames() if "/" in name}
    for asset in ASSETS:
        assert f"src/fishbowl_desktop/{asset}" in names, asset
    for name in (
        "constraints.txt",
        "README.md",
        "LICENSE",
        "packaging/licenses/LGPL-3.0.txt",
        "docs/session-format.md",
        "tests/conftest.py",
        "packaging/fishbowl-desktop.spec",
        "scripts/check_newest_pyside.py",
    ):
        assert name in names, name
    assert not any("__pycache__" in name for name in names)


def test_the_wheel_holds_the_assets_and_no_sources_of_translations(built: tuple[Path, Path]) -> None:
    with zipfile.ZipFile(built[1]) as wheel:
        names = set(wheel.namelist())
    for asset in ASSETS:
        assert f"fishbowl_desktop/{asset}" in names, asset
    assert not any(name.endswith(".ts") or name.startswith("tests/") for name in names)
    # the project's own licence, beside the fonts' (a venue's IT looks for it in the wheel's metadata)
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)
    # and the PSF's, for the enum helper based on CPython's code (startup/quick_enums.py)
    assert any(name.endswith(".dist-info/licenses/LICENSE-PSF.txt") for name in names)
    with zipfile.ZipFile(built[1]) as wheel:
        metadata = next(wheel.read(n) for n in names if n.endswith(".dist-info/METADATA")).decode()
    assert "License-Expression: MIT AND PSF-2.0" in metadata
    assert "Classifier: Operating System :: Microsoft :: Windows" in metadata
    # an index shows the long description without the repository beside it: no relative image or link
    description = metadata.split("\n\n", 1)[1]
    assert "Fishbowl Desktop" in description and "pipx install fishbowl-desktop" in description
    targets = re.findall(r"\]\(([^)]*)\)", description)
    assert all(target.startswith(("https://", "#")) for target in targets), targets


def test_the_installed_command_exports_all_three_pdfs(installed: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = _env(installed, tmp_path / "home")
    where = subprocess.run(
        [sys.executable, "-c", "import fishbowl_desktop; print(fishbowl_desktop.__file__)"],
        env=env,
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert Path(where.stdout.strip()).is_relative_to(installed), where
    command = installed / "bin" / "fishbowl-desktop"
    run = [str(command)] if command.is_file() and os.name == "posix" else [sys.executable, "-m", "fishbowl_desktop"]
    session = elsewhere / "abend.fishbowl.json"
    done = subprocess.run(
        [*run, "write-demo", str(session)], env=env, cwd=elsewhere, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    for kind in ("handout", "attendees", "report"):
        pdf = elsewhere / f"{kind}.pdf"
        done = subprocess.run(
            [*run, "export-pdf", str(session), "--kind", kind, "-o", str(pdf)],
            env=env,
            cwd=elsewhere,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, f"{kind}: {done.stderr}"
        data = pdf.read_bytes()
        assert data.startswith(b"%PDF") and b"DejaVuSans" in data, kind


GERMAN_START = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(["fishbowl-desktop"])
import fishbowl_desktop
from fishbowl_desktop.app import run_app
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow
print("FROM", fishbowl_desktop.__file__, flush=True)

def quit_when_open():
    windows = [w for w in app.topLevelWidgets() if isinstance(w, ConsoleWindow) and w.isVisible()]
    if not windows:
        QTimer.singleShot(20, quit_when_open)
        return
    print("MENUS", "|".join(a.text() for a in windows[0].menuBar().actions()), flush=True)
    print("LABEL", windows[0].save_label.text(), flush=True)
    windows[0].commands["quit"].trigger()

QTimer.singleShot(0, quit_when_open)
sys.exit(run_app(["--demo"]))
"""


def test_the_installed_console_starts_offscreen_in_german(installed: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "settings.json").write_text('{"version": 2, "language": "de"}', encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", GERMAN_START],
        env=_env(installed, home),
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert Path(lines["FROM"]).is_relative_to(installed)
    assert "&Datei" in lines["MENUS"].split("|"), lines["MENUS"]
    assert lines["LABEL"].startswith("Gespeichert") or "Speichern" in lines["LABEL"], lines["LABEL"]
    assert list((home / "sessions").glob("*.fishbowl.json")), "the sample evening was saved"
    assert not list(home.glob("running*.json")), "the exit was clean"
