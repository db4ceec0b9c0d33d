"""Preferences outside the vault: where the diary lives, and a settings file that can never break start-up."""

from __future__ import annotations

from pathlib import Path

import pytest

from companion.storage.app_settings import AppSettings, load_settings, resolve_data_dir, save_settings


def test_data_dir_option_beats_the_environment_which_beats_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COMPANION_DATA_DIR", str(tmp_path / "from-env"))
    assert resolve_data_dir(str(tmp_path / "from-option")) == (tmp_path / "from-option").resolve()
    assert resolve_data_dir(None) == (tmp_path / "from-env").resolve()
    monkeypatch.delenv("COMPANION_DATA_DIR")
    default = resolve_data_dir(None)
    assert default.name == "Companion"
    assert str(tmp_path / "xdg-data") in str(default)  # platformdirs honours XDG_DATA_HOME


def test_settings_round_trip_and_hold_no_diary_content(tmp_path: Path) -> None:
    save_settings(tmp_path, AppSettings(language="cy", auto_lock_minutes=15, font_point_size=16))
    assert load_settings(tmp_path) == AppSettings(language="cy", auto_lock_minutes=15, font_point_size=16)
    text = (tmp_path / "settings.json").read_text(encoding="utf-8")
    reminders = {"reminder_checkin", "reminder_peg", "reminder_time", "reminder_peg_weekday"}
    reminders |= {"reminder_checkin_last", "reminder_peg_last"}  # days only: when a reminder was last shown
    window = {"window_width", "window_height", "window_maximized"}  # sizes only, to open the window as it was
    expected = {"version", "language", "auto_lock_minutes", "font_point_size"} | reminders | window
    assert set(__import__("json").loads(text)) == expected


@pytest.mark.parametrize(
    "content",
    [b"", b"not json", b"[1, 2]", b'{"language": "klingon", "auto_lock_minutes": -4, "font_point_size": "huge"}',
     b"\xff\xfe\x00garbage"],
)
def test_a_damaged_settings_file_falls_back_to_defaults(tmp_path: Path, content: bytes) -> None:
    (tmp_path / "settings.json").write_bytes(content)
    settings = load_settings(tmp_path)
    assert settings.language is None
    assert settings.auto_lock_minutes == 5
    assert settings.font_point_size == 12


def test_settings_in_a_read_only_place_do_not_stop_the_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno

    from companion.storage import atomic

    def refuse(*_args: object, **_kwargs: object) -> int:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(atomic.os, "open", refuse)
    save_settings(tmp_path, AppSettings(language="en"))  # no exception: preferences are not precious
    assert load_settings(tmp_path) == AppSettings()


def test_a_moved_diary_is_found_at_the_next_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from companion.storage.app_settings import default_data_dir, remember_moved_location

    monkeypatch.delenv("COMPANION_DATA_DIR")
    moved = tmp_path / "synced"
    moved.mkdir()
    remember_moved_location(default_data_dir(), moved)
    assert resolve_data_dir(None) == moved
    assert resolve_data_dir(str(tmp_path / "explicit")) == (tmp_path / "explicit").resolve()  # the option still wins
    moved.rmdir()  # the synced folder went away (unplugged, unsynced): start in the usual place
    assert resolve_data_dir(None) == default_data_dir()
