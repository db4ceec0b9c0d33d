"""Repositories translate between table rows and the domain's frozen values."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from companion.domain.pain import PainEntry
from companion.storage.models import PainEntryRow, SettingRow


def _to_row_times(moment: dt.datetime) -> tuple[dt.datetime, int]:
    offset = moment.utcoffset() or dt.timedelta(0)
    utc = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return utc, int(offset.total_seconds() // 60)


def _from_row_times(utc: dt.datetime, offset_minutes: int) -> dt.datetime:
    tz = dt.timezone(dt.timedelta(minutes=offset_minutes))
    return utc.replace(tzinfo=dt.UTC).astimezone(tz)


def _entry(row: PainEntryRow) -> PainEntry:
    return PainEntry(
        id=row.id,
        recorded_at=_from_row_times(row.recorded_at_utc, row.utc_offset_minutes),
        score=row.score,
        note=row.note,
    )


class PainRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, entry: PainEntry, now_utc: dt.datetime) -> None:
        utc, offset = _to_row_times(entry.recorded_at)
        self._session.add(
            PainEntryRow(
                id=entry.id,
                recorded_at_utc=utc,
                utc_offset_minutes=offset,
                score=entry.score,
                note=entry.note,
                created_at_utc=now_utc,
                updated_at_utc=now_utc,
            )
        )

    def get(self, entry_id: str) -> PainEntry | None:
        row = self._session.get(PainEntryRow, entry_id)
        return _entry(row) if row else None

    def delete(self, entry_id: str) -> bool:
        result = self._session.execute(delete(PainEntryRow).where(PainEntryRow.id == entry_id))
        return bool(getattr(result, "rowcount", 0))

    def between(self, start: dt.datetime, end: dt.datetime) -> list[PainEntry]:
        """Entries with start <= recorded_at < end (aware datetimes), oldest first."""
        lo, _ = _to_row_times(start)
        hi, _ = _to_row_times(end)
        rows = self._session.scalars(
            select(PainEntryRow)
            .where(PainEntryRow.recorded_at_utc >= lo, PainEntryRow.recorded_at_utc < hi)
            .order_by(PainEntryRow.recorded_at_utc, PainEntryRow.created_at_utc)
        )
        return [_entry(r) for r in rows]

    def all(self) -> list[PainEntry]:
        rows = self._session.scalars(select(PainEntryRow).order_by(PainEntryRow.recorded_at_utc))
        return [_entry(r) for r in rows]

    def count(self) -> int:
        return int(self._session.scalar(select(func.count()).select_from(PainEntryRow)) or 0)


class SettingsRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, key: str, default: str = "") -> str:
        row = self._session.get(SettingRow, key)
        return row.value if row else default

    def set(self, key: str, value: str) -> None:
        row = self._session.get(SettingRow, key)
        if row is None:
            self._session.add(SettingRow(key=key, value=value))
        else:
            row.value = value
