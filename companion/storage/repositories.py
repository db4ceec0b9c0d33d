"""Repositories translate between table rows and the domain's frozen values."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from companion.domain.body import PainType
from companion.domain.checkin import Checkin, RegionPain, TagKind, TagRating, fold
from companion.storage.models import EntryRegionRow, EntryTagRow, PainEntryRow, SettingRow, TagRow


def to_row_times(moment: dt.datetime) -> tuple[dt.datetime, int]:
    offset = moment.utcoffset() or dt.timedelta(0)
    utc = moment.astimezone(dt.UTC).replace(tzinfo=None)
    return utc, int(offset.total_seconds() // 60)


def from_row_times(utc: dt.datetime, offset_minutes: int) -> dt.datetime:
    tz = dt.timezone(dt.timedelta(minutes=offset_minutes))
    return utc.replace(tzinfo=dt.UTC).astimezone(tz)


def _checkin(row: PainEntryRow) -> Checkin:
    return Checkin(
        id=row.id,
        recorded_at=from_row_times(row.recorded_at_utc, row.utc_offset_minutes),
        pain=row.score,
        regions=tuple(
            RegionPain(r.region, r.intensity, PainType(r.pain_type) if r.pain_type else None) for r in row.regions
        ),
        sleep_quality=row.sleep_quality,
        sleep_hours=row.sleep_hours,
        mood=row.mood,
        fatigue=row.fatigue,
        tags=tuple(TagRating(TagKind(link.kind), link.tag.name, link.rating) for link in row.tag_links),
        note=row.note,
    )


class CheckinRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def _tag(self, name: str, now_utc: dt.datetime) -> TagRow:
        folded = fold(name)
        row = self._session.scalar(select(TagRow).where(TagRow.folded == folded))
        if row is None:
            row = TagRow(id=str(uuid.uuid4()), name=name, folded=folded, created_at_utc=now_utc)
            self._session.add(row)
            self._session.flush()
        return row

    def _fill(self, row: PainEntryRow, checkin: Checkin, now_utc: dt.datetime) -> None:
        row.recorded_at_utc, row.utc_offset_minutes = to_row_times(checkin.recorded_at)
        row.score = checkin.pain
        row.note = checkin.note
        row.sleep_quality = checkin.sleep_quality
        row.sleep_hours = checkin.sleep_hours
        row.mood = checkin.mood
        row.fatigue = checkin.fatigue
        row.updated_at_utc = now_utc
        row.regions = [
            EntryRegionRow(
                region=r.region, position=i, intensity=r.intensity, pain_type=r.pain_type.value if r.pain_type else None
            )
            for i, r in enumerate(checkin.regions)
        ]
        row.tag_links = [
            EntryTagRow(tag=self._tag(t.name, now_utc), kind=t.kind.value, position=i, rating=t.rating)
            for i, t in enumerate(checkin.tags)
        ]

    def add(self, checkin: Checkin, now_utc: dt.datetime) -> None:
        row = PainEntryRow(id=checkin.id, created_at_utc=now_utc)
        self._fill(row, checkin, now_utc)
        self._session.add(row)

    def replace(self, checkin: Checkin, now_utc: dt.datetime) -> bool:
        row = self._session.get(PainEntryRow, checkin.id)
        if row is None:
            return False
        row.regions = []
        row.tag_links = []
        self._session.flush()
        self._fill(row, checkin, now_utc)
        return True

    def get(self, entry_id: str) -> Checkin | None:
        row = self._session.get(PainEntryRow, entry_id)
        return _checkin(row) if row else None

    def delete(self, entry_id: str) -> bool:
        row = self._session.get(PainEntryRow, entry_id)
        if row is None:
            return False
        self._session.delete(row)
        return True

    def between(self, start: dt.datetime, end: dt.datetime) -> list[Checkin]:
        """Check-ins with start <= recorded_at < end (aware datetimes), oldest first."""
        lo, _ = to_row_times(start)
        hi, _ = to_row_times(end)
        rows = self._session.scalars(
            select(PainEntryRow)
            .where(PainEntryRow.recorded_at_utc >= lo, PainEntryRow.recorded_at_utc < hi)
            .order_by(PainEntryRow.recorded_at_utc, PainEntryRow.created_at_utc)
        )
        return [_checkin(r) for r in rows]

    def latest_before(self, moment: dt.datetime) -> Checkin | None:
        utc, _ = to_row_times(moment)
        row = self._session.scalars(
            select(PainEntryRow)
            .where(PainEntryRow.recorded_at_utc <= utc)
            .order_by(PainEntryRow.recorded_at_utc.desc(), PainEntryRow.created_at_utc.desc())
            .limit(1)
        ).first()
        return _checkin(row) if row else None

    def all(self) -> list[Checkin]:
        rows = self._session.scalars(select(PainEntryRow).order_by(PainEntryRow.recorded_at_utc))
        return [_checkin(r) for r in rows]

    def count(self) -> int:
        return int(self._session.scalar(select(func.count()).select_from(PainEntryRow)) or 0)

    def region_names_until(self, moment: dt.datetime) -> frozenset[str]:
        """Every body region named by a check-in recorded at or before `moment` (one query, no check-ins
        loaded: the follow-up watcher's "a new region" needs only the names)."""
        utc, _ = to_row_times(moment)
        names = self._session.scalars(
            select(EntryRegionRow.region)
            .join(PainEntryRow, PainEntryRow.id == EntryRegionRow.entry_id)
            .where(PainEntryRow.recorded_at_utc <= utc)
            .distinct()
        )
        return frozenset(names)

    def first(self) -> Checkin | None:
        row = self._session.scalars(select(PainEntryRow).order_by(PainEntryRow.recorded_at_utc).limit(1)).first()
        return _checkin(row) if row else None


class TagRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def all_with_counts(self) -> list[tuple[str, int]]:
        """Every tag the person has used, with how many check-ins use it, by name."""
        rows = self._session.execute(
            select(TagRow.name, func.count(func.distinct(EntryTagRow.entry_id)))
            .outerjoin(EntryTagRow, EntryTagRow.tag_id == TagRow.id)
            .group_by(TagRow.id)
        ).all()
        return sorted(((name, int(count)) for name, count in rows), key=lambda r: fold(r[0]))

    def find(self, name: str) -> str | None:
        """The id of the tag called `name` (ignoring case and accents typed apart), or None."""
        return self._session.scalar(select(TagRow.id).where(TagRow.folded == fold(name)))

    def rename(self, tag_id: str, new_name: str) -> None:
        row = self._session.get(TagRow, tag_id)
        if row is not None:
            row.name = new_name
            row.folded = fold(new_name)

    def merge(self, source_id: str, target_id: str) -> None:
        """Move every use of `source` onto `target` (keeping the higher rating on a clash), then drop it."""
        links = self._session.scalars(select(EntryTagRow).where(EntryTagRow.tag_id == source_id)).all()
        for link in links:
            clash = self._session.get(EntryTagRow, (link.entry_id, target_id, link.kind))
            if clash is not None:
                ratings = [r for r in (clash.rating, link.rating) if r is not None]
                clash.rating = max(ratings) if ratings else None
                self._session.delete(link)
            else:
                self._session.execute(
                    update(EntryTagRow)
                    .where(
                        EntryTagRow.entry_id == link.entry_id,
                        EntryTagRow.tag_id == source_id,
                        EntryTagRow.kind == link.kind,
                    )
                    .values(tag_id=target_id)
                )
        self._session.flush()
        self._session.expire_all()
        self._session.execute(delete(TagRow).where(TagRow.id == source_id))


class SettingsRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, key: str, default: str = "") -> str:
        row = self._session.get(SettingRow, key)
        return row.value if row else default

    def delete(self, key: str) -> None:
        row = self._session.get(SettingRow, key)
        if row is not None:
            self._session.delete(row)

    def set(self, key: str, value: str) -> None:
        row = self._session.get(SettingRow, key)
        if row is None:
            self._session.add(SettingRow(key=key, value=value))
        else:
            row.value = value
