"""Trends aggregation on hand-made data: daily statistics, moving averages across gaps, IMMPACT change
bands, tag patterns and their thresholds, time of day and weekday, spans."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from companion.domain import trends as t
from companion.domain.checkin import Checkin, TagKind, TagRating

TZ = dt.timezone(dt.timedelta(hours=1))
START = dt.date(2026, 3, 2)  # a Monday


def _c(day: int, hour: int, pain: int | None, *, tags: tuple[str, ...] = (), sleep: int | None = None) -> Checkin:
    moment = dt.datetime.combine(START + dt.timedelta(days=day), dt.time(hour, 0), TZ)
    return Checkin(
        f"{day}-{hour}",
        moment,
        pain,
        sleep_quality=sleep,
        tags=tuple(TagRating(TagKind.DID, name) for name in tags),
    )


def test_daily_stats_give_mean_low_high_and_count_and_leave_empty_days_empty() -> None:
    stats = t.daily_stats(
        [_c(0, 8, 3), _c(0, 14, 7), _c(0, 20, 5, sleep=6), _c(2, 9, 4)], START, START + dt.timedelta(3)
    )
    assert [s.day for s in stats] == [START + dt.timedelta(days=i) for i in range(4)]
    first = stats[0]
    assert (first.pain_mean, first.pain_low, first.pain_high, first.pain_count) == (5.0, 3, 7, 3)
    assert first.sleep_quality == 6.0
    assert stats[1] == t.DayStats(START + dt.timedelta(days=1))  # a gap: nothing, not zero
    assert not stats[1].has_pain and stats[2].pain_mean == 4.0 and stats[3].pain_mean is None


def test_a_check_in_without_a_pain_score_counts_for_its_other_fields_only() -> None:
    (day,) = t.daily_stats([_c(0, 8, None, sleep=4)], START, START)
    assert day.pain_count == 0 and day.pain_mean is None and day.sleep_quality == 4.0


def test_check_ins_outside_the_range_are_left_out() -> None:
    stats = t.daily_stats([_c(-1, 8, 9), _c(5, 8, 9), _c(1, 8, 2)], START, START + dt.timedelta(days=2))
    assert [s.pain_mean for s in stats] == [None, 2.0, None]


def test_moving_average_needs_enough_days_in_its_window_and_keeps_long_gaps_as_gaps() -> None:
    values: list[float | None] = [2, 4, 6, 8, None, None, None, None, None, None, None, 10, 10, 10, 10]
    ma = t.moving_average(values, 7, 4)
    assert ma[:3] == [None, None, None]  # fewer than 4 days yet
    assert ma[3] == 5.0  # (2 + 4 + 6 + 8) / 4
    assert ma[6] == 5.0  # the window still holds the four days
    assert ma[7] is None  # 4, 6, 8 left in the window: only 3 days, not enough
    assert ma[8] is None and ma[10] is None  # the gap shows as a gap, never filled in
    assert t.moving_average(values, 7, 3)[7] == pytest.approx(6.0)  # with a lower threshold: (4 + 6 + 8) / 3
    assert ma[14] == 10.0


def test_moving_average_default_threshold_is_just_over_half_the_window() -> None:
    values: list[float | None] = [1.0] * 3 + [None] * 4
    assert t.moving_average(values, 7)[6] is None  # 3 of 7 days is not enough
    assert t.moving_average([1.0] * 4 + [None] * 3, 7)[6] == 1.0


@given(st.lists(st.one_of(st.none(), st.floats(0, 10)), max_size=60), st.integers(1, 30))
def test_moving_average_stays_within_the_values_of_its_window(values: list[float | None], window: int) -> None:
    for index, value in enumerate(t.moving_average(values, window, 1)):
        inside = [v for v in values[max(0, index - window + 1) : index + 1] if v is not None]
        if value is None:
            assert not inside
        else:
            assert min(inside) - 1e-9 <= value <= max(inside) + 1e-9


@pytest.mark.parametrize(
    ("baseline", "current", "band"),
    [
        (6.0, 3.0, t.ChangeBand.MUCH_BETTER),  # 50 % lower exactly
        (6.0, 4.2, t.ChangeBand.BETTER),  # 30 % lower exactly
        (6.0, 4.3, t.ChangeBand.LITTLE_CHANGE),
        (6.0, 7.7, t.ChangeBand.LITTLE_CHANGE),
        (6.0, 7.8, t.ChangeBand.WORSE),  # 30 % higher exactly
        (0.0, 0.0, t.ChangeBand.LITTLE_CHANGE),
        (0.0, 1.0, t.ChangeBand.WORSE),
    ],
)
def test_immpact_change_bands(baseline: float, current: float, band: t.ChangeBand) -> None:
    assert t.change_band(baseline, current).band is band


def test_change_percent_and_band_limits() -> None:
    change = t.change_band(8.0, 4.0)
    assert change.percent == -50.0
    limits = t.band_limits(8.0)
    assert limits[t.ChangeBand.BETTER] == pytest.approx(5.6)
    assert limits[t.ChangeBand.MUCH_BETTER] == 4.0
    assert limits[t.ChangeBand.WORSE] == pytest.approx(10.4)


def test_period_mean_counts_each_day_once_however_many_check_ins() -> None:
    stats = t.daily_stats([_c(0, 8, 2), _c(0, 9, 2), _c(0, 10, 2), _c(1, 8, 8)], START, START + dt.timedelta(1))
    assert t.period_mean(stats, START, START + dt.timedelta(days=1)) == 5.0
    assert t.period_mean(stats, START + dt.timedelta(days=5), START + dt.timedelta(days=6)) is None


def _pattern_diary() -> tuple[list[Checkin], list[t.DayStats]]:
    # Gardening on days 0, 2, 4: pain 7 those days, 6 the day after; other days pain 3.
    entries = []
    for day in range(8):
        gardening = day in (0, 2, 4)
        pain = 7 if gardening else (6 if day - 1 in (0, 2, 4) else 3)
        entries.append(_c(day, 10, pain, tags=("Gardening",) if gardening else ()))
    return entries, t.daily_stats(entries, START, START + dt.timedelta(days=7))


def test_tag_pattern_same_day_with_enough_days_shows_the_difference() -> None:
    entries, stats = _pattern_diary()
    days = t.tag_days(entries, "gardening")  # case-blind
    assert days == {START, START + dt.timedelta(days=2), START + dt.timedelta(days=4)}
    same = t.tag_pattern(stats, days, "Gardening")
    assert (same.days_with, same.days_without) == (3, 5)
    assert same.enough and same.mean_with == 7.0
    assert same.mean_without == pytest.approx((6 + 6 + 6 + 3 + 3) / 5)
    assert same.difference == pytest.approx(7.0 - 4.8)


def test_tag_pattern_next_day_looks_at_the_following_day() -> None:
    entries, stats = _pattern_diary()
    following = t.tag_pattern(stats, t.tag_days(entries, "Gardening"), "Gardening", next_day=True)
    assert following.days_with == 3 and following.mean_with == 6.0
    assert following.days_without == 4  # day 7 has no following day in range


def test_fewer_than_three_days_with_or_without_says_how_many_more_are_needed() -> None:
    _entries, stats = _pattern_diary()
    few = t.tag_pattern(stats, {START}, "Swimming")
    assert not few.enough and few.difference is None
    assert few.more_with_needed == 2 and few.more_without_needed == 0
    everything = t.tag_pattern(stats, {s.day for s in stats}, "Breathing")
    assert everything.more_without_needed == 3


def test_time_of_day_and_weekday_means_with_counts() -> None:
    entries = [_c(0, 2, 9), _c(0, 8, 4), _c(0, 13, 5), _c(0, 19, 6), _c(1, 19, 8), _c(7, 9, 2)]
    parts = {g.key: (g.mean, g.count) for g in t.by_time_of_day(entries, START, START + dt.timedelta(days=7))}
    assert parts == {"night": (9.0, 1), "morning": (3.0, 2), "afternoon": (5.0, 1), "evening": (7.0, 2)}
    stats = t.daily_stats(entries, START, START + dt.timedelta(days=7))
    weekdays = t.by_weekday(stats)
    assert weekdays[0].count == 2 and weekdays[0].mean == pytest.approx((6.0 + 2.0) / 2)  # two Mondays
    assert weekdays[1].mean == 8.0 and weekdays[2].count == 0 and weekdays[2].mean is None


def test_spans_are_clipped_to_the_range_and_know_when_they_go_on() -> None:
    lo, hi = START, START + dt.timedelta(days=9)
    assert t.clip_span("x", START - dt.timedelta(days=3), START + dt.timedelta(days=2), lo, hi) == t.Span(
        "x", lo, START + dt.timedelta(days=2), False
    )
    ongoing = t.clip_span("y", START + dt.timedelta(days=5), None, lo, hi)
    assert ongoing is not None and ongoing.end == hi and ongoing.ongoing
    assert t.clip_span("z", START - dt.timedelta(days=9), START - dt.timedelta(days=1), lo, hi) is None
    assert t.day_part(dt.datetime(2026, 1, 1, 5, 59)) is t.DayPart.NIGHT
    assert t.day_part(dt.datetime(2026, 1, 1, 18, 0)) is t.DayPart.EVENING
