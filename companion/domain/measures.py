"""Standard measures, worded exactly as published: PEG weekly, PHQ-2 and GAD-2 monthly (optional).

PEG: Krebs EE et al., J Gen Intern Med 2009;24(6):733-8. PHQ-2 and GAD-2: Kroenke K, Spitzer RL,
Williams JBW et al. (Pfizer; free to reproduce). The Welsh wording is our translation and is NOT
validated; every screen and report that shows it says so. These are prompts for a conversation with a
clinician, never a diagnosis.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from companion.domain.errors import ValidationError
from companion.domain.scales import INTERFERENCE, PAIN
from companion.i18n import N_

PEG_INTERVAL_DAYS = 7
SCREEN_INTERVAL_DAYS = 28
SCREEN_THRESHOLD = 3
# A new diary asks nothing before its first check-in. The PEG is first due on the day of the first check-in;
# the mood check, which asks about the last 2 weeks, two weeks after it (never on a new diary's first day).
PEG_FIRST_AFTER_DAYS = 0
SCREEN_FIRST_AFTER_DAYS = 14

PEG_SOURCE = N_("PEG: Krebs EE et al. J Gen Intern Med 2009;24(6):733–8.")
SCREEN_SOURCE = N_("PHQ-2 and GAD-2: Kroenke K, Spitzer RL, Williams JBW et al. Pfizer Inc., free to reproduce.")
IMMPACT_SOURCE = N_("IMMPACT: Dworkin RH et al. J Pain 2008;9(2):105–21.")
WELSH_NOT_VALIDATED = N_("The Welsh wording of this questionnaire is a translation that has not been validated.")

PEG_ITEMS: tuple[tuple[str, str, str], ...] = (
    (N_("What number best describes your pain on average in the past week?"), PAIN.low, PAIN.high),
    (
        N_("What number best describes how, during the past week, pain has interfered with your enjoyment of life?"),
        INTERFERENCE.low,
        INTERFERENCE.high,
    ),
    (
        N_("What number best describes how, during the past week, pain has interfered with your general activity?"),
        INTERFERENCE.low,
        INTERFERENCE.high,
    ),
)


class Instrument(StrEnum):
    PHQ2 = "phq2"
    GAD2 = "gad2"


SCREEN_STEM = N_("Over the last 2 weeks, how often have you been bothered by the following problems?")
SCREEN_ITEMS: dict[Instrument, tuple[str, str]] = {
    Instrument.PHQ2: (N_("Little interest or pleasure in doing things"), N_("Feeling down, depressed, or hopeless")),
    Instrument.GAD2: (N_("Feeling nervous, anxious or on edge"), N_("Not being able to stop or control worrying")),
}
SCREEN_ANSWERS: tuple[str, ...] = (
    N_("Not at all"),
    N_("Several days"),
    N_("More than half the days"),
    N_("Nearly every day"),
)
SCREEN_FOLLOW_UP = N_(
    "Your answers suggest it may help to talk to your GP about how you have been feeling. This is not a "
    "diagnosis. If you feel unable to cope, you can also call the support lines below."
)


@dataclass(frozen=True)
class PegResponse:
    id: str
    taken_at: dt.datetime
    pain_average: int
    enjoyment: int
    activity: int
    language: str | None = None  # the interface language it was answered in ("cy", "en"); None before 0006

    @property
    def score(self) -> float:
        """The mean of the three items, 0-10 (Krebs 2009)."""
        return round((self.pain_average + self.enjoyment + self.activity) / 3, 1)


@dataclass(frozen=True)
class MoodScreen:
    id: str
    instrument: Instrument
    taken_at: dt.datetime
    item1: int
    item2: int
    language: str | None = None  # the interface language it was answered in ("cy", "en"); None before 0006

    @property
    def score(self) -> int:
        return self.item1 + self.item2

    @property
    def suggests_talking_to_gp(self) -> bool:
        return self.score >= SCREEN_THRESHOLD


def validate_peg(items: tuple[object, object, object]) -> tuple[int, int, int]:
    for value in items:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
            raise ValidationError(N_("Answer each of the three questions with a number from 0 to 10."))
    return items  # type: ignore[return-value]


def validate_screen(items: tuple[object, object]) -> tuple[int, int]:
    for value in items:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 3:
            raise ValidationError(N_("Choose one answer for each of the two questions."))
    return items  # type: ignore[return-value]


def next_due(
    last_taken: dt.datetime | None,
    interval_days: int,
    first_checkin: dt.date | None = None,
    first_after_days: int = 0,
) -> dt.date | None:
    """The day a measure is next due: `interval_days` after it was last answered; never answered,
    `first_after_days` after the diary's first check-in. None while nothing is due at all: a diary with no
    check-in yet asks for no questionnaire."""
    if last_taken is not None:
        return last_taken.date() + dt.timedelta(days=interval_days)
    if first_checkin is None:
        return None
    return first_checkin + dt.timedelta(days=first_after_days)


def is_due(
    last_taken: dt.datetime | None,
    today: dt.date,
    interval_days: int,
    first_checkin: dt.date | None = None,
    first_after_days: int = 0,
) -> bool:
    due = next_due(last_taken, interval_days, first_checkin, first_after_days)
    return due is not None and today >= due


@dataclass(frozen=True)
class PegCorrection:
    """A PEG answer corrected after it was saved: which one, when, and the numbers it had before."""

    peg_id: str
    corrected_at: dt.datetime
    before: tuple[int, int, int]
