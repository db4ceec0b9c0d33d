"""Pacing use cases: activities, tolerance tests, baselines, weekly plans, logging and boom-and-bust."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from statistics import fmean

from companion.domain import pacing as p
from companion.domain import pacing_patterns as bb
from companion.domain.changes import Changes
from companion.domain.errors import ValidationError
from companion.domain.flare import FlareEpisode
from companion.domain.pain import clean_note
from companion.i18n import N_, _, ngettext
from companion.i18n.formatting import format_decimal
from companion.services.clock import SYSTEM_CLOCK, Clock
from companion.services.diary import day_bounds
from companion.storage.unit_of_work import UnitOfWork

THRESHOLDS_KEY = "pacing.thresholds"
TIMER_KEY = "draft.pacing.timer"  # transient, like a draft: never exported
FLARE_ANSWERED_KEY = "pacing.flare_answered"

UNIT_NAMES = {
    p.Unit.MINUTES: N_("minutes"),
    p.Unit.METRES: N_("metres"),
    p.Unit.REPETITIONS: N_("repetitions"),
    p.Unit.PAGES: N_("pages"),
    p.Unit.OWN: N_("my own unit"),
}


def unit_name(activity: p.Activity) -> str:
    """The unit in words, for labels ("minutes", or the person's own unit as typed)."""
    return activity.own_unit if activity.unit is p.Unit.OWN else _(UNIT_NAMES[activity.unit])


def number(value: float) -> str:
    """An amount as the person reads it: 5, 7.5, 1,250 (in the active language's number format)."""
    return format_decimal(value, 0) if float(value).is_integer() else format_decimal(value, 1)


def _plural_n(value: float) -> int:
    """The plural category of a decimal is 'other' in English and Welsh; 7 selects it in both."""
    return int(value) if float(value).is_integer() else 7


def format_amount(value: float, activity: p.Activity) -> str:
    """ "7.5 minutes", "1 page", "3 lengths" (the person's own unit is shown as typed)."""
    n, shown = _plural_n(value), number(value)
    unit = activity.unit
    if unit is p.Unit.MINUTES:
        return ngettext("{amount} minute", "{amount} minutes", n).format(amount=shown)
    if unit is p.Unit.METRES:
        return ngettext("{amount} metre", "{amount} metres", n).format(amount=shown)
    if unit is p.Unit.REPETITIONS:
        return ngettext("{amount} repetition", "{amount} repetitions", n).format(amount=shown)
    if unit is p.Unit.PAGES:
        return ngettext("{amount} page", "{amount} pages", n).format(amount=shown)
    return _("{amount} {unit}").format(amount=shown, unit=activity.own_unit)


def explain_baseline(calc: p.BaselineCalc, activity: p.Activity) -> str:
    """The arithmetic in words, so the person can check it."""
    result = format_amount(calc.value, activity)
    if calc.method is p.BaselineMethod.MEAN:
        return _(
            "Average of your tests: ({values}) ÷ {count} = {mean}. {percent} % of that is {raw}, rounded to {result}."
        ).format(
            values=" + ".join(number(v) for v in calc.inputs),
            count=len(calc.inputs),
            mean=number(round(calc.mean or 0, 2)),
            percent=number(round(calc.factor * 100)),
            raw=number(round(calc.raw, 2)),
            result=result,
        )
    if calc.method is p.BaselineMethod.GOOD_BAD:
        good, bad = calc.inputs
        return _("(Good day {good} + bad day {bad}) ÷ 2 = {raw}, rounded to {result}.").format(
            good=number(good), bad=number(bad), raw=number(round(calc.raw, 2)), result=result
        )
    if calc.method is p.BaselineMethod.JUST_BELOW:
        return _("Just below {start}: {percent} % of it is {raw}, rounded down to {result}.").format(
            start=number(calc.inputs[0]),
            percent=number(round(calc.factor * 100)),
            raw=number(round(calc.raw, 2)),
            result=result,
        )
    return _("Your own figure: {result}.").format(result=result)


@dataclass(frozen=True)
class TimerCheckpoint:
    """A running pacing timer, kept in the diary so a crash cannot lose the time done."""

    activity_id: str
    started_at: str  # ISO datetime of the first start
    done_seconds: float  # active time as of the last checkpoint
    target_seconds: float


@dataclass(frozen=True)
class BoomBustReport:
    start: dt.date
    end: dt.date
    marks: list[bb.DayMark]
    counts: list[bb.PeriodCount]
    variability: float | None
    thresholds: bb.Thresholds

    @property
    def booms(self) -> int:
        return sum(m.boom for m in self.marks)

    @property
    def busts(self) -> int:
        return sum(m.bust for m in self.marks)


class PacingService:
    def __init__(self, uow_factory: Callable[[], UnitOfWork], clock: Clock = SYSTEM_CLOCK) -> None:
        self._uow = uow_factory
        self._clock = clock

    def now(self) -> dt.datetime:
        return self._clock()

    def today(self) -> dt.date:
        return self._clock().date()

    # --- activities -----------------------------------------------------------------------------------

    def activities(self) -> list[p.Activity]:
        with self._uow() as uow:
            return uow.pacing.activities()

    def get(self, activity_id: str) -> p.Activity:
        with self._uow() as uow:
            activity = uow.pacing.get(activity_id)
        if activity is None:
            raise ValidationError(N_("That activity is no longer in your diary."))
        return activity

    def add_activity(
        self, name: str, unit: p.Unit = p.Unit.MINUTES, own_unit: str = "", planned_days: frozenset[int] = p.ALL_DAYS
    ) -> tuple[p.Activity, Changes]:
        activity = p.validate_activity(
            p.Activity(id=str(uuid.uuid4()), name=name, unit=unit, own_unit=own_unit, planned_days=planned_days)
        )
        with self._uow() as uow:
            folded = activity.name.casefold()
            if any(a.name.casefold() == folded for a in uow.pacing.activities()):
                raise ValidationError(N_("You already have an activity called “{name}”."), name=activity.name)
            uow.pacing.add(activity, self._clock())
            uow.commit()
        return activity, Changes(pacing=True)

    def update_activity(self, activity: p.Activity) -> tuple[p.Activity, Changes]:
        clean = p.validate_activity(activity)
        with self._uow() as uow:
            folded = clean.name.casefold()
            if any(a.name.casefold() == folded and a.id != clean.id for a in uow.pacing.activities()):
                raise ValidationError(N_("You already have an activity called “{name}”."), name=clean.name)
            if not uow.pacing.update(clean):
                raise ValidationError(N_("That activity is no longer in your diary."))
            uow.commit()
        return clean, Changes(pacing=True)

    def delete_activity(self, activity_id: str) -> Changes:
        with self._uow() as uow:
            uow.pacing.delete(activity_id)
            uow.commit()
        return Changes(pacing=True)

    # --- tolerance tests and baseline -------------------------------------------------------------------

    def tests(self, activity_id: str) -> list[p.ToleranceTest]:
        with self._uow() as uow:
            return uow.pacing.tests(activity_id)

    def record_test(self, activity_id: str, amount: float, note: str = "") -> tuple[p.ToleranceTest, Changes]:
        self.get(activity_id)
        test = p.ToleranceTest(
            str(uuid.uuid4()), activity_id, self._clock(), p.validate_amount(amount), clean_note(note)
        )
        with self._uow() as uow:
            uow.pacing.add_test(test)
            uow.commit()
        return test, Changes(pacing=True)

    def delete_test(self, test_id: str) -> Changes:
        with self._uow() as uow:
            uow.pacing.delete_test(test_id)
            uow.commit()
        return Changes(pacing=True)

    def accept_baseline(self, activity_id: str, calc: p.BaselineCalc) -> tuple[p.Activity, Changes]:
        """Keep the baseline and start (or restart) the plan at it from today."""
        activity = replace(self.get(activity_id), baseline=calc.value, baseline_method=calc.method)
        p.validate_activity(activity)
        today = self.today()
        with self._uow() as uow:
            uow.pacing.update(activity)
            uow.pacing.delete_changes_from(activity_id, today)
            uow.pacing.add_change(
                p.PlanChange(str(uuid.uuid4()), activity_id, today, calc.value, p.ChangeKind.START), self._clock()
            )
            uow.commit()
        return activity, Changes(pacing=True)

    # --- the plan -------------------------------------------------------------------------------------

    def changes(self, activity_id: str) -> list[p.PlanChange]:
        with self._uow() as uow:
            return uow.pacing.changes(activity_id)

    def target_on(self, activity_id: str, day: dt.date | None = None, *, ignore_days: bool = False) -> float | None:
        activity = self.get(activity_id)
        return p.target_on(activity, self.changes(activity_id), day or self.today(), ignore_days=ignore_days)

    def schedule(self, activity_id: str, weeks: int = 6) -> list[p.ScheduleRow]:
        return p.schedule(self.get(activity_id), self.changes(activity_id), self.today(), weeks)

    def set_target(self, activity_id: str, amount: float) -> Changes:
        """The person's own target from today (the plan keeps growing from it by the weekly rule)."""
        activity = self.get(activity_id)
        value = p.round_amount(p.validate_amount(amount), activity.unit)
        return self._add_change(p.PlanChange(str(uuid.uuid4()), activity_id, self.today(), value, p.ChangeKind.MANUAL))

    def step_down(
        self, activity_id: str, share: float = p.DEFAULT_STEP_DOWN_SHARE, flare_id: str | None = None
    ) -> Changes:
        activity = self.get(activity_id)
        change = p.step_down(
            activity, self.changes(activity_id), self.today(), share, new_id=str(uuid.uuid4()), flare_id=flare_id
        )
        return self._add_change(change)

    def step_up(self, activity_id: str) -> Changes:
        activity = self.get(activity_id)
        change = p.step_up(activity, self.changes(activity_id), self.today(), new_id=str(uuid.uuid4()))
        return self._add_change(change)

    def _add_change(self, change: p.PlanChange) -> Changes:
        with self._uow() as uow:
            uow.pacing.delete_changes_from(change.activity_id, change.starts_on)
            uow.pacing.add_change(change, self._clock())
            uow.commit()
        return Changes(pacing=True)

    def is_stepped_down(self, activity_id: str) -> bool:
        return p.is_stepped_down(self.changes(activity_id), self.today())

    # --- after a flare --------------------------------------------------------------------------------

    def flare_to_offer(self, flares: list[FlareEpisode]) -> FlareEpisode | None:
        """A recent flare not yet answered here (step down, or not now), while some plan is not stepped down."""
        today = self.today()
        with self._uow() as uow:
            answered = set(json.loads(uow.settings.get(FLARE_ANSWERED_KEY, "[]") or "[]"))
            plans = [uow.pacing.changes(a.id) for a in uow.pacing.activities()]
        if not any(changes and not p.is_stepped_down(changes, today) for changes in plans):
            return None
        recent = self._clock() - dt.timedelta(days=14)
        for flare in reversed(flares):
            if flare.id in answered or (not flare.ongoing and (flare.ended_at or flare.started_at) < recent):
                continue
            return flare
        return None

    def answer_flare(self, flare_id: str, share: float | None) -> Changes:
        """Step every planned activity down to `share` of its target (or not, when None), once per flare."""
        today = self.today()
        with self._uow() as uow:
            answered = list(json.loads(uow.settings.get(FLARE_ANSWERED_KEY, "[]") or "[]"))
            if flare_id in answered:
                return Changes()
            if share is not None:
                for activity in uow.pacing.activities():
                    changes = uow.pacing.changes(activity.id)
                    if not changes or p.is_stepped_down(changes, today):
                        continue
                    change = p.step_down(activity, changes, today, share, new_id=str(uuid.uuid4()), flare_id=flare_id)
                    uow.pacing.delete_changes_from(activity.id, today)
                    uow.pacing.add_change(change, self._clock())
            uow.settings.set(FLARE_ANSWERED_KEY, json.dumps([*answered, flare_id][-50:]))
            uow.commit()
        return Changes(pacing=True)

    def stepped_down_activities(self) -> list[p.Activity]:
        today = self.today()
        with self._uow() as uow:
            return [a for a in uow.pacing.activities() if p.is_stepped_down(uow.pacing.changes(a.id), today)]

    # --- what was done --------------------------------------------------------------------------------

    def log(
        self, activity_id: str, amount: float, source: p.LogSource = p.LogSource.MANUAL, note: str = ""
    ) -> tuple[p.ActivityLog, p.DayProgress, Changes]:
        activity = self.get(activity_id)
        now = self._clock()
        entry = p.ActivityLog(
            str(uuid.uuid4()), activity_id, now.date(), now, p.validate_amount(amount), source, clean_note(note)
        )
        with self._uow() as uow:
            uow.pacing.add_log(entry)
            if source is p.LogSource.TIMER:
                uow.settings.delete(TIMER_KEY)
            uow.commit()
        return entry, self.progress(activity, now.date()), Changes(pacing=True)

    def delete_log(self, log_id: str) -> tuple[p.ActivityLog | None, Changes]:
        with self._uow() as uow:
            removed = uow.pacing.delete_log(log_id)
            uow.commit()
        return removed, Changes(pacing=True)

    def restore_log(self, log: p.ActivityLog) -> Changes:
        with self._uow() as uow:
            uow.pacing.add_log(log)
            uow.commit()
        return Changes(pacing=True)

    def logs(self, start: dt.date | None = None, end: dt.date | None = None) -> list[p.ActivityLog]:
        with self._uow() as uow:
            return uow.pacing.logs(start, end)

    def progress(self, activity: p.Activity, day: dt.date | None = None) -> p.DayProgress:
        day = day or self.today()
        return p.day_progress(activity, self.changes(activity.id), self.logs(day, day), day)

    def today_progress(self) -> list[p.DayProgress]:
        """Activities planned for today, or done today, in the person's order."""
        day = self.today()
        with self._uow() as uow:
            activities = uow.pacing.activities()
            logs = uow.pacing.logs(day, day)
            changes = {a.id: uow.pacing.changes(a.id) for a in activities}
        rows = [p.day_progress(a, changes[a.id], logs, day) for a in activities]
        return [r for r in rows if r.target is not None or r.done > 0]

    # --- the pacing timer's safety copy -------------------------------------------------------------------

    def save_timer_checkpoint(self, checkpoint: TimerCheckpoint | None) -> None:
        with self._uow() as uow:
            if checkpoint is None:
                uow.settings.delete(TIMER_KEY)
            else:
                uow.settings.set(TIMER_KEY, json.dumps(asdict(checkpoint)))
            uow.commit()

    def timer_checkpoint(self) -> TimerCheckpoint | None:
        with self._uow() as uow:
            raw = uow.settings.get(TIMER_KEY, "")
        if not raw:
            return None
        try:
            data = json.loads(raw)
            return TimerCheckpoint(
                str(data["activity_id"]),
                str(data["started_at"]),
                float(data["done_seconds"]),
                float(data["target_seconds"]),
            )
        except (ValueError, KeyError, TypeError):
            return None

    # --- boom and bust --------------------------------------------------------------------------------

    def thresholds(self) -> bb.Thresholds:
        with self._uow() as uow:
            raw = uow.settings.get(THRESHOLDS_KEY, "")
        if not raw:
            return bb.Thresholds()
        try:
            return bb.Thresholds(**json.loads(raw)).validated()
        except (ValueError, TypeError, ValidationError):
            return bb.Thresholds()

    def save_thresholds(self, thresholds: bb.Thresholds) -> Changes:
        clean = thresholds.validated()
        with self._uow() as uow:
            uow.settings.set(THRESHOLDS_KEY, json.dumps(asdict(clean)))
            uow.commit()
        return Changes(pacing=True)

    def pain_by_day(self, start: dt.date, end: dt.date) -> dict[dt.date, float]:
        """Each day's mean pain, a check-in counting on the calendar day of its own recorded local time (read
        two days wider than asked, so that no zone's day is cut short, then kept by that date)."""
        lo, _unused = day_bounds(start - dt.timedelta(days=2))
        _unused2, hi = day_bounds(end + dt.timedelta(days=2))
        scores: dict[dt.date, list[int]] = defaultdict(list)
        with self._uow() as uow:
            for entry in uow.checkins.between(lo, hi):
                if entry.pain is not None and start <= entry.recorded_at.date() <= end:
                    scores[entry.recorded_at.date()].append(entry.pain)
        return {day: fmean(values) for day, values in scores.items()}

    def boom_bust(self, weeks: int = 12, thresholds: bb.Thresholds | None = None) -> BoomBustReport:
        """The last `weeks` weeks marked, with 14 days before them read for the first medians."""
        t = (thresholds or self.thresholds()).validated()
        end = self.today()
        start = end - dt.timedelta(days=7 * weeks - 1)
        lead = start - dt.timedelta(days=t.median_days)
        with self._uow() as uow:
            activities = uow.pacing.activities(include_archived=True)
            changes = {a.id: uow.pacing.changes(a.id) for a in activities}
            logs = uow.pacing.logs(lead - dt.timedelta(days=t.median_days), end)
        pains = self.pain_by_day(lead, end)
        inputs = bb.daily_inputs(activities, changes, logs, pains, lead, end, t.median_days)
        marks = [m for m in bb.detect(inputs, t) if m.day >= start]
        return BoomBustReport(start, end, marks, bb.counts_per_four_weeks(marks, end), bb.variability(marks), t)
