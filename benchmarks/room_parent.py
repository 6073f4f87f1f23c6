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
    "room_stall_under_request_flood_ms": (16.0, "≤ 16 ms"),
    "room_saves_under_fd_flood": (1.0, "all of them (share ≥ 1)"),
}
AT_LEAST = {"room_saves_under_fd_flood"}
"""Targets met from above: the share of changes on disk within 2 s must reach 1."""
RUNS = {
    "full": {"sync_seconds": 300, "clients": 300, "actions": 30, "stall_runs": 3, "hall_runs": 3, "changes": 10},
    "quick": {"sync_seconds": 60, "clients": 300, "actions": 10, "stall_runs": 1, "hall_runs": 1, "changes": 5},
}


def met(key: str, value: float, limit: float) -> bool:
    return value >= limit if key in AT_LEAST else value <= limit


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
    say(
        f"room: console stalls while {r['clients']} phones are connected and 1,000 requests arrive "
        f"({r['stall_runs']} run(s)) …"
    )
    runs = [
        run_child("scenario_room", ["stall", str(r["clients"])], platform, display=display, timeout=240)
        for _ in range(r["stall_runs"])
    ]
    out["stall"] = {
        "stall_ms_max": max(x["stall_ms_max"] for x in runs),
        "idle_stall_ms_max": max(x["idle_stall_ms_max"] for x in runs),
        "runs": runs,
    }
    say(f"room: a hostile hall (issue 22), {r['hall_runs']} run(s) each: held connections at a 256 file limit …")
    saves = [
        run_child("scenario_hall", ["saves", str(r["changes"])], platform, display=display, timeout=240)
        for _ in range(r["hall_runs"])
    ]
    say("room: 300 invented phones ask for the free chair within 5 s, room window open …")
    floods = [
        run_child("scenario_hall", ["stall", "300"], platform, display=display, timeout=240)
        for _ in range(r["hall_runs"])
    ]
    out["hall"] = {
        "saves_share_within_2s": min(x.get("on_disk_within_2s", 0) / max(1, x.get("changes", 1)) for x in saves),
        "stall_ms_max": max(x["stall_ms_max"] for x in floods),
        "idle_stall_ms_max": max(x["idle_stall_ms_max"] for x in floods),
        "stall_cpu_ms_max": max(x.get("stall_cpu_ms_max", float("nan")) for x in floods),
        "saves": saves,
        "floods": floods,
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
        "room_stall_under_request_flood_ms": get("hall", "stall_ms_max"),
        "room_saves_under_fd_flood": get("hall", "saves_share_within_2s"),
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
    s = room["stall"]
    lines.append(
        f"room burst of 1,000 requests: console stall {s['stall_ms_max']:.1f} ms with the server on its own "
        f"thread; idle console {s['idle_stall_ms_max']:.1f} ms"
    )
    hall = room.get("hall")
    if hall:
        saves, floods = hall["saves"], hall["floods"]
        lines.append(
            "room, hostile hall at a 256 file limit: "
            + "; ".join(
                f"{x.get('on_disk_within_2s')}/{x.get('changes')} changes on disk within 2 s "
                f"(slowest {x.get('delay_s_max', float('nan')):.2f} s), {x.get('flood_opened')} connections "
                f"opened by the flood, {x.get('refused')} refused, {x.get('tracebacks')} tracebacks"
                for x in saves
            )
        )
        lines.append(
            "room, 300 invented requests in 5 s, room window open: console stall "
            + ", ".join(f"{x['stall_ms_max']:.1f}" for x in floods)
            + " ms (the same console idle just before: "
            + ", ".join(f"{x['idle_stall_ms_max']:.1f}" for x in floods)
            + " ms); the most UI-thread CPU in one gap "
            + ", ".join(f"{x.get('stall_cpu_ms_max', float('nan')):.1f}" for x in floods)
            + " ms; longest batch "
            + ", ".join(f"{x['batch_ms_max']:.1f} ms ({x['batch_cpu_ms_max']:.1f} ms CPU)" for x in floods)
            + f"; {floods[0]['requests_in_the_list']} of 300 reached the list, "
            f"{floods[0]['list_updates']} list updates"
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
