"""What the console's tests share beyond tests/conftest.py: `language`, which runs a test once in English and once
in German, the two languages the UI speaks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture(params=["en", "de"])
def language(request: pytest.FixtureRequest) -> Iterator[str]:
    from fishbowl_desktop.app import install_translations

    app = QApplication.instance()
    assert app is not None
    translators = install_translations(app, request.param) if request.param != "en" else []
    yield request.param
    for t in translators:
        app.removeTranslator(t)
