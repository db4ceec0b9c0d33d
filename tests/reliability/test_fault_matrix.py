"""Every OS call of a save fails with every likely errno: the change is kept in memory, the disk is untouched.

For each (call, errno) — `os.open` of the temp file, `os.write` (the first write call, and the second
after a short first write), `os.fsync` with ENOSPC, EIO and EACCES, and `os.replace` refused with
PermissionError (a Windows virus scanner or sync client holding the vault) —
recording an entry must:

* raise SaveFailedError with the matching reason (never a bare OSError, never success);
* leave the vault file byte-identical to before and no temp file beside it;
* keep the entry in memory (today's entries show it; the diary reports unsaved changes);
* save it with `retry_save()` once the fault is gone, so a fresh open finds it.

Each case runs twice: with saves on the committing thread (the failure is raised by the commit) and with
background saves (the commit returns at once; the failure is the save state, FAILED with the same error,
and an entry counts as acknowledged only once the state says durable).

The faults are injected into `companion.storage.atomic` only (its `os` is replaced by a stand-in), so the
lock file, the change-on-disk check and the test's own file access use the real OS.
test_vault_errors.py covers the read-only folder and a disk filling up mid-write in more detail.
"""

from __future__ import annotations

import errno
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from companion.domain.errors import SaveFailedError
from companion.domain.save_state import SaveStatus
from companion.services.session import DiarySession
from companion.storage import atomic
from companion.storage.atomic import TEMP_SUFFIX
from companion.storage.kdf import KdfParams

pytestmark = pytest.mark.reliability

PASSPHRASE = "copper meadow 42 ŷ"
FIRST = "first entry, saved"
NOTE = "recorded while the disk misbehaves ŵ"

REASONS = {
    errno.ENOSPC: "disk is full",
    errno.EIO: "operating system reported an error",
    errno.EACCES: "allowed to write",
}


class FaultyOs:
    """Stands in for `os` inside companion.storage.atomic; counts how often the fault fired."""

    def __init__(self, name: str, fault: Callable[..., Any]) -> None:
        self._name = name
        self._fault = fault

    def __getattr__(self, name: str) -> Any:
        return self._fault if name == self._name else getattr(os, name)


def _is_temp(path: Any) -> bool:
    return str(path).endswith(TEMP_SUFFIX)


def _make_fault(call: str, code: int, fired: list[str]) -> Callable[..., Any]:
    """A replacement for os.<call> that raises OSError(code) when the save reaches it."""
    real = getattr(os, _os_name(call))
    exc_type = PermissionError if code in (errno.EACCES, errno.EPERM) else OSError
    calls = [0]

    def fault(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        if call == "write-partial" and calls[0] == 1:
            fd, data = args
            return real(fd, memoryview(data)[: max(1, len(data) // 2)])  # a short write; the next call fails
        if call == "open" and not _is_temp(args[0]):
            return real(*args, **kwargs)  # only the temp file's creation fails
        if call == "fsync" and stat.S_ISDIR(os.fstat(args[0]).st_mode):
            return real(*args, **kwargs)  # the temp file's fsync fails, not the folder's
        fired.append(call)
        raise exc_type(code, os.strerror(code))

    return fault


def _os_name(call: str) -> str:
    return call.split("-", maxsplit=1)[0]


# "write-partial": the first os.write writes half the data, the second write call of the same save fails.
MATRIX = [
    (call, code)
    for call in ("open", "write", "write-partial", "fsync")
    for code in (errno.ENOSPC, errno.EIO, errno.EACCES)
]
MATRIX.append(("replace", errno.EACCES))  # PermissionError: a virus scanner holds the vault open


def _temp_files(vault: Path) -> list[Path]:
    return sorted(vault.parent.glob(f".{vault.name}.*{TEMP_SUFFIX}"))


def _record(session: DiarySession, score: int, note: str) -> None:
    """Record an entry and wait until its save has had its outcome: with saves on the committing thread a
    failure is raised here; with background saves the outcome is the save state, and a failure is raised
    here all the same (as the error the state holds), so both modes are checked by the same assertions."""
    session.diary.record_pain(score, note)
    if not session.store.background_saves:
        return
    deadline = time.monotonic() + 10
    while session.save_state.status is SaveStatus.PENDING:
        if time.monotonic() > deadline:
            pytest.fail("the background save never finished")
        time.sleep(0.002)
    if session.save_state.error is not None:
        raise session.save_state.error


MODES = pytest.mark.parametrize("background", [False, True], ids=["saves-when-committing", "background-saves"])


@MODES
@pytest.mark.parametrize(("call", "code"), MATRIX, ids=[f"os.{c}-{errno.errorcode[e]}" for c, e in MATRIX])
def test_failed_save_keeps_the_entry_and_the_old_file(
    vault_path: Path, cheap_kdf: KdfParams, monkeypatch: pytest.MonkeyPatch, call: str, code: int, background: bool
) -> None:
    session, _recovery = DiarySession.create(vault_path, PASSPHRASE, cheap_kdf, background_saves=background)
    try:
        _record(session, 3, FIRST)
        assert session.save_state.durable  # acknowledged: on disk
        before = vault_path.read_bytes()
        fired: list[str] = []

        with monkeypatch.context() as patch:
            patch.setattr(atomic, "os", FaultyOs(_os_name(call), _make_fault(call, code, fired)))
            with pytest.raises(SaveFailedError) as caught:
                _record(session, 6, NOTE)
            assert fired == [call], f"the fault must fire exactly once, at os.{call}: {fired}"
            assert REASONS[code] in caught.value.message()
            assert isinstance(caught.value.__cause__, OSError) and caught.value.__cause__.errno == code
            assert session.save_state.failed and session.save_state.error is caught.value

            assert vault_path.read_bytes() == before, "a failed save must leave the vault byte-identical"
            assert _temp_files(vault_path) == [], "a failed save must remove its temp file"
            assert NOTE in [entry.note for entry in session.diary.entries_today()]
            assert session.has_unsaved_changes

            with pytest.raises(SaveFailedError):  # the fault persists, so does the refusal
                session.retry_save()
            assert vault_path.read_bytes() == before
            assert _temp_files(vault_path) == []

        session.retry_save()  # fault removed
        assert not session.has_unsaved_changes and session.save_state.durable
        assert vault_path.read_bytes() != before
    finally:
        if session.is_open:
            session.close()

    reopened = DiarySession.open(vault_path, passphrase=PASSPHRASE)
    try:
        assert sorted(entry.note for entry in reopened.diary.all_entries()) == sorted([FIRST, NOTE])
    finally:
        reopened.close()


class _SleepRecorder:
    """Replaces `time` inside atomic so Windows' replace retries do not really sleep."""

    def __init__(self) -> None:
        self.slept: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)

    def __getattr__(self, name: str) -> Any:
        import time

        return getattr(time, name)


@MODES
@pytest.mark.parametrize("held_for", [3, 19, None], ids=["briefly", "until-last-try", "for-good"])
def test_windows_replace_is_retried_while_a_scanner_holds_the_vault(
    vault_path: Path, cheap_kdf: KdfParams, monkeypatch: pytest.MonkeyPatch, held_for: int | None, background: bool
) -> None:
    """Simulated Windows (os.name == "nt"): replace is retried, never delete-then-rename; if the file stays
    held the save fails cleanly. This only simulates Windows' refusal; it does not run on Windows."""
    session, _recovery = DiarySession.create(vault_path, PASSPHRASE, cheap_kdf, background_saves=background)
    _record(session, 3, FIRST)
    before = vault_path.read_bytes()
    attempts: list[int] = []
    clock = _SleepRecorder()

    def held_replace(src: Any, dst: Any) -> None:
        attempts.append(1)
        if held_for is None or len(attempts) <= held_for:
            raise PermissionError(errno.EACCES, "The process cannot access the file", str(dst))
        os.replace(src, dst)

    class WindowsOs(FaultyOs):
        name = "nt"

    try:
        with monkeypatch.context() as patch:
            patch.setattr(atomic, "os", WindowsOs("replace", held_replace))
            patch.setattr(atomic, "time", clock)
            if held_for is None:
                with pytest.raises(SaveFailedError):
                    _record(session, 6, NOTE)
                assert len(attempts) == 20
                assert vault_path.read_bytes() == before
                assert _temp_files(vault_path) == []
                assert session.has_unsaved_changes
            else:
                _record(session, 6, NOTE)
                assert len(attempts) == held_for + 1
                assert not session.has_unsaved_changes
            assert clock.slept, "retries must wait for the scanner"
            assert sum(clock.slept) < 15
        session.retry_save()
    finally:
        session.close()
    reopened = DiarySession.open(vault_path, passphrase=PASSPHRASE)
    try:
        assert sorted(entry.note for entry in reopened.diary.all_entries()) == sorted([FIRST, NOTE])
    finally:
        reopened.close()
