"""Parent side of the room benchmarks (issue 15): runs `scenario_room` children and names the headline
figures. Kept out of run.py so registering them there is a few lines. No Qt import here."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from typing import Any

from .harness import OFFSCREEN, ChildFailed, run_child

TARGETS: dict[str, tuple[float, str]] = {
    "room_sync_ms_max": (50.0, "≤ 50 ms"),
    "room_fanout_ms_p95": (100.0, "≤ 100 ms"),
    "room_stall_ms_max": (16.0, "≤ 16 ms"),
}
RUNS = {
    "full": {"sync_seconds": 300, "clients": 300, "actions": 30, "stall_runs": 3},
    "quick": {"sync_seconds": 60, "clients": 300, "actions": 10, "stall_runs": 1},
}


def measure(
    mode: str, say: Callable[[str], None], platform: str = OFFSCREEN, display: str | None = None
) -> dict[str, Any]:
    r = RUNS[mode]
    out: dict[str, Any] = {}
    say(f"room: {r['clients']} phones connected, {r['actions']} console actions fanned out …")
    out["fanout"] = run_child(
        "scenario_room",
        ["fanout", str(r["clients"]), str(r["actions"])],
        platform,
        display=display,
        timeout=180 + r["actions"],
    )
    for variant in ("stall", "stall-shared"):
        say(
            f"room: console stalls while {r['clients']} phones are connected and 1,000 requests arrive "
            f"({variant}, {r['stall_runs']} run(s)) …"
        )
        runs = [
            run_child("scenario_room", [variant, str(r["clients"])], platform, display=display, timeout=240)
            for _ in range(r["stall_runs"])
        ]
        out[variant.replace("-", "_")] = {
            "stall_ms_max": max(x["stall_ms_max"] for x in runs),
            "idle_stall_ms_max": max(x["idle_stall_ms_max"] for x in runs),
            "runs": runs,
        }
    if shutil.which("chromium") is None:
        out["sync"] = {"skipped": "chromium is not installed"}
    else:
        say(f"room: a headless Chromium timer page against the projector for {r['sync_seconds']} s …")
        try:
            out["sync"] = run_child(
                "scenario_room",
                ["sync", str(r["sync_seconds"])],
                platform,
                display=display,
                timeout=180 + r["sync_seconds"] * 1.2,
            )
        except ChildFailed as exc:
            out["sync"] = {"skipped": f"browser run failed: {exc}"[:500]}
    return out


def headline(details: dict[str, Any]) -> dict[str, float | None]:
    room = details.get("room", {})

    def get(section: str, key: str) -> float | None:
        value = room.get(section, {}).get(key)
        return None if value is None else float(value)

    return {
        "room_sync_ms_max": get("sync", "sync_ms_max"),
        "room_fanout_ms_p95": get("fanout", "fanout_ms_p95"),
        "room_stall_ms_max": get("stall", "stall_ms_max"),
    }


def notes(details: dict[str, Any]) -> list[str]:
    room = details.get("room")
    if not room:
        return []
    lines = []
    f = room["fanout"]
    lines.append(
        f"room fan-out, {f['clients']} phones: the last phone had the new state p95 "
        f"{f['fanout_ms_p95']:.0f} ms (max {f['fanout_ms_max']:.0f}); "
        f"a single phone p50 {f['client_ms_p50']:.0f} ms"
    )
    s, sh = room["stall"], room["stall_shared"]
    lines.append(
        f"room burst of 1,000 requests: console stall {s['stall_ms_max']:.1f} ms with the server on its own "
        f"thread (as shipped) vs {sh['stall_ms_max']:.1f} ms on the console's qasync loop; idle console "
        f"{s['idle_stall_ms_max']:.1f} ms"
    )
    sync = room["sync"]
    if "sync_ms_max" in sync:
        lines.append(
            f"room sync over {sync['seconds']} s: Chromium page vs projector max {sync['sync_ms_max']:.1f} ms"
            f" (p95 {sync['sync_ms_p95']:.1f}) over {sync['compared']} seconds"
        )
    else:
        lines.append(f"room sync: skipped ({sync.get('skipped', '')[:120]})")
    return lines
