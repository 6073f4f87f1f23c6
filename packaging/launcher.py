"""The bundle's entry script.

PyInstaller runs its entry as a top-level script, and `fishbowl_desktop/__main__.py` imports its siblings
relatively, so it cannot be the entry itself; this file imports it as part of the package instead.
"""

import sys

from fishbowl_desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
