"""How often the hall may ask for the free chair: the caps a request passes before the console hears of it.

A phone id is whatever a phone sends, so a stranger can invent hundreds; the caps therefore stand on what a
stranger cannot multiply as cheaply: the address a request comes from, and the room as a whole. Before these
caps (issue 22), a flood of invented requests all reached the console's list and froze it (benchmarks/README.md).

- one open request per phone, and one request per phone every `PHONE_INTERVAL_S` (a declined phone may ask
  again, but not in a loop);
- at most `PER_ADDRESS` requests per address per `ADDRESS_WINDOW_S`;
- the whole room takes at most `ROOM_BURST` requests at once, refilled at `ROOM_RATE` per second;
- at most `MAX_OPEN` open requests in all (waiting for the moderator, or in the queue from a phone).

Pure Python (the server thread's bookkeeping); the console checks the open cap again with its own count.
"""

from __future__ import annotations

from collections import deque

PHONE_INTERVAL_S = 10.0
PER_ADDRESS = 6
ADDRESS_WINDOW_S = 60.0
ROOM_RATE = 3.0
"""Requests per second the whole room takes, once its burst is used up."""
ROOM_BURST = 30
"""A hall where the moderator just said "ask now" fits in the burst."""
MAX_OPEN = 100


class RequestLimits:
    def __init__(self) -> None:
        self._last_by_phone: dict[str, float] = {}
        self._by_address: dict[str, deque[float]] = {}
        self._tokens = float(ROOM_BURST)
        self._filled_at: float | None = None

    def refusal(self, phone: str, address: str, now: float, open_now: set[str]) -> str | None:
        """Why this request may not go on (an error code the phone page knows), or None; records it if not."""
        if phone in open_now:
            return "open"
        last = self._last_by_phone.get(phone)
        if last is not None and now - last < PHONE_INTERVAL_S:
            return "rate"
        if len(open_now) >= MAX_OPEN:
            return "full"
        stamps = self._by_address.setdefault(address, deque())
        while stamps and now - stamps[0] >= ADDRESS_WINDOW_S:
            stamps.popleft()
        if len(stamps) >= PER_ADDRESS:
            return "busy"
        if self._filled_at is not None:
            self._tokens = min(float(ROOM_BURST), self._tokens + (now - self._filled_at) * ROOM_RATE)
        self._filled_at = now
        if self._tokens < 1.0:
            return "busy"
        self._tokens -= 1.0
        stamps.append(now)
        self._last_by_phone[phone] = now
        self._forget_old(now)
        return None

    def _forget_old(self, now: float) -> None:
        """Keep the books small whatever a flood invents: old entries carry no limit any more."""
        if len(self._last_by_phone) > 4096:
            self._last_by_phone = {p: t for p, t in self._last_by_phone.items() if now - t < PHONE_INTERVAL_S}
        if len(self._by_address) > 4096:
            self._by_address = {a: s for a, s in self._by_address.items() if s and now - s[-1] < ADDRESS_WINDOW_S}
