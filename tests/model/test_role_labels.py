"""A role has one name per language, whichever medium shows it: the console (Qt's translations) and paper,
spreadsheets and the projector (model/roles.py) agree word for word."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication

from fishbowl_desktop.documents.text import Words
from fishbowl_desktop.model import Role
from fishbowl_desktop.model.roles import ROLE_WORDS, STATISTICS_ORDER, role_word
from fishbowl_desktop.ui.widgets.role_labels import CHOICE_ORDER, role_label


def test_every_language_names_every_role_and_an_unknown_language_falls_back_to_english() -> None:
    for words in ROLE_WORDS.values():
        assert set(words) == set(Role)
    assert [role_word(r, "de") for r in STATISTICS_ORDER] == ["Podium", "Publikum", "Moderation"]
    assert role_word(Role.PANELIST, "fr") == "Panel"
    assert Words("de").role(Role.MODERATOR) == "Moderation" and Words("en").role(Role.AUDIENCE) == "Audience"
    assert set(CHOICE_ORDER) == set(STATISTICS_ORDER) == set(Role)


@pytest.mark.usefixtures("qapp")
def test_the_console_names_each_role_as_the_paper_does_in_both_languages() -> None:
    from fishbowl_desktop.app import install_translations

    assert {r: role_label(r) for r in Role} == ROLE_WORDS["en"]
    app = QCoreApplication.instance()
    assert app is not None
    translators = install_translations(app, "de")
    try:
        assert {r: role_label(r) for r in Role} == ROLE_WORDS["de"]
    finally:
        for t in translators:
            app.removeTranslator(t)
