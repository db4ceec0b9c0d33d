"""Activity pacing: the person's activities, tolerance tests, baselines and a weekly plan that grows slowly.

The method follows ../shared/guide/clinical.md (Pacing): time-contingent, not pain-contingent. Three
tolerance tests over three days give a baseline (mean x 0.8 by default); the plan keeps to it on every
planned day, good days included, and increases it by about 10 % a week (or a fixed small step), planned
ahead. After a flare the plan steps down to a share of the current target, then back up.

Amounts are floats in the activity's own unit; every amount the person sees is rounded by `round_amount`
so that a schedule reads 5, 5.5, 6 minutes rather than 5.5000001.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from enum import StrEnum
from statistics import fmean

from companion.domain.errors import ValidationError
from companion.i18n import N_

NAME_MAX_CHARS = 80
AMOUNT_MAX = 100_000.0
DEFAULT_FACTOR = 0.8
DEFAULT_PERCENT = 10.0
DEFAULT_STEP_DOWN_SHARE = 0.6  # the flare plan's "cut activity by about 40 %"
JUST_BELOW_SHARE = 0.9
TESTS_NEEDED = 3
ALL_DAYS = frozenset(range(7))  # Monday = 0, as datetime.date.weekday()


class Unit(StrEnum):
    MINUTES = "minutes"
    METRES = "metres"
    REPETITIONS = "repetitions"
    PAGES = "pages"
    OWN = "own"  # the person's own unit, named in Activity.own_unit


class BaselineMethod(StrEnum):
    MEAN = "mean"  # mean of the tolerance tests x factor (0.8 by default)
    GOOD_BAD = "good_bad"  # (good day + bad day) / 2
    JUST_BELOW = "just_below"  # just below the amount where symptoms start
    OWN = "own"  # the person's own figure


class IncreaseKind(StrEnum):
    PERCENT = "percent"  # a share of the current target each week, at least one rounding step
    STEP = "step"  # a fixed amount each week (e.g. +1 minute)
    NONE = "none"  # keep to the same amount


class ChangeKind(StrEnum):
    START = "start"
    STEP_DOWN = "step_down"
    STEP_UP = "step_up"
    MANUAL = "manual"


# --- rounding ---------------------------------------------------------------------------------------------


def step_of(value: float, unit: Unit) -> float:
    """The rounding step for an amount: half-minutes for short times, whole repetitions and pages,
    5, 10 or 50 metres as distances grow."""
    if unit in (Unit.REPETITIONS, Unit.PAGES):
        return 1.0
    if unit is Unit.METRES:
        return 5.0 if value < 100 else 10.0 if value < 1000 else 50.0
    return 0.5 if value < 10 else 1.0  # minutes and the person's own unit


def round_amount(value: float, unit: Unit) -> float:
    """Nearest step (halves round up), never below one step for a positive amount."""
    if value <= 0:
        return 0.0
    step = step_of(value, unit)
    rounded = math.floor(value / step + 0.5 + 1e-9) * step
    return max(rounded, step)


def round_down(value: float, unit: Unit) -> float:
    """The largest step at or below `value` (at least one step): used for "just below"."""
    if value <= 0:
        return 0.0
    step = step_of(value, unit)
    return max(math.floor(value / step + 1e-9) * step, step)


def validate_amount(value: float, *, allow_zero: bool = False) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or math.isnan(value) or math.isinf(value):
        raise ValidationError(N_("Type an amount as a number, such as 10 or 7.5."))
    if value < 0 or (value == 0 and not allow_zero):
        raise ValidationError(N_("Type an amount above zero."))
    if value > AMOUNT_MAX:
        raise ValidationError(N_("That amount is too large. Type an amount up to {limit}."), limit=int(AMOUNT_MAX))
    return float(value)


# --- activities -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class IncreaseRule:
    kind: IncreaseKind = IncreaseKind.PERCENT
    value: float = DEFAULT_PERCENT  # percent for PERCENT, an amount for STEP, ignored for NONE

    def validated(self) -> IncreaseRule:
        if self.kind is IncreaseKind.PERCENT and not 1 <= self.value <= 50:
            raise ValidationError(N_("Choose a weekly increase from 1 to 50 per cent."))
        if self.kind is IncreaseKind.STEP:
            validate_amount(self.value)
        return self


@dataclass(frozen=True)
class Activity:
    id: str
    name: str
    unit: Unit = Unit.MINUTES
    own_unit: str = ""
    planned_days: frozenset[int] = ALL_DAYS
    increase: IncreaseRule = field(default_factory=IncreaseRule)
    ceiling: float | None = None  # the amount the person is building towards, if any
    rest_every_minutes: int | None = None  # the timer's rest-break prompt, for timed activities
    rest_minutes: int = 2
    baseline: float | None = None
    baseline_method: BaselineMethod | None = None
    archived: bool = False

    @property
    def timed(self) -> bool:
        return self.unit is Unit.MINUTES

    def planned_on(self, day: dt.date) -> bool:
        return day.weekday() in self.planned_days


def validate_activity(activity: Activity) -> Activity:
    name = " ".join(activity.name.replace("\x00", "").split())
    if not name:
        raise ValidationError(N_("Give the activity a name, such as Walking or Gardening."))
    if len(name) > NAME_MAX_CHARS:
        raise ValidationError(N_("That name is too long. Use {limit} characters or fewer."), limit=NAME_MAX_CHARS)
    own = " ".join(activity.own_unit.replace("\x00", "").split())
    if activity.unit is Unit.OWN and not own:
        raise ValidationError(N_("Say what you count this activity in, such as rooms or lengths."))
    if len(own) > 30:
        raise ValidationError(N_("That unit name is too long. Use {limit} characters or fewer."), limit=30)
    if not activity.planned_days or not activity.planned_days <= ALL_DAYS:
        raise ValidationError(N_("Choose at least one day of the week for this activity."))
    activity.increase.validated()
    if activity.ceiling is not None:
        validate_amount(activity.ceiling)
    if activity.rest_every_minutes is not None and not 1 <= activity.rest_every_minutes <= 240:
        raise ValidationError(N_("Choose a rest break every 1 to 240 minutes, or none."))
    if not 1 <= activity.rest_minutes <= 60:
        raise ValidationError(N_("Choose a rest break of 1 to 60 minutes."))
    if activity.baseline is not None:
        validate_amount(activity.baseline)
    return Activity(
        id=activity.id,
        name=name,
        unit=activity.unit,
        own_unit=own if activity.unit is Unit.OWN else "",
        planned_days=frozenset(activity.planned_days),
        increase=activity.increase,
        ceiling=activity.ceiling,
        rest_every_minutes=activity.rest_every_minutes,
        rest_minutes=activity.rest_minutes,
        baseline=activity.baseline,
        baseline_method=activity.baseline_method,
        archived=activity.archived,
    )


# --- tolerance tests and the baseline ---------------------------------------------------------------------


@dataclass(frozen=True)
class ToleranceTest:
    id: str
    activity_id: str
    taken_at: dt.datetime
    amount: float
    note: str = ""


@dataclass(frozen=True)
class BaselineCalc:
    """The arithmetic behind a baseline, kept so the screen can show every step."""

    method: BaselineMethod
    inputs: tuple[float, ...]
    raw: float  # before rounding
    value: float  # rounded, in the activity's unit
    factor: float = DEFAULT_FACTOR
    mean: float | None = None


def validate_test_day(day: dt.date, today: dt.date) -> dt.date:
    """A tolerance test may be recorded for an earlier day (the tests are done on three different days), never
    for a day still to come."""
    if day > today:
        raise ValidationError(N_("A tolerance test cannot be on a day still to come. Choose today or an earlier day."))
    return day


def tests_on_distinct_days(tests: list[ToleranceTest]) -> int:
    return len({t.taken_at.date() for t in tests})


def baseline_from_tests(tests: list[ToleranceTest], unit: Unit, factor: float = DEFAULT_FACTOR) -> BaselineCalc:
    """Mean of the latest three tolerance tests x factor (0.8 by default), rounded."""
    if len(tests) < TESTS_NEEDED:
        raise ValidationError(
            N_("Record {needed} tolerance tests first; {count} so far."), needed=TESTS_NEEDED, count=len(tests)
        )
    if not 0.5 <= factor <= 1.0:
        raise ValidationError(N_("Choose a share from 50 to 100 per cent."))
    latest = sorted(tests, key=lambda t: t.taken_at)[-TESTS_NEEDED:]
    inputs = tuple(t.amount for t in latest)
    mean = fmean(inputs)
    raw = mean * factor
    return BaselineCalc(BaselineMethod.MEAN, inputs, raw, round_amount(raw, unit), factor=factor, mean=mean)


def baseline_good_bad(good: float, bad: float, unit: Unit) -> BaselineCalc:
    validate_amount(good)
    validate_amount(bad)
    if bad > good:
        raise ValidationError(N_("The bad-day amount should not be more than the good-day amount."))
    raw = (good + bad) / 2
    return BaselineCalc(BaselineMethod.GOOD_BAD, (good, bad), raw, round_amount(raw, unit))


def baseline_just_below(symptoms_start: float, unit: Unit) -> BaselineCalc:
    """Just below where symptoms start: 90 %, rounded down, and always under the amount given."""
    validate_amount(symptoms_start)
    raw = symptoms_start * JUST_BELOW_SHARE
    value = round_down(raw, unit)
    if value >= symptoms_start:  # under one step: half a step, or 90 % unrounded when even that is too much
        value = min(max(symptoms_start - step_of(symptoms_start, unit), step_of(symptoms_start, unit) / 2), raw)
    return BaselineCalc(BaselineMethod.JUST_BELOW, (symptoms_start,), raw, value, factor=JUST_BELOW_SHARE)


def baseline_own(value: float, unit: Unit) -> BaselineCalc:
    validate_amount(value)
    return BaselineCalc(BaselineMethod.OWN, (value,), value, round_amount(value, unit))


# --- the plan: a start, then step-downs and step-ups ----------------------------------------------------


@dataclass(frozen=True)
class PlanChange:
    """From `starts_on`, the target is `amount`, growing each week by the activity's increase rule."""

    id: str
    activity_id: str
    starts_on: dt.date
    amount: float
    kind: ChangeKind = ChangeKind.START
    resume_amount: float | None = None  # for a step-down: the target just before it
    flare_id: str | None = None


def next_week_amount(current: float, rule: IncreaseRule, unit: Unit, ceiling: float | None = None) -> float:
    """One week's increase: percent rules grow by at least one rounding step; the ceiling caps it."""
    if rule.kind is IncreaseKind.NONE:
        grown = current
    else:
        raw = current + rule.value if rule.kind is IncreaseKind.STEP else current * (1 + rule.value / 100)
        # however small the rule, a planned increase moves the plan on by at least one rounding step
        grown = max(round_amount(raw, unit), round_amount(current + step_of(current, unit), unit))
    if ceiling is not None:
        grown = min(grown, max(ceiling, current))
    return grown


def amount_after_weeks(start: float, weeks: int, rule: IncreaseRule, unit: Unit, ceiling: float | None = None) -> float:
    amount = start
    for _week in range(max(0, weeks)):
        following = next_week_amount(amount, rule, unit, ceiling)
        if following == amount:
            break
        amount = following
    return amount


def current_change(changes: list[PlanChange], day: dt.date) -> PlanChange | None:
    started = [c for c in changes if c.starts_on <= day]
    return max(started, key=lambda c: c.starts_on, default=None) if started else None


def target_on(
    activity: Activity, changes: list[PlanChange], day: dt.date, *, ignore_days: bool = False
) -> float | None:
    """Today's target for a planned day (None when the day is not planned or no plan has started)."""
    change = current_change(changes, day)
    if change is None or (not ignore_days and not activity.planned_on(day)):
        return None
    weeks = (day - change.starts_on).days // 7
    return amount_after_weeks(change.amount, weeks, activity.increase, activity.unit, activity.ceiling)


@dataclass(frozen=True)
class ScheduleRow:
    week_starts: dt.date
    amount: float
    planned_days: int


def schedule(activity: Activity, changes: list[PlanChange], from_day: dt.date, weeks: int = 6) -> list[ScheduleRow]:
    """The plan ahead, week by week, from the current plan's own week boundary."""
    change = current_change(changes, from_day)
    if change is None:
        return []
    elapsed = (from_day - change.starts_on).days // 7
    rows = []
    for offset in range(weeks):
        week = elapsed + offset
        start = change.starts_on + dt.timedelta(days=7 * week)
        amount = amount_after_weeks(change.amount, week, activity.increase, activity.unit, activity.ceiling)
        rows.append(ScheduleRow(start, amount, len(activity.planned_days)))
    return rows


def step_down(
    activity: Activity, changes: list[PlanChange], day: dt.date, share: float, *, new_id: str, flare_id: str | None
) -> PlanChange:
    """A step-down to `share` of the current target, remembering the target to come back to."""
    if not 0.2 <= share <= 0.9:
        raise ValidationError(N_("Choose a share from 20 to 90 per cent."))
    current = target_on(activity, changes, day, ignore_days=True)
    if current is None:
        raise ValidationError(N_("Set a baseline and start a plan for this activity first."))
    previous = current_change(changes, day)
    resume = current
    if previous is not None and previous.kind is ChangeKind.STEP_DOWN and previous.resume_amount is not None:
        resume = max(previous.resume_amount, current)  # a second flare does not lower where to come back to
    return PlanChange(
        new_id, activity.id, day, round_amount(current * share, activity.unit), ChangeKind.STEP_DOWN, resume, flare_id
    )


def step_up(activity: Activity, changes: list[PlanChange], day: dt.date, *, new_id: str) -> PlanChange:
    """Back up to the target before the last step-down (never lower than today's)."""
    previous = current_change(changes, day)
    if previous is None or previous.kind is not ChangeKind.STEP_DOWN or previous.resume_amount is None:
        raise ValidationError(N_("This plan has not been stepped down, so there is nothing to step back up to."))
    current = target_on(activity, changes, day, ignore_days=True) or 0.0
    return PlanChange(new_id, activity.id, day, max(previous.resume_amount, current), ChangeKind.STEP_UP)


def is_stepped_down(changes: list[PlanChange], day: dt.date) -> bool:
    change = current_change(changes, day)
    return change is not None and change.kind is ChangeKind.STEP_DOWN


# --- what was done --------------------------------------------------------------------------------------


class LogSource(StrEnum):
    MANUAL = "manual"
    TIMER = "timer"


@dataclass(frozen=True)
class ActivityLog:
    id: str
    activity_id: str
    day: dt.date
    logged_at: dt.datetime
    amount: float
    source: LogSource = LogSource.MANUAL
    note: str = ""


@dataclass(frozen=True)
class DayProgress:
    """Planned against actual for one activity on one day."""

    activity: Activity
    day: dt.date
    target: float | None
    done: float

    @property
    def over_plan(self) -> bool:
        return self.target is not None and self.done > self.target + 1e-9

    @property
    def reached(self) -> bool:
        return self.target is not None and self.done >= self.target - 1e-9

    @property
    def remaining(self) -> float:
        return max(0.0, (self.target or 0.0) - self.done)


def day_progress(activity: Activity, changes: list[PlanChange], logs: list[ActivityLog], day: dt.date) -> DayProgress:
    done = sum(log.amount for log in logs if log.activity_id == activity.id and log.day == day)
    return DayProgress(activity, day, target_on(activity, changes, day), done)
