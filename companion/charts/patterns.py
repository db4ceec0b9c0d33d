"""Patterns: pain by time of day and by day of the week, and pain on days with and without a tag.

The numbers are always written on the bars, and how many check-ins or days each one rests on. A group with
nothing in it has no bar and says "No data". Tag patterns are shown only with at least 3 days with the tag
and 3 without (companion.domain.trends.MIN_PATTERN_DAYS); they are possible links worth discussing, never
causes, and the chart says so in its title.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from companion.charts.common import (
    empty_figure,
    legend_below,
    message_figure,
    new_figure,
    style_axes,
)
from companion.charts.palette import Palette
from companion.domain.trends import MIN_PATTERN_DAYS, DayPart, GroupMean, TagPattern
from companion.i18n import _, ngettext
from companion.i18n.formatting import format_decimal, format_time, locale

MAX_TAGS = 8
TAG_CHARS = 24

_PART_HOURS = {
    DayPart.NIGHT: (dt.time(0, 0), dt.time(5, 59)),
    DayPart.MORNING: (dt.time(6, 0), dt.time(11, 59)),
    DayPart.AFTERNOON: (dt.time(12, 0), dt.time(17, 59)),
    DayPart.EVENING: (dt.time(18, 0), dt.time(23, 59)),
}


def day_part_label(key: str) -> str:
    """ "Morning\\n06:00 to 11:59" in the active language (times in its own format)."""
    part = DayPart(key)
    start, end = (format_time(t) for t in _PART_HOURS[part])
    text = {
        DayPart.NIGHT: _("Night\n{start} to {end}"),
        DayPart.MORNING: _("Morning\n{start} to {end}"),
        DayPart.AFTERNOON: _("Afternoon\n{start} to {end}"),
        DayPart.EVENING: _("Evening\n{start} to {end}"),
    }[part]
    return text.format(start=start, end=end)


def weekday_name(key: str, *, wide: bool) -> str:
    """Monday = "0": "Dydd Llun" / "Llun" (CLDR stand-alone names through Babel)."""
    from babel import dates as babel_dates

    names = babel_dates.get_day_names("wide" if wide else "abbreviated", context="stand-alone", locale=locale())
    return str(names[int(key)])


def _group_figure(
    groups: list[GroupMean],
    labels: list[str],
    count_text: Callable[[int], str],
    *,
    dark: bool,
    font_pt: float,
    width: float,
    height: float,
) -> Figure:
    if not groups or not any(g.count and g.mean is not None for g in groups):
        return empty_figure(dark=dark, font_pt=font_pt, width=width, height=height)
    figure, pal = new_figure(dark=dark, width=width, height=height, font_pt=font_pt)
    ax = figure.subplots()
    style_axes(ax, pal, font_pt)
    x = np.arange(len(groups), dtype=float)
    means = np.array([g.mean if g.count and g.mean is not None else 0.0 for g in groups])
    ax.bar(x, means, width=0.62, color=pal.pain, edgecolor=pal.pain)
    size = font_pt * 0.85
    for index, group in enumerate(groups):
        if not group.count or group.mean is None:
            ax.text(index, 0.25, _("No data"), ha="center", va="bottom", color=pal.text, fontsize=size, style="italic")
            continue
        ax.text(
            index,
            group.mean + 0.2,
            count_text(group.count).format(mean=format_decimal(group.mean), count=group.count),
            ha="center",
            va="bottom",
            color=pal.text,
            fontsize=size,
            linespacing=1.3,
        )
    ax.set_xticks(x, labels)
    ax.tick_params(axis="x", length=0)
    ax.set_xlim(-0.6, len(groups) - 0.4)
    ax.set_ylim(0, 12.4)
    ax.set_yticks(range(0, 11, 2))
    ax.set_ylabel(_("Average pain (0 to 10)"), fontsize=font_pt)
    return figure


def time_of_day_figure(
    groups: list[GroupMean],
    *,
    dark: bool = False,
    font_pt: float = 10.0,
    width: float = 8.0,
    height: float = 4.2,
) -> Figure:
    """Average pain in each part of the day (companion.domain.trends.by_time_of_day), with the number of
    check-ins under each average."""
    return _group_figure(
        groups,
        [day_part_label(g.key) for g in groups],
        lambda n: ngettext("{mean}\n{count} check-in", "{mean}\n{count} check-ins", n),
        dark=dark,
        font_pt=font_pt,
        width=width,
        height=height,
    )


def weekday_figure(
    groups: list[GroupMean],
    *,
    dark: bool = False,
    font_pt: float = 10.0,
    width: float = 8.0,
    height: float = 4.2,
) -> Figure:
    """Average pain on each day of the week, Monday first (companion.domain.trends.by_weekday), with the
    number of days under each average."""
    ordered = sorted(groups, key=lambda g: int(g.key))
    wide = [weekday_name(g.key, wide=True) for g in ordered]
    room = width * 72 * 0.85 / max(1, len(ordered))
    fits = max((len(w) for w in wide), default=0) * font_pt * 0.9 * 0.58 + font_pt <= room
    labels = wide if fits else [weekday_name(g.key, wide=False) for g in ordered]
    return _group_figure(
        ordered,
        labels,
        lambda n: ngettext("{mean}\n{count} day", "{mean}\n{count} days", n),
        dark=dark,
        font_pt=font_pt,
        width=width,
        height=height,
    )


# --- tags ----------------------------------------------------------------------------------------------------


def _tag_label(tag: str) -> str:
    tag = " ".join(tag.split())
    return tag if len(tag) <= TAG_CHARS else tag[: TAG_CHARS - 1] + "…"


def _tag_panel(ax: Axes, items: list[TagPattern], pal: Palette, font_pt: float) -> None:
    rows = np.arange(len(items), dtype=float)
    size = font_pt * 0.8
    for offset, which, colour, hatch, label in (
        (-0.2, "with", pal.series[0], "", _("Days with the tag")),
        (0.2, "without", pal.series[1], "////", _("Days without the tag")),
    ):
        keep = [p.enough and getattr(p, f"mean_{which}") is not None for p in items]
        means = np.array([getattr(p, f"mean_{which}") if k else 0.0 for p, k in zip(items, keep, strict=True)])
        bars = ax.barh(
            rows + offset,
            means,
            height=0.36,
            color=pal.background if hatch else colour,
            edgecolor=colour,
            hatch=hatch,
            linewidth=1.0,
            label=label,
        )
        for bar, pattern, kept in zip(bars, items, keep, strict=True):
            if not kept:
                bar.set_visible(False)
                continue
            count = getattr(pattern, f"days_{which}")
            mean = getattr(pattern, f"mean_{which}")
            ax.text(
                mean + 0.15,
                bar.get_y() + bar.get_height() / 2,
                ngettext("{mean} ({count} day)", "{mean} ({count} days)", count).format(
                    mean=format_decimal(mean), count=count
                ),
                va="center",
                ha="left",
                color=pal.text,
                fontsize=size,
            )
    for row, pattern in zip(rows, items, strict=True):
        if not pattern.enough:
            ax.text(0.15, row, _("Not enough days yet"), va="center", color=pal.text, fontsize=size, style="italic")
    ax.set_xlim(0, 14.5)
    ax.set_xticks(range(0, 11, 2))
    ax.grid(axis="x", color=pal.grid, linewidth=0.5, linestyle=":")
    ax.grid(axis="y", visible=False)
    ax.set_ylim(len(items) - 0.5, -0.5)
    ax.tick_params(axis="y", length=0)


def tag_patterns_figure(
    patterns: list[tuple[TagPattern, TagPattern]],
    *,
    dark: bool = False,
    font_pt: float = 10.0,
    width: float = 8.0,
    height: float = 4.2,
) -> Figure:
    """For each tag with enough days (pairs of same day, next day as InsightsService.tag_patterns gives
    them, most used first), average pain on days with and without it, the same day and the next day."""
    if not patterns:
        return empty_figure(dark=dark, font_pt=font_pt, width=width, height=height)
    shown = [pair for pair in patterns if pair[0].enough or pair[1].enough][:MAX_TAGS]
    if not shown:
        return message_figure(
            ngettext(
                "Possible links show here once a tag has been used on at least {count} day and not used on "
                "at least {count} other day. Keep recording, and they will appear.",
                "Possible links show here once a tag has been used on at least {count} days and not used on "
                "at least {count} other days. Keep recording, and they will appear.",
                MIN_PATTERN_DAYS,
            ).format(count=MIN_PATTERN_DAYS),
            dark=dark,
            font_pt=font_pt,
            width=width,
            height=height,
        )
    figure, pal = new_figure(dark=dark, width=width, height=height, font_pt=font_pt)
    same_ax, next_ax = figure.subplots(1, 2, sharey=True)
    for ax, items, heading in (
        (same_ax, [p[0] for p in shown], _("Pain the same day")),
        (next_ax, [p[1] for p in shown], _("Pain the next day")),
    ):
        style_axes(ax, pal, font_pt, grid=None)
        _tag_panel(ax, items, pal, font_pt)
        ax.set_title(heading, fontsize=font_pt, color=pal.text, loc="left")
    same_ax.set_yticks(range(len(shown)), [_tag_label(p[0].tag) for p in shown])
    next_ax.tick_params(axis="y", labelleft=False)
    figure.suptitle(_("Possible links, worth discussing"), fontsize=font_pt * 1.15, color=pal.text, fontweight="bold")
    for ax in (same_ax, next_ax):
        ax.set_xlabel(_("Average pain (0 to 10)"), fontsize=font_pt * 0.9)
    legend_below(
        figure,
        [same_ax],
        pal,
        font_pt,
        ncols=2,
        heading=_("A link here is not proof that one thing causes the other."),
    )
    return figure
