"""asyncio without `ssl`, for the room's server and the desk's OSC, imported when they are switched on.

`ssl` would map OpenSSL (several MiB resident) for TLS that an offline console never speaks; asyncio's own modules
accept a missing `ssl`, and a later `import ssl` by anyone else still gets the real module. The room and the desk
call this before they load their servers (the first asyncio of the process wins); the console itself runs no
asyncio loop (event_loop.py).
"""

from __future__ import annotations

import sys
from types import ModuleType


def import_asyncio_without_ssl() -> ModuleType:
    """asyncio with `ssl` left out, unless something imported asyncio or ssl already."""
    if "asyncio" in sys.modules or "ssl" in sys.modules:
        import asyncio

        return asyncio
    sys.modules["ssl"] = None  # type: ignore[assignment]  # "import ssl" raises ImportError while this is set
    try:
        import asyncio
    finally:
        del sys.modules["ssl"]
    return asyncio
