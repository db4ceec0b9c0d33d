"""A unit of work: one session, committed as a whole, then made durable by the store.

Each unit of work holds the store's write lock from enter to exit, so the saver never snapshots the
database while a transaction is open (`serialize()` would include its uncommitted rows).
"""

from __future__ import annotations

from types import TracebackType

from sqlalchemy.orm import Session

from companion.storage.flare_repository import FlareRepository
from companion.storage.goals_repository import GoalsRepository
from companion.storage.measures_repository import MeasuresRepository
from companion.storage.medicines_repository import MedicinesRepository
from companion.storage.pacing_repository import PacingRepository
from companion.storage.repositories import CheckinRepository, SettingsRepository, TagRepository
from companion.storage.store import DiaryStore
from companion.storage.story_repository import StoryRepository


class UnitOfWork:
    def __init__(self, store: DiaryStore) -> None:
        self._store = store
        self.session: Session | None = None

    def __enter__(self) -> UnitOfWork:
        self._store.write_lock.__enter__()
        try:
            self.session = self._store.session()
        except BaseException:
            self._store.write_lock.__exit__(None, None, None)
            raise
        self.checkins = CheckinRepository(self.session)
        self.tags = TagRepository(self.session)
        self.measures = MeasuresRepository(self.session)
        self.flares = FlareRepository(self.session)
        self.pacing = PacingRepository(self.session)
        self.goals = GoalsRepository(self.session)
        self.medicines = MedicinesRepository(self.session)
        self.settings = SettingsRepository(self.session)
        self.story = StoryRepository(self.session)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        assert self.session is not None
        try:
            self.session.rollback()
            self.session.close()
        finally:
            self.session = None
            self._store.write_lock.__exit__(None, None, None)

    def commit(self) -> None:
        """Commit, then ask the store to make it durable. With background saves that returns at once (the
        outcome is the store's save state); without, a failed save raises SaveFailedError and the commit
        stands in memory."""
        assert self.session is not None
        self.session.commit()
        self._store.request_save()
