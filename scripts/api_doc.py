"""Write docs/api/openapi.json from the command table (the server serves the same at /api/openapi.json).

python scripts/api_doc.py
"""

from __future__ import annotations

import json
from pathlib import Path

from fishbowl_desktop.room.api_doc import openapi

OUT = Path(__file__).resolve().parents[1] / "docs" / "api" / "openapi.json"

if __name__ == "__main__":
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(openapi(), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"written: {OUT}")
