"""Refresh the German translation: collect every user-facing string, keep existing translations, compile.

    python scripts/update_translations.py [--fill de.json]

1. `pyside6-lupdate` collects the `tr()` / `translate()` strings of the Qt layers into
   `src/fishbowl_desktop/assets/translations/fishbowl_de.ts` (existing translations are kept, vanished strings dropped).
2. The model's and storage's error templates (`FishbowlError("…{name}…", name=…)`) are added under the
   context "FishbowlError": the controller translates them with that context before filling in the values.
3. `--fill` takes a JSON object {English source: German text} and fills entries that are still unfinished.
4. `pyside6-lrelease` compiles `fishbowl_de.qm`, which the app loads.
"""

from __future__ import annotations

import argparse
import ast
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "fishbowl_desktop"
TS = SRC / "assets" / "translations" / "fishbowl_de.ts"
QT_LAYERS = ("app.py", "commands.py", "startup", "controller", "ui")
ERROR_LAYERS = ("model", "storage", "documents", "spreadsheets")


def _tool(name: str) -> str:
    here = Path(sys.executable).parent / name
    found = here if here.exists() else shutil.which(name)
    if not found:
        sys.exit(f"{name} not found: install the project with its test extra")
    return str(found)


def qt_sources() -> list[str]:
    files: list[Path] = []
    for layer in QT_LAYERS:
        path = SRC / layer
        files.extend(sorted(path.rglob("*.py")) if path.is_dir() else [path])
    return [str(f) for f in files if f.exists()]


def error_templates() -> list[str]:
    """The first argument of every FishbowlError(...) in the Qt-free layers, where it is a plain string."""
    found: list[str] = []
    for layer in ERROR_LAYERS:
        base = SRC / layer
        for path in sorted(base.rglob("*.py")) if base.is_dir() else [base]:
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (
                    isinstance(node, ast.Call)
                    and getattr(node.func, "id", getattr(node.func, "attr", None)) == "FishbowlError"
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                    and node.args[0].value not in found
                ):
                    found.append(node.args[0].value)
    return found


def error_translations(ts: Path = TS) -> dict[str, str]:
    """The German error texts already in the catalogue: lupdate drops them (they are not in Qt code)."""
    if not ts.exists():
        return {}
    found = {}
    for context in ET.parse(ts).getroot().findall("context"):
        if context.findtext("name") == "FishbowlError":
            for message in context.findall("message"):
                t = message.find("translation")
                if t is not None and t.get("type") != "unfinished" and t.text:
                    found[message.findtext("source") or ""] = t.text
    return found


def add_error_context(tree: ET.ElementTree, known: dict[str, str] | None = None) -> None:
    known = known or {}
    root = tree.getroot()
    context = next((c for c in root.findall("context") if c.findtext("name") == "FishbowlError"), None)
    if context is None:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = "FishbowlError"
    existing = {m.findtext("source"): m for m in context.findall("message")}
    wanted = error_templates()
    for source, message in existing.items():
        if source not in wanted:
            context.remove(message)
    for source in wanted:
        if source not in existing:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = source
            if source in known:
                ET.SubElement(message, "translation").text = known[source]
            else:
                ET.SubElement(message, "translation", type="unfinished")


def fill(tree: ET.ElementTree, german: dict[str, str]) -> int:
    filled = 0
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source")
        if translation is not None and translation.get("type") == "unfinished" and source in german:
            translation.text = german[source]
            del translation.attrib["type"]
            filled += 1
    return filled


def unfinished(ts: Path = TS) -> list[str]:
    tree = ET.parse(ts)
    return [
        m.findtext("source") or ""
        for m in tree.getroot().iter("message")
        if (t := m.find("translation")) is not None and (t.get("type") == "unfinished" or not (t.text or "").strip())
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--fill", type=Path, help="JSON {source: German} for unfinished entries")
    args = parser.parse_args()
    TS.parent.mkdir(parents=True, exist_ok=True)
    known_errors = error_translations()
    subprocess.run([_tool("pyside6-lupdate"), *qt_sources(), "-no-obsolete", "-ts", str(TS)], check=True)
    tree = ET.parse(TS)
    add_error_context(tree, known_errors)
    if args.fill:
        print(f"filled {fill(tree, json.loads(args.fill.read_text(encoding='utf-8')))} entries")
    ET.indent(tree)
    tree.write(TS, encoding="utf-8", xml_declaration=True)
    subprocess.run([_tool("pyside6-lrelease"), str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    missing = unfinished()
    print(f"{len(missing)} unfinished" + ("".join(f"\n  {s}" for s in missing[:40])))


if __name__ == "__main__":
    main()
