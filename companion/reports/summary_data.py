"""The consultation summary's figures as plain data, each computed as docs/summary.md defines it.

Figures are exact (fractions of whole scores); they are rounded only when worded (half up, one place) and
bands and comparisons use the unrounded values. Every section stops at today; ratings, steps and
helpfulness are taken as they stood at the end of the period; a record belongs to the calendar day of its
own recorded local time. Nothing here is worded: `summary_html` words it in the summary's language.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction
from typing import TYPE_CHECKING

from companion.domain.summary import (  # noqa: F401 (the summary's vocabulary, re-exported)
    ALL_SECTIONS,
    ASK_3_QUESTIONS,
    AUDIENCE_NAMES,
    BRAN_QUESTIONS,
    CHARTS,
    DEFAULT_SECTIONS,
    MAKING_CHOICES_QUESTIONS,
    Audience,
    Communication,
    Section,
)
from companion.domain.trends import ChangeBand

if TYPE_CHECKING:
    from companion.domain.checkin import Checkin
    from companion.domain.flare import FlareEpisode
    from companion.domain.goals import Completion, Goal, WhatMatters
    from companion.domain.measures import PegResponse
    from companion.domain.medicines import Dose, Medicine, Tried
    from companion.domain.pacing import ActivityLog
    from companion.services.insights import ActivityDay
    from companion.services.session import DiarySession

MIN_PERIOD_DAYS = 7  # a shorter period is not compared with the days before it
MIN_DAYS_TO_COMPARE = 4  # days with a pain score needed in each of the two periods compared
MIN_PEG_DAYS_APART = 7  # PEG asks about the past week: two answers compared must be a week apart
KEPT_SHARE = Fraction(4, 5)  # a planned day is kept from 80 % of the plan ...
# ... to just under the over-plan level (the boom-and-bust threshold, 30 % over by default)


@dataclass(frozen=True)
class SummaryOptions:
    start: dt.date
    end: dt.date
    audience: Audience = Audience.GP
    sections: tuple[Section, ...] = DEFAULT_SECTIONS[Audience.GP]
    top3: tuple[str, ...] = ()
    making_choices: bool = True  # the Making Choices Together questions, offered first
    ask3: bool = False
    bran: bool = False
    own_questions: tuple[str, ...] = ()
    language: str = "en"  # "en", "cy" or "both"
    paper: str = "A4"
    second_chart: str = "wellbeing"
    name: str | None = None  # None: the name the person saved; "" prints none
    appointment: dt.date | None = None  # the day of the appointment the summary is for
    communication: Communication | None = None  # None: as the person saved it

    def includes(self, section: Section) -> bool:
        return section in self.sections


@dataclass(frozen=True)
class Period:
    """The days chosen, and how many of them have happened: every figure stops at today."""

    start: dt.date
    end: dt.date  # as chosen; may lie after today
    today: dt.date

    @property
    def upto(self) -> dt.date:
        return min(self.end, self.today)

    @property
    def started(self) -> bool:
        return self.start <= self.today

    @property
    def days(self) -> int:
        """Days from the start to today or the end, whichever is first (0 for a period still to come)."""
        return (self.upto - self.start).days + 1 if self.started else 0

    @property
    def clipped(self) -> bool:
        return self.end > self.today

    @property
    def short(self) -> bool:
        return self.days < MIN_PERIOD_DAYS


def exact(value: float) -> Fraction:
    """A stored number as the decimal it was written as (7.25 -> 29/4; 0.1 -> 1/10, not the float)."""
    return Fraction(repr(float(value)))


def mean_of(values: Iterable[Fraction]) -> Fraction | None:
    items = list(values)
    return Fraction(sum(items)) / len(items) if items else None


class Outcome(StrEnum):
    BAND = "band"  # a change band (IMMPACT) and a percentage
    FROM_ZERO = "from_zero"  # a baseline of 0: "from 0 to 3", no percentage
    SHORT_PERIOD = "short_period"  # the period is under a week
    TOO_FEW = "too_few"  # not enough entries to compare


@dataclass(frozen=True)
class Comparison:
    outcome: Outcome
    before: Fraction | None = None
    after: Fraction | None = None
    band: ChangeBand | None = None

    @property
    def percent(self) -> int | None:
        """The change in per cent of the baseline, rounded down (never across a band's edge)."""
        if self.outcome is not Outcome.BAND or self.before is None or self.after is None:
            return None
        return math.floor(abs(self.after - self.before) * 100 / self.before)


def band_of(before: Fraction, after: Fraction) -> ChangeBand:
    """IMMPACT bands on exact values, lower is better: 50 % lower or more, 30 % lower or more, 30 % higher or
    more, else little change. `before` is above 0."""
    fall = (before - after) / before
    if fall >= Fraction(1, 2):
        return ChangeBand.MUCH_BETTER
    if fall >= Fraction(3, 10):
        return ChangeBand.BETTER
    if fall <= Fraction(-3, 10):
        return ChangeBand.WORSE
    return ChangeBand.LITTLE_CHANGE


def compare(before: Fraction, after: Fraction) -> Comparison:
    if before == 0:
        return Comparison(Outcome.FROM_ZERO, before, after)
    return Comparison(Outcome.BAND, before, after, band_of(before, after))


# --- pain, PEG, sleep and mood ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PainSummary:
    days_recorded: int
    days_in_period: int
    mean: Fraction | None  # mean of the daily means
    low: int | None  # the lowest single score
    high: int | None
    previous_days: int  # the length of the period compared with (the same as this one)
    comparison: Comparison | None  # None when no pain was recorded in this period


def daily_means(entries: Iterable[Checkin], attribute: str) -> dict[dt.date, Fraction]:
    """Each day's mean of one field (pain, sleep_quality, ...), by the check-in's own local date."""
    by_day: dict[dt.date, list[Fraction]] = defaultdict(list)
    for entry in entries:
        value = getattr(entry, attribute)
        if value is not None:
            by_day[entry.recorded_at.date()].append(exact(value))
    return {day: mean_of(values) or Fraction(0) for day, values in by_day.items()}


def pain_summary(entries: list[Checkin], period: Period) -> PainSummary:
    """`entries` cover the period and the period of the same length before it."""
    length = period.days
    previous_start = period.start - dt.timedelta(days=length)
    means = daily_means(entries, "pain")
    now = {d: v for d, v in means.items() if period.start <= d <= period.upto}
    before = {d: v for d, v in means.items() if previous_start <= d < period.start}
    scores = [e.pain for e in entries if e.pain is not None and period.start <= e.recorded_at.date() <= period.upto]
    mean = mean_of(now.values())
    comparison = None
    if mean is not None:
        if period.short:
            comparison = Comparison(Outcome.SHORT_PERIOD)
        elif len(now) < MIN_DAYS_TO_COMPARE or len(before) < MIN_DAYS_TO_COMPARE:
            comparison = Comparison(Outcome.TOO_FEW)
        else:
            comparison = compare(mean_of(before.values()) or Fraction(0), mean)
    return PainSummary(len(now), length, mean, min(scores, default=None), max(scores, default=None), length, comparison)


def peg_score(response: PegResponse) -> Fraction:
    return Fraction(response.pain_average + response.enjoyment + response.activity, 3)


@dataclass(frozen=True)
class PegSummary:
    first: Fraction | None
    latest: Fraction | None
    count: int
    comparison: Comparison | None  # None without answers


def peg_summary(responses: list[PegResponse]) -> PegSummary:
    ordered = sorted(responses, key=lambda r: (r.taken_at, r.id))
    if not ordered:
        return PegSummary(None, None, 0, None)
    first, latest = ordered[0], ordered[-1]
    apart = (latest.taken_at.date() - first.taken_at.date()).days
    if len(ordered) < 2 or apart < MIN_PEG_DAYS_APART:
        comparison = Comparison(Outcome.TOO_FEW)
    else:
        comparison = compare(peg_score(first), peg_score(latest))
    return PegSummary(peg_score(first), peg_score(latest), len(ordered), comparison)


@dataclass(frozen=True)
class Measure:
    mean: Fraction | None  # mean of the daily means
    days: int  # days with a value


@dataclass(frozen=True)
class WellbeingSummary:
    sleep_quality: Measure
    sleep_hours: Measure
    mood: Measure
    fatigue: Measure

    @property
    def any(self) -> bool:
        return any(m.days for m in (self.sleep_quality, self.sleep_hours, self.mood, self.fatigue))


def wellbeing_summary(entries: list[Checkin], period: Period) -> WellbeingSummary:
    def measure(attribute: str) -> Measure:
        means = {d: v for d, v in daily_means(entries, attribute).items() if period.start <= d <= period.upto}
        return Measure(mean_of(means.values()), len(means))

    return WellbeingSummary(measure("sleep_quality"), measure("sleep_hours"), measure("mood"), measure("fatigue"))


# --- flare-ups and pacing --------------------------------------------------------------------------------


@dataclass(frozen=True)
class FlareSummary:
    count: int  # flare-ups going on at some point in the period
    days: int  # days in the period on which at least one was going on
    helped: tuple[str, ...]  # "what helped" from their reviews, each once


def flare_summary(episodes: list[FlareEpisode], period: Period) -> FlareSummary:
    count, days, helped = 0, set[dt.date](), list[str]()
    for episode in episodes:
        first = max(episode.started_at.date(), period.start)
        last = min(episode.ended_at.date() if episode.ended_at else period.upto, period.upto)
        if first > last:
            continue
        count += 1
        days.update(first + dt.timedelta(days=i) for i in range((last - first).days + 1))
        if episode.helped.strip():
            helped.append(episode.helped.strip())
    return FlareSummary(count, len(days), tuple(dict.fromkeys(helped)))


@dataclass(frozen=True)
class PacingSummary:
    activities: tuple[str, ...]  # activities with a plan on at least one day of the period
    planned_days: int  # an activity's planned day counts once
    kept_days: int  # done from 80 % of the plan to just under the over-plan level
    over_days: int  # done at or above the over-plan level (each is also a busy day)
    booms: int  # busy days (boom-and-bust heuristic)
    busts: int  # hard days after a busy day


def pacing_summary(
    activity: list[ActivityDay],
    logs: list[ActivityLog],
    over_plan: float,
    marks: Iterable[tuple[dt.date, bool, bool]],
    period: Period,
) -> PacingSummary | None:
    """`marks` are (day, boom, bust) from the boom-and-bust detector with the person's thresholds."""
    done: dict[tuple[str, dt.date], Fraction] = defaultdict(Fraction)
    for log in logs:
        done[(log.activity_id, log.day)] += exact(log.amount)
    over_level = 1 + exact(over_plan)
    names, planned, kept, over = [], 0, 0, 0
    for row in activity:
        targets = [(p.day, p.target) for p in row.progress if p.target and period.start <= p.day <= period.upto]
        if not targets:
            continue
        names.append(row.activity.name)
        for day, planned_amount in targets:
            target = exact(planned_amount)
            amount = done[(row.activity.id, day)]
            planned += 1
            if amount >= over_level * target:
                over += 1
            elif amount >= KEPT_SHARE * target:
                kept += 1
    if not planned:
        return None
    inside = [(boom, bust) for day, boom, bust in marks if period.start <= day <= period.upto]
    return PacingSummary(tuple(names), planned, kept, over, sum(b for b, _x in inside), sum(x for _b, x in inside))


# --- goals, medicines, what I've tried --------------------------------------------------------------------


@dataclass(frozen=True)
class GoalLine:
    title: str
    steps_done: int  # steps ticked done on or before the period's last day
    steps_total: int
    rating: int | None  # the latest "how near it feels" on or before the period's last day


def goal_lines(goals: list[Goal], upto: dt.date) -> tuple[GoalLine, ...]:
    lines = []
    for goal in goals:
        if goal.status.value not in ("active", "done", "paused"):
            continue
        if goal.created_at is not None and goal.created_at.astimezone(dt.UTC).date() > upto:
            continue
        ratings = [r for r in goal.ratings if r.rated_at.date() <= upto]
        rating = max(ratings, key=lambda r: r.rated_at).rating if ratings else None
        done = sum(1 for s in goal.steps if s.done_on is not None and s.done_on <= upto)
        lines.append(GoalLine(goal.title, done, len(goal.steps), rating))
    return tuple(lines)


@dataclass(frozen=True)
class MedicineLine:
    name: str
    purpose: str
    dose: str
    started_on: dt.date | None  # only when it started in the period
    stopped_on: dt.date | None  # only when it stopped in the period
    doses: int | None  # as-needed doses logged in the period; None for a regular medicine
    helpfulness: int | None  # from the latest rating on or before the period's last day
    side_effects: str
    review_due: dt.date | None  # a review due on or before the period's last day


def medicine_lines(medicines: list[Medicine], doses: list[Dose], period: Period) -> tuple[MedicineLine, ...]:
    from companion.domain.medicines import MedicineKind, review_due_on

    start, upto = period.start, period.upto
    taken: dict[str, int] = defaultdict(int)
    for dose in doses:
        if start <= dose.taken_at.date() <= upto:
            taken[dose.medicine_id] += 1
    lines = []
    for m in medicines:
        if not m.overlaps(start, upto):
            continue
        ratings = [r for r in m.ratings if r.rated_at.date() <= upto]
        rating = max(ratings, key=lambda r: r.rated_at) if ratings else None
        due = review_due_on(m, upto)
        lines.append(
            MedicineLine(
                m.name,
                m.purpose,
                m.dose,
                m.started_on if m.started_on is not None and start <= m.started_on <= upto else None,
                m.stopped_on if m.stopped_on is not None and start <= m.stopped_on <= upto else None,
                taken[m.id] if m.kind is MedicineKind.AS_NEEDED else None,
                rating.helpfulness if rating else None,
                rating.side_effects.strip() if rating else "",
                due if due is not None and due <= upto else None,
            )
        )
    return tuple(lines)


@dataclass(frozen=True)
class TriedLine:
    name: str
    helpfulness: int | None  # as recorded now (no history is kept)


def tried_lines(items: list[Tried], upto: dt.date) -> tuple[TriedLine, ...]:
    return tuple(TriedLine(i.name, i.helpfulness) for i in items if i.started_on is None or i.started_on <= upto)


# --- the whole summary -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SummaryData:
    options: SummaryOptions
    period: Period
    made_on: dt.date
    name: str
    communication: Communication
    what_matters: WhatMatters | None
    pain: PainSummary
    peg: PegSummary
    wellbeing: WellbeingSummary
    flares: FlareSummary
    pacing: PacingSummary | None
    goals: tuple[GoalLine, ...]
    completion: Completion
    medicines: tuple[MedicineLine, ...]
    tried: tuple[TriedLine, ...]
    notes: tuple[tuple[dt.datetime, str], ...]
    series: object = field(default=None, repr=False)  # the PainSeries the chart draws
    peg_points: tuple[object, ...] = field(default=(), repr=False)  # PegPoint, for the PEG chart
    story: object = field(default=None, repr=False)  # StoryData, when "My story so far" is ticked


def build_summary(session: DiarySession, options: SummaryOptions) -> SummaryData:
    """Read the diary through its services (a private read-only copy when built off the GUI thread). A period
    still to come reads nothing: every figure below is worked out over no days."""
    start, end = min(options.start, options.end), max(options.start, options.end)
    today = session.diary.today()
    period = Period(start, end, today)
    prefs, insights = session.summary, session.insights
    upto = period.upto
    entries = insights.checkins(start - dt.timedelta(days=period.days), upto)
    current = [e for e in entries if start <= e.recorded_at.date() <= upto]
    notes = tuple((c.recorded_at, c.note) for c in current if c.note.strip())
    return SummaryData(
        options=options,
        period=period,
        made_on=today,
        name=(prefs.name() if options.name is None else options.name).strip(),
        communication=prefs.communication() if options.communication is None else options.communication,
        what_matters=session.goals.what_matters(),
        pain=pain_summary(entries, period),
        peg=peg_summary(insights.peg_on_days(start, upto)),
        wellbeing=wellbeing_summary(current, period),
        flares=flare_summary(session.flares.episodes(), period),
        pacing=_pacing(session, period),
        goals=goal_lines(session.goals.goals(), upto),
        completion=insights.completion(start, upto),
        medicines=medicine_lines(session.medicines.medicines(), insights.doses_on_days(start, upto), period),
        tried=tried_lines(session.medicines.tried(), upto),
        notes=notes if options.includes(Section.NOTES) else (),
        series=insights.pain_series(start, upto),
        peg_points=tuple(insights.peg_points(start, upto)),
        story=_story(session, today) if options.includes(Section.STORY) else None,
    )


def _story(session: DiarySession, today: dt.date) -> object:
    from companion.reports.story_data import build_story

    return build_story(session, today)


def _pacing(session: DiarySession, period: Period) -> PacingSummary | None:
    activity = session.insights.planned(period.start, period.upto)
    if not any(p.target for row in activity for p in row.progress):
        return None
    logs = session.pacing.logs(period.start, period.upto)
    weeks = max(1, ((period.today - period.start).days + 7) // 7)
    report = session.pacing.boom_bust(weeks=weeks)
    marks = [(m.day, m.boom, m.bust) for m in report.marks]
    return pacing_summary(activity, logs, report.thresholds.over_plan, marks, period)
