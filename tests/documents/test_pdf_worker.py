"""The PDF export in a worker process: real processes, real PDFs, the console's own exporter.

The worker must write the file (atomically) in another process, be reused, report pages as it goes,
send back the same errors an in-process export raised, and never outlive the app that started it.
"""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.documents import PrintOptions, document_source, export_pdf
from fishbowl_desktop.documents.worker import PdfWorker
from fishbowl_desktop.model import FishbowlError, Session
from fishbowl_desktop.ui.paper.pdf_export import ExportOutcome, PdfExporter, export_document
from fishbowl_desktop.ui.shell.console_window import ConsoleWindow

pytestmark = pytest.mark.slow  # one of the few slow modules: `pytest -m "not slow"` leaves it out

SRC = Path(__file__).resolve().parents[2] / "src"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie (exited, not yet reaped by its parent) counts as gone
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().split(") ", 1)[1][0] != "Z"
    except OSError:
        return True


def _gone_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.05)  # a real process ending, not a clock under test: polling is all there is
    return False


@pytest.fixture
def worker() -> Iterator[PdfWorker]:
    w = PdfWorker()
    yield w
    w.shutdown()


def test_fishbowl_errors_keep_their_template_across_processes() -> None:
    error = FishbowlError("The chair {seat} is taken.", seat=3)
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is FishbowlError and copy.template == error.template and copy.params == {"seat": 3}
    assert str(copy) == "The chair 3 is taken."


def test_the_worker_writes_the_pdf_in_another_process_reused_with_page_progress(
    worker: PdfWorker, demo: Session, tmp_path: Path
) -> None:
    pages: list[int] = []
    first = worker.export(document_source(demo), "attendees", tmp_path / "a.pdf", {"blank_rows": 40}, pages.append)
    count = first.result(timeout=60)
    pid = worker.pid
    assert pid is not None and pid != os.getpid()
    assert count == len(PdfReader(tmp_path / "a.pdf").pages) >= 2  # 40 blank rows make a second page
    assert pages and pages[-1] == count and pages == sorted(pages)
    assert oct((tmp_path / "a.pdf").stat().st_mode & 0o777) == "0o600"  # same writer as in-process
    assert not list(tmp_path.glob(".*.tmp"))
    second = worker.export(document_source(demo), "report", tmp_path / "r.pdf")
    assert second.result(timeout=60) >= 1 and worker.pid == pid and worker.starts == 1  # reused


def test_errors_come_back_as_the_same_exceptions(worker: PdfWorker, demo: Session, tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "x.pdf"
    with pytest.raises(OSError) as in_process:
        export_pdf(demo, "handout", missing)
    remote = worker.export(document_source(demo), "handout", missing).exception(timeout=60)
    assert type(remote) is type(in_process.value) and str(remote) == str(in_process.value)
    unknown = worker.export(document_source(demo), "poster", tmp_path / "p.pdf").exception(timeout=60)
    assert isinstance(unknown, FishbowlError) and unknown.template.startswith("Unknown document")
    bad = worker.export(document_source(demo), "attendees", tmp_path / "b.pdf", {"blank_rows": -1}).exception(60)
    assert isinstance(bad, FishbowlError) and "between 0 and" in str(bad)
    # the worded message is the one an in-process export gives
    local = export_document(demo, "handout", missing)
    assert not local.ok and local.error and str(missing) in local.error


def test_a_killed_worker_fails_its_job_and_the_next_export_starts_a_new_one(
    worker: PdfWorker, demo: Session, tmp_path: Path
) -> None:
    worker.export(document_source(demo), "handout", tmp_path / "h.pdf").result(timeout=60)
    pid = worker.pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    assert _gone_within(pid, 10)
    deadline = time.monotonic() + 10
    while worker.pid is not None and time.monotonic() < deadline:  # the console notices (its pipe closed)
        time.sleep(0.01)
    assert worker.pid is None
    again = worker.export(document_source(demo), "handout", tmp_path / "h2.pdf")
    assert again.result(timeout=60) >= 1 and worker.pid not in (None, pid) and worker.starts == 2


def test_shutdown_stops_the_process(demo: Session, tmp_path: Path) -> None:
    w = PdfWorker()
    w.export(document_source(demo), "handout", tmp_path / "h.pdf").result(timeout=60)
    pid = w.pid
    assert pid is not None
    w.shutdown()
    assert w.pid is None and _gone_within(pid, 5)


CHILD = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from fishbowl_desktop.documents.source import document_source
    from fishbowl_desktop.documents.worker import PdfWorker
    from fishbowl_desktop.model import FakeClock
    from fishbowl_desktop.model.demo import demo_session

    if __name__ == "__main__":
        worker = PdfWorker()
        out = Path(sys.argv[1])
        pages = worker.export(document_source(demo_session(FakeClock())), "report", out).result(timeout=60)
        assert out.is_file() and pages >= 1
        assert "reportlab" not in sys.modules, "the PDF was laid out in this process"
        print(worker.pid, flush=True)
        if sys.argv[2] == "crash":
            os.kill(os.getpid(), 9)  # the console dies without any clean-up
        sys.exit(0)  # a normal exit: atexit stops the worker
    """
)


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("how", ["exit", "crash"])
def test_the_worker_never_outlives_the_app(tmp_path: Path, how: str) -> None:
    script = tmp_path / "console.py"
    script.write_text(CHILD, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "r.pdf"), how],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.stdout.strip(), done.stderr
    assert done.returncode == (-9 if how == "crash" else 0), done.stderr
    assert _gone_within(int(done.stdout.split()[0]), 10)


def test_the_console_exports_through_the_worker_and_shows_progress(demo: Session, tmp_path: Path, qtbot: QtBot) -> None:
    ctl = SessionController(demo)
    exporter = PdfExporter(lambda: ctl.session)
    window = ConsoleWindow(ctl, TimerTicker(ctl), exporter=exporter)
    qtbot.addWidget(window)
    seen: list[str] = []
    exporter.progress.connect(seen.append)
    with qtbot.waitSignal(exporter.finished, timeout=60_000) as done:
        exporter.start("attendees", tmp_path / "sheet.pdf", PrintOptions(reserve_rows=40))
        assert exporter.busy and not window.menus.export_menu.isEnabled()  # nothing was laid out on this thread
    outcome: ExportOutcome = done.args[0]
    assert outcome.ok and outcome.pages == len(PdfReader(tmp_path / "sheet.pdf").pages)
    assert seen and seen[-1].endswith(f"page {outcome.pages}")
    assert "saved to" in window.message_bar.text() and window.menus.export_menu.isEnabled()
    with qtbot.waitSignal(exporter.finished, timeout=60_000) as failed:
        exporter.start("report", tmp_path / "gone" / "r.pdf")
    assert not failed.args[0].ok and "does not exist" in (failed.args[0].error or "")
    assert window.message_bar.level == "error"


def test_opening_the_export_dialog_starts_the_worker(demo: Session, qtbot: QtBot) -> None:
    from fishbowl_desktop.ui.paper.pdf_export import pdf_worker

    ctl = SessionController(demo)
    window = ConsoleWindow(ctl, TimerTicker(ctl))
    qtbot.addWidget(window)
    pdf_worker().shutdown()
    assert pdf_worker().pid is None
    dialog = window.exporter.ask("handout", window)
    assert isinstance(dialog, QDialog)
    qtbot.waitUntil(lambda: pdf_worker().pid is not None, timeout=30_000)  # before a file name was chosen
    dialog.reject()


def test_opening_the_export_menu_starts_the_worker_and_again_after_it_died(demo: Session, qtbot: QtBot) -> None:
    """The moderator opens File → Export PDF: the worker starts then, a few seconds before the export (issue 25,
    the cold export); one that died since (killed, crashed) is started afresh on the next opening."""
    from PySide6.QtCore import QPoint

    from fishbowl_desktop.ui.paper.pdf_export import pdf_worker

    ctl = SessionController(demo)
    window = ConsoleWindow(ctl, TimerTicker(ctl))
    qtbot.addWidget(window)
    window.show()
    menu = window.menus.export_menu
    for _ in range(2):
        pdf_worker().shutdown()
        assert pdf_worker().pid is None
        menu.popup(window.mapToGlobal(QPoint(40, 40)))
        qtbot.waitUntil(menu.isVisible)
        qtbot.waitUntil(lambda: pdf_worker().pid is not None, timeout=60_000)
        menu.hide()


MANY = textwrap.dedent(
    """
    import sys, threading
    from pathlib import Path
    from fishbowl_desktop.documents.source import document_source
    from fishbowl_desktop.documents.worker import PdfWorker
    from fishbowl_desktop.model import FakeClock, Participant, Role
    from fishbowl_desktop.model.demo import demo_session

    if __name__ == "__main__":
        session = demo_session(FakeClock())
        for n in range(int(sys.argv[2])):
            session.add_participant(Participant(f"a{n}", f"Teilnehmerin {n} Çelik-Nguyễn", Role.AUDIENCE))
        worker = PdfWorker()
        starter = threading.Thread(target=worker.warm_up)  # as the console does: from a helper thread that ends
        starter.start()
        starter.join()
        print("worker", worker.pid, flush=True)
        out = Path(sys.argv[1])
        on_page = lambda n: print("page", n, flush=True)
        pages = worker.export(document_source(session), "attendees", out, on_page=on_page).result(timeout=600)
        print("done", pages, flush=True)
    """
)


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_killed_console_ends_the_export_it_was_waiting_for(tmp_path: Path) -> None:
    """Issue 23, point 6: the worker used to finish a long export (and write the PDF) 20-80 s after its console was
    killed, competing with the restarted console for the CPU. Killed during the layout, it now ends at once and
    writes nothing; started from a helper thread that ended, it still works (a parent-death signal is per thread)."""
    script = tmp_path / "console.py"
    script.write_text(MANY, encoding="utf-8")
    out = tmp_path / "sheet.pdf"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    console = subprocess.Popen(
        [sys.executable, str(script), str(out), "4000"], env=env, stdout=subprocess.PIPE, text=True
    )
    assert console.stdout is not None
    try:
        words = console.stdout.readline().split()
        assert words[:1] == ["worker"], words
        worker_pid = int(words[1])
        line = console.stdout.readline()  # the first page is laid out: the export is under way
        assert line.startswith("page"), line
        console.kill()
        console.wait(30)
        assert _gone_within(worker_pid, 30), "the PDF worker outlived its killed console"
    finally:
        if console.poll() is None:
            console.kill()
            console.wait(30)
    assert not out.exists(), "the worker wrote the PDF after its console was killed"
    assert not list(tmp_path.glob(".sheet.pdf.*.tmp"))


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_a_worker_started_from_a_finished_thread_completes_its_export(tmp_path: Path) -> None:
    script = tmp_path / "console.py"
    script.write_text(MANY, encoding="utf-8")
    out = tmp_path / "sheet.pdf"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run(
        [sys.executable, str(script), str(out), "50"], env=env, capture_output=True, text=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "done" in done.stdout and out.is_file()
