"""App settings version 2: the migration from version 1, per-field validation, defaults for new sessions,
and the sessions folder the workspace honours."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from fishbowl_desktop.model import OrderingRule, RuleChain, TurnSettings
from fishbowl_desktop.settings import SETTINGS_VERSION, AppSettings, load_settings, migrate, save_settings
from fishbowl_desktop.storage import Workspace
from fishbowl_desktop.storage.workspace import folder_problem

V1_FILE = {
    "version": 1,
    "language": "de",
    "projector_screen_name": "HDMI-1",
    "projector_screen_geometry": [1366, 0, 1920, 1080],
    "projector_follow_new_screen": "auto",
    "projector_next_count": 12,
    "projector_first_names_only": True,
    "projector_flash_overtime": False,
    "chime": True,
}


def test_a_version_1_file_is_migrated_and_keeps_every_choice(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps(V1_FILE), encoding="utf-8")
    s = load_settings(path)
    assert (s.language, s.projector_screen_name, s.projector_screen_geometry) == ("de", "HDMI-1", (1366, 0, 1920, 1080))
    assert s.projector_follow_new_screen == "auto" and s.projector_first_names_only and not s.projector_flash_overtime
    assert s.chime is True
    assert s.projector_next_count == 6  # version 1 allowed any number; the projector shows at most six
    assert s.turn_settings() == TurnSettings()  # new sessions start as they did before the upgrade
    assert s.sessions_folder == ""
    save_settings(s, path)
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == SETTINGS_VERSION == 2
    assert load_settings(path) == s


def test_migration_steps_through_each_version() -> None:
    data = migrate({"version": 1, "projector_next_count": -3})
    assert data["version"] == 2 and data["projector_next_count"] == 0
    assert data["default_panel_seconds"] == 180 and data["default_ordering"] == "first_come"
    assert migrate({"version": 2, "projector_next_count": 4})["projector_next_count"] == 4


def test_version_2_round_trip_with_every_new_field(tmp_path: Path) -> None:
    s = AppSettings(
        default_panel_seconds=240,
        default_free_chair_seconds=90,
        default_warning_seconds=15,
        default_ordering="alternate_groups",
        default_auto_start_next=False,
        sessions_folder=str(tmp_path / "abende"),
    )
    save_settings(s, tmp_path / "settings.json")
    assert load_settings(tmp_path / "settings.json") == s
    assert s.turn_settings() == TurnSettings(240.0, 90.0, 15.0, False, RuleChain.of(OrderingRule.ALTERNATE_GROUPS))


@pytest.mark.parametrize(
    ("name", "bad"),
    [
        ("default_panel_seconds", 5),
        ("default_panel_seconds", "3:00"),
        ("default_warning_seconds", 601),
        ("default_ordering", "loudest_first"),
        ("projector_follow_new_screen", "sometimes"),
        ("language", "fr"),
        ("projector_next_count", 7),
        ("default_auto_start_next", "yes"),
        ("projector_screen_geometry", [1, 2, 3]),
        ("print_reserve_rows", 1001),
        ("print_reserve_rows", -1),
        ("print_extra_column", "shoe size"),
        ("print_one_sheet_per_person", 1),
        ("print_short_turn_seconds", 601),
        ("print_audience_qr", "on"),
    ],
)
def test_a_bad_value_falls_back_alone(tmp_path: Path, name: str, bad: object) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 2, name: bad, "chime": True}), encoding="utf-8")
    s = load_settings(path)
    assert getattr(s, name) == getattr(AppSettings(), name) and s.chime is True


def test_the_print_options_round_trip_and_a_file_without_them_gets_the_defaults(tmp_path: Path) -> None:
    chosen = AppSettings(
        print_reserve_rows=25,
        print_extra_column="residence",
        print_one_sheet_per_person=True,
        print_short_turn_seconds=8,
        print_audience_qr=True,
    )
    save_settings(chosen, tmp_path / "settings.json")
    assert load_settings(tmp_path / "settings.json") == chosen
    (tmp_path / "older.json").write_text('{"version": 2, "chime": true}', encoding="utf-8")
    older = load_settings(tmp_path / "older.json")
    assert older.print_reserve_rows == 10 and older.print_extra_column == "organisation"
    assert older.print_short_turn_seconds == 5 and not older.print_audience_qr


def test_whole_numbers_written_as_floats_are_accepted(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"version": 2, "default_panel_seconds": 150.0}', encoding="utf-8")
    assert load_settings(path).default_panel_seconds == 150


@pytest.mark.parametrize("version", [0, 3, True, "2"])
def test_unknown_versions_are_set_aside(tmp_path: Path, version: object) -> None:
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": version, "chime": True}), encoding="utf-8")
    assert load_settings(path) == AppSettings()
    assert (tmp_path / "settings.json.broken").is_file()


def test_workspace_saves_new_sessions_in_the_chosen_folder(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "home")
    assert ws.sessions_dir == ws.default_sessions_dir == tmp_path / "home" / "sessions"
    assert ws.use_sessions_dir(tmp_path / "stick" / "abende") is None
    assert ws.sessions_dir == tmp_path / "stick" / "abende" and ws.sessions_dir.is_dir()
    assert ws.new_session_path("Abend").parent == tmp_path / "stick" / "abende"
    assert Workspace(tmp_path / "home", tmp_path / "x").sessions_dir == tmp_path / "x"
    assert ws.use_sessions_dir("") is None and ws.sessions_dir == ws.default_sessions_dir


def test_an_unusable_folder_is_refused_with_the_reason_and_the_old_one_kept(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "home")
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    problem = ws.use_sessions_dir(a_file)
    assert isinstance(problem, OSError) and ws.sessions_dir == ws.default_sessions_dir
    assert a_file.read_text() == "x"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_folder_is_found_out_by_writing(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        problem = folder_problem(locked)
        assert isinstance(problem, PermissionError)
        assert folder_problem(tmp_path) is None and list(tmp_path.glob(".fishbowl-write-test*")) == []
    finally:
        locked.chmod(0o700)


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_a_folder_that_cannot_be_created_is_refused_even_for_root() -> None:
    assert isinstance(folder_problem(Path("/proc/fishbowl-sessions")), OSError)


def test_a_new_session_starts_with_the_preset_chain_of_the_preferences(tmp_path: Path) -> None:
    """Issue 28: the preferences name a preset chain; version 2's single rules are presets of the same names."""
    from fishbowl_desktop.model.chain import FAIR_FLOOR, PRESETS

    s = AppSettings(default_ordering="fair_floor")
    save_settings(s, tmp_path / "settings.json")
    assert load_settings(tmp_path / "settings.json").turn_settings().ordering == FAIR_FLOOR
    for preset in PRESETS:
        assert AppSettings(default_ordering=preset.name).turn_settings().ordering == preset.chain
    for old in ("first_come", "new_voices_first", "fewest_turns", "alternate_groups"):  # what version 2 held
        chain = AppSettings(default_ordering=old).turn_settings().ordering
        assert chain == RuleChain.of(OrderingRule(old))
