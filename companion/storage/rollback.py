"""Rollback notice: this computer remembers each diary's id and highest save counter (nothing else).

A diary that opens with a lower counter than the one remembered is an older copy put in place of the newer
one: a restored backup (expected) or somebody swapping files (not). Companion says so once, calmly, and never
refuses to open. The record lives in the platform's state folder, not beside the diary, so a copied or synced
diary folder does not carry it; it is a small JSON file, mode 0600.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

from companion.i18n import N_
from companion.storage.atomic import atomic_write, private_folder

RECORD_FILENAME = "seen-diaries.json"
MAX_DIARIES = 64  # a computer that has seen more keeps the most recent ones
ROLLBACK_NOTICE = N_(
    "This diary is an older copy than the one last opened on this computer (save number {saves}; the last one "
    "seen here was save number {seen}). If you restored a backup, that is expected. If not, check that nobody "
    "else has put an older file in its place."
)


def state_dir() -> Path:
    """COMPANION_STATE_DIR, else the platform's user state folder (XDG_STATE_HOME on Linux)."""
    chosen = os.environ.get("COMPANION_STATE_DIR")
    if chosen:
        return Path(chosen).expanduser()
    from platformdirs import user_state_dir

    return Path(user_state_dir("Companion", appauthor=False))


def _load(path: Path) -> dict[str, int]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    seen = raw.get("diaries") if isinstance(raw, dict) else None
    if not isinstance(seen, dict):
        return {}
    return {k: v for k, v in seen.items() if isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)}


def remember(vault_id: bytes, counter: int, folder: Path | None = None) -> int | None:
    """Record `counter` for the diary `vault_id`; returns the higher counter seen before when `counter` is
    lower (a rollback), else None. The new, lower counter is then remembered, so the notice comes once.
    A record that cannot be read or written never stops the diary opening."""
    folder = folder or state_dir()
    path = folder / RECORD_FILENAME
    seen = _load(path)
    key = vault_id.hex()
    before = seen.pop(key, None)
    seen[key] = counter  # most recent last; the oldest fall off
    trimmed = dict(list(seen.items())[-MAX_DIARIES:])
    if before != counter:
        with contextlib.suppress(OSError):
            private_folder(folder)
            atomic_write(path, json.dumps({"version": 1, "diaries": trimmed}).encode("utf-8"))
    return before if before is not None and counter < before else None
