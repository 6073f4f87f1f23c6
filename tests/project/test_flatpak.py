"""The Flatpak manifest (packaging/flatpak/) kept in step with the project, without building it.

No Flathub runtime can be had here, so nothing builds the Flatpak in CI; these checks catch what would make
Flathub's build fail or ship something else than the tests passed with: a pin raised in constraints.txt without
regenerating the wheel list, a dependency added to pyproject without a wheel, a wheel for the wrong Python, an
installed file that moved, an app id that differs between the manifest and the files it installs.
The pins are checked from the JSON files alone; the manifest itself (YAML) is read the way Flathub reads it,
by `flatpak-builder --show-manifest`, which parses it without any runtime.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shlex
import shutil
import subprocess
import tomllib
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name, parse_wheel_filename
from packaging.version import Version

from fishbowl_desktop.licences import normalised, runtime_distributions

ROOT = Path(__file__).resolve().parents[2]
FLATPAK = ROOT / "packaging" / "flatpak"
APP_ID = "org.fishbowldesktop.FishbowlDesktop"
MANIFEST = FLATPAK / f"{APP_ID}.yml"


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sources = _load(FLATPAK / "write_sources.py")
bundle = _load(ROOT / "packaging" / "fishbowl_bundle.py")


def _dependencies() -> dict[str, Any]:
    module: dict[str, Any] = json.loads(sources.DEPENDENCIES_FILE.read_text(encoding="utf-8"))
    return module


def _wheels(module: dict[str, Any]) -> dict[str, dict[str, Version]]:
    """{arch: {name: version}} of the wheel sources, from their file names."""
    by_arch: dict[str, dict[str, Version]] = {arch: {} for arch in sources.ARCHES}
    for source in module["sources"]:
        name, version, _, _ = parse_wheel_filename(source["url"].rsplit("/", 1)[1])
        for arch in source.get("only-arches", sources.ARCHES):
            assert name not in by_arch[arch], f"two wheels of {name} for {arch}"
            by_arch[arch][name] = version
    return by_arch


def _mismatches(module: dict[str, Any], pins: dict[str, Version]) -> list[str]:
    """What differs between the wheel module and `pins` (empty when they agree). Which distributions are needed
    comes from the installed metadata, which is constraints.txt's versions (write_sources checks that)."""
    problems = []
    for arch, wheels in _wheels(module).items():
        needed = sources.runtime_closure(arch, sources.read_pins())
        for name in sorted(needed.keys() - wheels.keys()):
            problems.append(f"{name}: needed on {arch}, but the manifest has no wheel of it")
        for name in sorted(wheels.keys() - needed.keys()):
            problems.append(f"{name}: a wheel for {arch} that the app does not need")
        for name in sorted(needed.keys() & wheels.keys()):
            if wheels[name] != pins[name]:
                problems.append(f"{name}: the manifest has {wheels[name]}, constraints.txt pins {pins[name]}")
    return problems


# ---------------------------------------------------------------------- the wheels, against constraints.txt
def test_the_wheels_are_the_pinned_versions_of_every_runtime_dependency() -> None:
    module = _dependencies()
    pins = sources.read_pins()
    assert _mismatches(module, pins) == [], "run packaging/flatpak/write_sources.py"
    # the same closure as the bundle's licence folder and Help → About, less what Python 3.13 does not need
    installed = {normalised(d.metadata["Name"]) for d in runtime_distributions()} - {"fishbowl-desktop"}
    wheels = _wheels(module)["x86_64"]
    assert {"pyside6-essentials", "shiboken6", "aiohttp", "typst", "uharfbuzz", "segno", "platformdirs"} <= set(wheels)
    assert set(wheels) <= installed
    assert installed - set(wheels) <= {"typing-extensions"}  # aiohttp and aiosignal need it before Python 3.13
    # pip installs exactly these, by name and version, from the downloaded wheels only
    command = shlex.split(module["build-commands"][0])
    assert command[:2] == ["pip3", "install"] and "--no-index" in command and "--no-deps" in command
    assert "--only-binary=:all:" in command
    requested = {canonicalize_name(r.split("==")[0]): Version(r.split("==")[1]) for r in command if "==" in r}
    assert requested == wheels


def test_a_pin_raised_without_regenerating_is_caught() -> None:
    module = _dependencies()
    pins = sources.read_pins()
    raised = dict(pins, aiohttp=Version("99.0"))
    assert _mismatches(module, raised) == [
        f"aiohttp: the manifest has {pins['aiohttp']}, constraints.txt pins 99.0",
        f"aiohttp: the manifest has {pins['aiohttp']}, constraints.txt pins 99.0",
    ]
    dropped = dict(module, sources=[s for s in module["sources"] if "/segno-" not in s["url"]])
    assert _mismatches(dropped, pins) == [
        f"segno: needed on {arch}, but the manifest has no wheel of it" for arch in sources.ARCHES
    ]


def test_every_wheel_is_one_the_runtimes_python_loads_from_pypi_with_its_hash() -> None:
    for source in _dependencies()["sources"]:
        filename = source["url"].rsplit("/", 1)[1]
        assert source["url"].startswith("https://files.pythonhosted.org/packages/"), filename
        assert re.fullmatch(r"[0-9a-f]{64}", source["sha256"]), filename
        _, _, _, tags = parse_wheel_filename(filename)
        for arch in source.get("only-arches", sources.ARCHES):
            assert tags & set(sources.supported_tags(arch)), f"{filename} does not load on {arch}"
        if "only-arches" not in source:  # shared by both architectures: pure Python
            assert all(tag.platform == "any" for tag in tags), filename


def test_the_build_backend_is_the_pinned_setuptools_within_pyprojects_bounds() -> None:
    backend = json.loads(sources.BUILD_BACKEND_FILE.read_text(encoding="utf-8"))
    assert len(backend) == 1 and backend[0]["dest"] == "build-backend"
    name, version, _, _ = parse_wheel_filename(backend[0]["url"].rsplit("/", 1)[1])
    assert name == "setuptools" and version == sources.read_pins()["setuptools"]
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["requires"]
    assert [r.split(">")[0] for r in requires] == ["setuptools"]  # the only build requirement: nothing else to fetch
    assert version in SpecifierSet(requires[0].removeprefix("setuptools"))


def test_the_runtimes_python_is_the_one_the_wheels_are_chosen_for() -> None:
    runtime_python = {"24.08": (3, 12), "25.08": (3, 13)}[sources.RUNTIME_BRANCH]  # freedesktop-sdk's
    assert runtime_python == sources.PYTHON_VERSION
    classifiers = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["classifiers"]
    assert f"Programming Language :: Python :: {runtime_python[0]}.{runtime_python[1]}" in classifiers


# ---------------------------------------------------------------------- the manifest, as flatpak-builder reads it
needs_flatpak_builder = pytest.mark.skipif(
    shutil.which("flatpak-builder") is None, reason="flatpak-builder not installed (apt-get install flatpak-builder)"
)


@pytest.fixture(scope="module")
def manifest(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The manifest with its included files, as flatpak-builder reads it (its state folder goes to a temporary
    folder, not into the checkout)."""
    result = subprocess.run(
        ["flatpak-builder", "--show-manifest", str(MANIFEST)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=tmp_path_factory.mktemp("flatpak-builder"),
    )
    assert result.returncode == 0, result.stderr
    parsed: dict[str, Any] = json.loads(result.stdout)
    return parsed


@needs_flatpak_builder
def test_flatpak_builder_reads_the_manifest_and_its_generated_parts(manifest: dict[str, Any]) -> None:
    assert manifest["id"] == APP_ID
    assert manifest["command"] == bundle.APP_NAME
    assert (manifest["runtime"], manifest["sdk"]) == ("org.freedesktop.Platform", "org.freedesktop.Sdk")
    assert manifest["runtime-version"] == sources.RUNTIME_BRANCH
    dependencies, app = manifest["modules"]
    assert dependencies == _dependencies()  # the generated file, included as it is
    assert app["name"] == bundle.APP_NAME
    backend = json.loads(sources.BUILD_BACKEND_FILE.read_text(encoding="utf-8"))
    assert app["sources"][1:] == backend


@needs_flatpak_builder
def test_the_sandbox_asks_for_what_a_moderator_needs_and_no_more(manifest: dict[str, Any]) -> None:
    """A change here is a change of what the app may do on a moderator's laptop: make it on purpose, explained
    in the manifest's comments and packaging/README.md."""
    assert sorted(manifest["finish-args"]) == sorted(
        [
            "--socket=wayland",
            "--socket=fallback-x11",  # never x11 beside wayland (Flathub's linter refuses it)
            "--share=ipc",
            "--device=dri",
            "--share=network",  # the room on the local network
            "--socket=pulseaudio",  # the optional chime
            "--filesystem=xdg-documents",  # PDFs, exports and sessions kept in ~/Documents
        ]
    )


@needs_flatpak_builder
def test_every_file_the_manifest_installs_is_in_the_repository_under_the_app_id(manifest: dict[str, Any]) -> None:
    """The same menu entry, metainfo, MIME type and icons the bundle carries (fishbowl_bundle.share_files), each
    copied from a file of this checkout to /app/share under the app id."""
    app = manifest["modules"][1]
    checkout = app["sources"][0]
    assert checkout["type"] == "dir" and (MANIFEST.parent / checkout["path"]).resolve() == ROOT
    assert {".git", ".venv", "build", "dist"} <= set(checkout["skip"])
    installed = []
    for command in app["build-commands"][1:]:
        words = shlex.split(command)
        assert words[:2] == ["install", "-Dm644"] and len(words) == 4, command
        source, dest = words[2], words[3]
        assert (ROOT / source).is_file(), source
        assert dest.startswith("${FLATPAK_DEST}/share/") and "${FLATPAK_ID}" in Path(dest).name, dest
        installed.append((ROOT / source, dest.replace("${FLATPAK_DEST}/", "").replace("${FLATPAK_ID}", APP_ID)))
    assert sorted(installed) == sorted(bundle.share_files())
    assert shlex.split(app["build-commands"][0])[-1] == "."  # the app itself, from the checkout
