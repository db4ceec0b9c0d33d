"""Key rotation: after a passphrase change or a recovery-key reset, the old secret with an old copy (a backup)
cannot read what is written afterwards; the backups can be re-encrypted under the new key, each atomically."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from companion.domain.errors import WrongPassphraseError, WrongRecoveryKeyError
from companion.services.clock import SYSTEM_CLOCK
from companion.services.session import DiarySession
from companion.storage import backups, rekey
from companion.storage import vault_format as fmt
from companion.storage.kdf import KdfParams
from companion.storage.recovery_key import format_key
from companion.storage.vault import Vault, unlock_blob
from tests.helpers.format1 import seal_format1

OLD = "hen gyfrinair ar y bryn ŵ"
NEW = "cyfrinair newydd yn y dyffryn ŷ"
SECRET_ENTRY = "written after the change: Llanfair 🌧️"


def _notes(image: bytes) -> list[str]:
    db = sqlite3.connect(":memory:")
    db.deserialize(image)
    return [row[0] for row in db.execute("SELECT note FROM pain_entries")]


def _attack(old_copy: bytes, new_file: bytes, **old_secret: str) -> bytes | None:
    """What someone holding the old secret and an old copy tries: take the old data key out of the old copy,
    then decrypt the new file's body with it (HKDF with the new file's seed, the whole header as AAD)."""
    _header, old_key, _image = unlock_blob(old_copy, **old_secret)
    header = fmt.parse_header(new_file)
    body_key = HKDF(algorithm=hashes.SHA256(), length=32, salt=header.seed, info=b"companion/vault/body/v1").derive(
        old_key
    )
    try:
        return AESGCM(body_key).decrypt(header.body_nonce, new_file[header.length :], new_file[: header.length])
    except InvalidTag:
        return None


def test_old_passphrase_and_old_backup_cannot_read_an_entry_written_after_the_change(
    vault_path: Path, cheap_kdf: KdfParams
) -> None:
    session, recovery = DiarySession.create(vault_path, OLD, cheap_kdf)
    session.diary.record_pain(3, "before")
    backup = backups.make_backup(vault_path, backups.MANUAL, now=SYSTEM_CLOCK.now())
    assert backup is not None
    assert session.store.change_passphrase(NEW, cheap_kdf) is None  # the recovery key still works
    session.diary.record_pain(7, SECRET_ENTRY)
    session.close()
    old_copy, new_file = backup.read_bytes(), vault_path.read_bytes()

    assert _attack(old_copy, new_file, passphrase=OLD) is None
    with pytest.raises(WrongPassphraseError):
        unlock_blob(new_file, passphrase=OLD)
    assert SECRET_ENTRY in _notes(unlock_blob(new_file, passphrase=NEW)[2])
    assert SECRET_ENTRY in _notes(unlock_blob(new_file, recovery_key=recovery)[2])
    assert _notes(unlock_blob(old_copy, passphrase=OLD)[2]) == ["before"]  # the backup still opens as it was


def test_old_recovery_key_and_old_backup_cannot_read_after_a_reset(vault_path: Path, cheap_kdf: KdfParams) -> None:
    session, old_recovery = DiarySession.create(vault_path, OLD, cheap_kdf)
    backup = backups.make_backup(vault_path, backups.MANUAL, now=SYSTEM_CLOCK.now())
    assert backup is not None
    new_recovery = session.store.reset_recovery_key(OLD, cheap_kdf)
    session.diary.record_pain(7, SECRET_ENTRY)
    session.close()
    new_file = vault_path.read_bytes()
    assert _attack(backup.read_bytes(), new_file, recovery_key=old_recovery) is None
    with pytest.raises(WrongRecoveryKeyError):
        unlock_blob(new_file, recovery_key=old_recovery)
    assert SECRET_ENTRY in _notes(unlock_blob(new_file, recovery_key=new_recovery)[2])
    assert SECRET_ENTRY in _notes(unlock_blob(new_file, passphrase=OLD)[2])


def test_a_format1_diary_gets_a_new_recovery_key_when_opened_with_the_passphrase(
    vault_path: Path, cheap_kdf: KdfParams
) -> None:
    """A format-1 recovery slot can only be made again with the recovery key itself."""
    image = _fresh_image(vault_path, cheap_kdf)
    raw = os.urandom(20)
    vault_path.write_bytes(seal_format1(image, passphrase=OLD, recovery_raw=raw))
    vault, opened = Vault.open(vault_path, passphrase=OLD)
    try:
        shown = vault.change_passphrase(NEW, opened, cheap_kdf)
    finally:
        vault.close()
    assert shown is not None and shown != format_key(raw)
    assert unlock_blob(vault_path.read_bytes(), recovery_key=shown)[2] == image
    with pytest.raises(WrongRecoveryKeyError):
        unlock_blob(vault_path.read_bytes(), recovery_key=format_key(raw))

    raw = os.urandom(20)  # opened with its recovery key, the same key is kept
    vault_path.write_bytes(seal_format1(image, passphrase=OLD, recovery_raw=raw))
    vault, opened = Vault.open(vault_path, recovery_key=format_key(raw))
    try:
        assert vault.change_passphrase(NEW, opened, cheap_kdf) is None
    finally:
        vault.close()
    header, _key, reopened = unlock_blob(vault_path.read_bytes(), recovery_key=format_key(raw))
    assert (header.version, reopened) == (2, image)


def _fresh_image(vault_path: Path, kdf: KdfParams) -> bytes:
    session, _recovery = DiarySession.create(vault_path.parent / "seed" / "diary.vault", OLD, kdf)
    session.diary.record_pain(5, "format one entry")
    image = session.store.database.serialize()
    session.close()
    return image


def test_backups_are_reencrypted_each_atomically_and_failures_named(vault_path: Path, cheap_kdf: KdfParams) -> None:
    session, _recovery = DiarySession.create(vault_path, "oldest passphrase here ŵ", cheap_kdf)
    # made under a passphrase before OLD
    older = backups.make_backup(vault_path, backups.MANUAL, now=SYSTEM_CLOCK.now())
    session.store.change_passphrase(OLD, cheap_kdf)
    session.diary.record_pain(2, "in the backups")
    import datetime as dt

    made = [
        backups.make_backup(vault_path, kind, now=dt.datetime(2026, 1, day))
        for day, kind in ((2, "daily"), (3, "manual"))
    ]
    damaged = vault_path.parent / "backups" / "diary-20260104T000000-manual.vault"
    damaged.write_bytes(b"\x89CMP\r\n\x1a\nnot really")
    assert older is not None and all(made)
    before = {p: p.read_bytes() for p in (older, damaged)}
    session.store.change_passphrase(NEW, cheap_kdf)

    outcomes = rekey.reencrypt_backups(session.store.vault, old_passphrase=OLD)
    session.close()
    by_path = {o.path: o for o in outcomes}
    for path in made:
        assert path is not None and by_path[path].reencrypted
        assert _notes(unlock_blob(path.read_bytes(), passphrase=NEW)[2]) == ["in the backups"]
        with pytest.raises(WrongPassphraseError):
            unlock_blob(path.read_bytes(), passphrase=OLD)
    assert not by_path[older].reencrypted and by_path[older].reason == rekey.NOT_THE_OLD_SECRET
    assert not by_path[damaged].reencrypted and by_path[damaged].reason == rekey.DAMAGED
    assert all(path.read_bytes() == data for path, data in before.items())  # left exactly as they were
    assert not list((vault_path.parent / "backups").glob(".*.tmp"))
