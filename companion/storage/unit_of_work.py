"""A unit of work: one session, committed as a whole, then saved to the vault."""

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
        self.session = self._store.session()
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
        self.session.rollback()
        self.session.close()
        self.session = None

    def commit(self) -> None:
        """Commit, then save. If saving fails the commit stands in memory and SaveFailedError is raised."""
        assert self.session is not None
        self.session.commit()
        self._store.request_save()
