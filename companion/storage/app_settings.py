"""Settings that are not diary content (language, text size, auto-lock, reminders, the window's size), kept
beside the vault.

They must be readable before unlocking (the lock screen's language; reminders come while the diary is
locked too), so they live in a small JSON file. Nothing the person writes about their health is ever
stored here: for reminders only the chosen time and weekday and the day each was last shown.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from companion.domain.reminders import DEFAULT_TIME, DEFAULT_WEEKDAY, LastHandled, ReminderPlan
from companion.storage.atomic import atomic_write, private_folder

SETTINGS_FILENAME = "settings.json"
SETTINGS_VERSION = 1
AUTO_LOCK_CHOICES = (1, 2, 5, 10, 15, 30, 60)
FONT_SIZES = (10, 11, 12, 14, 16, 18, 20, 24)


@dataclass(frozen=True)
class AppSettings:
    language: str | None = None  # None until the person answers the Active Offer
    auto_lock_minutes: int = 5
    font_point_size: int = 12
    reminder_checkin: bool = False
    reminder_peg: bool = False
    reminder_time: str = DEFAULT_TIME.strftime("%H:%M")
    reminder_peg_weekday: int = DEFAULT_WEEKDAY
    reminder_checkin_last: str | None = None  # ISO day the daily reminder was last handled
    reminder_peg_last: str | None = None
    window_width: int = 0  # the window's size when it was last closed (0: never closed yet; the default size)
    window_height: int = 0
    window_maximized: bool = False

    def reminder_plan(self) -> ReminderPlan:
        return ReminderPlan(
            checkin=self.reminder_checkin,
            peg=self.reminder_peg,
            at=dt.time.fromisoformat(self.reminder_time),
            peg_weekday=self.reminder_peg_weekday,
        )

    def reminders_last(self) -> LastHandled:
        def day(value: str | None) -> dt.date | None:
            return dt.date.fromisoformat(value) if value else None

        return LastHandled(day(self.reminder_checkin_last), day(self.reminder_peg_last))

    def with_changes(self, **changes: object) -> AppSettings:
        return replace(self, **changes)  # type: ignore[arg-type]


def _sane(raw: dict[str, object]) -> AppSettings:
    lang = raw.get("language")
    minutes = raw.get("auto_lock_minutes", 5)
    size = raw.get("font_point_size", 12)
    weekday = raw.get("reminder_peg_weekday", DEFAULT_WEEKDAY)
    return AppSettings(
        language=lang if lang in ("cy", "en") else None,
        auto_lock_minutes=minutes if isinstance(minutes, int) and 1 <= minutes <= 240 else 5,
        font_point_size=size if isinstance(size, int) and 8 <= size <= 36 else 12,
        reminder_checkin=raw.get("reminder_checkin") is True,
        reminder_peg=raw.get("reminder_peg") is True,
        reminder_time=_sane_time(raw.get("reminder_time")),
        reminder_peg_weekday=weekday if isinstance(weekday, int) and 0 <= weekday <= 6 else DEFAULT_WEEKDAY,
        reminder_checkin_last=_sane_day(raw.get("reminder_checkin_last")),
        reminder_peg_last=_sane_day(raw.get("reminder_peg_last")),
        window_width=_sane_length(raw.get("window_width")),
        window_height=_sane_length(raw.get("window_height")),
        window_maximized=raw.get("window_maximized") is True,
    )


def _sane_length(value: object) -> int:
    """A window side in pixels, or 0 (use the default) for anything that is not a plausible one."""
    return value if isinstance(value, int) and not isinstance(value, bool) and 200 <= value <= 20000 else 0


def _sane_time(value: object) -> str:
    if isinstance(value, str) and len(value) == 5:
        with contextlib.suppress(ValueError):
            return dt.time.fromisoformat(value).strftime("%H:%M")
    return DEFAULT_TIME.strftime("%H:%M")


def _sane_day(value: object) -> str | None:
    if isinstance(value, str):
        with contextlib.suppress(ValueError):
            return dt.date.fromisoformat(value).isoformat()
    return None


def load_settings(data_dir: Path) -> AppSettings:
    path = data_dir / SETTINGS_FILENAME
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return AppSettings()
    return _sane(raw) if isinstance(raw, dict) else AppSettings()


def save_settings(data_dir: Path, settings: AppSettings) -> None:
    """Write atomically; a failure to save settings is never fatal (they are preferences)."""
    private_folder(data_dir)
    payload = {"version": SETTINGS_VERSION, **asdict(settings)}
    with contextlib.suppress(OSError):
        atomic_write(data_dir / SETTINGS_FILENAME, json.dumps(payload, indent=2).encode("utf-8"))


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("Companion", appauthor=False, roaming=False))


LOCATION_FILENAME = "location.json"


def resolve_data_dir(cli_value: str | None) -> Path:
    """--data-dir wins, then COMPANION_DATA_DIR, then the folder the diary was moved to (remembered in
    the platform's user data folder), then that folder itself."""
    chosen = cli_value or os.environ.get("COMPANION_DATA_DIR")
    if chosen:
        return Path(chosen).expanduser().resolve()
    default = default_data_dir()
    moved = read_moved_location(default)
    return moved if moved is not None else default


def read_moved_location(default: Path) -> Path | None:
    try:
        raw = json.loads((default / LOCATION_FILENAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    folder = raw.get("diary_folder") if isinstance(raw, dict) else None
    return Path(folder) if isinstance(folder, str) and Path(folder).is_dir() else None


def remember_moved_location(default: Path, folder: Path) -> None:
    """Where the diary lives now, kept in the platform's folder so the next start finds it."""
    private_folder(default)
    payload = {"version": 1, "diary_folder": str(folder)}
    atomic_write(default / LOCATION_FILENAME, json.dumps(payload, indent=2).encode("utf-8"))
