"""Where the tests find a headless Chromium (the room's `browser` fixture in tests/room/conftest.py uses this).

Debian's chromium here; a runner whose chromium is a snap stub (Ubuntu) points FISHBOWL_CHROMIUM at Google Chrome.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM = os.environ.get("FISHBOWL_CHROMIUM", "/usr/bin/chromium")
MISSING = "Debian's chromium is not installed (apt-get install chromium)"


def chromium_missing() -> bool:
    return shutil.which(CHROMIUM) is None and not Path(CHROMIUM).exists()
