"""My story, decisions made together and medicine review plans: the person's own record, kept once."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

from companion.domain.changes import Changes
from companion.domain.decisions import Decision, validate_decision
from companion.domain.errors import ValidationError
from companion.domain.medicine_review import ReviewPlan, ReviewStep, validate_review_plan
from companion.domain.story import StoryItem, StoryKind, filter_items, timeline, validate_story_item
from companion.i18n import N_
from companion.services.clock import SYSTEM_CLOCK, Clock
from companion.services.ports import UnitOfWork


def new_id() -> str:
    return str(uuid.uuid4())


class StoryService:
    def __init__(self, uow_factory: Callable[[], UnitOfWork], clock: Clock = SYSTEM_CLOCK) -> None:
        self._uow = uow_factory
        self._clock = clock

    # --- my story ---

    def items(self, kinds: frozenset[StoryKind] | None = None, search: str = "") -> list[StoryItem]:
        """The timeline, oldest first (undated items last), filtered by kind and search words."""
        with self._uow() as uow:
            return filter_items(timeline(uow.story.items()), kinds, search)

    def get(self, item_id: str) -> StoryItem:
        found = [i for i in self.items() if i.id == item_id]
        if not found:
            raise ValidationError(N_("That entry is no longer in your story."))
        return found[0]

    def save(self, item: StoryItem) -> tuple[StoryItem, Changes]:
        clean = validate_story_item(item)
        with self._uow() as uow:
            if clean.tried_id is not None and clean.tried_id not in {t.id for t in uow.medicines.tried()}:
                raise ValidationError(N_("That treatment is no longer in What I've tried. Choose it again."))
            uow.story.save_item(clean, self._clock.now())
            uow.commit()
        return clean, Changes(story=True)

    def delete(self, item_id: str) -> Changes:
        with self._uow() as uow:
            uow.story.delete_item(item_id)
            uow.commit()
        return Changes(story=True)

    # --- decisions made together ---

    def decisions(self) -> list[Decision]:
        with self._uow() as uow:
            return uow.story.decisions()

    def save_decision(self, decision: Decision) -> tuple[Decision, Changes]:
        clean = validate_decision(decision)
        with self._uow() as uow:
            uow.story.save_decision(clean, self._clock.now())
            uow.commit()
        return clean, Changes(appointments=True)

    def delete_decision(self, decision_id: str) -> Changes:
        with self._uow() as uow:
            uow.story.delete_decision(decision_id)
            uow.commit()
        return Changes(appointments=True)

    # --- medicine review plans ---

    def review_plans(self) -> list[ReviewPlan]:
        with self._uow() as uow:
            return uow.story.review_plans()

    def save_review_plan(self, plan: ReviewPlan) -> tuple[ReviewPlan, Changes]:
        clean = validate_review_plan(plan)
        with self._uow() as uow:
            if clean.medicine_id is not None and uow.medicines.get(clean.medicine_id) is None:
                raise ValidationError(N_("That medicine is no longer in your diary."))
            uow.story.save_review_plan(clean, self._clock.now())
            uow.commit()
        return clean, Changes(medicines=True)

    def delete_review_plan(self, plan_id: str) -> Changes:
        with self._uow() as uow:
            uow.story.delete_review_plan(plan_id)
            uow.commit()
        return Changes(medicines=True)

    def current_review_steps(self, day: dt.date | None = None) -> list[tuple[ReviewPlan, ReviewStep]]:
        """For Today: each plan's current step on `day` (default today), plans before their first step left out."""
        on = day or self._clock.today()
        found: list[tuple[ReviewPlan, ReviewStep]] = []
        for plan in self.review_plans():
            step = plan.current_step(on)
            if step is not None:
                found.append((plan, step))
        return found
