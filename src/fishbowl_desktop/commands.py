"""One table of commands: what the moderator can ask for, by key, by menu, from a phone's control link or (soon)
the HTTP API, and who may ask for what.

Before this table the keyboard (`ui/shell`), the control link (`room/service`) and the server's check
(`room/validate`) each listed the commands by string, and "30 seconds" was written down twice. Now a command is
declared once — its name, the intent it runs, its default keys, where Help lists it, its menu, the word the
control link sends for it, whether the API may call it, and the parameters it takes — and the window's keys and
menus, the Help dialog, the room's server and its dispatcher all read this table. A command that is not here
cannot be called from anywhere; one whose `link` is empty is refused by the control link like an unknown word.

Qt-free on purpose: the room's server thread validates against it. The intent runs on an `Intents` (the session
controller fits it); commands that only the console window can carry out (open a file, show Help) have no
intent here and are bound by the window (`ui/shell/shortcuts.install_shortcuts`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Protocol

from fishbowl_desktop.model.circle import MAX_SEATS, Opening
from fishbowl_desktop.value_class import value_class

CONTEXT = "Shortcuts"
"""The translation context of `description` and `AREAS` (extracted by pyside6-lupdate)."""

ADJUST_SECONDS = 30
"""What + and − (the keys, the timer panel's buttons, the control link's "add"/"take") give or take."""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks a string for extraction; it is translated where it is shown."""
    return text


class Intents(Protocol):
    """What a command may ask of the session (the session controller is one)."""

    def toggle_timer(self) -> bool: ...
    def adjust_time(self, seconds: float) -> bool: ...
    def end_turn(self) -> bool: ...
    def reset_timer(self) -> bool: ...
    def next_free_chair(self, seat_index: int | None = None) -> bool: ...
    def next_by_hand(self) -> bool: ...
    def toggle_blank(self) -> bool: ...
    def show_message(self, text: str) -> bool: ...
    def set_opening(self, opening: Opening) -> bool: ...
    def tap_out(self, seat_index: int) -> bool: ...
    def toggle_discussion_clock(self) -> bool: ...


@value_class
class Parameter:
    """One value a command takes from outside (the control link, the API): its name and its check."""

    name: str
    clean: Callable[[object], object | None]
    """The value as the intent takes it, or None to refuse it (the caller is told why, nothing runs)."""


@value_class
class Command:
    """One thing the moderator can tell the console to do, by menu, key, Help's list or the API."""

    name: str
    """The command's own name: the window's action key, Help's row, the API's path."""
    description: str
    """English source text in the "Shortcuts" context: Help's line and the default menu text."""
    area: str
    """Where Help lists it: one of AREAS."""
    keys: tuple[str, ...] = ()
    """Default keys, as portable QKeySequence texts; the first one is shown in menus."""
    intent: Callable[[Intents, Mapping[str, object]], object] | None = None
    """What it does to the session, with its cleaned parameters; None for a command the console window runs."""
    menu: str = ""
    """The console menu that lists it in table order ("speaker"); "" where the window places it itself."""
    link: str = ""
    """The word the phones' control link sends for it; "" means the control link may not call it."""
    api: bool = False
    """Whether the HTTP API may call it."""
    parameters: tuple[Parameter, ...] = ()

    def run(self, intents: Intents, values: Mapping[str, object] | None = None) -> object:
        """Run the intent with values already cleaned by `clean_values`."""
        if self.intent is None:
            raise ValueError(f"{self.name} is run by the console window, not on the session")
        return self.intent(intents, values or {})

    def clean_values(self, raw: Mapping[str, object]) -> dict[str, object] | None:
        """The parameters from an outside caller, checked; None when one is refused."""
        values: dict[str, object] = {}
        for parameter in self.parameters:
            value = parameter.clean(raw.get(parameter.name, ""))
            if value is None:
                return None
            values[parameter.name] = value
        return values


MAX_MESSAGE_TEXT = 200


def clean_message(value: object) -> str | None:
    """The projector message from outside (a phone, the API): one line, at most 200 characters, no control
    characters; "" clears it."""
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if len(text) > MAX_MESSAGE_TEXT or any(unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") for ch in text):
        return None
    return text


def clean_seat(value: object) -> int | None:
    """A seat from outside, counted from 1 as the console shows it ("3" or 3); the model's index, or None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, int) and 1 <= value <= MAX_SEATS:
        return value - 1
    return None


def _index(value: object) -> int:
    if not isinstance(value, int):
        raise TypeError(f"a cleaned seat is an index, not {value!r}")
    return value


AREAS = {
    "timer": QT_TRANSLATE_NOOP("Shortcuts", "Speaker timer"),
    "queue": QT_TRANSLATE_NOOP("Shortcuts", "Free-chair queue"),
    "circle": QT_TRANSLATE_NOOP("Shortcuts", "Inner circle (when it has the focus)"),
    "format": QT_TRANSLATE_NOOP("Shortcuts", "Format: closed, open, tap-out"),
    "projector": QT_TRANSLATE_NOOP("Shortcuts", "Projector"),
    "session": QT_TRANSLATE_NOOP("Shortcuts", "Session and editing"),
}


_BUILT_IN: tuple[Command, ...] = (
    Command(
        "toggle_timer",
        QT_TRANSLATE_NOOP("Shortcuts", "Start or pause the speaker's time"),
        "timer",
        ("Space",),
        lambda c, _v: c.toggle_timer(),
        menu="speaker",
        link="toggle",
        api=True,
    ),
    Command(
        "add_time",
        QT_TRANSLATE_NOOP("Shortcuts", "Give 30 seconds more"),
        "timer",
        ("+", "=", "Ctrl++"),
        lambda c, _v: c.adjust_time(ADJUST_SECONDS),
        menu="speaker",
        link="add",
        api=True,
    ),
    Command(
        "take_time",
        QT_TRANSLATE_NOOP("Shortcuts", "Take 30 seconds away"),
        "timer",
        ("-", "Ctrl+-"),
        lambda c, _v: c.adjust_time(-ADJUST_SECONDS),
        menu="speaker",
        link="take",
        api=True,
    ),
    Command(
        "end_turn",
        QT_TRANSLATE_NOOP("Shortcuts", "End the turn (it is logged; the speaker stays seated)"),
        "timer",
        ("Ctrl+T",),
        lambda c, _v: c.end_turn(),
        menu="speaker",
        api=True,
    ),
    Command(
        "reset_timer",
        QT_TRANSLATE_NOOP("Shortcuts", "Reset: the full time again, paused (time spoken stays in the log)"),
        "timer",
        ("Ctrl+R",),
        lambda c, _v: c.reset_timer(),
        menu="speaker",
        api=True,
    ),
    Command(
        "discussion_clock",
        QT_TRANSLATE_NOOP("Shortcuts", "Pause the discussion's clock for a break, or run it again"),
        "timer",
        ("Ctrl+Shift+D",),
        lambda c, _v: c.toggle_discussion_clock(),
        menu="speaker",
        api=True,
    ),
    Command(
        "next",
        QT_TRANSLATE_NOOP("Shortcuts", "Next on the free chair (one out, one in)"),
        "queue",
        ("N", "PgDown"),
        lambda c, _v: c.next_by_hand(),  # a second Next within a second is a bouncing remote: refused
        menu="speaker",
        link="next",
        api=True,
    ),
    Command(
        "tap_out",
        QT_TRANSLATE_NOOP("Shortcuts", "Tap-out: the next person replaces the speaker you pick (N in tap-out)"),
        "queue",
        intent=lambda c, v: c.tap_out(_index(v["seat"])),
        menu="speaker",
        api=True,
        parameters=(Parameter("seat", clean_seat),),
    ),
    Command(
        "close_fishbowl",
        QT_TRANSLATE_NOOP("Shortcuts", "Closed fishbowl: the inner circle stays as it is, the audience listens"),
        "format",
        ("Ctrl+Shift+C",),
        lambda c, _v: c.set_opening(Opening.CLOSED),
        menu="format",
        link="close",
        api=True,
    ),
    Command(
        "open_fishbowl",
        QT_TRANSLATE_NOOP("Shortcuts", "Open fishbowl: the audience comes in through a free chair"),
        "format",
        ("Ctrl+Shift+O",),
        lambda c, _v: c.set_opening(Opening.FREE_CHAIR),
        menu="format",
        link="open",
        api=True,
    ),
    Command(
        "tap_out_fishbowl",
        QT_TRANSLATE_NOOP("Shortcuts", "Tap-out fishbowl: a newcomer replaces a speaker you pick"),
        "format",
        ("Ctrl+Shift+T",),
        lambda c, _v: c.set_opening(Opening.TAP_OUT),
        menu="format",
        api=True,
    ),
    Command(
        "queue_entry",
        QT_TRANSLATE_NOOP("Shortcuts", "Type a name for the queue (Esc leaves the field)"),
        "queue",
        ("Ctrl+E",),
    ),
    Command(
        "queue_order",
        QT_TRANSLATE_NOOP("Shortcuts", "Order of the queue: choose and sort its rules, or take a preset"),
        "queue",
        ("Ctrl+Shift+L",),
    ),
    Command(
        "focus_circle",
        QT_TRANSLATE_NOOP("Shortcuts", "Back to the inner circle (also Esc in the queue)"),
        "circle",
        ("Ctrl+I",),
    ),
    Command(
        "show_projector", QT_TRANSLATE_NOOP("Shortcuts", "Show or hide the projector window"), "projector", ("F5",)
    ),
    Command(
        "blank",
        QT_TRANSLATE_NOOP("Shortcuts", "Blank the projector (press again to show)"),
        "projector",
        ("B",),
        lambda c, _v: c.toggle_blank(),
        link="blank",
        api=True,
    ),
    Command(
        "message",
        QT_TRANSLATE_NOOP("Shortcuts", "Show a message on the projector"),
        "projector",
        intent=lambda c, v: c.show_message(str(v["text"])),
        link="message",
        api=True,
        parameters=(Parameter("text", clean_message),),
    ),
    Command("undo", QT_TRANSLATE_NOOP("Shortcuts", "Undo (a remote's back button)"), "session", ("Ctrl+Z", "PgUp")),
    Command("redo", QT_TRANSLATE_NOOP("Shortcuts", "Redo"), "session", ("Ctrl+Shift+Z", "Ctrl+Y")),
    Command("search", QT_TRANSLATE_NOOP("Shortcuts", "Search the participant list"), "session", ("Ctrl+F",)),
    Command("new", QT_TRANSLATE_NOOP("Shortcuts", "New session"), "session", ("Ctrl+N",)),
    Command("open", QT_TRANSLATE_NOOP("Shortcuts", "Open a session file"), "session", ("Ctrl+O",)),
    Command(
        "save_as", QT_TRANSLATE_NOOP("Shortcuts", "Save the session under another name"), "session", ("Ctrl+Shift+S",)
    ),
    Command(
        "export_pdf",
        QT_TRANSLATE_NOOP("Shortcuts", "Export a PDF (handout, attendees, report)"),
        "session",
        ("Ctrl+P",),
    ),
    Command(
        "edit_event",
        QT_TRANSLATE_NOOP("Shortcuts", "Event and fishbowl settings (title, questions, circle, times)"),
        "session",
        ("Ctrl+,",),
    ),
    Command("preferences", QT_TRANSLATE_NOOP("Shortcuts", "Preferences of this program"), "session", ("Ctrl+Shift+,",)),
    Command("help", QT_TRANSLATE_NOOP("Shortcuts", "This list of shortcuts"), "session", ("F1",)),
    Command("quit", QT_TRANSLATE_NOOP("Shortcuts", "Quit (the session is saved)"), "session", ("Ctrl+Q",)),
)

_commands: list[Command] = list(_BUILT_IN)


def all_commands() -> tuple[Command, ...]:
    """Every command, in the order Help and the menus list them."""
    return tuple(_commands)


def command(name: str) -> Command:
    return next(c for c in _commands if c.name == name)


def link_command(word: str) -> Command | None:
    """The command the control link's `word` names, or None: an unknown word and a command the link may not call
    are refused alike."""
    if not word:
        return None
    return next((c for c in _commands if c.link == word), None)


def link_words() -> tuple[str, ...]:
    """The words the phones' control link may send."""
    return tuple(c.link for c in _commands if c.link)


def api_commands() -> tuple[Command, ...]:
    return tuple(c for c in _commands if c.api)


@contextmanager
def registered(extra: Command) -> Iterator[Command]:
    """A command added to the table for a while (a feature switched on, a test); keys, menus, Help and the room
    built meanwhile offer it."""
    if any(c.name == extra.name or (extra.link and c.link == extra.link) for c in _commands):
        raise ValueError(f"a command named {extra.name!r} (or its link word) exists already")
    _commands.append(extra)
    try:
        yield extra
    finally:
        _commands.remove(extra)
