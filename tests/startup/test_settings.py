from pathlib import Path

from fishbowl_desktop.settings import AppSettings, load_settings, save_settings


def test_round_trip(tmp_path: Path) -> None:
    s = AppSettings(language="de", projector_screen_name="HDMI-1", projector_screen_geometry=(1366, 0, 1920, 1080))
    save_settings(s, tmp_path / "settings.json")
    assert load_settings(tmp_path / "settings.json") == s


def test_broken_file_gives_defaults_and_is_kept_aside(tmp_path: Path) -> None:
    p = tmp_path / "settings.json"
    p.write_text("{not json", encoding="utf-8")
    assert load_settings(p) == AppSettings()
    assert (tmp_path / "settings.json.broken").read_text(encoding="utf-8") == "{not json"


def test_wrong_types_fall_back_per_field(tmp_path: Path) -> None:
    p = tmp_path / "settings.json"
    p.write_text('{"version": 1, "language": "en", "projector_next_count": "many", "chime": true}', encoding="utf-8")
    s = load_settings(p)
    assert s.language == "en" and s.chime is True and s.projector_next_count == 3
