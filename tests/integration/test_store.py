"""The store on real files: what reaches the disk, when, and in what form."""

from __future__ import annotations

import datetime as dt
import sqlite3
import unicodedata
import uuid
import zlib
from pathlib import Path

import pytest
from sqlalchemy import text

from companion.domain.checkin import Checkin
from companion.domain.errors import FolderNotWritableError, ValidationError, WrongPassphraseError, WrongRecoveryKeyError
from companion.services.clock import SYSTEM_CLOCK
from companion.services.session import DiarySession
from companion.storage import backups
from companion.storage.kdf import KdfParams
from companion.storage.repositories import CheckinRepository
from companion.storage.store import DiaryStore
from companion.storage.unit_of_work import UnitOfWork
from companion.storage.vault import Vault
from tests.conftest import HEAD_REVISION

PASSPHRASE = "tri gair a mwy o eiriau"
HEADER_LEN = 368  # format 2: a passphrase slot (92 bytes) and a sealed recovery slot (156 bytes)
COUNTER_AT, SEED_AT = 320, 276


def _entry(note: str) -> Checkin:
    return Checkin(id=str(uuid.uuid4()), recorded_at=dt.datetime.now(dt.UTC), pain=5, note=note)


def _notes_on_disk(path: Path, **secret: str) -> list[str]:
    store = DiaryStore.open(path, now=SYSTEM_CLOCK.now(), **secret)
    try:
        with store.session() as session:
            return [row[0] for row in session.execute(text("SELECT note FROM pain_entries ORDER BY note"))]
    finally:
        store.close()


@pytest.fixture
def store(vault_path: Path, cheap_kdf: KdfParams) -> DiaryStore:
    created, _ = DiaryStore.create(vault_path, PASSPHRASE, cheap_kdf)
    return created


# --- saving only after a real commit ---------------------------------------------------------------------------


def test_flushed_but_uncommitted_change_never_reaches_disk(store: DiaryStore, vault_path: Path) -> None:
    before = vault_path.read_bytes()
    with UnitOfWork(store) as uow:
        uow.checkins.add(_entry("flushed, never committed"), dt.datetime(2026, 1, 1))
        assert uow.session is not None
        uow.session.flush()
        assert uow.checkins.count() == 1  # it is in the open transaction...
        assert not store.has_unsaved_changes  # ...but nothing was committed
        store.flush()  # an explicit save now has nothing to write
        assert vault_path.read_bytes() == before
    # leaving the unit of work without commit rolls back
    store.flush()
    assert vault_path.read_bytes() == before
    store.close()
    assert _notes_on_disk(vault_path, passphrase=PASSPHRASE) == []


def test_rolled_back_change_is_not_saved_with_a_later_commit(store: DiaryStore, vault_path: Path) -> None:
    session = store.session()
    CheckinRepository(session).add(_entry("rolled back"), dt.datetime(2026, 1, 1))
    session.flush()
    session.rollback()
    session.close()
    assert not store.has_unsaved_changes

    with UnitOfWork(store) as uow:
        uow.checkins.add(_entry("committed"), dt.datetime(2026, 1, 1))
        uow.commit()
    assert not store.has_unsaved_changes  # commit saved at once
    store.close()
    assert _notes_on_disk(vault_path, passphrase=PASSPHRASE) == ["committed"]


def test_commit_saves_at_once_with_a_new_counter(store: DiaryStore, vault_path: Path) -> None:
    first = vault_path.read_bytes()
    assert int.from_bytes(first[COUNTER_AT : COUNTER_AT + 8], "big") == 1
    with UnitOfWork(store) as uow:
        uow.checkins.add(_entry("saved straight away"), dt.datetime(2026, 1, 1))
        uow.commit()
    second = vault_path.read_bytes()
    assert int.from_bytes(second[COUNTER_AT : COUNTER_AT + 8], "big") == 2
    assert second[SEED_AT : SEED_AT + 32] != first[SEED_AT : SEED_AT + 32]  # fresh seed
    # the file on disk already has it: read it without closing the store (another DiaryStore would be locked)
    from companion.storage.vault import unlock_blob

    image = unlock_blob(second, passphrase=PASSPHRASE)[2]
    conn = sqlite3.connect(":memory:")
    conn.deserialize(image)
    assert conn.execute("SELECT note FROM pain_entries").fetchall() == [("saved straight away",)]
    store.close()


def test_invalid_entry_changes_nothing(vault_path: Path, cheap_kdf: KdfParams) -> None:
    session, _ = DiarySession.create(vault_path, PASSPHRASE, cheap_kdf)
    before = vault_path.read_bytes()
    with pytest.raises(ValidationError):
        session.diary.record_pain(11, "off the scale")
    assert vault_path.read_bytes() == before
    assert not session.has_unsaved_changes
    assert session.diary.entry_count() == 0
    session.close()


def test_save_without_changes_does_not_touch_the_file(store: DiaryStore, vault_path: Path) -> None:
    before = vault_path.read_bytes()
    stat_before = vault_path.stat()
    store.flush()
    assert vault_path.read_bytes() == before
    assert vault_path.stat().st_ino == stat_before.st_ino  # not even replaced
    store.close()


# --- migration at open ---------------------------------------------------------------------------------------


def _pre_0001_image() -> bytes:
    """A database as it was before the first schema revision: Alembic's table, no revision applied yet."""
    conn = sqlite3.connect(":memory:")
    conn.execute(
        "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
        "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
    )
    conn.commit()
    image = conn.serialize()
    conn.close()
    return image


def _make_old_vault(vault_path: Path, cheap_kdf: KdfParams) -> None:
    vault, _ = Vault.create(vault_path, PASSPHRASE, _pre_0001_image(), cheap_kdf)
    vault.close()


def test_migration_at_open_takes_a_before_change_backup_first(vault_path: Path, cheap_kdf: KdfParams) -> None:
    _make_old_vault(vault_path, cheap_kdf)
    old_bytes = vault_path.read_bytes()

    store = DiaryStore.open(vault_path, now=SYSTEM_CLOCK.now(), passphrase=PASSPHRASE)
    try:
        current, head = store.database.revision_state()
        assert current == head == HEAD_REVISION
        with store.session() as session:
            assert session.execute(text("SELECT count(*) FROM pain_entries")).scalar() == 0
        assert not store.has_unsaved_changes  # the migrated database was saved at open
    finally:
        store.close()

    migrated = vault_path.read_bytes()
    assert migrated != old_bytes
    assert int.from_bytes(migrated[COUNTER_AT : COUNTER_AT + 8], "big") == 2
    before_change = [b for b in backups.list_backups(vault_path) if b.kind == backups.BEFORE_CHANGE]
    assert len(before_change) == 1
    assert before_change[0].path.read_bytes() == old_bytes  # a copy of the file before the migration
    old_image = backups.check_backup(before_change[0].path, passphrase=PASSPHRASE)
    conn = sqlite3.connect(":memory:")
    conn.deserialize(old_image)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"alembic_version"}

    # opening the migrated vault again does not migrate or back up "before change" again
    DiaryStore.open(vault_path, now=SYSTEM_CLOCK.now(), passphrase=PASSPHRASE).close()
    assert vault_path.read_bytes() == migrated
    assert len([b for b in backups.list_backups(vault_path) if b.kind == backups.BEFORE_CHANGE]) == 1


def test_migration_does_not_happen_without_its_backup(vault_path: Path, cheap_kdf: KdfParams) -> None:
    _make_old_vault(vault_path, cheap_kdf)
    old_bytes = vault_path.read_bytes()
    backups.backup_dir(vault_path).write_bytes(b"a file where the backups folder should be")
    with pytest.raises(FolderNotWritableError) as caught:
        DiaryStore.open(vault_path, now=SYSTEM_CLOCK.now(), passphrase=PASSPHRASE)
    assert "backups" in caught.value.message()
    assert vault_path.read_bytes() == old_bytes  # not migrated
    backups.backup_dir(vault_path).unlink()
    # the lock was released; now it migrates
    DiaryStore.open(vault_path, now=SYSTEM_CLOCK.now(), passphrase=PASSPHRASE).close()
    assert vault_path.read_bytes() != old_bytes


# --- stale temp files ------------------------------------------------------------------------------------------


def test_stale_temp_files_are_removed_on_open(vault_path: Path, cheap_kdf: KdfParams) -> None:
    DiaryStore.create(vault_path, PASSPHRASE, cheap_kdf)[0].close()
    folder = vault_path.parent
    stale = [folder / ".diary.vault.0123456789ab.tmp", folder / ".diary.vault.ffffffffffff.tmp"]
    for item in stale:
        item.write_bytes(b"half a vault from a crash")
    unrelated = [folder / "shopping.tmp", folder / ".other.vault.0123456789ab.tmp", folder / "notes.txt"]
    for item in unrelated:
        item.write_bytes(b"not ours")
    DiaryStore.open(vault_path, now=SYSTEM_CLOCK.now(), passphrase=PASSPHRASE).close()
    assert not any(item.exists() for item in stale)
    assert all(item.exists() for item in unrelated)


def test_stale_temp_files_are_removed_on_create(vault_path: Path, cheap_kdf: KdfParams) -> None:
    stale = vault_path.parent / ".diary.vault.0123456789ab.tmp"
    stale.write_bytes(b"left by a crash during an earlier create")
    DiaryStore.create(vault_path, PASSPHRASE, cheap_kdf)[0].close()
    assert not stale.exists()


# --- passphrase and recovery key ---------------------------------------------------------------------------------


def test_passphrase_change_keeps_recovery_key_and_retires_old_passphrase(
    vault_path: Path, cheap_kdf: KdfParams
) -> None:
    session, recovery = DiarySession.create(vault_path, PASSPHRASE, cheap_kdf)
    session.diary.record_pain(4, "before the change")
    new = "cennin pedr ym mis mawrth ŵ"
    before = vault_path.read_bytes()
    assert session.change_passphrase("not the passphrase", new, cheap_kdf) is False
    assert vault_path.read_bytes() == before
    assert session.change_passphrase(PASSPHRASE, new, cheap_kdf) is True
    after = vault_path.read_bytes()
    assert after[28:120] != before[28:120]  # the passphrase slot was replaced
    assert after[120:124] == before[120:124] == bytes.fromhex("03010040")  # still a sealed recovery slot
    assert after[212:244] == before[212:244]  # sealed to the same recovery key (its public key)...
    assert after[244:276] != before[244:276]  # ...afresh, for the new data key
    session.close()

    with pytest.raises(WrongPassphraseError):
        DiaryStore.open(vault_path, now=SYSTEM_CLOCK.now(), passphrase=PASSPHRASE)
    assert _notes_on_disk(vault_path, passphrase=new) == ["before the change"]
    assert _notes_on_disk(vault_path, passphrase=unicodedata.normalize("NFD", new)) == ["before the change"]
    assert _notes_on_disk(vault_path, recovery_key=recovery) == ["before the change"]


def test_recovery_key_reset_retires_old_key(vault_path: Path, cheap_kdf: KdfParams) -> None:
    store, old_recovery = DiaryStore.create(vault_path, PASSPHRASE, cheap_kdf)
    with pytest.raises(WrongPassphraseError):
        store.reset_recovery_key("not the passphrase", cheap_kdf)
    new_recovery = store.reset_recovery_key(PASSPHRASE, cheap_kdf)
    assert new_recovery != old_recovery
    store.close()
    with pytest.raises(WrongRecoveryKeyError):
        DiaryStore.open(vault_path, now=SYSTEM_CLOCK.now(), recovery_key=old_recovery)
    assert _notes_on_disk(vault_path, recovery_key=new_recovery) == []
    assert _notes_on_disk(vault_path, passphrase=PASSPHRASE) == []


# --- nothing plain on disk ----------------------------------------------------------------------------------------


def test_temp_store_is_memory_and_foreign_keys_on(store: DiaryStore, vault_path: Path) -> None:
    def pragmas(s: DiaryStore) -> tuple[int, int]:
        with s.session() as session:
            temp_store = session.execute(text("PRAGMA temp_store")).scalar()
            foreign_keys = session.execute(text("PRAGMA foreign_keys")).scalar()
        return int(temp_store or 0), int(foreign_keys or 0)

    assert pragmas(store) == (2, 1)  # 2 = MEMORY
    store.close()
    reopened = DiaryStore.open(vault_path, now=SYSTEM_CLOCK.now(), passphrase=PASSPHRASE)  # also after loading an image
    try:
        assert pragmas(reopened) == (2, 1)
    finally:
        reopened.close()


def test_vault_and_backups_never_contain_the_note(vault_path: Path, cheap_kdf: KdfParams) -> None:
    marker = "CyfrinachGwenllian ŵ ŷ 🔒 " * 20  # long and repetitive: compresses well, must still be hidden
    session, _ = DiarySession.create(vault_path, PASSPHRASE, cheap_kdf)
    session.diary.record_pain(6, marker)
    session.close()
    session = DiarySession.open(vault_path, passphrase=PASSPHRASE)  # makes today's backup
    session.diary.record_pain(2, "ail gofnod " + marker)
    session.close()

    folder = vault_path.parent
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    names = {p.relative_to(folder).as_posix() for p in files}
    assert "diary.vault" in names and any(n.startswith("backups/diary-") for n in names)
    assert names <= {"diary.vault", "diary.vault.lock"} | {n for n in names if n.startswith("backups/diary-")}
    needles = [
        marker.encode("utf-8"),
        b"CyfrinachGwenllian",
        "ŵ ŷ".encode(),
        "🔒".encode(),
        marker.encode("utf-16-le"),
        b"pain_entries",
        b"SQLite format 3",
    ]
    for path in files:
        data = path.read_bytes()
        for needle in needles:
            assert needle not in data, f"{needle!r} found in {path.name}"
    # compressed then encrypted: the body looks random, so it does not compress further
    body = vault_path.read_bytes()[HEADER_LEN:]
    assert vault_path.read_bytes()[10] == 2  # zstd encoding
    assert len(zlib.compress(body, 9)) > len(body) * 0.98
    assert _notes_on_disk(vault_path, passphrase=PASSPHRASE) == sorted([marker.strip(), "ail gofnod " + marker.strip()])


def test_a_0_1_diary_is_migrated_to_check_ins_with_its_entries_kept(vault_path: Path, cheap_kdf: KdfParams) -> None:
    """A diary saved by 0.1 (schema 0001: score required) opens as check-ins, after a backup."""
    from companion.storage import backups
    from companion.storage.database import Database

    old = Database()
    old.migrate("0001")
    with old.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO pain_entries (id, recorded_at_utc, utc_offset_minutes, score, note, created_at_utc,"
                " updated_at_utc) VALUES ('old-1', '2026-11-01 09:00:00', 0, 6, 'from 0.1 ŵ', '2026-11-01 09:00:00',"
                " '2026-11-01 09:00:00')"
            )
        )
    vault, _ = Vault.create(vault_path, PASSPHRASE, old.serialize(), cheap_kdf)
    vault.close()
    old.close()
    old_bytes = vault_path.read_bytes()

    from companion.services.session import DiarySession

    session = DiarySession.open(vault_path, passphrase=PASSPHRASE)
    try:
        (entry,) = session.diary.all_entries()
        assert (entry.id, entry.pain, entry.note) == ("old-1", 6, "from 0.1 ŵ")
        assert entry.mood is None and entry.regions == () and entry.tags == ()
        assert session.store.database.revision_state() == (HEAD_REVISION, HEAD_REVISION)
    finally:
        session.close()
    before_change = [b for b in backups.list_backups(vault_path) if b.kind == backups.BEFORE_CHANGE]
    assert len(before_change) == 1 and before_change[0].path.read_bytes() == old_bytes
