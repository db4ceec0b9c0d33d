"""The consultation summary's content as plain data: what matters first, then the evidence.

Every number comes from the same services as the Trends screen (companion.services.insights and the pacing,
goals and medicines services), so the summary and the screen never disagree. Nothing here is worded: the
HTML builder words it in the summary's language.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from statistics import fmean
from typing import TYPE_CHECKING

from companion.domain import trends as t
from companion.domain.goals import Completion, Goal, WhatMatters
from companion.domain.medicines import Medicine, MedicineKind, Tried, review_due_on
from companion.domain.summary import (  # noqa: F401 (the summary's vocabulary, re-exported)
    ALL_SECTIONS,
    ASK_3_QUESTIONS,
    AUDIENCE_NAMES,
    BRAN_QUESTIONS,
    CHARTS,
    DEFAULT_SECTIONS,
    Audience,
    Section,
)

if TYPE_CHECKING:
    from companion.services.session import DiarySession


@dataclass(frozen=True)
class SummaryOptions:
    start: dt.date
    end: dt.date
    audience: Audience = Audience.GP
    sections: tuple[Section, ...] = DEFAULT_SECTIONS[Audience.GP]
    top3: tuple[str, ...] = ()
    ask3: bool = True
    bran: bool = False
    own_questions: tuple[str, ...] = ()
    language: str = "en"  # "en", "cy" or "both"
    paper: str = "A4"
    second_chart: str = "wellbeing"
    name: str = ""

    def includes(self, section: Section) -> bool:
        return section in self.sections


@dataclass(frozen=True)
class PainSummary:
    days_recorded: int
    days_in_period: int
    mean: float | None
    low: int | None
    high: int | None
    previous_mean: float | None
    change: t.Change | None  # against the period of the same length just before


@dataclass(frozen=True)
class PegSummary:
    first: float | None
    latest: float | None
    count: int
    change: t.Change | None  # latest against the first in the period


@dataclass(frozen=True)
class WellbeingSummary:
    sleep_quality: float | None
    sleep_hours: float | None
    mood: float | None
    fatigue: float | None


@dataclass(frozen=True)
class FlareSummary:
    count: int
    days: int
    helped: tuple[str, ...]


@dataclass(frozen=True)
class PacingSummary:
    activities: tuple[str, ...]
    planned_days: int
    kept_days: int  # done at least 80 % of the plan and no more than 30 % over it
    booms: int
    busts: int


@dataclass(frozen=True)
class MedicineLine:
    medicine: Medicine
    started_in_period: bool
    stopped_in_period: bool
    review_due: dt.date | None
    doses_in_period: int


@dataclass(frozen=True)
class SummaryData:
    options: SummaryOptions
    made_on: dt.date
    what_matters: WhatMatters | None
    pain: PainSummary
    peg: PegSummary
    wellbeing: WellbeingSummary
    flares: FlareSummary
    pacing: PacingSummary | None
    goals: tuple[Goal, ...]
    completion: Completion
    medicines: tuple[MedicineLine, ...]
    tried: tuple[Tried, ...]
    notes: tuple[tuple[dt.datetime, str], ...]
    series: object = field(default=None, repr=False)  # the PainSeries the chart draws
    peg_points: tuple[object, ...] = field(default=(), repr=False)  # PegPoint, for the PEG chart


def _mean(values: list[float]) -> float | None:
    return fmean(values) if values else None


def build_summary(session: DiarySession, options: SummaryOptions) -> SummaryData:
    start, end = options.start, options.end
    insights = session.insights
    length = (end - start).days + 1
    previous_start, previous_end = start - dt.timedelta(days=length), start - dt.timedelta(days=1)
    stats = insights.day_stats(previous_start, end)
    current = [s for s in stats if start <= s.day <= end]
    recorded = [s for s in current if s.pain_mean is not None]
    mean = t.period_mean(stats, start, end)
    previous = t.period_mean(stats, previous_start, previous_end)
    pain = PainSummary(
        len(recorded),
        length,
        mean,
        min((s.pain_low for s in recorded if s.pain_low is not None), default=None),
        max((s.pain_high for s in recorded if s.pain_high is not None), default=None),
        previous,
        t.change_band(previous, mean) if previous is not None and mean is not None else None,
    )
    pegs = insights.peg_points(start, end)
    peg = PegSummary(
        pegs[0].score if pegs else None,
        pegs[-1].score if pegs else None,
        len(pegs),
        t.change_band(pegs[0].score, pegs[-1].score) if len(pegs) >= 2 else None,
    )
    wellbeing = WellbeingSummary(
        _mean([s.sleep_quality for s in current if s.sleep_quality is not None]),
        _mean([s.sleep_hours for s in current if s.sleep_hours is not None]),
        _mean([s.mood for s in current if s.mood is not None]),
        _mean([s.fatigue for s in current if s.fatigue is not None]),
    )
    flares = _flares(session, start, end)
    medicines_service = session.medicines
    doses = medicines_service.doses_between(start, end)
    lines = []
    for medicine in medicines_service.medicines():
        if not medicine.overlaps(start, end):
            continue
        lines.append(
            MedicineLine(
                medicine,
                medicine.started_on is not None and start <= medicine.started_on <= end,
                medicine.stopped_on is not None and start <= medicine.stopped_on <= end,
                review_due_on(medicine, end),
                sum(d.medicine_id == medicine.id for d in doses) if medicine.kind is MedicineKind.AS_NEEDED else 0,
            )
        )
    notes: tuple[tuple[dt.datetime, str], ...] = ()
    if options.includes(Section.NOTES):
        entries = [c for c in insights.checkins(start, end) if start <= c.recorded_at.date() <= end and c.note]
        notes = tuple((c.recorded_at, c.note) for c in entries)
    goals = tuple(g for g in session.goals.goals() if g.status.value in ("active", "done", "paused"))
    return SummaryData(
        options=options,
        made_on=session.diary.today(),
        what_matters=session.goals.what_matters(),
        pain=pain,
        peg=peg,
        wellbeing=wellbeing,
        flares=flares,
        pacing=_pacing(session, start, end),
        goals=goals,
        completion=insights.completion(start, end),
        medicines=tuple(lines),
        tried=tuple(session.medicines.tried()),
        notes=notes,
        series=insights.pain_series(start, end),
        peg_points=tuple(pegs),
    )


def _flares(session: DiarySession, start: dt.date, end: dt.date) -> FlareSummary:
    count, days, helped = 0, 0, []
    for episode in session.flares.episodes():
        span = t.clip_span(
            "", episode.started_at.date(), episode.ended_at.date() if episode.ended_at else end, start, end
        )
        if span is None:
            continue
        count += 1
        days += (span.end - span.start).days + 1
        if episode.helped:
            helped.append(episode.helped)
    return FlareSummary(count, days, tuple(helped))


def _pacing(session: DiarySession, start: dt.date, end: dt.date) -> PacingSummary | None:
    activity = session.insights.activity(start, end)
    planned = [p for row in activity for p in row.progress if p.target]
    if not activity or not planned:
        return None
    kept = sum(1 for p in planned if p.target and 0.8 * p.target <= p.done <= 1.3 * p.target)
    weeks = max(1, ((session.pacing.today() - start).days + 7) // 7)
    report = session.pacing.boom_bust(weeks=weeks)
    marks = [m for m in report.marks if start <= m.day <= end]
    return PacingSummary(
        tuple(row.activity.name for row in activity),
        len(planned),
        kept,
        sum(m.boom for m in marks),
        sum(m.bust for m in marks),
    )
