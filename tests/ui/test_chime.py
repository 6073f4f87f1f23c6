"""The chime: once per turn at the warning and once at zero, only while the time runs, only when enabled;
never again after pause/resume, never on undo or on opening a session. Fake clock, fake player."""

from __future__ import annotations

import wave
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from fishbowl_desktop.controller import SessionController, TimerTicker
from fishbowl_desktop.model import FakeClock, Session
from fishbowl_desktop.model.demo import demo_session
from fishbowl_desktop.ui.timer.chime import Chime, SystemChimePlayer, chime_file, player_command


class FakePlayer:
    def __init__(self, available: bool = True) -> None:
        self.plays = 0
        self._available = available

    def available(self) -> bool:
        return self._available

    def play(self) -> None:
        self.plays += 1


Rig = tuple[SessionController, TimerTicker, Chime, FakePlayer]


@pytest.fixture
def rig(demo: Session, clock: FakeClock, qtbot: QtBot) -> Rig:
    ctl = SessionController(demo)
    ticker = TimerTicker(ctl)
    player = FakePlayer()
    return ctl, ticker, Chime(ctl, ticker, player, enabled=True), player


def run(clock: FakeClock, ticker: TimerTicker, seconds: float) -> None:
    """Let time pass the way the app sees it: the ticker looks at every second boundary."""
    whole = int(seconds)
    for _ in range(whole):
        clock.advance(1)
        ticker.poll()
    if seconds - whole:
        clock.advance(seconds - whole)
        ticker.poll()


def test_rings_once_at_the_warning_and_once_at_zero(rig: Rig, clock: FakeClock) -> None:
    ctl, ticker, chime, player = rig
    ctl.start_turn("aud-01")  # free chair: 2:00, warning at 0:30
    run(clock, ticker, 89)
    assert player.plays == 0
    run(clock, ticker, 1.5)  # 0:29.5 left
    assert player.plays == 1
    run(clock, ticker, 20)
    assert player.plays == 1
    run(clock, ticker, 10)  # past zero
    assert player.plays == 2
    run(clock, ticker, 60)  # a minute of overtime: silence
    assert player.plays == 2 and chime.rung == 2


def test_pause_resume_and_plus_minus_do_not_ring_again(rig: Rig, clock: FakeClock) -> None:
    ctl, ticker, _chime, player = rig
    ctl.start_turn("aud-01")
    run(clock, ticker, 95)
    assert player.plays == 1
    ctl.toggle_timer()
    run(clock, ticker, 30)
    ctl.toggle_timer()
    ctl.adjust_time(30)  # back out of the warning ...
    run(clock, ticker, 10)
    ctl.adjust_time(-30)  # ... and into it again
    run(clock, ticker, 5)
    assert player.plays == 1


def test_undo_and_opening_a_session_past_a_threshold_stay_silent(rig: Rig, clock: FakeClock) -> None:
    ctl, ticker, _chime, player = rig
    ctl.start_turn("pan-2")  # panel: 3:00
    run(clock, ticker, 185)  # warning and zero rang
    assert player.plays == 2
    ctl.next_free_chair()  # the free chair's next speaker starts
    run(clock, ticker, 3)
    ctl.undo_stack.undo()  # pan-2's turn, long in overtime, comes back and keeps running
    run(clock, ticker, 3)
    ctl.undo_stack.redo()
    run(clock, ticker, 3)
    assert player.plays == 2
    late = demo_session(clock)
    late.start_turn("pan-1")
    clock.advance(200)
    ctl.replace_session(late)  # opened in overtime
    run(clock, ticker, 3)
    assert player.plays == 2


def test_each_new_turn_rings_again_and_a_paused_crossing_is_silent(rig: Rig, clock: FakeClock) -> None:
    ctl, ticker, _chime, player = rig
    ctl.start_turn("aud-01")
    run(clock, ticker, 91)
    assert player.plays == 1
    ctl.next_free_chair()  # aud-04 sits, time starts at once
    run(clock, ticker, 91)
    assert player.plays == 2
    ctl.toggle_timer()
    ctl.adjust_time(-40)  # paused, yet over zero now: no sound for a deliberate change
    ticker.poll()
    ctl.toggle_timer()
    run(clock, ticker, 2)
    assert player.plays == 2


def test_silent_when_off_and_still_counts_thresholds(demo: Session, clock: FakeClock, qtbot: QtBot) -> None:
    ctl = SessionController(demo)
    ticker = TimerTicker(ctl)
    player = FakePlayer()
    chime = Chime(ctl, ticker, player)  # off by default
    ctl.start_turn("aud-01")
    run(clock, ticker, 91)
    assert player.plays == 0
    chime.set_enabled(True)  # switched on after the warning: the warning does not ring late
    run(clock, ticker, 28)  # 0:01 left
    assert player.plays == 0
    run(clock, ticker, 1)  # zero
    assert player.plays == 1


def test_the_chime_file_is_short_soft_and_valid() -> None:
    with wave.open(str(chime_file())) as w:
        assert w.getnchannels() == 1 and w.getsampwidth() == 2
        seconds = w.getnframes() / w.getframerate()
        frames = w.readframes(w.getnframes())
    assert 0.2 <= seconds <= 1.0
    samples = memoryview(frames).cast("h")
    assert max(abs(s) for s in samples) <= 0.5 * 32767  # never at full scale
    assert abs(samples[0]) < 200 and abs(samples[-1]) < 50  # starts and ends at silence: no click


def test_player_is_chosen_per_platform() -> None:
    tools = {"paplay": "/usr/bin/paplay", "aplay": "/usr/bin/aplay", "afplay": "/usr/bin/afplay"}
    assert player_command("darwin", tools.get) == ["/usr/bin/afplay"]
    assert player_command("linux", tools.get) == ["/usr/bin/paplay"]
    assert player_command("linux", {"aplay": "/bin/aplay"}.get) == ["/bin/aplay", "-q"]
    assert player_command("linux", {}.get) is None
    assert not SystemChimePlayer(Path("/nonexistent/chime.wav")).available()


def test_the_system_player_starts_detached_with_the_sound_file(tmp_path: Path, qtbot: QtBot) -> None:
    import sys

    marker = tmp_path / "played.txt"
    script = tmp_path / "player.py"
    # The fake player writes a temporary file and renames it: the marker appears whole, never half written (the
    # test used to read it between its creation and its text on a busy machine).
    script.write_text(
        "import os, sys, pathlib\n"
        f"part = pathlib.Path({str(marker)!r} + '.part')\n"
        "part.write_text(sys.argv[-1])\n"
        f"os.replace(part, {str(marker)!r})\n"
    )
    player = SystemChimePlayer()
    if sys.platform == "win32":
        pytest.skip("Windows plays through winsound")
    player._command = [sys.executable, str(script)]
    assert player.available()
    player.play()  # returns at once: the player runs on its own
    qtbot.waitUntil(marker.exists, timeout=30_000)
    assert marker.read_text() == str(chime_file())
