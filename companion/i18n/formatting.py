"""Dates, times and numbers from Babel's CLDR data: in the interface language, or in `lang` when given
(a document made in its own language passes its translator's `lang`).

Dates are written in a small set of forms, each with one function (docs/translation.md, "Dates and times"):

| form | English | Welsh | function | used for |
| --- | --- | --- | --- | --- |
| date | 6 January 2025 | 6 Ionawr 2025 | format_date (CLDR long) | sentences, lists, date fields |
| day | Monday, 6 January 2025 | Dydd Llun, 6 Ionawr 2025 | format_date(…, "full") | a day's heading |
| day this year | Monday, 6 January | Dydd Llun, 6 Ionawr | format_weekday_date | the diary's day headings |
| short | 6 Jan | 6 Ion | format_short_date | chart axes, table cells |
| month | January 2025 | Ionawr 2025 | format_month | "Checked: …" |
| time | 14:05 | 14:05 | format_time | times |
| date and time | 6 January 2025, 14:05 | 6 Ionawr 2025 14:05 | format_datetime | date-and-time fields |

Date and time fields (QDateEdit, QDateTimeEdit, QTimeEdit) take the same patterns (field_patterns).
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from babel import dates as _dates
from babel import numbers as _numbers
from babel.core import Locale

from companion.i18n import current_language

_LOCALES = {"cy": "cy_GB", "en": "en_GB"}


def locale(lang: str | None = None) -> Locale:
    """The CLDR locale of `lang` (the interface language when None), parsed once: Babel would parse a
    locale name again on every call, which made a list of times the slow part of drawing Today."""
    return _parsed(_LOCALES.get(lang or current_language(), "en_GB"))


@functools.lru_cache(maxsize=8)
def _parsed(name: str) -> Locale:
    return Locale.parse(name)


DATE_FORMS = ("long", "full")


def format_date(value: dt.date, fmt: str = "long", *, lang: str | None = None) -> str:
    """'long' gives "6 Ionawr 2025" / "6 January 2025"; 'full' adds the weekday. No other form: a third
    way of writing a date on screen is what issue 20 found four of."""
    if fmt not in DATE_FORMS:
        raise ValueError(f"dates are written {DATE_FORMS}, not {fmt!r}")
    return _dates.format_date(value, format=fmt, locale=locale(lang))


def format_time(value: dt.datetime | dt.time, *, lang: str | None = None) -> str:
    return _dates.format_time(value, format="HH:mm", locale=locale(lang))


def format_datetime(value: dt.datetime, *, lang: str | None = None) -> str:
    """The date and the time: "6 Ionawr 2025 14:05" / "6 January 2025, 14:05" (no seconds)."""
    return _dates.format_datetime(value, format=field_patterns(lang)[1], locale=locale(lang))


def format_month(value: dt.date, *, lang: str | None = None) -> str:
    """A month of a year: "Tachwedd 2026" / "November 2026"."""
    return _dates.format_date(value, format=_skeleton_pattern("yMMMM", locale(lang)), locale=locale(lang))


@functools.lru_cache(maxsize=4)
def _field_patterns(locale_name: str) -> tuple[str, str, str]:
    from babel.core import Locale

    data = Locale.parse(locale_name)
    date = str(data.date_formats["long"].pattern)
    time = str(data.time_formats["short"].pattern)
    glue = str(data.datetime_formats["medium"])
    return date, glue.replace("{1}", date).replace("{0}", time), time


def field_patterns(lang: str | None = None) -> tuple[str, str, str]:
    """The CLDR patterns (date, date and time, time) that date and time fields show, as the text does:
    ("d MMMM y", "d MMMM y HH:mm", "HH:mm") in Welsh, ("d MMMM y", "d MMMM y, HH:mm", "HH:mm") in English."""
    return _field_patterns(locale(lang))


def short_date_pattern(lang: str | None = None) -> str:
    """CLDR's short (all-digit) date pattern: "dd/MM/y" in English, "dd/MM/yy" in Welsh."""
    from babel.core import Locale

    return str(Locale.parse(locale(lang)).date_formats["short"].pattern)


def format_weekday_date(value: dt.date, *, lang: str | None = None) -> str:
    """A heading such as "Dydd Llun, 6 Ionawr"."""
    return _dates.format_date(value, format="EEEE, d MMMM", locale=locale(lang))


def half_up(value: float | Fraction | Decimal, digits: int = 1) -> Decimal:
    """`value` rounded to `digits` places, halves away from zero (4.25 -> 4.3, 7.25 -> 7.3), as people round.

    A Fraction is rounded exactly; a float is read as the shortest decimal that names it (its `repr`), so
    the mean 4.25 rounds up and 0.15 (stored as 0.1499999...) is still read as 0.15."""
    if isinstance(value, Fraction):
        scaled = abs(value) * 10**digits
        whole = math.floor(scaled + Fraction(1, 2))
        return Decimal(whole if value >= 0 else -whole).scaleb(-digits)
    exact = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    return exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


def format_decimal(value: float | Fraction | Decimal, digits: int = 1, *, lang: str | None = None) -> str:
    """A number with `digits` places in the language's own way, rounded half up (see `half_up`)."""
    pattern = f"0.{'0' * digits}" if digits else "0"
    return _numbers.format_decimal(half_up(value, digits), format=pattern, locale=locale(lang))


def format_short_date(value: dt.date, *, lang: str | None = None) -> str:
    """A compact axis or table date such as "6 Ion" / "6 Jan"."""
    return _dates.format_date(value, format=_skeleton_pattern("dMMM", locale(lang)), locale=locale(lang))


@functools.lru_cache(maxsize=16)
def _skeleton_pattern(skeleton: str, locale_name: Locale) -> str:
    """The CLDR pattern for a skeleton, found once per language (Babel's format_skeleton searches the
    skeletons on every call: a chart's axis labels cost a third of a second that way)."""
    known = locale_name.datetime_skeletons
    key = skeleton if skeleton in known else _dates.match_skeleton(skeleton, known)
    return str(known[key].pattern)


def format_weekday_short(weekday: int, *, lang: str | None = None) -> str:
    """Monday = 0: "Llun" / "Mon" (CLDR abbreviated stand-alone names)."""
    names = _dates.get_day_names("abbreviated", context="stand-alone", locale=locale(lang))
    return str(names[weekday])
