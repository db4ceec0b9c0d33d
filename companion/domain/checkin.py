"""A check-in: the time, and whatever the person chose to record then. Every field but the time is optional.

`CheckinInput` is what a person gives; `validate_checkin` turns it into clean values or raises one
translated ValidationError naming the first problem, so nothing partial is ever saved.
"""

from __future__ import annotations

import datetime as dt
import math
import unicodedata
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum

from companion.domain.body import REGION_BY_CODE, PainType
from companion.domain.errors import ValidationError
from companion.domain.pain import clean_note, validate_moment
from companion.i18n import N_

TAG_MAX_CHARS = 60
TAGS_MAX = 40
RATING_MAX = 4


class TagKind(StrEnum):
    DID = "did"  # what I did that mattered
    HELPED = "helped"  # what helped
    WORSE = "worse"  # what made it worse


@dataclass(frozen=True)
class RegionPain:
    region: str
    intensity: int | None = None
    pain_type: PainType | None = None


@dataclass(frozen=True)
class TagRating:
    kind: TagKind
    name: str
    rating: int | None = None


@dataclass(frozen=True)
class CheckinInput:
    recorded_at: dt.datetime
    pain: int | None = None
    regions: tuple[RegionPain, ...] = ()
    sleep_quality: int | None = None
    sleep_hours: float | None = None
    mood: int | None = None
    fatigue: int | None = None
    tags: tuple[TagRating, ...] = ()
    note: str = ""

    @property
    def is_empty(self) -> bool:
        return (
            self.pain is None
            and not self.regions
            and self.sleep_quality is None
            and self.sleep_hours is None
            and self.mood is None
            and self.fatigue is None
            and not self.tags
            and not self.note.strip()
        )


@dataclass(frozen=True)
class Checkin:
    id: str
    recorded_at: dt.datetime
    pain: int | None = None
    regions: tuple[RegionPain, ...] = ()
    sleep_quality: int | None = None
    sleep_hours: float | None = None
    mood: int | None = None
    fatigue: int | None = None
    tags: tuple[TagRating, ...] = field(default=())
    note: str = ""

    @classmethod
    def from_input(cls, entry_id: str, given: CheckinInput) -> Checkin:
        return cls(entry_id, **{f.name: getattr(given, f.name) for f in fields(CheckinInput)})

    def as_input(self, recorded_at: dt.datetime | None = None) -> CheckinInput:
        return CheckinInput(
            recorded_at=recorded_at or self.recorded_at,
            pain=self.pain,
            regions=self.regions,
            sleep_quality=self.sleep_quality,
            sleep_hours=self.sleep_hours,
            mood=self.mood,
            fatigue=self.fatigue,
            tags=self.tags,
            note=self.note,
        )

    @property
    def local_day(self) -> dt.date:
        return self.recorded_at.date()


def _zero_to(value: object, top: int, message: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= top:
        raise ValidationError(message)
    return value


def clean_tag_name(name: str) -> str:
    text = " ".join(unicodedata.normalize("NFC", name).replace("\x00", "").split())
    if not text:
        raise ValidationError(N_("A tag needs at least one letter or number."))
    if len(text) > TAG_MAX_CHARS:
        raise ValidationError(
            N_("A tag can be up to {limit} characters long. Shorten “{start}…”."),
            limit=TAG_MAX_CHARS,
            start=text[:20],
        )
    return text


def fold(name: str) -> str:
    """Tags differing only by case (or by accents typed as combining marks) are the same tag."""
    return unicodedata.normalize("NFC", name).casefold()


def validate_checkin(given: CheckinInput, now: dt.datetime) -> CheckinInput:
    """Clean values, or one translated ValidationError; never half of each."""
    moment = validate_moment(given.recorded_at, now)
    pain = _zero_to(given.pain, 10, N_("Choose a pain score from 0 to 10."))
    sleep_quality = _zero_to(given.sleep_quality, 10, N_("Sleep quality is a number from 0 to 10."))
    mood = _zero_to(given.mood, 10, N_("Mood is a number from 0 to 10."))
    fatigue = _zero_to(given.fatigue, 10, N_("Tiredness is a number from 0 to 10."))
    hours = given.sleep_hours
    if hours is not None:
        if isinstance(hours, bool) or not isinstance(hours, int | float) or not math.isfinite(hours):
            raise ValidationError(N_("The hours of sleep must be a number from 0 to 24."))
        if not 0 <= hours <= 24:
            raise ValidationError(N_("The hours of sleep must be a number from 0 to 24."))
        hours = round(float(hours) * 4) / 4  # quarter hours
    regions: list[RegionPain] = []
    seen_regions: set[str] = set()
    for item in given.regions:
        if item.region not in REGION_BY_CODE:
            raise ValidationError(N_("That part of the body isn't on the map. Choose it again."))
        if item.region in seen_regions:
            continue
        seen_regions.add(item.region)
        intensity = _zero_to(item.intensity, 10, N_("The pain in one place is a number from 0 to 10."))
        pain_type = None if item.pain_type is None else PainType(item.pain_type)
        regions.append(RegionPain(item.region, intensity, pain_type))
    tags: list[TagRating] = []
    seen_tags: set[tuple[TagKind, str]] = set()
    for tag in given.tags:
        kind = TagKind(tag.kind)
        name = clean_tag_name(tag.name)
        key = (kind, fold(name))
        if key in seen_tags:
            continue
        seen_tags.add(key)
        rating = _zero_to(tag.rating, RATING_MAX, N_("A tag's rating is a number from 0 to 4."))
        tags.append(TagRating(kind, name, rating))
    if len(tags) > TAGS_MAX:
        raise ValidationError(N_("A check-in can have up to {limit} tags."), limit=TAGS_MAX)
    cleaned = replace(
        given,
        recorded_at=moment,
        pain=pain,
        regions=tuple(regions),
        sleep_quality=sleep_quality,
        sleep_hours=hours,
        mood=mood,
        fatigue=fatigue,
        tags=tuple(tags),
        note=clean_note(given.note),
    )
    if cleaned.is_empty:
        raise ValidationError(N_("There is nothing to save yet. Add a pain score or anything else first."))
    return cleaned
