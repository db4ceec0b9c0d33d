"""What matters to me, goals and weekly action plans."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import replace

from companion.domain.changes import Changes
from companion.domain.errors import ValidationError
from companion.domain.goals import (
    ActionPlan,
    CheckBack,
    CheckBackOutcome,
    Completion,
    Goal,
    GoalRating,
    WhatMatters,
    clean_text,
    completion,
    completion_over,
    validate_goal,
    validate_plan,
    validate_rating,
    week_start,
)
from companion.i18n import N_
from companion.services.clock import SYSTEM_CLOCK, Clock
from companion.services.ports import UnitOfWork


def new_id() -> str:
    return str(uuid.uuid4())


class GoalsService:
    def __init__(self, uow_factory: Callable[[], UnitOfWork], clock: Clock = SYSTEM_CLOCK) -> None:
        self._uow = uow_factory
        self._clock = clock

    def today(self) -> dt.date:
        return self._clock.today()

    # --- what matters to me ---

    def what_matters(self) -> WhatMatters | None:
        history = self.what_matters_history()
        return history[0] if history else None

    def what_matters_history(self) -> list[WhatMatters]:
        with self._uow() as uow:
            return uow.goals.what_matters_history()

    def save_what_matters(self, what_matters: str, good_day: str) -> tuple[WhatMatters | None, Changes]:
        """A new dated version when the words changed; earlier versions are kept."""
        current = self.what_matters()
        text, good = clean_text(what_matters), clean_text(good_day)
        if current is not None and (current.what_matters, current.good_day) == (text, good):
            return current, Changes()
        version = WhatMatters(new_id(), self._clock.now(), text, good)
        with self._uow() as uow:
            uow.goals.add_what_matters(version)
            uow.commit()
        return version, Changes(goals=True)

    # --- goals ---

    def goals(self) -> list[Goal]:
        with self._uow() as uow:
            return uow.goals.goals()

    def get_goal(self, goal_id: str) -> Goal:
        with self._uow() as uow:
            goal = uow.goals.get_goal(goal_id)
        if goal is None:
            raise ValidationError(N_("That goal is no longer in your diary."))
        return goal

    def save_goal(self, goal: Goal) -> tuple[Goal, Changes]:
        """The goal as stored (with when it was first saved, which the summary reads)."""
        clean = validate_goal(goal)
        with self._uow() as uow:
            uow.goals.save_goal(clean, self._clock.now())
            uow.commit()
            stored = uow.goals.get_goal(clean.id)
        return stored or clean, Changes(goals=True)

    def set_step_done(self, goal_id: str, step_id: str, done: bool) -> tuple[Goal, Changes]:
        goal = self.get_goal(goal_id)
        steps = tuple(
            replace(s, done_on=(self.today() if done else None)) if s.id == step_id else s for s in goal.steps
        )
        return self.save_goal(replace(goal, steps=steps))

    def rate_goal(self, goal_id: str, rating: int) -> tuple[Goal, Changes]:
        validate_rating(rating)
        self.get_goal(goal_id)
        with self._uow() as uow:
            uow.goals.add_rating(new_id(), goal_id, GoalRating(self._clock.now(), rating))
            uow.commit()
        return self.get_goal(goal_id), Changes(goals=True)

    def delete_goal(self, goal_id: str) -> Changes:
        with self._uow() as uow:
            uow.goals.delete_goal(goal_id)
            uow.commit()
        return Changes(goals=True)

    # --- weekly action plans ---

    def this_week(self) -> dt.date:
        return week_start(self.today())

    def plans(self, start: dt.date | None = None, end: dt.date | None = None) -> list[ActionPlan]:
        with self._uow() as uow:
            return uow.goals.plans(start, end)

    def plans_this_week(self) -> list[ActionPlan]:
        monday = self.this_week()
        return [p for p in self.plans(monday, monday) if p.week_start == monday]

    def get_plan(self, plan_id: str) -> ActionPlan:
        with self._uow() as uow:
            plan = uow.goals.get_plan(plan_id)
        if plan is None:
            raise ValidationError(N_("That action plan is no longer in your diary."))
        return plan

    def save_plan(self, plan: ActionPlan) -> tuple[ActionPlan, Changes]:
        clean = validate_plan(plan)
        with self._uow() as uow:
            uow.goals.save_plan(clean, self._clock.now())
            uow.commit()
        return clean, Changes(goals=True)

    def tick(self, plan_id: str, day: dt.date, done: bool = True) -> tuple[ActionPlan, Changes]:
        plan = self.get_plan(plan_id)
        if day > self.today():
            raise ValidationError(N_("That day hasn't happened yet. Tick it off on the day."))
        if not plan.week_start <= day < plan.week_start + dt.timedelta(days=7):
            raise ValidationError(N_("That day is not in this plan's week."))
        ticked = plan.ticked | {day} if done else plan.ticked - {day}
        return self.save_plan(replace(plan, ticked=frozenset(ticked)))

    def check_back(
        self, plan_id: str, outcome: CheckBackOutcome, got_in_the_way: str = "", next_step: str = ""
    ) -> tuple[ActionPlan, Changes]:
        plan = self.get_plan(plan_id)
        done = CheckBack(outcome, clean_text(got_in_the_way), clean_text(next_step), self._clock.now())
        return self.save_plan(replace(plan, check_back=done))

    def plans_to_check_back(self) -> list[ActionPlan]:
        """Plans from earlier weeks not yet checked back (newest first)."""
        monday = self.this_week()
        return [p for p in reversed(self.plans(end=monday - dt.timedelta(days=1))) if p.needs_check_back]

    def delete_plan(self, plan_id: str) -> Changes:
        with self._uow() as uow:
            uow.goals.delete_plan(plan_id)
            uow.commit()
        return Changes(goals=True)

    def completion(self, plan: ActionPlan) -> Completion:
        return completion(plan, self.today())

    def completion_between(self, start: dt.date, end: dt.date) -> Completion:
        return completion_over(self.plans(start, end), start, min(end, self.today()))
