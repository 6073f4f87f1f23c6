"""The one error storage raises, written for the organiser who picked the file, in German and English.

It subclasses OSError on purpose: every caller that already handles "the disk said no" (the autosaver,
the command line) then also handles "this file is not one we may read or overwrite", and nothing is lost
because a refusal escaped as an unexpected exception.
"""

from __future__ import annotations

from pathlib import Path

# kind -> (English, German) headline; {detail} is the specific finding (English, from the validator).
HEADLINES: dict[str, tuple[str, str]] = {
    "missing": ("the file does not exist", "die Datei gibt es nicht"),
    "unreadable": ("the file cannot be read ({detail})", "die Datei lässt sich nicht lesen ({detail})"),
    "too_big": (
        "the file is far too big to be a session ({detail})",
        "die Datei ist viel zu groß für eine Sitzung ({detail})",
    ),
    "empty": ("the file is empty", "die Datei ist leer"),
    "truncated": (
        "the file ends too early: it was cut off, perhaps by an unfinished copy",
        "die Datei bricht mitten im Inhalt ab, vielleicht wurde sie nicht vollständig kopiert",
    ),
    "not_text": (
        "this is not a text file, so it cannot be a Fishbowl Desktop session",
        "das ist keine Textdatei und damit keine Fishbowl-Desktop-Sitzung",
    ),
    "not_json": (
        "the file is damaged or not a session file ({detail})",
        "die Datei ist beschädigt oder keine Sitzungsdatei ({detail})",
    ),
    "foreign": (
        "this is not a Fishbowl Desktop session file",
        "das ist keine Sitzungsdatei von Fishbowl Desktop",
    ),
    "newer": (
        "this file was written by a newer Fishbowl Desktop (format {detail}); update the app to open it",
        "diese Datei stammt aus einer neueren Version von Fishbowl Desktop (Format {detail}); "
        "bitte aktualisieren Sie das Programm",
    ),
    "invalid": ("the session file is damaged: {detail}", "die Sitzungsdatei ist beschädigt: {detail}"),
    "inconsistent": (
        "the session contradicts itself: {detail}",
        "die Sitzung widerspricht sich selbst: {detail}",
    ),
    "refuse_overwrite": (
        "not saved, because the existing file here is not a session this version can read ({detail}); "
        "it was left as it is, choose another file name",
        "nicht gespeichert, weil die vorhandene Datei keine für diese Version lesbare Sitzung ist ({detail}); "
        "sie bleibt unverändert, bitte einen anderen Dateinamen wählen",
    ),
}


class SessionFileError(OSError):
    """A session file that cannot be opened, or that must not be overwritten.

    `kind` says which case (a key of HEADLINES) so a UI can react; `str(error)` is one line:
    the file's name, a colon and the problem in plain words.
    """

    def __init__(self, path: Path | str, kind: str, detail: str = "", reason: SessionFileError | None = None) -> None:
        self.path = Path(path)
        self.kind = kind
        self.detail = detail
        self.reason = reason
        """For a refused overwrite: why the existing file was not accepted."""
        super().__init__(self.message("en"))

    def problem(self, language: str = "en") -> str:
        """The problem in plain words, without the file name; `language` is "en" or "de"."""
        en, de = HEADLINES.get(self.kind, ("{detail}", "{detail}"))
        detail = self.reason.problem(language) if self.reason is not None else self.detail
        return (de if language == "de" else en).format(detail=detail)

    def message(self, language: str = "en") -> str:
        return f"{self.path.name}: {self.problem(language)}"

    def __str__(self) -> str:
        return self.message("en")

    def __reduce__(self) -> tuple[type[SessionFileError], tuple[Path, str, str, SessionFileError | None]]:
        # OSError pickles its args, not ours; executors send errors across processes.
        return (SessionFileError, (self.path, self.kind, self.detail, self.reason))
