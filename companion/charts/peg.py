"""PEG over time, with the IMMPACT change bands against a baseline period the person picks.

PEG (pain intensity, interference with enjoyment of life and with general activity; 0 to 10, lower is
better) is asked every week or two, so its points are joined by a line only while they are close together:
a pause of more than five weeks leaves a gap. With a baseline period, the chart shades that period lightly
and draws its mean, and the scores 30 % and 50 % lower (a moderately important and a substantial
improvement, Dworkin et al. 2008) and 30 % higher, each with its own line style as well as colour.
"""

from __future__ import annotations

import datetime as dt
from statistics import fmean
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.figure import Figure

from companion.charts.common import (
    EPOCH_ORDINAL,
    Labels,
    axis_label,
    date_axis,
    empty_figure,
    labels_for,
    legend_below,
    new_figure,
    span_collection,
    style_axes,
)
from companion.domain.trends import ChangeBand, band_limits
from companion.i18n import N_
from companion.i18n.formatting import format_decimal

if TYPE_CHECKING:
    from companion.services.insights import PegPoint

GAP_DAYS = 35  # a longer pause between two PEG answers breaks the line


def _x(day: dt.date) -> float:
    return float(day.toordinal() - EPOCH_ORDINAL)


def _with_gaps(points: list[PegPoint]) -> tuple[np.ndarray, np.ndarray]:
    """x and y with a NaN between two answers further apart than GAP_DAYS, so no line crosses a pause."""
    xs: list[float] = []
    ys: list[float] = []
    for index, point in enumerate(points):
        if index and (point.day - points[index - 1].day).days > GAP_DAYS:
            xs.append(_x(point.day) - 0.5)
            ys.append(float("nan"))
        xs.append(_x(point.day))
        ys.append(point.score)
    return np.array(xs, dtype=float), np.array(ys, dtype=float)


def peg_figure(
    points: list[PegPoint],
    baseline: tuple[dt.date, dt.date] | None = None,
    *,
    dark: bool = False,
    font_pt: float = 10.0,
    width: float = 8.0,
    height: float = 4.2,
    tr: Labels | None = None,
) -> Figure:
    """PEG scores over time; with `baseline` (first and last day, inclusive), the IMMPACT lines."""
    words = labels_for(tr)
    if not points:
        return empty_figure(dark=dark, font_pt=font_pt, width=width, height=height, tr=words)
    ordered = sorted(points, key=lambda p: p.day)
    figure, pal = new_figure(dark=dark, width=width, height=height, font_pt=font_pt)
    ax = figure.subplots()
    style_axes(ax, pal, font_pt)
    start, end = ordered[0].day, ordered[-1].day
    if baseline is not None:
        start, end = min(start, baseline[0]), max(end, baseline[1])
    if (end - start).days < 13:  # a fortnight at least, so one answer is not alone at the edge
        end = max(end, start + dt.timedelta(days=13))
    x, y = _with_gaps(ordered)
    marker_size = 6.0 if len(ordered) <= 60 else 3.5
    ax.plot(
        x,
        y,
        color=pal.peg,
        linestyle="-",
        linewidth=1.8,
        marker="o",
        markersize=marker_size,
        label=words.gettext("PEG score"),
        zorder=4,
    )
    if baseline is not None:
        span_collection(
            ax,
            [(_x(baseline[0]) - 0.5, _x(baseline[1]) + 0.5)],
            facecolor=pal.band,
            edgecolor=pal.band,
            alpha=0.45,
            hatch="..",
            linewidth=0,
            label=words.gettext("Baseline period"),
            zorder=0,
        ).set_hatchcolor(pal.grid)
        inside = [p.score for p in ordered if baseline[0] <= p.day <= baseline[1]]
        if inside:
            mean = fmean(inside)
            limits = band_limits(mean)
            lines = (
                (mean, pal.text, "-", 1.4, words.gettext("Baseline average: {score}")),
                (limits[ChangeBand.BETTER], pal.better, "--", 1.6, words.gettext("30 % lower: {score}")),
                (limits[ChangeBand.MUCH_BETTER], pal.much_better, ":", 2.0, words.gettext("50 % lower: {score}")),
                (limits[ChangeBand.WORSE], pal.worse, "-.", 1.6, words.gettext("30 % higher: {score}")),
            )
            for level, colour, style, line_width, text in lines:
                if level <= 10:
                    ax.axhline(
                        level,
                        color=colour,
                        linestyle=style,
                        linewidth=line_width,
                        label=text.format(score=format_decimal(level, lang=words.lang)),
                        zorder=2,
                    )
        else:
            ax.text(
                0.5,
                0.97,
                words.gettext("No PEG answers in the baseline period, so there are no change lines."),
                transform=ax.transAxes,
                ha="center",
                va="top",
                color=pal.text,
                fontsize=font_pt * 0.9,
            )
    ax.set_ylim(-0.3, 10.4)
    ax.set_yticks(range(0, 11, 2))
    ax.set_ylabel(axis_label(words, N_("PEG score (0 to 10)")), fontsize=font_pt)
    date_axis(ax, start, end, width, font_pt, pad_days=max(2.0, (end - start).days / 60), lang=words.lang)
    legend_below(figure, ax, pal, font_pt, ncols=3)
    return figure
