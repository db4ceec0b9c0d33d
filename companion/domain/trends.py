"""Trends: daily statistics, moving averages that respect gaps, change bands, and honest patterns.

One source of truth for the Trends screen and the consultation summary. Pure Python: the charts in
companion/charts draw what these functions compute.

- A day without check-ins is a gap: it has no value and is never filled in. Moving averages use the days
  with data inside their window and need enough of them (4 of 7, 14 of 28), so a long gap shows as a gap.
- Change against a baseline period follows IMMPACT (Dworkin et al. 2008): a fall of 30 % or more in pain is a
  moderately important improvement, 50 % or more a substantial one. A rise of 30 % or more is shown too.
- Patterns (pain on days with and without a tag, the same day and the next day) are shown only with at least
  3 days with and 3 days without; otherwise the screen says how many more are needed. They are possible
  links worth discussing, never causes.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from statistics import fmean

from companion.domain.checkin import Checkin

MIN_PATTERN_DAYS = 3


@dataclass(frozen=True)
class DayStats:
    """One calendar day. Every value is None on a day with nothing recorded for it."""

    day: dt.date
    pain_mean: float | None = None
    pain_low: int | None = None
    pain_high: int | None = None
    pain_count: int = 0
    sleep_quality: float | None = None
    sleep_hours: float | None = None
    mood: float | None = None
    fatigue: float | None = None

    @property
    def has_pain(self) -> bool:
        return self.pain_count > 0


def _mean(values: list[float]) -> float | None:
    return fmean(values) if values else None


def days_between(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=i) for i in range((end - start).days + 1)]


def daily_stats(checkins: Iterable[Checkin], start: dt.date, end: dt.date) -> list[DayStats]:
    """One DayStats per calendar day from start to end inclusive, by the local date each check-in was
    recorded on (the person's own day, whatever time zone they were in)."""
    pains: dict[dt.date, list[int]] = defaultdict(list)
    fields: dict[str, dict[dt.date, list[float]]] = {k: defaultdict(list) for k in ("sq", "sh", "mood", "fat")}
    for entry in checkins:
        day = entry.recorded_at.date()
        if not start <= day <= end:
            continue
        if entry.pain is not None:
            pains[day].append(entry.pain)
        for key, value in (
            ("sq", entry.sleep_quality),
            ("sh", entry.sleep_hours),
            ("mood", entry.mood),
            ("fat", entry.fatigue),
        ):
            if value is not None:
                fields[key][day].append(float(value))
    out = []
    for day in days_between(start, end):
        scores = pains.get(day, [])
        out.append(
            DayStats(
                day,
                _mean([float(s) for s in scores]),
                min(scores) if scores else None,
                max(scores) if scores else None,
                len(scores),
                _mean(fields["sq"].get(day, [])),
                _mean(fields["sh"].get(day, [])),
                _mean(fields["mood"].get(day, [])),
                _mean(fields["fat"].get(day, [])),
            )
        )
    return out


def moving_average(values: list[float | None], window: int, min_points: int | None = None) -> list[float | None]:
    """Trailing mean over `window` consecutive days of the days that have a value; None where fewer than
    `min_points` (by default just over half the window) have one. Values are one per calendar day."""
    needed = min_points if min_points is not None else window // 2 + 1
    out: list[float | None] = []
    for index in range(len(values)):
        inside = [v for v in values[max(0, index - window + 1) : index + 1] if v is not None]
        out.append(fmean(inside) if len(inside) >= needed else None)
    return out


# --- change against a baseline period --------------------------------------------------------------------


class ChangeBand(StrEnum):
    MUCH_BETTER = "much_better"  # pain down 50 % or more
    BETTER = "better"  # down 30 % or more
    LITTLE_CHANGE = "little_change"
    WORSE = "worse"  # up 30 % or more


@dataclass(frozen=True)
class Change:
    baseline: float
    current: float
    band: ChangeBand

    @property
    def percent(self) -> float:
        """Change in per cent of the baseline: negative is lower (better for pain and PEG)."""
        return (self.current - self.baseline) / self.baseline * 100 if self.baseline else 0.0


def change_band(baseline: float, current: float) -> Change:
    """IMMPACT bands for a score where lower is better (pain, PEG). A baseline of 0 cannot improve."""
    if baseline <= 0:
        return Change(baseline, current, ChangeBand.WORSE if current > 0 else ChangeBand.LITTLE_CHANGE)
    ratio = (baseline - current) / baseline
    if ratio >= 0.5 - 1e-9:
        band = ChangeBand.MUCH_BETTER
    elif ratio >= 0.3 - 1e-9:
        band = ChangeBand.BETTER
    elif ratio <= -0.3 + 1e-9:
        band = ChangeBand.WORSE
    else:
        band = ChangeBand.LITTLE_CHANGE
    return Change(baseline, current, band)


def band_limits(baseline: float) -> dict[ChangeBand, float]:
    """The score at each band's edge for a baseline: where the chart draws its lines."""
    return {
        ChangeBand.BETTER: baseline * 0.7,
        ChangeBand.MUCH_BETTER: baseline * 0.5,
        ChangeBand.WORSE: baseline * 1.3,
    }


def period_mean(stats: list[DayStats], start: dt.date, end: dt.date) -> float | None:
    """Mean of the daily means in a period (each day counts once, however many check-ins it has)."""
    values = [s.pain_mean for s in stats if start <= s.day <= end and s.pain_mean is not None]
    return fmean(values) if values else None


# --- patterns ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TagPattern:
    tag: str
    next_day: bool  # False: pain the same day; True: pain the next day
    days_with: int
    days_without: int
    mean_with: float | None
    mean_without: float | None

    @property
    def enough(self) -> bool:
        return self.days_with >= MIN_PATTERN_DAYS and self.days_without >= MIN_PATTERN_DAYS

    @property
    def more_with_needed(self) -> int:
        return max(0, MIN_PATTERN_DAYS - self.days_with)

    @property
    def more_without_needed(self) -> int:
        return max(0, MIN_PATTERN_DAYS - self.days_without)

    @property
    def difference(self) -> float | None:
        """Mean pain with minus without (positive: higher on tagged days). None until there is enough."""
        if not self.enough or self.mean_with is None or self.mean_without is None:
            return None
        return self.mean_with - self.mean_without


def tag_days(checkins: Iterable[Checkin], tag: str) -> set[dt.date]:
    """Days on which a check-in carries the tag (any kind: did, helped, made worse), case-blind."""
    folded = tag.casefold()
    return {c.recorded_at.date() for c in checkins if any(t.name.casefold() == folded for t in c.tags)}


def tag_pattern(stats: list[DayStats], tagged: set[dt.date], tag: str, *, next_day: bool = False) -> TagPattern:
    """Pain on days with the tag against days without, among days with a pain score (for `next_day`, the
    pain of the following day, when that day has one)."""
    pain = {s.day: s.pain_mean for s in stats if s.pain_mean is not None}
    with_values: list[float] = []
    without_values: list[float] = []
    for s in stats:
        target = s.day + dt.timedelta(days=1) if next_day else s.day
        value = pain.get(target)
        if value is None:
            continue
        if next_day and s.pain_mean is None and s.day not in tagged:
            continue  # an empty day is not evidence of "without"
        (with_values if s.day in tagged else without_values).append(value)
    return TagPattern(tag, next_day, len(with_values), len(without_values), _mean(with_values), _mean(without_values))


# --- time of day and day of week ---------------------------------------------------------------------------


class DayPart(StrEnum):
    NIGHT = "night"  # 00:00-05:59
    MORNING = "morning"  # 06:00-11:59
    AFTERNOON = "afternoon"  # 12:00-17:59
    EVENING = "evening"  # 18:00-23:59


def day_part(moment: dt.datetime) -> DayPart:
    return (DayPart.NIGHT, DayPart.MORNING, DayPart.AFTERNOON, DayPart.EVENING)[moment.hour // 6]


@dataclass(frozen=True)
class GroupMean:
    key: str
    mean: float | None
    count: int


def by_time_of_day(checkins: Iterable[Checkin], start: dt.date, end: dt.date) -> list[GroupMean]:
    groups: dict[DayPart, list[float]] = defaultdict(list)
    for c in checkins:
        if c.pain is not None and start <= c.recorded_at.date() <= end:
            groups[day_part(c.recorded_at)].append(float(c.pain))
    return [GroupMean(part.value, _mean(groups[part]), len(groups[part])) for part in DayPart]


def by_weekday(stats: list[DayStats]) -> list[GroupMean]:
    """Mean of daily means for each weekday (Monday first)."""
    groups: dict[int, list[float]] = defaultdict(list)
    for s in stats:
        if s.pain_mean is not None:
            groups[s.day.weekday()].append(s.pain_mean)
    return [GroupMean(str(d), _mean(groups[d]), len(groups[d])) for d in range(7)]


# --- periods drawn under the chart ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    """A stretch of days to shade or draw as a bar (a flare-up, a medicine taken), clipped to the range."""

    label: str
    start: dt.date
    end: dt.date  # inclusive
    ongoing: bool = False


def clip_span(label: str, start: dt.date | None, end: dt.date | None, lo: dt.date, hi: dt.date) -> Span | None:
    first = max(start or lo, lo)
    last = min(end or hi, hi)
    if first > last:
        return None
    return Span(label, first, last, end is None or end > hi)
