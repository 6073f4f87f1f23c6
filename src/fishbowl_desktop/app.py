"""Start-up: arguments, the Qt application, translations, which session to open, the qasync loop, and a
clean, saved exit.

The decisions (which session, what to tell the moderator) are plain functions, tested without an event
loop; `run_app` only wires them together.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QProcess, QTranslator
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from fishbowl_desktop import __version__
from fishbowl_desktop.binding_check import binding_version, known_fault
from fishbowl_desktop.controller import Autosaver, SessionController, TimerTicker
from fishbowl_desktop.controller.autosave import one_line_reason
from fishbowl_desktop.controller.session_files import SessionFiles, folder_reason, load_or_report, new_session
from fishbowl_desktop.controller.session_owner import SessionHolder, WindowBeacon, ask_to_bring_up, holder_of
from fishbowl_desktop.controller.settings_store import SettingsStore
from fishbowl_desktop.event_loop import close_on_signals_until_the_loop_runs, paint_first_frame, run_until_closed
from fishbowl_desktop.model import Clock, Session, SystemClock, format_duration
from fishbowl_desktop.resources import resources_dir
from fishbowl_desktop.settings import AppSettings, load_settings
from fishbowl_desktop.storage import Workspace, save_session
from fishbowl_desktop.storage.files import saved_time
from fishbowl_desktop.storage.workspace import SESSION_SUFFIX, unsafe_folder
from fishbowl_desktop.ui.shell.owner_question import OwnerChoice, OwnerQuestion

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from fishbowl_desktop.ui.shell.console_window import ConsoleWindow

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
    read_only: bool = False
    """Another window owns the file: shown, never saved (see controller.session_owner)."""


def _saved_at(path: Path) -> str:
    return saved_time(path) or "?"


def running_turn_notice(session: Session, path: Path) -> str | None:
    """A session opened with someone on the floor: the turn is paused, and the moderator is told whose, with
    how much already spoken and as of when, so resuming (Space) is a decision, not a surprise."""
    turn = session.turn
    if turn is None or not turn.timer.started or not session.has_participant(turn.participant_id):
        return None
    return QCoreApplication.translate(
        "App", "{name} had the floor: the turn is paused at {spoken} spoken (saved at {time}). Press Space to let "
        "them go on.").format(
            name=session.participant(turn.participant_id).name, spoken=format_duration(turn.timer.accumulated),
            time=_saved_at(path))


def _with_turn(notices: list[tuple[str, str]], session: Session, path: Path, after: str | None = None) -> None:
    """The message bar shows one message at a time: the turn's sentence joins the last notice when there is one
    to join (`after`, the crash notice), else it is a notice of its own."""
    text = running_turn_notice(session, path)
    if text is None:
        if after is not None:
            notices.append((after, "warning"))
        return
    notices.append((f"{after} {text}" if after else text, "warning"))


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
        from fishbowl_desktop.model.demo import demo_session

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
            _with_turn(notices, loaded, file)
            return StartPlan(loaded, file, notices)
    if crashed is not None:
        loaded = load_or_report(crashed, clock, language, notices)
        if loaded is not None:
            _with_turn(notices, loaded, crashed, after=QCoreApplication.translate(
                "App",
                "Fishbowl Desktop did not close properly last time. The last autosave of {file} (saved at "
                "{time}) has been reopened; the speaker timer is paused.",
            ).format(file=crashed.name, time=_saved_at(crashed)))
            return StartPlan(loaded, crashed, notices, recovered=True)
    last = workspace.last_session()
    if last is not None and last != crashed:
        loaded = load_or_report(last, clock, language, notices)
        if loaded is not None:
            _with_turn(notices, loaded, last)
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
    except Exception as exc:
        notices.append((
            QCoreApplication.translate("App", "Not saved to {file}: {reason}").format(
                file=path.name, reason=one_line_reason(exc)),
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
        "for now.").format(folder=settings.sessions_folder, reason=folder_reason(problem),
                           fallback=workspace.sessions_dir)


def data_folder_warning(workspace: Workspace) -> str | None:
    """A data or sessions folder that other users can write to (FISHBOWL_DESKTOP_HOME in /tmp, a careless
    chmod) lets them swap a session or plant a link: the evening goes on, but the moderator is told."""
    for folder in dict.fromkeys((workspace.base_dir, workspace.sessions_dir)):
        try:
            problem = unsafe_folder(folder)
        except OSError:
            continue
        if problem is not None:
            return QCoreApplication.translate(
                "App", "The folder {folder} is not private ({reason}): other people on this computer could "
                "change or replace your sessions. Choose another sessions folder in the settings.").format(
                folder=folder, reason=folder_reason(problem))
    return None


# ---------------------------------------------------------------------- one owner per file
def settle_owner(plan: StartPlan, workspace: Workspace, clock: Clock, settings: AppSettings,
                 ask: Callable[[Path, SessionHolder], OwnerChoice] | None = None) -> StartPlan | None:
    """If another window has the planned file open, ask how to go on (before the event loop runs, so a modal
    question is fine here); None means that window was brought up and this copy has nothing to do."""
    holder = holder_of(plan.path)
    if holder is None:
        return plan
    choice = (ask or _ask_owner_at_start)(plan.path, holder)
    if choice is OwnerChoice.BRING_UP:
        if ask_to_bring_up(holder):
            return None
        plan.notices.append((QCoreApplication.translate(
            "App", "The window that has {file} open did not answer; it is shown here read-only.").format(
            file=plan.path.name), "warning"))
        choice = OwnerChoice.READ_ONLY
    if choice is OwnerChoice.READ_ONLY:
        plan.read_only = True
        plan.unsaved = False
        return plan
    if choice is OwnerChoice.COPY:
        session, title = plan.session, plan.session.event.title
    else:
        session, title = new_session(clock, settings), ""
    path = workspace.new_session_path(title, when=clock.now())
    notices = [n for n in plan.notices if n[1] != "info"]
    unsaved = not _first_save(session, path, notices)
    if choice is OwnerChoice.COPY:
        notices.append((QCoreApplication.translate(
            "App", "{file} is open in another window; this window works on a copy, saved as {copy}.").format(
            file=plan.path.name, copy=path.name), "info"))
    return StartPlan(session, path, notices, unsaved=unsaved)


def _ask_owner_at_start(path: Path, holder: SessionHolder) -> OwnerChoice:
    question = OwnerQuestion(path, holder, cancel_text=QCoreApplication.translate("App", "New session"))
    screen = QGuiApplication.primaryScreen()  # the laptop: with no parent window it may land on the beamer
    if screen is not None:
        question.setScreen(screen)
        question.adjustSize()
        frame = question.frameGeometry()
        frame.moveCenter(screen.availableGeometry().center())
        question.move(frame.topLeft())
    question.exec()
    return question.choice()


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


# ---------------------------------------------------------------------- a binding that would crash
def binding_refusal(version: str | None = None, python: tuple[int, ...] | None = None) -> str | None:
    """Why the console must not start on this PySide6/Python combination (see binding_check), or None."""
    python = tuple(python or sys.version_info[:3])
    broken = known_fault(version if version is not None else binding_version(), python)
    if broken is None:
        return None
    return QCoreApplication.translate(
        "App", "Fishbowl Desktop cannot run with PySide6 {version} on Python {python}: this combination is known "
        "to crash within minutes. Install the tested versions (pip install -c constraints.txt fishbowl-desktop) "
        "or Python {fixed} or newer.").format(
        version=broken.version, python=".".join(map(str, python[:3])),
        fixed=".".join(map(str, broken.python_below)))


def refuse_to_start(app: QApplication, reason: str) -> int:
    """Say it on stderr (a terminal) and in a window (a start from the menu has no terminal); exit status 3."""
    print(f"fishbowl-desktop: {reason}", file=sys.stderr)
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, QCoreApplication.translate("App", "Fishbowl Desktop cannot start"), reason)
    return 3


# ---------------------------------------------------------------------- wiring
@dataclass
class Console:
    controller: SessionController
    ticker: TimerTicker
    autosaver: Autosaver
    files: SessionFiles
    window: ConsoleWindow


def build_console(plan: StartPlan, workspace: Workspace, settings: AppSettings, language: str = "en") -> Console:
    from fishbowl_desktop.ui.shell.console_window import ConsoleWindow

    controller = SessionController(plan.session)
    ticker = TimerTicker(controller)
    autosaver = Autosaver(controller, plan.path)
    store = SettingsStore(settings, workspace.base_dir / SETTINGS_FILE)
    files = SessionFiles(workspace, controller, autosaver, plan.session.clock, language, settings=store)
    window = ConsoleWindow(controller, ticker, autosaver, store, files)
    store.saveFailed.connect(lambda reason: window.show_notice(
        QCoreApplication.translate("App", "Settings not saved: {reason}").format(reason=reason), "warning"))
    window.restartRequested.connect(lambda: restart(window, autosaver))
    for text, level in plan.notices:
        window.show_notice(text, level)
    if plan.first_run:
        window.welcome.show()
    if plan.unsaved:
        autosaver.mark_changed()  # retried until the disk takes it
    if not plan.read_only and files.lock.take(plan.path) is not None:  # opened elsewhere a moment ago
        window.show_notice(QCoreApplication.translate(
            "App", "{file} was just opened in another window; it is shown here read-only.").format(
            file=plan.path.name), "warning")
        plan.read_only = True
    if plan.read_only:
        files.become_read_only(plan.path)
        window.save_status.refresh()
    else:
        marker_problem = files.note_running(plan.path)  # crash recovery is weaker without it, the evening goes on
        if marker_problem:
            window.show_notice(marker_problem, "warning")
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


def restart_command(path: Path | None) -> tuple[str, list[str]]:
    """How to start this program again: the bundle's own executable, or this Python with the package."""
    tail = [str(path)] if path is not None else []
    if getattr(sys, "frozen", False):
        return sys.executable, tail
    return sys.executable, ["-m", "fishbowl_desktop", *tail]


def restart(window: ConsoleWindow, autosaver: Autosaver) -> None:
    """Close normally (which saves), then start again on the same session."""
    program, args = restart_command(autosaver.path)
    window.closed.connect(lambda: QProcess.startDetached(program, args))
    window.close()


def _bring_up(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()


def run_app(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
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
    # The console's lists and the projector draw every script the PDFs print, on a laptop that lacks them.
    from fishbowl_desktop.ui.projector.textfit import ensure_fonts

    ensure_fonts()

    workspace = Workspace()
    try:
        workspace.ensure()
    except OSError as exc:
        print(f"fishbowl-desktop: cannot use the data folder {workspace.base_dir}: {exc}", file=sys.stderr)
        return 1
    settings = load_settings(workspace.base_dir / SETTINGS_FILE)
    language = choose_language(settings)
    translators = install_translations(app, language)  # noqa: F841 - must stay alive while the app runs
    refused = binding_refusal()
    if refused is not None:
        return refuse_to_start(app, refused)
    folder_notice = use_sessions_folder(workspace, settings)
    clock = SystemClock()
    settled = settle_owner(plan_start(workspace, args.file, args.demo, clock, language, settings), workspace, clock,
                           settings)
    if settled is None:
        print("fishbowl-desktop: the session is open in another window, which was brought to the front",
              file=sys.stderr)
        return 0
    plan = settled
    if folder_notice:
        plan.notices.append((folder_notice, "warning"))
    unsafe_notice = data_folder_warning(workspace)
    if unsafe_notice:
        plan.notices.append((unsafe_notice, "warning"))
    console = build_console(plan, workspace, settings, language)
    window = console.window
    fit_to_screen(window)
    window.showMaximized()  # a window manager fits it exactly; without one the geometry above holds
    window.activateWindow()  # without a window manager nothing gives the console the keyboard (F5, B, N)
    from fishbowl_desktop.ui.projector.probe import install_probe

    install_probe(window, window.projector, console.controller, console.ticker)  # end-to-end tests only

    beacon = WindowBeacon(lambda: _bring_up(window), app)  # noqa: F841 - answers "bring that window up"
    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))
    close_on_signals_until_the_loop_runs(window)
    paint_first_frame(window)  # the first frame before asyncio and qasync are even imported

    def on_quit() -> None:
        console.autosaver.flush()  # synchronous: never leave the last second of the evening to an executor
        workspace.mark_clean_exit()
        from fishbowl_desktop.ui.paper.pdf_export import stop_pdf_worker

        stop_pdf_worker()  # the PDF worker process never outlives the console

    run_until_closed(window, window.closed, on_quit, lambda: bool(closed))
    return 0
