"""Write the Flatpak manifest's Python sources from constraints.txt: one wheel per dependency and architecture,
with its exact address on files.pythonhosted.org and its sha256, the way flatpak-pip-generator writes them.

Flathub builds without network access, so every wheel the app needs is a `type: file` source that
flatpak-builder downloads and checks before the build. Which distributions: the runtime closure of
`fishbowl-desktop` (pyproject's dependencies and theirs, read from the installed metadata, markers evaluated
for the runtime's Python, not this one's); which versions: the pins in constraints.txt, the versions the tests
passed with. The wheel for each architecture is the one pip would pick on the runtime (its tag order:
the newest manylinux the runtime's glibc allows first, abi3 after the exact ABI, pure Python last).

    python packaging/flatpak/write_sources.py           rewrite the two JSON files beside this script
    python packaging/flatpak/write_sources.py --check   exit 1 if they differ from what would be written

Run it with the project installed from constraints.txt (the README's developer venv): the metadata of the
pinned versions is read from there. It asks PyPI's simple index (PEP 691 JSON), nothing else; the test
`tests/project/test_flatpak.py` checks the written files against constraints.txt without the network.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
import urllib.request
from importlib import metadata
from pathlib import Path
from typing import Any

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.tags import Tag, compatible_tags, cpython_tags
from packaging.utils import canonicalize_name, parse_wheel_filename
from packaging.version import Version

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CONSTRAINTS = ROOT / "constraints.txt"
PYPROJECT = ROOT / "pyproject.toml"
DEPENDENCIES_FILE = HERE / "python3-dependencies.json"
"""The module that installs the runtime wheels into /app (included by the manifest's `modules`)."""
BUILD_BACKEND_FILE = HERE / "build-backend-sources.json"
"""The build backend's wheel (setuptools), a source of the app's own module: pip installs it into its isolated
build environment, so it builds the app and is not installed into /app."""
BUILD_BACKEND = "setuptools"

RUNTIME_BRANCH = "25.08"
"""org.freedesktop.Platform's branch in the manifest (runtime-version)."""
PYTHON_VERSION = (3, 13)
"""The Python of org.freedesktop.Platform 25.08 (24.08 has 3.12); the project supports 3.11 and newer."""
GLIBC = (2, 39)
"""The newest manylinux tag accepted. freedesktop-sdk 24.08 and 25.08 ship a newer glibc than this (not checked
here: Flathub is not reachable); PySide6 6.11's aarch64 wheels are manylinux_2_39. A wheel the runtime cannot
load would stop the build at pip ("not a supported wheel on this platform"), never pass silently."""
ARCHES = ("x86_64", "aarch64")
"""The architectures Flathub builds for."""
INDEX = "https://pypi.org/simple"
PIP_INSTALL = (
    'pip3 install --no-index --find-links="file://${PWD}" --prefix="${FLATPAK_DEST}" '
    "--no-deps --only-binary=:all: --ignore-installed"
)
"""--ignore-installed: a distribution the Sdk happens to carry in /usr would otherwise be skipped, and the
Platform the app runs on does not have it. --no-deps: the closure is complete here, pip adds nothing."""

_PIN = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s;#]+)")


class SourcesError(Exception):
    """A pin, a wheel or an installed distribution that does not fit; the message says which and why."""


def read_pins(path: Path = CONSTRAINTS) -> dict[str, Version]:
    """constraints.txt's `name==version` lines, by canonical name."""
    pins: dict[str, Version] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _PIN.match(line)
        if match:
            pins[canonicalize_name(match.group(1))] = Version(match.group(2))
    return pins


def target_environment(arch: str) -> dict[str, str]:
    """The marker environment of the runtime's Python on `arch` (CPython on Linux)."""
    environment = {key: str(value) for key, value in default_environment().items()}
    major, minor = PYTHON_VERSION
    environment.update(
        python_version=f"{major}.{minor}",
        python_full_version=f"{major}.{minor}.0",
        implementation_name="cpython",
        platform_python_implementation="CPython",
        sys_platform="linux",
        platform_system="Linux",
        os_name="posix",
        platform_machine=arch,
    )
    return environment


def _needed(requirement: Requirement, environment: dict[str, str]) -> bool:
    if requirement.marker is None:
        return True
    return requirement.marker.evaluate({**environment, "extra": ""})


def project_requirements(pyproject: Path = PYPROJECT) -> list[Requirement]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    return [Requirement(text) for text in project["dependencies"]]


def runtime_closure(arch: str, pins: dict[str, Version]) -> dict[str, Version]:
    """Every distribution the app needs on the runtime's Python on `arch`, with its pinned version.

    The requirements of each come from its installed metadata, which must be the pinned version's."""
    environment = target_environment(arch)
    wanted = {canonicalize_name(r.name): r for r in project_requirements() if _needed(r, environment)}
    pending = list(wanted)
    closure: dict[str, Version] = {}
    while pending:
        name = pending.pop()
        if name in closure:
            continue
        requirement = wanted[name]
        if name not in pins:
            raise SourcesError(f"{requirement.name} is needed at run time but constraints.txt pins no version of it")
        version = pins[name]
        if version not in requirement.specifier:
            raise SourcesError(f"constraints.txt pins {name}=={version}, which does not satisfy {requirement}")
        try:
            installed = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            raise SourcesError(
                f"{name} is needed on Python {environment['python_version']} but not installed here: install the "
                "project with `pip install -c constraints.txt -e .` and add its pin if it is missing"
            ) from None
        if Version(installed.version) != version:
            raise SourcesError(f"{name} {installed.version} is installed here, but constraints.txt pins {version}")
        closure[name] = version
        for text in installed.requires or []:
            child = Requirement(text)
            if _needed(child, environment):
                key = canonicalize_name(child.name)
                wanted.setdefault(key, child)
                if key in closure and closure[key] not in child.specifier:
                    raise SourcesError(f"{name} needs {child}, constraints.txt pins {key}=={closure[key]}")
                pending.append(key)
    return dict(sorted(closure.items()))


def supported_tags(arch: str) -> list[Tag]:
    """The wheel tags the runtime's CPython accepts on `arch`, best first (pip's order)."""
    platforms = []
    oldest = 5 if arch == "x86_64" else 17  # manylinux for aarch64 starts at glibc 2.17
    for minor in range(GLIBC[1], oldest - 1, -1):
        platforms.append(f"manylinux_{GLIBC[0]}_{minor}_{arch}")
        alias = {17: "manylinux2014", 12: "manylinux2010", 5: "manylinux1"}.get(minor)
        if alias:
            platforms.append(f"{alias}_{arch}")
    tags = list(cpython_tags(PYTHON_VERSION, platforms=platforms))
    tags += list(compatible_tags(PYTHON_VERSION, f"cp{PYTHON_VERSION[0]}{PYTHON_VERSION[1]}", platforms))
    return tags


def fetch_files(name: str) -> list[dict[str, Any]]:
    """The files of `name` on the index (PEP 691 JSON): filename, url, hashes, yanked."""
    request = urllib.request.Request(f"{INDEX}/{name}/", headers={"Accept": "application/vnd.pypi.simple.v1+json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        files: list[dict[str, Any]] = json.load(response)["files"]
    return files


def choose_wheel(files: list[dict[str, Any]], name: str, version: Version, arch: str) -> dict[str, Any]:
    """The wheel pip would install on the runtime: the best-ranked tag among the pinned version's wheels."""
    ranking = {tag: rank for rank, tag in enumerate(supported_tags(arch))}
    best: tuple[int, dict[str, Any]] | None = None
    for entry in files:
        filename = entry["filename"]
        if not filename.endswith(".whl") or entry.get("yanked"):
            continue
        wheel_name, wheel_version, _, tags = parse_wheel_filename(filename)
        if wheel_name != name or wheel_version != version:
            continue
        rank = min((ranking[tag] for tag in tags if tag in ranking), default=None)
        if rank is not None and (best is None or rank < best[0]):
            best = (rank, entry)
    if best is None:
        raise SourcesError(f"no wheel of {name}=={version} for CPython {PYTHON_VERSION} on {arch} Linux on PyPI")
    return best[1]


def file_source(entry: dict[str, Any], arches: list[str] | None = None, dest: str | None = None) -> dict[str, Any]:
    url = entry["url"].split("#", 1)[0]
    if not url.startswith("https://files.pythonhosted.org/"):
        raise SourcesError(f"{entry['filename']} is served from {url}, not from files.pythonhosted.org")
    source: dict[str, Any] = {"type": "file", "url": url, "sha256": entry["hashes"]["sha256"]}
    if arches is not None:
        source["only-arches"] = arches
    if dest is not None:
        source["dest"] = dest
    return source


def wheel_sources(name: str, version: Version, files: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One source for a wheel every architecture shares (pure Python, or one tag for all), else one per arch."""
    chosen = {arch: choose_wheel(files, name, version, arch) for arch in ARCHES}
    filenames = {entry["filename"] for entry in chosen.values()}
    if len(filenames) == 1:
        return [file_source(chosen[ARCHES[0]])]
    return [file_source(entry, [arch]) for arch, entry in chosen.items()]


def dependencies_module(closure: dict[str, Version], sources: list[dict[str, Any]]) -> dict[str, Any]:
    requirements = " ".join(f'"{name}=={version}"' for name, version in closure.items())
    return {
        "name": "python3-dependencies",
        "buildsystem": "simple",
        "build-commands": [f"{PIP_INSTALL} {requirements}"],
        "sources": sources,
    }


def generate(fetch: Any = fetch_files) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(the dependencies module, the build backend's sources), fetched from the index."""
    pins = read_pins()
    closures = {arch: runtime_closure(arch, pins) for arch in ARCHES}
    closure = closures[ARCHES[0]]
    if any(other != closure for other in closures.values()):
        raise SourcesError(f"the dependencies differ between architectures: {closures}")
    sources: list[dict[str, Any]] = []
    for name, version in closure.items():
        sources += wheel_sources(name, version, fetch(name))
    backend = canonicalize_name(BUILD_BACKEND)
    backend_entry = choose_wheel(fetch(backend), backend, pins[backend], ARCHES[0])
    if not backend_entry["filename"].endswith("-py3-none-any.whl"):
        raise SourcesError(f"{backend_entry['filename']} is not a pure-Python wheel")
    return dependencies_module(closure, sources), [file_source(backend_entry, dest="build-backend")]


def rendered(content: object) -> str:
    return json.dumps(content, indent=4) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the files differ from what would be written")
    args = parser.parse_args(argv)
    try:
        module, backend = generate()
    except SourcesError as error:
        print(f"write_sources: {error}", file=sys.stderr)
        return 2
    outputs = {DEPENDENCIES_FILE: rendered(module), BUILD_BACKEND_FILE: rendered(backend)}
    stale = [p for p, text in outputs.items() if not p.is_file() or p.read_text(encoding="utf-8") != text]
    if args.check:
        for path in stale:
            print(f"{path.relative_to(ROOT)} is not what constraints.txt gives: run {Path(__file__).name}")
        return 1 if stale else 0
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
