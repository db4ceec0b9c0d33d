"""The summary's small rules, each with values worked out by hand: the period as far as today, exact numbers
from their decimal text, IMMPACT bands at their edges on unrounded values, percentages never rounded across
an edge, a zero baseline, and half-up display rounding."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction

import pytest

from companion.domain.trends import ChangeBand
from companion.i18n.formatting import format_decimal, half_up
from companion.reports.summary_data import Outcome, Period, band_of, compare, exact, mean_of

TODAY = dt.date(2026, 3, 10)


@pytest.mark.parametrize(
    ("start", "end", "upto", "days", "started", "clipped", "short"),
    [
        (dt.date(2026, 3, 4), dt.date(2026, 3, 10), dt.date(2026, 3, 10), 7, True, False, False),
        (dt.date(2026, 3, 5), dt.date(2026, 3, 10), dt.date(2026, 3, 10), 6, True, False, True),
        (dt.date(2026, 3, 10), dt.date(2026, 3, 10), dt.date(2026, 3, 10), 1, True, False, True),
        (dt.date(2026, 3, 1), dt.date(2026, 4, 30), dt.date(2026, 3, 10), 10, True, True, False),
        (dt.date(2026, 3, 11), dt.date(2026, 3, 20), dt.date(2026, 3, 10), 0, False, True, True),
        (dt.date(1900, 1, 1), dt.date(2200, 12, 31), dt.date(2026, 3, 10), 46090, True, True, False),
    ],
)
def test_a_period_counts_only_the_days_that_have_happened(
    start: dt.date, end: dt.date, upto: dt.date, days: int, started: bool, clipped: bool, short: bool
) -> None:
    period = Period(start, end, TODAY)
    assert (period.upto, period.days, period.started, period.clipped, period.short) == (
        upto,
        days,
        started,
        clipped,
        short,
    )


def test_numbers_are_read_as_the_decimals_they_were_written_as() -> None:
    assert exact(7.25) == Fraction(29, 4)
    assert exact(0.1) == Fraction(1, 10)  # not 0.1000000000000000055...
    assert exact(3) == 3 and isinstance(exact(3), Fraction)
    assert mean_of([Fraction(9, 2), Fraction(4)]) == Fraction(17, 4)
    assert mean_of([]) is None


@pytest.mark.parametrize(
    ("before", "after", "band", "percent"),
    [
        (Fraction(20, 3), Fraction(14, 3), ChangeBand.BETTER, 30),  # exactly 30 % lower (6.7 -> 4.7 rounded: 29.9 %)
        (Fraction(10), Fraction(7), ChangeBand.BETTER, 30),
        (Fraction(10), Fraction(701, 100), ChangeBand.LITTLE_CHANGE, None),  # 29.9 % lower
        (Fraction(10), Fraction(5), ChangeBand.MUCH_BETTER, 50),
        (Fraction(10), Fraction(501, 100), ChangeBand.BETTER, 49),  # 49.9 %: printed 49, never 50
        (Fraction(10), Fraction(13), ChangeBand.WORSE, 30),
        (Fraction(10), Fraction(1299, 100), ChangeBand.LITTLE_CHANGE, None),
        (Fraction(4), Fraction(4), ChangeBand.LITTLE_CHANGE, None),
        (Fraction(4), Fraction(0), ChangeBand.MUCH_BETTER, 100),
        (Fraction(3), Fraction(10), ChangeBand.WORSE, 233),
    ],
)
def test_bands_and_percentages_on_unrounded_values(
    before: Fraction, after: Fraction, band: ChangeBand, percent: int | None
) -> None:
    assert band_of(before, after) is band
    comparison = compare(before, after)
    assert comparison.outcome is Outcome.BAND and comparison.band is band
    if percent is not None:
        assert comparison.percent == percent
    assert (comparison.before, comparison.after) == (before, after)


def test_a_zero_baseline_has_no_band_and_no_percentage() -> None:
    comparison = compare(Fraction(0), Fraction(3))
    assert comparison.outcome is Outcome.FROM_ZERO and comparison.band is None and comparison.percent is None
    assert comparison.after == 3


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (4.25, "4.3"),
        (7.25, "7.3"),
        (0.15, "0.2"),
        (Fraction(81, 20), "4.1"),
        (Fraction(17, 4), "4.3"),
        (Fraction(-17, 4), "-4.3"),
        (Fraction(20, 3), "6.7"),
        (4.249, "4.2"),
        (0.0, "0.0"),
    ],
)
def test_display_rounds_half_up_to_one_place(value: float | Fraction, shown: str) -> None:
    assert format_decimal(value) == shown
    assert format_decimal(value, lang="cy") == shown


def test_half_up_to_whole_numbers() -> None:
    assert str(half_up(12.5, 0)) == "13" and str(half_up(Fraction(5, 2), 0)) == "3"
