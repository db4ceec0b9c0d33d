"""The diary's files for the screens: backups, checking and restoring one, moving the diary elsewhere.

Screens use this module, never `companion.storage`. It loads no database code at import (the lock screen
uses it), and every date it writes into a file name comes from the clock it is given.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import TYPE_CHECKING

from companion.services.clock import Clock
from companion.storage import backups
from companion.storage.backups import BEFORE_CHANGE, DAILY, MANUAL, BackupInfo, check_backup, list_backups
from companion.storage.inspection import Contents
from companion.storage.rekey import Outcome

if TYPE_CHECKING:
    from companion.services.session import DiarySession


def newest_good_backup(vault_path: Path) -> BackupInfo | None:
    """The newest backup whose header and size are sound (its body is checked once unlocked)."""
    return backups.newest_good_backup(vault_path)


def inspect_backup(path: Path, passphrase: str) -> Contents:
    """Unlock a backup in memory and say what it holds (integrity, schema, entries); nothing is changed."""
    from companion.storage.inspection import inspect_image

    return inspect_image(check_backup(path, passphrase=passphrase))


def backup_before_change(session: DiarySession) -> Path | None:
    """An encrypted copy of the diary file as it is now, before something replaces its contents (an
    import in replace mode). Raises OSError if it can't be written."""
    return backups.make_backup(session.path, BEFORE_CHANGE, now=session.clock.now())


def backup_to_folder(session: DiarySession, folder: Path) -> Path:
    """Save everything first, then put an encrypted copy of the diary in `folder` (a USB stick, a synced
    folder). Raises SaveFailedError or FolderNotWritableError."""
    session.flush()
    return backups.backup_to_folder(session.path, folder, now=session.clock.now())


def restore_backup(vault_path: Path, backup: Path, clock: Clock) -> Path | None:
    """Put `backup` in place of the (locked, closed) diary, holding its one-writer lock meanwhile; the
    current file is kept aside. Raises VaultLockedByOtherError when the diary is open elsewhere."""
    from companion.storage.lockfile import VaultLock

    lock = VaultLock(vault_path)
    lock.acquire()
    try:
        return backups.restore_backup(vault_path, backup, now=clock.now())
    finally:
        lock.release()


def backups_to_reencrypt(session: DiarySession) -> list[Path]:
    """The backups beside the diary (newest first), which still open with the secret they were made with."""
    from companion.storage import rekey

    return rekey.backups_to_reencrypt(session.store.vault)


def reencrypt_backups(
    session: DiarySession, *, old_passphrase: str | None = None, old_recovery_key: str | None = None
) -> list[Outcome]:
    """Re-encrypt every backup beside the diary that opens with the old secret, each on its own (see
    companion.storage.rekey); what happened to each."""
    from companion.storage import rekey

    return rekey.reencrypt_backups(
        session.store.vault, old_passphrase=old_passphrase, old_recovery_key=old_recovery_key
    )


def move_diary(session: DiarySession, folder: Path, *, remember: bool) -> Path:
    """Move the open diary, its backups and preferences to `folder`; returns the new vault path.

    Pending changes are saved first. `remember`: note the new place in the default data folder, so the next
    start finds it (not for a demo diary)."""
    from companion.storage.app_settings import default_data_dir, remember_moved_location
    from companion.storage.relocation import move_diary as relocate

    new_path = relocate(session.store, folder)
    if remember:
        with contextlib.suppress(OSError):
            remember_moved_location(default_data_dir(), new_path.parent)
    return new_path


__all__ = [
    "BEFORE_CHANGE",
    "DAILY",
    "MANUAL",
    "BackupInfo",
    "Contents",
    "Outcome",
    "backup_before_change",
    "backup_to_folder",
    "backups_to_reencrypt",
    "check_backup",
    "inspect_backup",
    "list_backups",
    "move_diary",
    "newest_good_backup",
    "reencrypt_backups",
    "restore_backup",
]
