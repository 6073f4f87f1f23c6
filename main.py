"""Start Fishbowl Desktop from a checkout without installing it: `python main.py [--demo] [FILE]`."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from fishbowl_desktop.__main__ import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
