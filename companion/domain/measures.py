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
from companion.i18n import N_

PEG_INTERVAL_DAYS = 7
SCREEN_INTERVAL_DAYS = 28
SCREEN_THRESHOLD = 3

PEG_SOURCE = N_("PEG: Krebs EE et al. J Gen Intern Med 2009;24(6):733–8.")
SCREEN_SOURCE = N_("PHQ-2 and GAD-2: Kroenke K, Spitzer RL, Williams JBW et al. Pfizer Inc., free to reproduce.")
WELSH_NOT_VALIDATED = N_("The Welsh wording of this questionnaire is a translation that has not been validated.")

PEG_ITEMS: tuple[tuple[str, str, str], ...] = (
    (
        N_("What number best describes your pain on average in the past week?"),
        N_("0 = no pain"),
        N_("10 = pain as bad as you can imagine"),
    ),
    (
        N_("What number best describes how, during the past week, pain has interfered with your enjoyment of life?"),
        N_("0 = does not interfere"),
        N_("10 = completely interferes"),
    ),
    (
        N_("What number best describes how, during the past week, pain has interfered with your general activity?"),
        N_("0 = does not interfere"),
        N_("10 = completely interferes"),
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


def next_due(last_taken: dt.datetime | None, interval_days: int) -> dt.date | None:
    """The day a measure is next due; None means due now (never taken)."""
    if last_taken is None:
        return None
    return last_taken.date() + dt.timedelta(days=interval_days)


def is_due(last_taken: dt.datetime | None, today: dt.date, interval_days: int) -> bool:
    due = next_due(last_taken, interval_days)
    return due is None or today >= due
