"""Check-ins: record, edit, delete with undo, copy the last one, and find them again."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from companion.domain.changes import Changes
from companion.domain.checkin import Checkin, CheckinInput, clean_tag_name, fold, validate_checkin
from companion.domain.days import on_days, utc_window
from companion.domain.errors import ValidationError
from companion.domain.pain import validate_score
from companion.i18n import N_
from companion.services.clock import SYSTEM_CLOCK, Clock
from companion.services.ports import UnitOfWork

DRAFT_KEY = "draft.checkin"


@dataclass(frozen=True)
class DiaryFilter:
    start: dt.date | None = None
    end: dt.date | None = None  # inclusive
    tag: str | None = None
    pain_min: int | None = None
    pain_max: int | None = None
    text: str = ""

    def matches(self, checkin: Checkin) -> bool:
        if self.pain_min is not None and (checkin.pain is None or checkin.pain < self.pain_min):
            return False
        if self.pain_max is not None and (checkin.pain is None or checkin.pain > self.pain_max):
            return False
        if self.tag and fold(self.tag) not in {fold(t.name) for t in checkin.tags}:
            return False
        if self.text:
            needle = fold(self.text.strip())
            haystack = " ".join([checkin.note, *(t.name for t in checkin.tags)])
            if needle not in fold(haystack):
                return False
        return True


@dataclass(frozen=True)
class DiaryDay:
    day: dt.date
    entries: tuple[Checkin, ...]  # oldest first

    @property
    def highest_pain(self) -> int | None:
        scores = [e.pain for e in self.entries if e.pain is not None]
        return max(scores) if scores else None


class DiaryService:
    def __init__(self, uow_factory: Callable[[], UnitOfWork], clock: Clock = SYSTEM_CLOCK) -> None:
        self._uow = uow_factory
        self._clock = clock

    def now(self) -> dt.datetime:
        return self._clock.now()

    def today(self) -> dt.date:
        return self._clock.today()

    # --- writing ----------------------------------------------------------------------------------------

    def record_checkin(self, given: CheckinInput) -> tuple[Checkin, Changes]:
        """Save a check-in exactly as given (cleaned), or raise ValidationError with nothing saved.

        SaveFailedError means it is committed in memory but not yet on disk (retry later)."""
        now = self._clock.now()
        clean = validate_checkin(given, now)
        checkin = Checkin.from_input(str(uuid.uuid4()), clean)
        with self._uow() as uow:
            uow.checkins.add(checkin, _utc(now))
            uow.commit()
        return checkin, Changes(pain_entries=True, tags=bool(checkin.tags))

    def record_checkins(self, given: list[CheckinInput]) -> tuple[list[Checkin], Changes]:
        """Several check-ins in one commit and one save (a demo diary, a bulk import): all or none."""
        now = self._clock.now()
        checkins = [Checkin.from_input(str(uuid.uuid4()), validate_checkin(g, now)) for g in given]
        with self._uow() as uow:
            for checkin in checkins:
                uow.checkins.add(checkin, _utc(now))
            uow.commit()
        return checkins, Changes(pain_entries=True, tags=any(c.tags for c in checkins))

    def record_pain(self, score: int, note: str = "", at: dt.datetime | None = None) -> tuple[Checkin, Changes]:
        validate_score(score)
        return self.record_checkin(CheckinInput(recorded_at=at or self._clock.now(), pain=score, note=note))

    def update_checkin(self, entry_id: str, given: CheckinInput) -> tuple[Checkin, Changes]:
        now = self._clock.now()
        clean = validate_checkin(given, now)
        checkin = Checkin.from_input(entry_id, clean)
        with self._uow() as uow:
            if not uow.checkins.replace(checkin, _utc(now)):
                raise ValidationError(N_("That entry no longer exists. It may have been deleted."))
            uow.commit()
        return checkin, Changes(pain_entries=True, tags=True)

    def delete_entry(self, entry_id: str) -> tuple[Checkin | None, Changes]:
        """Delete and return what was deleted, so it can be put back (undo)."""
        with self._uow() as uow:
            snapshot = uow.checkins.get(entry_id)
            if snapshot is None:
                return None, Changes()
            uow.checkins.delete(entry_id)
            uow.commit()
        return snapshot, Changes(pain_entries=True)

    def restore_entry(self, snapshot: Checkin) -> Changes:
        """Undo a delete: the same entry, with the same id, comes back."""
        with self._uow() as uow:
            if uow.checkins.get(snapshot.id) is None:
                uow.checkins.add(snapshot, _utc(self._clock.now()))
                uow.commit()
        return Changes(pain_entries=True, tags=bool(snapshot.tags))

    # --- reading ----------------------------------------------------------------------------------------

    def get(self, entry_id: str) -> Checkin | None:
        with self._uow() as uow:
            return uow.checkins.get(entry_id)

    def entries_on(self, day: dt.date) -> list[Checkin]:
        """The check-ins of `day`: each on the calendar day of its own recorded local time."""
        return self._entries(day, day)

    def _entries(self, first: dt.date, last: dt.date) -> list[Checkin]:
        lo, hi = utc_window(first, last)
        with self._uow() as uow:
            return [c for c in uow.checkins.between(lo, hi) if on_days(c.recorded_at, first, last)]

    def entries_today(self) -> list[Checkin]:
        return self.entries_on(self.today())

    def all_entries(self) -> list[Checkin]:
        with self._uow() as uow:
            return uow.checkins.all()

    def entry_count(self) -> int:
        with self._uow() as uow:
            return uow.checkins.count()

    def last_checkin(self) -> Checkin | None:
        """The most recent check-in up to now: what "same as yesterday" copies."""
        with self._uow() as uow:
            return uow.checkins.latest_before(self._clock.now())

    def search(self, criteria: DiaryFilter) -> list[DiaryDay]:
        """Days with matching check-ins, newest day first; each day's matching entries oldest first."""
        first = criteria.start or dt.date(1900, 1, 1)
        found = [c for c in self._entries(first, criteria.end or self.today()) if criteria.matches(c)]
        days: dict[dt.date, list[Checkin]] = {}
        for checkin in found:
            days.setdefault(checkin.local_day, []).append(checkin)
        return [DiaryDay(day, tuple(entries)) for day, entries in sorted(days.items(), reverse=True)]

    # --- drafts -----------------------------------------------------------------------------------------

    def save_draft(self, state: dict[str, object] | None) -> None:
        """Keep an unfinished check-in (inside the encrypted diary) when it locks; None removes it."""
        with self._uow() as uow:
            uow.settings.set(DRAFT_KEY, json.dumps(state) if state else "")
            uow.commit()

    def take_draft(self) -> dict[str, object] | None:
        """The kept draft, once: it is removed as it is handed back."""
        with self._uow() as uow:
            raw = uow.settings.get(DRAFT_KEY)
            if not raw:
                return None
            uow.settings.set(DRAFT_KEY, "")
            uow.commit()
        try:
            state = json.loads(raw)
        except ValueError:
            return None
        return state if isinstance(state, dict) else None

    # --- tags -------------------------------------------------------------------------------------------

    def tags_with_counts(self) -> list[tuple[str, int]]:
        with self._uow() as uow:
            return uow.tags.all_with_counts()

    def tag_names(self) -> list[str]:
        return [name for name, _count in self.tags_with_counts()]

    def rename_tag(self, old: str, new: str) -> Changes:
        """Rename a tag everywhere. Renaming to another tag's name merges the two, history kept."""
        new_name = clean_tag_name(new)
        with self._uow() as uow:
            source = uow.tags.find(old)
            if source is None:
                raise ValidationError(N_("There is no tag called “{name}”."), name=old)
            target = uow.tags.find(new_name)
            if target is None or target == source:
                uow.tags.rename(source, new_name)
            else:
                uow.tags.merge(source, target)
            uow.commit()
        return Changes(pain_entries=True, tags=True)

    def merge_tags(self, source: str, target: str) -> Changes:
        with self._uow() as uow:
            src, dst = uow.tags.find(source), uow.tags.find(target)
            if src is None or dst is None:
                raise ValidationError(N_("There is no tag called “{name}”."), name=source if src is None else target)
            if src != dst:
                uow.tags.merge(src, dst)
                uow.commit()
        return Changes(pain_entries=True, tags=True)


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC).replace(tzinfo=None)
