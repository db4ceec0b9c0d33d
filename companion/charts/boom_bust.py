"""Boom-and-bust chart: daily activity against the person's usual, with pain overlaid.

Built on matplotlib's Figure API (no pyplot, no Qt), so the screen and the consultation summary draw the
same figure. Meaning never rests on colour alone: booms are upward triangles, busts downward triangles,
the usual level is a dashed line, the thresholds dotted lines, and pain uses its own axis with round markers.
"""

from __future__ import annotations

import datetime as dt
import math

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from companion.domain.pacing_patterns import DayMark, Thresholds
from companion.i18n import _
from companion.i18n.formatting import format_short_date

# Okabe-Ito and Tol colours: distinguishable with colour-blindness, all at least 4.5:1 on white.
LOAD = "#0060A0"
USUAL = "#222222"
BOOM = "#A63A00"
BUST = "#117733"
PAIN = "#882255"


def boom_bust_figure(
    marks: list[DayMark], thresholds: Thresholds, *, width: float = 8.0, height: float = 4.4, font_pt: float = 10
) -> Figure:
    figure = Figure(figsize=(width, height), dpi=100, layout="constrained")
    ax = figure.add_subplot()
    days = [m.day for m in marks]
    x = list(range(len(days)))
    loads = [m.load * 100 if m.load is not None else float("nan") for m in marks]
    usual = [m.load_median * 100 if m.load_median is not None else float("nan") for m in marks]
    ax.plot(x, loads, color=LOAD, marker="o", markersize=3, linewidth=1.6, label=_("Activity (% of my usual)"))
    ax.plot(x, usual, color=USUAL, linestyle="--", linewidth=1.2, label=_("My usual (middle of the last 14 days)"))
    ax.plot(
        x,
        [u * thresholds.boom_ratio for u in usual],
        color=BOOM,
        linestyle=":",
        linewidth=1,
        label=_("Busy-day level ({percent} %)").format(percent=round(thresholds.boom_ratio * 100)),
    )
    booms = [(i, v) for i, (m, v) in enumerate(zip(marks, loads, strict=True)) if m.boom]
    busts = [(i, v) for i, (m, v) in enumerate(zip(marks, loads, strict=True)) if m.bust]
    top = max(
        [v for v in loads if not math.isnan(v)]
        + [u * thresholds.boom_ratio for u in usual if not math.isnan(u)]
        + [150.0]
    )
    if booms:
        ax.scatter(
            [i for i, _v in booms],
            [top if math.isnan(v) else v for _i, v in booms],
            marker="^",
            s=90,
            color=BOOM,
            zorder=5,
            label=_("Busy day (boom)"),
        )
    if busts:
        ax.scatter(
            [i for i, _v in busts],
            [5 if math.isnan(v) else v for _i, v in busts],
            marker="v",
            s=90,
            color=BUST,
            zorder=5,
            label=_("Hard day after (bust)"),
        )
    ax.set_ylim(0, top * 1.15)
    ax.set_ylabel(_("Activity, % of my usual"), fontsize=font_pt)
    pain_ax = ax.twinx()
    pains = [m.pain if m.pain is not None else float("nan") for m in marks]
    pain_ax.plot(x, pains, color=PAIN, linestyle="-.", marker="s", markersize=3, linewidth=1, label=_("Pain (0 to 10)"))
    pain_ax.set_ylim(0, 10.5)
    pain_ax.set_ylabel(_("Pain (0 to 10)"), fontsize=font_pt)

    def day_label(value: float, _pos: int) -> str:
        index = round(value)
        return format_short_date(days[index]) if 0 <= index < len(days) else ""

    step = max(1, len(days) // 8)
    ax.set_xticks(x[::step])
    ax.xaxis.set_major_formatter(FuncFormatter(day_label))
    for axis in (ax, pain_ax):
        axis.tick_params(labelsize=font_pt * 0.9)
    handles, labels = ax.get_legend_handles_labels()
    more, more_labels = pain_ax.get_legend_handles_labels()
    # below the plot, so it never hides a marked day
    figure.legend(handles + more, labels + more_labels, fontsize=font_pt * 0.8, loc="outside lower center", ncols=3)
    ax.grid(axis="y", color="#DDDDDD", linewidth=0.6)
    return figure


def day_span(marks: list[DayMark]) -> tuple[dt.date, dt.date] | None:
    return (marks[0].day, marks[-1].day) if marks else None
