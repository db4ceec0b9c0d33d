"""Sleep, mood and tiredness against pain: four daily scores (0 to 10) on one chart.

Each score has its own colour, line style and marker, so the chart reads in greyscale too: pain solid with
circles, sleep quality dashed with squares, mood dash-dot with diamonds, tiredness dotted with crosses.
Days without a score are gaps in that line. Hours of sleep can be added on a second axis (`sleep_hours`).
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from companion.charts.common import (
    EPOCH_ORDINAL,
    Labels,
    axis_label,
    bar_collection,
    date_axis,
    empty_figure,
    labels_for,
    legend_below,
    new_figure,
    style_axes,
    values,
)
from companion.domain.trends import DayStats
from companion.i18n import N_


def _has_any(days: list[DayStats]) -> bool:
    return any(v is not None for d in days for v in (d.pain_mean, d.sleep_quality, d.mood, d.fatigue, d.sleep_hours))


def wellbeing_figure(
    days: list[DayStats],
    *,
    sleep_hours: bool = False,
    dark: bool = False,
    font_pt: float = 10.0,
    width: float = 8.0,
    height: float = 4.2,
    tr: Labels | None = None,
) -> Figure:
    """Pain, sleep quality, mood and tiredness per day; `sleep_hours` adds hours slept as pale bars on a
    right-hand axis."""
    words = labels_for(tr)
    if not days or not _has_any(days):
        return empty_figure(dark=dark, font_pt=font_pt, width=width, height=height, tr=words)
    ordered = sorted(days, key=lambda d: d.day)
    figure, pal = new_figure(dark=dark, width=width, height=height, font_pt=font_pt)
    ax = figure.subplots()
    style_axes(ax, pal, font_pt)
    x = np.fromiter((d.day.toordinal() - EPOCH_ORDINAL for d in ordered), dtype=float, count=len(ordered))
    n = len(ordered)
    size = 5.0 if n <= 31 else 3.5 if n <= 120 else 2.0
    line_width = 1.6 if n <= 120 else 0.9
    if sleep_hours and any(d.sleep_hours is not None for d in ordered):
        hours_ax = ax.twinx()
        style_axes(hours_ax, pal, font_pt, grid=None)
        hours_ax.spines["right"].set_visible(True)
        hours = values(d.sleep_hours for d in ordered)
        bar_collection(
            hours_ax,
            x,
            np.zeros(n),
            hours,
            0.7,
            facecolor=pal.band,
            edgecolor=pal.sleep,
            linewidth=0.4,
            hatch="..",
            label=words.gettext("Hours of sleep"),
        )
        hours_ax.set_ylim(0, 24)
        hours_ax.set_yticks(range(0, 25, 4))
        hours_ax.set_ylabel(axis_label(words, N_("Sleep (hours)")), fontsize=font_pt)
        ax.set_zorder(hours_ax.get_zorder() + 1)  # the score lines above the bars
        ax.patch.set_visible(False)
    series = (
        (values(d.pain_mean for d in ordered), pal.pain, "-", "o", words.gettext("Pain")),
        (values(d.sleep_quality for d in ordered), pal.sleep, "--", "s", words.gettext("Sleep quality")),
        (values(d.mood for d in ordered), pal.mood, "-.", "D", words.gettext("Mood")),
        (values(d.fatigue for d in ordered), pal.fatigue, ":", "X", words.gettext("Tiredness")),
    )
    for ys, colour, style, marker, label in series:
        if np.isnan(ys).all():
            continue
        ax.plot(
            x,
            ys,
            color=colour,
            linestyle=style,
            linewidth=line_width + (0.6 if style == ":" else 0.0),
            marker=marker,
            markersize=size,
            label=label,
        )
    ax.set_ylim(-0.3, 10.4)
    ax.set_yticks(range(0, 11, 2))
    ax.set_ylabel(axis_label(words, N_("Score (0 to 10)")), fontsize=font_pt)
    date_axis(ax, ordered[0].day, ordered[-1].day, width, font_pt, lang=words.lang)
    legend_below(figure, figure.axes, pal, font_pt, ncols=5)
    return figure
