"""What the projector says, in the audience's language (the event's), not the moderator's UI language.

Kept as a small table rather than Qt translations because the console may run in English while the hall
reads German; both must be right at the same time.
"""

from __future__ import annotations

_TEXTS: dict[str, dict[str, str]] = {
    "de": {
        "warning_seconds": "letzte {n} Sekunden",
        "warning_second": "letzte Sekunde",
        "warning_minutes": "letzte {n} Minuten",
        "warning_minute": "letzte Minute",
        "time_up": "Zeit ist um",
        "paused": "Pause",
        "next": "Als Nächstes:",
        "countdown": "Wir beginnen in",
        "countdown_done": "Wir beginnen jetzt",
        "countdown_resume": "Weiter geht es in",
        "countdown_resume_done": "Es geht weiter",
        "guest": "Gast",
        "free_chair": "Freier Stuhl",
        "identify": "Bildschirm {n}",
        "format_closed": "Geschlossene Fishbowl · das Publikum hört zu",
        "format_free_chair": "Offene Fishbowl · der freie Stuhl ist für Sie",
        "format_tap_out": "Tap-out · wer mitreden will, löst jemanden im Kreis ab",
        "discussion_left": "noch {n} Min. Diskussion",
        "discussion_over": "Diskussionszeit um {n} Min. überschritten",
    },
    "en": {
        "warning_seconds": "last {n} seconds",
        "warning_second": "last second",
        "warning_minutes": "last {n} minutes",
        "warning_minute": "last minute",
        "time_up": "Time is up",
        "paused": "Paused",
        "next": "Next:",
        "countdown": "We begin in",
        "countdown_done": "We are starting now",
        "countdown_resume": "We continue in",
        "countdown_resume_done": "We are continuing now",
        "guest": "Guest",
        "free_chair": "Free chair",
        "identify": "Screen {n}",
        "format_closed": "Closed fishbowl · the audience listens",
        "format_free_chair": "Open fishbowl · the free chair is yours",
        "format_tap_out": "Tap-out · to join, take the place of someone in the circle",
        "discussion_left": "{n} min of discussion left",
        "discussion_over": "{n} min over the discussion's time",
    },
}


def text(language: str, key: str, **values: object) -> str:
    table = _TEXTS.get(language, _TEXTS["en"])
    return table[key].format(**values)


def warning_text(language: str, seconds: float) -> str:
    """The warning badge names the stretch the speaker is in ("letzte 30 Sekunden"), not a second clock: it
    stays true while the digits count down (0:23 under "noch 30 Sekunden" read as a contradiction)."""
    whole = max(1, round(seconds))
    if whole % 60 == 0:
        minutes = whole // 60
        return text(language, "warning_minute") if minutes == 1 else text(language, "warning_minutes", n=minutes)
    return text(language, "warning_second") if whole == 1 else text(language, "warning_seconds", n=whole)
