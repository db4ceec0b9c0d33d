"""The day-by-day Trends charts: pain over time, PEG against a baseline, sleep, mood and tiredness, and
activity planned against done with boom and bust markers. Each is a ChartData: numbers, sentences and a
figure factory (companion.charts, imported only when drawn)."""

from __future__ import annotations

import datetime as dt
import math
from statistics import fmean
from typing import Any

from companion.domain.pacing_patterns import DayMark
from companion.domain.trends import Change, ChangeBand, DayStats, days_between
from companion.i18n import _, ngettext
from companion.i18n.formatting import format_date
from companion.presentation.pacing_words import format_amount
from companion.services.insights import InsightsService, PainSeries, PegPoint
from companion.services.pacing import PacingService
from companion.ui.trends.model import ChartData, Stop, day_x, number, yes

BASELINE_DAYS = 28
COMPARE_DAYS = 28
MAX_ACTIVITY_PANELS = 4  # companion.charts.activity draws the first four activities with anything in them


def full_date(day: dt.date) -> str:
    return format_date(day, "full")


# --- pain over time ---------------------------------------------------------------------------------------


def pain_readout(day: DayStats, ma7: float | None) -> str:
    when = full_date(day.day)
    if not day.has_pain:
        text = _("{date}: nothing recorded.").format(date=when)
    elif day.pain_count == 1:
        text = _("{date}: pain {pain} out of 10, from one check-in.").format(date=when, pain=number(day.pain_mean))
    else:
        text = ngettext(
            "{date}: average pain {mean} out of 10, lowest {low}, highest {high}, from {count} check-in.",
            "{date}: average pain {mean} out of 10, lowest {low}, highest {high}, from {count} check-ins.",
            day.pain_count,
        ).format(date=when, mean=number(day.pain_mean), low=day.pain_low, high=day.pain_high, count=day.pain_count)
    if ma7 is not None:
        text += " " + _("7-day average: {average}.").format(average=number(ma7))
    return text


def _pain_summary(series: PainSeries) -> str:
    recorded = [d.pain_mean for d in series.days if d.pain_mean is not None]
    text = ngettext(
        "Pain from {start} to {end}, recorded on {count} of {total} days: on average {mean} out of 10, the "
        "lowest daily average {low} and the highest {high}.",
        "Pain from {start} to {end}, recorded on {count} of {total} days: on average {mean} out of 10, the "
        "lowest daily average {low} and the highest {high}.",
        len(series.days),
    ).format(
        start=format_date(series.start),
        end=format_date(series.end),
        count=len(recorded),
        total=len(series.days),
        mean=number(fmean(recorded)),
        low=number(min(recorded)),
        high=number(max(recorded)),
    )
    averages = [v for v in series.ma7 if v is not None]
    if len(averages) >= 2:
        text += " " + _("The 7-day average went from {first} to {last}.").format(
            first=number(averages[0]), last=number(averages[-1])
        )
    if series.flares:
        count = len(series.flares)
        text += " " + ngettext("{count} flare-up is shaded.", "{count} flare-ups are shaded.", count).format(
            count=count
        )
    return text


def pain_chart(insights: InsightsService, start: dt.date, end: dt.date) -> ChartData:
    series = insights.pain_series(start, end)
    empty = _(
        "The pain chart appears when you have recorded pain in this period. Choose a longer period, or add "
        "a check-in on Today."
    )
    if not series.has_data:
        return ChartData("pain", False, empty)
    flare_days = {day for span in series.flares for day in days_between(span.start, span.end)}
    rows = []
    for stats, ma7, ma28 in zip(series.days, series.ma7, series.ma28, strict=True):
        medicines = sorted({m.label for m in series.medicines if m.start <= stats.day <= m.end}, key=str.casefold)
        rows.append(
            [
                format_date(stats.day),
                number(stats.pain_mean),
                "" if stats.pain_low is None else str(stats.pain_low),
                "" if stats.pain_high is None else str(stats.pain_high),
                str(stats.pain_count),
                number(ma7),
                number(ma28),
                yes(stats.day in flare_days),
                ", ".join(medicines),
            ]
        )

    def draw(**style: Any) -> Any:
        from companion.charts.pain import pain_figure

        return pain_figure(series, **style)

    rows_below = min(len({m.label for m in series.medicines}), 8)
    return ChartData(
        "pain",
        True,
        empty,
        summary=_pain_summary(series),
        headers=[
            _("Day"),
            _("Average pain"),
            _("Lowest"),
            _("Highest"),
            _("Check-ins"),
            _("7-day average"),
            _("28-day average"),
            _("Flare-up"),
            _("Medicines"),
        ],
        rows=rows,
        stops=[
            Stop(day_x(s.day), pain_readout(s, ma7), s.day, not s.has_pain)
            for s, ma7 in zip(series.days, series.ma7, strict=True)
        ],
        draw=draw,
        height=4.2 + 0.28 * rows_below,
    )


# --- PEG --------------------------------------------------------------------------------------------------


def peg_baseline(
    insights: InsightsService,
    choice: str,
    start: dt.date,
    end: dt.date,
    custom: tuple[dt.date, dt.date] | None = None,
) -> tuple[dt.date, dt.date]:
    """The baseline period: "first" (the first 4 weeks of PEG answers), "range" (the first 4 weeks of the
    period shown) or "custom" (the dates the person chose)."""
    if choice == "custom" and custom is not None:
        return min(custom), max(custom)
    if choice == "range":
        return start, min(end, start + dt.timedelta(days=BASELINE_DAYS - 1))
    points = insights.peg_points(dt.date.min, dt.date.max)
    first = min((p.day for p in points), default=start)
    return first, first + dt.timedelta(days=BASELINE_DAYS - 1)


def change_sentence(change: Change, start: dt.date, end: dt.date) -> str:
    """The IMMPACT band in calm words: a change, never a cause (the bands' source is in "About this chart")."""
    values: dict[str, object] = {
        "start": format_date(start),
        "end": format_date(end),
        "current": number(change.current),
        "baseline": number(change.baseline),
        "percent": abs(round(change.percent)),
    }
    if change.baseline <= 0:
        return _(
            "From {start} to {end} your PEG averaged {current}. Your baseline average was {baseline}, so a "
            "change in per cent cannot be worked out."
        ).format(**values)
    if change.band is ChangeBand.MUCH_BETTER:
        text = _(
            "From {start} to {end} your PEG averaged {current}, {percent} % below your baseline of "
            "{baseline}: a substantial improvement (a fall of 50 % and over)."
        )
    elif change.band is ChangeBand.BETTER:
        text = _(
            "From {start} to {end} your PEG averaged {current}, {percent} % below your baseline of "
            "{baseline}: a moderately important improvement (a fall of 30 % and over)."
        )
    elif change.band is ChangeBand.WORSE:
        text = _(
            "From {start} to {end} your PEG averaged {current}, {percent} % above your baseline of "
            "{baseline}: a rise of 30 % and over. It may be worth talking over with your clinician."
        )
    elif values["percent"] == 0:
        text = _(
            "From {start} to {end} your PEG averaged {current}, about the same as your baseline of {baseline}: "
            "little change."
        )
    elif change.percent < 0:
        text = _(
            "From {start} to {end} your PEG averaged {current}, {percent} % below your baseline of "
            "{baseline}: little change (less than 30 %)."
        )
    else:
        text = _(
            "From {start} to {end} your PEG averaged {current}, {percent} % above your baseline of "
            "{baseline}: little change (less than 30 %)."
        )
    return text.format(**values)


def peg_change_text(insights: InsightsService, baseline: tuple[dt.date, dt.date], start: dt.date, end: dt.date) -> str:
    """Mean PEG in the last 4 weeks of the period shown (after the baseline) against the baseline."""
    compare_from = max(end - dt.timedelta(days=COMPARE_DAYS - 1), baseline[1] + dt.timedelta(days=1), start)
    lead = _("Baseline: {start} to {end}.").format(start=format_date(baseline[0]), end=format_date(baseline[1]))
    if compare_from > end:
        return (
            lead
            + " "
            + _(
                "To see a change, pick a baseline that ends before the last weeks of the period shown, or choose "
                "a longer period."
            )
        )
    change = insights.peg_change(baseline, (compare_from, end))
    if change is None:
        return (
            lead
            + " "
            + _("To see a change you need PEG answers in the baseline and from {start} to {end}.").format(
                start=format_date(compare_from), end=format_date(end)
            )
        )
    return lead + " " + change_sentence(change, compare_from, end)


def peg_chart(insights: InsightsService, start: dt.date, end: dt.date, baseline: tuple[dt.date, dt.date]) -> ChartData:
    empty = _(
        "The PEG chart appears when you have answered the PEG questions in this period (pain, enjoyment of "
        "life and general activity). Choose a longer period; Today offers the questions once a week."
    )
    in_range = insights.peg_points(start, end)
    if not in_range:
        return ChartData("peg", False, empty)
    points: list[PegPoint] = sorted(
        insights.peg_points(min(start, baseline[0]), max(end, baseline[1])), key=lambda p: p.day
    )

    def in_baseline(point: PegPoint) -> bool:
        return baseline[0] <= point.day <= baseline[1]

    def readout(point: PegPoint) -> str:
        text = _("{date}: PEG score {score} out of 10.").format(date=full_date(point.day), score=number(point.score))
        if in_baseline(point):
            text += " " + _("This answer is in your baseline period.")
        return text

    def draw(**style: Any) -> Any:
        from companion.charts.peg import peg_figure

        return peg_figure(points, baseline, **style)

    ordered = sorted(in_range, key=lambda p: p.day)
    summary = ngettext(
        "{count} PEG answer from {start} to {end}: the first {first} and the latest {last} out of 10 (lower "
        "is better).",
        "{count} PEG answers from {start} to {end}: the first {first} and the latest {last} out of 10 (lower "
        "is better).",
        len(ordered),
    ).format(
        count=len(ordered),
        start=format_date(start),
        end=format_date(end),
        first=number(ordered[0].score),
        last=number(ordered[-1].score),
    )
    notes = peg_change_text(insights, baseline, start, end)
    return ChartData(
        "peg",
        True,
        empty,
        summary=summary,
        notes=notes,
        headers=[_("Day"), _("PEG score (0 to 10)"), _("In the baseline period")],
        rows=[[format_date(p.day), number(p.score), yes(in_baseline(p))] for p in points],
        stops=[Stop(day_x(p.day), readout(p), p.day) for p in points],
        draw=draw,
        step="answer",
    )


# --- sleep, mood and tiredness -----------------------------------------------------------------------------


def _wellbeing_parts(
    pain: float | None, quality: float | None, hours: float | None, mood: float | None, tiredness: float | None
) -> list[str]:
    parts = []
    if pain is not None:
        parts.append(_("pain {value}").format(value=number(pain)))
    if quality is not None:
        parts.append(_("sleep quality {value}").format(value=number(quality)))
    if hours is not None:
        parts.append(_("hours of sleep {value}").format(value=number(hours)))
    if mood is not None:
        parts.append(_("mood {value}").format(value=number(mood)))
    if tiredness is not None:
        parts.append(_("tiredness {value}").format(value=number(tiredness)))
    return parts


def _average(days: list[DayStats], name: str) -> float | None:
    found = [v for d in days if (v := getattr(d, name)) is not None]
    return fmean(found) if found else None


def wellbeing_chart(insights: InsightsService, start: dt.date, end: dt.date) -> ChartData:
    empty = _(
        "This chart appears when you have recorded sleep, mood or tiredness in this period. They are in the "
        "check-in on Today."
    )
    days = insights.day_stats(start, end)
    if not any(v is not None for d in days for v in (d.sleep_quality, d.sleep_hours, d.mood, d.fatigue)):
        return ChartData("wellbeing", False, empty)

    def readout(d: DayStats) -> str:
        parts = _wellbeing_parts(d.pain_mean, d.sleep_quality, d.sleep_hours, d.mood, d.fatigue)
        if not parts:
            return _("{date}: nothing recorded.").format(date=full_date(d.day))
        return _("{date}: {values}.").format(date=full_date(d.day), values="; ".join(parts))

    def draw(**style: Any) -> Any:
        from companion.charts.wellbeing import wellbeing_figure

        return wellbeing_figure(days, sleep_hours=True, **style)

    averages = _wellbeing_parts(
        *(_average(days, n) for n in ("pain_mean", "sleep_quality", "sleep_hours", "mood", "fatigue"))
    )
    summary = _("Daily averages from {start} to {end}: {values}.").format(
        start=format_date(start), end=format_date(end), values="; ".join(averages)
    )
    summary += " " + _(
        "Scores are 0 to 10: higher is better for sleep quality and mood, lower is better for pain and tiredness."
    )
    return ChartData(
        "wellbeing",
        True,
        empty,
        summary=summary,
        headers=[_("Day"), _("Pain"), _("Sleep quality"), _("Hours of sleep"), _("Mood"), _("Tiredness")],
        rows=[
            [format_date(d.day), *(number(v) for v in (d.pain_mean, d.sleep_quality, d.sleep_hours, d.mood, d.fatigue))]
            for d in days
        ],
        stops=[
            Stop(
                day_x(d.day),
                readout(d),
                d.day,
                not _wellbeing_parts(d.pain_mean, d.sleep_quality, d.sleep_hours, d.mood, d.fatigue),
            )
            for d in days
        ],
        draw=draw,
    )


# --- activity planned against done -------------------------------------------------------------------------


def _mark_text(mark: DayMark | None) -> str:
    if mark is None:
        return ""
    if mark.boom:
        return _("Possible busy day (boom)")
    if mark.bust:
        return _("Possible hard day after a busy day (bust)")
    return ""


def activity_chart(insights: InsightsService, pacing: PacingService, start: dt.date, end: dt.date) -> ChartData:
    empty = _(
        "This chart appears when you have activities with a plan, or have logged what you did, in this "
        "period. Set them up on the Pacing page."
    )
    items = [a for a in insights.activity(start, end) if any(p.target or p.done for p in a.progress)]
    if not items:
        return ChartData("activity", False, empty)
    weeks = math.ceil(((end - start).days + 1) / 7)
    marks = [m for m in pacing.boom_bust(weeks=weeks).marks if start <= m.day <= end]
    by_day = {m.day: m for m in marks if m.boom or m.bust}

    def readout(day: dt.date) -> tuple[str, bool]:
        parts = []
        for item in items:
            progress = next(p for p in item.progress if p.day == day)
            done = format_amount(progress.done, item.activity)
            if progress.target:
                parts.append(
                    _("{activity}: {done} of {planned} planned").format(
                        activity=item.activity.name, done=done, planned=format_amount(progress.target, item.activity)
                    )
                )
            elif progress.done:
                parts.append(_("{activity}: {done}, nothing planned").format(activity=item.activity.name, done=done))
        mark = by_day.get(day)
        if mark is not None and mark.boom:
            parts.append(_("a possible busy day (boom)"))
        elif mark is not None and mark.bust:
            parts.append(_("a possible hard day after a busy day (bust)"))
        if not parts:
            return _("{date}: nothing planned or done.").format(date=full_date(day)), True
        return _("{date}: {values}.").format(date=full_date(day), values="; ".join(parts)), False

    rows = []
    for day in days_between(start, end):
        for item in items:
            p = next(p for p in item.progress if p.day == day)
            if p.target or p.done or day in by_day:
                rows.append(
                    [
                        format_date(day),
                        item.activity.name,
                        format_amount(p.target, item.activity) if p.target else "",
                        format_amount(p.done, item.activity) if p.done else "",
                        _mark_text(by_day.get(day)),
                    ]
                )
    lines = []
    for item in items:
        planned = sum(1 for p in item.progress if p.target)
        done = sum(1 for p in item.progress if p.done)
        over = sum(1 for p in item.progress if p.over_plan)
        lines.append(
            _("{activity}: days planned {planned}, days done {done}, days over the plan {over}.").format(
                activity=item.activity.name, planned=planned, done=done, over=over
            )
        )
    lines.append(
        _(
            "Possible busy days (boom): {booms}; possible hard days after a busy day (bust): {busts}. A possible "
            "pattern, worth discussing."
        ).format(booms=sum(m.boom for m in marks), busts=sum(m.bust for m in marks))
    )
    if len(items) > MAX_ACTIVITY_PANELS:
        lines.append(
            _("The chart shows the first {count} activities; the table shows them all.").format(
                count=MAX_ACTIVITY_PANELS
            )
        )

    def draw(**style: Any) -> Any:
        from companion.charts.activity import activity_figure

        return activity_figure(items, marks, **style)

    return ChartData(
        "activity",
        True,
        empty,
        summary=" ".join(lines),
        headers=[_("Day"), _("Activity"), _("Planned"), _("Done"), _("Possible pattern")],
        rows=rows,
        stops=[
            Stop(day_x(day), text, day, empty) for day in days_between(start, end) for text, empty in [readout(day)]
        ],
        draw=draw,
        height=1.2 + 1.5 * min(len(items), MAX_ACTIVITY_PANELS),
    )
