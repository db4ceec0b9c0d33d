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
from companion.domain.days import on_days, utc_window
from companion.domain.errors import ValidationError
from companion.domain.flare import FlareEpisode
from companion.domain.pain import clean_note
from companion.i18n import N_
from companion.services.clock import SYSTEM_CLOCK, Clock
from companion.services.ports import UnitOfWork

THRESHOLDS_KEY = "pacing.thresholds"
TIMER_KEY = "draft.pacing.timer"  # transient, like a draft: never exported
FLARE_ANSWERED_KEY = "pacing.flare_answered"

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
        return self._clock.now()

    def today(self) -> dt.date:
        return self._clock.today()

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
            uow.pacing.add(activity, self._clock.now())
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

    def record_test(
        self, activity_id: str, amount: float, note: str = "", taken_on: dt.date | None = None
    ) -> tuple[p.ToleranceTest, Changes]:
        """Record a tolerance test done now, or on an earlier day (`taken_on`; never a day still to come). A test
        on an earlier day keeps the time of day it is recorded at: the day is what the baseline needs."""
        self.get(activity_id)
        taken_at = self._clock.now()  # in the diary's zone, where its days are drawn
        if taken_on is not None and p.validate_test_day(taken_on, taken_at.date()) != taken_at.date():
            taken_at = self._clock.at(taken_on, taken_at.time().replace(tzinfo=None))
        test = p.ToleranceTest(str(uuid.uuid4()), activity_id, taken_at, p.validate_amount(amount), clean_note(note))
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
                p.PlanChange(str(uuid.uuid4()), activity_id, today, calc.value, p.ChangeKind.START), self._clock.now()
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
            uow.pacing.add_change(change, self._clock.now())
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
        recent = self._clock.now() - dt.timedelta(days=14)
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
                    uow.pacing.add_change(change, self._clock.now())
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
        now = self._clock.now()
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
        lo, hi = utc_window(start, end)
        scores: dict[dt.date, list[int]] = defaultdict(list)
        with self._uow() as uow:
            for entry in uow.checkins.between(lo, hi):
                if entry.pain is not None and on_days(entry.recorded_at, start, end):
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
