"""Which session the console opens: --demo, a named file, the crashed session, the last one, or a new one;
and what to do when another window has that file open.

The decisions are plain functions, tested without an event loop. Texts keep the "App" translation context
(they were written in app.py first; the German follows).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication

from fishbowl_desktop.controller.autosave import one_line_reason
from fishbowl_desktop.controller.file_problems import load_or_report
from fishbowl_desktop.controller.session_files import new_session
from fishbowl_desktop.controller.session_owner import OwnerChoice, SessionHolder, ask_to_bring_up, holder_of
from fishbowl_desktop.model import Clock, Session, SystemClock, format_duration, format_seconds
from fishbowl_desktop.settings import AppSettings
from fishbowl_desktop.storage import Workspace, save_session
from fishbowl_desktop.storage.errors import SessionFileError
from fishbowl_desktop.storage.files import load_session, saved_time, time_of_day
from fishbowl_desktop.storage.good_copy import GoodCopy, is_damage, newest_good_copy
from fishbowl_desktop.storage.turn_record import restored_from_record_at
from fishbowl_desktop.storage.workspace import SESSION_SUFFIX
from fishbowl_desktop.value_class import value_class


@value_class(frozen=False)
class StartPlan:
    """Which session the console opens at start, and what to tell the moderator about it."""

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
    take_over: bool = False
    """The file's lock names another computer and the moderator chose to take it over."""
    offer: GoodCopy | None = None
    """The evening's file was damaged (a power cut during a save) and this copy of it is whole: the console
    offers it in one step (`offer_texts`)."""


def _saved_at(path: Path, session: Session | None = None) -> str:
    """When what was restored was saved: the file's time, or the running turn's record's when its newer spoken
    time is what the clock shows (storage.turn_record)."""
    record_at = restored_from_record_at(path, session) if session is not None else None
    try:
        file_at: float | None = path.stat().st_mtime
    except OSError:
        file_at = None
    if record_at is not None and (file_at is None or record_at > file_at):
        return time_of_day(datetime.fromtimestamp(record_at))
    return saved_time(path) or "?"


def running_turn_notice(session: Session, path: Path) -> str | None:
    """A session opened with someone on the floor: the turn is paused, and the moderator is told whose, with
    how much already spoken and as of when, so resuming (Space) is a decision, not a surprise."""
    turn = session.turn
    if turn is None or not turn.timer.started or not session.has_participant(turn.participant_id):
        return None
    # Two numbers, each said for what it is: "angehalten bei 1:25" beside a clock showing 0:36 read as a mistake.
    left = turn.timer.allotted - turn.timer.accumulated
    if left >= 0:
        template = QCoreApplication.translate(
            "App",
            "{name} had the floor: their turn is paused after {spoken} of speaking, {clock} left on the clock "
            "(saved at {time}). Press Space to let them go on.",
        )
    else:
        template = QCoreApplication.translate(
            "App",
            "{name} had the floor: their turn is paused after {spoken} of speaking, {clock} over time "
            "(saved at {time}). Press Space to let them go on.",
        )
    return template.format(
        name=session.participant(turn.participant_id).name,
        spoken=format_duration(turn.timer.accumulated),
        clock=format_seconds(left).lstrip("+"),  # as the clock shows it
        time=_saved_at(path, session),
    )


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
    workspace: Workspace,
    file: Path | None = None,
    demo: bool = False,
    clock: Clock | None = None,
    language: str = "en",
    settings: AppSettings | None = None,
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
    offers: list[GoodCopy] = []

    def opened(path: Path, why: str | None = None) -> StartPlan | None:
        """`path` opened, or None (its problem, or a whole copy to offer, is noted). `why`: the evening is
        recovered, and the template ({file}, {time}) says how."""
        loaded = _open_or_offer(path, clock, language, notices, offers)
        if loaded is None:
            return None
        after = why.format(file=path.name, time=_saved_at(path, loaded)) if why is not None else None
        _with_turn(notices, loaded, path, after=after)
        return StartPlan(loaded, path, notices, recovered=why is not None)

    if file is not None and (plan := opened(file)) is not None:
        return plan
    crash_notice = QCoreApplication.translate(
        "App",
        "Fishbowl Desktop did not close properly last time. The last autosave of {file} (saved at "
        "{time}) has been reopened; the speaker timer is paused.",
    )
    if crashed is not None and (plan := opened(crashed, crash_notice)) is not None:
        return plan
    last = workspace.last_session()
    if last is not None and last != crashed and last != file and (plan := opened(last)) is not None:
        return plan
    if not offers and crashed is None and last is None and file is None and _memory_lost(workspace):
        found = _saved_last(workspace)
        lost_notice = QCoreApplication.translate(
            "App",
            "The program's note of which session was open was damaged (the computer probably lost "
            "power). The session saved last, {file} (saved at {time}), has been reopened.",
        )
        if found is not None and (plan := opened(found, lost_notice)) is not None:
            return plan
    first_run = (
        file is None and crashed is None and last is None and not notices and not offers and not _any_session(workspace)
    )
    session = new_session(clock, settings, language)
    path = workspace.new_session_path(when=clock.now())
    unsaved = not _first_save(session, path, notices)
    return StartPlan(session, path, notices, unsaved=unsaved, first_run=first_run, offer=offers[0] if offers else None)


def _memory_lost(workspace: Workspace) -> bool:
    """state.json or a crash marker was set aside as damaged at this start: which session was open is unknown
    (a disk that lost its cache in a power cut leaves them empty)."""
    return any(r.path.name == "state.json" or r.path.name.startswith("running") for r in workspace.refusals)


def _saved_last(workspace: Workspace) -> Path | None:
    """The session file in the sessions folder written last, or None."""
    try:
        found = [(p.stat().st_mtime, p) for p in workspace.sessions_dir.glob(f"*{SESSION_SUFFIX}") if p.is_file()]
    except OSError:
        return None
    return max(found)[1] if found else None


def _open_or_offer(
    path: Path, clock: Clock, language: str, notices: list[tuple[str, str]], offers: list[GoodCopy]
) -> Session | None:
    """The session in `path`; or, when the file is damaged and a backup or an unfinished save of it is whole,
    None with that copy in `offers` (the console offers it); else None with the reason in `notices`."""
    try:
        return load_session(path, clock=clock)
    except SessionFileError as exc:
        if is_damage(exc):
            copy = newest_good_copy(path, clock)
            if copy is not None:
                offers.append(copy)
                return None
    except Exception:  # load_or_report says why, in the moderator's words
        pass
    return load_or_report(path, clock, language, notices)


def _first_save(session: Session, path: Path, notices: list[tuple[str, str]]) -> bool:
    """A full or read-only disk must not stop the evening: say so, keep the session in memory."""
    try:
        save_session(session, path)
    except Exception as exc:
        notices.append(
            (
                QCoreApplication.translate("App", "Not saved to {file}: {reason}").format(
                    file=path.name, reason=one_line_reason(exc)
                ),
                "error",
            )
        )
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


def settle_owner(
    plan: StartPlan,
    workspace: Workspace,
    clock: Clock,
    settings: AppSettings,
    ask: Callable[[Path, SessionHolder], OwnerChoice] | None = None,
    language: str = "en",
) -> StartPlan | None:
    """If another window has the planned file open, ask how to go on (before the event loop runs, so a modal
    question is fine here); None means that window was brought up, or a signal ended the question, and this copy
    has nothing to do."""
    holder = holder_of(plan.path)
    if holder is None:
        return plan
    choice = (ask or ask_owner_at_start)(plan.path, holder)
    if choice is OwnerChoice.QUIT:  # Ctrl+C or SIGTERM while asking: nothing opened, nothing saved
        return None
    if choice is OwnerChoice.TAKE_OVER:  # its lock names another computer, whose copy the moderator says is gone
        plan.take_over = True
        return plan
    if choice is OwnerChoice.BRING_UP:
        if ask_to_bring_up(holder):
            return None
        plan.notices.append(
            (
                QCoreApplication.translate(
                    "App", "The window that has {file} open did not answer; it is shown here read-only."
                ).format(file=plan.path.name),
                "warning",
            )
        )
        choice = OwnerChoice.READ_ONLY
    if choice is OwnerChoice.READ_ONLY:
        plan.read_only = True
        plan.unsaved = False
        return plan
    if choice is OwnerChoice.COPY:
        session, title = plan.session, plan.session.event.title
    else:
        session, title = new_session(clock, settings, language), ""
    path = workspace.new_session_path(title, when=clock.now())
    notices = [n for n in plan.notices if n[1] != "info"]
    unsaved = not _first_save(session, path, notices)
    if choice is OwnerChoice.COPY:
        notices.append(
            (
                QCoreApplication.translate(
                    "App", "{file} is open in another window; this window works on a copy, saved as {copy}."
                ).format(file=plan.path.name, copy=path.name),
                "info",
            )
        )
    return StartPlan(session, path, notices, unsaved=unsaved)


def ask_owner_at_start(path: Path, holder: SessionHolder) -> OwnerChoice:
    from fishbowl_desktop.ui.shell.owner_question import OwnerQuestion  # a message box: only when asked

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
