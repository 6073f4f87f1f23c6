"""Shared fixtures. Qt runs offscreen, so the tests need no display."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.model.demo import demo_session


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def demo(clock: FakeClock) -> Session:
    return demo_session(clock)
