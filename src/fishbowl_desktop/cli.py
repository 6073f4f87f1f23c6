"""The headless command line: model, storage and documents only, no Qt.

Every failure is one line on stderr and a non-zero exit code, never a traceback: these commands are
run by organisers, not developers.

What is wrong with an evening or with the options for its documents is said in the evening's language, as the
console and the PDF say it (a German evening's option errors in German: the model's templates through the
compiled catalogue, `catalogue.py`); everything else — confirmations, argparse's errors before a session is read, a
file that cannot be read — in the terminal's (LC_ALL, LC_MESSAGES, LANG). `--help` stays English.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from fishbowl_desktop import __version__
from fishbowl_desktop.model.paper import DOCUMENT_KINDS, EXTRA_COLUMNS

if TYPE_CHECKING:
    import argparse

HEADLESS_COMMANDS = ("write-demo", "check", "export-pdf", "--version", "-V", "--help", "-h")


def _parser() -> argparse.ArgumentParser:
    # argparse (with gettext) loads here, for a headless command: the console imports this module for
    # HEADLESS_COMMANDS on its way to the first frame, which needs no parser (issue 29)
    import argparse

    class _Parser(argparse.ArgumentParser):
        """argparse's own errors ("invalid choice", "required") in the terminal's language."""

        def error(self, message: str) -> NoReturn:
            language = terminal_language()
            usage = self.format_usage()
            if language == "de" and usage.startswith("usage: "):
                usage = "Aufruf: " + usage.removeprefix("usage: ")
            sys.stderr.write(usage)
            word = "Fehler" if language == "de" else "error"
            self.exit(2, f"{self.prog}: {word}: {_argparse_words(message, language)}\n")

    parser = _Parser(
        prog="fishbowl-desktop",
        usage="fishbowl-desktop [--demo] [FILE]\n       fishbowl-desktop {write-demo,check,export-pdf} ...",
        description="Fishbowl Desktop: an offline moderation console for fishbowl discussions.",
        epilog=(
            "Without a command the console opens: FILE opens that session, --demo the sample evening (saved as a "
            "new session), and neither the session of last time. The commands above need no display."
        ),
    )
    parser.add_argument("-V", "--version", action="version", version=f"fishbowl-desktop {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, prog="fishbowl-desktop")

    demo = sub.add_parser("write-demo", help="write the sample evening to FILE")
    demo.add_argument("file", type=Path)

    check = sub.add_parser("check", help="check that FILE is a valid session (never changes it)")
    check.add_argument("file", type=Path)

    export = sub.add_parser("export-pdf", help="export a PDF from the session in FILE")
    export.add_argument("file", type=Path)
    export.add_argument("--kind", choices=DOCUMENT_KINDS, required=True)
    export.add_argument("-o", "--output", type=Path, required=True)
    export.add_argument(
        "--blank-rows",
        "--reserve-rows",
        dest="blank_rows",
        type=int,
        default=10,
        help="reserve rows for walk-ins, beyond one per person not listed by name (attendee sheet)",
    )
    export.add_argument(
        "--column",
        choices=EXTRA_COLUMNS,
        default="organisation",
        help="the attendee sheet's extra column",
    )
    export.add_argument(
        "--one-sheet-per-person", action="store_true", help="a sign-in sheet of its own for every person"
    )
    export.add_argument(
        "--short-turn-seconds",
        type=float,
        default=5.0,
        help="turns shorter than this are accidental: marked and left out of the report's statistics",
    )
    export.add_argument(
        "--audience-link",
        default="",
        metavar="URL",
        help="the room's audience link, printed on the handout as a QR code with the address",
    )
    export.add_argument(
        "--print-anyway",
        action="store_true",
        help="print a □ for each character no shipped font can draw instead of stopping",
    )
    export.add_argument(
        "--columns",
        default=None,
        metavar="LIST",
        help="the attendee sheet's optional columns, comma-separated: organisation,residence,age_group "
        "(replaces --column; empty: none)",
    )
    export.add_argument(
        "--signoff-every-page", action="store_true", help="the lead's confirmation at the foot of every page"
    )
    export.add_argument(
        "--all-rows-blank", action="store_true", help="every row of the attendee sheet empty, to be filled in by hand"
    )
    export.add_argument("--pdf-a", action="store_true", help="PDF/A-2b besides PDF/UA-1, for lists kept for years")
    export.add_argument(
        "--logo", default="", metavar="FILE", help="a PNG, JPEG or SVG logo for the handout and the attendee sheet"
    )
    export.add_argument(
        "--wifi-name", default="", metavar="NAME", help="the hall's network name, printed beside the audience link"
    )
    return parser


FUNDER_GAP_WORDS = {
    "date": "the event has no date: the sheet leaves a line to write it in by hand",
    "venue": "the event has no place: the sheet leaves a line to write it in by hand",
    "organiser": "the event has no organiser: the sheet and its privacy notice leave a line to write it in by hand",
}
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "written": "{file}: sample evening written",
        "valid": "{file}: valid session “{title}”, {people} participants, {turns} turns logged",
        "pdf": "{file}: {kind}, {pages} page",
        "pdfs": "{file}: {kind}, {pages} pages",
        "warning": "warning",
        **FUNDER_GAP_WORDS,
    },
    "de": {
        "written": "{file}: Beispielabend geschrieben",
        "valid": "{file}: gültige Sitzung „{title}“, {people} Teilnehmende, {turns} Redebeiträge protokolliert",
        "pdf": "{file}: {kind}, {pages} Seite",
        "pdfs": "{file}: {kind}, {pages} Seiten",
        "warning": "Warnung",
        "date": "die Veranstaltung hat kein Datum: die Liste lässt eine Zeile, um es von Hand einzutragen",
        "venue": "die Veranstaltung hat keinen Ort: die Liste lässt eine Zeile, um ihn von Hand einzutragen",
        "organiser": "die Veranstaltung hat keinen Veranstalter: die Liste und ihr Datenschutzhinweis lassen eine "
        "Zeile, um ihn von Hand einzutragen",
    },
}
_ARGPARSE_DE = [
    (r"the following arguments are required: (.*)", "diese Angaben fehlen: {0}"),
    (r"argument (.*?): invalid choice: (.*?) \(choose from (.*)\)", "{0}: ungültige Wahl {1} (möglich: {2})"),
    (r"argument (.*?): invalid (int|float) value: (.*)", "{0}: {2} ist keine {1}"),
    (r"argument (.*?): expected one argument", "{0}: erwartet einen Wert"),
    (r"unrecognized arguments: (.*)", "unbekannte Angaben: {0}"),
]
_NUMBER_DE = {"int": "ganze Zahl", "float": "Zahl"}


def terminal_language() -> str:
    """German when the terminal's locale is German, else English (LC_ALL before LC_MESSAGES before LANG)."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "de" if value.lower().startswith("de") else "en"
    return "en"


def _argparse_words(message: str, language: str) -> str:
    if language != "de":
        return message
    for pattern, german in _ARGPARSE_DE:
        match = re.fullmatch(pattern, message)
        if match:
            return german.format(*(_NUMBER_DE.get(g, g) for g in match.groups()))
    return message


def _error_words(exc: Exception, language: str) -> str:
    """A model error as the console would show it: its template translated, then filled in."""
    from fishbowl_desktop.model import FishbowlError
    from fishbowl_desktop.storage import SessionFileError

    if isinstance(exc, SessionFileError):
        return exc.message(language)
    if isinstance(exc, FishbowlError) and language == "de":
        from fishbowl_desktop.catalogue import german

        template = german("FishbowlError").get(exc.template)
        if template:
            try:
                return template.format(**exc.params)
            except (KeyError, IndexError, ValueError):
                pass
    return str(exc)


def _safe(text: object) -> str:
    """What reaches the terminal: control characters (ESC starts a terminal command) and the surrogates
    of undecodable file names shown as \\uXXXX, so a hostile file or file name can neither steer the
    terminal nor make printing itself fail."""
    from fishbowl_desktop.model.characters import escaped

    return escaped(str(text), limit=10_000)


def _say(text: str, error: bool = False) -> None:
    """Printed in whatever the terminal takes: under LANG=C with Python's UTF-8 mode off, a “ or an ü used to
    raise UnicodeEncodeError, and `check` called a valid file broken."""
    stream = sys.stderr if error else sys.stdout
    encoding = getattr(stream, "encoding", None) or "utf-8"
    line = _safe(_letters(text)).encode(encoding, "backslashreplace").decode(encoding)
    print(line, file=stream)


def _letters(text: str) -> str:
    """A file name read through an ASCII locale holds its UTF-8 bytes as escapes: its letters again."""
    try:
        return text.encode("utf-8", "surrogateescape").decode("utf-8")
    except UnicodeError:
        return text


def run_cli(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    from fishbowl_desktop.model import FishbowlError
    from fishbowl_desktop.storage import SessionFileError, load_session, save_session

    language = terminal_language()
    w = WORDS[language]
    try:
        if args.command == "write-demo":
            from fishbowl_desktop.model import SystemClock
            from fishbowl_desktop.model.demo import demo_session

            save_session(demo_session(SystemClock()), args.file)
            _say(w["written"].format(file=args.file))
        elif args.command == "check":
            session = load_session(args.file)
            _say(
                w["valid"].format(
                    file=args.file, title=session.event.title, people=len(session.participants), turns=len(session.log)
                )
            )
        elif args.command == "export-pdf":
            from fishbowl_desktop.documents import PrintOptions, export_pdf
            from fishbowl_desktop.documents.privacy import funder_gaps

            session = load_session(args.file)  # first: the options' errors speak the session's language
            language = session.event.language if session.event.language in WORDS else language
            columns = None
            if args.columns is not None:
                columns = tuple(c.strip() for c in args.columns.split(",") if c.strip())
            options = PrintOptions(
                columns=columns,
                signoff_every_page=args.signoff_every_page,
                all_rows_blank=args.all_rows_blank,
                pdf_a=args.pdf_a,
                wifi_name=args.wifi_name,
                logo=args.logo,
                reserve_rows=args.blank_rows,
                extra_column=args.column,
                one_sheet_per_person=args.one_sheet_per_person,
                short_turn_seconds=args.short_turn_seconds,
                print_anyway=args.print_anyway,
                audience_link=args.audience_link,
            )
            if args.kind == "attendees":  # a funder needs these; the sheet leaves a line to write each in
                said = WORDS[language]  # about the evening: in its language, as on the sheet
                for gap in funder_gaps(session.event):
                    _say(f"fishbowl-desktop: {said['warning']}: {said[gap]}", error=True)
            pages = export_pdf(session, args.kind, args.output, options=options)
            _say(w["pdf" if pages == 1 else "pdfs"].format(file=args.output, kind=args.kind, pages=pages))
    except (SessionFileError, FishbowlError) as exc:
        _say(f"fishbowl-desktop: {_error_words(exc, language)}", error=True)
        return 1
    except OSError as exc:  # the disk's own words, without Python's "[Errno 2]" decoration
        where = Path(exc.filename).name if exc.filename else ""
        reason = exc.strerror or str(exc)
        _say(f"fishbowl-desktop: {where}: {reason}" if where else f"fishbowl-desktop: {reason}", error=True)
        return 1
    except Exception as exc:
        _say(f"fishbowl-desktop: {args.file.name}: {type(exc).__name__}: {exc}", error=True)
        return 1
    return 0
