"""An unlocked diary: the vault file and its in-memory database, saved after every real commit."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from companion.domain.errors import CompanionError, FolderNotWritableError, SaveFailedError
from companion.domain.save_state import SAVED, SaveState, SaveStatus
from companion.storage import backups
from companion.storage.database import Database
from companion.storage.kdf import KdfParams
from companion.storage.vault import Vault

log = logging.getLogger(__name__)


class DiaryStore:
    def __init__(self, vault: Vault, database: Database) -> None:
        self.vault = vault
        self.database = database
        self._save_state = SAVED
        self._listeners: list[Callable[[SaveState], None]] = []
        # The window reads failures from the save state (one banner, one retry), so a commit never raises
        # for it; the CLI and scripts keep the exception.
        self.raise_on_failed_save = True

    @property
    def path(self) -> Path:
        return self.vault.path

    @classmethod
    def create(cls, path: Path, passphrase: str, kdf: KdfParams) -> tuple[DiaryStore, str]:
        database = Database()
        try:
            database.migrate()
            vault, recovery = Vault.create(path, passphrase, database.serialize(), kdf)
        except BaseException:
            database.close()
            raise
        database.committed_since_save = False
        return cls(vault, database), recovery

    @classmethod
    def open(
        cls, path: Path, *, passphrase: str | None = None, recovery_key: str | None = None
    ) -> DiaryStore:
        vault, image = Vault.open(path, passphrase=passphrase, recovery_key=recovery_key)
        database: Database | None = None
        try:
            database = Database(image)
            current, head = database.revision_state()
            today = dt.date.today()
            if not backups.has_daily_backup_for(path, today):
                try:
                    backups.make_backup(path, backups.DAILY)
                except OSError:
                    log.warning("daily backup could not be written")
            if current != head:
                try:
                    backups.make_backup(path, backups.BEFORE_CHANGE)  # a failure here stops the migration
                except OSError as exc:
                    raise FolderNotWritableError(str(exc), folder=str(backups.backup_dir(path))) from exc
                database.migrate()
                vault.save(database.serialize())
                database.committed_since_save = False
        except BaseException:
            if database is not None:
                database.close()
            vault.close()
            raise
        return cls(vault, database)

    def session(self) -> Session:
        return self.database.sessions()

    @property
    def has_unsaved_changes(self) -> bool:
        return self.database.committed_since_save

    # --- save state ---------------------------------------------------------------------------------------

    @property
    def save_state(self) -> SaveState:
        return self._save_state

    def subscribe(self, listener: Callable[[SaveState], None]) -> Callable[[], None]:
        """Call `listener` with every new save state (possibly from the saving thread); returns a function
        that unsubscribes."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _set_save_state(self, state: SaveState) -> None:
        if state == self._save_state:
            return
        self._save_state = state
        for listener in list(self._listeners):
            listener(state)

    def request_save(self) -> None:
        """A commit happened: make it durable. (Today this saves at once and raises SaveFailedError if that
        fails; the background saver makes it return at once and report through the save state.)"""
        self._set_save_state(SaveState(SaveStatus.PENDING))
        try:
            self.save()
        except SaveFailedError:
            if self.raise_on_failed_save:
                raise

    def flush(self) -> None:
        """Make every committed change durable now (lock, quit, Retry). Raises SaveFailedError if it can't."""
        self.save()

    def save(self) -> None:
        """Write committed changes to disk. Raises SaveFailedError and keeps them pending if it fails."""
        if not self.database.committed_since_save:
            if self._save_state.status is SaveStatus.PENDING:
                self._set_save_state(SAVED)
            return
        try:
            self.vault.save(self.database.serialize())
        except SaveFailedError as exc:
            self._set_save_state(SaveState(SaveStatus.FAILED, exc))
            raise
        self.database.committed_since_save = False
        self._set_save_state(SAVED)

    def save_copy(self, folder: Path, now: dt.datetime) -> Path:
        """An encrypted copy of everything committed, in `folder` (when the diary's own folder can't be
        written): it opens with the same passphrase. Raises SaveFailedError if that fails too."""
        target = folder / f"diary-copy-{now:%Y-%m-%d-%H%M%S}.vault"
        self.vault.write_copy(target, self.database.serialize())
        return target

    def change_passphrase(self, new_passphrase: str, kdf: KdfParams) -> None:
        self.vault.change_passphrase(new_passphrase, self.database.serialize(), kdf)
        self.database.committed_since_save = False

    def reset_recovery_key(self, kdf: KdfParams) -> str:
        shown = self.vault.reset_recovery_key(self.database.serialize(), kdf)
        self.database.committed_since_save = False
        return shown

    def verify_passphrase(self, passphrase: str) -> bool:
        return self.vault.verify_passphrase(passphrase)

    def close(self) -> None:
        """Drop the data from memory and release the lock. Save first; this does not."""
        self.database.close()
        self.vault.close()


__all__ = ["CompanionError", "DiaryStore"]
