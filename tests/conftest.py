"""Shared fixtures. Qt runs offscreen, so the tests need no display."""

from __future__ import annotations

import os
from collections.abc import Iterator

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from hypothesis import HealthCheck, settings
from PySide6.QtWidgets import QApplication

from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.startup.collector import UiThreadCollector

# Hypothesis' defaults time each example (a 200 ms deadline, "too slow" data generation): wall-clock budgets that
# fail on a busy machine for no defect. Budgets belong in the benchmarks; here every example runs to its end.
settings.register_profile("fishbowl", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("fishbowl")


@pytest.fixture(scope="session", autouse=True)
def session_collector(qapp: QApplication) -> Iterator[UiThreadCollector]:
    """As in the app: a Qt object in a reference cycle must never be freed by a helper thread that happens
    to allocate (the room's server, the autosave writer); startup/collector.py."""
    collector = UiThreadCollector(qapp)
    yield collector
    collector.stop()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def demo(clock: FakeClock) -> Session:
    return demo_session(clock)


@pytest.fixture(autouse=True)
def _no_dialog_outlives_its_test() -> Iterator[None]:
    """A dialog opened with open() and left visible stays modal and steals the next test's input."""
    yield
    from PySide6.QtWidgets import QApplication, QDialog

    app = QApplication.instance()
    if app is None:
        return
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.close()
