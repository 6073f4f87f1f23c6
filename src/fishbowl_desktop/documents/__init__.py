"""The printed documents: handout, attendee sheet and event report, as tagged PDF typeset by Typst, no Qt.

`export_pdf` is a plain function: call it from a worker thread if you like. It copies what it needs from
the session first, so call it (or `document_source`) on the thread that owns the session.
"""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from fishbowl_desktop.atomic_file import write_atomically
from fishbowl_desktop.documents.options import PrintOptions
from fishbowl_desktop.documents.source import DocumentSource, document_source
from fishbowl_desktop.documents.unprintable import UnprintableText
from fishbowl_desktop.model import FishbowlError, Session, SessionSnapshot
from fishbowl_desktop.model.paper import DOCUMENT_KINDS as KINDS
from fishbowl_desktop.model.paper import MAX_RESERVE_ROWS

TYPST_KINDS = KINDS
"""The documents typeset by Typst (documents/typeset.py): all three since issue 25."""

MAX_BLANK_ROWS = MAX_RESERVE_ROWS

__all__ = ["KINDS", "DocumentSource", "PrintOptions", "UnprintableText", "document_source", "export_pdf", "render_pdf"]


def render_pdf(
    source: DocumentSource, kind: str, *, blank_rows: int | None = None, options: PrintOptions | None = None
) -> tuple[bytes, int]:
    """The PDF as bytes and its page count. A text no shipped font can draw raises UnprintableText (naming
    the entry and the characters) before any layout, unless `options.print_anyway`.

    `blank_rows` is the older name for `options.reserve_rows`."""
    if kind not in KINDS:
        raise FishbowlError("Unknown document “{kind}”: choose one of {choices}.", kind=kind, choices=", ".join(KINDS))
    options = options or PrintOptions()
    if blank_rows is not None:
        options = replace(options, reserve_rows=blank_rows)
    return _typeset(source, kind, options)


def _typeset(source: DocumentSource, kind: str, options: PrintOptions) -> tuple[bytes, int]:
    from fishbowl_desktop.documents.attendees import attendees_data
    from fishbowl_desktop.documents.entries import Entries
    from fishbowl_desktop.documents.handout import handout_data
    from fishbowl_desktop.documents.report import report_data
    from fishbowl_desktop.documents.text import Words
    from fishbowl_desktop.documents.typeset import typeset

    words = Words(source.event.language)
    entries = Entries(words, lenient=options.print_anyway)
    build = {"attendees": attendees_data, "report": report_data, "handout": handout_data}[kind]
    data = build(source, entries, options)
    entries.raise_problems()
    if kind in ("attendees", "handout"):
        from fishbowl_desktop.documents.logo import logo_bytes

        data["logo"] = logo_bytes(options.logo)
    subject = words(f"{kind}_subject")
    label = subject + (f" · {words.short_date(source.event.date)}" if source.event.date else "")
    data["meta"] = {
        "title": f"{subject}: {entries.plain(source.event.title, words('field_title'))}",
        "author": entries.plain(source.event.organiser, words("field_organiser")) or "Fishbowl Desktop",
        "subject": subject,
        "label": label,
    }
    return typeset(kind, data, pdf_a=options.pdf_a)


def export_pdf(
    session: Session | SessionSnapshot | DocumentSource,
    kind: str,
    out_path: Path | str,
    *,
    blank_rows: int | None = None,
    options: PrintOptions | None = None,
) -> int:
    """Write one document to `out_path` (replacing it only once the new PDF is complete); returns the page count."""
    path = Path(out_path)
    _check_target(path)
    data, pages = render_pdf(document_source(session), kind, blank_rows=blank_rows, options=options)
    _write(path, data)
    return pages


def _check_target(path: Path) -> None:
    """Fail before the layout work, with a message an organiser can act on."""
    folder = path.parent
    if path.is_dir():
        raise OSError(f"Cannot write {path}: that is a folder, not a file name.")
    if not folder.is_dir():
        raise OSError(f"Cannot write {path}: the folder {folder} does not exist.")
    if not os.access(folder, os.W_OK):
        raise OSError(f"Cannot write {path}: the folder is not writable.")


def _write(path: Path, data: bytes) -> None:
    """Through the same atomic writer as the sessions: a failed export never leaves half a PDF, and the
    file is readable by its owner only, like the session it comes from (it holds names)."""
    try:
        write_atomically(path, data)
    except PermissionError as exc:
        if exc.filename2 is None:  # the temp file beside the target could not be made
            raise OSError(f"Cannot write {path}: the folder is not writable.") from exc
        raise OSError(f"Cannot write {path}: the file is open in another program or write-protected.") from exc
    except OSError as exc:
        raise OSError(f"Cannot write {path}: {exc.strerror or exc}.") from exc
