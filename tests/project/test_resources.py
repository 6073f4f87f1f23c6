"""The shipped assets' folder, found from the package's own file (issue 29): the same folder importlib.resources
names, without loading importlib.resources and its readers before the console's first frame."""

from __future__ import annotations

import subprocess
import sys
from importlib.resources import files
from pathlib import Path

from fishbowl_desktop.resources import resources_dir


def test_the_assets_folder_is_the_one_importlib_resources_names() -> None:
    assert resources_dir().resolve() == Path(str(files("fishbowl_desktop") / "assets")).resolve()
    assert (resources_dir() / "fonts" / "DejaVuSans.ttf").is_file()
    assert (resources_dir() / "room" / "i18n" / "en.json").is_file()


def test_finding_the_assets_and_the_hall_texts_loads_no_importlib_resources() -> None:
    """A real start has no other reason to load importlib.resources (PySide6 does not): the app's start-up
    module, the assets' folder and the hall's words (the projector's labels) must not bring it in."""
    probe = (
        "import sys\n"
        "import fishbowl_desktop.app\n"
        "from fishbowl_desktop.resources import resources_dir\n"
        "from fishbowl_desktop.stage.texts import hall_texts\n"
        "assert resources_dir().is_dir() and hall_texts()['en']\n"
        "print(sorted(m for m in sys.modules if m.startswith('importlib.resources') or m == 'importlib.readers'))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == "[]", out.stdout
