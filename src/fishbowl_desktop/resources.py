"""Where the shipped fonts, icons, sounds and translations are: inside the package, in every kind of install.

They live in `fishbowl_desktop/assets/` and are found through `importlib.resources`, so a checkout, an editable
install, a plain `pip install .`, a wheel and the PyInstaller bundle (which keeps the package's folder layout
under `sys._MEIPASS`) all find them the same way.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def resources_dir() -> Path:
    return Path(str(files("fishbowl_desktop") / "assets"))
