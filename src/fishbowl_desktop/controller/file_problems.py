"""What went wrong with a session file or its folder, said in the moderator's words ("App" context).

The start-up, the File menu and the preferences word their problems through these, so one problem reads the
same wherever it shows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from fishbowl_desktop.controller.autosave import one_line_reason
from fishbowl_desktop.controller.session_owner import SessionHolder
from fishbowl_desktop.model import Clock, FishbowlError, Session
from fishbowl_desktop.storage import SessionFileError, load_session
from fishbowl_desktop.storage.files import time_of_day
from fishbowl_desktop.storage.good_copy import GoodCopy, is_damage, newest_good_copy
from fishbowl_desktop.storage.workspace import OTHERS_CAN_WRITE, OWNED_BY_OTHERS


def load_or_report(path: Path, clock: Clock, language: str, notices: list[tuple[str, str]]) -> Session | None:
    """The session in `path`, or None with the reason appended to `notices` (the file is left alone)."""
    try:
        return load_session(path, clock=clock)
    except SessionFileError as exc:
        notices.append(
            (QCoreApplication.translate("App", "Could not open {what}").format(what=exc.message(language)), "error")
        )
    except (OSError, FishbowlError) as exc:
        notices.append(
            (
                QCoreApplication.translate("App", "Could not open {file}: {reason}").format(file=path.name, reason=exc),
                "error",
            )
        )
    except Exception as exc:
        notices.append(
            (
                QCoreApplication.translate("App", "Could not open {file}: {reason}").format(
                    file=path.name, reason=one_line_reason(exc)
                ),
                "error",
            )
        )
    return None


def folder_reason(problem: OSError) -> str:
    """Why a folder cannot hold sessions, in the moderator's language where the reason is the app's own."""
    if problem.strerror == OTHERS_CAN_WRITE:
        return QCoreApplication.translate("App", "other users can write to this folder")
    if problem.strerror == OWNED_BY_OTHERS:
        return QCoreApplication.translate("App", "the folder belongs to another user")
    return problem.strerror or str(problem)


def running_marker_problem(exc: OSError) -> str:
    return QCoreApplication.translate(
        "App",
        "The program cannot note that it is running ({reason}): after a crash it will not reopen this "
        "session by itself.",
    ).format(reason=exc.strerror or exc)


def guarded(operation: Callable[[], str | None]) -> str | None:
    """The error boundary every file operation started from a menu or a button goes through: whatever the disk
    or a file does that the operation did not foresee ends as a message, never as an exception in a Qt slot."""
    try:
        return operation()
    except (SessionFileError, OSError, ValueError, FishbowlError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        where = f" ({exc.filename})" if isinstance(exc, OSError) and exc.filename else ""
        return QCoreApplication.translate("App", "The file operation did not complete: {reason}{where}").format(
            reason=reason, where=where
        )


def held_by_other(path: Path, holder: SessionHolder) -> str:
    if holder.read_only_medium:
        return read_only_medium(path)
    if holder.elsewhere:
        return QCoreApplication.translate(
            "App",
            "{file} is open in Fishbowl Desktop on another computer ({host}, process {pid}); two windows on one "
            "file would overwrite each other's changes. If that program was closed improperly or that computer "
            "is off, open the file again and take it over.",
        ).format(file=path.name, pid=holder.pid, host=holder.host)
    return QCoreApplication.translate(
        "App",
        "{file} is open in another Fishbowl Desktop window (process {pid} on {host}); two windows on one "
        "file would overwrite each other's changes.",
    ).format(file=path.name, pid=holder.pid, host=holder.host)


def read_only_medium(path: Path) -> str:
    return QCoreApplication.translate(
        "App",
        "{file} is on a read-only medium (or in a folder you cannot write to): it is shown, but changes cannot "
        "be saved there. Save As… keeps them in a file of your own.",
    ).format(file=path.name)


def offer_texts(offer: GoodCopy, language: str = "en") -> tuple[str, str]:
    """What the message bar says about a damaged session with a whole copy, and its button's text."""
    try:
        load_session(offer.damaged)
    except SessionFileError as exc:
        problem = exc.problem(language)
    except Exception as exc:  # only for the wording
        problem = one_line_reason(exc)
    else:
        problem = "?"
    when = time_of_day(offer.saved)
    if offer.unfinished_save:
        text = QCoreApplication.translate(
            "App",
            "{file} could not be opened ({problem}): the computer probably lost power while saving. An unfinished "
            "save from {time} holds the whole evening.",
        )
    else:
        text = QCoreApplication.translate(
            "App",
            "{file} could not be opened ({problem}): the computer probably lost power while saving. Its backup "
            "from {time} holds the evening.",
        )
    return (
        text.format(file=offer.damaged.name, problem=problem, time=when),
        QCoreApplication.translate("App", "Open the evening as saved at {time}").format(time=when),
    )


def good_copy_offer(path: Path, clock: Clock, language: str) -> tuple[GoodCopy, str, str] | None:
    """When `path` is damaged (a power cut) and a backup or an unfinished save of it is whole: that copy, what
    to say about it and the button's text (`restore_good_copy` does it); else None."""
    try:
        load_session(path, clock=clock)
    except SessionFileError as exc:
        if not is_damage(exc):
            return None
    except Exception:
        return None
    else:
        return None
    copy = newest_good_copy(path, clock)
    if copy is None:
        return None
    text, button = offer_texts(copy, language)
    return copy, text, button
