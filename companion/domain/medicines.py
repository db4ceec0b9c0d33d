"""Medicines as the person records them, and what they have tried. Companion gives no advice of any kind.

From ../shared/guide/clinical.md (Medicines): name, what it is for, regular or as needed, the dose as the
person writes it, start and stop dates, who prescribed, helpfulness 0-10 and side effects over time, the next
review date. As-needed doses are logged in one step. For medicines the person marks as an opioid or a
gabapentinoid, a yearly review is shown as due a year after the last review (or the start). The app never
suggests starting, stopping or changing a medicine; it helps the person prepare for a medication review.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from companion.domain.agreement import Agreement, validate_agreement
from companion.domain.errors import ValidationError
from companion.domain.goals import TITLE_MAX_CHARS, clean_text
from companion.i18n import N_

REVIEW_INTERVAL_DAYS = 365


class MedicineKind(StrEnum):
    REGULAR = "regular"
    AS_NEEDED = "as_needed"


class ReviewGroup(StrEnum):
    """Marked by the person (the app does not classify medicines): these get a yearly review flagged."""

    NONE = "none"
    OPIOID = "opioid"
    GABAPENTINOID = "gabapentinoid"


@dataclass(frozen=True)
class MedicineRating:
    rated_at: dt.datetime
    helpfulness: int | None  # 0-10
    side_effects: str = ""


@dataclass(frozen=True)
class Medicine:
    id: str
    name: str
    purpose: str = ""
    kind: MedicineKind = MedicineKind.REGULAR
    dose: str = ""  # as the person writes it, never parsed
    started_on: dt.date | None = None
    stopped_on: dt.date | None = None
    prescriber: str = ""
    next_review: dt.date | None = None
    last_reviewed: dt.date | None = None
    review_group: ReviewGroup = ReviewGroup.NONE
    notes: str = ""
    ratings: tuple[MedicineRating, ...] = ()
    agreement: Agreement = field(default_factory=Agreement)  # a change agreed with a prescriber

    @property
    def latest_rating(self) -> MedicineRating | None:
        return self.ratings[-1] if self.ratings else None

    def taking_on(self, day: dt.date) -> bool:
        """Within its start and stop dates (an unknown start counts as "before anything recorded")."""
        started = self.started_on is None or self.started_on <= day
        return started and (self.stopped_on is None or day <= self.stopped_on)

    def overlaps(self, start: dt.date, end: dt.date) -> bool:
        """Taken at some point between start and end, inclusive."""
        begins = self.started_on or dt.date.min
        ends = self.stopped_on or dt.date.max
        return begins <= end and start <= ends

    def changed_within(self, start: dt.date, end: dt.date) -> bool:
        """Started or stopped between start and end, inclusive."""
        return any(d is not None and start <= d <= end for d in (self.started_on, self.stopped_on))


def validate_medicine(medicine: Medicine) -> Medicine:
    name = " ".join(medicine.name.replace("\x00", "").split())
    if not name:
        raise ValidationError(N_("Type the medicine's name as it is on the box or the prescription."))
    if len(name) > TITLE_MAX_CHARS:
        raise ValidationError(N_("That name is too long. Use {limit} characters or fewer."), limit=TITLE_MAX_CHARS)
    if medicine.started_on and medicine.stopped_on and medicine.stopped_on < medicine.started_on:
        raise ValidationError(N_("The stop date is before the start date. Check both dates."))
    for day in (medicine.started_on, medicine.stopped_on, medicine.next_review, medicine.last_reviewed):
        if day is not None and not 1900 <= day.year <= 2200:
            raise ValidationError(N_("That date is out of range. Check the year."))
    return Medicine(
        medicine.id,
        name,
        clean_text(medicine.purpose, TITLE_MAX_CHARS * 2),
        medicine.kind,
        clean_text(medicine.dose, TITLE_MAX_CHARS * 2),
        medicine.started_on,
        medicine.stopped_on,
        clean_text(medicine.prescriber, TITLE_MAX_CHARS),
        medicine.next_review,
        medicine.last_reviewed,
        medicine.review_group,
        clean_text(medicine.notes),
        medicine.ratings,
        validate_agreement(medicine.agreement),
    )


def review_due_on(medicine: Medicine, today: dt.date | None = None) -> dt.date | None:
    """When the next review is due: the date the person set, or for a medicine marked as an opioid or a
    gabapentinoid a year after its last review (or its start), whichever comes first. None for a stopped
    medicine: with `today`, one whose stop date has come; without it, any with a stop date."""
    if medicine.stopped_on is not None and (today is None or medicine.stopped_on <= today):
        return None
    candidates = [medicine.next_review] if medicine.next_review else []
    if medicine.review_group is not ReviewGroup.NONE:
        since = medicine.last_reviewed or medicine.started_on
        if since is not None:
            candidates.append(_add_year(since))
    return min(candidates) if candidates else None


def review_due(medicine: Medicine, today: dt.date) -> bool:
    """Due on or before today, for a medicine still being taken (a stop date still to come counts)."""
    due = review_due_on(medicine, today)
    return due is not None and due <= today


def _add_year(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day + dt.timedelta(days=REVIEW_INTERVAL_DAYS)


@dataclass(frozen=True)
class Dose:
    """One as-needed dose, logged when taken (the amount is the medicine's dose as written)."""

    id: str
    medicine_id: str
    taken_at: dt.datetime
    note: str = ""


def doses_per_day(doses: list[Dose], start: dt.date, end: dt.date) -> dict[dt.date, int]:
    counts: dict[dt.date, int] = {}
    for dose in doses:
        day = dose.taken_at.date()
        if start <= day <= end:
            counts[day] = counts.get(day, 0) + 1
    return counts


# --- what I've tried -----------------------------------------------------------------------------------


TRIED_EXAMPLES: tuple[str, ...] = (
    N_("Physiotherapy"),
    N_("TENS machine"),
    N_("Heat"),
    N_("Cold packs"),
    N_("A pain management programme"),
    N_("EPP Cymru course"),
    N_("National Exercise Referral Scheme (NERS)"),
    N_("Relaxation or mindfulness"),
    N_("Swimming or hydrotherapy"),
)


@dataclass(frozen=True)
class Tried:
    """A treatment or approach the person has tried, with dates and how helpful it was."""

    id: str
    name: str
    started_on: dt.date | None = None
    ended_on: dt.date | None = None
    helpfulness: int | None = None  # 0-10
    notes: str = ""


def validate_tried(item: Tried) -> Tried:
    name = " ".join(item.name.replace("\x00", "").split())
    if not name:
        raise ValidationError(N_("Say what you tried, such as Physiotherapy or a TENS machine."))
    if len(name) > TITLE_MAX_CHARS:
        raise ValidationError(N_("That name is too long. Use {limit} characters or fewer."), limit=TITLE_MAX_CHARS)
    if item.started_on and item.ended_on and item.ended_on < item.started_on:
        raise ValidationError(N_("The end date is before the start date. Check both dates."))
    if item.helpfulness is not None and (isinstance(item.helpfulness, bool) or not 0 <= item.helpfulness <= 10):
        raise ValidationError(N_("Choose how helpful it was, from 0 to 10."))
    return Tried(item.id, name, item.started_on, item.ended_on, item.helpfulness, clean_text(item.notes))
