"""Trends and patterns for a date range: the numbers behind every chart, shared with the summary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from statistics import fmean

from companion.domain import trends as t
from companion.domain.checkin import Checkin
from companion.domain.days import on_days, utc_window
from companion.domain.goals import Completion, completion_over, week_start
from companion.domain.measures import PegResponse
from companion.domain.medicines import Dose
from companion.domain.pacing import Activity, DayProgress, day_progress
from companion.services.clock import SYSTEM_CLOCK, Clock
from companion.services.ports import UnitOfWork

RANGES = {"2w": 14, "4w": 28, "3m": 91, "6m": 182, "1y": 365}
@dataclass(frozen=True)
class PainSeries:
    start: dt.date
    end: dt.date
    days: list[t.DayStats]
    ma7: list[float | None]
    ma28: list[float | None]
    flares: list[t.Span]
    medicines: list[t.Span]

    @property
    def has_data(self) -> bool:
        return any(d.has_pain for d in self.days)


@dataclass(frozen=True)
class PegPoint:
    day: dt.date
    score: float


@dataclass(frozen=True)
class ActivityDay:
    activity: Activity
    progress: list[DayProgress]


@dataclass(frozen=True)
class WeekCompletion:
    week_start: dt.date
    completion: Completion


class InsightsService:
    def __init__(self, uow_factory: Callable[[], UnitOfWork], clock: Clock = SYSTEM_CLOCK) -> None:
        self._uow = uow_factory
        self._clock = clock

    def today(self) -> dt.date:
        return self._clock.today()

    def first_day(self) -> dt.date | None:
        with self._uow() as uow:
            first = uow.checkins.first()
        return first.recorded_at.date() if first else None

    def range_for(self, key: str, first: dt.date | None = None) -> tuple[dt.date, dt.date]:
        """ "2w", "4w", "3m", "6m", "1y" back from today, or "all" from the first check-in."""
        end = self.today()
        if key == "all":
            return (first or self.first_day() or end - dt.timedelta(days=27)), end
        return end - dt.timedelta(days=RANGES[key] - 1), end

    def checkins(self, start: dt.date, end: dt.date) -> list[Checkin]:
        """Check-ins of days start..end, each on the calendar day of its own recorded local time."""
        lo, hi = utc_window(start, end)
        with self._uow() as uow:
            return [c for c in uow.checkins.between(lo, hi) if on_days(c.recorded_at, start, end)]

    # --- the summary's records: each belongs to the calendar day of its own recorded local time ---

    def doses_on_days(self, start: dt.date, end: dt.date) -> list[Dose]:
        """As-needed doses whose own local date is from start to end, oldest first."""
        with self._uow() as uow:
            doses = uow.medicines.doses(*utc_window(start, end))
        return [d for d in doses if on_days(d.taken_at, start, end)]

    def peg_on_days(self, start: dt.date, end: dt.date) -> list[PegResponse]:
        """PEG answers whose own local date is from start to end, in the order they were answered."""
        with self._uow() as uow:
            responses = uow.measures.peg_history()
        return [r for r in responses if on_days(r.taken_at, start, end)]

    def pain_series(self, start: dt.date, end: dt.date) -> PainSeries:
        """Daily pain with its band, 7- and 28-day averages (from 27 days before, so the first days have
        one too), flare-ups and medicine periods inside the range."""
        lead = start - dt.timedelta(days=27)
        stats = t.daily_stats(self.checkins(lead, end), lead, end)
        means = [s.pain_mean for s in stats]
        ma7 = t.moving_average(means, 7, 4)
        ma28 = t.moving_average(means, 28, 14)
        offset = (start - lead).days
        with self._uow() as uow:
            episodes = uow.flares.all()
            medicines = uow.medicines.medicines()
        flares = [
            span
            for e in episodes
            if (span := t.clip_span("", e.started_at.date(), e.ended_at.date() if e.ended_at else None, start, end))
        ]
        periods = [span for m in medicines if (span := t.clip_span(m.name, m.started_on, m.stopped_on, start, end))]
        return PainSeries(start, end, stats[offset:], ma7[offset:], ma28[offset:], flares, periods)

    def day_stats(self, start: dt.date, end: dt.date) -> list[t.DayStats]:
        return t.daily_stats(self.checkins(start, end), start, end)

    # --- PEG ---

    def peg_points(self, start: dt.date, end: dt.date) -> list[PegPoint]:
        with self._uow() as uow:
            responses = uow.measures.peg_history()
        # the mean of the three items unrounded (PegResponse.score is rounded for display): bands and baselines
        # on Trends are worked out as the summary works them out, on the unrounded score
        return [
            PegPoint(r.taken_at.date(), (r.pain_average + r.enjoyment + r.activity) / 3)
            for r in responses
            if start <= r.taken_at.date() <= end
        ]

    def peg_change(self, baseline: tuple[dt.date, dt.date], period: tuple[dt.date, dt.date]) -> t.Change | None:
        """Mean PEG in the period against the mean in the baseline period the person picked."""
        before = [p.score for p in self.peg_points(*baseline)]
        after = [p.score for p in self.peg_points(*period)]
        if not before or not after:
            return None
        return t.change_band(fmean(before), fmean(after))

    def pain_change(self, baseline: tuple[dt.date, dt.date], period: tuple[dt.date, dt.date]) -> t.Change | None:
        stats = self.day_stats(min(baseline[0], period[0]), max(baseline[1], period[1]))
        before, after = t.period_mean(stats, *baseline), t.period_mean(stats, *period)
        if before is None or after is None:
            return None
        return t.change_band(before, after)

    # --- activity, goals ---

    def planned(self, start: dt.date, end: dt.date) -> list[ActivityDay]:
        """Every activity's plan day by day, archived ones too (what was planned then), without what was done:
        the summary adds up the logs itself, exactly."""
        with self._uow() as uow:
            activities = uow.pacing.activities(include_archived=True)
            changes = {a.id: uow.pacing.changes(a.id) for a in activities}
        days = t.days_between(start, end)
        return [ActivityDay(a, [day_progress(a, changes[a.id], [], d) for d in days]) for a in activities]

    def activity(self, start: dt.date, end: dt.date, *, include_archived: bool = False) -> list[ActivityDay]:
        with self._uow() as uow:
            activities = uow.pacing.activities(include_archived=include_archived)
            logs = uow.pacing.logs(start, end)
            changes = {a.id: uow.pacing.changes(a.id) for a in activities}
        days = t.days_between(start, end)
        return [ActivityDay(a, [day_progress(a, changes[a.id], logs, d) for d in days]) for a in activities]

    def weekly_completion(self, start: dt.date, end: dt.date) -> list[WeekCompletion]:
        with self._uow() as uow:
            plans = uow.goals.plans(start, end)
        today = self.today()
        weeks = sorted({p.week_start for p in plans if start <= p.week_start + dt.timedelta(days=6)})
        out = []
        for monday in weeks:
            done = completion_over(plans, max(start, monday), min(end, today, monday + dt.timedelta(days=6)))
            if done.planned:
                out.append(WeekCompletion(monday, done))
        return out

    def completion(self, start: dt.date, end: dt.date) -> Completion:
        with self._uow() as uow:
            plans = uow.goals.plans(week_start(start), end)
        return completion_over(plans, start, min(end, self.today()))

    # --- patterns ---

    def tag_patterns(self, start: dt.date, end: dt.date) -> list[tuple[t.TagPattern, t.TagPattern]]:
        """For each tag used in the range: (same day, next day), most used first."""
        entries = [c for c in self.checkins(start, end) if start <= c.recorded_at.date() <= end]
        stats = t.daily_stats(entries, start, end)
        uses: dict[str, tuple[str, int]] = {}
        for entry in entries:
            for tag in entry.tags:
                key = tag.name.casefold()
                name, count = uses.get(key, (tag.name, 0))
                uses[key] = (name, count + 1)
        ordered = sorted(uses.values(), key=lambda item: (-item[1], item[0].casefold()))
        out = []
        for name, _count in ordered:
            days = t.tag_days(entries, name)
            out.append((t.tag_pattern(stats, days, name), t.tag_pattern(stats, days, name, next_day=True)))
        return out

    def time_of_day(self, start: dt.date, end: dt.date) -> list[t.GroupMean]:
        return t.by_time_of_day(self.checkins(start, end), start, end)

    def weekdays(self, start: dt.date, end: dt.date) -> list[t.GroupMean]:
        return t.by_weekday(self.day_stats(start, end))
