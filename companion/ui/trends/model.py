"""What a Trends chart shows, as numbers and sentences: its data table, the places the cursor can rest
(each with a readout sentence), a text alternative, and a way to draw it.

Every number comes from companion.services.insights (one source of truth, shared with the summary). No Qt
here, and matplotlib and companion.charts are imported only when a figure is drawn.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from companion.i18n import N_, _, ngettext
from companion.i18n.formatting import format_decimal

if TYPE_CHECKING:
    from matplotlib.figure import Figure

EPOCH_ORDINAL = dt.date(1970, 1, 1).toordinal()  # matplotlib's day 0: the charts' x for a day

CHARTS: tuple[tuple[str, str], ...] = (
    ("pain", N_("Pain over time")),
    ("peg", N_("PEG scores")),
    ("wellbeing", N_("Sleep, mood and tiredness")),
    ("activity", N_("Activity: planned and done")),
    ("goals", N_("Action plans")),
    ("time_of_day", N_("Time of day")),
    ("weekday", N_("Day of the week")),
    ("tags", N_("Possible links with tags")),
)

RANGES: tuple[tuple[str, str], ...] = (
    ("2w", N_("2 weeks")),
    ("4w", N_("4 weeks")),
    ("3m", N_("3 months")),
    ("6m", N_("6 months")),
    ("1y", N_("1 year")),
    ("all", N_("All")),
)
DEFAULT_RANGE = "4w"

FigureFactory = Callable[..., "Figure"]  # keyword-only dark, font_pt, width, height


def day_x(day: dt.date) -> float:
    return float(day.toordinal() - EPOCH_ORDINAL)


def x_day(x: float) -> dt.date:
    return dt.date.fromordinal(round(x) + EPOCH_ORDINAL)


@dataclass(frozen=True)
class Stop:
    """One place the cursor can rest (a day, a PEG answer, a week, a group or a tag) and its values as a
    sentence. `x` is where it sits along the chart's category axis (a day number on dated charts)."""

    x: float
    text: str
    day: dt.date | None = None
    empty: bool = False  # nothing recorded here: the cursor starts on the last place that has something


@dataclass
class ChartData:
    key: str
    has_data: bool
    empty_text: str
    summary: str = ""  # the text alternative: one or two sentences with the key numbers
    notes: str = ""  # shown under the chart or the empty text (the PEG change, tags needing more days)
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    stops: list[Stop] = field(default_factory=list)
    draw: FigureFactory | None = None
    dated: bool = True  # x is a day number: a cursor line, zoom and pan
    across: str = "x"  # the axis the stops lie along: "x", or "y" for horizontal bars
    step: str = "day"  # what the cursor moves by: "day", "answer", "week" or "bar" (for the keys hint)
    band: float = 0.0  # the cursor's width along the axis: 0 draws a line (a day), more shades a bar
    height: float = 4.2  # inches at the usual text size

    def figure(self, **style: Any) -> Figure:
        assert self.draw is not None
        return self.draw(**style)


def number(value: float | None) -> str:
    """A score for a sentence or a table cell; an empty cell when nothing was recorded."""
    return format_decimal(value) if value is not None else ""


def yes(flag: bool) -> str:
    return _("Yes") if flag else ""


def days_text(count: int) -> str:
    return ngettext("{count} day", "{count} days", count).format(count=count)


def percent(part: int, whole: int) -> int:
    return round(part / whole * 100) if whole else 0
