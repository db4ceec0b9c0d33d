"""Shared helpers for the chart builders: figures and axes in the palette, date ticks in the active
language, the legend below the plot, and the figure shown when there is nothing to draw.

Dates are drawn as plain day numbers (matplotlib's date numbers, one unit a day) so that long series need
no unit conversion, and tick labels come from Babel in the active language (see `date_ticks`).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import textwrap
import warnings
from collections.abc import Iterable, Sequence
from typing import Any, Protocol

import numpy as np
from babel import dates as babel_dates
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import NullLocator

from companion import i18n
from companion.charts.palette import Palette, palette
from companion.i18n.formatting import format_short_date, locale

# The same fallback chain as the printed summary (companion.reports.pdf.FONT_CHAIN), without colour-only emoji
# fonts, which matplotlib cannot draw: the person's own words (medicine names, tags) in any script installed.
FONT_CHAIN: tuple[str, ...] = (
    "DejaVu Sans",
    "Noto Sans",
    "Noto Sans Arabic",
    "Noto Sans CJK SC",
    "Noto Sans CJK JP",
    "Noto Sans Symbols",
    "Noto Sans Symbols 2",
    "Symbola",
    "Noto Emoji",
)
# A character that no installed font has is drawn as a box; matplotlib would also print a warning with its
# own source path on stderr for each one.
warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from font", category=UserWarning)

NAN = float("nan")
EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()  # matplotlib's day 0 (its default date epoch)
TICK_SCALE = 0.9
LEGEND_SCALE = 0.9


class Labels(Protocol):
    """Where a chart's words come from: the interface's catalog (the screens), or a document's own
    `companion.i18n.Translator` / `Bilingual` (the summary in Welsh, English or both)."""

    @property
    def lang(self) -> str: ...

    def gettext(self, message: str) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int) -> str: ...


class _InterfaceLabels:
    """The interface's language, whatever it is when the chart is drawn."""

    @property
    def lang(self) -> str:
        return i18n.current_language()

    def gettext(self, message: str) -> str:
        return i18n._(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return i18n.ngettext(singular, plural, n)


INTERFACE = _InterfaceLabels()


def labels_for(tr: Labels | None) -> Labels:
    return tr if tr is not None else INTERFACE


def axis_label(words: Labels, message: str) -> str:
    """An axis title; in both languages, one language a line (side by side it would not fit the axis)."""
    text = words.gettext(message)
    return text.replace(" / ", "\n") if words.lang == "both" else text


def day_number(day: dt.date) -> float:
    """matplotlib's date number for a calendar day (days since 1970-01-01)."""
    return float(day.toordinal() - EPOCH_ORDINAL)


def day_numbers(start: dt.date, count: int) -> np.ndarray:
    """x values for `count` consecutive days from `start`: one array, no per-day conversion."""
    return day_number(start) + np.arange(count, dtype=float)


def values(items: Iterable[float | None]) -> np.ndarray:
    """A float array with NaN for None, so lines break at gaps instead of joining across them."""
    return np.fromiter((NAN if v is None else v for v in items), dtype=float)


@functools.cache
def font_families() -> list[str]:
    """The chain's families that matplotlib finds on this computer (DejaVu Sans comes with matplotlib)."""
    from matplotlib import font_manager

    known = {entry.name for entry in font_manager.fontManager.ttflist}
    return [name for name in FONT_CHAIN if name in known] or ["DejaVu Sans"]


def use_font_chain() -> None:
    """Charts draw text in the fallback chain (set once, before any text is made)."""
    from matplotlib import rcParams

    families = font_families()
    if rcParams["font.family"] != families:
        rcParams["font.family"] = families


def new_figure(*, dark: bool, width: float, height: float, font_pt: float, **gridspec: Any) -> tuple[Figure, Palette]:
    """A constrained-layout figure in the palette's background. `gridspec` is passed to the layout
    (e.g. height_ratios) when subplots are added with `figure.subplots`."""
    use_font_chain()
    pal = palette(dark)
    figure = Figure(figsize=(width, height), dpi=100, layout="constrained", facecolor=pal.background)
    figure.set_edgecolor(pal.background)
    pad = max(0.02, font_pt / 400)
    engine = figure.get_layout_engine()
    if engine is not None:
        engine.set(w_pad=pad, h_pad=pad)  # type: ignore[call-arg]
    return figure, pal


def style_axes(ax: Axes, pal: Palette, font_pt: float, *, grid: str | None = "y") -> None:
    """Background, spines, ticks and grid in the palette, tick labels at the font size."""
    ax.set_facecolor(pal.background)
    for spine in ax.spines.values():
        spine.set_color(pal.text)
        spine.set_linewidth(0.8)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.tick_params(colors=pal.text, labelcolor=pal.text, labelsize=font_pt * TICK_SCALE)
    ax.xaxis.label.set_color(pal.text)
    ax.yaxis.label.set_color(pal.text)
    ax.title.set_color(pal.text)
    if grid:
        ax.grid(axis=grid, color=pal.grid, linewidth=0.5, linestyle=":")  # type: ignore[arg-type]
        ax.set_axisbelow(True)


def title(ax: Axes, text: str, pal: Palette, font_pt: float) -> None:
    ax.set_title(text, fontsize=font_pt * 1.05, color=pal.text, loc="left", fontweight="bold")


def legend_below(
    figure: Figure,
    ax: Axes | Sequence[Axes],
    pal: Palette,
    font_pt: float,
    *,
    ncols: int = 3,
    heading: str | None = None,
) -> None:
    """One legend outside the plot, below it, so it never hides data. Collects the labelled artists of
    every axes given, lines first, each label once; `heading` is a sentence above the entries."""
    axes = [ax] if isinstance(ax, Axes) else list(ax)
    handles: list[Any] = []
    labels: list[str] = []
    for axis in axes:
        for handle, label in zip(*axis.get_legend_handles_labels(), strict=True):
            if label not in labels:
                handles.append(handle)
                labels.append(label)
    if not handles:
        return
    # lines (the data) first, then fills and markers, each group in the order drawn
    order = sorted(range(len(handles)), key=lambda i: not isinstance(handles[i], Line2D))
    handles = [handles[i] for i in order]
    labels = [labels[i] for i in order]
    # as many columns as fit across the figure at this font size (large type gets fewer, more rows)
    size = font_pt * LEGEND_SCALE
    room = figure.get_figwidth() * 72 * 0.96
    columns = 1
    for candidate in range(min(ncols, len(labels)), 1, -1):
        # matplotlib fills the columns top to bottom, the first ones one entry longer when the entries do
        # not divide evenly; each column is as wide as its longest label plus the handle
        base, extra = divmod(len(labels), candidate)
        sizes = [base + 1] * extra + [base] * (candidate - extra)
        starts = [sum(sizes[:k]) for k in range(candidate)]
        widths = [
            (3.0 + 0.8 + 2.0) * size + max(len(label) for label in labels[a : a + n]) * size * 0.52
            for a, n in zip(starts, sizes, strict=True)
        ]
        if sum(widths) <= room:
            columns = candidate
            break
    legend = figure.legend(
        handles,
        labels,
        loc="outside lower center",
        ncols=columns,
        fontsize=font_pt * LEGEND_SCALE,
        frameon=False,
        labelcolor=pal.text,
        handlelength=3.0,
        title=heading,
        title_fontsize=font_pt * LEGEND_SCALE,
    )
    if heading:
        legend.get_title().set_color(pal.text)
    legend.set_in_layout(True)


def message_figure(
    text: str, *, dark: bool = False, font_pt: float = 10.0, width: float = 8.0, height: float = 4.2
) -> Figure:
    """A figure with one plain sentence in the middle (wrapped), in the palette."""
    figure, pal = new_figure(dark=dark, width=width, height=height, font_pt=font_pt)
    size = font_pt * 1.1
    columns = max(20, int(width * 72 * 0.8 / (size * 0.55)))
    figure.text(
        0.5,
        0.5,
        "\n".join(textwrap.fill(part, columns) for part in text.split("\n")),
        ha="center",
        va="center",
        color=pal.text,
        fontsize=size,
        linespacing=1.4,
    )
    return figure


def empty_figure(
    *, dark: bool = False, font_pt: float = 10.0, width: float = 8.0, height: float = 4.2, tr: Labels | None = None
) -> Figure:
    return message_figure(
        labels_for(tr).gettext("Nothing recorded in this period yet."),
        dark=dark,
        font_pt=font_pt,
        width=width,
        height=height,
    )


def bar_collection(
    ax: Axes, x: np.ndarray, bottom: np.ndarray, top: np.ndarray, width: float, **style: Any
) -> PolyCollection:
    """Vertical bars as one PolyCollection (one artist however many bars); NaN heights draw nothing."""
    keep = ~(np.isnan(bottom) | np.isnan(top)) & (top != bottom)
    xs, lo, hi = x[keep], bottom[keep], top[keep]
    half = width / 2
    verts = np.stack(
        [
            np.column_stack([xs - half, lo]),
            np.column_stack([xs - half, hi]),
            np.column_stack([xs + half, hi]),
            np.column_stack([xs + half, lo]),
        ],
        axis=1,
    )
    collection = PolyCollection(list(verts), **style)
    ax.add_collection(collection, autolim=False)
    return collection


def span_collection(
    ax: Axes, ranges: Sequence[tuple[float, float]], y0: float = 0.0, y1: float = 1.0, **style: Any
) -> PolyCollection:
    """Rectangles from x0 to x1 (data) and y0 to y1 (axes fraction unless a transform is given), one
    artist for every span: flare-ups, medicine periods, the baseline period."""
    verts = [[(a, y0), (a, y1), (b, y1), (b, y0)] for a, b in ranges]
    style.setdefault("transform", ax.get_xaxis_transform())
    collection = PolyCollection(verts, **style)
    ax.add_collection(collection, autolim=False)
    return collection


# --- dates on the x axis --------------------------------------------------------------------------------------


def month_label(day: dt.date, *, with_year: bool, full: bool = False, lang: str | None = None) -> str:
    """ "Ion" / "Ion 2026" / "Ionawr 2026" in the active language or `lang` (CLDR patterns through Babel);
    for "both", Welsh and English: "Ion/Jan 2026"."""
    if lang == "both":
        cy, en = (month_label(day, with_year=False, full=full, lang=code) for code in ("cy", "en"))
        both = cy if cy == en else f"{cy}/{en}"
        return f"{both} {day.year}" if with_year else both
    if with_year:
        return str(babel_dates.format_skeleton("yMMMM" if full else "yMMM", day, locale=locale(lang)))
    return str(babel_dates.format_date(day, "LLLL" if full else "LLL", locale=locale(lang)))


def day_label(day: dt.date, lang: str | None = None) -> str:
    """ "6 Ion" / "6 Jan"; for "both", the day and month as numbers ("6/1"), the same in either language."""
    if lang == "both":
        return f"{day.day}/{day.month}"
    return format_short_date(day, lang=lang)


def labels_fit(labels: Sequence[str], width_in: float, font_pt: float) -> bool:
    """Whether the labels fit side by side along the axis, with room between them (a rough estimate of
    the text width: 0.58 em a character)."""
    if not labels:
        return True
    widest = max(len(label) for label in labels) * font_pt * TICK_SCALE * 0.58 + font_pt * 1.4
    return widest * len(labels) <= width_in * 72 * 0.82


def _month_starts(start: dt.date, end: dt.date, step: int) -> list[dt.date]:
    months: list[dt.date] = []
    index = start.year * 12 + start.month - 1
    if start.day != 1:
        index += 1
    while True:
        day = dt.date(index // 12, index % 12 + 1, 1)
        if day > end:
            return months
        month, year = index % 12, index // 12
        wanted = month % step == 0 if step <= 12 else month == 0 and year % (step // 12) == 0
        if wanted:
            months.append(day)
        index += 1


def date_ticks(
    start: dt.date, end: dt.date, width_in: float, font_pt: float, lang: str | None = None
) -> tuple[list[float], list[str]]:
    """Tick positions (day numbers) and labels for the days from start to end: days ("6 Ion") for short
    ranges, months for long ones ("Ion", with the year on the first tick and each January, or "Ionawr
    2026" where there is room), every n days or months so that the labels never run into each other."""
    span = (end - start).days + 1
    if span <= 92:
        monday = start + dt.timedelta(days=(7 - start.weekday()) % 7)
        for step in (1, 2, 3, 7, 14, 28):
            first = monday if step >= 7 else start
            days = [first + dt.timedelta(days=i) for i in range(0, (end - first).days + 1, step)]
            labels = [day_label(d, lang) for d in days]
            if labels_fit(labels, width_in, font_pt):
                return [day_number(d) for d in days], labels
    for step in (1, 2, 3, 6, 12, 24, 36, 60, 120):
        months = _month_starts(start, end, step)
        if not months:
            continue
        if step >= 12:
            labels = [month_label(m, with_year=True, lang=lang) for m in months]
            full = [month_label(m, with_year=True, full=True, lang=lang) for m in months]
            if months and labels_fit(full, width_in, font_pt):
                labels = full
        else:
            labels = [month_label(m, with_year=(i == 0 or m.month == 1), lang=lang) for i, m in enumerate(months)]
        if labels_fit(labels, width_in, font_pt):
            return [day_number(m) for m in months], labels
    return [day_number(start)], [day_label(start, lang)]


def date_axis(
    ax: Axes,
    start: dt.date,
    end: dt.date,
    width_in: float,
    font_pt: float,
    *,
    pad_days: float = 0.5,
    lang: str | None = None,
) -> None:
    """Limits `pad_days` beyond each end (half a day by default: a day is drawn centred on its number) and
    Babel tick labels."""
    ax.set_xlim(day_number(start) - pad_days, day_number(end) + pad_days)
    positions, labels = date_ticks(start, end, width_in, font_pt, lang)
    ax.set_xticks(positions, labels)
    ax.xaxis.set_minor_locator(NullLocator())


def nice_max(value: float) -> float:
    """A round upper limit at or above value (1, 2, 2.5, 5 x 10^n)."""
    if value <= 0 or math.isnan(value):
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    for factor in (1, 2, 2.5, 5, 10):
        if value <= factor * power:
            return factor * power
    return 10 * power
