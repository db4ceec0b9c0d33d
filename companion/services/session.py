"""An opened diary and its services: what exists between unlock and lock."""

from __future__ import annotations

from pathlib import Path

from companion.services.appointments import AppointmentsService
from companion.services.clock import SYSTEM_CLOCK, Clock
from companion.services.diary import DiaryService
from companion.services.flares import FlareService
from companion.services.goals import GoalsService
from companion.services.insights import InsightsService
from companion.services.measures import MeasuresService
from companion.services.medicines import MedicinesService
from companion.services.pacing import PacingService
from companion.services.story import StoryService
from companion.services.summary_prefs import SummaryPrefs
from companion.services.support import SupportService
from companion.storage.kdf import KdfParams
from companion.storage.store import DiaryStore
from companion.storage.unit_of_work import UnitOfWork


class DiarySession:
    def __init__(self, store: DiaryStore, clock: Clock = SYSTEM_CLOCK) -> None:
        self.store = store
        self.is_open = True
        self.diary = DiaryService(lambda: UnitOfWork(store), clock)
        self.measures = MeasuresService(lambda: UnitOfWork(store), clock)
        self.flares = FlareService(lambda: UnitOfWork(store), clock)
        self.pacing = PacingService(lambda: UnitOfWork(store), clock)
        self.goals = GoalsService(lambda: UnitOfWork(store), clock)
        self.medicines = MedicinesService(lambda: UnitOfWork(store), clock)
        self.support = SupportService(lambda: UnitOfWork(store), clock)
        self.insights = InsightsService(lambda: UnitOfWork(store), clock)
        self.summary = SummaryPrefs(lambda: UnitOfWork(store), clock)
        self.story = StoryService(lambda: UnitOfWork(store), clock)
        self.appointments = AppointmentsService(lambda: UnitOfWork(store), clock)
        self.clock = clock

    @classmethod
    def create(
        cls, path: Path, passphrase: str, kdf: KdfParams, clock: Clock = SYSTEM_CLOCK
    ) -> tuple[DiarySession, str]:
        store, recovery = DiaryStore.create(path, passphrase, kdf)
        return cls(store, clock), recovery

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        passphrase: str | None = None,
        recovery_key: str | None = None,
        clock: Clock = SYSTEM_CLOCK,
    ) -> DiarySession:
        return cls(DiaryStore.open(path, passphrase=passphrase, recovery_key=recovery_key), clock)

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def has_unsaved_changes(self) -> bool:
        return self.store.has_unsaved_changes

    def retry_save(self) -> None:
        self.store.save()

    def change_passphrase(self, current: str, new: str, kdf: KdfParams) -> bool:
        """False when `current` is not the diary's passphrase; nothing changes then."""
        if not self.store.verify_passphrase(current):
            return False
        self.store.change_passphrase(new, kdf)
        return True

    def close(self) -> None:
        """Save pending changes (raises SaveFailedError and stays open if that fails), then drop all data."""
        self.store.save()
        self.store.close()
        self.is_open = False
