"""An unlocked diary: the vault file and its in-memory database, made durable after every real commit."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from sqlalchemy.orm import Session

from companion.domain.errors import CompanionError, FolderNotWritableError, SaveFailedError
from companion.domain.save_state import SaveState
from companion.storage import backups
from companion.storage.database import Database
from companion.storage.kdf import KdfParams
from companion.storage.saver import Saver, SaveStats
from companion.storage.vault import Vault

log = logging.getLogger(__name__)


class DiaryStore:
    """The vault file and its in-memory database, with the one save state every screen shows.

    `background_saves`: a commit returns as soon as it is in memory and the durable save runs on the
    saver's thread (see companion.storage.saver); off, each commit saves before it returns and raises
    SaveFailedError if the disk refuses. Either way `flush()` saves synchronously and `close()` flushes.
    """

    def __init__(self, vault: Vault, database: Database, *, background_saves: bool = False) -> None:
        self.vault = vault
        self.database = database
        self._saver = Saver(self._snapshot, lambda: database.commits, self._write, background=background_saves)
        # Saves on the committing thread: the window reads failures from the save state (one banner, one
        # retry), so a commit never raises for it; the CLI and scripts keep the exception.
        self.raise_on_failed_save = True

    @property
    def path(self) -> Path:
        return self.vault.path

    def _snapshot(self) -> bytes:
        return self.database.serialize()  # a copy of the in-memory image: a memcpy, milliseconds

    def _write(self, image: bytes) -> None:
        self.vault.save(image)  # looked up each time: the vault is the one object that writes the file

    @classmethod
    def create(
        cls, path: Path, passphrase: str, kdf: KdfParams, *, background_saves: bool = False
    ) -> tuple[DiaryStore, str]:
        database = Database()
        try:
            database.migrate()
            vault, recovery = Vault.create(path, passphrase, database.serialize(), kdf)
        except BaseException:
            database.close()
            raise
        return cls(vault, database, background_saves=background_saves), recovery

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        now: dt.datetime,
        passphrase: str | None = None,
        recovery_key: str | None = None,
        background_saves: bool = False,
    ) -> DiaryStore:
        """Unlock the diary at `path`. `now` (the session's clock) dates the day's first backup."""
        vault, image = Vault.open(path, passphrase=passphrase, recovery_key=recovery_key)
        database: Database | None = None
        try:
            database = Database(image)
            current, head = database.revision_state()
            if not backups.has_daily_backup_for(path, now.date()):
                try:
                    backups.make_backup(path, backups.DAILY, now=now)
                except OSError:
                    log.warning("daily backup could not be written")
            if current != head:
                try:
                    backups.make_backup(path, backups.BEFORE_CHANGE, now=now)  # a failure stops the migration
                except OSError as exc:
                    raise FolderNotWritableError(str(exc), folder=str(backups.backup_dir(path))) from exc
                database.migrate()
                vault.save(database.serialize())
        except BaseException:
            if database is not None:
                database.close()
            vault.close()
            raise
        return cls(vault, database, background_saves=background_saves)

    def session(self) -> Session:
        return self.database.sessions()

    @property
    def write_lock(self) -> AbstractContextManager[bool]:
        """Held by each unit of work from enter to exit: no snapshot is taken meanwhile."""
        return self._saver.write_lock

    # --- save state ---------------------------------------------------------------------------------------

    @property
    def background_saves(self) -> bool:
        return self._saver.background

    @property
    def has_unsaved_changes(self) -> bool:
        """Something committed is not durable on disk yet (a save pending, in flight or failed)."""
        return self._saver.pending

    @property
    def save_state(self) -> SaveState:
        """SAVED means durable: every commit so far is on disk (`save_state.durable`)."""
        return self._saver.state

    @property
    def durable_commits(self) -> int:
        """Every commit up to this count (`database.commits`) is durable on disk."""
        return self._saver.durable_commits

    @property
    def save_stats(self) -> SaveStats:
        return self._saver.stats

    def subscribe(self, listener: Callable[[SaveState], None]) -> Callable[[], None]:
        """Call `listener` with every new save state; returns a function that unsubscribes.

        With background saves the outcome of a save is reported ON THE SAVER'S THREAD (PENDING comes on
        the committing thread, the outcome of `flush` on the flushing thread): a Qt listener must re-emit
        it as a signal for the GUI thread. A listener must return quickly and must not save or flush."""
        return self._saver.subscribe(listener)

    def request_save(self) -> None:
        """A commit happened (UnitOfWork.commit, write lock held): make it durable. Background saves:
        returns at once, the outcome arrives as a save state. Otherwise saves now and, unless
        `raise_on_failed_save` is off, raises SaveFailedError (or ChangedOnDiskError) if that fails; the
        commit stands in memory either way and the save state says FAILED, with the reason."""
        try:
            self._saver.request()
        except SaveFailedError:
            if self.raise_on_failed_save:
                raise

    def flush(self) -> None:
        """Make every committed change durable now (lock, quit, Retry, the CLI before it reports success),
        waiting for a save in flight. Raises SaveFailedError, state FAILED with the reason, if it can't."""
        self._saver.flush()

    def save_copy(self, folder: Path, now: dt.datetime) -> Path:
        """An encrypted copy of everything committed, in `folder` (when the diary's own folder can't be
        written): it opens with the same passphrase. Raises SaveFailedError if that fails too."""
        target = folder / f"diary-copy-{now:%Y-%m-%d-%H%M%S}.vault"
        with self.saves_held():  # a snapshot outside any transaction; the vault's keys read by one thread
            self.vault.write_copy(target, self.database.serialize())
        return target

    def change_passphrase(self, new_passphrase: str, kdf: KdfParams) -> str | None:
        """Re-key the diary under a new data key (see Vault.change_passphrase), in turn with other saves; a
        new recovery key to show, or None when the recovery key still works."""
        shown: list[str | None] = []
        self._saver.save_with(lambda image: shown.append(self.vault.change_passphrase(new_passphrase, image, kdf)))
        return shown[0]

    def reset_recovery_key(self, passphrase: str, kdf: KdfParams) -> str:
        shown: list[str] = []
        self._saver.save_with(lambda image: shown.append(self.vault.reset_recovery_key(passphrase, image, kdf)))
        return shown[0]

    @property
    def rollback_notice(self) -> str | None:
        """A translated, calm notice when this diary is older than the copy last opened on this computer."""
        if self.vault.rolled_back_from is None:
            return None
        from companion.i18n import _
        from companion.storage.rollback import ROLLBACK_NOTICE

        return _(ROLLBACK_NOTICE).format(saves=self.vault.save_counter, seen=self.vault.rolled_back_from)

    def verify_passphrase(self, passphrase: str) -> bool:
        return self.vault.verify_passphrase(passphrase)

    def saves_held(self) -> AbstractContextManager[None]:
        """No save starts while inside; flush first. For moving the vault file (relocation)."""
        return self._saver.held()

    def close(self) -> None:
        """Flush, then drop the data from memory (overwritten first, as far as Python allows:
        storage/wipe.py) and release the lock. If the flush fails this raises SaveFailedError and the diary
        stays open (nothing is lost); `discard()` closes without saving."""
        self.flush()
        self._drop()

    def discard(self) -> None:
        """Close WITHOUT saving: committed changes not yet on disk are lost. Only when the person chose to
        quit and lose their last changes after a failed save (or for a diary that is being thrown away)."""
        self._drop()

    def _drop(self) -> None:
        self._saver.stop()
        if not self.has_unsaved_changes:  # never wipe changes that are not on disk yet
            self.database.wipe()
        self.database.close()
        self.vault.close()


__all__ = ["CompanionError", "DiaryStore"]
