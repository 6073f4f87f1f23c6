"""The licence texts a bundle must carry, gathered from the distributions it is built from.

A bundle ships Python, Qt (through PySide6), aiohttp, reportlab and the rest, each under its own licence; a
venue's IT asks for those texts, and LGPL-3.0 (Qt, PySide6) asks for its text, the GPL it builds on, and a note
on replacing the libraries. Nothing here is typed by hand per dependency: the list is the installed runtime
closure of `fishbowl-desktop` (importlib.metadata, read by `fishbowl_desktop.licences`), each distribution's own
licence files, and for the few wheels that ship none (PySide6, shiboken6) the standard texts in
`packaging/licenses/` chosen by their licence field.

    python packaging/bundle_licences.py write OUT_FOLDER     the folder the spec puts into the bundle
    python packaging/bundle_licences.py check BUNDLE         every shipped distribution is named

Needs no PyInstaller and no Qt: the fast tests check it. Which distributions, and the licence each names, come
from `fishbowl_desktop.licences` (Qt-free), the same list Help → About shows.
"""

from __future__ import annotations

import re
import shutil
import sys
import sysconfig
from importlib import metadata
from pathlib import Path

from fishbowl_desktop.licences import licence_of, name_of, runtime_distributions

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
STANDARD_TEXTS = HERE / "licenses"
INDEX = "README.txt"
"""The index inside the licence folder: one line per distribution, then the notes."""
FOLDER = "licenses"
"""Where the licence folder sits inside the bundle's `_internal/` (PyInstaller's data root)."""

_LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)
_TEXT_FOR = {
    "LGPL-3.0": ("LGPL-3.0.txt", "GPL-3.0.txt"),  # the LGPL is a set of permissions on top of the GPL
    "GPL-3.0": ("GPL-3.0.txt",),
    "GPL-2.0": ("GPL-2.0.txt",),
    "Apache-2.0": ("Apache-2.0.txt",),
}

QT_NOTE = """\
Qt and PySide6 (LGPL-3.0)
-------------------------
Fishbowl Desktop uses Qt through PySide6 under the GNU Lesser General Public License 3.0 (texts: LGPL-3.0.txt and
GPL-3.0.txt in the PySide6 folder). The Qt and PySide6 libraries are shipped as separate shared libraries in this
folder's parent (PySide6/, shiboken6/): you may replace them with your own builds of the same version, and the
program will use them. Their source code is available from the Qt Project (code.qt.io, download.qt.io) for the
versions named above; on request the distributor of this bundle provides it too.
"""


def own_licence_files(dist: metadata.Distribution) -> list[Path]:
    """The licence files the distribution ships in its metadata folder (wheels put them in dist-info/licenses/)."""
    found = []
    for entry in dist.files or []:
        parts = Path(str(entry)).parts
        if (
            parts
            and parts[0].endswith(".dist-info")
            and (_LICENCE_FILE.search(parts[-1]) or "licenses" in parts)
            and parts[-1] not in ("RECORD", "METADATA")
        ):
            path = Path(str(dist.locate_file(entry)))
            if path.is_file():
                found.append(path)
    return found


def licence_field_text(dist: metadata.Distribution) -> str:
    """The whole licence text where a wheel carries it in its metadata's License field instead of a file
    (python-osc: the Unlicense); "" when the field is only a name."""
    field = str(dist.metadata.get("License") or "").strip()
    if "\n" not in field or len(field) < 200:
        return ""
    return "\n".join(line.strip() for line in field.splitlines()) + "\n"


def standard_texts(licence: str) -> list[Path]:
    """The standard texts for a distribution that ships none of its own, by the SPDX ids in its licence."""
    texts: list[Path] = []
    for spdx, names in _TEXT_FOR.items():
        if spdx in licence:
            texts += [STANDARD_TEXTS / name for name in names if STANDARD_TEXTS / name not in texts]
    return texts


def python_licence() -> Path | None:
    path = Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt"
    return path if path.is_file() else None


def write_folder(out: Path, distributions: list[metadata.Distribution] | None = None) -> list[str]:
    """Fill `out` with one sub-folder of licence texts per distribution and an index; returns what is missing."""
    distributions = runtime_distributions() if distributions is None else distributions
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    lines = ["Fishbowl Desktop: the components in this bundle and their licences", ""]
    missing: list[str] = []
    python = python_licence()
    if python is not None:
        (out / "Python").mkdir()
        shutil.copyfile(python, out / "Python" / "LICENSE.txt")
        version = ".".join(map(str, sys.version_info[:3]))
        lines.append(f"Python {version}: PSF-2.0 (Python/; includes the licences of the libraries Python links)")
    (out / "OpenSSL").mkdir()
    shutil.copyfile(STANDARD_TEXTS / "Apache-2.0.txt", out / "OpenSSL" / "LICENSE.txt")
    lines.append("OpenSSL 3 (libssl, libcrypto: Python's ssl module): Apache-2.0 (OpenSSL/)")
    for dist in distributions:
        name, version, licence = name_of(dist), dist.version, licence_of(dist)
        folder = out / f"{name}-{version}"
        texts = own_licence_files(dist) or standard_texts(licence)
        folder.mkdir()
        for text in texts:
            shutil.copyfile(text, folder / text.name)
        if not texts:
            written = licence_field_text(dist)
            if written:
                (folder / "LICENSE.txt").write_text(written, encoding="utf-8")
            else:
                missing.append(f"{name} {version} ({licence}): no licence text found")
        lines.append(f"{name} {version}: {licence} ({folder.name}/)")
    lines += ["", QT_NOTE]
    (out / INDEX).write_text("\n".join(lines), encoding="utf-8")
    return missing


def datas(out: Path) -> list[tuple[str, str]]:
    """(source, folder inside the bundle) pairs for PyInstaller's `datas`, after `write_folder(out)`."""
    return [
        (str(path), str(Path(FOLDER) / path.parent.relative_to(out)).replace("\\", "/"))
        for path in sorted(out.rglob("*"))
        if path.is_file()
    ]


def bundle_problems(bundle: Path, distributions: list[metadata.Distribution] | None = None) -> list[str]:
    """What a built bundle's licence folder lacks: the index, or a distribution it ships (named, with a text)."""
    distributions = runtime_distributions() if distributions is None else distributions
    folder = bundle / "_internal" / FOLDER
    index = folder / INDEX
    if not index.is_file():
        return [f"no licence index {index.relative_to(bundle)}"]
    text = index.read_text(encoding="utf-8")
    problems = []
    for dist in distributions:
        name = f"{name_of(dist)}-{dist.version}"
        if f"{name_of(dist)} {dist.version}:" not in text:
            problems.append(f"the licence index does not name {name_of(dist)} {dist.version}")
        elif not any((folder / name).glob("*")):
            problems.append(f"no licence text for {name_of(dist)} {dist.version} in {FOLDER}/{name}/")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "write":
        missing = write_folder(Path(argv[1]))
        for line in missing:
            print(f"licences: {line}", file=sys.stderr)
        return 1 if missing else 0
    if len(argv) == 2 and argv[0] == "check":
        problems = bundle_problems(Path(argv[1]))
        for problem in problems:
            print(f"bundle check: {problem}", file=sys.stderr)
        return 1 if problems else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
