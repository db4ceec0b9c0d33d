"""A private, read-only copy of an open diary's database, for a document built off the GUI thread.

The copy is taken under the store's write lock (no unit of work is half done while it is taken; the saver
takes its snapshots the same way), then opened in its own in-memory SQLite connection with `query_only` on:
the build never shares the window's connection, and locking the diary mid-build closes nothing the build
uses. It is never saved and holds nothing on disk."""

from __future__ import annotations

import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from sqlalchemy.orm import Session

from companion.domain.save_state import SAVED, SaveState
from companion.storage.database import Database
from companion.storage.store import DiaryStore


class ReadOnlyCopy(DiaryStore):
    """Quacks like the diary's store for reading; every write raises."""

    def __init__(self, image: bytes) -> None:  # no vault and no saver: this copy is never written anywhere
        self.database = Database(image)
        self.database.make_read_only()
        self._lock = threading.RLock()

    @classmethod
    def of(cls, store: DiaryStore) -> ReadOnlyCopy:
        with store.write_lock:
            image = store.database.serialize()
        return cls(image)

    @property
    def path(self) -> Path:
        raise RuntimeError("a read-only copy has no file")

    def session(self) -> Session:
        return self.database.sessions()

    @property
    def write_lock(self) -> AbstractContextManager[bool]:
        return self._lock

    @property
    def has_unsaved_changes(self) -> bool:
        return False

    @property
    def save_state(self) -> SaveState:
        return SAVED

    def subscribe(self, listener: Callable[[SaveState], None]) -> Callable[[], None]:
        return lambda: None

    def request_save(self) -> None:
        raise RuntimeError("a read-only copy of the diary cannot be changed")

    def flush(self) -> None:
        """Nothing to save."""

    def close(self) -> None:
        self.database.close()
