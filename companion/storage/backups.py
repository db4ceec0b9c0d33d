"""Rotating encrypted backups beside the vault: byte copies of the already-encrypted file.

Kept: the newest backup of each of the last 7 days, then one per ISO week for 5 more weeks, plus the
newest 3 taken before a migration or restore. Backups made by hand are never removed automatically.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from companion.domain.errors import CompanionError, VaultError
from companion.storage import vault_format as fmt
from companion.storage.atomic import atomic_write, private_folder
from companion.storage.vault import read_file, unlock_blob

BACKUP_DIR = "backups"
DAILY, BEFORE_CHANGE, MANUAL = "daily", "before-change", "manual"
REPLACED = "replaced"  # the file a restore put aside, beside the vault
_REPLACED_NAME = re.compile(r"^diary\.vault\.replaced-(\d{8}T\d{6})$")
_NAME = re.compile(r"^diary-(\d{8}T\d{6})-(daily|before-change|manual)\.vault$")
KEEP_DAYS = 7
KEEP_WEEKS = 5
KEEP_BEFORE_CHANGE = 3


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: dt.datetime
    kind: str
    size: int


def backup_dir(vault_path: Path) -> Path:
    return vault_path.parent / BACKUP_DIR


def list_backups(vault_path: Path) -> list[BackupInfo]:
    """Backups beside the vault, newest first."""
    folder = backup_dir(vault_path)
    found = []
    if folder.is_dir():
        for item in folder.iterdir():
            match = _NAME.match(item.name)
            if not match or not item.is_file():
                continue
            made = dt.datetime.strptime(match.group(1), "%Y%m%dT%H%M%S")
            found.append(BackupInfo(item, made, match.group(2), item.stat().st_size))
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def replaced_files(vault_path: Path) -> list[BackupInfo]:
    """The `diary.vault.replaced-*` files that restores kept beside the vault, newest first."""
    found = []
    for item in vault_path.parent.glob(f"{vault_path.name}.replaced-*"):
        match = _REPLACED_NAME.match(item.name)
        if match and item.is_file():
            made = dt.datetime.strptime(match.group(1), "%Y%m%dT%H%M%S")
            found.append(BackupInfo(item, made, REPLACED, item.stat().st_size))
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def make_backup(vault_path: Path, kind: str, *, now: dt.datetime) -> Path | None:
    """Copy the vault file as it is on disk now (`now` from the caller's clock names it); returns the
    backup's path (None if no vault yet)."""
    if not vault_path.is_file():
        return None
    stamp = now.strftime("%Y%m%dT%H%M%S")
    folder = private_folder(backup_dir(vault_path))
    target = folder / f"diary-{stamp}-{kind}.vault"
    atomic_write(target, vault_path.read_bytes())
    prune(vault_path, now=now)
    return target


def has_daily_backup_for(vault_path: Path, day: dt.date) -> bool:
    return any(b.kind == DAILY and b.made_at.date() == day for b in list_backups(vault_path))


def prune(vault_path: Path, *, now: dt.datetime) -> list[Path]:
    today = now.date()
    keep: set[Path] = set()
    seen_days: set[dt.date] = set()
    seen_weeks: set[tuple[int, int]] = set()
    before_change = 0
    removed = []
    for backup in list_backups(vault_path):  # newest first
        day = backup.made_at.date()
        age = (today - day).days
        if backup.kind == MANUAL:
            keep.add(backup.path)
        elif backup.kind == BEFORE_CHANGE:
            before_change += 1
            if before_change <= KEEP_BEFORE_CHANGE:
                keep.add(backup.path)
        elif age < KEEP_DAYS:
            if day not in seen_days:
                seen_days.add(day)
                keep.add(backup.path)
        elif age < KEEP_DAYS + 7 * KEEP_WEEKS:
            week = day.isocalendar()[:2]
            if week not in seen_weeks:
                seen_weeks.add(week)
                keep.add(backup.path)
        if backup.path not in keep:
            with contextlib.suppress(OSError):
                backup.path.unlink()
                removed.append(backup.path)
    return removed


def newest_good_backup(vault_path: Path) -> BackupInfo | None:
    """The newest backup whose header and size are sound (its body is checked once unlocked)."""
    for backup in list_backups(vault_path):
        try:
            blob = read_file(backup.path)
            header = fmt.parse_header(blob)
        except CompanionError:
            continue
        if len(blob) == header.length + header.body_length:
            return backup
    return None


def check_backup(path: Path, *, passphrase: str | None = None, recovery_key: str | None = None) -> bytes:
    """Unlock a backup in memory (no lock taken); returns its image or raises a VaultError."""
    return unlock_blob(read_file(path), passphrase=passphrase, recovery_key=recovery_key)[2]


def restore_backup(vault_path: Path, backup: Path, *, now: dt.datetime) -> Path | None:
    """Put `backup` in place of the vault; the current file is backed up and kept aside, never deleted.

    Call without the vault open. Returns where the previous file was moved, if there was one.
    """
    blob = read_file(backup)
    fmt.parse_header(blob)  # refuse to restore something that is not a vault at all
    aside = None
    if vault_path.exists():
        try:  # the diary being replaced, as a backup before a change (README: one before every restore)
            make_backup(vault_path, BEFORE_CHANGE, now=now)
        except OSError as exc:
            raise VaultError(str(exc)) from exc
        stamp = now.strftime("%Y%m%dT%H%M%S")
        aside = vault_path.with_name(f"{vault_path.name}.replaced-{stamp}")
        try:
            atomic_write(aside, vault_path.read_bytes())
        except OSError as exc:
            raise VaultError(str(exc)) from exc
    try:
        atomic_write(vault_path, blob)
    except OSError as exc:
        raise VaultError(str(exc)) from exc
    return aside


def backup_to_folder(vault_path: Path, folder: Path, *, now: dt.datetime) -> Path:
    """An encrypted copy of the vault as it is on disk, in a folder the person chose (a USB stick, a
    synced folder). It opens with the passphrase the diary had when the copy was made."""
    from companion.domain.errors import FolderNotWritableError

    stamp = now.strftime("%Y%m%dT%H%M%S")
    target = folder / f"diary-{stamp}-{MANUAL}.vault"
    blob = read_file(vault_path)
    fmt.parse_header(blob)
    try:
        private_folder(folder, tighten=False)
        atomic_write(target, blob)
    except OSError as exc:
        raise FolderNotWritableError(str(exc), folder=str(folder)) from exc
    return target
