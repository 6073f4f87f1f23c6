"""The control PIN's guard: a wrong PIN costs the guesser time, from each address and for the control link as a
whole (a guesser on an open Wi-Fi can take many addresses; issue 22). Even the right PIN waits while the
limit holds, so guessing never pays. Pure Python: the server thread's bookkeeping."""

from __future__ import annotations

import secrets
import time
from collections import deque

PIN_FAILURES = 5
PIN_WINDOW_S = 60.0
"""Per address: five wrong PINs a minute."""
TOKEN_PIN_FAILURES = 20
TOKEN_PIN_WINDOW_S = 600.0
"""Per control link, from any address: 20 wrong PINs in ten minutes (a six-digit PIN: 1 in 50,000 per window)."""


class PinGuard:
    def __init__(self) -> None:
        self._by_address: dict[str, deque[float]] = {}
        self._for_the_link: deque[float] = deque()

    def verdict(self, pin: object, right: str, peer: str) -> str:
        """ "ok", "pin" (wrong) or "wait" (too many wrong ones lately, from this address or for this link)."""
        now = time.monotonic()
        failures = self._by_address.setdefault(peer, deque())
        for stamps, window in ((failures, PIN_WINDOW_S), (self._for_the_link, TOKEN_PIN_WINDOW_S)):
            while stamps and now - stamps[0] > window:
                stamps.popleft()
        if len(failures) >= PIN_FAILURES or len(self._for_the_link) >= TOKEN_PIN_FAILURES:
            return "wait"
        if isinstance(pin, str) and secrets.compare_digest(pin.encode(), right.encode()):
            return "ok"
        failures.append(now)
        self._for_the_link.append(now)
        if len(self._by_address) > 4096:
            self._by_address = {a: f for a, f in self._by_address.items() if f}
        return "pin"

    def clear(self) -> None:
        """New links, new PIN: the old guesses count no more."""
        self._by_address.clear()
        self._for_the_link.clear()
