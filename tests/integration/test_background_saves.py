"""Background saves on real vault files: a commit returns at once, the save follows off the calling thread,
coalesced, in order, never from inside an open transaction; failures are a state; close and exit flush."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from companion.domain.errors import SaveFailedError
from companion.domain.save_state import SaveState, SaveStatus
from companion.services.session import DiarySession
from companion.storage import atomic
from companion.storage.store import DiaryStore
from companion.storage.unit_of_work import UnitOfWork
from tests.conftest import CHEAP_KDF, DIARY_PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def diary(vault_path: Path) -> Iterator[DiarySession]:
    opened, _recovery = DiarySession.create(vault_path, DIARY_PASSPHRASE, CHEAP_KDF, background_saves=True)
    yield opened
    if opened.is_open:
        opened.close()


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail("timed out waiting")
        time.sleep(0.002)


def notes_on_disk(path: Path) -> list[str]:
    reopened = DiarySession.open(path, passphrase=DIARY_PASSPHRASE)
    try:
        return sorted(e.note for e in reopened.diary.all_entries())
    finally:
        reopened.close()


class GatedWrite:
    """Stands in for Vault.save: each save waits at the gate until the test opens it, then really saves."""

    def __init__(self, store: DiaryStore) -> None:
        self.real = store.vault.save
        self.gate = threading.Event()
        self.started = threading.Event()
        self.threads: list[str] = []
        self.saves = 0

    def __call__(self, image: bytes) -> None:
        self.threads.append(threading.current_thread().name)
        self.started.set()
        assert self.gate.wait(10), "the test never opened the gate"
        self.real(image)
        self.saves += 1


def test_a_commit_returns_before_its_save_and_the_save_runs_on_the_saver_thread(
    diary: DiarySession, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = vault_path.read_bytes()
    gated = GatedWrite(diary.store)
    monkeypatch.setattr(diary.store.vault, "save", gated)
    diary.diary.record_pain(4, "held at the gate")  # returns although the save cannot finish yet
    assert gated.started.wait(5)
    assert diary.save_state.status is SaveStatus.PENDING and not diary.save_state.durable
    assert diary.has_unsaved_changes
    assert vault_path.read_bytes() == before
    assert [e.note for e in diary.diary.entries_today()] == ["held at the gate"]  # in memory already
    gated.gate.set()
    wait_until(lambda: diary.save_state.durable)
    assert gated.threads == ["companion-saver"]
    assert not diary.has_unsaved_changes and vault_path.read_bytes() != before
    diary.close()
    assert notes_on_disk(vault_path) == ["held at the gate"]


def test_many_quick_commits_share_few_saves_and_the_last_one_is_written(
    diary: DiarySession, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gated = GatedWrite(diary.store)
    monkeypatch.setattr(diary.store.vault, "save", gated)
    diary.diary.record_pain(1, "note 00")
    assert gated.started.wait(5)  # the first save is in flight, held at the gate
    for number in range(1, 20):
        diary.diary.record_pain(number % 11, f"note {number:02d}")
    gated.gate.set()
    wait_until(lambda: diary.save_state.durable)
    # The first save (note 00) and one more holding the 19 commits made meanwhile: never one per commit.
    assert gated.saves == 2
    stats = diary.store.save_stats
    assert (stats.saves, stats.commits) == (2, 20)
    diary.close()
    assert notes_on_disk(vault_path) == [f"note {n:02d}" for n in range(20)]


def test_no_snapshot_is_taken_while_a_transaction_is_open(diary: DiarySession, vault_path: Path) -> None:
    """A second thread keeps flushing rows it then rolls back while the main thread commits; every
    snapshot the saver takes must see no open transaction, and no rolled-back row may reach the disk."""
    database = diary.store.database
    real_serialize = database.serialize
    seen_open: list[bool] = []

    def watched_serialize() -> bytes:
        seen_open.append(database._conn.in_transaction)
        return real_serialize()

    database.serialize = watched_serialize  # type: ignore[method-assign]
    stop = threading.Event()
    rolled_back = 0

    def meddler() -> None:
        nonlocal rolled_back
        from companion.domain.checkin import Checkin

        while not stop.is_set():
            with UnitOfWork(diary.store) as uow:
                now = diary.clock.now()
                uow.checkins.add(Checkin(f"never-{rolled_back}", now, pain=9, note="ROLLED BACK"), now)
                assert uow.session is not None
                uow.session.flush()  # in the open transaction, then rolled back when the unit of work ends
                time.sleep(0.001)
            rolled_back += 1

    thread = threading.Thread(target=meddler)
    thread.start()
    try:
        for number in range(60):
            diary.diary.record_pain(number % 11, f"committed {number:02d}")
    finally:
        stop.set()
        thread.join()
    diary.flush()
    assert rolled_back > 5 and len(seen_open) >= 2
    assert not any(seen_open), "a snapshot was taken with a transaction open"
    diary.close()
    notes = notes_on_disk(vault_path)
    assert "ROLLED BACK" not in notes and len(notes) == 60


def test_a_failed_background_save_is_a_state_and_the_next_commit_tries_again(
    diary: DiarySession, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    states: list[tuple[SaveState, str]] = []
    diary.subscribe(lambda state: states.append((state, threading.current_thread().name)))
    diary.diary.record_pain(2, "before the disk filled")
    wait_until(lambda: diary.save_state.durable)
    before = vault_path.read_bytes()

    class FullDisk:
        def __getattr__(self, name: str) -> object:
            if name == "write":
                return self.write
            return getattr(os, name)

        @staticmethod
        def write(_fd: int, _data: object) -> int:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    with monkeypatch.context() as patch:
        patch.setattr(atomic, "os", FullDisk())
        diary.diary.record_pain(7, "while the disk is full")  # no exception: the commit stands in memory
        wait_until(lambda: diary.save_state.failed)
        failed = diary.save_state
        assert isinstance(failed.error, SaveFailedError) and "disk is full" in failed.error.message()
        assert diary.has_unsaved_changes and vault_path.read_bytes() == before
        with pytest.raises(SaveFailedError):  # Retry while the disk is still full: refused, said so
            diary.flush()
        assert diary.save_state.failed
        diary.diary.record_pain(8, "still full")  # the next commit tries again (and fails again)
        wait_until(lambda: diary.save_state.failed)
    diary.diary.record_pain(3, "space freed")  # the next commit tries again, and succeeds
    wait_until(lambda: diary.save_state.durable)
    kinds = [state.status for state, _thread in states]
    assert kinds[:2] == [SaveStatus.PENDING, SaveStatus.SAVED]
    assert SaveStatus.FAILED in kinds and kinds[-1] is SaveStatus.SAVED
    # PENDING is reported on the committing thread; a background save's outcome on the saver's thread.
    assert {thread for state, thread in states if state.status is SaveStatus.PENDING} == {"MainThread"}
    assert "companion-saver" in {thread for state, thread in states if state.durable}
    diary.close()
    assert notes_on_disk(vault_path) == sorted(
        ["before the disk filled", "while the disk is full", "still full", "space freed"]
    )


def test_close_waits_for_the_save_in_flight_and_writes_what_is_pending(
    diary: DiarySession, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    gated = GatedWrite(diary.store)
    monkeypatch.setattr(diary.store.vault, "save", gated)
    diary.diary.record_pain(5, "in flight")
    assert gated.started.wait(5)
    saver = diary.store._saver._thread  # this diary's saving thread (other tests may have their own)
    assert saver is not None and saver.is_alive()
    diary.diary.record_pain(6, "pending behind it")
    closer = threading.Thread(target=diary.close)
    closer.start()
    time.sleep(0.05)
    assert closer.is_alive(), "close must wait for the save in flight"
    gated.gate.set()
    closer.join(10)
    assert not closer.is_alive() and not diary.is_open
    assert not saver.is_alive()
    assert notes_on_disk(vault_path) == ["in flight", "pending behind it"]


def test_saves_off_by_default_raise_at_the_commit_as_before(
    session: DiarySession, vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not session.store.background_saves
    before = vault_path.read_bytes()

    def refuse(_image: bytes) -> None:
        raise SaveFailedError(reason="the disk is full")

    monkeypatch.setattr(session.store.vault, "save", refuse)
    with pytest.raises(SaveFailedError):
        session.diary.record_pain(3, "refused at once")
    assert session.save_state.failed and vault_path.read_bytes() == before
    monkeypatch.undo()
    session.retry_save()
    assert session.save_state.durable


_EXIT_WITHOUT_CLOSING = """
import sys
from pathlib import Path
from companion.services.session import DiarySession
session = DiarySession.open(Path(sys.argv[1]), passphrase=sys.argv[2], background_saves=True)
session.diary.record_pain(6, "written at exit")
print(session.save_state.status.value, flush=True)
"""


def test_a_process_that_exits_without_closing_still_writes_what_it_committed(
    diary: DiarySession, vault_path: Path
) -> None:
    diary.close()
    done = subprocess.run(
        [sys.executable, "-c", _EXIT_WITHOUT_CLOSING, str(vault_path), DIARY_PASSPHRASE],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert done.stdout.split() in (["pending"], ["saved"])
    assert notes_on_disk(vault_path) == ["written at exit"]
