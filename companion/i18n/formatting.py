"""Dates, times and numbers in the active language, from Babel's CLDR data."""

from __future__ import annotations

import datetime as dt
import functools

from babel import dates as _dates
from babel import numbers as _numbers

from companion.i18n import current_language

_LOCALES = {"cy": "cy_GB", "en": "en_GB"}


def locale() -> str:
    return _LOCALES.get(current_language(), "en_GB")


def format_date(value: dt.date, fmt: str = "long") -> str:
    """'long' gives "6 Ionawr 2025" / "6 January 2025"; 'full' adds the weekday."""
    return _dates.format_date(value, format=fmt, locale=locale())


def format_time(value: dt.datetime | dt.time) -> str:
    return _dates.format_time(value, format="HH:mm", locale=locale())


def format_datetime(value: dt.datetime) -> str:
    return _dates.format_datetime(value, format="medium", locale=locale())


def format_weekday_date(value: dt.date) -> str:
    """A heading such as "Dydd Llun, 6 Ionawr"."""
    return _dates.format_date(value, format="EEEE, d MMMM", locale=locale())


def format_decimal(value: float, digits: int = 1) -> str:
    return _numbers.format_decimal(round(value, digits), format=f"0.{'0' * digits}", locale=locale())


def format_short_date(value: dt.date) -> str:
    """A compact axis or table date such as "6 Ion" / "6 Jan"."""
    return _dates.format_date(value, format=_skeleton_pattern("dMMM", locale()), locale=locale())


@functools.lru_cache(maxsize=16)
def _skeleton_pattern(skeleton: str, locale_name: str) -> str:
    """The CLDR pattern for a skeleton, found once per language (Babel's format_skeleton searches the
    skeletons on every call: a chart's axis labels cost a third of a second that way)."""
    from babel.core import Locale

    known = Locale.parse(locale_name).datetime_skeletons
    key = skeleton if skeleton in known else _dates.match_skeleton(skeleton, known)
    return str(known[key].pattern)


def format_weekday_short(weekday: int) -> str:
    """Monday = 0: "Llun" / "Mon" (CLDR abbreviated stand-alone names)."""
    names = _dates.get_day_names("abbreviated", context="stand-alone", locale=locale())
    return str(names[weekday])
