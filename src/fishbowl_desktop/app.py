"""Start-up: arguments, the Qt application, translations, which session to open, the qasync loop, and a
clean, saved exit.

The decisions (which session, what to tell the moderator) are plain functions, tested without an event
loop; `run_app` only wires them together.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from . import __version__
from .controller import Autosaver, SessionController, TimerTicker
from .controller.session_files import SessionFiles, load_or_report, new_session
from .event_loop import close_on_signals_until_the_loop_runs, paint_first_frame, run_until_closed
from .model import Clock, Session, SystemClock
from .resources import resources_dir
from .settings import AppSettings, load_settings, save_settings
from .storage import Workspace, save_session
from .storage.workspace import SESSION_SUFFIX
from .ui.pyside_guard import make_singletons_immortal

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from .ui.console_window import ConsoleWindow

SETTINGS_FILE = "settings.json"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="fishbowl-desktop", description="Fishbowl Desktop: the moderator's console.")
    parser.add_argument("-V", "--version", action="version", version=f"fishbowl-desktop {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the sample evening (saved as a new session file)")
    parser.add_argument("file", nargs="?", type=Path, help="a session file to open")
    return parser


# ---------------------------------------------------------------------- which session to open
@dataclass
class StartPlan:
    session: Session
    path: Path
    notices: list[tuple[str, str]] = field(default_factory=list)
    """(text, level) for the message bar: what happened at start, in the moderator's words."""
    recovered: bool = False
    unsaved: bool = False
    """The first save failed (disk full, read-only): the console opens anyway and autosave keeps trying."""
    first_run: bool = False
    """No session existed yet: the console greets the moderator and offers the sample evening."""


def _saved_at(path: Path) -> str:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime).strftime("%H:%M")
    except OSError:
        return "?"


def plan_start(
    workspace: Workspace, file: Path | None = None, demo: bool = False, clock: Clock | None = None,
    language: str = "en", settings: AppSettings | None = None,
) -> StartPlan:
    """Decide what the console opens: --demo, a named file, the crashed session, the last one, or a new one
    (with the turn rules of `settings`); a new one with no session anywhere yet is the first run.

    Call before `workspace.mark_running`. Nothing is overwritten: a file that cannot be read is reported
    and left alone, and a fresh session gets a new file name.
    """
    clock = clock or SystemClock()
    workspace.ensure()
    notices: list[tuple[str, str]] = []
    crashed = workspace.crashed_last_time()
    if demo:
        from .model.demo import demo_session

        session = demo_session(clock)
        path = workspace.new_session_path(session.event.title, when=clock.now())
        unsaved = not _first_save(session, path, notices)
        notices.append(
            (
                QCoreApplication.translate("App", "The sample evening is open; it is saved as {file}.").format(
                    file=path.name
                ),
                "info",
            )
        )
        if crashed is not None:
            notices.append(
                (
                    QCoreApplication.translate(
                        "App",
                        "The previous run did not close properly; its session {file} is under File → Open recent.",
                    ).format(file=crashed.name),
                    "warning",
                )
            )
        return StartPlan(session, path, notices, unsaved=unsaved)
    if file is not None:
        loaded = load_or_report(file, clock, language, notices)
        if loaded is not None:
            return StartPlan(loaded, file, notices)
    if crashed is not None:
        loaded = load_or_report(crashed, clock, language, notices)
        if loaded is not None:
            notices.append(
                (
                    QCoreApplication.translate(
                        "App",
                        "Fishbowl Desktop did not close properly last time. The last autosave of {file} (saved at "
                        "{time}) has been reopened; the speaker timer is paused.",
                    ).format(file=crashed.name, time=_saved_at(crashed)),
                    "warning",
                )
            )
            return StartPlan(loaded, crashed, notices, recovered=True)
    last = workspace.last_session()
    if last is not None and last != crashed:
        loaded = load_or_report(last, clock, language, notices)
        if loaded is not None:
            return StartPlan(loaded, last, notices)
    first_run = file is None and crashed is None and last is None and not notices and not _any_session(workspace)
    session = new_session(clock, settings)
    path = workspace.new_session_path(when=clock.now())
    unsaved = not _first_save(session, path, notices)
    return StartPlan(session, path, notices, unsaved=unsaved, first_run=first_run)


def _first_save(session: Session, path: Path, notices: list[tuple[str, str]]) -> bool:
    """A full or read-only disk must not stop the evening: say so, keep the session in memory."""
    try:
        save_session(session, path)
    except OSError as exc:
        notices.append((
            QCoreApplication.translate("App", "Not saved to {file}: {reason}").format(
                file=path.name, reason=exc.strerror or exc),
            "error",
        ))
        return False
    return True


def _any_session(workspace: Workspace) -> bool:
    """Whether this moderator has ever had a session here: one in Open recent or in the sessions folder."""
    if workspace.recent():
        return True
    try:
        return any(workspace.sessions_dir.glob(f"*{SESSION_SUFFIX}"))
    except OSError:
        return False


def use_sessions_folder(workspace: Workspace, settings: AppSettings) -> str | None:
    """Point the workspace at the sessions folder from the settings; if it cannot be used today (a USB
    stick not plugged in, a share offline), the default folder is used and the returned text says so."""
    if not settings.sessions_folder:
        return None
    problem = workspace.use_sessions_dir(settings.sessions_folder)
    if problem is None:
        return None
    return QCoreApplication.translate(
        "App", "The sessions folder {folder} cannot be used ({reason}); new sessions are saved in {fallback} "
        "for now.").format(folder=settings.sessions_folder, reason=problem.strerror or problem,
                           fallback=workspace.sessions_dir)


# ---------------------------------------------------------------------- language
def choose_language(settings: AppSettings, system: str | None = None) -> str:
    wanted = settings.language or (system if system is not None else QLocale.system().name())[:2]
    return wanted if wanted in ("de", "en") else "en"


def install_translations(app: QCoreApplication, language: str) -> list[QTranslator]:
    """The app's own .qm (if generated) and Qt's (for standard buttons and dialogs); keep the result alive."""
    installed = []
    own = resources_dir() / "translations" / f"fishbowl_{language}.qm"
    candidates = [(str(own), "")] if own.is_file() else []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    candidates.append((f"qtbase_{language}", qt_dir))
    for name, directory in candidates:
        translator = QTranslator(app)
        if (translator.load(name, directory) if directory else translator.load(name)) and app.installTranslator(
            translator
        ):
            installed.append(translator)
    return installed


# ---------------------------------------------------------------------- wiring
@dataclass
class Console:
    controller: SessionController
    ticker: TimerTicker
    autosaver: Autosaver
    files: SessionFiles
    window: ConsoleWindow


def build_console(plan: StartPlan, workspace: Workspace, settings: AppSettings, language: str = "en") -> Console:
    from .ui.console_window import ConsoleWindow

    controller = SessionController(plan.session)
    ticker = TimerTicker(controller)
    autosaver = Autosaver(controller, plan.path)
    files = SessionFiles(workspace, controller, autosaver, plan.session.clock, language, settings=settings)
    window = ConsoleWindow(controller, ticker, autosaver, settings, files)
    settings_path = workspace.base_dir / SETTINGS_FILE

    def remember(new: AppSettings) -> None:
        try:
            save_settings(new, settings_path)
        except OSError as exc:
            window.show_notice(
                QCoreApplication.translate("App", "Settings not saved: {reason}").format(
                    reason=exc.strerror or exc
                ),
                "warning",
            )

    window.settingsChanged.connect(remember)
    for text, level in plan.notices:
        window.show_notice(text, level)
    if plan.first_run:
        window.show_welcome()
    if plan.unsaved:
        autosaver.mark_changed()  # retried until the disk takes it
    try:
        workspace.mark_running(plan.path)
    except OSError as exc:  # crash recovery is weaker without the marker, but the evening goes on
        window.show_notice(QCoreApplication.translate(
            "App", "The program cannot note that it is running ({reason}): after a crash it will not reopen this "
            "session by itself.").format(reason=exc.strerror or exc), "warning")
    return Console(controller, ticker, autosaver, files, window)


def _icon() -> QIcon | None:
    folder = resources_dir() / "icons"
    files = sorted(folder.glob("fishbowl-desktop*.png")) + sorted(folder.glob("fishbowl-desktop*.svg"))
    if not files:
        return None
    icon = QIcon()
    for path in files:
        icon.addFile(str(path))
    return icon


def fit_to_screen(window: QWidget) -> None:
    """Fill the laptop screen (1366×768 is common at venues) without going past its edges."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    window.setGeometry(area)


def run_app(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    make_singletons_immortal()  # the console runs for hours; see ui/pyside_guard.py
    app = QApplication.instance() or QApplication([sys.argv[0], *[a for a in argv if a.startswith("-platform")]])
    assert isinstance(app, QApplication)
    app.setOrganizationName("Fishbowl Desktop")
    app.setApplicationName("fishbowl-desktop")
    app.setApplicationDisplayName("Fishbowl Desktop")
    app.setDesktopFileName("org.fishbowldesktop.FishbowlDesktop")  # matches the .desktop entry on Wayland
    app.setApplicationVersion(__version__)
    app.setStyle("Fusion")
    icon = _icon()
    if icon is not None:
        app.setWindowIcon(icon)

    workspace = Workspace()
    try:
        workspace.ensure()
    except OSError as exc:
        print(f"fishbowl-desktop: cannot use the data folder {workspace.base_dir}: {exc}", file=sys.stderr)
        return 1
    settings = load_settings(workspace.base_dir / SETTINGS_FILE)
    language = choose_language(settings)
    translators = install_translations(app, language)  # noqa: F841 - must stay alive while the app runs
    folder_notice = use_sessions_folder(workspace, settings)
    plan = plan_start(workspace, args.file, args.demo, SystemClock(), language, settings)
    if folder_notice:
        plan.notices.append((folder_notice, "warning"))
    console = build_console(plan, workspace, settings, language)
    window = console.window
    fit_to_screen(window)
    window.showMaximized()  # a window manager fits it exactly; without one the geometry above holds

    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))
    close_on_signals_until_the_loop_runs(window)
    paint_first_frame(window)  # the first frame before asyncio and qasync are even imported

    def on_quit() -> None:
        console.autosaver.flush()  # synchronous: never leave the last second of the evening to an executor
        workspace.mark_clean_exit()
        from .ui.pdf_export import stop_pdf_worker

        stop_pdf_worker()  # the PDF worker process never outlives the console

    run_until_closed(window, window.closed, on_quit, lambda: bool(closed))
    return 0
