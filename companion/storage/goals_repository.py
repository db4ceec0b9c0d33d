"""Stored goals, their steps and ratings, weekly action plans with ticks and check-backs, and the dated
versions of "what matters to me"."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from companion.domain.agreement import Agreement
from companion.domain.goals import (
    ActionPlan,
    CheckBack,
    CheckBackOutcome,
    Goal,
    GoalRating,
    GoalStatus,
    GoalStep,
    WhatMatters,
)
from companion.storage.models import (
    ActionPlanRow,
    ActionPlanTickRow,
    GoalRatingRow,
    GoalRow,
    GoalStepRow,
    WhatMattersRow,
)
from companion.storage.repositories import from_row_times, to_row_times


class GoalsRepository:
    def __init__(self, session: Session) -> None:
        self._session = session

    # --- what matters to me ---

    def add_what_matters(self, version: WhatMatters) -> None:
        utc, offset = to_row_times(version.written_at)
        self._session.add(
            WhatMattersRow(
                id=version.id,
                written_at_utc=utc,
                utc_offset_minutes=offset,
                what_matters=version.what_matters,
                good_day=version.good_day,
            )
        )

    def what_matters_history(self) -> list[WhatMatters]:
        """Every version, newest first."""
        rows = self._session.scalars(select(WhatMattersRow).order_by(WhatMattersRow.written_at_utc.desc()))
        return [
            WhatMatters(r.id, from_row_times(r.written_at_utc, r.utc_offset_minutes), r.what_matters, r.good_day)
            for r in rows
        ]

    # --- goals ---

    def _goal(self, row: GoalRow) -> Goal:
        steps = self._session.scalars(
            select(GoalStepRow).where(GoalStepRow.goal_id == row.id).order_by(GoalStepRow.position)
        )
        ratings = self._session.scalars(
            select(GoalRatingRow).where(GoalRatingRow.goal_id == row.id).order_by(GoalRatingRow.rated_at_utc)
        )
        return Goal(
            row.id,
            row.title,
            row.why,
            row.target_date,
            GoalStatus(row.status),
            tuple(GoalStep(s.id, s.text, s.done_on) for s in steps),
            tuple(GoalRating(from_row_times(r.rated_at_utc, r.utc_offset_minutes), r.rating) for r in ratings),
            row.created_at_utc.replace(tzinfo=dt.UTC),
        )

    def goals(self) -> list[Goal]:
        rows = self._session.scalars(select(GoalRow).order_by(GoalRow.position, GoalRow.created_at_utc))
        return [self._goal(r) for r in rows]

    def get_goal(self, goal_id: str) -> Goal | None:
        row = self._session.get(GoalRow, goal_id)
        return self._goal(row) if row else None

    def save_goal(self, goal: Goal, now: dt.datetime) -> None:
        """Add or replace a goal with its steps (ratings are added apart, never rewritten)."""
        row = self._session.get(GoalRow, goal.id)
        if row is None:
            position = self._session.scalar(select(func.coalesce(func.max(GoalRow.position), -1))) or 0
            row = GoalRow(id=goal.id, position=position + 1, created_at_utc=to_row_times(now)[0])
            self._session.add(row)
        row.title, row.why, row.target_date, row.status = goal.title, goal.why, goal.target_date, goal.status.value
        self._session.execute(delete(GoalStepRow).where(GoalStepRow.goal_id == goal.id))
        self._session.flush()
        for position, step in enumerate(goal.steps):
            self._session.add(
                GoalStepRow(id=step.id, goal_id=goal.id, text=step.text, done_on=step.done_on, position=position)
            )

    def delete_goal(self, goal_id: str) -> bool:
        row = self._session.get(GoalRow, goal_id)
        if row is None:
            return False
        self._session.execute(delete(GoalStepRow).where(GoalStepRow.goal_id == goal_id))
        self._session.execute(delete(GoalRatingRow).where(GoalRatingRow.goal_id == goal_id))
        for plan in self._session.scalars(select(ActionPlanRow).where(ActionPlanRow.goal_id == goal_id)):
            plan.goal_id = None
        self._session.delete(row)
        return True

    def add_rating(self, rating_id: str, goal_id: str, rating: GoalRating) -> None:
        utc, offset = to_row_times(rating.rated_at)
        self._session.add(
            GoalRatingRow(
                id=rating_id, goal_id=goal_id, rated_at_utc=utc, utc_offset_minutes=offset, rating=rating.rating
            )
        )

    # --- action plans ---

    def _plan(self, row: ActionPlanRow) -> ActionPlan:
        ticks = self._session.scalars(select(ActionPlanTickRow.day).where(ActionPlanTickRow.plan_id == row.id))
        check_back = None
        if row.outcome is not None:
            when = row.checked_back_at_utc
            check_back = CheckBack(
                CheckBackOutcome(row.outcome),
                row.got_in_the_way,
                row.next_step,
                when.replace(tzinfo=dt.UTC) if when else None,  # the instant; shown in the diary's zone
            )
        return ActionPlan(
            row.id,
            row.week_start,
            row.what,
            row.how_much,
            row.when_text,
            frozenset(int(c) for c in row.days),
            row.confidence,
            row.goal_id,
            frozenset(ticks),
            check_back,
            Agreement(row.agreed_with, row.agreed_on),
        )

    def plans(self, start: dt.date | None = None, end: dt.date | None = None) -> list[ActionPlan]:
        query = select(ActionPlanRow).order_by(ActionPlanRow.week_start, ActionPlanRow.created_at_utc)
        if start is not None:
            query = query.where(ActionPlanRow.week_start >= start - dt.timedelta(days=6))
        if end is not None:
            query = query.where(ActionPlanRow.week_start <= end)
        return [self._plan(r) for r in self._session.scalars(query)]

    def get_plan(self, plan_id: str) -> ActionPlan | None:
        row = self._session.get(ActionPlanRow, plan_id)
        return self._plan(row) if row else None

    def save_plan(self, plan: ActionPlan, now: dt.datetime) -> None:
        row = self._session.get(ActionPlanRow, plan.id)
        if row is None:
            row = ActionPlanRow(id=plan.id, created_at_utc=to_row_times(now)[0])
            self._session.add(row)
        row.goal_id, row.week_start, row.what = plan.goal_id, plan.week_start, plan.what
        row.how_much, row.when_text = plan.how_much, plan.when
        row.days = "".join(str(d) for d in sorted(plan.days))
        row.confidence = plan.confidence
        row.agreed_with, row.agreed_on = plan.agreement.with_whom, plan.agreement.on
        if plan.check_back is None:
            row.outcome, row.got_in_the_way, row.next_step, row.checked_back_at_utc = None, "", "", None
        else:
            row.outcome = plan.check_back.outcome.value
            row.got_in_the_way, row.next_step = plan.check_back.got_in_the_way, plan.check_back.next_step
            done = plan.check_back.done_at
            row.checked_back_at_utc = to_row_times(done)[0] if done else None
        self._session.flush()
        self._session.execute(delete(ActionPlanTickRow).where(ActionPlanTickRow.plan_id == plan.id))
        for day in sorted(plan.ticked):
            self._session.add(ActionPlanTickRow(plan_id=plan.id, day=day))

    def delete_plan(self, plan_id: str) -> bool:
        row = self._session.get(ActionPlanRow, plan_id)
        if row is None:
            return False
        self._session.execute(delete(ActionPlanTickRow).where(ActionPlanTickRow.plan_id == plan_id))
        self._session.delete(row)
        return True
