"""Making committed changes durable: one save at a time, in commit order, on a thread of its own when asked.

A commit only changes the in-memory database. The saver then takes a snapshot (`serialize()`, a copy of
the in-memory image) and hands it to the vault, which encrypts it and replaces the file durably. With
background saves on, that happens on the saver's own thread and many quick commits share one save (the
thread always snapshots the newest committed state, so the last commit is always written); with them off,
the committing thread saves at once and a failure is raised to it.

Locks, always taken in this order, never the other way round:

* `write_lock` (re-entrant): held by each unit of work from enter to exit, and by a save only while it
  takes its snapshot, so a snapshot never includes rows of an open, uncommitted transaction.
* `_save_lock` (re-entrant): one durable save at a time (the saver thread's, `flush`, a passphrase change,
  moving the diary), so an older snapshot can never replace a newer one on disk.
* `_state_lock` (re-entrant): the counters and the save state. Listeners are called with it held, so they
  see the states in the order they happened.

The saver thread never touches Qt and never opens a SQLAlchemy session: it reads the raw image and writes
a file. Listeners are called on whichever thread changed the state: the saver thread for the outcome of a
background save, the committing thread for PENDING, the flushing thread for the outcome of `flush`.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import NoReturn

from companion.domain.errors import ChangedOnDiskError, CompanionError, SaveFailedError, VaultError
from companion.domain.save_state import SAVED, SaveState, SaveStatus
from companion.i18n import _

log = logging.getLogger(__name__)

Listener = Callable[[SaveState], None]
Write = Callable[[bytes], None]


@dataclass(frozen=True)
class SaveStats:
    """What the saver has done since the diary was opened (for benchmarks and docs/reliability.md)."""

    saves: int  # durable saves written
    commits: int  # commits made durable by them (more than `saves` when commits were coalesced)
    longest_window_s: float  # the longest time any commit waited between its commit and its durable save
    last_save_s: float  # how long the last save took, from taking the snapshot to the file being durable


class Saver:
    """Owns the save state of one open diary; see the module docstring for threads and locks."""

    def __init__(
        self, snapshot: Callable[[], bytes], commits: Callable[[], int], write: Write, *, background: bool
    ) -> None:
        self._snapshot = snapshot
        self._commits = commits
        self._write = write
        self.background = background
        self.write_lock = threading.RLock()
        self._save_lock = threading.RLock()
        self._state_lock = threading.RLock()
        self._saved = commits()  # the file on disk holds every commit up to this count
        self._error: SaveFailedError | ChangedOnDiskError | None = None
        self._state = SAVED
        self._listeners: list[Listener] = []
        self._waiting: deque[tuple[int, float]] = deque()  # (commit count, when) not yet durable
        self._stats = SaveStats(0, 0, 0.0, 0.0)
        self._wake = threading.Condition(threading.Lock())
        self._wanted = False
        self._stopping = False
        self._thread: threading.Thread | None = None

    # --- state ----------------------------------------------------------------------------------------

    @property
    def state(self) -> SaveState:
        return self._state

    @property
    def pending(self) -> bool:
        """Some committed change is not on disk yet."""
        return self._commits() != self._saved

    @property
    def durable_commits(self) -> int:
        """Every commit up to this count (see `Database.commits`) is durable on disk."""
        return self._saved

    @property
    def stats(self) -> SaveStats:
        return self._stats

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        with self._state_lock:
            self._listeners.append(listener)

        def unsubscribe() -> None:
            with self._state_lock:
                if listener in self._listeners:
                    self._listeners.remove(listener)

        return unsubscribe

    def _publish(self) -> None:
        """Work out the state from the facts and tell the listeners if it changed (state lock held)."""
        if not self.pending:
            state = SAVED
        elif self._error is not None:
            state = SaveState(SaveStatus.FAILED, self._error)
        else:
            state = SaveState(SaveStatus.PENDING)
        if state == self._state:
            return
        self._state = state
        for listener in list(self._listeners):
            try:
                listener(state)
            except Exception:  # a broken listener must not stop saves or hide the state from others
                log.exception("save state listener failed")

    # --- requests -------------------------------------------------------------------------------------

    def request(self) -> None:
        """A commit happened (the caller holds the write lock). Background: queue a save and return at
        once. Otherwise: save now, raising SaveFailedError (or ChangedOnDiskError) if the disk refuses."""
        with self._state_lock:
            self._waiting.append((self._commits(), time.monotonic()))
            self._error = None  # a new commit means a new attempt: PENDING until it succeeds or fails
            self._publish()
        if not self.background:
            self.flush()
            return
        with self._wake:
            self._wanted = True
            self._stopping = False
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="companion-saver", daemon=True)
                self._thread.start()
                _open_savers.add(self)
            self._wake.notify()

    def flush(self) -> None:
        """Make every committed change durable now, waiting for a save in flight first. Raises
        SaveFailedError (state FAILED, with the reason) or ChangedOnDiskError if it can't."""
        self._save(self._write, force=False)

    def save_with(self, write: Write) -> None:
        """Write the current image through `write` (a passphrase change re-wraps the key and saves), in
        turn with other saves; everything committed is durable when it returns."""
        self._save(write, force=True)

    @contextlib.contextmanager
    def held(self) -> Iterator[None]:
        """No save starts while inside (moving the diary copies the file meanwhile)."""
        with self.write_lock, self._save_lock:
            yield

    # --- saving ---------------------------------------------------------------------------------------

    def _save(self, write: Write, *, force: bool) -> None:
        with self.write_lock:  # no unit of work is open while the snapshot is taken
            self._save_lock.acquire()  # a save in flight finishes first; none starts until this one ends
            commits = self._commits()
            if commits == self._saved and not force:
                with self._state_lock:
                    self._publish()
                self._save_lock.release()
                return
            started = time.monotonic()
            try:
                image = self._snapshot()
            except BaseException as exc:
                self._save_lock.release()
                self._raise_failure(exc)
        try:
            try:
                write(image)
            except BaseException as exc:
                self._raise_failure(exc)
            self._succeeded(commits, started)
        finally:
            del image
            self._save_lock.release()

    def _raise_failure(self, exc: BaseException) -> NoReturn:
        """Record a failed save in the state (FAILED, with the reason) and raise it."""
        if isinstance(exc, (SaveFailedError, ChangedOnDiskError)):
            self._failed(exc)
            raise exc
        if not isinstance(exc, Exception):
            raise exc  # the process is stopping (KeyboardInterrupt, a simulated crash): no state to report
        if isinstance(exc, CompanionError):
            raise exc  # a refusal before anything was written (a wrong passphrase for a re-key): state as it was
        log.exception("unexpected error while saving")  # a bug or a surprise from a library: still a failed save
        failure = SaveFailedError(str(exc), reason=_("an unexpected error occurred"))
        self._failed(failure)
        raise failure from exc

    def _failed(self, error: SaveFailedError | ChangedOnDiskError) -> None:
        with self._state_lock:
            self._error = error
            self._publish()

    def _succeeded(self, commits: int, started: float) -> None:
        with self._state_lock:
            now = time.monotonic()
            longest = self._stats.longest_window_s
            done = 0
            while self._waiting and self._waiting[0][0] <= commits:
                longest = max(longest, now - self._waiting.popleft()[1])
                done += 1
            self._stats = SaveStats(self._stats.saves + 1, self._stats.commits + done, longest, now - started)
            self._saved = max(self._saved, commits)
            self._error = None
            self._publish()

    def _run(self) -> None:
        while True:
            with self._wake:
                while not self._wanted and not self._stopping:
                    self._wake.wait()
                if not self._wanted:
                    return
                self._wanted = False
            try:
                self._save(self._write, force=False)
            except VaultError:
                pass  # the state says FAILED, with the reason; the next commit, flush or Retry tries again
            except Exception:
                log.exception("saver thread: unexpected error")  # it keeps running; the next commit tries again
            except BaseException:
                log.critical("the saver thread stopped; the next commit starts another")
                raise

    def stop(self) -> None:
        """End the saver thread (after `flush`, when the diary closes). Unsaved changes stay pending."""
        with self._wake:
            self._stopping = True
            self._wake.notify()
            thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join()
        _open_savers.discard(self)


_open_savers: weakref.WeakSet[Saver] = weakref.WeakSet()


@atexit.register
def _flush_at_exit() -> None:
    """A safety net: a process that ends without closing its diary still writes what it committed."""
    for saver in list(_open_savers):
        try:
            saver.flush()
        except Exception as exc:  # the person was told at the time; at exit there is no one to tell
            log.warning("could not save the diary while exiting: %s", type(exc).__name__)
        saver.stop()
