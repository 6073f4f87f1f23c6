"""The one error type the model raises, so every layer can show its message to the moderator as it is."""

from __future__ import annotations


class FishbowlError(ValueError):
    """A request the fishbowl's rules do not allow; the message is written for the moderator.

    The message is a template with named fields, kept apart from the values, so the console can show it
    translated (the English template is the key) while `str()` gives the English text.
    """

    def __init__(self, template: str, **params: object) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params) if params else template)

    def __reduce__(self) -> tuple[object, ...]:
        """Keep the template and its fields across pickling (the PDF worker process sends errors back)."""
        return (_restore, (type(self), self.template, self.params))


def _restore(cls: type[FishbowlError], template: str, params: dict[str, object]) -> FishbowlError:
    error = cls.__new__(cls)
    FishbowlError.__init__(error, template, **params)
    return error
