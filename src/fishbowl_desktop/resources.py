"""Where the shipped fonts, icons, sounds and translations are: inside the package, in every kind of install.

They live in `fishbowl_desktop/assets/`, beside this file: a checkout, an editable install, a plain `pip install .`,
a wheel and the PyInstaller bundle (which keeps the package's folder layout under `sys._MEIPASS` and sets each
module's `__file__` to where it would be there) all find them the same way. Found from `__file__` rather than
through `importlib.resources`, whose package and readers (~2 ms) the console would load before its first frame
only to get this one folder (issue 29); `tests/project/test_resources.py` checks both agree.
"""

from __future__ import annotations

from pathlib import Path

_ASSETS = Path(__file__).parent / "assets"


def resources_dir() -> Path:
    return _ASSETS
