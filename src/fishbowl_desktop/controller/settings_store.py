"""The app's preferences, owned once: every reader (the console, the projector and its scene, the session files,
the room) holds this store and listens to `settingsChanged`; nobody keeps a copy of its own to sync by hand.

A change goes through `set_settings` (or `change`), which saves the file atomically before telling anyone,
so what the moderator sees and what the next start reads never differ. A failed save keeps the new settings
for this evening and says why through `saveFailed`; the console shows it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Unpack

from PySide6.QtCore import QObject, Signal

from fishbowl_desktop.settings import AppSettings, AppSettingsChanges, save_settings


class SettingsStore(QObject):
    settingsChanged = Signal(object)
    """AppSettings, after every change (already saved, if the store has a file)."""
    saveFailed = Signal(str)
    """Why the settings file could not be written (the change itself still applies)."""

    def __init__(self, settings: AppSettings | None = None, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._settings = settings or AppSettings()
        self._path = path
        """None: kept in memory only (tests, a console built without a data folder)."""

    @property
    def settings(self) -> AppSettings:
        return self._settings

    @property
    def path(self) -> Path | None:
        return self._path

    def set_settings(self, settings: AppSettings) -> bool:
        """The one way the settings change; False when nothing differs (nothing saved, nothing announced)."""
        if settings == self._settings:
            return False
        self._settings = settings
        if self._path is not None:
            try:
                save_settings(settings, self._path)
            except OSError as exc:
                self.saveFailed.emit(exc.strerror or str(exc))
        self.settingsChanged.emit(settings)
        return True

    def change(self, **changes: Unpack[AppSettingsChanges]) -> bool:
        return self.set_settings(self._settings.with_changes(**changes))


def settings_store(settings: SettingsStore | None, parent: QObject | None = None) -> SettingsStore:
    """The store itself, or a store of default settings that is never saved (a console built on its own, as in
    tests; a test that wants other settings hands in `SettingsStore(AppSettings(...))`)."""
    if settings is not None:
        return settings
    return SettingsStore(parent=parent)
