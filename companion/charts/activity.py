"""Activity planned against done, one panel per activity, with busy days (boom) and hard days after them
(bust) marked on the day axis.

Each panel is in the activity's own unit: the plan is a step line (dashed, with a level for each planned
day and a gap on unplanned days), what was done is a bar for each day; a day over the plan has its bar
hatched as well as coloured. Booms are upward triangles and busts downward triangles along the top of every
panel. At most four activities are drawn (the first four with anything planned or done).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from companion.charts.common import (
    EPOCH_ORDINAL,
    bar_collection,
    date_axis,
    empty_figure,
    legend_below,
    new_figure,
    nice_max,
    style_axes,
    title,
    values,
)
from companion.charts.palette import Palette
from companion.domain.pacing import Activity, Unit
from companion.i18n import _

if TYPE_CHECKING:
    from companion.domain.pacing_patterns import DayMark
    from companion.services.insights import ActivityDay

MAX_PANELS = 4
NAME_CHARS = 48


def unit_label(activity: Activity) -> str:
    """The y-axis label: the activity's unit in words, or the person's own unit as typed."""
    if activity.unit is Unit.OWN:
        return activity.own_unit or _("Amount")
    return {
        Unit.MINUTES: _("Minutes"),
        Unit.METRES: _("Metres"),
        Unit.REPETITIONS: _("Repetitions"),
        Unit.PAGES: _("Pages"),
    }[activity.unit]


def _x(days: list[dt.date]) -> np.ndarray:
    return np.fromiter((d.toordinal() - EPOCH_ORDINAL for d in days), dtype=float, count=len(days))


def _shown(activity: list[ActivityDay]) -> list[ActivityDay]:
    busy = [a for a in activity if a.progress and any(p.target or p.done for p in a.progress)]
    return busy[:MAX_PANELS]


def _panel(ax: Axes, item: ActivityDay, pal: Palette, font_pt: float, marks: list[DayMark]) -> None:
    progress = sorted(item.progress, key=lambda p: p.day)
    x = _x([p.day for p in progress])
    target = values(p.target if p.target else None for p in progress)
    done = np.fromiter((p.done for p in progress), dtype=float, count=len(progress))
    over = np.fromiter((p.over_plan for p in progress), dtype=bool, count=len(progress))
    zeros = np.zeros(len(progress))
    within = np.where(over | (done <= 0), np.nan, done)
    above = np.where(over & (done > 0), done, np.nan)
    bar_collection(ax, x, zeros, within, 0.72, facecolor=pal.done, edgecolor=pal.done, linewidth=0.3, label=_("Done"))
    bar_collection(
        ax,
        x,
        zeros,
        above,
        0.72,
        facecolor=pal.band,
        edgecolor=pal.done,
        linewidth=0.8,
        hatch="xxx",
        label=_("Done, more than planned"),
    ).set_hatchcolor(pal.done)
    ax.step(
        x,
        target,
        where="mid",
        color=pal.planned,
        linestyle="--",
        linewidth=1.6,
        label=_("Planned"),
        zorder=4,
    )
    top = nice_max(float(np.nanmax(np.concatenate([done, np.nan_to_num(target), [1.0]]))))
    ax.set_ylim(0, top * (1.3 if marks else 1.08))
    ax.set_ylabel(unit_label(item.activity), fontsize=font_pt * 0.9)
    name = item.activity.name if len(item.activity.name) <= NAME_CHARS else item.activity.name[: NAME_CHARS - 1] + "…"
    title(ax, name, pal, font_pt * 0.95)
    for flag, marker, colour, label in (
        ("boom", "^", pal.boom, _("Busy day (boom)")),
        ("bust", "v", pal.bust, _("Hard day after (bust)")),
    ):
        days = [m.day for m in marks if getattr(m, flag)]
        if days:
            ax.scatter(
                _x(days),
                np.full(len(days), 0.93),
                marker=marker,
                s=(font_pt * 0.75) ** 2,
                color=colour,
                edgecolors=pal.background,
                linewidths=0.5,
                transform=ax.get_xaxis_transform(),
                label=label,
                zorder=6,
                clip_on=False,
            )


def activity_figure(
    activity: list[ActivityDay],
    marks: list[DayMark] | None = None,
    *,
    dark: bool = False,
    font_pt: float = 10.0,
    width: float = 8.0,
    height: float = 4.2,
) -> Figure:
    """Planned against done for up to four activities, with boom and bust markers when `marks` are given."""
    shown = _shown(activity)
    if not shown:
        return empty_figure(dark=dark, font_pt=font_pt, width=width, height=height)
    figure, pal = new_figure(dark=dark, width=width, height=height, font_pt=font_pt)
    panels = figure.subplots(len(shown), 1, sharex=True, squeeze=False)[:, 0]
    days = sorted({p.day for item in shown for p in item.progress})
    start, end = days[0], days[-1]
    inside = [m for m in (marks or []) if start <= m.day <= end]
    for ax, item in zip(panels, shown, strict=True):
        style_axes(ax, pal, font_pt)
        _panel(ax, item, pal, font_pt, inside)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=3, integer=True, min_n_ticks=2))
    for ax in panels[:-1]:
        ax.tick_params(axis="x", labelbottom=False)
    date_axis(panels[-1], start, end, width, font_pt)
    legend_below(figure, list(panels), pal, font_pt, ncols=5)
    return figure
