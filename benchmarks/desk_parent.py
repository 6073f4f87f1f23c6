"""Parent side of the AV desk's benchmarks (issue 27): runs `scenario_desk` children and names the headline
figures. Kept out of run.py so registering them there is a few lines. No Qt import here.

Each figure is the median over the runs of each run's own p95: one busy second on a shared machine (the
benchmark machines run eight engineers' tests on two cores) moves one run, not the figure."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .harness import OFFSCREEN, median, run_child

TARGETS: dict[str, tuple[float, str]] = {
    "api_command_to_projector_ms_p95": (30.0, "≤ 30 ms"),
    "osc_state_out_jitter_ms": (20.0, "≤ 20 ms"),
}
RUNS = {
    "full": {"api_iterations": 150, "osc_seconds": 60, "runs": 3},
    "quick": {"api_iterations": 45, "osc_seconds": 20, "runs": 1},
}


def measure(
    mode: str, say: Callable[[str], None], platform: str = OFFSCREEN, display: str | None = None
) -> dict[str, Any]:
    r = RUNS[mode]
    say(f"desk: {r['api_iterations']} HTTP API commands → the projector's frame, {r['runs']} run(s) …")
    api = [
        run_child("scenario_desk", ["api", str(r["api_iterations"])], platform, display=display, timeout=300)
        for _ in range(r["runs"])
    ]
    say(f"desk: the OSC time message vs the second boundary for {r['osc_seconds']} s, {r['runs']} run(s) …")
    osc = [
        run_child(
            "scenario_desk", ["osc", str(r["osc_seconds"])], platform, display=display, timeout=120 + r["osc_seconds"]
        )
        for _ in range(r["runs"])
    ]
    return {
        "api": {
            "frame_ms_p95": median([x["frame_ms_p95"] for x in api]),
            "frame_ms_median": median([x["frame_ms_median"] for x in api]),
            "http_answer_ms_median": median([x["http_answer_ms_median"] for x in api]),
            "runs": api,
        },
        "osc": {
            "jitter_ms_p95": median([x["jitter_ms_p95"] for x in osc]),
            "jitter_ms_median": median([x["jitter_ms_median"] for x in osc]),
            "jitter_ms_max": max(x["jitter_ms_max"] for x in osc),
            "runs": osc,
        },
    }


def headline(details: dict[str, Any]) -> dict[str, float | None]:
    desk = details.get("desk", {})

    def get(section: str, key: str) -> float | None:
        value = desk.get(section, {}).get(key)
        return None if value is None else float(value)

    return {
        "api_command_to_projector_ms_p95": get("api", "frame_ms_p95"),
        "osc_state_out_jitter_ms": get("osc", "jitter_ms_p95"),
    }


def notes(details: dict[str, Any]) -> list[str]:
    desk = details.get("desk")
    if not desk:
        return []
    a, o = desk["api"], desk["osc"]
    messages = sum(x["messages"] for x in o["runs"])
    return [
        f"desk: HTTP command → projector frame median {a['frame_ms_median']:.1f} ms, p95 {a['frame_ms_p95']:.1f} ms "
        f"(the HTTP answer itself: median {a['http_answer_ms_median']:.1f} ms); missed "
        f"{sum(len(x['missed']) for x in a['runs'])}",
        f"desk: OSC time vs the second boundary median {o['jitter_ms_median']:.1f} ms, "
        f"p95 {o['jitter_ms_p95']:.1f} ms, max {o['jitter_ms_max']:.1f} ms over {messages} messages",
    ]
