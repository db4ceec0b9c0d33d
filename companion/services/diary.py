"""Recording pain and reading it back."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from companion.domain.changes import Changes
from companion.domain.pain import PainEntry, clean_note, validate_moment, validate_score
from companion.storage.unit_of_work import UnitOfWork

Clock = Callable[[], dt.datetime]


def local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def day_bounds(day: dt.date) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day, dt.time.min).astimezone()
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min).astimezone()
    return start, end


class DiaryService:
    def __init__(self, uow_factory: Callable[[], UnitOfWork], clock: Clock = local_now) -> None:
        self._uow = uow_factory
        self._clock = clock

    def record_pain(self, score: int, note: str = "", at: dt.datetime | None = None) -> tuple[PainEntry, Changes]:
        """Save a pain score. Raises ValidationError (nothing saved) or SaveFailedError (kept in memory)."""
        now = self._clock()
        moment = validate_moment(at or now, now)
        entry = PainEntry(id=str(uuid.uuid4()), recorded_at=moment, score=validate_score(score), note=clean_note(note))
        with self._uow() as uow:
            uow.pain.add(entry, now.astimezone(dt.UTC).replace(tzinfo=None))
            uow.commit()
        return entry, Changes(pain_entries=True)

    def delete_entry(self, entry_id: str) -> Changes:
        with self._uow() as uow:
            uow.pain.delete(entry_id)
            uow.commit()
        return Changes(pain_entries=True)

    def entries_on(self, day: dt.date) -> list[PainEntry]:
        start, end = day_bounds(day)
        with self._uow() as uow:
            return uow.pain.between(start, end)

    def today(self) -> dt.date:
        return self._clock().date()

    def entries_today(self) -> list[PainEntry]:
        return self.entries_on(self.today())

    def all_entries(self) -> list[PainEntry]:
        with self._uow() as uow:
            return uow.pain.all()

    def entry_count(self) -> int:
        with self._uow() as uow:
            return uow.pain.count()
