"""An unlocked vault file: holds the one-writer lock and the data key, saves images durably, and re-keys.

A passphrase change or a recovery-key reset makes a new random data key and re-encrypts the diary, so a copy
made before it (a backup) and the old secret can never read what is written after it (docs/security.md).
`save` is a pure, thread-safe call: bytes in, the file replaced durably.
"""

from __future__ import annotations

import errno
import os
import threading
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
from companion.storage import key_slots as ks
from companion.storage import rollback
from companion.storage import vault_format as fmt
from companion.storage.atomic import atomic_write, private_folder, remove_stale_temps, remove_stale_temps_in
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


def unlock_blob(
    blob: bytes, *, passphrase: str | None = None, recovery_key: str | None = None
) -> tuple[fmt.Header, bytes, bytes]:
    """Parse, unwrap and decrypt a vault held in memory: (header, data key, plaintext image).

    Every cheap check (structure, digest, read bounds, file length, the recovery key's shape) runs before
    the one Argon2id derivation."""
    header = fmt.parse_header(blob)
    fmt.require_whole(blob, header)
    slot, secret, wrong = _slot_and_secret(header, passphrase, recovery_key)
    data_key = ks.unwrap_slot(slot, secret, header.vault_id)
    if data_key is None:
        raise wrong()
    return header, data_key, fmt.open_body(blob, header, data_key)


def _slot_and_secret(
    header: fmt.Header, passphrase: str | None, recovery_key: str | None
) -> tuple[ks.KeySlot, bytes, type[VaultError]]:
    wrong: type[VaultError]
    if recovery_key is not None:
        slot, secret, wrong = header.recovery_slot(), parse_key(recovery_key), WrongRecoveryKeyError
    else:
        slot, secret, wrong = header.slot(fmt.SLOT_PASSPHRASE), passphrase_bytes(passphrase or ""), WrongPassphraseError
    if slot is None:
        raise DamagedVaultError()
    return slot, secret, wrong


class Vault:
    """One open vault. Create with `Vault.create` or `Vault.open`; always `close()`."""

    def __init__(
        self, path: Path, lock: VaultLock, header: fmt.Header, data_key: bytes, recovery_secret: bytes | None = None
    ) -> None:
        self.path = path
        self._lock = lock
        self._vault_id = header.vault_id
        # Slots of kinds this version does not know are carried on a save (the data key is unchanged), but a
        # format-1 file's unknown slots cannot be (their reserved bytes would be read as a length).
        self._slots = tuple(s for s in header.slots if s.kind in ks.KNOWN_KINDS or s.word is None)
        self._counter = header.counter
        self._seed_on_disk = header.seed
        self._header_len = header.length
        self._data_key = bytearray(data_key)
        self._recovery_secret = bytearray(recovery_secret) if recovery_secret is not None else None
        self._mutex = threading.RLock()  # a background save and a re-key never interleave
        self.rolled_back_from: int | None = None  # the higher save counter this computer saw, if any

    # --- opening --------------------------------------------------------------------------------------

    @classmethod
    def create(cls, path: Path, passphrase: str, image: bytes, kdf: KdfParams) -> tuple[Vault, str]:
        """Write a new vault holding `image`; returns it open, and the recovery key to show once."""
        try:
            private_folder(path.parent)
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
                ks.make_passphrase_slot(passphrase_bytes(passphrase), data_key, kdf, vault_id),
                ks.make_recovery_slot(raw_recovery, data_key, kdf, vault_id),
            )
            blob = fmt.seal(data_key=data_key, vault_id=vault_id, slots=slots, image=image, counter=1)
            try:
                atomic_write(path, blob)
            except OSError as exc:
                raise CreateFailedError(str(exc), folder=str(path.parent), reason=save_failure_reason(exc)) from exc
            vault = cls(path, lock, fmt.parse_header(blob), data_key)
            rollback.remember(vault_id, 1)
        except BaseException:
            lock.release()
            raise
        return vault, shown_recovery

    @classmethod
    def open(cls, path: Path, *, passphrase: str | None = None, recovery_key: str | None = None) -> tuple[Vault, bytes]:
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
        vault = cls(path, lock, header, data_key, parse_key(recovery_key) if recovery_key is not None else None)
        vault.rolled_back_from = rollback.remember(header.vault_id, header.counter)
        return vault, image

    # --- saving ---------------------------------------------------------------------------------------

    def save(self, image: bytes) -> None:
        """Encrypt `image` with a fresh seed and replace the file durably. Safe to call from any thread.

        Raises SaveFailedError when the disk refuses (old file intact) and ChangedOnDiskError when
        another program replaced the file since we last read or wrote it.
        """
        with self._mutex:
            self._check_unchanged_on_disk()
            blob = self._seal(image, self._counter + 1)
            _write(self.path, blob)
            self._counter += 1
            header = fmt.parse_header(blob)
            self._seed_on_disk, self._header_len = header.seed, header.length

    def _seal(self, image: bytes, counter: int) -> bytes:
        return fmt.seal(
            data_key=bytes(self._data_key), vault_id=self._vault_id, slots=self._slots, image=image, counter=counter
        )

    def write_copy(self, target: Path, image: bytes) -> None:
        """Write an encrypted copy of `image` to `target` (a new file; the diary's own file is not touched):
        the same keys open it. For saving elsewhere when the diary's folder can't be written."""
        with self._mutex:
            blob = self._seal(image, self._counter + 1)
        _write(target, blob)

    def _check_unchanged_on_disk(self) -> None:
        try:
            with self.path.open("rb") as fh:
                head = fh.read(self._header_len)
        except FileNotFoundError:
            raise ChangedOnDiskError() from None
        except OSError as exc:
            raise SaveFailedError(reason=save_failure_reason(exc)) from exc
        try:
            header = fmt.parse_header(head)
        except (VaultError, ValueError):
            raise ChangedOnDiskError() from None
        if header.seed != self._seed_on_disk:
            raise ChangedOnDiskError()

    # --- re-keying ------------------------------------------------------------------------------------

    def change_passphrase(self, new_passphrase: str, image: bytes, kdf: KdfParams) -> str | None:
        """A new data key, a new passphrase slot, the recovery slot sealed to the new key; the diary
        re-encrypted and saved atomically. Returns a new recovery key to show when the old one could not be
        kept (a format-1 recovery slot, opened with the passphrase), else None: the recovery key still works."""
        with self._mutex:
            new_key = os.urandom(32)
            slot = ks.make_passphrase_slot(passphrase_bytes(new_passphrase), new_key, kdf, self._vault_id)
            recovery, shown = self._recovery_slot_for(new_key, kdf)
            self._rekey(new_key, (slot, recovery), image)
            return shown

    def reset_recovery_key(self, passphrase: str, image: bytes, kdf: KdfParams) -> str:
        """A new data key and a new recovery key (the old key stops working, even with older copies of
        this file for what is written from now on); the passphrase is re-wrapped. Returns the key to show."""
        with self._mutex:
            if not self.verify_passphrase(passphrase):
                raise WrongPassphraseError()
            new_key = os.urandom(32)
            raw, shown = new_recovery_key()
            slots = (
                ks.make_passphrase_slot(passphrase_bytes(passphrase), new_key, kdf, self._vault_id),
                ks.make_recovery_slot(raw, new_key, kdf, self._vault_id),
            )
            self._rekey(new_key, slots, image)
            return shown

    def _recovery_slot_for(self, new_key: bytes, kdf: KdfParams) -> tuple[ks.KeySlot, str | None]:
        current = next((s for s in self._slots if s.kind in (ks.SLOT_RECOVERY, ks.SLOT_RECOVERY_V1)), None)
        if current is not None and current.kind == ks.SLOT_RECOVERY:
            return ks.reseal_recovery(current, new_key, self._vault_id), None
        if self._recovery_secret is not None:  # opened with the (format-1) recovery key: keep that key
            return ks.make_recovery_slot(bytes(self._recovery_secret), new_key, kdf, self._vault_id), None
        raw, shown = new_recovery_key()
        return ks.make_recovery_slot(raw, new_key, kdf, self._vault_id), shown

    def _rekey(self, new_key: bytes, slots: tuple[ks.KeySlot, ...], image: bytes) -> None:
        old_key, old_slots = self._data_key, self._slots
        self._data_key, self._slots = bytearray(new_key), slots
        try:
            self.save(image)
        except BaseException:
            wipe(self._data_key)
            self._data_key, self._slots = old_key, old_slots
            raise
        wipe(old_key)

    def reseal_copy(self, image: bytes, counter: int) -> bytes:
        """A whole file holding `image` under this diary's current key and slots (to re-encrypt a backup)."""
        with self._mutex:
            return self._seal(image, counter)

    def verify_passphrase(self, passphrase: str) -> bool:
        slot = next((s for s in self._slots if s.kind == ks.SLOT_PASSPHRASE), None)
        return slot is not None and ks.unwrap_slot(slot, passphrase_bytes(passphrase), self._vault_id) is not None

    def recovery_key_text(self) -> str | None:
        """The recovery key this vault was opened with (to re-encrypt backups after a forgotten passphrase)."""
        from companion.storage.recovery_key import format_key

        return format_key(bytes(self._recovery_secret)) if self._recovery_secret is not None else None

    @property
    def vault_id(self) -> bytes:
        return self._vault_id

    @property
    def slots(self) -> tuple[ks.KeySlot, ...]:
        return self._slots

    def relocate(self, new_path: Path, new_lock: VaultLock) -> None:
        """After a verified copy to `new_path` (whose lock the caller holds), continue from there."""
        old_lock, self._lock = self._lock, new_lock
        self.path = new_path
        old_lock.release()

    @property
    def save_counter(self) -> int:
        return self._counter

    def close(self) -> None:
        """Overwrite the keys this object holds and release the lock."""
        with self._mutex:
            rollback.remember(self._vault_id, self._counter)
            wipe(self._data_key)
            if self._recovery_secret is not None:
                wipe(self._recovery_secret)
            self._lock.release()


def wipe(buffer: bytearray) -> None:
    """Overwrite a buffer Companion owns with zeros (immutable copies made by libraries cannot be)."""
    buffer[:] = bytes(len(buffer))


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
