"""File → Export PDF: the handout, the attendee sheet or the report, written in a worker thread.

The real work is `export_document`, a plain function (tested without Qt's event loop); the coroutine only
moves it to the executor, and `PdfExporter` only asks for a file name and reports back. The worker gets a
copy of the session built from immutable snapshot parts, so the moderator can keep working meanwhile.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from ..documents.text import Words
from ..model import FishbowlError, Session
from ..model.paper import DOCUMENT_KINDS as KINDS
from ..storage.workspace import file_name_part

if TYPE_CHECKING:
    from ..documents.options import PrintOptions

ExportFunction = Callable[..., int]


def kind_label(kind: str) -> str:
    return {
        "handout": QCoreApplication.translate("PdfExport", "Handout for the audience"),
        "attendees": QCoreApplication.translate("PdfExport", "Attendee list (sign-in sheet)"),
        "report": QCoreApplication.translate("PdfExport", "Report: who spoke and how long"),
    }[kind]


@dataclass(frozen=True)
class ExportOutcome:
    kind: str
    path: Path
    pages: int | None = None
    error: str | None = None
    """A sentence for the moderator when the PDF could not be written."""
    options: PrintOptions | None = None
    unprintable: bool = False
    """The PDF was not made because some text holds characters no shipped font has; it can be printed
    without them (`retry_options`)."""

    @property
    def retry_options(self) -> PrintOptions:
        from ..documents.options import PrintOptions

        return replace(self.options or PrintOptions(), print_anyway=True)

    @property
    def ok(self) -> bool:
        return self.error is None


def session_copy(session: Session) -> Session:
    """A separate Session over the same immutable parts: safe to read in another thread."""
    snap = session.snapshot()
    return Session(
        session.clock,
        event=snap.event,
        participants=snap.participants,
        seats=snap.seats,
        queue=snap.queue,
        log=snap.log,
        settings=snap.settings,
        turn=snap.turn,
        stage=snap.stage,
    )


def unprintable_message(problems: tuple[tuple[str, str], ...]) -> str:
    """Which entry holds which character, in the console's language (the code point shows the invisible)."""
    items = [
        QCoreApplication.translate("PdfExport", "{who}: {chars}").format(
            who=who, chars=", ".join(f"“{c}” (U+{ord(c):04X})" for c in chars))
        for who, chars in problems[:6]
    ]
    if len(problems) > 6:
        items.append(QCoreApplication.translate("PdfExport", "and {n} more").format(n=len(problems) - 6))
    return QCoreApplication.translate(
        "PdfExport",
        "None of the shipped fonts can print these characters: {items}. Print the rest anyway? The characters "
        "are left out, and a name with nothing printable left appears as a placeholder.",
    ).format(items="; ".join(items))


def export_document(
    session: Session,
    kind: str,
    path: Path,
    export: ExportFunction | None = None,
    options: PrintOptions | None = None,
) -> ExportOutcome:
    """Write one PDF; every failure comes back as a message, never as an exception into the event loop."""
    if kind not in KINDS:
        return ExportOutcome(
            kind,
            path,
            error=QCoreApplication.translate("PdfExport", "Unknown kind of document: {kind}.").format(kind=kind),
        )
    if export is None:
        try:
            from ..documents import export_pdf
        except ImportError:
            return ExportOutcome(
                kind,
                path,
                error=QCoreApplication.translate("PdfExport", "PDF export is not part of this installation."),
            )
        export = export_pdf
    from ..documents.layout import UnprintableText

    try:
        pages = export(session, kind, path, options=options)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        if str(path) in reason:  # the documents package already names the file
            return ExportOutcome(
                kind,
                path,
                error=QCoreApplication.translate("PdfExport", "The PDF was not written: {reason}").format(
                    reason=reason
                ),
            )
        return ExportOutcome(
            kind,
            path,
            error=QCoreApplication.translate("PdfExport", "The PDF could not be written to {path}: {reason}").format(
                path=path, reason=reason
            ),
        )
    except UnprintableText as exc:
        return ExportOutcome(kind, path, error=unprintable_message(exc.problems), options=options, unprintable=True)
    except FishbowlError as exc:
        return ExportOutcome(
            kind,
            path,
            error=QCoreApplication.translate("PdfExport", "The PDF could not be made: {reason}").format(reason=exc),
        )
    except Exception as exc:  # noqa: BLE001 - a bug in a document must not take the console down
        return ExportOutcome(
            kind,
            path,
            error=QCoreApplication.translate(
                "PdfExport", "The PDF could not be made (unexpected problem: {reason})."
            ).format(reason=f"{type(exc).__name__}: {exc}"),
        )
    return ExportOutcome(kind, path, pages=pages, options=options)


async def export_in_background(
    session: Session, kind: str, path: Path, export: ExportFunction | None = None,
    options: PrintOptions | None = None,
) -> ExportOutcome:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, export_document, session_copy(session), kind, path, export, options)


def default_pdf_path(session: Session, kind: str) -> Path:
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
    document = Words(session.event.language)(f"{kind}_subject")  # the paper's own language, like its pages
    return Path(folder) / f"{file_name_part(session.event.title, 50)} - {document}.pdf"


class PdfExporter(QObject):
    started = Signal(str)
    """A line for the status bar while the PDF is being written."""
    finished = Signal(object)
    """The ExportOutcome."""

    def __init__(
        self, session_of: Callable[[], Session], export: ExportFunction | None = None, parent: QObject | None = None
    ):
        super().__init__(parent)
        self._session_of = session_of
        self._export = export
        self._task: asyncio.Task[None] | None = None
        self.busy = False
        self.options: PrintOptions | None = None
        """The last choices of the print options dialog, offered again next time."""
        self.dialog: QWidget | None = None

    def ask(self, kind: str, parent: QWidget | None) -> QWidget:
        """For the sheet and the report, the print options first; then where to save (non-blocking:
        `open()`, never `exec()` while the loop runs)."""
        if kind not in ("attendees", "report"):
            return self.ask_path(kind, parent, self.options)
        from ..documents.options import PrintOptions
        from .print_options_dialog import PrintOptionsDialog

        session = self._session_of()
        unlisted = sum(not p.consent_to_list for p in session.participants)
        options = PrintOptionsDialog(kind, self.options or PrintOptions(), unlisted, parent)
        options.chosen.connect(lambda chosen: self._options_chosen(kind, chosen, parent))
        options.open()
        self.dialog = options
        return options

    def _options_chosen(self, kind: str, options: PrintOptions, parent: QWidget | None) -> None:
        self.options = options
        self.ask_path(kind, parent, options)

    def ask_path(self, kind: str, parent: QWidget | None, options: PrintOptions | None = None) -> QFileDialog:
        dialog = QFileDialog(
            parent,
            kind_label(kind),
            str(default_pdf_path(self._session_of(), kind)),
            QCoreApplication.translate("PdfExport", "PDF files (*.pdf)"),
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(lambda chosen: self.start(kind, Path(chosen), options))
        dialog.open()
        self.dialog = dialog
        return dialog

    def start(self, kind: str, path: Path, options: PrintOptions | None = None) -> None:
        if self.busy:
            self.finished.emit(
                ExportOutcome(
                    kind,
                    path,
                    error=QCoreApplication.translate(
                        "PdfExport", "Another PDF is still being written; try again in a moment."
                    ),
                )
            )
            return
        self.busy = True
        self.started.emit(
            QCoreApplication.translate("PdfExport", "Writing {what} to {path}…").format(
                what=kind_label(kind), path=path
            )
        )
        try:
            asyncio.get_running_loop()
        except RuntimeError:  # no qasync loop (tests, embedding): do it here and now
            self._done(export_document(session_copy(self._session_of()), kind, path, self._export, options))
            return
        self._task = asyncio.ensure_future(self._run(kind, path, options))  # keep a reference: weakly held

    async def _run(self, kind: str, path: Path, options: PrintOptions | None) -> None:
        self._done(await export_in_background(self._session_of(), kind, path, self._export, options))

    def _done(self, outcome: ExportOutcome) -> None:
        self.busy = False
        self._task = None
        self.finished.emit(outcome)
