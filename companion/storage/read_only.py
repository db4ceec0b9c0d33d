"""A private, read-only copy of an open diary's database, for a document built off the GUI thread.

The copy is taken on the thread that owns the diary (`serialize()` is a consistent image of what is
committed), then opened in its own in-memory SQLite connection with `query_only` on: the build never
shares the window's connection, and locking the diary mid-build closes nothing the build uses. It is never
saved and holds nothing on disk."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.orm import Session

from companion.domain.save_state import SAVED, SaveState
from companion.storage.database import Database
from companion.storage.store import DiaryStore


class ReadOnlyCopy(DiaryStore):
    """Quacks like the diary's store for reading; every write or save raises."""

    def __init__(self, image: bytes) -> None:  # no vault: this copy is never written anywhere
        self.database = Database(image)
        self.database.make_read_only()
        self._save_state = SAVED
        self._listeners = []

    @classmethod
    def of(cls, store: DiaryStore) -> ReadOnlyCopy:
        return cls(store.database.serialize())

    @property
    def path(self) -> Path:
        raise RuntimeError("a read-only copy has no file")

    def session(self) -> Session:
        return self.database.sessions()

    @property
    def save_state(self) -> SaveState:
        return SAVED

    def request_save(self) -> None:
        raise RuntimeError("a read-only copy of the diary cannot be changed")

    def flush(self) -> None:
        """Nothing to save."""

    def save(self) -> None:
        """Nothing to save."""

    def close(self) -> None:
        self.database.close()
