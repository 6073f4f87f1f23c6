"""Sessions on disk: the documented JSON format, crash-safe saving with backups, and the app's folders.

Pure Python, no Qt: the command line and the tests use it without a display. See docs/session-format.md.
"""

from fishbowl_desktop.storage.encode import FrozenSession, encode_session, freeze_session
from fishbowl_desktop.storage.errors import SessionFileError
from fishbowl_desktop.storage.files import (
    BACKUP_COUNT,
    BACKUP_INTERVAL_SECONDS,
    backup_path,
    load_session,
    save_encoded,
    save_session,
)
from fishbowl_desktop.storage.format import FORMAT_NAME, FORMAT_VERSION, session_from_dict, session_to_dict
from fishbowl_desktop.storage.workspace import Workspace

__all__ = [
    "BACKUP_COUNT",
    "BACKUP_INTERVAL_SECONDS",
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "FrozenSession",
    "SessionFileError",
    "Workspace",
    "backup_path",
    "encode_session",
    "freeze_session",
    "load_session",
    "save_encoded",
    "save_session",
    "session_from_dict",
    "session_to_dict",
]
