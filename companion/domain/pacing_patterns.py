"""Boom-and-bust awareness: a heuristic for discussion, never a judgement or a validated cut-off.

From ../shared/guide/clinical.md (Pacing): a boom day has activity at least 1.5 x the 14-day median, or
30 % over the plan; a bust follows within 1-3 days with activity at most half the median and/or pain at
least 2 points above the median. The person can change every threshold.

A day's activity load compares each activity with its own recent days (see `daily_inputs`), so minutes of
walking and pages read can be put together. Days with nothing logged are missing, never zero: a gap is not
a bust.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from itertools import pairwise
from statistics import median

from companion.domain.errors import ValidationError
from companion.domain.pacing import Activity, ActivityLog, PlanChange, target_on
from companion.i18n import N_


@dataclass(frozen=True)
class Thresholds:
    boom_ratio: float = 1.5  # boom: load >= this x the 14-day median
    over_plan: float = 0.30  # ... or an activity this share over its plan
    bust_ratio: float = 0.5  # bust: load <= this x the median at the boom
    pain_rise: float = 2.0  # ... or pain this many points above the median at the boom
    bust_within_days: int = 3  # a bust counts 1 to this many days after the boom
    median_days: int = 14
    min_days: int = 4  # days with data needed in the window before a median is used

    def validated(self) -> Thresholds:
        if not 1.1 <= self.boom_ratio <= 5:
            raise ValidationError(N_("Choose a boom level from 1.1 to 5 times your usual."))
        if not 0.05 <= self.over_plan <= 2:
            raise ValidationError(N_("Choose an over-plan level from 5 to 200 per cent."))
        if not 0.05 <= self.bust_ratio <= 0.95:
            raise ValidationError(N_("Choose a low-activity level from 5 to 95 per cent of your usual."))
        if not 0.5 <= self.pain_rise <= 10:
            raise ValidationError(N_("Choose a pain rise from 0.5 to 10 points."))
        if not 1 <= self.bust_within_days <= 7:
            raise ValidationError(N_("Choose from 1 to 7 days after a busy day."))
        if not 7 <= self.median_days <= 28 or not 2 <= self.min_days <= self.median_days:
            raise ValidationError(
                N_("Choose from 7 to 28 days to work out your usual, with at least 2 of them logged.")
            )
        return self


@dataclass(frozen=True)
class DayInput:
    day: dt.date
    load: float | None  # None: nothing logged that day
    pain: float | None  # the day's mean pain, None when not recorded
    plan_ratio: float | None = None  # the highest actual / target of any planned activity that day


@dataclass(frozen=True)
class DayMark:
    day: dt.date
    load: float | None
    load_median: float | None
    pain: float | None
    pain_median: float | None
    plan_ratio: float | None
    boom: bool = False
    bust: bool = False
    boom_by_load: bool = False
    boom_by_plan: bool = False
    bust_by_load: bool = False
    bust_by_pain: bool = False
    after_boom: dt.date | None = None


@dataclass(frozen=True)
class PeriodCount:
    start: dt.date
    end: dt.date
    booms: int
    busts: int
    days_with_data: int


def _median_before(values: dict[dt.date, float], day: dt.date, span: int, needed: int) -> float | None:
    window = [values[d] for d in (day - dt.timedelta(days=i) for i in range(1, span + 1)) if d in values]
    return median(window) if window and len(window) >= needed else None  # min_days below 1 acts as 1


def detect(days: list[DayInput], thresholds: Thresholds = Thresholds()) -> list[DayMark]:
    """Mark booms and the busts that follow them, one mark per input day, in date order."""
    t = thresholds.validated()
    ordered = sorted(days, key=lambda d: d.day)
    loads = {d.day: d.load for d in ordered if d.load is not None}
    pains = {d.day: d.pain for d in ordered if d.pain is not None}
    by_day = {d.day: d for d in ordered}
    marks: dict[dt.date, DayMark] = {}
    for d in ordered:
        load_median = _median_before(loads, d.day, t.median_days, t.min_days)
        pain_median = _median_before(pains, d.day, t.median_days, t.min_days)
        by_load = (
            d.load is not None
            and load_median is not None
            and load_median > 0
            and (d.load >= t.boom_ratio * load_median - 1e-9)
        )
        by_plan = d.plan_ratio is not None and d.plan_ratio >= 1 + t.over_plan - 1e-9
        marks[d.day] = DayMark(
            d.day,
            d.load,
            load_median,
            d.pain,
            pain_median,
            d.plan_ratio,
            boom=by_load or by_plan,
            boom_by_load=by_load,
            boom_by_plan=by_plan,
        )
    # A bust is the first day 1..N days after a boom that is low in activity or high in pain, measured
    # against the medians as they were on the boom day.
    for boom in [m for m in marks.values() if m.boom]:
        for offset in range(1, t.bust_within_days + 1):
            day = boom.day + dt.timedelta(days=offset)
            entry = by_day.get(day)
            if entry is None or day not in marks or marks[day].boom:
                continue
            low = (
                entry.load is not None
                and boom.load_median is not None
                and (entry.load <= t.bust_ratio * boom.load_median + 1e-9)
            )
            sore = (
                entry.pain is not None
                and boom.pain_median is not None
                and (entry.pain >= boom.pain_median + t.pain_rise - 1e-9)
            )
            if low or sore:
                old = marks[day]
                marks[day] = DayMark(
                    old.day,
                    old.load,
                    old.load_median,
                    old.pain,
                    old.pain_median,
                    old.plan_ratio,
                    bust=True,
                    bust_by_load=low,
                    bust_by_pain=sore,
                    after_boom=boom.day,
                )
                break
    return [marks[d.day] for d in ordered]


def counts_per_four_weeks(marks: list[DayMark], until: dt.date, periods: int = 3) -> list[PeriodCount]:
    """Booms and busts in each 4-week period ending on `until`, newest first."""
    out = []
    for index in range(periods):
        end = until - dt.timedelta(days=28 * index)
        start = end - dt.timedelta(days=27)
        inside = [m for m in marks if start <= m.day <= end]
        out.append(
            PeriodCount(
                start,
                end,
                sum(m.boom for m in inside),
                sum(m.bust for m in inside),
                sum(m.load is not None for m in inside),
            )
        )
    return out


def variability(marks: list[DayMark]) -> float | None:
    """Day-to-day change in load on consecutive logged days, as a share of the median load."""
    loads = [(m.day, m.load) for m in marks if m.load is not None]
    steps = [abs(b - a) for (d1, a), (d2, b) in pairwise(loads) if (d2 - d1).days == 1]
    centre = median([load for _d, load in loads]) if loads else 0
    if len(steps) < 3 or centre <= 0:
        return None
    return sum(steps) / len(steps) / centre


def daily_inputs(  # noqa: PLR0917 (the inputs of one calculation)
    activities: list[Activity],
    changes: dict[str, list[PlanChange]],
    logs: list[ActivityLog],
    pain_by_day: dict[dt.date, float],
    start: dt.date,
    end: dt.date,
    median_days: int = 14,
    min_days: int = 3,
) -> list[DayInput]:
    """One DayInput per calendar day from start to end (inclusive).

    Each activity is compared with itself: its amount that day divided by the median of its own logged days
    in the `median_days` before (needing `min_days` of them). The day's load is the mean of those shares, so
    1.0 means "my usual" whatever the units, and an activity planned only on weekdays does not make every
    weekday look busy. Activities without enough history yet are left out of the load.
    """
    known = {a.id: a for a in activities}
    per_activity: dict[str, dict[dt.date, float]] = defaultdict(lambda: defaultdict(float))
    for log in logs:
        if log.activity_id in known:
            per_activity[log.activity_id][log.day] += log.amount
    out = []
    day = start
    while day <= end:
        shares, ratios = [], []
        for activity_id, by_day in per_activity.items():
            amount = by_day.get(day)
            if amount is None:
                continue
            usual = _median_before(by_day, day, median_days, min_days)
            if usual:
                shares.append(amount / usual)
            target = target_on(known[activity_id], changes.get(activity_id, []), day)
            if target:
                ratios.append(amount / target)
        load = sum(shares) / len(shares) if shares else None
        out.append(DayInput(day, load, pain_by_day.get(day), max(ratios) if ratios else None))
        day += dt.timedelta(days=1)
    return out
