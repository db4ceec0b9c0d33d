"""Goals and action plans: the share of planned days ticked off, week by week.

One bar a week, in per cent of that week's planned days (up to today), with the count written on the bar
("2 of 3") so the number never depends on reading the bar's height. Ticks on days that were not planned
are counted apart by the goals service and are not part of the bar.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.figure import Figure

from companion.charts.common import (
    EPOCH_ORDINAL,
    bar_collection,
    date_axis,
    day_number,
    empty_figure,
    labels_fit,
    new_figure,
    style_axes,
)
from companion.i18n import _
from companion.i18n.formatting import format_short_date

if TYPE_CHECKING:
    from companion.services.insights import WeekCompletion


def completion_figure(
    weeks: list[WeekCompletion],
    *,
    dark: bool = False,
    font_pt: float = 10.0,
    width: float = 8.0,
    height: float = 4.2,
) -> Figure:
    """Bars of planned days ticked per week, in per cent, each with "ticked of planned" written on it."""
    shown = sorted((w for w in weeks if w.completion.planned), key=lambda w: w.week_start)
    if not shown:
        return empty_figure(dark=dark, font_pt=font_pt, width=width, height=height)
    figure, pal = new_figure(dark=dark, width=width, height=height, font_pt=font_pt)
    ax = figure.subplots()
    style_axes(ax, pal, font_pt)
    middles = np.fromiter((w.week_start.toordinal() - EPOCH_ORDINAL + 3 for w in shown), dtype=float, count=len(shown))
    rates = np.fromiter((100 * (w.completion.rate or 0.0) for w in shown), dtype=float, count=len(shown))
    bar_collection(ax, middles, np.zeros(len(shown)), rates, 5.6, facecolor=pal.done, edgecolor=pal.done)
    start, end = shown[0].week_start, shown[-1].week_start + dt.timedelta(days=6)
    ax.set_ylim(0, 118)
    ax.set_yticks(range(0, 101, 25))
    ax.set_ylabel(_("Planned days done (%)"), fontsize=font_pt)
    if (end - start).days <= 190:
        # up to half a year: each bar (or every n-th) named by the Monday its week starts on
        ax.set_xlim(day_number(start) - 0.5, day_number(end) + 0.5)
        step = next(
            (
                n
                for n in (1, 2, 3, 4, 6)
                if labels_fit([format_short_date(w.week_start) for w in shown[::n]], width, font_pt)
            ),
            8,
        )
        ax.set_xticks(middles[::step], [format_short_date(w.week_start) for w in shown[::step]])
        ax.set_xlabel(_("Week starting"), fontsize=font_pt * 0.9)
    else:
        date_axis(ax, start, end, width, font_pt)
    # the count on each bar, when there is room for it: across the bar, or up it when bars are narrow
    bar_pt = width * 72 * 0.8 / max(1, (end - start).days + 1) * 5.6
    size = font_pt * 0.85
    rotation = 0 if bar_pt >= size * 3.2 else 90 if bar_pt >= size * 1.3 else None
    if rotation is not None:
        for x, rate, week in zip(middles, rates, shown, strict=True):
            ax.text(
                x,
                rate + 2,
                _("{ticked} of {planned}").format(ticked=week.completion.ticked, planned=week.completion.planned),
                ha="center",
                va="bottom",
                rotation=rotation,
                color=pal.text,
                fontsize=size,
            )
        if rotation:
            ax.set_ylim(0, 135)
    return figure
