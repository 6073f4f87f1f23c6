"""Write docs/api/openapi.json from the command table (the server serves the same at /api/openapi.json), and the
copy the Companion module ships (integrations/companion/src/openapi.json: its actions until the console answers).

python scripts/api_doc.py
"""

from __future__ import annotations

import json
from pathlib import Path

from fishbowl_desktop.room.api_doc import openapi

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "api" / "openapi.json"
COMPANION = ROOT / "integrations" / "companion" / "src" / "openapi.json"

if __name__ == "__main__":
    for path in (OUT, COMPANION):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(openapi(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"written: {path}")
