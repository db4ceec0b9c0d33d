"""The grouped Trends charts: action-plan completion week by week, pain by time of day and by day of the
week, and pain on days with and without a tag. Tag patterns are possible links worth discussing, never
causes, and are shown only with at least 3 days with the tag and 3 without; otherwise the page says how
many more days are needed."""

from __future__ import annotations

import datetime as dt
from typing import Any

from babel import dates as babel_dates

from companion.domain.trends import MIN_PATTERN_DAYS, DayPart, GroupMean, TagPattern
from companion.i18n import _, ngettext
from companion.i18n.formatting import format_date, format_time, locale
from companion.services.insights import InsightsService
from companion.ui.trends.model import ChartData, Stop, day_x, days_text, number, percent

MAX_TAG_ROWS = 8  # companion.charts.patterns draws the first eight tags with enough days
MAX_NEEDS = 10  # tags listed as needing more days

_PART_HOURS = {
    DayPart.NIGHT: (dt.time(0, 0), dt.time(5, 59)),
    DayPart.MORNING: (dt.time(6, 0), dt.time(11, 59)),
    DayPart.AFTERNOON: (dt.time(12, 0), dt.time(17, 59)),
    DayPart.EVENING: (dt.time(18, 0), dt.time(23, 59)),
}


def _period(start: dt.date, end: dt.date) -> dict[str, str]:
    return {"start": format_date(start), "end": format_date(end)}


# --- action plans -----------------------------------------------------------------------------------------


def goals_chart(insights: InsightsService, start: dt.date, end: dt.date) -> ChartData:
    empty = _("This chart appears when you have weekly action plans in this period. Make one on the Goals page.")
    weeks = [w for w in insights.weekly_completion(start, end) if w.completion.planned]
    if not weeks:
        return ChartData("goals", False, empty)

    def readout(week_start: dt.date, ticked: int, planned: int, extra: int) -> str:
        text = _("Week starting {date}: {ticked} of {planned} planned days done ({percent} %).").format(
            date=format_date(week_start), ticked=ticked, planned=planned, percent=percent(ticked, planned)
        )
        if extra:
            text += " " + ngettext(
                "Also {count} day done that was not planned.", "Also {count} days done that were not planned.", extra
            ).format(count=extra)
        return text

    planned = sum(w.completion.planned for w in weeks)
    ticked = sum(w.completion.ticked for w in weeks)
    summary = _(
        "Action plans from {start} to {end}: {ticked} of {planned} planned days done ({percent} %). Weeks with "
        "a plan: {weeks}."
    ).format(**_period(start, end), ticked=ticked, planned=planned, percent=percent(ticked, planned), weeks=len(weeks))

    def draw(**style: Any) -> Any:
        from companion.charts.goals import completion_figure

        return completion_figure(weeks, **style)

    return ChartData(
        "goals",
        True,
        empty,
        summary=summary,
        headers=[_("Week starting"), _("Planned days"), _("Done"), _("Done, not planned"), _("Done (%)")],
        rows=[
            [
                format_date(w.week_start),
                str(w.completion.planned),
                str(w.completion.ticked),
                str(w.completion.extra),
                str(percent(w.completion.ticked, w.completion.planned)),
            ]
            for w in weeks
        ],
        stops=[
            Stop(
                day_x(w.week_start) + 3,
                readout(w.week_start, w.completion.ticked, w.completion.planned, w.completion.extra),
                w.week_start,
            )
            for w in weeks
        ],
        draw=draw,
        step="week",
        band=7.0,
    )


# --- time of day and day of the week ----------------------------------------------------------------------


def part_name(key: str) -> str:
    part = DayPart(key)
    start, end = (format_time(t) for t in _PART_HOURS[part])
    text = {
        DayPart.NIGHT: _("Night ({start} to {end})"),
        DayPart.MORNING: _("Morning ({start} to {end})"),
        DayPart.AFTERNOON: _("Afternoon ({start} to {end})"),
        DayPart.EVENING: _("Evening ({start} to {end})"),
    }[part]
    return text.format(start=start, end=end)


def weekday_name(key: str) -> str:
    names = babel_dates.get_day_names("wide", context="stand-alone", locale=locale())
    return str(names[int(key)])


def _group_chart(
    key: str,
    *,
    groups: list[GroupMean],
    names: list[str],
    readout: Any,
    intro: str,
    period: dict[str, str],
    headers: list[str],
    draw: Any,
) -> ChartData:
    empty = _("This chart appears when you have recorded pain in this period.")
    if not any(g.count and g.mean is not None for g in groups):
        return ChartData(key, False, empty)
    values = "; ".join(
        f"{name} {number(g.mean)}" for name, g in zip(names, groups, strict=True) if g.count and g.mean is not None
    )
    return ChartData(
        key,
        True,
        empty,
        summary=intro.format(**period, values=values),
        headers=headers,
        rows=[[name, number(g.mean), str(g.count)] for name, g in zip(names, groups, strict=True)],
        stops=[
            Stop(float(i), readout(name, g), empty=not g.count)
            for i, (name, g) in enumerate(zip(names, groups, strict=True))
        ],
        draw=draw,
        dated=False,
        step="bar",
        band=0.9,
    )


def time_of_day_chart(insights: InsightsService, start: dt.date, end: dt.date) -> ChartData:
    groups = insights.time_of_day(start, end)

    def readout(name: str, g: GroupMean) -> str:
        if not g.count or g.mean is None:
            return _("{part}: no check-ins.").format(part=name)
        return ngettext(
            "{part}: average pain {mean} out of 10, from {count} check-in.",
            "{part}: average pain {mean} out of 10, from {count} check-ins.",
            g.count,
        ).format(part=name, mean=number(g.mean), count=g.count)

    def draw(**style: Any) -> Any:
        from companion.charts.patterns import time_of_day_figure

        return time_of_day_figure(groups, **style)

    intro = _("Average pain by time of day from {start} to {end}: {values}.")
    return _group_chart(
        "time_of_day",
        groups=groups,
        names=[part_name(g.key) for g in groups],
        readout=readout,
        intro=intro,
        period=_period(start, end),
        headers=[_("Time of day"), _("Average pain"), _("Check-ins")],
        draw=draw,
    )


def weekday_chart(insights: InsightsService, start: dt.date, end: dt.date) -> ChartData:
    groups = sorted(insights.weekdays(start, end), key=lambda g: int(g.key))

    def readout(name: str, g: GroupMean) -> str:
        if not g.count or g.mean is None:
            return _("{weekday}: nothing recorded.").format(weekday=name)
        return ngettext(
            "{weekday}: average pain {mean} out of 10, over {count} day.",
            "{weekday}: average pain {mean} out of 10, over {count} days.",
            g.count,
        ).format(weekday=name, mean=number(g.mean), count=g.count)

    def draw(**style: Any) -> Any:
        from companion.charts.patterns import weekday_figure

        return weekday_figure(groups, **style)

    intro = _("Average pain by day of the week from {start} to {end}: {values}.")
    return _group_chart(
        "weekday",
        groups=groups,
        names=[weekday_name(g.key) for g in groups],
        readout=readout,
        intro=intro,
        period=_period(start, end),
        headers=[_("Day of the week"), _("Average pain"), _("Days")],
        draw=draw,
    )


# --- possible links with tags -------------------------------------------------------------------------------


def tag_sentence(same: TagPattern, after: TagPattern, *, caveat: bool = True) -> str:
    """The numbers for one tag with enough days, worded as a possible link."""
    parts = []
    if same.enough and same.mean_with is not None and same.mean_without is not None:
        parts.append(
            _(
                "“{tag}”: average pain {with_mean} on days with it ({with_days}) and {without_mean} on days "
                "without it ({without_days})."
            ).format(
                tag=same.tag,
                with_mean=number(same.mean_with),
                with_days=days_text(same.days_with),
                without_mean=number(same.mean_without),
                without_days=days_text(same.days_without),
            )
        )
    if after.enough and after.mean_with is not None and after.mean_without is not None:
        parts.append(
            _(
                "The next day: {with_mean} after days with “{tag}” ({with_days}) and {without_mean} after days "
                "without it ({without_days})."
            ).format(
                tag=after.tag,
                with_mean=number(after.mean_with),
                with_days=days_text(after.days_with),
                without_mean=number(after.mean_without),
                without_days=days_text(after.days_without),
            )
        )
    if caveat:
        parts.append(_("A possible link, worth discussing, not a cause."))
    return " ".join(parts)


def needs_sentence(pattern: TagPattern) -> str:
    """How many more days are needed before a tag can be compared (as "3 more days with “gardening”")."""
    parts = []
    if pattern.more_with_needed:
        parts.append(
            ngettext(
                "{count} more day with “{tag}” is needed.",
                "{count} more days with “{tag}” are needed.",
                pattern.more_with_needed,
            ).format(count=pattern.more_with_needed, tag=pattern.tag)
        )
    if pattern.more_without_needed:
        parts.append(
            ngettext(
                "{count} more day without “{tag}” is needed.",
                "{count} more days without “{tag}” are needed.",
                pattern.more_without_needed,
            ).format(count=pattern.more_without_needed, tag=pattern.tag)
        )
    return " ".join(parts)


def tags_chart(insights: InsightsService, start: dt.date, end: dt.date) -> ChartData:
    patterns = insights.tag_patterns(start, end)
    compared = [pair for pair in patterns if pair[0].enough or pair[1].enough]
    shown = compared[:MAX_TAG_ROWS]
    waiting = [pair[0] for pair in patterns if not pair[0].enough and not pair[1].enough]
    rule = ngettext(
        "A tag is compared once it has been used on at least {count} day and not used on at least {count} other day.",
        "A tag is compared once it has been used on at least {count} days and not used on at least {count} other days.",
        MIN_PATTERN_DAYS,
    ).format(count=MIN_PATTERN_DAYS)
    notes = [needs_sentence(p) for p in waiting[:MAX_NEEDS]]
    if len(waiting) > MAX_NEEDS:
        notes.append(
            ngettext(
                "{count} more tag needs more days.", "{count} more tags need more days.", len(waiting) - MAX_NEEDS
            ).format(count=len(waiting) - MAX_NEEDS)
        )
    empty = _(
        "Possible links with tags appear here when you have tagged your check-ins in this period with what you "
        "did, what helped or what made things worse."
    )
    if patterns:
        empty = _("Possible links with tags appear here once a tag has enough days.") + " " + rule
    if not shown:
        return ChartData("tags", False, empty, notes="\n".join(notes))

    def draw(**style: Any) -> Any:
        from companion.charts.patterns import tag_patterns_figure

        return tag_patterns_figure(patterns, **style)

    summary = _(
        "Average pain on days with and without each tag, the same day and the next day, from {start} to {end}. "
        "These are possible links worth discussing, never proof that one thing causes another."
    ).format(**_period(start, end))
    rows = []
    for same, after in patterns:
        rows.append(
            [
                same.tag,
                str(same.days_with),
                number(same.mean_with) if same.enough else "",
                str(same.days_without),
                number(same.mean_without) if same.enough else "",
                number(after.mean_with) if after.enough else "",
                number(after.mean_without) if after.enough else "",
                _("Yes") if same.enough else needs_sentence(same),
            ]
        )
    return ChartData(
        "tags",
        True,
        empty,
        summary=summary,
        notes="\n".join([tag_sentence(*pair, caveat=False) for pair in compared] + notes),
        headers=[
            _("Tag"),
            _("Days with it"),
            _("Pain on days with it"),
            _("Days without it"),
            _("Pain on days without it"),
            _("Pain the day after days with it"),
            _("Pain the day after days without it"),
            _("Enough days to compare"),
        ],
        rows=rows,
        stops=[Stop(float(row), tag_sentence(*pair)) for row, pair in enumerate(shown)],
        draw=draw,
        dated=False,
        across="y",
        step="bar",
        band=0.9,
        height=2.0 + 0.55 * len(shown),
    )
