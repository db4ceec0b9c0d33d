"""The flare-up (setback) plan and flare episodes. Written on a good day, opened in one step on a bad one.

Sections follow ../shared/guide/clinical.md. The app gives no medical advice: the medicines section only
ever says "as agreed with my GP or pharmacist". Examples are offered to pick from; the person's own
words are stored as typed (in the language they wrote them).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace

from companion.domain.agreement import Agreement, validate_agreement
from companion.domain.errors import ValidationError
from companion.i18n import N_

SECTIONS: tuple[str, ...] = (
    "warning_signs",
    "triggers",
    "first_steps",
    "medicines",
    "say_no",
    "people",
    "helpful_thoughts",
    "building_back",
    "medical_help",
    "afterwards",
)
SECTION_TITLES: dict[str, str] = {
    "warning_signs": N_("My early warning signs"),
    "triggers": N_("My usual triggers"),
    "first_steps": N_("First steps for the first 1 to 3 days"),
    "medicines": N_("Medicines"),
    "say_no": N_("What I can say no to or put off"),
    "people": N_("People who can help, and how"),
    "helpful_thoughts": N_("Helpful thoughts"),
    "building_back": N_("Building back up"),
    "medical_help": N_("When to get medical help"),
    "afterwards": N_("Afterwards"),
}
MEDICINES_LINE = N_("Medicines only as agreed with my GP or pharmacist.")
EXAMPLES: dict[str, tuple[str, ...]] = {
    "warning_signs": (
        N_("Sleeping badly for a few nights"),
        N_("Feeling more tired than usual"),
        N_("Pain spreading to new places"),
        N_("Feeling irritable or low"),
    ),
    "triggers": (
        N_("Doing too much on a good day"),
        N_("Lifting or carrying heavy things"),
        N_("Sitting or standing for too long"),
        N_("Stress or worry"),
        N_("Cold or damp weather"),
    ),
    "first_steps": (
        N_("Ease back, but don't stop: cut my activity by about half"),
        N_("Halve my sitting, standing and walking times"),
        N_("Take more short breaks"),
        N_("Use my relaxation or breathing exercise"),
        N_("Try heat or cold"),
    ),
    "medicines": (MEDICINES_LINE,),
    "say_no": (
        N_("Housework that can wait"),
        N_("Social plans I can move to another day"),
        N_("Extra jobs for other people"),
    ),
    "people": (),
    "helpful_thoughts": (
        N_("Hurt does not mean harm."),
        N_("Flare-ups pass. I have got through them before."),
        N_("I have a plan and I am following it."),
    ),
    "building_back": (
        N_("Step back up towards my usual amounts a little each day"),
        N_("Keep pacing, even when I feel better"),
    ),
    "medical_help": (N_("New or different symptoms, as my GP or clinician has told me"),),
    "afterwards": (
        N_("What triggered it?"),
        N_("What helped?"),
        N_("What would I change next time?"),
        N_("A treat for getting through it"),
    ),
}
# The fixed urgent-help signposting (clinical.md, "Between appointments"; the support directory's NHS 111 Wales
# entry), 999 first: shown in flare mode under "When to get medical help", under the person's own lines or alone.
URGENT_HELP: tuple[str, ...] = (
    N_("In an emergency, call 999."),
    N_("In Wales, call NHS 111 Wales on 111."),
    N_("In Scotland, call NHS 24 on 111."),
)
REVIEW_INTERVAL_DAYS = 90
LINE_MAX_CHARS = 500


@dataclass(frozen=True)
class Helper:
    name: str
    how: str = ""
    phone: str = ""


@dataclass(frozen=True)
class FlarePlan:
    sections: dict[str, tuple[str, ...]] = field(default_factory=dict)
    helpers: tuple[Helper, ...] = ()
    review_date: dt.date | None = None
    updated_on: dt.date | None = None
    agreement: Agreement = field(default_factory=Agreement)

    def lines(self, section: str) -> tuple[str, ...]:
        return self.sections.get(section, ())

    @property
    def is_empty(self) -> bool:
        return not any(self.sections.values()) and not self.helpers


def starter_plan(translate: object, today: dt.date) -> FlarePlan:
    """A first plan from the examples, so nobody faces a blank page. `translate` is the `_` to use."""
    assert callable(translate)
    chosen = {
        "warning_signs": EXAMPLES["warning_signs"][:2],
        "triggers": EXAMPLES["triggers"][:1],
        "first_steps": EXAMPLES["first_steps"][:3],
        "medicines": (MEDICINES_LINE,),
        "helpful_thoughts": EXAMPLES["helpful_thoughts"][:2],
        "building_back": EXAMPLES["building_back"][:1],
        "afterwards": EXAMPLES["afterwards"][:3],
    }
    return FlarePlan(
        sections={key: tuple(str(translate(line)) for line in lines) for key, lines in chosen.items()},
        review_date=today + dt.timedelta(days=REVIEW_INTERVAL_DAYS),
    )


def validate_plan(plan: FlarePlan, today: dt.date) -> FlarePlan:
    sections: dict[str, tuple[str, ...]] = {}
    for key, lines in plan.sections.items():
        if key not in SECTIONS:
            raise ValidationError(N_("That part of the plan isn't known. Choose it again."))
        cleaned = tuple(" ".join(line.replace("\x00", "").split()) for line in lines)
        cleaned = tuple(line for line in cleaned if line)
        if any(len(line) > LINE_MAX_CHARS for line in cleaned):
            raise ValidationError(
                N_("Each line of the plan can be up to {limit} characters. Split a long one in two."),
                limit=LINE_MAX_CHARS,
            )
        sections[key] = cleaned
    helpers = tuple(
        Helper(" ".join(h.name.split()), h.how.strip(), h.phone.strip()) for h in plan.helpers if h.name.strip()
    )
    return replace(
        plan, sections=sections, helpers=helpers, updated_on=today, agreement=validate_agreement(plan.agreement)
    )


def review_due(plan: FlarePlan, today: dt.date) -> bool:
    return plan.review_date is not None and today >= plan.review_date


@dataclass(frozen=True)
class FlareEpisode:
    id: str
    started_at: dt.datetime
    ended_at: dt.datetime | None = None
    peak_pain: int | None = None
    triggers: str = ""
    helped: str = ""
    change_next_time: str = ""
    reviewed: bool = False

    @property
    def ongoing(self) -> bool:
        return self.ended_at is None

    def days(self, now: dt.datetime) -> set[dt.date]:
        """Calendar days touched by the flare (to now, if it has not ended)."""
        end = (self.ended_at or now).date()
        start = self.started_at.date()
        return {start + dt.timedelta(days=i) for i in range((end - start).days + 1)}

    def length_days(self, now: dt.datetime) -> float:
        return max((self.ended_at or now) - self.started_at, dt.timedelta(0)).total_seconds() / 86400


@dataclass(frozen=True)
class FlareStats:
    count: int
    mean_length_days: float | None
    days_in_flare_by_month: dict[tuple[int, int], int]


def flare_stats(episodes: list[FlareEpisode], now: dt.datetime) -> FlareStats:
    """Count, mean length (ended flares only) and days in flare per calendar month."""
    ended = [e for e in episodes if e.ended_at is not None]
    mean = round(sum(e.length_days(now) for e in ended) / len(ended), 1) if ended else None
    per_month: Counter[tuple[int, int]] = Counter()
    for day in set().union(*(e.days(now) for e in episodes)) if episodes else set():
        per_month[(day.year, day.month)] += 1
    return FlareStats(len(episodes), mean, dict(per_month))
