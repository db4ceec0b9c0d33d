"""Pain over time: the daily mean, the day's lowest to highest, 7- and 28-day averages, flare-ups shaded,
and medicine periods as bars beneath, from two weeks to ten years and more.

Gaps stay gaps: a day without a score is NaN, so the lines break and the band stops there; nothing is
interpolated across it. Each series is one artist however long the range (one Line2D per line, one
PolyCollection for the band, one for all flare-ups, one for all medicine bars), so ten years draw about as
fast as a bare matplotlib figure of the same lines. Meaning never rests on colour alone: the daily mean is
a solid line with round markers, the 7-day average dashed with diamonds, the 28-day average dotted with
squares, the band and flare-ups hatched.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
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
    values,
)
from companion.charts.palette import Palette
from companion.i18n import N_

if TYPE_CHECKING:
    from companion.domain.trends import Span
    from companion.services.insights import PainSeries

MAX_MEDICINE_ROWS = 8
NAME_CHARS = 22
LONG_RANGE_DAYS = 400  # beyond this the daily line steps back behind the averages


def _x(days: list[dt.date]) -> np.ndarray:
    return np.fromiter((d.toordinal() - EPOCH_ORDINAL for d in days), dtype=float, count=len(days))


def short_name(name: str, limit: int = NAME_CHARS) -> str:
    """A medicine name cut to fit beside the bars: at a word boundary where possible, with an ellipsis."""
    name = " ".join(name.split())
    if len(name) <= limit:
        return name
    cut = name[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;-") + "…"


def _isolated(present: np.ndarray) -> np.ndarray:
    """Days with a value whose neighbours both have none: a band there has no width, so they get a bar."""
    before = np.concatenate([[False], present[:-1]])
    after = np.concatenate([present[1:], [False]])
    alone: np.ndarray = present & ~before & ~after
    return alone


def _draw_pain(ax: Axes, series: PainSeries, pal: Palette, x: np.ndarray, tr: Labels) -> None:
    days = series.days
    mean = values(d.pain_mean for d in days)
    low = values(None if d.pain_low is None else float(d.pain_low) for d in days)
    high = values(None if d.pain_high is None else float(d.pain_high) for d in days)
    n = len(days)
    long_range = n > LONG_RANGE_DAYS

    band = ax.fill_between(
        x,
        low,
        high,
        where=~(np.isnan(low) | np.isnan(high)),
        facecolor=pal.band,
        edgecolor=pal.band,
        hatch="////",
        linewidth=0,
        label=tr.gettext("Lowest to highest pain that day"),
        zorder=1,
    )
    band.set_hatchcolor(pal.pain)
    band.set_hatch_linewidth(0.4)
    present = ~np.isnan(mean)
    lone = _isolated(present)
    spread = lone & ~np.isnan(low) & ~np.isnan(high)
    if spread.any():
        ax.vlines(x[spread], low[spread], high[spread], colors=pal.band, linewidth=4, zorder=1)
    # Over years the daily line is drawn thin, under the averages; a day alone between gaps keeps a marker.
    ax.plot(
        x,
        mean,
        color=pal.pain,
        linestyle="-",
        linewidth=0.6 if long_range else 1.6 if n <= 120 else 1.0,
        marker="o",
        markersize=5.0 if n <= 31 else 3.5 if n <= 120 else 2.0,
        markevery=np.flatnonzero(lone) if long_range else None,
        label=tr.gettext("Daily average pain"),
        zorder=3,
    )
    every = max(1, n // 24)
    for averages, colour, style, marker, width, start, label in (
        (series.ma7, pal.ma7, "--", "D", 2.0, every // 2, tr.gettext("7-day average")),
        (series.ma28, pal.ma28, ":", "s", 2.4, 0, tr.gettext("28-day average")),
    ):
        ys = values(averages)
        if len(ys) != n or np.isnan(ys).all():
            continue
        ax.plot(
            x,
            ys,
            color=colour,
            linestyle=style,
            linewidth=width + (0.6 if long_range else 0.0),
            marker=marker,
            markersize=4,
            markevery=(start, every),
            label=label,
            zorder=4,
        )


def _spans(spans: list[Span]) -> list[tuple[float, float]]:
    """Inclusive day spans as x ranges covering each whole day (a day is centred on its number)."""
    return [(s.start.toordinal() - EPOCH_ORDINAL - 0.5, s.end.toordinal() - EPOCH_ORDINAL + 0.5) for s in spans]


def _draw_flares(ax: Axes, flares: list[Span], pal: Palette, tr: Labels) -> None:
    if not flares:
        return
    collection = span_collection(
        ax,
        _spans(flares),
        facecolor=pal.flare,
        edgecolor=pal.flare,
        hatch="\\\\",
        linewidth=0,
        alpha=0.55 if not pal.dark else 0.6,
        label=tr.gettext("Flare-up"),
        zorder=0,
    )
    collection.set_hatchcolor(pal.boom)
    collection.set_hatch_linewidth(0.5)


def _medicine_rows(medicines: list[Span]) -> tuple[list[str], list[Span], int]:
    """Row names (one per medicine, in order of first use), the spans shown and how many were left out."""
    names: list[str] = []
    for span in sorted(medicines, key=lambda s: (s.start, s.label.casefold())):
        if span.label not in names:
            names.append(span.label)
    shown = names[:MAX_MEDICINE_ROWS]
    return shown, [s for s in medicines if s.label in shown], len(names) - len(shown)


def _draw_medicines(ax: Axes, medicines: list[Span], pal: Palette, font_pt: float, tr: Labels) -> None:
    names, spans, hidden = _medicine_rows(medicines)
    row = {name: index for index, name in enumerate(names)}
    verts = [(a, row[s.label] - 0.32, b, row[s.label] + 0.32) for s, (a, b) in zip(spans, _spans(spans), strict=True)]
    bars = PolyCollection(
        [[(a, y0), (a, y1), (b, y1), (b, y0)] for a, y0, b, y1 in verts],
        facecolor=pal.medicine,
        edgecolor=pal.medicine,
        linewidth=0.5,
    )
    ax.add_collection(bars, autolim=False)
    ongoing = [(b, row[s.label]) for s, (_a, b) in zip(spans, _spans(spans), strict=True) if s.ongoing]
    if ongoing:
        # an arrowhead where a period runs on past the end of the range
        ax.plot(
            [p[0] for p in ongoing],
            [p[1] for p in ongoing],
            linestyle="none",
            marker=">",
            markersize=6,
            color=pal.medicine,
            clip_on=False,
        )
    labels = [short_name(n) for n in names]
    if hidden:  # one more row, without a bar, saying how many are not drawn
        labels.append(tr.ngettext("{count} more medicine", "{count} more medicines", hidden).format(count=hidden))
    ax.set_ylim(len(labels) - 0.5, -0.5)
    ax.set_yticks(range(len(labels)), labels)
    ax.tick_params(axis="y", length=0, labelsize=font_pt * 0.9)
    ax.grid(axis="x", color=pal.grid, linewidth=0.5, linestyle=":")
    ax.set_axisbelow(True)


def pain_figure(
    series: PainSeries,
    *,
    cursor: dt.date | None = None,
    dark: bool = False,
    font_pt: float = 10.0,
    width: float = 8.0,
    height: float = 4.2,
    tr: Labels | None = None,
) -> Figure:
    """The pain chart for a PainSeries (see companion.services.insights.InsightsService.pain_series), its
    words from `tr` (the interface's language when None)."""
    words = labels_for(tr)
    if not series.days or not series.has_data:
        return empty_figure(dark=dark, font_pt=font_pt, width=width, height=height, tr=words)
    figure, pal = new_figure(dark=dark, width=width, height=height, font_pt=font_pt)
    names = len({s.label for s in series.medicines})
    rows = min(names, MAX_MEDICINE_ROWS) + (names > MAX_MEDICINE_ROWS)
    if rows:
        line_in = font_pt * 1.9 / 72
        medicine_in = min(height * 0.4, rows * line_in + 0.15)
        ax, med_ax = figure.subplots(
            2, 1, sharex=True, height_ratios=[max(height * 0.6, height - medicine_in), medicine_in]
        )
        axes: list[Axes] = [ax, med_ax]
    else:
        ax = figure.subplots()
        med_ax = None
        axes = [ax]
    for axis in axes:
        style_axes(axis, pal, font_pt, grid="y" if axis is ax else None)
    x = _x([d.day for d in series.days])
    _draw_flares(ax, series.flares, pal, words)
    _draw_pain(ax, series, pal, x, words)
    ax.set_ylim(-0.3, 10.4)
    ax.set_yticks(range(0, 11, 2))
    ax.set_ylabel(axis_label(words, N_("Pain (0 to 10)")), fontsize=font_pt)
    if med_ax is not None:
        _draw_medicines(med_ax, series.medicines, pal, font_pt, words)
        ax.tick_params(axis="x", labelbottom=False)
    if cursor is not None and series.start <= cursor <= series.end:
        for axis in axes:
            axis.axvline(cursor.toordinal() - EPOCH_ORDINAL, color=pal.text, linewidth=1.2, zorder=6)
    date_axis(axes[-1], series.start, series.end, width, font_pt, lang=words.lang)
    legend_below(figure, ax, pal, font_pt, ncols=3)
    return figure
