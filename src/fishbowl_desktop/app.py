"""Start-up: arguments, the Qt application, translations, the checks before the console opens, the wiring,
Qt's event loop, and a clean, saved exit.

The decisions (which session, what to tell the moderator) are plain functions, tested without an event
loop (which session: `startup.plan`; where the window goes: `startup.window`); `run_app` only wires them
together.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from fishbowl_desktop import __version__
from fishbowl_desktop.binding_check import binding_version, known_fault, missing_x11_library
from fishbowl_desktop.controller import Autosaver, SessionController, TimerTicker
from fishbowl_desktop.controller.file_problems import folder_reason, offer_texts, read_only_medium
from fishbowl_desktop.controller.session_files import SessionFiles
from fishbowl_desktop.controller.session_owner import OwnerChoice, SessionHolder
from fishbowl_desktop.controller.settings_store import SettingsStore
from fishbowl_desktop.event_loop import (
    asked_to_quit,
    close_on_signals_until_the_loop_runs,
    paint_first_frame,
    quit_on_signals_while_asking,
    remember_signals_while_starting,
    run_until_closed,
)
from fishbowl_desktop.model import SystemClock
from fishbowl_desktop.resources import resources_dir
from fishbowl_desktop.settings import AppSettings, read_settings
from fishbowl_desktop.startup.collector import collect_on_the_ui_thread_from_now
from fishbowl_desktop.startup.plan import (
    StartPlan,
    ask_owner_at_start,
    plan_start,
    running_turn_notice,
    settle_owner,
)
from fishbowl_desktop.startup.window import app_icon, bring_up, fit_to_screen, restart
from fishbowl_desktop.storage import Workspace
from fishbowl_desktop.storage.workspace import unsafe_folder
from fishbowl_desktop.support_file import Refusal
from fishbowl_desktop.trail import start_trail
from fishbowl_desktop.value_class import value_class

if TYPE_CHECKING:
    import argparse

    from fishbowl_desktop.ui.shell.console_window import ConsoleWindow

SETTINGS_FILE = "settings.json"
PROBE_ENV = "FISHBOWL_DESKTOP_PROBE"
"""ui/projector/probe.py's switch (its ENV): the end-to-end tests' report of the running app."""
_log = logging.getLogger("fishbowl.start")


def build_parser() -> argparse.ArgumentParser:
    import argparse  # with gettext: only when there are arguments to read (see run_app)

    parser = argparse.ArgumentParser(prog="fishbowl-desktop", description="Fishbowl Desktop: the moderator's console.")
    parser.add_argument("-V", "--version", action="version", version=f"fishbowl-desktop {__version__}")
    parser.add_argument("--demo", action="store_true", help="open the sample evening (saved as a new session file)")
    parser.add_argument("file", nargs="?", type=Path, help="a session file to open")
    return parser


def use_sessions_folder(workspace: Workspace, settings: AppSettings) -> str | None:
    """Point the workspace at the sessions folder from the settings; if it cannot be used today (a USB
    stick not plugged in, a share offline), the default folder is used and the returned text says so."""
    if not settings.sessions_folder:
        return None
    problem = workspace.use_sessions_dir(settings.sessions_folder)
    if problem is None:
        return None
    return QCoreApplication.translate(
        "App", "The sessions folder {folder} cannot be used ({reason}); new sessions are saved in {fallback} for now."
    ).format(folder=settings.sessions_folder, reason=folder_reason(problem), fallback=workspace.sessions_dir)


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
                "App",
                "The folder {folder} is not private ({reason}): other people on this computer could "
                "change or replace your sessions. Choose another sessions folder in the settings.",
            ).format(folder=folder, reason=folder_reason(problem))
    return None


def set_aside_at_start(workspace: Workspace, settings_refusal: Refusal | None) -> list[Refusal]:
    """Every support file refused and set aside on the way to the window: the settings, the state and the crash
    markers (read while planning), and the room's links, checked now so a damaged room.json is said at start
    rather than replaced by new links the evening the room is switched on."""
    from fishbowl_desktop.room import links_file_there

    room_refusal = None
    if links_file_there(workspace.base_dir):  # none on a laptop whose room was never on: nothing to check
        from fishbowl_desktop.room.links import read_links

        _links, room_refusal = read_links(workspace.base_dir)
    return [r for r in (settings_refusal, *workspace.refusals, room_refusal) if r is not None]


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
        "App",
        "Fishbowl Desktop cannot run with PySide6 {version} on Python {python}: this combination is known "
        "to crash within minutes. Install the tested versions (pip install -c constraints.txt fishbowl-desktop) "
        "or Python {fixed} or newer.",
    ).format(
        version=broken.version, python=".".join(map(str, python[:3])), fixed=".".join(map(str, broken.python_below))
    )


def refuse_to_start(app: QApplication, reason: str) -> int:
    """Say it on stderr (a terminal) and in a window (a start from the menu has no terminal); exit status 3."""
    print(f"fishbowl-desktop: {reason}", file=sys.stderr)
    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, QCoreApplication.translate("App", "Fishbowl Desktop cannot start"), reason)
    return 3


# ---------------------------------------------------------------------- wiring
@value_class(frozen=False)
class Console:
    """The running console's parts, as `build_console` wired them."""

    controller: SessionController
    ticker: TimerTicker
    autosaver: Autosaver
    files: SessionFiles
    window: ConsoleWindow


def build_console(
    plan: StartPlan, workspace: Workspace, settings: AppSettings, language: str = "en", guard_keys_now: bool = True
) -> Console:
    """`guard_keys_now=False`: the caller starts the key guard (`window.key_guard.take_up()`) once the first
    frame is painted, as `run_app` does."""
    from fishbowl_desktop.ui.shell.console_window import ConsoleWindow

    controller = SessionController(plan.session)
    ticker = TimerTicker(controller)
    autosaver = Autosaver(controller, plan.path)
    store = SettingsStore(settings, workspace.base_dir / SETTINGS_FILE)
    files = SessionFiles(workspace, controller, autosaver, plan.session.clock, language, settings=store)
    window = ConsoleWindow(controller, ticker, autosaver, store, files, guard_keys_now=guard_keys_now)
    store.saveFailed.connect(
        lambda reason: window.show_notice(
            QCoreApplication.translate("App", "Settings not saved: {reason}").format(reason=reason), "warning"
        )
    )
    window.restartRequested.connect(lambda: restart(window, autosaver))
    for text, level in plan.notices:
        window.show_notice(text, level)
    turn_notice = running_turn_notice(plan.session, plan.path)
    if turn_notice is not None and turn_notice in window.message_bar.text():
        window.tie_notice_to_turn()  # "Press Space to let them go on" goes with that speaker's turn
    if plan.first_run:
        window.welcome.show()
    if plan.offer is not None:  # the evening's file was damaged, a backup of it is whole: one click brings it back
        offer = plan.offer
        text, button = offer_texts(offer, language)
        window.file_menu.offer_good_copy(offer, text, button)
    if plan.unsaved:
        autosaver.mark_changed()  # retried until the disk takes it
    holder = None if plan.read_only else files.lock.take(plan.path, take_over=plan.take_over)
    if holder is not None and holder.read_only_medium:  # a CD, a locked USB stick, a folder of someone else's
        text = read_only_medium(plan.path)
        files.become_read_only(plan.path, text)
        window.save_status.refresh()
        window.message_bar.show_message(
            text, "warning", QCoreApplication.translate("App", "Save As…"), window.file_menu.save_as
        )
        return Console(controller, ticker, autosaver, files, window)
    if holder is not None:  # opened elsewhere a moment ago
        window.show_notice(
            QCoreApplication.translate(
                "App", "{file} was just opened in another window; it is shown here read-only."
            ).format(file=plan.path.name),
            "warning",
        )
        plan.read_only = True
    if plan.read_only:
        files.become_read_only(plan.path)
        window.save_status.refresh()
    else:
        marker_problem = files.note_running(plan.path)  # crash recovery is weaker without it, the evening goes on
        if marker_problem:
            window.show_notice(marker_problem, "warning")
    return Console(controller, ticker, autosaver, files, window)


def ask_owner_or_quit(path: Path, holder: SessionHolder) -> OwnerChoice:
    """ "Session already open", which a logout's SIGTERM or a Ctrl+C closes: this copy then ends, having opened and
    written nothing (the other window keeps the evening)."""
    with quit_on_signals_while_asking():
        choice = ask_owner_at_start(path, holder)
    return OwnerChoice.QUIT if asked_to_quit() else choice


def run_app(argv: list[str]) -> int:
    # The usual start (a desktop launcher, the Start menu) has no arguments: nothing to parse, so no parser is built
    # (nor its gettext look-ups) before the first frame (issue 29); PySide6 has loaded argparse itself by now
    args = build_parser().parse_args(argv) if argv else SimpleNamespace(file=None, demo=False)
    remember_signals_while_starting()
    from fishbowl_desktop.room.file_limit import raise_file_limit

    raise_file_limit()  # a macOS GUI app gets 256 descriptors: the saves must never run short (issue 22)
    package = missing_x11_library()
    if package is not None and QApplication.instance() is None:
        print(
            f"fishbowl-desktop: the window cannot open on this X11 desktop: the system library {package} is missing. "
            f"Install it (Debian, Ubuntu, Mint: sudo apt install {package}; Fedora: sudo dnf install xcb-util-cursor) "
            "and start again.",
            file=sys.stderr,
        )
        return 1
    app = QApplication.instance() or QApplication([sys.argv[0], *[a for a in argv if a.startswith("-platform")]])
    assert isinstance(app, QApplication)
    app.setOrganizationName("Fishbowl Desktop")
    app.setApplicationName("fishbowl-desktop")
    app.setApplicationDisplayName("Fishbowl Desktop")
    app.setDesktopFileName("org.fishbowldesktop.FishbowlDesktop")  # matches the .desktop entry on Wayland
    app.setApplicationVersion(__version__)
    app.setStyle("Fusion")
    icon = app_icon()
    if icon is not None:
        app.setWindowIcon(icon)
    # The console's lists and the projector draw every script the PDFs print, on a laptop that lacks them.
    from fishbowl_desktop.ui.projector.textfit import ensure_fonts

    ensure_fonts()

    from fishbowl_desktop.startup.data_folder import usable_workspace

    usable = usable_workspace(Workspace())  # a read-only folder: a window says so and offers another one
    if usable is None:
        return 1
    workspace = usable
    trail = start_trail(workspace.base_dir)
    from fishbowl_desktop.stage.texts import CORRECTIONS, use_corrections

    use_corrections(workspace.base_dir / CORRECTIONS)  # the organiser's own words for the hall (README)
    _log.info(
        "start: Fishbowl Desktop %s, Python %s, PySide6 %s, Qt platform %s",
        __version__,
        sys.version.split()[0],
        binding_version(),
        QGuiApplication.platformName(),
    )
    settings, settings_refusal = read_settings(workspace.base_dir / SETTINGS_FILE)
    language = choose_language(settings)
    translators = install_translations(app, language)  # noqa: F841 - must stay alive while the app runs
    refused = binding_refusal()
    if refused is not None:
        return refuse_to_start(app, refused)
    folder_notice = use_sessions_folder(workspace, settings)
    clock = SystemClock()
    settled = settle_owner(
        plan_start(workspace, args.file, args.demo, clock, language, settings),
        workspace,
        clock,
        settings,
        ask=ask_owner_or_quit,
        language=language,
    )
    if settled is None and asked_to_quit():
        _log.info("quit while asking about the session open in another window")
        return 0
    if settled is None:
        print(
            "fishbowl-desktop: the session is open in another window, which was brought to the front", file=sys.stderr
        )
        return 0
    plan = settled
    if folder_notice:
        plan.notices.append((folder_notice, "warning"))
    unsafe_notice = data_folder_warning(workspace)
    if unsafe_notice:
        plan.notices.append((unsafe_notice, "warning"))
    refusals = set_aside_at_start(workspace, settings_refusal)  # before the room's menu reads room.json
    console = build_console(plan, workspace, settings, language, guard_keys_now=False)  # no key before the frame
    window = console.window
    if refusals:  # its message and "Details…" load only for a start that set something aside (issue 29)
        from fishbowl_desktop.ui.shell.set_aside import say_set_aside

        for refusal in refusals:
            _log.warning("set aside: %s", refusal.describe())
        say_set_aside(window, refusals, str(workspace.base_dir))
    _log.info(
        "opened: %s%s%s%s",
        "recovered after a crash" if plan.recovered else "first run" if plan.first_run else "a session",
        ", read-only" if plan.read_only else "",
        ", not saved yet" if plan.unsaved else "",
        f", {len(plan.notices)} notices" if plan.notices else "",
    )
    if trail is not None:
        from fishbowl_desktop.ui.shell.problem_report import ProblemNotices

        ProblemNotices(window).attach(trail)
    fit_to_screen(window)
    window.showMaximized()  # a window manager fits it exactly; without one the geometry above holds
    window.activateWindow()  # without a window manager nothing gives the console the keyboard (F5, B, N)
    if os.environ.get(PROBE_ENV):  # end-to-end tests only: the probe's module is not loaded otherwise (issue 29)
        from fishbowl_desktop.ui.projector.probe import install_probe

        install_probe(window, window.projector, console.controller, console.ticker)

    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))
    close_on_signals_until_the_loop_runs(window)
    paint_first_frame(window)  # the first frame, then the start-up work that can wait for it
    window.key_guard.take_up()  # not while building and painting: it would see every event (key_guard.py)
    window.buttons_keep_the_keyboard()  # a click leaves the keyboard where it was (console_window.py)
    from fishbowl_desktop.controller.session_owner import WindowBeacon

    beacon = WindowBeacon(lambda: bring_up(window), app)  # noqa: F841 - answers "bring that window up"
    collector = collect_on_the_ui_thread_from_now(app, console.ticker.displayChanged)  # startup/collector.py

    def on_quit() -> None:
        _log.info("quit")
        collector.stop()
        console.autosaver.flush()  # synchronous: never leave the last second of the evening to an executor
        console.files.lock.keep_only(None)  # a clean quit leaves no lock behind
        workspace.mark_clean_exit()
        from fishbowl_desktop.ui.paper.pdf_export import stop_pdf_worker

        stop_pdf_worker()  # the PDF worker process never outlives the console

    run_until_closed(window, window.closed, on_quit, lambda: bool(closed))
    return 0
