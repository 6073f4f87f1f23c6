"""The refusal of a text no shipped font can draw: apart from the layout, so the console can catch it (and
the PDF worker process hand it back) without importing reportlab."""

from __future__ import annotations

from fishbowl_desktop.model import FishbowlError


class UnprintableText(FishbowlError):
    """Some entries hold characters no shipped font can draw. `problems` is ((entry, characters), ...) so
    the console can say it in its own language; the message is in the document's language."""

    def __init__(self, message: str, problems: tuple[tuple[str, str], ...]) -> None:
        super().__init__(message)
        self.problems = problems

    def __reduce__(self) -> tuple[type[UnprintableText], tuple[str, tuple[tuple[str, str], ...]]]:
        """Picklable with its problems, so an export in a worker process can hand it back."""
        return (type(self), (str(self), self.problems))
