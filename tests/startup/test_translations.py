"""Every user-facing string exists in German and English (English is the source text)."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import update_translations  # noqa: E402

TS = update_translations.TS
FIELD = re.compile(r"\{(\w*)\}")


def committed() -> dict[tuple[str, str], str]:
    out = {}
    for context in ET.parse(TS).getroot().findall("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            t = message.find("translation")
            if t is not None and t.get("type") != "unfinished" and (t.text or "").strip():
                out[(name, message.findtext("source") or "")] = t.text or ""
    return out


def test_every_string_in_the_code_has_a_german_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [update_translations._tool("pyside6-lupdate"), *update_translations.qt_sources(), "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    tree = ET.parse(fresh)
    update_translations.add_error_context(tree)
    wanted = {
        (c.findtext("name") or "", m.findtext("source") or "")
        for c in tree.getroot().findall("context")
        for m in c.findall("message")
    }
    missing = sorted(wanted - set(committed()))
    assert not missing, f"run scripts/update_translations.py and translate: {missing[:10]}"


def test_translations_keep_every_placeholder() -> None:
    for (context, source), german in committed().items():
        assert set(FIELD.findall(source)) == set(FIELD.findall(german)), (context, source, german)


@pytest.mark.usefixtures("qapp")
def test_compiled_german_catalogue_is_current_and_loads() -> None:
    from fishbowl_desktop.app import install_translations
    from fishbowl_desktop.controller.session_controller import translated_error
    from fishbowl_desktop.model import FishbowlError

    app = QCoreApplication.instance()
    assert app is not None
    translators = install_translations(app, "de")
    try:
        stale = [(c, s) for (c, s), german in committed().items() if QCoreApplication.translate(c, s) != german]
        assert not stale, f"the .qm is older than the .ts: run scripts/update_translations.py ({stale[:5]})"
        assert QCoreApplication.translate("FishbowlError", "Nobody is waiting for the free chair.") == (
            "Niemand wartet auf den freien Stuhl."
        )
        err = FishbowlError("{name} already sits in the circle.", name="Ayşe Demir")
        assert translated_error(err) == "Ayşe Demir sitzt bereits in der Runde."
    finally:
        for t in translators:
            app.removeTranslator(t)
    assert translated_error(err) == "Ayşe Demir already sits in the circle."
