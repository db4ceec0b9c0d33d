"""An unlocked vault file: holds the one-writer lock and the data key, and saves images durably.

The data key is random and never changes on a passphrase change; key slots wrap it (see vault_format).
"""

from __future__ import annotations

import errno
import os
import unicodedata
from pathlib import Path

from companion.domain.errors import (
    ChangedOnDiskError,
    CreateFailedError,
    DamagedVaultError,
    FolderNotWritableError,
    NotAVaultError,
    SaveFailedError,
    VaultError,
    VaultExistsError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
    save_failure_reason,
)
from companion.storage import vault_format as fmt
from companion.storage.atomic import atomic_write, remove_stale_temps, remove_stale_temps_in
from companion.storage.kdf import KdfParams
from companion.storage.lockfile import VaultLock
from companion.storage.recovery_key import new_recovery_key, parse_key

VAULT_FILENAME = "diary.vault"


def passphrase_bytes(passphrase: str) -> bytes:
    """NFC-normalise so the same passphrase typed on another keyboard layout gives the same bytes."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def read_file(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise NotAVaultError(name=path.name) from None
    except IsADirectoryError:
        raise NotAVaultError(name=path.name) from None


def unlock_blob(blob: bytes, *, passphrase: str | None = None, recovery_key: str | None = None) -> tuple[
    fmt.Header, bytes, bytes
]:
    """Parse, unwrap and decrypt a vault held in memory: (header, data key, plaintext image)."""
    header = fmt.parse_header(blob)
    wrong: type[VaultError]
    if recovery_key is not None:
        slot, secret, wrong = header.slot(fmt.SLOT_RECOVERY), parse_key(recovery_key), WrongRecoveryKeyError
    else:
        slot, secret, wrong = header.slot(fmt.SLOT_PASSPHRASE), passphrase_bytes(passphrase or ""), WrongPassphraseError
    if slot is None:
        raise DamagedVaultError()
    data_key = fmt.unwrap_slot(slot, secret, header.vault_id)
    if data_key is None:
        raise wrong()
    return header, data_key, fmt.open_body(blob, header, data_key)


class Vault:
    """One open vault. Create with `Vault.create` or `Vault.open`; always `close()`."""

    def __init__(self, path: Path, lock: VaultLock, header: fmt.Header, data_key: bytes) -> None:
        self.path = path
        self._lock = lock
        self._vault_id = header.vault_id
        self._slots = header.slots
        self._counter = header.counter
        self._seed_on_disk = header.seed
        self._data_key = data_key

    # --- opening --------------------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, passphrase: str, image: bytes, kdf: KdfParams) -> tuple[Vault, str]:
        """Write a new vault holding `image`; returns it open, and the recovery key to show once."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise FolderNotWritableError(str(exc), folder=str(path.parent)) from exc
        lock = VaultLock(path)
        lock.acquire()
        try:
            if path.exists():
                raise VaultExistsError()
            _clean_up_after_crashes(path)
            data_key = os.urandom(32)
            vault_id = os.urandom(16)
            raw_recovery, shown_recovery = new_recovery_key()
            slots = (
                fmt.make_slot(fmt.SLOT_PASSPHRASE, passphrase_bytes(passphrase), data_key, kdf, vault_id),
                fmt.make_slot(fmt.SLOT_RECOVERY, raw_recovery, data_key, kdf, vault_id),
            )
            blob = fmt.seal(data_key=data_key, vault_id=vault_id, slots=slots, image=image, counter=1)
            try:
                atomic_write(path, blob)
            except OSError as exc:
                raise CreateFailedError(
                    str(exc), folder=str(path.parent), reason=save_failure_reason(exc)
                ) from exc
            vault = cls(path, lock, fmt.parse_header(blob), data_key)
        except BaseException:
            lock.release()
            raise
        return vault, shown_recovery

    @classmethod
    def open(
        cls, path: Path, *, passphrase: str | None = None, recovery_key: str | None = None
    ) -> tuple[Vault, bytes]:
        """Unlock the vault at `path`; returns it with its plaintext SQLite image."""
        lock = VaultLock(path)
        lock.acquire()
        try:
            _clean_up_after_crashes(path)
            blob = read_file(path)
            header, data_key, image = unlock_blob(blob, passphrase=passphrase, recovery_key=recovery_key)
        except BaseException:
            lock.release()
            raise
        return cls(path, lock, header, data_key), image

    # --- saving ---------------------------------------------------------------------------------------

    def save(self, image: bytes) -> None:
        """Encrypt `image` with a fresh seed and replace the file durably.

        Raises SaveFailedError when the disk refuses (old file intact) and ChangedOnDiskError when
        another program replaced the file since we last read or wrote it.
        """
        self._check_unchanged_on_disk()
        blob = fmt.seal(
            data_key=self._data_key,
            vault_id=self._vault_id,
            slots=self._slots,
            image=image,
            counter=self._counter + 1,
        )
        _write(self.path, blob)
        self._counter += 1
        self._seed_on_disk = fmt.parse_header(blob).seed

    def write_copy(self, target: Path, image: bytes) -> None:
        """Write an encrypted copy of `image` to `target` (a new file; the diary's own file is not touched):
        the same keys open it. For saving elsewhere when the diary's folder can't be written."""
        blob = fmt.seal(
            data_key=self._data_key,
            vault_id=self._vault_id,
            slots=self._slots,
            image=image,
            counter=self._counter + 1,
        )
        _write(target, blob)

    def _check_unchanged_on_disk(self) -> None:
        try:
            with self.path.open("rb") as fh:
                head = fh.read(fmt.header_length(len(self._slots)))
        except FileNotFoundError:
            raise ChangedOnDiskError() from None
        except OSError as exc:
            raise SaveFailedError(reason=save_failure_reason(exc)) from exc
        try:
            header = fmt.parse_header(head)
        except (DamagedVaultError, NotAVaultError):
            raise ChangedOnDiskError() from None
        if header.seed != self._seed_on_disk:
            raise ChangedOnDiskError()

    def change_passphrase(self, new_passphrase: str, image: bytes, kdf: KdfParams) -> None:
        """Re-wrap the data key under a new passphrase (the recovery key keeps working), then save."""
        new_slot = fmt.make_slot(
            fmt.SLOT_PASSPHRASE, passphrase_bytes(new_passphrase), self._data_key, kdf, self._vault_id
        )
        old_slots = self._slots
        self._slots = tuple(new_slot if s.kind == fmt.SLOT_PASSPHRASE else s for s in old_slots)
        try:
            self.save(image)
        except BaseException:
            self._slots = old_slots
            raise

    def verify_passphrase(self, passphrase: str) -> bool:
        slot = next(s for s in self._slots if s.kind == fmt.SLOT_PASSPHRASE)
        return fmt.unwrap_slot(slot, passphrase_bytes(passphrase), self._vault_id) is not None

    def reset_recovery_key(self, image: bytes, kdf: KdfParams) -> str:
        """Replace the recovery slot with a new key (the old key stops working) and save."""
        raw, shown = new_recovery_key()
        new_slot = fmt.make_slot(fmt.SLOT_RECOVERY, raw, self._data_key, kdf, self._vault_id)
        old_slots = self._slots
        self._slots = tuple(new_slot if s.kind == fmt.SLOT_RECOVERY else s for s in old_slots)
        try:
            self.save(image)
        except BaseException:
            self._slots = old_slots
            raise
        return shown

    def relocate(self, new_path: Path, new_lock: VaultLock) -> None:
        """After a verified copy to `new_path` (whose lock the caller holds), continue from there."""
        old_lock, self._lock = self._lock, new_lock
        self.path = new_path
        old_lock.release()

    @property
    def save_counter(self) -> int:
        return self._counter

    def close(self) -> None:
        self._data_key = b""
        self._lock.release()


def _clean_up_after_crashes(path: Path) -> None:
    """With the lock held: remove temp files a crash left beside the vault and in its backups folder;
    settings temp files only when a minute old, as another window on the lock screen may be writing one."""
    remove_stale_temps(path)
    remove_stale_temps_in(path.parent / "backups")
    remove_stale_temps_in(path.parent, older_than_seconds=60)


def _write(path: Path, blob: bytes) -> None:
    try:
        atomic_write(path, blob)
    except OSError as exc:
        if exc.errno == errno.EEXIST:
            raise
        raise SaveFailedError(reason=save_failure_reason(exc)) from exc
