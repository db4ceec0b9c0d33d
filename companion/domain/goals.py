"""What matters to me, goals with steps, and weekly action plans (Stanford / EPP Cymru style).

From ../shared/guide/clinical.md: a goal is something that matters to the person, broken into steps. An
action plan for the week says what, how much, when, on which days, and how confident the person is (0-10);
below 7 the app suggests making the plan smaller or easier. A weekly check-back records done / partly / not
done, what got in the way, and the next step.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from companion.domain.agreement import Agreement, validate_agreement
from companion.domain.errors import ValidationError
from companion.i18n import N_

TEXT_MAX_CHARS = 2_000
TITLE_MAX_CHARS = 120
CONFIDENCE_SUGGEST_BELOW = 7
ALL_DAYS = frozenset(range(7))


def clean_text(text: str | None, limit: int = TEXT_MAX_CHARS) -> str:
    value = (text or "").replace("\x00", "").strip()
    if len(value) > limit:
        raise ValidationError(
            N_("That text is too long ({count} characters). Shorten it to {limit} characters or fewer."),
            count=len(value),
            limit=limit,
        )
    return value


def week_start(day: dt.date) -> dt.date:
    """The Monday of the week holding `day`."""
    return day - dt.timedelta(days=day.weekday())


def validate_rating(value: int, *, what: str = N_("Choose a number from 0 to 10.")) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise ValidationError(what)
    return value


# --- what matters to me ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class WhatMatters:
    """One dated version of the person's own words. The newest is current; earlier ones are kept."""

    id: str
    written_at: dt.datetime
    what_matters: str
    good_day: str  # "When I have a good day, what makes it good?"


# --- goals -------------------------------------------------------------------------------------------------


class GoalStatus(StrEnum):
    ACTIVE = "active"
    DONE = "done"
    PAUSED = "paused"
    STOPPED = "stopped"


@dataclass(frozen=True)
class GoalStep:
    id: str
    text: str
    done_on: dt.date | None = None

    @property
    def done(self) -> bool:
        return self.done_on is not None


@dataclass(frozen=True)
class GoalRating:
    rated_at: dt.datetime
    rating: int  # the person's own 0-10: how near the goal feels


@dataclass(frozen=True)
class Goal:
    id: str
    title: str
    why: str = ""  # why it matters, in the person's words (linked to what matters to me)
    target_date: dt.date | None = None
    status: GoalStatus = GoalStatus.ACTIVE
    steps: tuple[GoalStep, ...] = ()
    ratings: tuple[GoalRating, ...] = ()
    created_at: dt.datetime | None = None  # when it was first saved (UTC); None before it is saved

    @property
    def steps_done(self) -> int:
        return sum(step.done for step in self.steps)

    @property
    def latest_rating(self) -> int | None:
        return self.ratings[-1].rating if self.ratings else None


def validate_goal(goal: Goal) -> Goal:
    title = " ".join(goal.title.replace("\x00", "").split())
    if not title:
        raise ValidationError(N_("Give the goal a short title, such as Walk to the shop."))
    if len(title) > TITLE_MAX_CHARS:
        raise ValidationError(N_("That title is too long. Use {limit} characters or fewer."), limit=TITLE_MAX_CHARS)
    if goal.target_date is not None and not 1900 <= goal.target_date.year <= 2200:
        raise ValidationError(N_("That date is out of range. Check the year."))
    steps = tuple(
        GoalStep(s.id, clean_text(s.text, TITLE_MAX_CHARS * 2), s.done_on) for s in goal.steps if s.text.strip()
    )
    return Goal(
        goal.id, title, clean_text(goal.why), goal.target_date, goal.status, steps, goal.ratings, goal.created_at
    )


# --- weekly action plans -----------------------------------------------------------------------------------


class CheckBackOutcome(StrEnum):
    DONE = "done"
    PARTLY = "partly"
    NOT_DONE = "not_done"


@dataclass(frozen=True)
class CheckBack:
    outcome: CheckBackOutcome
    got_in_the_way: str = ""
    next_step: str = ""
    done_at: dt.datetime | None = None


@dataclass(frozen=True)
class ActionPlan:
    id: str
    week_start: dt.date  # a Monday
    what: str
    how_much: str = ""
    when: str = ""
    days: frozenset[int] = ALL_DAYS  # Monday = 0
    confidence: int = 7
    goal_id: str | None = None
    ticked: frozenset[dt.date] = frozenset()
    check_back: CheckBack | None = None
    agreement: Agreement = field(default_factory=Agreement)

    @property
    def planned_dates(self) -> list[dt.date]:
        return [self.week_start + dt.timedelta(days=d) for d in sorted(self.days)]

    @property
    def needs_check_back(self) -> bool:
        return self.check_back is None


def suggests_smaller(confidence: int) -> bool:
    """Below 7 out of 10, the plan is worth making smaller or easier (the person decides)."""
    return confidence < CONFIDENCE_SUGGEST_BELOW


def validate_plan(plan: ActionPlan) -> ActionPlan:
    what = clean_text(plan.what, TITLE_MAX_CHARS * 2)
    if not what:
        raise ValidationError(N_("Say what you will do, such as Walk to the end of the road."))
    if not plan.days or not plan.days <= ALL_DAYS:
        raise ValidationError(N_("Choose at least one day for the plan."))
    validate_rating(plan.confidence, what=N_("Choose how confident you are, from 0 to 10."))
    if plan.week_start.weekday() != 0:
        raise ValidationError(N_("A weekly plan starts on a Monday."))
    ticked = frozenset(d for d in plan.ticked if plan.week_start <= d < plan.week_start + dt.timedelta(days=7))
    return ActionPlan(
        plan.id,
        plan.week_start,
        what,
        clean_text(plan.how_much, TITLE_MAX_CHARS),
        clean_text(plan.when, TITLE_MAX_CHARS),
        frozenset(plan.days),
        plan.confidence,
        plan.goal_id,
        ticked,
        plan.check_back,
        validate_agreement(plan.agreement),
    )


@dataclass(frozen=True)
class Completion:
    planned: int  # planned days up to and including `as_of`
    ticked: int  # of those, ticked off
    extra: int  # ticks on days that were not planned (kept, counted apart)

    @property
    def rate(self) -> float | None:
        return self.ticked / self.planned if self.planned else None


def completion(plan: ActionPlan, as_of: dt.date | None = None) -> Completion:
    """How much of the plan was done: ticked planned days against planned days so far (all of them once the
    week is over). A tick on an unplanned day counts as extra, never above 100 %."""
    dates = plan.planned_dates
    if as_of is not None:
        dates = [d for d in dates if d <= as_of]
    ticked = sum(d in plan.ticked for d in dates)
    extra = sum(d not in set(plan.planned_dates) for d in plan.ticked if as_of is None or d <= as_of)
    return Completion(len(dates), ticked, extra)


def completion_over(plans: list[ActionPlan], start: dt.date, end: dt.date) -> Completion:
    """All plans' planned days falling within start..end, for the summary and trends."""
    planned = ticked = extra = 0
    for plan in plans:
        planned_dates = set(plan.planned_dates)
        for day in planned_dates:
            if start <= day <= end:
                planned += 1
                ticked += day in plan.ticked
        extra += sum(1 for d in plan.ticked if start <= d <= end and d not in planned_dates)
    return Completion(planned, ticked, extra)
