"""Settings that are not diary content (language, text size, auto-lock), kept beside the vault.

They must be readable before unlocking (the lock screen's language), so they live in a small JSON file.
Nothing the person writes about their health is ever stored here.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from companion.storage.atomic import atomic_write

SETTINGS_FILENAME = "settings.json"
SETTINGS_VERSION = 1
AUTO_LOCK_CHOICES = (1, 2, 5, 10, 15, 30, 60)
FONT_SIZES = (10, 11, 12, 14, 16, 18, 20, 24)


@dataclass(frozen=True)
class AppSettings:
    language: str | None = None  # None until the person answers the Active Offer
    auto_lock_minutes: int = 5
    font_point_size: int = 12

    def with_changes(self, **changes: object) -> AppSettings:
        return replace(self, **changes)  # type: ignore[arg-type]


def _sane(raw: dict[str, object]) -> AppSettings:
    lang = raw.get("language")
    minutes = raw.get("auto_lock_minutes", 5)
    size = raw.get("font_point_size", 12)
    return AppSettings(
        language=lang if lang in ("cy", "en") else None,
        auto_lock_minutes=minutes if isinstance(minutes, int) and 1 <= minutes <= 240 else 5,
        font_point_size=size if isinstance(size, int) and 8 <= size <= 36 else 12,
    )


def load_settings(data_dir: Path) -> AppSettings:
    path = data_dir / SETTINGS_FILENAME
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return AppSettings()
    return _sane(raw) if isinstance(raw, dict) else AppSettings()


def save_settings(data_dir: Path, settings: AppSettings) -> None:
    """Write atomically; a failure to save settings is never fatal (they are preferences)."""
    data_dir.mkdir(parents=True, exist_ok=True)
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
    default.mkdir(parents=True, exist_ok=True)
    payload = {"version": 1, "diary_folder": str(folder)}
    atomic_write(default / LOCATION_FILENAME, json.dumps(payload, indent=2).encode("utf-8"))
