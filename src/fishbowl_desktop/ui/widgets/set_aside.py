"""What the console tells the moderator about the app's own files that were refused at start and set aside
(settings.json, state.json, a crash marker, room.json): which file, why, where it went and what was reset.

The reading and setting aside is `support_file` (no Qt); this only puts it into words, in the moderator's
language, as one calm message with a "Details…" button, joined to whatever the start already said.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from fishbowl_desktop.support_file import Refusal
from fishbowl_desktop.ui.widgets.sheet import style_dialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox


def reason(refusal: Refusal) -> str:
    detail = refusal.detail
    if refusal.kind == "not_regular":
        kinds = {
            "a folder": QCoreApplication.translate("SetAside", "a folder"),
            "a named pipe": QCoreApplication.translate("SetAside", "a named pipe"),
            "a socket": QCoreApplication.translate("SetAside", "a socket"),
            "a device": QCoreApplication.translate("SetAside", "a device"),
        }
        return QCoreApplication.translate("SetAside", "it is not a file but {what}").format(
            what=kinds.get(detail, detail)
        )
    if refusal.kind == "not_json" and ":" in detail:
        line, _, column = detail.partition(":")
        return QCoreApplication.translate("SetAside", "it is damaged (line {line}, column {column})").format(
            line=line, column=column
        )
    texts = {
        "too_big": QCoreApplication.translate("SetAside", "it is far too big ({detail})"),
        "unreadable": QCoreApplication.translate("SetAside", "it cannot be read ({detail})"),
        "not_text": QCoreApplication.translate("SetAside", "it is not text"),
        "not_json": QCoreApplication.translate("SetAside", "it is damaged"),
        "too_deep": QCoreApplication.translate("SetAside", "it is nested far deeper than any file of this program"),
        "duplicate_key": QCoreApplication.translate("SetAside", "it names “{detail}” twice"),
        "bad_number": QCoreApplication.translate("SetAside", "it holds “{detail}”, which is no number it can use"),
        "newer": QCoreApplication.translate(
            "SetAside", "it was written by a newer Fishbowl Desktop (version {detail})"
        ),
        "invalid": QCoreApplication.translate("SetAside", "its value “{detail}” does not fit"),
    }
    return texts.get(refusal.kind, "{detail}").format(detail=detail)


def what_was_reset(refusal: Refusal) -> str:
    name = refusal.path.name
    if name == "settings.json":
        return QCoreApplication.translate("SetAside", "Every preference is back to its default.")
    if name == "state.json":
        return QCoreApplication.translate(
            "SetAside", "Open recent starts empty; the sessions themselves are untouched."
        )
    if name == "room.json":
        return QCoreApplication.translate(
            "SetAside",
            "Room → On will make new links: QR codes and links handed out before no longer work "
            "(the old ones are in the file set aside).",
        )
    return QCoreApplication.translate(
        "SetAside", "If the last evening did not close properly, open it under File → Open recent."
    )


def sentence(refusal: Refusal) -> str:
    if refusal.set_aside_as is not None:
        return QCoreApplication.translate("SetAside", "{file} was set aside as {aside}: {reason}. {reset}").format(
            file=refusal.path.name,
            aside=refusal.set_aside_as.name,
            reason=reason(refusal),
            reset=what_was_reset(refusal),
        )
    return QCoreApplication.translate(
        "SetAside", "{file} cannot be used: {reason}, and it could not be moved aside. {reset}"
    ).format(file=refusal.path.name, reason=reason(refusal), reset=what_was_reset(refusal))


def summary(refusals: list[Refusal]) -> str:
    return " ".join(sentence(r) for r in refusals)


def details(refusals: list[Refusal], folder: str) -> str:
    lines = [
        QCoreApplication.translate("SetAside", "Fishbowl Desktop keeps its own small files in {folder}.").format(
            folder=folder
        ),
        "",
    ]
    for refusal in refusals:
        lines.append(sentence(refusal))
        if refusal.set_aside_as is not None:
            lines.append(QCoreApplication.translate("SetAside", "Kept as: {path}").format(path=refusal.set_aside_as))
        lines.append("")
    lines.append(QCoreApplication.translate("SetAside", "Nothing was deleted."))
    return "\n".join(lines).strip()


def show_details(parent: QWidget, refusals: list[Refusal], folder: str) -> QMessageBox:
    from PySide6.QtWidgets import QMessageBox  # built when asked, not on the way to the first frame (issue 29)

    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("SetAside", "Files set aside"),
        details(refusals, folder),
        parent=parent,
    )
    style_dialog(box)
    box.setObjectName("setAsideDetails")
    box.setTextFormat(Qt.TextFormat.PlainText)  # file names as they are: never markup
    box.open()
    return box
