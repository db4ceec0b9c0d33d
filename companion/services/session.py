"""An opened diary and its services: what exists between unlock and lock."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from companion.domain.save_state import SaveState
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
        cls,
        path: Path,
        passphrase: str,
        kdf: KdfParams,
        clock: Clock = SYSTEM_CLOCK,
        *,
        background_saves: bool = False,
    ) -> tuple[DiarySession, str]:
        """A new diary. `background_saves`: see DiaryStore (commits return at once, saves follow)."""
        store, recovery = DiaryStore.create(path, passphrase, kdf, background_saves=background_saves)
        return cls(store, clock), recovery

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        passphrase: str | None = None,
        recovery_key: str | None = None,
        clock: Clock = SYSTEM_CLOCK,
        background_saves: bool = False,
    ) -> DiarySession:
        store = DiaryStore.open(
            path, now=clock.now(), passphrase=passphrase, recovery_key=recovery_key, background_saves=background_saves
        )
        return cls(store, clock)

    @property
    def path(self) -> Path:
        return self.store.path

    @property
    def has_unsaved_changes(self) -> bool:
        return self.store.has_unsaved_changes

    @property
    def save_state(self) -> SaveState:
        """SAVED only once every commit is durable on disk; see DiaryStore.subscribe for changes."""
        return self.store.save_state

    def subscribe(self, listener: Callable[[SaveState], None]) -> Callable[[], None]:
        """Call `listener` with each new save state; returns the unsubscribe function. With background
        saves the outcome of a save arrives ON THE SAVER'S THREAD (see DiaryStore.subscribe)."""
        return self.store.subscribe(listener)

    def flush(self) -> None:
        """Save everything committed now (waits for a background save in flight); raises SaveFailedError."""
        self.store.flush()

    def retry_save(self) -> None:
        self.store.flush()

    def change_passphrase(self, current: str, new: str, kdf: KdfParams) -> bool:
        """False when `current` is not the diary's passphrase; nothing changes then."""
        if not self.store.verify_passphrase(current):
            return False
        self.store.change_passphrase(new, kdf)
        return True

    def close(self) -> None:
        """Save pending changes (raises SaveFailedError and stays open if that fails), then drop all data."""
        self.store.close()
        self.is_open = False

    def discard(self) -> None:
        """Close without saving: committed changes not yet on disk are lost (the person chose to)."""
        self.store.discard()
        self.is_open = False
