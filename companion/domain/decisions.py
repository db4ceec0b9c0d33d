"""Decisions made together: an options notebook for a choice offered, under the Making Choices Together
questions of the Wales guidance ("What are my options?", "What are the benefits and harms?", "What can I
do myself?"). Everything is the person's own words; the app weighs nothing and recommends nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from companion.domain.errors import ValidationError
from companion.domain.goals import TITLE_MAX_CHARS, clean_text
from companion.i18n import N_

OPTIONS_MAX = 12

# The three questions, word for word (../shared/guide/clinical.md, Between appointments): the headings.
QUESTION_OPTIONS = N_("What are my options?")
QUESTION_BENEFITS_HARMS = N_("What are the benefits and harms?")
QUESTION_MYSELF = N_("What can I do myself?")
MAKING_CHOICES_QUESTIONS = (QUESTION_OPTIONS, QUESTION_BENEFITS_HARMS, QUESTION_MYSELF)


@dataclass(frozen=True)
class DecisionOption:
    name: str
    benefits: str = ""
    harms: str = ""
    myself: str = ""  # what I can do myself
    fits: str = ""  # how it fits what matters to me


@dataclass(frozen=True)
class Decision:
    id: str
    choice: str  # the choice offered: "an injection", "a referral to physiotherapy"
    options: tuple[DecisionOption, ...] = ()
    decision: str = ""  # what we decided, in my words ("" while still thinking)
    with_whom: str = ""
    decided_on: dt.date | None = None
    appointment_id: str | None = None

    @property
    def decided(self) -> bool:
        return bool(self.decision)


def validate_decision(decision: Decision) -> Decision:
    choice = " ".join(clean_text(decision.choice, TITLE_MAX_CHARS * 2).split())
    if not choice:
        raise ValidationError(N_('Say what the choice is about, such as "an injection" or "a referral".'))
    options = tuple(
        DecisionOption(
            " ".join(clean_text(o.name, TITLE_MAX_CHARS).split()),
            clean_text(o.benefits),
            clean_text(o.harms),
            clean_text(o.myself),
            clean_text(o.fits),
        )
        for o in decision.options
        if o.name.strip() or o.benefits.strip() or o.harms.strip() or o.myself.strip() or o.fits.strip()
    )
    if any(not o.name for o in options):
        raise ValidationError(N_('Give each option a name, such as "Wait and see".'))
    if len(options) > OPTIONS_MAX:
        raise ValidationError(N_("Keep this to {limit} options or fewer."), limit=OPTIONS_MAX)
    if decision.decided_on is not None and not 1900 <= decision.decided_on.year <= 2200:
        raise ValidationError(N_("That date is out of range. Check the year."))
    return replace(
        decision,
        choice=choice,
        options=options,
        decision=clean_text(decision.decision),
        with_whom=clean_text(decision.with_whom, TITLE_MAX_CHARS),
    )
