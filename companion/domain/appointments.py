"""Appointments before and after: who, where, when and why; what to raise; what was told and decided.

Before: the top 3 things to discuss and the questions. After: what I was told, what we decided, next steps
and who does them, and when I will ask for a follow-up, in the person's own words, with the reasons the app
can watch (companion.domain.followup). Tests and referrals ordered enter My story; medicine changes agreed
enter Medicines marked "agreed with ... on ..." (the services do that, in one unit of work).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum

from companion.domain.errors import ValidationError
from companion.domain.goals import TITLE_MAX_CHARS, clean_text
from companion.i18n import N_

TOP_THREE = 3
LINES_MAX = 20


class FollowUpRule(StrEnum):
    """What the app can measure from the diary. WORDS_ONLY is a reason the app keeps but cannot watch."""

    WORDS_ONLY = "words"
    PEG_RISE = "peg_rise"  # PEG up by at least 30 % for three weeks
    FLARE_LONGER = "flare_longer"  # a flare longer than `days` days
    PAIN_ABOVE = "pain_above"  # average pain above `level` for `weeks` weeks
    NEW_REGION = "new_region"  # pain in a body region not recorded before the appointment


@dataclass(frozen=True)
class FollowUpReason:
    """The person's own words ("if my pain spreads to my arm") and, optionally, a rule the app watches."""

    id: str
    words: str
    rule: FollowUpRule = FollowUpRule.WORDS_ONLY
    days: int | None = None  # FLARE_LONGER
    level: int | None = None  # PAIN_ABOVE: 0-10
    weeks: int | None = None  # PAIN_ABOVE
    dismissed_on: dt.date | None = None  # the person asked, or chose to stop being told


def validate_reason(reason: FollowUpReason) -> FollowUpReason:
    words = clean_text(reason.words, TITLE_MAX_CHARS * 4)
    if not words:
        raise ValidationError(N_('Write the reason in your own words, such as "if my pain spreads".'))
    days = level = weeks = None
    if reason.rule is FollowUpRule.FLARE_LONGER:
        if reason.days is None or not 1 <= reason.days <= 365:
            raise ValidationError(N_("Choose how many days, from 1 to 365."))
        days = reason.days
    if reason.rule is FollowUpRule.PAIN_ABOVE:
        if reason.level is None or not 0 <= reason.level <= 9:
            raise ValidationError(N_("Choose a pain level from 0 to 9."))
        if reason.weeks is None or not 1 <= reason.weeks <= 52:
            raise ValidationError(N_("Choose how many weeks, from 1 to 52."))
        level, weeks = reason.level, reason.weeks
    return replace(reason, words=words, days=days, level=level, weeks=weeks)


@dataclass(frozen=True)
class NextStep:
    what: str
    who: str = ""  # who does it: "me", "the GP", a name


class Ordered(StrEnum):
    """Ordered at an appointment, entered in My story."""

    TEST = "test"
    REFERRAL = "referral"


@dataclass(frozen=True)
class Appointment:
    id: str
    when: dt.datetime  # aware
    who: str = ""
    role: str = ""
    place: str = ""
    why: str = ""
    contact: str = ""  # how to ask for a follow-up
    top_three: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()
    told: str = ""
    decided: str = ""
    next_steps: tuple[NextStep, ...] = ()
    follow_up: str = ""  # "when I will ask for a follow-up", in the person's words
    attended: bool = False
    reasons: tuple[FollowUpReason, ...] = ()

    def is_upcoming(self, now: dt.datetime) -> bool:
        return not self.attended and self.when >= now


def _lines(lines: tuple[str, ...], limit: int = LINES_MAX) -> tuple[str, ...]:
    cleaned = tuple(clean_text(line, TITLE_MAX_CHARS * 4) for line in lines)
    cleaned = tuple(" ".join(line.split()) for line in cleaned if line)
    if len(cleaned) > limit:
        raise ValidationError(N_("Keep this to {limit} lines or fewer."), limit=limit)
    return cleaned


def validate_appointment(appointment: Appointment) -> Appointment:
    if appointment.when.tzinfo is None:
        raise ValueError("an appointment's time must be aware")
    if not 1900 <= appointment.when.year <= 2200:
        raise ValidationError(N_("That date is out of range. Check the year."))
    if not (appointment.who.strip() or appointment.why.strip() or appointment.place.strip()):
        raise ValidationError(N_("Say whom you are seeing, where, or why, so you can find it again."))
    steps = tuple(
        NextStep(clean_text(s.what, TITLE_MAX_CHARS * 4), clean_text(s.who, TITLE_MAX_CHARS))
        for s in appointment.next_steps
        if s.what.strip()
    )
    return replace(
        appointment,
        who=clean_text(appointment.who, TITLE_MAX_CHARS),
        role=clean_text(appointment.role, TITLE_MAX_CHARS),
        place=clean_text(appointment.place, TITLE_MAX_CHARS * 2),
        why=clean_text(appointment.why),
        contact=clean_text(appointment.contact, TITLE_MAX_CHARS * 2),
        top_three=_lines(appointment.top_three, TOP_THREE),
        questions=_lines(appointment.questions),
        told=clean_text(appointment.told),
        decided=clean_text(appointment.decided),
        next_steps=steps,
        follow_up=clean_text(appointment.follow_up),
        reasons=tuple(validate_reason(r) for r in appointment.reasons),
    )


def last_before(appointments: list[Appointment], moment: dt.datetime) -> Appointment | None:
    """The latest attended appointment before `moment` (the start of "what changed since")."""
    earlier = [a for a in appointments if a.attended and a.when < moment]
    return max(earlier, key=lambda a: a.when) if earlier else None
