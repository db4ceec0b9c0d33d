"""Boom-and-bust chart: daily activity against the person's usual, with pain overlaid.

Built on matplotlib's Figure API (no pyplot, no Qt), so the screen and the consultation summary draw the
same figure. Meaning never rests on colour alone: booms are upward triangles, busts downward triangles,
the usual level is a dashed line, the thresholds dotted lines, and pain uses its own axis with square markers.
Colours come from companion.charts.palette, in light or dark mode.
"""

from __future__ import annotations

import datetime as dt
import math

from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from companion.charts.common import empty_figure, new_figure, style_axes
from companion.charts.palette import Palette, palette
from companion.domain.pacing_patterns import DayMark, Thresholds
from companion.i18n import _
from companion.i18n.formatting import format_short_date


def colours(pal: Palette) -> dict[str, str]:
    """The chart's colours in a palette: activity, the usual level, booms, busts and pain."""
    return {"load": pal.done, "usual": pal.planned, "boom": pal.boom, "bust": pal.bust, "pain": pal.ma28}


# The light-mode colours by name (kept for callers and tests that read them): each at least 4.5:1 on white.
_LIGHT = colours(palette())
LOAD, USUAL, BOOM, BUST, PAIN = (_LIGHT[k] for k in ("load", "usual", "boom", "bust", "pain"))


def boom_bust_figure(
    marks: list[DayMark],
    thresholds: Thresholds,
    *,
    width: float = 8.0,
    height: float = 4.4,
    font_pt: float = 10,
    dark: bool = False,
) -> Figure:
    if not marks:
        return empty_figure(dark=dark, font_pt=font_pt, width=width, height=height)
    figure, pal = new_figure(dark=dark, width=width, height=height, font_pt=font_pt)
    c = colours(pal)
    ax = figure.add_subplot()
    style_axes(ax, pal, font_pt)
    days = [m.day for m in marks]
    x = list(range(len(days)))
    loads = [m.load * 100 if m.load is not None else float("nan") for m in marks]
    usual = [m.load_median * 100 if m.load_median is not None else float("nan") for m in marks]
    ax.plot(x, loads, color=c["load"], marker="o", markersize=3, linewidth=1.6, label=_("Activity (% of my usual)"))
    ax.plot(x, usual, color=c["usual"], linestyle="--", linewidth=1.2, label=_("My usual (middle of the last 14 days)"))
    ax.plot(
        x,
        [u * thresholds.boom_ratio for u in usual],
        color=c["boom"],
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
            color=c["boom"],
            zorder=5,
            label=_("Busy day (boom)"),
        )
    if busts:
        ax.scatter(
            [i for i, _v in busts],
            [5 if math.isnan(v) else v for _i, v in busts],
            marker="v",
            s=90,
            color=c["bust"],
            zorder=5,
            label=_("Hard day after (bust)"),
        )
    ax.set_ylim(0, top * 1.15)
    ax.set_ylabel(_fit_along(_("Activity, % of my usual"), height * 72 * 0.55, font_pt), fontsize=font_pt)
    pain_ax = ax.twinx()
    style_axes(pain_ax, pal, font_pt, grid=None)
    pain_ax.spines["right"].set_visible(True)
    pains = [m.pain if m.pain is not None else float("nan") for m in marks]
    pain_ax.plot(
        x, pains, color=c["pain"], linestyle="-.", marker="s", markersize=3, linewidth=1, label=_("Pain (0 to 10)")
    )
    pain_ax.set_ylim(0, 10.5)
    pain_ax.set_ylabel(_fit_along(_("Pain (0 to 10)"), height * 72 * 0.55, font_pt), fontsize=font_pt)

    def day_label(value: float, _pos: int) -> str:
        index = round(value)
        return format_short_date(days[index]) if 0 <= index < len(days) else ""

    # As many dates as fit side by side at this text size (a short date is about six characters), at most 8.
    room = max(2, min(8, int(width * 72 / (font_pt * 0.9 * 0.6 * 6 * 1.6))))
    step = max(1, math.ceil(len(days) / room))
    ax.set_xticks(x[::step])
    ax.xaxis.set_major_formatter(FuncFormatter(day_label))
    for axis in (ax, pain_ax):
        axis.tick_params(labelsize=font_pt * 0.9)
    handles, labels = ax.get_legend_handles_labels()
    more, more_labels = pain_ax.get_legend_handles_labels()
    # Below the plot, so it never hides a marked day; in as many columns as the longest words fit across.
    words = labels + more_labels
    longest = max(len(label) for label in words) * font_pt * 0.8 * 0.6 + 40  # in points, with the marker
    figure.legend(
        handles + more,
        words,
        fontsize=font_pt * 0.8,
        loc="outside lower center",
        ncols=max(1, min(3, int(width * 72 // longest))),
        frameon=False,
        labelcolor=pal.text,
    )
    return figure


def _fit_along(text: str, room_pt: float, font_pt: float) -> str:
    """An axis title on two lines, broken between words near the middle, when it is longer than the axis
    (large text, longer Welsh words); otherwise as it is."""
    words = text.split()
    if len(text) * font_pt * 0.6 <= room_pt or len(words) < 2:
        return text
    cut = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))))
    return " ".join(words[:cut]) + "\n" + " ".join(words[cut:])


def day_span(marks: list[DayMark]) -> tuple[dt.date, dt.date] | None:
    return (marks[0].day, marks[-1].day) if marks else None
