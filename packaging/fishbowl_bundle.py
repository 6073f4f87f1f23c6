"""What goes into the one-folder bundle besides the code, kept in one place.

The PyInstaller spec, the Linux build script and the fast tests all read this file, so the list of
shipped files cannot drift between them. It imports neither PyInstaller nor Qt: CI checks it without
building anything.

    python packaging/fishbowl_bundle.py install-share dist/fishbowl-desktop
    python packaging/fishbowl_bundle.py check dist/fishbowl-desktop
    python packaging/fishbowl_bundle.py glibc dist/fishbowl-desktop
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

APP_ID = "org.fishbowldesktop.FishbowlDesktop"
"""Reverse-DNS id: the .desktop and metainfo file names, the installed icon name, the macOS bundle id."""
APP_NAME = "fishbowl-desktop"
"""The executable and the bundle folder."""
CONSOLE_TWIN = f"{APP_NAME}-console"
"""Windows only: the console executable beside the windowed one, for diagnostics and the headless commands."""
SESSION_SUFFIX = ".fishbowl.json"
"""The file type the installers associate with the app (a session file)."""

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ASSETS = Path("src") / "fishbowl_desktop" / "assets"  # relative to a checkout
BUNDLED_ASSETS = "fishbowl_desktop/assets"  # where they sit inside the bundle
ENTRY = HERE / "launcher.py"
DESKTOP_FILE = HERE / f"{APP_ID}.desktop"
METAINFO_FILE = HERE / f"{APP_ID}.metainfo.xml"
MIME_FILE = HERE / f"{APP_ID}.mime.xml"
SESSION_MIME_TYPE = "application/x-fishbowl-session"
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)

HIDDEN_IMPORTS = (
    "uharfbuzz",
    "platformdirs",
    "typst",
    "aiohttp",
    "segno",
)
"""The PDF worker imports Typst (documents/typeset.py) and harfbuzz (documents/glyphs.py: which characters the
fonts have) only when it starts; naming them here makes a missing module a build error instead of a failed
export."""

EXCLUDED_MODULES = (
    # The app uses QtCore, QtGui and QtWidgets (SVG icons load through Qt's own image plugins), and QtNetwork
    # for QLocalServer/QLocalSocket only: a second copy asks the owner of a session to bring its window up.
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuick3D",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtDBus",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.Qt3DCore",
    "PySide6.QtBluetooth",
    "PySide6.QtPositioning",
    "PySide6.QtSerialPort",
    "PySide6.QtSvgWidgets",
    "PySide6.QtPrintSupport",
    # Pillow's optional codecs (AVIF, WebP, colour management) and its Tk and Qt bridges only add megabytes,
    # should anything pull Pillow in.
    "PIL._avif",
    "PIL.AvifImagePlugin",
    "PIL._webp",
    "PIL.WebPImagePlugin",
    "PIL._imagingcms",
    "PIL.ImageCms",
    "PIL._imagingtk",
    "PIL.ImageTk",
    "PIL.ImageQt",
    # Only PySide6 may end up in the bundle, even if a library probes for another Qt binding.
    "PyQt5",
    "PyQt6",
    "PySide2",
    # Build tools: with setuptools in the bundle PyInstaller adds its runtime hook, which imports setuptools
    # (and its distutils shim) at every start before the app runs: ~110 ms of CPU and ~18 MiB (issue 29).
    "setuptools",
    "_distutils_hack",
    "pkg_resources",
    "distutils",
    # Never used at run time.
    "tkinter",
    "unittest",
    "pydoc_data",
    "pytest",
    "hypothesis",
    "pypdf",
    "pypdfium2",
    "mypy",
    "ruff",
)

QT_TRANSLATIONS_KEPT = frozenset({"qtbase_de.qm", "qtbase_en.qm", "qt_de.qm", "qt_en.qm"})
"""Qt's own translations for the app's two languages (standard buttons, file dialogs); the other ~70
languages would only add megabytes nobody reads."""

QT_PLUGINS_DROPPED = (
    # Platforms for kiosks and embedded boards (EGLFS, framebuffer, VNC, Vulkan display), not laptops;
    # xcb, wayland and offscreen (smoke tests, screenshots) stay.
    "platforms/libqeglfs",
    "platforms/libqminimalegl",
    "platforms/libqlinuxfb",
    "platforms/libqvnc",
    "platforms/libqvkkhrdisplay",
    "egldeviceintegrations/",
    "generic/libqtuiotouchplugin",
    # Image formats the app never reads (its icons are PNG and SVG).
    "imageformats/libqtiff",
    "imageformats/libqwebp",
    "imageformats/libqicns",
    "imageformats/libqtga",
    "imageformats/libqwbmp",
    # QtNetwork is there for QLocalSocket only: no TLS backends, no network-reachability plugins.
    "tls/",
    "networkinformation/",
)
"""Qt plugins the PySide6 hook collects that a moderator's laptop never loads."""
QT_LIBRARIES_DROPPED = ("libQt6EglFSDeviceIntegration", "libQt6EglFsKmsSupport")
"""Qt libraries that only the dropped plugins need (the bundle check verifies nothing else links them)."""

SYSTEM_LIBRARIES_LEFT_OUT = (
    # The C++ and GCC runtimes and the XML parser: copied from the build machine they set the bundle's glibc floor
    # (Debian 12's need glibc 2.36), and every desktop has its own.
    "libstdc++.so",
    "libgcc_s.so",
    "libexpat.so",
    # The desktop itself: GTK (for Qt's GTK theme plugin, which simply stays unloaded where GTK is missing), GLib,
    # D-Bus, fonts and their configuration (which must match the host's own files), X11 and the graphics stack.
    "libgtk-3.so",
    "libgdk-3.so",
    "libgdk_pixbuf-2.0.so",
    "libatk-1.0.so",
    "libatk-bridge-2.0.so",
    "libatspi.so",
    "libcairo.so",
    "libcairo-gobject.so",
    "libpango",
    "libepoxy.so",
    "libpixman-1.so",
    "libfribidi.so",
    "libthai.so",
    "libdatrie.so",
    "libgraphite2.so",
    "libharfbuzz.so",
    "libglib-2.0.so",
    "libgobject-2.0.so",
    "libgio-2.0.so",
    "libgmodule-2.0.so",
    "libgthread-2.0.so",
    "libdbus-1.so",
    "libsystemd.so",
    "libfontconfig.so",
    "libfreetype.so",
    "libpng16.so",
    "libjpeg.so",
    "libX11.so",
    "libX11-xcb.so",
    "libXau.so",
    "libXdmcp.so",
    "libXext.so",
    "libXrender.so",
    "libXi.so",
    "libXfixes.so",
    "libXcursor.so",
    "libXdamage.so",
    "libXcomposite.so",
    "libXinerama.so",
    "libXrandr.so",
    # Security and system libraries the distribution keeps patched: OpenSSL 3 (Ubuntu 22.04 and newer), Kerberos,
    # libgcrypt, SELinux, util-linux, compression.
    "libssl.so",
    "libcrypto.so",
    "libgssapi_krb5.so",
    "libkrb5.so",
    "libkrb5support.so",
    "libk5crypto.so",
    "libcom_err.so",
    "libkeyutils.so",
    "libgcrypt.so",
    "libgpg-error.so",
    "libselinux.so",
    "libmount.so",
    "libblkid.so",
    "libuuid.so",
    "libcap.so",
    "libpcre2-8.so",
    "liblz4.so",
    "liblzma.so",
    "libzstd.so",
    "libbz2.so",
    "libbrotlicommon.so",
    "libbrotlidec.so",
    "libbsd.so",
    "libmd.so",
    "libreadline.so",
    "libtinfo.so",
)
"""Linux libraries PyInstaller copies from the build machine that every desktop has, left out as AppImage-style
bundles leave them out (its "excludelist"). A wheel's own copies carry a hash in their names (libxcb-9065bb12.so,
pillow.libs/…) and stay; so do the xcb helper libraries (libxcb-cursor0 and friends), which a fresh desktop often
lacks and without which Qt cannot open a window."""

QT_LIBRARIES_FORBIDDEN = ("WebEngine", "Qml", "Quick", "Multimedia", "Pdf", "3D")
"""Fragments of Qt library names that must not appear in a bundle: each pulls in tens of megabytes."""


def app_version(root: Path = ROOT) -> str:
    """`fishbowl_desktop.__version__`, read from the source so this file needs no installed package."""
    text = (root / "src" / "fishbowl_desktop" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.MULTILINE)
    if found is None:
        raise ValueError("no __version__ in src/fishbowl_desktop/__init__.py")
    return found.group(1)


def app_icon(platform: str = sys.platform, root: Path = ROOT) -> Path:
    """Windows: the multi-size .ico beside this file (the installer uses it too); macOS: the PNG PyInstaller
    turns into the app's .icns with Pillow."""
    if platform == "win32":
        return root / "packaging" / f"{APP_NAME}.ico"
    return root / ASSETS / "icons" / f"{APP_NAME}-256.png"


def mac_info_plist(root: Path = ROOT) -> dict[str, object]:
    """Info.plist entries of `Fishbowl Desktop.app`: its name, the oldest macOS, and session files it opens."""
    return {
        "CFBundleDisplayName": "Fishbowl Desktop",
        "CFBundleShortVersionString": app_version(root),
        "NSHighResolutionCapable": True,
        "LSMinimumSystemVersion": "11.0",
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": "Fishbowl session",
                "CFBundleTypeRole": "Editor",
                "LSHandlerRank": "Owner",
                "CFBundleTypeExtensions": [SESSION_SUFFIX.lstrip(".")],
            }
        ],
    }


def resource_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source file, folder inside the bundle) pairs for PyInstaller's `datas`.

    The folders keep the package's layout (`fishbowl_desktop/assets/…`): `fishbowl_desktop.resources.resources_dir()`
    finds them with `importlib.resources`, which inside a bundle resolves under `sys._MEIPASS`.
    """
    res = root / ASSETS
    picked: list[tuple[Path, str]] = []
    picked += [(p, f"{BUNDLED_ASSETS}/fonts") for p in sorted((res / "fonts").glob("*.[ot]tf"))]
    picked += [(p, f"{BUNDLED_ASSETS}/fonts") for p in sorted((res / "fonts").glob("*LICENSE*"))]
    picked += [(p, f"{BUNDLED_ASSETS}/icons") for p in sorted((res / "icons").glob(f"{APP_NAME}*.png"))]
    picked += [(p, f"{BUNDLED_ASSETS}/icons") for p in sorted((res / "icons").glob(f"{APP_NAME}*.svg"))]
    picked += [(p, f"{BUNDLED_ASSETS}/translations") for p in sorted((res / "translations").glob("*.qm"))]
    picked += [(p, f"{BUNDLED_ASSETS}/sounds") for p in sorted((res / "sounds").glob("*.wav"))]
    room = res / "room"  # the phones' pages, the lower third, and the hall's words in every language
    picked += [(p, f"{BUNDLED_ASSETS}/room") for p in sorted(room.glob("*.*")) if p.suffix in (".html", ".js", ".css")]
    picked += [(p, f"{BUNDLED_ASSETS}/room/i18n") for p in sorted((room / "i18n").glob("*.json"))]
    templates = root / "src" / "fishbowl_desktop" / "documents" / "templates"  # the PDFs' Typst templates
    picked += [(p, "fishbowl_desktop/documents/templates") for p in sorted(templates.glob("*.typ"))]
    return [(str(path), folder) for path, folder in picked]


def keep_data(dest: str) -> bool:
    """False for the Qt translations of languages the app does not offer."""
    parts = Path(dest).parts
    if "translations" in parts and "Qt" in parts and dest.endswith(".qm"):
        return Path(dest).name in QT_TRANSLATIONS_KEPT
    return True


def keep_binary(dest: str) -> bool:
    """False for the Qt plugins and libraries listed in QT_PLUGINS_DROPPED and QT_LIBRARIES_DROPPED, and for the
    desktop's own libraries (SYSTEM_LIBRARIES_LEFT_OUT) at the top of the bundle."""
    posix = Path(dest).as_posix()
    if "/plugins/" in posix and any(fragment in posix for fragment in QT_PLUGINS_DROPPED):
        return False
    name = Path(posix).name
    if "/" not in posix and any(name.startswith(library) for library in SYSTEM_LIBRARIES_LEFT_OUT):
        return False
    return not any(name.startswith(library) for library in QT_LIBRARIES_DROPPED)


def share_files(root: Path = ROOT) -> list[tuple[Path, str]]:
    """(source, path relative to the bundle) for the freedesktop files: menu entry, AppStream, icons.

    The icon is installed under the reverse-DNS id, which is the name the .desktop file asks for.
    """
    icons = root / ASSETS / "icons"
    files = [
        (icons / f"{APP_NAME}-{size}.png", f"share/icons/hicolor/{size}x{size}/apps/{APP_ID}.png")
        for size in ICON_SIZES
    ]
    files.append((icons / f"{APP_NAME}.svg", f"share/icons/hicolor/scalable/apps/{APP_ID}.svg"))
    files.append((DESKTOP_FILE, f"share/applications/{APP_ID}.desktop"))
    files.append((METAINFO_FILE, f"share/metainfo/{APP_ID}.metainfo.xml"))
    files.append((MIME_FILE, f"share/mime/packages/{APP_ID}.xml"))
    return files


def install_share(bundle: Path, root: Path = ROOT) -> list[Path]:
    written = []
    for source, relative in share_files(root):
        target = bundle / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(target)
    return written


def bundle_problems(bundle: Path) -> list[str]:
    """What is wrong with a built one-folder bundle; empty when it is complete and lean."""
    problems: list[str] = []
    internal = bundle / "_internal"
    if not (bundle / APP_NAME).is_file() and not (bundle / f"{APP_NAME}.exe").is_file():
        problems.append(f"no executable {APP_NAME} in {bundle}")
    for source, folder in resource_datas():
        if not (internal / folder / Path(source).name).is_file():
            problems.append(f"{folder}/{Path(source).name} is not in the bundle")
    if not list(internal.glob("uharfbuzz/_harfbuzz*")) and not list(internal.glob("uharfbuzz*")):
        problems.append("uharfbuzz is not in the bundle: the PDFs could not check which characters the fonts have")
    if not list(internal.rglob("qtbase_de.qm")):
        problems.append("Qt's German translation qtbase_de.qm is not in the bundle")
    for path in internal.rglob("*"):
        name = path.name
        if path.is_file() and re.match(r"(lib)?Qt6?\w*", name):
            fragment = next((f for f in QT_LIBRARIES_FORBIDDEN if f in name), None)
            if fragment is not None:
                problems.append(f"{path.relative_to(bundle)} should not be bundled ({fragment})")
    problems += _missing_qt_libraries(internal)
    problems += _licences().bundle_problems(bundle)
    return problems


def _licences() -> ModuleType:
    """packaging/bundle_licences.py, loaded by path: this file is itself loaded by path from the spec."""
    spec = importlib.util.spec_from_file_location("bundle_licences", HERE / "bundle_licences.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _missing_qt_libraries(internal: Path) -> list[str]:
    """Qt libraries that a bundled library or plugin links but the bundle lacks (readelf, Linux only).

    Guards QT_LIBRARIES_DROPPED: a plugin that fails to load only shows up on the one laptop that needs it.
    """
    readelf = shutil.which("readelf")
    if readelf is None or not sys.platform.startswith("linux"):
        return []
    files = [p for p in internal.rglob("*.so*") if p.is_file()]
    present = {p.name for p in files}
    problems = []
    for path in files:
        result = subprocess.run([readelf, "-d", str(path)], capture_output=True, text=True, check=False)
        for needed in re.findall(r"\(NEEDED\)\s+Shared library: \[(libQt6[^\]]+)\]", result.stdout):
            if needed not in present:
                problems.append(f"{path.relative_to(internal)} needs {needed}, which is not bundled")
    return problems


def glibc_floor(bundle: Path) -> str | None:
    """The newest glibc symbol version any bundled binary needs: the oldest Linux the bundle starts on.

    PyInstaller copies libpython, libstdc++ and friends from the build machine, so the floor is usually
    the build machine's glibc; build on the oldest distribution the venues run. None without objdump.
    """
    objdump = shutil.which("objdump")
    if objdump is None:
        return None
    newest: tuple[int, ...] = ()
    for path in bundle.rglob("*"):
        if path.is_file() and (path.suffix == ".so" or ".so." in path.name or path.name == APP_NAME):
            result = subprocess.run([objdump, "-T", str(path)], capture_output=True, text=True, check=False)
            for version in re.findall(r"GLIBC_(\d+(?:\.\d+)+)", result.stdout):
                newest = max(newest, tuple(int(part) for part in version.split(".")))
    return ".".join(map(str, newest)) if newest else None


def main(argv: list[str]) -> int:
    if len(argv) == 2 and argv[0] == "glibc":
        print(glibc_floor(Path(argv[1])) or "unknown (objdump not installed)")
        return 0
    if len(argv) != 2 or argv[0] not in ("install-share", "check"):
        print(__doc__, file=sys.stderr)
        return 2
    bundle = Path(argv[1])
    if argv[0] == "install-share":
        for path in install_share(bundle):
            print(f"  {path.relative_to(bundle)}")
        return 0
    problems = bundle_problems(bundle)
    for problem in problems:
        print(f"bundle check: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
