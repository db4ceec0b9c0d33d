"""Every vault error, proved with real files on disk that were made by the app and then damaged.

Offsets follow docs/vault-format.md: a two-slot vault has a 304-byte header (prefix 0-27, slot 0 28-119,
slot 1 120-211, seed 212-243, body nonce 244-255, counter 256-263, body length 264-271, digest 272-303).
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from companion import i18n
from companion.domain import errors
from companion.domain.errors import (
    ChangedOnDiskError,
    CompanionError,
    DamagedVaultError,
    NewerVersionError,
    NotAVaultError,
    SaveFailedError,
    VaultExistsError,
    VaultLockedByOtherError,
    WrongPassphraseError,
    WrongRecoveryKeyError,
)
from companion.services.clock import SYSTEM_CLOCK
from companion.services.session import DiarySession
from companion.storage import atomic
from companion.storage.kdf import KdfParams
from companion.storage.store import DiaryStore

PASSPHRASE = "afon las a'r mynydd du"
NOTE = "Poen yn y pen-glin ŵ ŷ 🦵"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
HEADER_LEN = 368  # format 2, a passphrase slot and a sealed recovery slot


# --- helpers -------------------------------------------------------------------------------------------------


def assert_explained(exc: CompanionError) -> None:
    """The person is told something, in English and in Welsh (wording is not checked here)."""
    for lang in ("en", "cy"):
        i18n.set_language(lang)
        try:
            message = exc.message()
        finally:
            i18n.set_language("en")
        assert message.strip(), f"{type(exc).__name__} has an empty message in {lang}"
        assert "{" not in message, f"{type(exc).__name__} left a placeholder unfilled in {lang}: {message}"


@pytest.fixture
def made_vault(vault_path: Path, cheap_kdf: KdfParams) -> str:
    """A real vault with one entry, closed; returns its recovery key."""
    session, recovery = DiarySession.create(vault_path, PASSPHRASE, cheap_kdf)
    session.diary.record_pain(5, NOTE)
    session.close()
    return recovery


@pytest.fixture
def open_session(vault_path: Path, made_vault: str) -> Iterator[DiarySession]:
    session = DiarySession.open(vault_path, passphrase=PASSPHRASE)
    try:
        yield session
    finally:
        session.discard()  # close without saving: some tests leave unsavable changes behind


def flip_byte(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


def temp_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.tmp"))


def expect_open_fails(path: Path, error: type[CompanionError], **secret: str) -> CompanionError:
    """Open must fail with exactly `error`, leave the file as it was, and release the lock."""
    before = path.read_bytes() if path.is_file() else None
    with pytest.raises(error) as caught:
        DiaryStore.open(path, now=SYSTEM_CLOCK.now(), **secret)
    assert type(caught.value) is error
    assert (path.read_bytes() if path.is_file() else None) == before
    with pytest.raises(error):  # not VaultLockedByOtherError: the failed open let go of the lock
        DiaryStore.open(path, now=SYSTEM_CLOCK.now(), **secret)
    assert_explained(caught.value)
    return caught.value


class FaultyOs:
    """Stands in for the `os` module inside companion.storage.atomic only; other modules are untouched."""

    def __init__(self, **overrides: Callable[..., Any]) -> None:
        self._overrides = overrides

    def __getattr__(self, name: str) -> Any:
        if name in self._overrides:
            return self._overrides[name]
        return getattr(os, name)


# --- wrong secrets -------------------------------------------------------------------------------------------


def test_wrong_passphrase(vault_path: Path, made_vault: str) -> None:
    expect_open_fails(vault_path, WrongPassphraseError, passphrase=PASSPHRASE.upper())
    expect_open_fails(vault_path, WrongPassphraseError, passphrase="")
    store = DiaryStore.open(vault_path, now=SYSTEM_CLOCK.now(), passphrase=PASSPHRASE)  # and the right one still works
    store.close()


def test_wrong_recovery_key(vault_path: Path, made_vault: str) -> None:
    raw = made_vault.replace("-", "")
    wrong = ("B" if raw[0] != "B" else "C") + raw[1:]  # a well-formed key, one letter off
    expect_open_fails(vault_path, WrongRecoveryKeyError, recovery_key=wrong)
    store = DiaryStore.open(vault_path, now=SYSTEM_CLOCK.now(), recovery_key=made_vault.lower())
    store.close()


# --- damage ---------------------------------------------------------------------------------------------------

HEADER_POSITIONS = {
    "encoding": 10,
    "slot count": 11,
    "vault id": 20,
    "slot 0 kind": 28,
    "slot 0 reserved": 31,
    "slot 0 iterations": 35,
    "slot 0 memory": 42,
    "slot 0 salt": 50,
    "slot 0 nonce": 65,
    "slot 0 wrapped key": 100,
    "slot 1 salt": 140,
    "slot 1 wrapped key": 200,
    "seed": 220,
    "body nonce": 250,
    "counter": 263,
    "body length": 270,
    "digest first byte": 272,
    "digest last byte": 303,
}


@pytest.mark.parametrize("offset", HEADER_POSITIONS.values(), ids=HEADER_POSITIONS.keys())
def test_flipped_header_byte_is_damage_not_wrong_passphrase(vault_path: Path, made_vault: str, offset: int) -> None:
    flip_byte(vault_path, offset)
    expect_open_fails(vault_path, DamagedVaultError, passphrase=PASSPHRASE)
    expect_open_fails(vault_path, DamagedVaultError, recovery_key=made_vault)


def test_version_zero_is_damage(vault_path: Path, made_vault: str) -> None:
    data = bytearray(vault_path.read_bytes())
    data[8:10] = b"\x00\x00"
    vault_path.write_bytes(bytes(data))
    expect_open_fails(vault_path, DamagedVaultError, passphrase=PASSPHRASE)


def test_flipped_magic_is_damage_not_another_file(vault_path: Path, made_vault: str) -> None:
    """One changed byte of the magic is a damaged diary (offer the backups), not "not a Companion diary"."""
    flip_byte(vault_path, 3)
    exc = expect_open_fails(vault_path, DamagedVaultError, passphrase=PASSPHRASE)
    assert "backup" in exc.message()


@pytest.mark.parametrize("where", ["first", "middle", "tag"])
def test_flipped_body_byte_is_damage(vault_path: Path, made_vault: str, where: str) -> None:
    size = vault_path.stat().st_size
    offset = {"first": HEADER_LEN, "middle": (HEADER_LEN + size) // 2, "tag": size - 1}[where]
    flip_byte(vault_path, offset)
    expect_open_fails(vault_path, DamagedVaultError, passphrase=PASSPHRASE)
    expect_open_fails(vault_path, DamagedVaultError, recovery_key=made_vault)


def test_extra_bytes_after_body_are_damage(vault_path: Path, made_vault: str) -> None:
    with vault_path.open("ab") as fh:
        fh.write(b"\x00")
    expect_open_fails(vault_path, DamagedVaultError, passphrase=PASSPHRASE)


def test_empty_file_is_not_a_vault(vault_path: Path, made_vault: str) -> None:
    vault_path.write_bytes(b"")
    expect_open_fails(vault_path, NotAVaultError, passphrase=PASSPHRASE)


@pytest.mark.parametrize("length", [1, 7])
def test_truncated_inside_the_magic_is_damage(vault_path: Path, made_vault: str, length: int) -> None:
    vault_path.write_bytes(vault_path.read_bytes()[:length])
    expect_open_fails(vault_path, DamagedVaultError, passphrase=PASSPHRASE)


@pytest.mark.parametrize("length", [8, 10, 27, 28, 100, 211, 275, 335, 367, 368, 369, -1])
def test_truncated_file_is_damage(vault_path: Path, made_vault: str, length: int) -> None:
    data = vault_path.read_bytes()
    vault_path.write_bytes(data[:length])
    assert vault_path.stat().st_size < len(data)
    expect_open_fails(vault_path, DamagedVaultError, passphrase=PASSPHRASE)


def test_jpeg_renamed_to_diary_vault_is_not_a_vault(vault_path: Path) -> None:
    jfif = bytes.fromhex("ffd8ffe0") + b"\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    vault_path.write_bytes(jfif + os.urandom(2048) + bytes.fromhex("ffd9"))
    exc = expect_open_fails(vault_path, NotAVaultError, passphrase=PASSPHRASE)
    assert "diary.vault" in exc.message()


def test_missing_file_is_not_a_vault(vault_path: Path) -> None:
    expect_open_fails(vault_path, NotAVaultError, passphrase=PASSPHRASE)
    assert not vault_path.exists()


# --- newer versions -------------------------------------------------------------------------------------------


def test_newer_format_version(vault_path: Path, made_vault: str) -> None:
    """A newer Companion's file (its own digest over its own version number) asks for the newer version."""
    import hashlib

    data = bytearray(vault_path.read_bytes())
    data[8:10] = (3).to_bytes(2, "big")
    data[HEADER_LEN - 32 : HEADER_LEN] = hashlib.sha256(bytes(data[: HEADER_LEN - 32])).digest()
    vault_path.write_bytes(bytes(data))
    expect_open_fails(vault_path, NewerVersionError, passphrase=PASSPHRASE)
    expect_open_fails(vault_path, NewerVersionError, recovery_key=made_vault)


@pytest.mark.parametrize("version", [0, 3, 0x0101, 0xFFFF])
def test_damaged_version_field_is_damage(vault_path: Path, made_vault: str, version: int) -> None:
    """The version bytes changed and nothing else (the digest no longer matches): damage, not "newer"."""
    data = bytearray(vault_path.read_bytes())
    data[8:10] = version.to_bytes(2, "big")
    vault_path.write_bytes(bytes(data))
    exc = expect_open_fails(vault_path, DamagedVaultError, passphrase=PASSPHRASE)
    assert "backup" in exc.message()


def test_newer_database_schema(vault_path: Path, cheap_kdf: KdfParams) -> None:
    store, _ = DiaryStore.create(vault_path, PASSPHRASE, cheap_kdf)
    with store.session() as session:
        session.execute(text("UPDATE alembic_version SET version_num='9999_future'"))
        session.commit()
    assert store.has_unsaved_changes
    store.close()  # saves first
    backups_before = sorted(vault_path.parent.rglob("*"))
    before = vault_path.read_bytes()

    expect_open_fails(vault_path, NewerVersionError, passphrase=PASSPHRASE)

    assert vault_path.read_bytes() == before
    assert sorted(vault_path.parent.rglob("*")) == backups_before  # no backup, no temp file, nothing written


# --- saving fails ---------------------------------------------------------------------------------------------


def _assert_kept_in_memory(session: DiarySession, vault_path: Path, before: bytes, note: str) -> None:
    assert vault_path.read_bytes() == before
    assert temp_files(vault_path.parent) == []
    assert session.has_unsaved_changes
    assert note in [e.note for e in session.diary.entries_today()]


def _assert_retry_saves(session: DiarySession, vault_path: Path, note: str) -> None:
    session.retry_save()
    assert not session.has_unsaved_changes
    session.close()
    reopened = DiarySession.open(vault_path, passphrase=PASSPHRASE)
    try:
        assert note in [e.note for e in reopened.diary.all_entries()]
    finally:
        reopened.close()


def test_save_into_read_only_folder(vault_path: Path, made_vault: str, monkeypatch: pytest.MonkeyPatch) -> None:
    session = DiarySession.open(vault_path, passphrase=PASSPHRASE)
    folder = vault_path.parent
    before = vault_path.read_bytes()
    refused: list[str] = []
    as_root = hasattr(os, "geteuid") and os.geteuid() == 0
    if as_root:
        # root ignores permission bits, so refuse the temp file the way a read-only folder would
        def refusing_open(path: Any, flags: int, mode: int = 0o777, **kwargs: Any) -> int:
            if str(path).endswith(".tmp"):
                refused.append(str(path))
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return os.open(path, flags, mode, **kwargs)

        monkeypatch.setattr(atomic, "os", FaultyOs(open=refusing_open))
    else:
        folder.chmod(0o555)
    try:
        if not as_root:
            assert not os.access(folder, os.W_OK)
        note = "Ysgrifennu i ffolder darllen-yn-unig ŵ"
        with pytest.raises(SaveFailedError) as caught:
            session.diary.record_pain(7, note)
        assert "allowed to write" in caught.value.message()
        assert_explained(caught.value)
        if as_root:
            assert refused and all(Path(p).parent == folder for p in refused)
        _assert_kept_in_memory(session, vault_path, before, note)
        with pytest.raises(SaveFailedError):  # still refused while the folder stays read-only
            session.retry_save()
        assert vault_path.read_bytes() == before
    finally:
        if as_root:
            monkeypatch.setattr(atomic, "os", os)
        else:
            folder.chmod(0o755)
    _assert_retry_saves(session, vault_path, note)


def test_disk_full_while_writing(vault_path: Path, made_vault: str, monkeypatch: pytest.MonkeyPatch) -> None:
    session = DiarySession.open(vault_path, passphrase=PASSPHRASE)
    before = vault_path.read_bytes()
    calls: list[int] = []

    def filling_write(fd: int, data: Any) -> int:
        calls.append(len(data))
        if len(calls) == 1:
            return os.write(fd, bytes(data[:64]))  # part of the file reaches the disk, then it is full
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "os", FaultyOs(write=filling_write))
    note = "Disg yn llawn ŷ 💾"
    with pytest.raises(SaveFailedError) as caught:
        session.diary.record_pain(4, note)
    assert len(calls) >= 2  # the fault really happened mid-write
    assert "disk is full" in caught.value.message()
    assert_explained(caught.value)
    _assert_kept_in_memory(session, vault_path, before, note)

    monkeypatch.setattr(atomic, "os", os)  # space freed
    _assert_retry_saves(session, vault_path, note)


def test_folder_fsync_failure_after_rename_is_not_reported_as_unchanged(
    vault_path: Path, made_vault: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Some file systems refuse fsync on a folder (EINVAL). By then the new file is already in place, so
    the save must not claim "the file on disk is unchanged" and then refuse every later save as
    "changed by another program"."""
    session = DiarySession.open(vault_path, passphrase=PASSPHRASE)

    def refusing_fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "Invalid argument")
        os.fsync(fd)

    monkeypatch.setattr(atomic, "os", FaultyOs(fsync=refusing_fsync))
    session.diary.record_pain(3, "first")
    session.diary.record_pain(2, "second")
    assert not session.has_unsaved_changes
    monkeypatch.setattr(atomic, "os", os)
    session.close()
    reopened = DiarySession.open(vault_path, passphrase=PASSPHRASE)
    try:
        assert {"first", "second"} <= {e.note for e in reopened.diary.all_entries()}
    finally:
        reopened.close()


# --- one writer -----------------------------------------------------------------------------------------------


def test_second_open_in_same_process_is_refused(vault_path: Path, open_session: DiarySession) -> None:
    before = vault_path.read_bytes()
    with pytest.raises(VaultLockedByOtherError) as caught:
        DiaryStore.open(vault_path, now=SYSTEM_CLOCK.now(), passphrase=PASSPHRASE)
    assert_explained(caught.value)
    with pytest.raises(VaultLockedByOtherError):
        DiarySession.open(vault_path, recovery_key="AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
    assert vault_path.read_bytes() == before
    open_session.diary.record_pain(1, "still mine")  # the first instance is unaffected
    assert not open_session.has_unsaved_changes


_OTHER_PROCESS = """
import sys
from pathlib import Path
from companion.domain.errors import CompanionError
from companion.services.clock import SYSTEM_CLOCK
from companion.storage.store import DiaryStore
try:
    store = DiaryStore.open(Path(sys.argv[1]), now=SYSTEM_CLOCK.now(), passphrase=sys.argv[2])
except CompanionError as exc:
    print(type(exc).__name__, exc.message())
    sys.exit(3)
store.close()
print("opened")
"""


def _other_process(vault_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", _OTHER_PROCESS, str(vault_path), PASSPHRASE],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_second_instance_in_another_process_is_refused(vault_path: Path, made_vault: str) -> None:
    session = DiarySession.open(vault_path, passphrase=PASSPHRASE)
    try:
        before = vault_path.read_bytes()
        result = _other_process(vault_path)
        assert result.returncode == 3, result.stderr
        assert result.stdout.startswith("VaultLockedByOtherError "), result.stdout
        assert vault_path.read_bytes() == before
        session.diary.record_pain(2, "written while the other instance was refused")
    finally:
        session.close()
    result = _other_process(vault_path)  # once we let go, the other process may open it
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == "opened"


# --- changed by another program -------------------------------------------------------------------------------


def _foreign_vault(tmp_path: Path, cheap_kdf: KdfParams) -> bytes:
    other = tmp_path / "elsewhere" / "diary.vault"
    session, _ = DiarySession.create(other, "someone else's diary", cheap_kdf)
    session.diary.record_pain(9, "not yours")
    session.close()
    return other.read_bytes()


@pytest.mark.parametrize("change", ["another vault", "garbage", "an older copy", "deleted"])
def test_file_changed_on_disk_is_not_overwritten(
    vault_path: Path, open_session: DiarySession, tmp_path: Path, cheap_kdf: KdfParams, change: str
) -> None:
    original = vault_path.read_bytes()
    open_session.diary.record_pain(6, "between open and change")
    if change == "another vault":
        foreign: bytes | None = _foreign_vault(tmp_path, cheap_kdf)
    elif change == "garbage":
        foreign = b"written by a sync client\n" * 40
    elif change == "an older copy":
        foreign = original  # e.g. a sync client putting back the version from before our last save
    else:
        foreign = None
    if foreign is None:
        vault_path.unlink()
    else:
        staged = vault_path.with_name("incoming.part")
        staged.write_bytes(foreign)
        os.replace(staged, vault_path)

    note = "must not land on the foreign file"
    with pytest.raises(ChangedOnDiskError) as caught:
        open_session.diary.record_pain(3, note)
    assert_explained(caught.value)
    if foreign is None:
        assert not vault_path.exists()
    else:
        assert vault_path.read_bytes() == foreign
    assert temp_files(vault_path.parent) == []
    assert note in [e.note for e in open_session.diary.entries_today()]  # kept in memory
    with pytest.raises(ChangedOnDiskError):
        open_session.retry_save()


def test_creating_over_an_existing_vault_is_refused(vault_path: Path, made_vault: str, cheap_kdf: KdfParams) -> None:
    before = vault_path.read_bytes()
    with pytest.raises(VaultExistsError) as caught:
        DiarySession.create(vault_path, "a new passphrase here", cheap_kdf)
    assert_explained(caught.value)
    assert vault_path.read_bytes() == before
    DiarySession.open(vault_path, passphrase=PASSPHRASE).close()


# --- every error explains itself, in both languages -------------------------------------------------------------


def _all_subclasses(cls: type[CompanionError]) -> Iterator[type[CompanionError]]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _all_subclasses(sub)


def _params() -> dict[str, str]:
    """Every placeholder the vault errors use; str.format ignores the ones a template does not need."""
    return {
        "name": "diary.vault",
        "folder": "/home/someone/.local/share/companion",
        "reason": errors.save_failure_reason(OSError(errno.ENOSPC, "full")),
    }


@pytest.mark.parametrize(
    "error_type",
    sorted({errors.VaultError, *_all_subclasses(errors.VaultError)}, key=lambda c: c.__name__),
    ids=lambda c: c.__name__,
)
def test_every_vault_error_has_a_message_in_english_and_welsh(error_type: type[CompanionError]) -> None:
    exc = error_type(**_params())
    assert_explained(exc)
    assert str(exc).strip()


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EIO])
def test_save_failure_reasons_in_english_and_welsh(code: int) -> None:
    for lang in ("en", "cy"):
        i18n.set_language(lang)
        try:
            reason = errors.save_failure_reason(OSError(code, os.strerror(code)))
            exc = SaveFailedError(reason=reason)
            assert reason.strip()
            assert reason in exc.message()
        finally:
            i18n.set_language("en")
