"""File → Export PDF: the handout, the attendee sheet or the report, written by the PDF worker process.

The export itself runs in `documents.worker` (another process: the layout of a long list must never hold up
the beamer's clock; with reportlab, in a thread, it froze it noticeably). This module only takes the
frozen `DocumentSource` on the UI thread, hands it over with the kind, the options and the path, and turns the
answer into an `ExportOutcome` with the moderator's words (`export_document`, a plain function, the same for
every way of running it).

An injected export function (tests, embedding) still runs in a thread of this process, or in place when no
event loop runs.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from fishbowl_desktop.model import FishbowlError, Session
from fishbowl_desktop.model.paper import DOCUMENT_KINDS as KINDS
from fishbowl_desktop.storage.workspace import file_name_part
from fishbowl_desktop.ui.paper.paper_folder import paper_folder
from fishbowl_desktop.ui.widgets.sheet import style_file_dialog
from fishbowl_desktop.value_class import value_class

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog

    from fishbowl_desktop.controller.settings_store import SettingsStore
    from fishbowl_desktop.documents.options import PrintOptions
    from fishbowl_desktop.documents.worker import PdfWorker

ExportFunction = Callable[..., int]


def kind_label(kind: str) -> str:
    return {
        "handout": QCoreApplication.translate("PdfExport", "Handout for the audience"),
        "attendees": QCoreApplication.translate("PdfExport", "Attendee list (sign-in sheet)"),
        "report": QCoreApplication.translate("PdfExport", "Report: who spoke and how long"),
    }[kind]


@value_class
class ExportOutcome:
    """How one PDF (handout, attendee list or report) ended: written with its pages, or the error to show."""

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
        from fishbowl_desktop.documents.options import PrintOptions

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
        requests=snap.requests,
        settings=snap.settings,
        turn=snap.turn,
        stage=snap.stage,
    )


_worker: PdfWorker | None = None


_worker_lock = threading.Lock()


def pdf_worker() -> PdfWorker:
    """The app's one PDF worker (its process starts on the first export and serves all later ones)."""
    global _worker
    with _worker_lock:
        if _worker is None:
            from fishbowl_desktop.documents.worker import PdfWorker

            _worker = PdfWorker()
        return _worker


def stop_pdf_worker() -> None:
    """On quit: the worker process never outlives the app (a running export gets a few seconds to finish)."""
    if _worker is not None:
        _worker.shutdown()


def worker_options(options: PrintOptions | None) -> dict[str, object] | None:
    """The keyword arguments the worker passes on to `documents.export_pdf`."""
    return None if options is None else {"options": options}


def _answer_of(future: Future[int]) -> ExportFunction:
    """An export function that replays the worker's answer, so `export_document` words it as always."""

    def replay(*_args: object, **_options: object) -> int:
        return future.result()

    return replay


def unprintable_message(problems: tuple[tuple[str, str], ...]) -> str:
    """Every entry that holds a character no font has, with the script in words, in the console's language (the
    code point shows the invisible); the placeholder printed anyway is a visible □, never a gap in a name."""
    from fishbowl_desktop.documents.scripts import scripts_in_words
    from fishbowl_desktop.ui.widgets.console_language import console_language

    language = console_language()
    items = [
        QCoreApplication.translate("PdfExport", "{who} ({scripts}: {chars})").format(
            who=who,
            scripts=scripts_in_words(chars, language),
            chars=", ".join(f"“{c}” U+{ord(c):04X}" for c in chars),
        )
        for who, chars in problems
    ]
    return QCoreApplication.translate(
        "PdfExport",
        "None of the shipped fonts can print characters in these entries: {items}. Print anyway? Each such "
        "character is printed as □, so the place of every missing character stays visible.",
    ).format(items="; ".join(items))


def export_document(
    session: object,
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
            from fishbowl_desktop.documents import export_pdf as export_function
        except ImportError:
            return ExportOutcome(
                kind,
                path,
                error=QCoreApplication.translate("PdfExport", "PDF export is not part of this installation."),
            )
        export = cast("ExportFunction", export_function)
    from fishbowl_desktop.documents.unprintable import UnprintableText

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
    except Exception as exc:
        return ExportOutcome(
            kind,
            path,
            error=QCoreApplication.translate(
                "PdfExport", "The PDF could not be made (unexpected problem: {reason})."
            ).format(reason=f"{type(exc).__name__}: {exc}"),
        )
    return ExportOutcome(kind, path, pages=pages, options=options)


def default_pdf_path(session: Session, kind: str) -> Path:
    from fishbowl_desktop.documents.text import Words  # here, not at the top: the console starts without it

    document = Words(session.event.language)(f"{kind}_subject")  # the paper's own language, like its pages
    return paper_folder() / f"{file_name_part(session.event.title, 50)} - {document}.pdf"


class PdfExporter(QObject):
    started = Signal(str)
    """A line for the status bar while the PDF is being written."""
    progress = Signal(str)
    """The status line again, with the page the worker is laying out."""
    finished = Signal(object)
    """The ExportOutcome."""
    _answered = Signal(object, str, object, object)
    """From the worker's helper thread (queued to this object's thread): future, kind, path, options."""
    _paged = Signal(str, object, int)

    def __init__(
        self,
        session_of: Callable[[], Session],
        export: ExportFunction | None = None,
        parent: QObject | None = None,
        store: SettingsStore | None = None,
    ):
        super().__init__(parent)
        self._session_of = session_of
        self._export = export
        self._store = store
        """Where the print options are remembered from one start to the next (None: until quit only)."""
        self.busy = False
        self.options: PrintOptions | None = None
        """The last choices of the print options dialog, offered again next time."""
        self.audience_link_of: Callable[[], str] | None = None
        """The room's audience link for the handout's QR code ("" or None: the handout has no options)."""
        self.dialog: QWidget | None = None
        self._warming = False
        self._answered.connect(self._on_answer)
        self._paged.connect(self._on_page)

    def ask(self, kind: str, parent: QWidget | None) -> QWidget:
        """For the sheet, the report and (when the room has links) the handout, the print options first; then
        where to save (non-blocking: `open()`, never `exec()` while the loop runs)."""
        link = self.audience_link_of() if kind == "handout" and self.audience_link_of is not None else ""
        from fishbowl_desktop.ui.paper.print_options_dialog import PrintOptionsDialog

        self.warm_up()  # Typst and its fonts load in the worker while the organiser chooses

        session = self._session_of()
        unlisted = sum(not p.consent_to_list for p in session.participants)
        from fishbowl_desktop.documents.privacy import funder_gaps

        gaps = funder_gaps(session.event) if kind == "attendees" else ()
        options = PrintOptionsDialog(kind, self._offered(link), unlisted, parent, audience_link=link, gaps=gaps)
        options.chosen.connect(lambda chosen: self._options_chosen(kind, chosen, parent))
        options.open()
        self.dialog = options
        return options

    def _offered(self, link: str) -> PrintOptions:
        """What the options dialog starts from: the choices remembered in the settings, else this run's last (the
        logo: this run's last, a file on this laptop)."""
        from fishbowl_desktop.documents.options import PrintOptions

        logo = self.options.logo if self.options is not None else ""
        if self._store is None:
            return self.options or PrintOptions()
        s = self._store.settings
        try:
            return PrintOptions(
                reserve_rows=s.print_reserve_rows,
                extra_column=s.print_extra_column,
                one_sheet_per_person=s.print_one_sheet_per_person,
                short_turn_seconds=float(s.print_short_turn_seconds),
                audience_link=link if s.print_audience_qr else "",
                logo=logo,
            )
        except FishbowlError:  # the settings checked every value on loading; a link the room made is the rest
            return PrintOptions()

    def _options_chosen(self, kind: str, options: PrintOptions, parent: QWidget | None) -> None:
        self.options = options
        if self._store is not None:
            qr = bool(options.audience_link) if kind == "handout" else self._store.settings.print_audience_qr
            self._store.change(
                print_reserve_rows=options.reserve_rows,
                print_extra_column=options.extra_column,
                print_one_sheet_per_person=options.one_sheet_per_person,
                print_short_turn_seconds=round(options.short_turn_seconds),
                print_audience_qr=qr,
            )
        self.ask_path(kind, parent, options)

    def ask_path(self, kind: str, parent: QWidget | None, options: PrintOptions | None = None) -> QFileDialog:
        from PySide6.QtWidgets import QFileDialog  # built when asked, not on the way to the first frame (issue 29)

        dialog = QFileDialog(
            parent,
            kind_label(kind),
            str(default_pdf_path(self._session_of(), kind)),
            QCoreApplication.translate("PdfExport", "PDF files (*.pdf)"),
        )
        style_file_dialog(dialog)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.fileSelected.connect(lambda chosen: self.start(kind, Path(chosen), options))
        dialog.open()
        self.dialog = dialog
        self.warm_up()
        return dialog

    def warm_up(self) -> None:
        """Start the worker (it loads Typst and the fonts as it starts) as soon as the moderator opens the Export
        menu, and again when the options and file dialogs open (nothing to do when it runs), so the export itself
        does not wait for that (seconds on a busy laptop; benchmarks/README.md). A worker that died since is started
        afresh."""
        if self._export is None and not self._warming:
            self._warming = True

            def warm() -> None:
                try:
                    pdf_worker().warm_up()
                finally:
                    self._warming = False

            threading.Thread(target=warm, name="fishbowl-pdf-warm-up", daemon=True).start()

    def start(self, kind: str, path: Path, options: PrintOptions | None = None) -> None:
        """Export `kind` to `path`, with the print options (if any)."""
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
        if self._export is None:
            self._send(kind, path, options)
            return
        # an injected export (tests, embedding) runs here and now, on a copy of the session
        self._done(export_document(session_copy(self._session_of()), kind, path, self._export, options))

    def _send(self, kind: str, path: Path, options: PrintOptions | None) -> None:
        """To the worker process: only the frozen source is taken here, on the UI thread; pickling it and (on
        the first export) importing multiprocessing and starting the worker run on a helper thread."""
        from fishbowl_desktop.documents.source import document_source

        source = document_source(self._session_of())

        def on_page(number: int) -> None:
            with contextlib.suppress(RuntimeError):  # the console was closed meanwhile
                self._paged.emit(kind, path, number)

        def answered(future: Future[int]) -> None:
            with contextlib.suppress(RuntimeError):
                self._answered.emit(future, kind, path, options)

        def submit() -> None:
            try:
                future = pdf_worker().export(source, kind, path, worker_options(options), on_page)
            except Exception as exc:
                future = Future()
                future.set_exception(exc)
            future.add_done_callback(answered)

        threading.Thread(target=submit, name="fishbowl-pdf-submit", daemon=True).start()

    def _on_page(self, kind: str, path: Path, number: int) -> None:
        if self.busy:
            self.progress.emit(
                QCoreApplication.translate("PdfExport", "Writing {what} to {path}… page {page}").format(
                    what=kind_label(kind), path=path, page=number
                )
            )

    def _on_answer(self, future: Future[int], kind: str, path: Path, options: PrintOptions | None) -> None:
        self._done(export_document(None, kind, path, _answer_of(future), options))

    def _done(self, outcome: ExportOutcome) -> None:
        self.busy = False
        self.finished.emit(outcome)
