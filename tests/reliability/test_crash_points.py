"""A crash at each step of a save, in-process and deterministic: the vault opens with every acknowledged entry.

The kill -9 loop (test_kill_during_save.py) lands kills at random moments; this test names the moments. A
save is `atomic_write`: create a temp file beside the vault, write, fsync, close, `os.replace` over the
vault, fsync the folder. One step of it is made to raise `SimulatedCrash`, a BaseException, so no
`except OSError` in the app can treat it as a disk error and carry on. A dead process runs no clean-up,
so the temp file's `unlink` is disabled as well: whatever the crash left on disk stays there, as it would
after a real kill. The crashed session is then abandoned without saving or closing (its lock is released,
as the OS does for a dead process) and the vault is opened afresh.

Expected: it opens with the passphrase; the acknowledged entry is there; the entry being saved is there
exactly when the crash came after `os.replace`; before that the file is byte-identical to the old one;
the open removes any temp file the crash left; and the reopened diary saves again normally.

Each point runs twice: with saves on the committing thread, and with background saves, where the crash
comes on the saver's thread after the commit has returned; there an entry counts as acknowledged only once
the save state says durable.

Not covered: power loss (the page cache survives an in-process crash); see docs/reliability.md.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from companion.services.session import DiarySession
from companion.storage import atomic
from companion.storage.atomic import TEMP_SUFFIX
from companion.storage.kdf import KdfParams

pytestmark = pytest.mark.reliability

PASSPHRASE = "heather lantern 7 ŵ"
ACKED = "acknowledged before the crash"
CRASHED = "being saved when the process died"
AFTER = "written after reopening"


class SimulatedCrash(BaseException):
    """The process dies here. Not an OSError (nor an Exception), so the app cannot handle it as one."""


class _DeadProcessPath(type(Path())):  # type: ignore[misc]
    """The temp file's path in a process that is about to die: clean-up (`unlink`) never happens."""

    def unlink(self, missing_ok: bool = False) -> None:
        raise OSError("the process died before it could remove its temp file")


def _crash_before(real: Callable[..., Any], point: str) -> Callable[..., Any]:
    def step(*args: Any) -> Any:
        raise SimulatedCrash(point)

    return step


def _crash_after(real: Callable[..., Any], point: str) -> Callable[..., Any]:
    def step(*args: Any) -> Any:
        real(*args)
        raise SimulatedCrash(point)

    return step


def _crash_mid_write(real: Callable[..., Any], point: str) -> Callable[..., Any]:
    def step(fd: int, data: bytes) -> None:
        os.write(fd, bytes(data[: len(data) // 2]))  # half the file reaches the temp file, then death
        raise SimulatedCrash(point)

    return step


# (name, function in companion.storage.atomic to wrap, wrapper, the new entry is durable after the crash)
CRASH_POINTS = [
    ("after the temp file is created", "_write_all", _crash_before, False),
    ("half-way through the data write", "_write_all", _crash_mid_write, False),
    ("after the data write", "_write_all", _crash_after, False),
    ("after fsync of the temp file", "_fsync", _crash_after, False),
    ("after os.replace", "_replace", _crash_after, True),
    ("before the folder fsync", "fsync_directory", _crash_before, True),
    ("after the folder fsync", "fsync_directory", _crash_after, True),
]


def _temp_files(vault: Path) -> list[Path]:
    return sorted(vault.parent.glob(f".{vault.name}.*{TEMP_SUFFIX}"))


def _notes(session: DiarySession) -> list[str]:
    return [entry.note for entry in session.diary.all_entries()]


def _die(session: DiarySession) -> None:
    """What the OS does for a killed process: its lock goes, its memory goes, nothing is saved."""
    session.store._saver.stop()  # its thread died with the process (and nothing is flushed at exit)
    session.store.vault._lock.release()
    session.store.database.close()  # in-memory only: closing writes nothing to disk


def _wait_durable(session: DiarySession) -> None:
    deadline = time.monotonic() + 10
    while not session.save_state.durable:
        assert time.monotonic() < deadline, "the save never became durable"
        time.sleep(0.002)


def _crash_while_saving(session: DiarySession, monkeypatch: pytest.MonkeyPatch, background: bool) -> None:
    """Record CRASHED; the save dies with SimulatedCrash (on the committing or the saver's thread)."""
    if not background:
        with pytest.raises(SimulatedCrash):
            session.diary.record_pain(8, CRASHED)
        return
    died: list[BaseException] = []
    done = threading.Event()

    def dead_thread(hook: threading.ExceptHookArgs) -> None:
        died.append(hook.exc_value)  # type: ignore[arg-type]
        done.set()

    monkeypatch.setattr(threading, "excepthook", dead_thread)
    session.diary.record_pain(8, CRASHED)  # returns at once: the commit is in memory
    assert done.wait(10), "the saver thread never reached the crash point"
    assert [type(e) for e in died] == [SimulatedCrash]
    assert not session.save_state.durable  # never acknowledged


@pytest.mark.parametrize("background", [False, True], ids=["saves-when-committing", "background-saves"])
@pytest.mark.parametrize(
    ("function", "wrap", "durable"),
    [pytest.param(f, w, d, id=name.replace(" ", "-")) for name, f, w, d in CRASH_POINTS],
)
def test_crash_at_each_save_step_keeps_the_vault_openable(
    vault_path: Path,
    cheap_kdf: KdfParams,
    monkeypatch: pytest.MonkeyPatch,
    function: str,
    wrap: Callable[..., Callable[..., Any]],
    durable: bool,
    background: bool,
) -> None:
    session, _recovery = DiarySession.create(vault_path, PASSPHRASE, cheap_kdf, background_saves=background)
    session.diary.record_pain(4, ACKED)
    _wait_durable(session)  # acknowledged: durable
    before = vault_path.read_bytes()

    with monkeypatch.context() as patch:
        real_temp_name = atomic.temp_name_for
        patch.setattr(atomic, "temp_name_for", lambda target: _DeadProcessPath(real_temp_name(target)))
        patch.setattr(atomic, function, wrap(getattr(atomic, function), function))
        _crash_while_saving(session, patch, background)
        left = _temp_files(vault_path)
    _die(session)
    del session

    if durable:
        assert left == [], "the temp file was renamed over the vault, so none should remain"
        assert vault_path.read_bytes() != before
    else:
        assert len(left) == 1, f"a crash before the rename leaves its temp file (the dead process): {left}"
        assert vault_path.read_bytes() == before, "a crash before the rename must leave the old file untouched"

    reopened = DiarySession.open(vault_path, passphrase=PASSPHRASE)
    try:
        assert _temp_files(vault_path) == [], "opening must remove the temp file the crash left"
        notes = _notes(reopened)
        assert ACKED in notes
        assert (CRASHED in notes) is durable
        reopened.diary.record_pain(2, AFTER)  # the next save works normally (no "changed on disk")
    finally:
        reopened.close()

    final = DiarySession.open(vault_path, passphrase=PASSPHRASE)
    try:
        expected = [ACKED, CRASHED, AFTER] if durable else [ACKED, AFTER]
        assert sorted(_notes(final)) == sorted(expected)
    finally:
        final.close()


def test_crash_points_cover_every_step_of_atomic_write() -> None:
    """If atomic_write gains or renames a step, this list must be revisited (the wrapped names must exist)."""
    wrapped = {function for _name, function, _wrap, _durable in CRASH_POINTS}
    assert wrapped == {"_write_all", "_fsync", "_replace", "fsync_directory"}
    for function in wrapped:
        assert callable(getattr(atomic, function))
    source = Path(atomic.__file__).read_text(encoding="utf-8")
    body = source[source.index("def atomic_write") : source.index("_TEMP_NAME =")]
    for function in [*wrapped, "temp_name_for"]:
        assert f"{function}(" in body, f"atomic_write no longer calls {function}"
