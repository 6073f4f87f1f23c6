"""The one error type the model raises, so every layer can show its message to the moderator as it is."""


class FishbowlError(ValueError):
    """A request the fishbowl's rules do not allow; the message is written for the moderator."""
