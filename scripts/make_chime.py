"""Generate the soft two-tone chime the speaker timer plays at the warning and at zero.

    python scripts/make_chime.py   # writes src/fishbowl_desktop/assets/sounds/chime.wav

Two sine tones a major third apart (A5, then F5), each with a 12 ms rise and a long exponential decay,
the second starting while the first still rings: a bell-like "ding-dong" that is heard in a quiet hall
without startling anyone. Mono, 22.05 kHz, 16 bit, at most half of full scale, about 0.7 s (about 30 KB).
Only the standard library is used, so the file can be rebuilt anywhere.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22050
LENGTH_S = 0.7
PEAK = 0.45
TONES = ((0.0, 880.0), (0.22, 698.46))
"""(start in seconds, frequency in Hz)."""
ATTACK_S = 0.012
DECAY_PER_S = 6.0
OUT = Path(__file__).resolve().parents[1] / "src" / "fishbowl_desktop" / "assets" / "sounds" / "chime.wav"


def sample(t: float) -> float:
    value = 0.0
    for start, freq in TONES:
        local = t - start
        if local < 0:
            continue
        envelope = min(1.0, local / ATTACK_S) * math.exp(-DECAY_PER_S * local)
        # a touch of the second harmonic makes it a chime rather than a test tone
        value += envelope * (math.sin(2 * math.pi * freq * local) + 0.15 * math.sin(4 * math.pi * freq * local))
    return value


def render() -> list[float]:
    samples = [sample(i / RATE) for i in range(int(RATE * LENGTH_S))]
    fade = int(RATE * 0.05)  # end exactly at silence: no click when the player stops
    for i in range(fade):
        samples[-1 - i] *= i / fade
    loudest = max(abs(s) for s in samples)
    return [s * PEAK / loudest for s in samples]


def main() -> None:
    OUT.parent.mkdir(parents=True, exist_ok=True)
    frames = b"".join(struct.pack("<h", round(s * 32767)) for s in render())
    with wave.open(str(OUT), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)
    print(f"{OUT} ({OUT.stat().st_size} bytes, {LENGTH_S:.2f} s)")


if __name__ == "__main__":
    main()
