"""`fishbowl-desktop` opening the console: what the entry point does before `run_app` (issue 14, start-up).

Python's cyclic collector stays off until the console's own collector takes over at the first frame (every
object made before it lives all evening), and PySide6's check of each imported module keeps no source text.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import fishbowl_desktop.app as app
from fishbowl_desktop.__main__ import main


@pytest.fixture
def automatic_collection() -> Iterator[None]:
    """As in a fresh `fishbowl-desktop` process (the suite itself collects on its UI thread: conftest.py)."""
    suite_had_it = gc.isenabled()
    gc.enable()
    yield
    if not suite_had_it:
        gc.disable()


@pytest.mark.usefixtures("automatic_collection")
def test_start_up_runs_without_automatic_collection(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []

    def run_app(args: list[str]) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(app, "run_app", run_app)
    assert main(["--demo"]) == 0
    assert seen == [False]
    assert gc.isenabled(), "collection must be back on once the console has returned"


@pytest.mark.usefixtures("automatic_collection")
def test_collection_is_back_on_when_the_console_fails_to_start(monkeypatch: pytest.MonkeyPatch) -> None:
    def run_app(args: list[str]) -> int:
        raise RuntimeError("no display")

    monkeypatch.setattr(app, "run_app", run_app)
    with pytest.raises(RuntimeError, match="no display"):
        main([])
    assert gc.isenabled()


def test_a_caller_that_had_collection_off_keeps_it_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app, "run_app", lambda args: 0)
    suite_had_it = gc.isenabled()
    gc.disable()
    try:
        assert main([]) == 0
        assert not gc.isenabled()
    finally:
        if suite_had_it:
            gc.enable()


PROBE = """
import json, linecache, sys
sys.path.insert(0, sys.argv[1])
from fishbowl_desktop.startup.feature_scan import load_pyside_keeping_no_sources

assert load_pyside_keeping_no_sources()
import uses_qt, plain
feature = sys.modules["shibokensupport.feature"]
print(json.dumps({
    "uses_qt": feature.pyside_feature_dict.get("uses_qt"),
    "plain": feature.pyside_feature_dict.get("plain"),
    "kept": [name for name in linecache.cache if name.endswith(("uses_qt.py", "plain.py"))],
}))
"""


def test_pyside_still_tells_its_modules_apart_but_keeps_no_source(tmp_path: Path) -> None:
    """PySide6 marks every imported module as using it (0) or not (-1) for its `__feature__` switch; it
    read the whole source through linecache for that and kept it there (~5 MiB at the first frame)."""
    (tmp_path / "uses_qt.py").write_text("from PySide6.QtCore import QObject\n", encoding="utf-8")
    (tmp_path / "plain.py").write_text("VALUE = 1\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(tmp_path)], capture_output=True, text=True, encoding="utf-8", timeout=120
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout.splitlines()[-1])
    assert report == {"uses_qt": 0, "plain": -1, "kept": []}
