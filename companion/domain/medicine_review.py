"""A planned medicine review: the steps of a reduction or change agreed with a GP or pharmacist, with the
dates and words as the person writes them. The app records and shows the current step; it never proposes
a dose, a step or a change (../shared/guide/clinical.md, Between appointments)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from companion.domain.agreement import Agreement, validate_agreement
from companion.domain.errors import ValidationError
from companion.domain.goals import TITLE_MAX_CHARS, clean_text
from companion.i18n import N_

STEPS_MAX = 52


@dataclass(frozen=True)
class ReviewStep:
    starts_on: dt.date
    text: str  # as the person writes it, never parsed


@dataclass(frozen=True)
class ReviewPlan:
    id: str
    title: str
    medicine_id: str | None = None
    steps: tuple[ReviewStep, ...] = ()
    agreement: Agreement = field(default_factory=Agreement)
    notes: str = ""

    def current_step(self, day: dt.date) -> ReviewStep | None:
        """The step whose date has come most recently; None before the first step."""
        started = [s for s in self.steps if s.starts_on <= day]
        return started[-1] if started else None

    def next_step(self, day: dt.date) -> ReviewStep | None:
        later = [s for s in self.steps if s.starts_on > day]
        return later[0] if later else None


def validate_review_plan(plan: ReviewPlan) -> ReviewPlan:
    title = " ".join(clean_text(plan.title, TITLE_MAX_CHARS * 2).split())
    if not title:
        raise ValidationError(N_("Give the plan a name, such as the medicine it is about."))
    steps = tuple(
        sorted(
            (ReviewStep(s.starts_on, " ".join(clean_text(s.text, TITLE_MAX_CHARS * 4).split())) for s in plan.steps),
            key=lambda s: s.starts_on,
        )
    )
    if any(not s.text for s in steps):
        raise ValidationError(N_("Write each step in the words you agreed, or remove the empty step."))
    if len({s.starts_on for s in steps}) != len(steps):
        raise ValidationError(N_("Two steps start on the same day. Give each step its own date."))
    if len(steps) > STEPS_MAX:
        raise ValidationError(N_("Keep this to {limit} steps or fewer."), limit=STEPS_MAX)
    if any(not 1900 <= s.starts_on.year <= 2200 for s in steps):
        raise ValidationError(N_("That date is out of range. Check the year."))
    return replace(
        plan,
        title=title,
        steps=steps,
        agreement=validate_agreement(plan.agreement),
        notes=clean_text(plan.notes),
    )
