"""Fast checks of packaging/: the files a distribution or the bundle build reads, without building anything.

The real build (PyInstaller, ~40 s plus a download) is `packaging/build_linux.sh`, kept out of CI; these
tests catch what would make it fail or ship a broken bundle: a missing font or icon, an id that differs
between the menu entry and the AppStream file, a Qt module the app starts using but the spec excludes.
"""

from __future__ import annotations

import ast
import configparser
import importlib.util
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

from fishbowl_desktop import __version__, resources

pytestmark = pytest.mark.slow  # one of the few slow modules: `pytest -m "not slow"` leaves it out

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "org.fishbowldesktop.FishbowlDesktop"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _load_bundle(name: str = "fishbowl_bundle") -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bundle = _load_bundle()
licences = _load_bundle("bundle_licences")


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(PACKAGING / f"{APP_ID}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def _metainfo() -> ET.Element:
    return ET.parse(PACKAGING / f"{APP_ID}.metainfo.xml").getroot()


def _english(elements: list[ET.Element]) -> list[ET.Element]:
    return [e for e in elements if XML_LANG not in e.attrib]


def _german(elements: list[ET.Element]) -> list[ET.Element]:
    return [e for e in elements if e.get(XML_LANG) == "de"]


# ---------------------------------------------------------------------- one id everywhere
def test_the_reverse_dns_id_is_the_same_in_every_file() -> None:
    assert bundle.APP_ID == APP_ID
    assert _desktop_entry()["Icon"] == APP_ID
    root = _metainfo()
    assert root.findtext("id") == APP_ID
    launchable = root.find("launchable")
    assert launchable is not None and launchable.get("type") == "desktop-id"
    assert launchable.text == f"{APP_ID}.desktop"
    assert (PACKAGING / launchable.text).is_file()
    installed = {dest for _, dest in bundle.share_files()}
    assert f"share/applications/{APP_ID}.desktop" in installed
    assert f"share/metainfo/{APP_ID}.metainfo.xml" in installed
    assert f"share/icons/hicolor/scalable/apps/{APP_ID}.svg" in installed
    # the Flatpak: its file name and its id (Flathub requires both to be the app id); what it installs under
    # the id is checked by tests/project/test_flatpak.py
    manifest = (PACKAGING / "flatpak" / f"{APP_ID}.yml").read_text(encoding="utf-8")
    assert re.findall(r"^(?:id|app-id): *(\S+)$", manifest, flags=re.MULTILINE) == [APP_ID]


# ---------------------------------------------------------------------- the menu entry
def test_desktop_entry_has_german_and_english_texts_and_starts_the_installed_command() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    for key in ("Name", "Comment", "GenericName"):
        assert entry[key] and entry[f"{key}[de]"], key
    assert entry["Comment"] != entry["Comment[de]"]
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    command = entry["Exec"].split()[0]
    assert command in scripts and command == bundle.APP_NAME
    assert entry["Exec"] == f"{command} %f"
    assert set(entry["Categories"].rstrip(";").split(";")) == {"Office", "Education"}
    # a session is JSON, but the app must not claim every JSON file: it claims its own type, *.fishbowl.json
    assert entry["MimeType"] == f"{bundle.SESSION_MIME_TYPE};"
    mime = ET.parse(bundle.MIME_FILE).getroot()
    ns = "{http://www.freedesktop.org/standards/shared-mime-info}"
    kind = mime.find(f"{ns}mime-type")
    assert kind is not None and kind.get("type") == bundle.SESSION_MIME_TYPE
    assert [g.get("pattern") for g in kind.findall(f"{ns}glob")] == [f"*{bundle.SESSION_SUFFIX}"]
    assert entry["Terminal"] == "false"


def test_startup_wm_class_is_the_name_the_app_gives_itself() -> None:
    """On X11 Qt uses the application name as the window class; the dock matches it to the menu entry."""
    tree = ast.parse((ROOT / "src" / "fishbowl_desktop" / "app.py").read_text(encoding="utf-8"))
    names = [
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "setApplicationName"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ]
    assert names == [_desktop_entry()["StartupWMClass"]]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_entry_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(PACKAGING / f"{APP_ID}.desktop")], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


# ---------------------------------------------------------------------- AppStream
def test_metainfo_describes_this_release_in_german_and_english() -> None:
    root = _metainfo()
    assert root.tag == "component" and root.get("type") == "desktop-application"
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT AND PSF-2.0"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["license"] == root.findtext("project_license")  # the SPDX string, not the retired table
    summaries = root.findall("summary")
    assert len(_english(summaries)) == 1 and len(_german(summaries)) == 1
    description = root.find("description")
    assert description is not None
    blocks = list(description.iter("p")) + list(description.iter("li"))
    assert _english(blocks) and len(_english(blocks)) == len(_german(blocks))
    releases = root.findall("releases/release")
    assert releases[0].get("version") == __version__ == bundle.app_version()
    assert releases[0].get("date") == "2026-11-25"
    assert root.find("content_rating") is not None
    assert root.findtext("provides/binary") == bundle.APP_NAME


def test_metainfo_points_at_no_placeholder_or_remote_address() -> None:
    text = (PACKAGING / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    assert "example." not in text and "http" not in text.replace("http://www.w3.org", "")
    for image in _metainfo().iter("image"):  # screenshots, if ever added, must exist in the repository
        assert image.text and (ROOT / image.text).is_file()


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream not installed")
def test_metainfo_passes_appstreamcli_validate() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(PACKAGING / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# ---------------------------------------------------------------------- icons
def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def test_every_installed_icon_exists_at_the_size_its_folder_claims() -> None:
    for source, dest in bundle.share_files():
        assert source.is_file(), source
        folder = Path(dest).parent.parent.name
        if dest.endswith(".png"):
            size = int(folder.split("x")[0])
            assert _png_size(source) == (size, size), source.name
        elif dest.endswith(".svg"):
            assert folder == "scalable"
            assert ET.parse(source).getroot().tag.endswith("svg")


# ---------------------------------------------------------------------- what the bundle carries
def test_resource_files_keep_the_package_layout_inside_the_bundle() -> None:
    """In the bundle importlib.resources resolves the package under sys._MEIPASS: the assets must sit there."""
    assets = resources.resources_dir()
    datas = bundle.resource_datas()
    package = assets.resolve().parent
    for source, folder in datas:
        assert Path(source).is_file(), source
        relative = Path(source).resolve().parent.relative_to(package)
        assert folder == f"fishbowl_desktop/{relative.as_posix()}", source
    names = {Path(source).name for source, _ in datas}
    assert {"attendees.typ", "report.typ", "handout.typ", "common.typ"} <= names  # the PDFs' templates
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVu-LICENSE.txt", "fishbowl-desktop.svg", "chime.wav"):
        assert name in names, name
    for size in bundle.ICON_SIZES:
        assert f"fishbowl-desktop-{size}.png" in names
    shipped_qm = sorted(p.name for p in (assets / "translations").glob("*.qm"))
    assert shipped_qm and sorted(n for n in names if n.endswith(".qm")) == shipped_qm


def test_the_bundle_carries_every_file_the_wheel_ships() -> None:
    """pyproject's package-data is what `pip install .` ships; the bundle must carry the same files, or a page
    that works from pip fails in the bundle (the phones' language files and the lower third were missing: the
    bundle's console died at start reading assets/room/i18n/de.json)."""
    package = resources.resources_dir().resolve().parent
    globs = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["package-data"][
        "fishbowl_desktop"
    ]
    shipped = {p.resolve() for pattern in globs for p in package.glob(pattern) if p.is_file()}
    bundled = {Path(source).resolve() for source, _ in bundle.resource_datas()}
    missing = sorted(str(p.relative_to(package)) for p in shipped - bundled)
    assert not missing, f"in the wheel but not in the bundle: {missing}"


def test_compiled_translations_are_picked_up_and_sources_are_not(tmp_path: Path) -> None:
    for folder, name in (
        ("fonts", "DejaVuSans.ttf"),
        ("translations", "fishbowl_de.qm"),
        ("translations", "fishbowl_de.ts"),
        ("icons", "fishbowl-desktop-16.png"),
    ):
        (tmp_path / bundle.ASSETS / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / bundle.ASSETS / folder / name).write_bytes(b"x")
    picked = {(Path(source).name, folder) for source, folder in bundle.resource_datas(tmp_path)}
    assert ("fishbowl_de.qm", "fishbowl_desktop/assets/translations") in picked
    assert not any(name.endswith(".ts") for name, _ in picked)


def test_qt_translations_are_trimmed_to_the_two_languages_offered() -> None:
    assert bundle.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert bundle.keep_data("PySide6/Qt/translations/qtbase_en.qm")
    assert not bundle.keep_data("PySide6/Qt/translations/qtbase_fr.qm")
    assert not bundle.keep_data("PySide6/Qt/translations/qtdeclarative_de.qm")
    assert bundle.keep_data("fishbowl_desktop/assets/translations/fishbowl_de.qm")
    assert bundle.keep_data("reportlab/fonts/Vera.ttf")


def test_only_kiosk_platforms_and_unused_image_formats_are_dropped() -> None:
    plugins = "PySide6/Qt/plugins"
    for kept in (
        "platforms/libqxcb.so",
        "platforms/libqwayland.so",
        "platforms/libqoffscreen.so",
        "imageformats/libqsvg.so",
        "iconengines/libqsvgicon.so",
        "platformthemes/libqgtk3.so",
        "wayland-shell-integration/libxdg-shell.so",
        "xcbglintegrations/libqxcb-glx-integration.so",
    ):
        assert bundle.keep_binary(f"{plugins}/{kept}"), kept
    for dropped in (
        "platforms/libqvnc.so",
        "platforms/libqeglfs.so",
        "egldeviceintegrations/libqeglfs-x11.so",
        "imageformats/libqtiff.so",
        "tls/libqopensslbackend.so",
        "networkinformation/libqnetworkmanager.so",
    ):
        assert not bundle.keep_binary(f"{plugins}/{dropped}"), dropped
    assert not bundle.keep_binary("PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6")
    for kept in (
        "libQt6Core.so.6",
        "libQt6Gui.so.6",
        "libQt6Widgets.so.6",
        "libQt6Svg.so.6",
        "libQt6XcbQpa.so.6",
        "libQt6Network.so.6",
    ):  # QLocalServer: "bring that window up" (controller/session_owner.py)
        assert bundle.keep_binary(f"PySide6/Qt/lib/{kept}"), kept


def test_the_desktops_own_libraries_stay_out_and_the_wheels_and_xcb_helpers_stay_in() -> None:
    """Copied from the build machine, libstdc++ and libexpat set the bundle's glibc floor to the builder's (2.36 on
    Debian 12); GTK, GLib, fonts, D-Bus and OpenSSL are the desktop's own. A wheel's copies (hashed names) stay,
    and so does libxcb-cursor, which a fresh desktop lacks (without it Qt cannot open a window on X11)."""
    for dropped in (
        "libstdc++.so.6",
        "libexpat.so.1",
        "libgtk-3.so.0",
        "libglib-2.0.so.0",
        "libssl.so.3",
        "libfontconfig.so.1",
        "libdbus-1.so.3",
        "libgcc_s.so.1",
        "libX11.so.6",
        "liblzma.so.5",
    ):
        assert not bundle.keep_binary(dropped), dropped
    for kept in (
        "libxcb-cursor.so.0",
        "libxcb-icccm.so.4",
        "libxkbcommon-x11.so.0",
        "libxcb-9065bb12.so.1.1.0",
        "liblzma-de26b416.so.5.8.4",
        "libpython3.11.so.1.0",
        "libpyside6.abi3.so.6.11",
        "libffi.so.8",
        "PySide6/Qt/lib/libicudata.so.73",
        "pillow.libs/libpng16-1a2b.so.16",
    ):
        assert bundle.keep_binary(kept), kept


def _imported_modules() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "src" / "fishbowl_desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_the_spec_excludes_nothing_the_app_imports() -> None:
    """A new `from PySide6.QtNetwork import ...` in the app must come with a change to the excludes."""
    imported = _imported_modules()
    assert "PySide6.QtWidgets" in imported  # the scan sees the app's imports at all
    for excluded in bundle.EXCLUDED_MODULES:
        used = sorted(name for name in imported if name == excluded or name.startswith(excluded + "."))
        assert not used, f"{excluded} is excluded from the bundle but the app imports {used}"
    qt_used = {name.split(".")[1] for name in imported if name.startswith("PySide6.Qt")}
    assert qt_used <= {"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtNetwork"}, "update the bundle's Qt module list"


BUILD_TOOLS = ("setuptools", "_distutils_hack", "pkg_resources", "distutils")
"""Nothing the console runs needs them; in the bundle PyInstaller's runtime hook imported setuptools at every start,
before the app: the frozen console's CPU time to its first frame 0.55 → 0.48 s, resident memory 90 → 80 MiB
(benchmarks/bundle_startup.py, offscreen; issue 29)."""


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_the_spec_keeps_the_build_tools_and_their_start_up_hook_out(
    platform: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls, _ = _run_spec(platform, monkeypatch)
    excluded = set(calls["Analysis"].kwargs["excludes"])
    assert set(BUILD_TOOLS) <= excluded, f"not excluded: {sorted(set(BUILD_TOOLS) - excluded)}"


# ---------------------------------------------------------------------- the spec, run against stand-ins
class _Recorder:
    def __init__(self, calls: dict[str, Any], kind: str) -> None:
        self._calls, self._kind = calls, kind

    def __call__(self, *args: Any, **kwargs: Any) -> SimpleNamespace:
        self._calls[self._kind] = SimpleNamespace(args=args, kwargs=kwargs)
        if self._kind == "Analysis":
            return SimpleNamespace(
                pure=[],
                scripts=[],
                datas=[(dest, str(Path(src) / Path(dest).name), "DATA") for src, dest in kwargs["datas"]]
                + [("PySide6/Qt/translations/qtbase_fr.qm", "/x/qtbase_fr.qm", "DATA")],
                binaries=[
                    ("PySide6/Qt/plugins/platforms/libqvnc.so", "/x/libqvnc.so", "BINARY"),
                    ("PySide6/Qt/plugins/platforms/libqxcb.so", "/x/libqxcb.so", "BINARY"),
                ],
            )
        return SimpleNamespace(args=args, kwargs=kwargs)


class _Recorders(dict[str, Any]):
    """What each PyInstaller call of the spec received; EXE may be called more than once (Windows' twin)."""

    def executables(self) -> list[SimpleNamespace]:
        return [self[k] for k in sorted(self) if k.startswith("EXE")]


def _run_spec(platform: str, monkeypatch: pytest.MonkeyPatch) -> tuple[_Recorders, dict[str, Any]]:
    calls = _Recorders()
    exe_count = 0

    def exe(*args: Any, **kwargs: Any) -> SimpleNamespace:
        nonlocal exe_count
        exe_count += 1
        return _Recorder(calls, f"EXE{exe_count}")(*args, **kwargs)

    spec_path = PACKAGING / "fishbowl-desktop.spec"
    names: dict[str, Any] = {kind: _Recorder(calls, kind) for kind in ("Analysis", "PYZ", "COLLECT", "BUNDLE")}
    namespace: dict[str, Any] = {"SPECPATH": str(PACKAGING), "__file__": str(spec_path), "EXE": exe, **names}
    monkeypatch.setattr(sys, "platform", platform)
    exec(compile(spec_path.read_text(encoding="utf-8"), str(spec_path), "exec"), namespace)
    return calls, namespace


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
def test_the_spec_builds_a_one_folder_bundle_from_existing_paths(
    platform: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Evaluated as PyInstaller would on each platform: every file it names exists (a stale icon path once made
    the Windows and macOS builds raise FileNotFoundError while the Linux one passed)."""
    calls, namespace = _run_spec(platform, monkeypatch)

    analysis = calls["Analysis"]
    scripts = [Path(s) for s in analysis.args[0]]
    assert scripts == [PACKAGING / "launcher.py"] and scripts[0].is_file()
    assert all(Path(p).is_dir() for p in analysis.kwargs["pathex"])
    assert all(Path(src).is_file() for src, _ in analysis.kwargs["datas"])
    assert "uharfbuzz" in analysis.kwargs["hiddenimports"]
    assert "PySide6.QtWebEngineCore" in analysis.kwargs["excludes"]
    built = namespace["a"]
    assert "PySide6/Qt/translations/qtbase_fr.qm" not in [d[0] for d in built.datas]
    assert [b[0] for b in built.binaries] == ["PySide6/Qt/plugins/platforms/libqxcb.so"]

    executables, collect = calls.executables(), calls["COLLECT"]
    assert all(exe.kwargs["exclude_binaries"] is True for exe in executables)  # one folder, not one file
    assert collect.kwargs["name"] == "fishbowl-desktop"
    assert list(collect.args[: len(executables)]) == [namespace["executables"][i] for i in range(len(executables))]
    by_name = {exe.kwargs["name"]: exe.kwargs for exe in executables}
    if platform == "linux":
        assert by_name.keys() == {"fishbowl-desktop"}
        assert by_name["fishbowl-desktop"]["console"] is True  # the headless commands print their result
        assert by_name["fishbowl-desktop"]["icon"] is None
    elif platform == "win32":
        # the app opens no console window behind it; the twin prints --version and the headless commands
        assert by_name["fishbowl-desktop"]["console"] is False
        assert by_name["fishbowl-desktop-console"]["console"] is True
    else:
        assert by_name.keys() == {"fishbowl-desktop"} and by_name["fishbowl-desktop"]["console"] is False
    if platform != "linux":
        icons = {exe["icon"] for exe in by_name.values()}
        assert len(icons) == 1
        icon = icons.pop()
        if icon is None:  # macOS converts the PNG with Pillow, which the workflow installs; without it: no icon
            assert platform == "darwin" and importlib.util.find_spec("PIL") is None
        else:
            assert Path(str(icon)).is_file()
    assert ("BUNDLE" in calls) == (platform == "darwin")
    if platform == "darwin":
        app = calls["BUNDLE"].kwargs
        assert app["name"].endswith(".app") and (app["icon"] is None or Path(app["icon"]).is_file())
        plist = app["info_plist"]
        assert plist["CFBundleShortVersionString"] == __version__
        assert plist["CFBundleDocumentTypes"][0]["CFBundleTypeExtensions"] == ["fishbowl.json"]


def test_the_windows_installer_is_per_user_and_installs_what_the_spec_builds() -> None:
    """Inno Setup is not on this machine: the script is read as the compiler would, for the settings a locked-down
    laptop depends on and for every file it names."""
    script = (PACKAGING / "windows-installer.iss").read_text(encoding="utf-8")
    settings = dict(
        line.split("=", 1) for line in script.splitlines() if "=" in line and not line.lstrip().startswith((";", "#"))
    )
    assert settings["PrivilegesRequired"] == "lowest"  # no UAC prompt, no admin rights
    assert settings["DefaultDirName"].startswith("{autopf}")  # per user: %LOCALAPPDATA%\Programs
    assert settings["ChangesAssociations"] == "yes"
    for key in ("LicenseFile", "SetupIconFile"):
        assert (PACKAGING / settings[key].replace("\\", "/")).is_file(), key
    assert settings["SetupIconFile"] == Path(str(bundle.app_icon("win32"))).name
    assert "{app}\\fishbowl-desktop.exe" in script and "FishbowlDesktop.Session" in script
    # installing, upgrading or uninstalling never touches the data folder (%LOCALAPPDATA%\\fishbowl-desktop)
    code = "\n".join(line for line in script.lower().splitlines() if not line.lstrip().startswith(";"))
    assert "localappdata" not in code and "{localappdata}" not in code
    icon = (PACKAGING / "fishbowl-desktop.ico").read_bytes()
    assert icon[:4] == b"\x00\x00\x01\x00" and struct.unpack("<H", icon[4:6])[0] >= 5  # several sizes


def test_the_launcher_runs_the_headless_command_line() -> None:
    result = subprocess.run(
        [sys.executable, str(PACKAGING / "launcher.py"), "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"fishbowl-desktop {__version__}"


# ---------------------------------------------------------------------- checking a built bundle
def _fake_bundle(root: Path) -> Path:
    folder = root / "fishbowl-desktop"
    internal = folder / "_internal"
    internal.mkdir(parents=True)
    (folder / "fishbowl-desktop").write_bytes(b"")
    for source, dest in bundle.resource_datas():
        (internal / dest).mkdir(parents=True, exist_ok=True)
        shutil.copy(source, internal / dest)
    (internal / "uharfbuzz").mkdir()
    (internal / "uharfbuzz" / "_harfbuzz.abi3.so").write_bytes(b"")
    (internal / "PySide6" / "Qt" / "translations").mkdir(parents=True)
    (internal / "PySide6" / "Qt" / "translations" / "qtbase_de.qm").write_bytes(b"")
    written = root / "licence-build"
    licences.write_folder(written)
    for source, dest in licences.datas(written):
        (internal / dest).mkdir(parents=True, exist_ok=True)
        shutil.copy(source, internal / dest)
    return folder


def test_bundle_check_accepts_a_complete_bundle_and_names_what_is_wrong(tmp_path: Path) -> None:
    folder = _fake_bundle(tmp_path)
    assert bundle.bundle_problems(folder) == []
    (folder / "_internal" / "fishbowl_desktop" / "assets" / "fonts" / "DejaVu-LICENSE.txt").unlink()
    (folder / "_internal" / "PySide6" / "Qt" / "lib").mkdir()
    (folder / "_internal" / "PySide6" / "Qt" / "lib" / "libQt6WebEngineCore.so.6").write_bytes(b"")
    shutil.rmtree(folder / "_internal" / "uharfbuzz")
    problems = "\n".join(bundle.bundle_problems(folder))
    assert "DejaVu-LICENSE.txt" in problems
    assert "libQt6WebEngineCore" in problems
    assert "uharfbuzz" in problems


def test_the_bundles_licence_folder_names_every_distribution_it_ships(tmp_path: Path) -> None:
    """Python, OpenSSL and the whole runtime closure of the project, each with a licence text; PySide6's
    wheels carry none, so they get the LGPL and GPL texts (and the index says how to replace Qt)."""
    shipped = {d.metadata["Name"].lower().replace("_", "-") for d in licences.runtime_distributions()}
    assert {"pyside6-essentials", "shiboken6", "aiohttp", "typst", "ifaddr", "segno"} <= shipped
    assert not shipped & {"pytest", "mypy", "hypothesis", "playwright", "pyinstaller"}  # the test extra stays out

    folder = _fake_bundle(tmp_path)
    assert licences.bundle_problems(folder) == []
    internal = folder / "_internal" / "licenses"
    index = (internal / "README.txt").read_text(encoding="utf-8")
    assert "Python 3." in index and "OpenSSL" in index and "replace them" in index
    pyside = next(internal.glob("PySide6_Essentials-*"))
    assert {p.name for p in pyside.iterdir()} >= {"LGPL-3.0.txt", "GPL-3.0.txt"}
    aiohttp_texts = next(internal.glob("aiohttp-*"))
    assert "Apache License" in "".join(p.read_text(errors="replace") for p in aiohttp_texts.iterdir())

    shutil.rmtree(next(internal.glob("typst-*")))
    problems = "\n".join(bundle.bundle_problems(folder))
    assert "no licence text for typst" in problems
    (internal / "README.txt").write_text(index.replace("aiohttp", "?"), encoding="utf-8")
    assert any("does not name aiohttp" in p for p in licences.bundle_problems(folder))


def test_install_share_puts_the_freedesktop_files_under_the_bundle(tmp_path: Path) -> None:
    written = bundle.install_share(tmp_path)
    assert (tmp_path / f"share/icons/hicolor/48x48/apps/{APP_ID}.png").is_file()
    assert (tmp_path / f"share/applications/{APP_ID}.desktop").read_bytes() == (
        PACKAGING / f"{APP_ID}.desktop"
    ).read_bytes()
    assert len(written) == len(bundle.ICON_SIZES) + 4
    assert (tmp_path / f"share/mime/packages/{APP_ID}.xml").is_file()


@pytest.mark.skipif(shutil.which("objdump") is None or not sys.platform.startswith("linux"), reason="needs objdump")
def test_glibc_floor_reads_the_newest_symbol_version_a_bundled_library_needs(tmp_path: Path) -> None:
    import PySide6

    library = next(Path(PySide6.__file__).parent.glob("QtCore*.so"))
    (tmp_path / "_internal").mkdir()
    shutil.copy(library, tmp_path / "_internal" / library.name)
    floor = bundle.glibc_floor(tmp_path)
    assert floor is not None
    major, minor = (int(part) for part in floor.split(".")[:2])
    assert (major, minor) >= (2, 17)  # manylinux wheels never go below this
    assert bundle.glibc_floor(tmp_path / "_internal" / "nothing-here") is None


# ---------------------------------------------------------------------- the build script
def test_build_script_is_valid_bash_and_executable() -> None:
    script = PACKAGING / "build_linux.sh"
    assert script.stat().st_mode & 0o111
    if shutil.which("bash"):
        result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True, check=False)
        assert result.returncode == 0, result.stderr


def test_pyinstaller_stays_out_of_the_project_dependencies() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    listed = list(project["dependencies"])
    for extra in project.get("optional-dependencies", {}).values():
        listed += extra
    assert not [d for d in listed if d.lower().startswith("pyinstaller")]
