"""Move the diary (vault, backups and preferences) to another folder, such as a synced folder.

The copy is written and checked before anything old is removed, and the one-writer lock is held on both
folders throughout, so a failure at any point leaves a working diary in the old place.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path

from companion.domain.errors import FolderNotWritableError, VaultExistsError
from companion.storage.app_settings import SETTINGS_FILENAME
from companion.storage.atomic import atomic_write, private_folder
from companion.storage.backups import backup_dir
from companion.storage.lockfile import VaultLock
from companion.storage.store import DiaryStore
from companion.storage.vault import VAULT_FILENAME


def move_diary(store: DiaryStore, new_folder: Path) -> Path:
    """Move an open diary to `new_folder`; returns the new vault path. Pending changes are saved first,
    and no background save starts while the files are copied."""
    with store.saves_held():
        store.flush()
        return _move(store, new_folder)


def _move(store: DiaryStore, new_folder: Path) -> Path:
    old_path = store.path
    new_folder = new_folder.expanduser().resolve()
    new_path = new_folder / VAULT_FILENAME
    if new_path == old_path:
        return old_path
    if new_path.exists():
        raise VaultExistsError()
    try:
        private_folder(new_folder)
    except OSError as exc:
        raise FolderNotWritableError(str(exc), folder=str(new_folder)) from exc
    new_lock = VaultLock(new_path)
    new_lock.acquire()
    copied: list[Path] = []
    try:
        blob = old_path.read_bytes()
        _copy(blob, new_path, copied)
        for backup in sorted(backup_dir(old_path).glob("*.vault")):
            _copy(backup.read_bytes(), backup_dir(new_path) / backup.name, copied)
        settings = old_path.parent / SETTINGS_FILENAME
        if settings.is_file():
            _copy(settings.read_bytes(), new_folder / SETTINGS_FILENAME, copied)
        if new_path.read_bytes() != blob:
            raise FolderNotWritableError("copy differs", folder=str(new_folder))
    except BaseException:
        for path in copied:
            with contextlib.suppress(OSError):
                path.unlink()
        new_lock.release()
        raise
    store.vault.relocate(new_path, new_lock)
    # The new copy is complete and checked: remove the old encrypted files (nothing is left behind).
    with contextlib.suppress(OSError):
        old_path.unlink()
    with contextlib.suppress(OSError):
        shutil.rmtree(backup_dir(old_path))
    with contextlib.suppress(OSError):
        old_path.with_name(old_path.name + ".lock").unlink()
    return new_path


def _copy(data: bytes, target: Path, copied: list[Path]) -> None:
    try:
        private_folder(target.parent)
        atomic_write(target, data)
    except OSError as exc:
        raise FolderNotWritableError(str(exc), folder=str(target.parent)) from exc
    copied.append(target)
