"""Boom-and-bust marks on hand-made days: what counts as a boom, which bust follows it, and the day loads."""

from __future__ import annotations

import datetime as dt

import pytest

from companion.domain.errors import ValidationError
from companion.domain.pacing import Activity, ActivityLog, ChangeKind, PlanChange, Unit
from companion.domain.pacing_patterns import (
    DayInput,
    DayMark,
    Thresholds,
    counts_per_four_weeks,
    daily_inputs,
    detect,
    variability,
)

D0 = dt.date(2026, 3, 2)  # a Monday
TZ = dt.timezone(dt.timedelta(hours=1))


def _day(offset: int) -> dt.date:
    return D0 + dt.timedelta(days=offset)


def _days(loads: list[float | None], pains: list[float | None] | None = None) -> list[DayInput]:
    pains = pains if pains is not None else [None] * len(loads)
    return [DayInput(_day(i), load, pain) for i, (load, pain) in enumerate(zip(loads, pains, strict=True))]


def _booms(marks: list[DayMark]) -> list[int]:
    return [(m.day - D0).days for m in marks if m.boom]


def _busts(marks: list[DayMark]) -> list[tuple[int, int]]:
    return [((m.day - D0).days, (m.after_boom - D0).days) for m in marks if m.bust and m.after_boom]


# A steady four days, then a boom on day 4 (load 2 against a median of 1, pain as usual).
STEADY = [1.0, 1.0, 1.0, 1.0]
STEADY_PAIN = [3.0, 3.0, 3.0, 3.0]


# --- no marks -------------------------------------------------------------------------------------------


def test_flat_activity_has_no_booms_or_busts() -> None:
    marks = detect(_days([1.0] * 20, [3.0] * 20))
    assert len(marks) == 20
    assert not any(m.boom or m.bust for m in marks)
    assert [m.load_median for m in marks[:5]] == [None, None, None, None, 1.0]  # four days needed first
    assert all(m.load_median == 1.0 and m.pain_median == 3.0 for m in marks[4:])


def test_nothing_in_nothing_out() -> None:
    assert detect([]) == []


def test_too_little_data_gives_no_median_so_no_boom_by_load() -> None:
    marks = detect(_days([1.0, 1.0, 1.0, 50.0]))
    assert marks[-1].load_median is None and not marks[-1].boom
    # with the person's own lower bar of three days the same day is a boom
    assert _booms(detect(_days([1.0, 1.0, 1.0, 50.0]), Thresholds(min_days=3))) == [3]


def test_only_the_median_window_counts_as_history() -> None:
    days = [*_days([1.0] * 4), DayInput(_day(18), 5.0, None)]  # days 4-17 absent: the window is empty
    assert not detect(days)[-1].boom
    assert detect(days)[-1].load_median is None
    assert _booms(detect(days, Thresholds(median_days=18))) == [18]


def test_a_window_too_short_to_give_a_usual_is_refused_with_a_message() -> None:
    for bad in (Thresholds(min_days=0), Thresholds(min_days=1), Thresholds(median_days=3), Thresholds(median_days=60)):
        with pytest.raises(ValidationError, match="to work out your usual"):
            detect(_days([1.0, 1.0, 1.0]), bad)


# --- what a rising sequence looks like ------------------------------------------------------------------


def test_doubling_every_day_is_a_boom_every_day_once_there_is_a_median_and_never_a_bust() -> None:
    marks = detect(_days([2.0**i for i in range(10)]))
    assert _booms(marks) == list(range(4, 10))
    assert [m.load_median for m in marks[4:6]] == [3.0, 4.0]  # medians of 1,2,4,8 and 2,4,8,16
    assert not any(m.bust for m in marks)  # a boom day is never also a bust
    assert all(m.boom_by_load and not m.boom_by_plan for m in marks[4:])


def test_a_steady_climb_is_marked_while_the_median_lags_behind_it() -> None:
    # load = day + 1: 1.5 x the median of the (up to 14) days before is reached until the climb is
    # small next to the level, so days 4-21 are booms and 22 onwards are not.
    marks = detect(_days([float(i + 1) for i in range(30)]))
    assert _booms(marks) == list(range(4, 22))
    assert marks[21].load == 22 and marks[21].load_median == 14.5  # 22 >= 21.75
    assert marks[22].load == 23 and marks[22].load_median == 15.5  # 23 < 23.25


# --- gaps and missing days ------------------------------------------------------------------------------


def test_days_without_load_do_not_count_as_data() -> None:
    marks = detect(_days([1.0, 1.0, None, 1.0, 9.0, 1.0, 9.0]))
    assert marks[4].load_median is None and not marks[4].boom  # only three days with data before it
    assert marks[2].load is None and marks[2].load_median is None and not marks[2].boom
    assert marks[6].load_median == 1.0  # 1, 1, 1, 9, 1
    assert _booms(marks) == [6]


def test_a_gap_after_a_boom_is_not_a_bust_but_a_low_day_after_it_is() -> None:
    marks = detect(_days([*STEADY, 2.0, None, 0.4]))
    assert _booms(marks) == [4]
    assert not marks[5].bust
    assert _busts(marks) == [(6, 4)]
    assert marks[6].bust_by_load and not marks[6].bust_by_pain


def test_a_gap_with_high_pain_is_a_bust_by_pain() -> None:
    marks = detect(_days([*STEADY, 2.0, None], [*STEADY_PAIN, 3.0, 6.0]))
    assert _busts(marks) == [(5, 4)]
    assert marks[5].bust_by_pain and not marks[5].bust_by_load


def test_missing_days_are_absent_from_the_marks_and_the_windows() -> None:
    days = [DayInput(_day(i), 1.0, None) for i in (0, 2, 4, 6)] + [
        DayInput(_day(10), 0.4, None),
        DayInput(_day(8), 2.0, None),  # out of order on purpose
    ]
    marks = detect(days)
    assert [(m.day - D0).days for m in marks] == [0, 2, 4, 6, 8, 10]
    assert marks[4].load_median == 1.0 and marks[4].boom
    assert _busts(marks) == [(10, 8)]  # day 9 is absent, day 10 is still within three days


# --- booms by plan --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("ratio", "boom"), [(1.3, True), (2.0, True), (1.29, False), (1.0, False), (None, False)])
def test_thirty_percent_over_plan_is_a_boom_without_any_median(ratio: float | None, boom: bool) -> None:
    (mark,) = detect([DayInput(D0, 1.0, None, ratio)])
    assert mark.load_median is None
    assert mark.boom is boom and mark.boom_by_plan is boom and not mark.boom_by_load


def test_the_over_plan_share_can_be_changed() -> None:
    day = [DayInput(D0, None, None, 1.3)]
    assert not detect(day, Thresholds(over_plan=0.5))[0].boom
    assert detect(day, Thresholds(over_plan=0.2))[0].boom


def test_a_day_can_be_a_boom_both_ways() -> None:
    days = _days([*STEADY, 2.0])
    days[-1] = DayInput(_day(4), 2.0, None, 1.5)
    mark = detect(days)[-1]
    assert mark.boom_by_load and mark.boom_by_plan


def test_after_a_boom_by_plan_without_medians_nothing_counts_as_a_bust() -> None:
    days = [DayInput(D0, 1.0, 3.0, 1.5), DayInput(_day(1), 0.1, 9.0)]
    marks = detect(days)
    assert marks[0].boom and not marks[1].bust


# --- busts ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("load", "bust"), [(0.5, True), (0.2, True), (0.51, False), (1.0, False)])
def test_bust_by_low_load_is_at_most_half_the_median(load: float, bust: bool) -> None:
    marks = detect(_days([*STEADY, 2.0, load]))
    assert marks[5].bust is bust and marks[5].bust_by_load is bust


@pytest.mark.parametrize("offset", [1, 2, 3])
def test_bust_by_pain_within_one_to_three_days(offset: int) -> None:
    loads = [*STEADY, 2.0] + [1.0] * 4
    pains = [*STEADY_PAIN, 3.0] + [3.0] * 4
    pains[4 + offset] = 5.0  # the median 3 plus 2 points
    marks = detect(_days(loads, pains))
    assert _busts(marks) == [(4 + offset, 4)]
    bust = marks[4 + offset]
    assert bust.bust_by_pain and not bust.bust_by_load and not bust.boom


def test_a_pain_rise_on_the_fourth_day_is_not_a_bust_unless_the_window_is_widened() -> None:
    loads = [*STEADY, 2.0] + [1.0] * 4
    pains = [*STEADY_PAIN, 3.0, 3.0, 3.0, 3.0, 5.0]
    assert _busts(detect(_days(loads, pains))) == []
    assert _busts(detect(_days(loads, pains), Thresholds(bust_within_days=4))) == [(8, 4)]


def test_a_smaller_pain_rise_is_not_a_bust_unless_the_threshold_is_lowered() -> None:
    loads = [*STEADY, 2.0, 1.0]
    pains = [*STEADY_PAIN, 3.0, 4.9]
    assert _busts(detect(_days(loads, pains))) == []
    assert _busts(detect(_days(loads, pains), Thresholds(pain_rise=1.5))) == [(5, 4)]


def test_busts_are_measured_against_the_medians_on_the_boom_day() -> None:
    loads = [4.0, 6.0, 8.0, 10.0, 20.0, 3.8]
    pains = [2.0, 2.0, 3.0, 3.0, 6.0, 4.5]
    marks = detect(_days(loads, pains))
    boom, after = marks[4], marks[5]
    assert boom.boom and (boom.load_median, boom.pain_median) == (7.0, 2.5)
    assert (after.load_median, after.pain_median) == (8.0, 3.0)  # its own medians include the boom day
    # 3.8 is low against its own median (<= 4) but not against the boom day's (> 3.5); pain 4.5 is
    # 2 points above the boom day's median (2.5) but not above its own (3).
    assert after.bust and after.after_boom == boom.day
    assert after.bust_by_pain and not after.bust_by_load


def test_only_the_first_bust_after_a_boom_is_marked() -> None:
    marks = detect(_days([*STEADY, 2.0, 0.3, 0.3, 0.3]))
    assert _busts(marks) == [(5, 4)]


def test_a_bust_belongs_to_the_nearest_boom_before_it() -> None:
    # days 4 and 5 are both booms; day 5 is skipped as a bust of day 4, and day 6 is the bust of day 5
    marks = detect(_days([*STEADY, 2.0, 3.0, 0.5]))
    assert _booms(marks) == [4, 5]
    assert _busts(marks) == [(6, 5)]


def test_adjusted_boom_level_changes_the_result() -> None:
    days = _days([*STEADY, 1.4, 0.3])
    assert _booms(detect(days)) == [] and _busts(detect(days)) == []
    lowered = detect(days, Thresholds(boom_ratio=1.3))
    assert _booms(lowered) == [4] and _busts(lowered) == [(5, 4)]
    assert _busts(detect(days, Thresholds(boom_ratio=1.3, bust_ratio=0.25))) == []


def test_exactly_one_and_a_half_times_the_median_is_a_boom() -> None:
    assert _booms(detect(_days([*STEADY, 1.5]))) == [4]
    assert _booms(detect(_days([*STEADY, 1.49]))) == []


# --- thresholds -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"boom_ratio": 1.09}, "boom level"),
        ({"boom_ratio": 5.1}, "boom level"),
        ({"over_plan": 0.04}, "over-plan level"),
        ({"over_plan": 2.1}, "over-plan level"),
        ({"bust_ratio": 0.04}, "low-activity level"),
        ({"bust_ratio": 0.96}, "low-activity level"),
        ({"pain_rise": 0.4}, "pain rise"),
        ({"pain_rise": 10.5}, "pain rise"),
        ({"bust_within_days": 0}, "1 to 7 days"),
        ({"bust_within_days": 8}, "1 to 7 days"),
    ],
)
def test_invalid_thresholds_are_refused(changes: dict[str, float], message: str) -> None:
    thresholds = Thresholds(**changes)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=message):
        thresholds.validated()
    with pytest.raises(ValidationError, match=message):
        detect(_days(STEADY), thresholds)


def test_the_limits_themselves_are_allowed() -> None:
    low = Thresholds(boom_ratio=1.1, over_plan=0.05, bust_ratio=0.05, pain_rise=0.5, bust_within_days=1)
    high = Thresholds(boom_ratio=5, over_plan=2, bust_ratio=0.95, pain_rise=10, bust_within_days=7)
    assert low.validated() is low and high.validated() is high
    assert Thresholds().validated() == Thresholds(1.5, 0.3, 0.5, 2.0, 3, 14, 4)


# --- counts and variability -----------------------------------------------------------------------------


def _mark(offset: int, *, load: float | None = 1.0, boom: bool = False, bust: bool = False) -> DayMark:
    return DayMark(_day(offset), load, None, None, None, None, boom=boom, bust=bust)


def test_counts_per_four_weeks_newest_first_with_exact_edges() -> None:
    until = _day(83)
    marks = [
        _mark(83, boom=True),  # last day of the newest period
        _mark(56, bust=True),  # first day of the newest period
        _mark(55, boom=True),  # last day of the middle period
        _mark(40, load=None, bust=True),  # a bust by pain on a day without load
        _mark(28, boom=True),
        _mark(27, bust=True),  # last day of the oldest period
        _mark(0, boom=True),  # first day of the oldest period
        _mark(-1, boom=True),  # before every period
        _mark(84, boom=True),  # after `until`
    ]
    counts = counts_per_four_weeks(marks, until)
    assert [(c.start, c.end) for c in counts] == [(_day(56), _day(83)), (_day(28), _day(55)), (_day(0), _day(27))]
    assert [(c.booms, c.busts, c.days_with_data) for c in counts] == [(1, 1, 2), (2, 1, 2), (1, 1, 2)]
    assert len(counts_per_four_weeks(marks, until, periods=1)) == 1
    assert [(c.booms, c.busts) for c in counts_per_four_weeks([], until)] == [(0, 0)] * 3


def test_variability_is_the_mean_day_to_day_change_over_the_median() -> None:
    marks = [_mark(0, load=10), _mark(1, load=12), _mark(2, load=9), _mark(3, load=11)]
    assert variability(marks) == pytest.approx((2 + 3 + 2) / 3 / 10.5)
    assert variability([_mark(i, load=5) for i in range(5)]) == 0


def test_variability_only_uses_consecutive_logged_days() -> None:
    marks = [_mark(0, load=10), _mark(1, load=12), _mark(2, load=None), _mark(3, load=100), _mark(5, load=1)]
    assert variability(marks) is None  # one step of consecutive days only
    marks += [_mark(6, load=3), _mark(7, load=1)]
    # steps 10->12, 1->3, 3->1; loads 10, 12, 100, 1, 3, 1 have a median of 6.5
    assert variability(marks) == pytest.approx(6 / 3 / 6.5)


def test_variability_needs_a_median_above_zero() -> None:
    assert variability([_mark(i, load=0) for i in range(5)]) is None
    assert variability([]) is None


# --- the day's load from logs ---------------------------------------------------------------------------


def _activity(activity_id: str, unit: Unit = Unit.MINUTES, days: frozenset[int] = frozenset(range(7))) -> Activity:
    return Activity(id=activity_id, name=activity_id, unit=unit, planned_days=days)


def _log(activity_id: str, offset: int, amount: float, n: int = 0) -> ActivityLog:
    day = _day(offset)
    return ActivityLog(
        f"{activity_id}-{offset}-{n}", activity_id, day, dt.datetime.combine(day, dt.time(9), TZ), amount
    )


def test_each_activity_is_compared_with_its_own_usual_amount() -> None:
    walk, read = _activity("walk"), _activity("read", Unit.PAGES)
    logs = [_log("walk", i, 10) for i in range(3)] + [_log("walk", 3, 15), _log("walk", 3, 5, n=1)]
    logs += [_log("read", i, 50) for i in range(3)] + [_log("read", 3, 25)]
    inputs = daily_inputs([walk, read], {}, logs, {}, D0, _day(3))
    assert [d.day for d in inputs] == [_day(i) for i in range(4)]
    assert [d.load for d in inputs[:3]] == [None, None, None]  # fewer than three earlier days of each
    assert inputs[3].load == pytest.approx((2.0 + 0.5) / 2)  # 20 minutes against 10, 25 pages against 50


def test_an_activity_without_enough_history_is_left_out_of_the_load() -> None:
    walk, read = _activity("walk"), _activity("read", Unit.PAGES)
    logs = [_log("walk", i, 10) for i in range(4)] + [_log("read", 3, 500)]
    inputs = daily_inputs([walk, read], {}, logs, {}, D0, _day(3))
    assert inputs[3].load == 1.0
    assert daily_inputs([walk, read], {}, logs, {}, D0, _day(3), min_days=4)[3].load is None


def test_a_weekday_only_activity_does_not_make_weekdays_look_busy() -> None:
    weekdays = frozenset(range(5))
    work, walk = _activity("work", days=weekdays), _activity("walk")
    logs = [_log("work", i, 120) for i in range(28) if _day(i).weekday() < 5]
    logs += [_log("walk", i, 10) for i in range(28)]
    inputs = daily_inputs([work, walk], {}, logs, {}, D0, _day(27))
    assert [d.load for d in inputs[14:]] == [1.0] * 14  # weekdays and weekend days alike
    assert not any(m.boom or m.bust for m in detect(inputs))


def test_days_with_nothing_logged_are_missing_and_pain_is_passed_through() -> None:
    walk = _activity("walk")
    logs = [_log("walk", i, 10) for i in (0, 1, 2, 4)] + [_log("someone-else", 3, 99)]
    pains = {_day(3): 6.5, _day(4): 2.25, _day(9): 1.0}
    inputs = daily_inputs([walk], {}, logs, pains, D0, _day(5))
    assert [(d.load, d.pain) for d in inputs] == [
        (None, None), (None, None), (None, None), (None, 6.5), (1.0, 2.25), (None, None),
    ]  # fmt: skip


def test_plan_ratio_is_the_highest_over_planned_activities() -> None:
    mwf = frozenset({0, 2, 4})
    walk, read = _activity("walk", days=mwf), _activity("read", Unit.PAGES)
    changes = {
        "walk": [PlanChange("w", "walk", D0, 10, ChangeKind.START)],
        "read": [PlanChange("r", "read", D0, 20, ChangeKind.START)],
    }
    logs = [_log("walk", 0, 13), _log("read", 0, 10), _log("walk", 1, 30), _log("read", 2, 10)]
    inputs = daily_inputs([walk, read], changes, logs, {}, D0, _day(3))
    assert inputs[0].plan_ratio == pytest.approx(1.3)  # walk 13/10 beats read 10/20
    assert inputs[1].plan_ratio is None  # Tuesday is not a walking day and reading was not logged
    assert inputs[2].plan_ratio == pytest.approx(0.5)
    assert inputs[3].plan_ratio is None
    marks = detect(inputs)
    assert _booms(marks) == [0] and marks[0].boom_by_plan


def test_plan_ratio_uses_the_plan_in_force_that_day() -> None:
    walk = _activity("walk")
    changes = {"walk": [PlanChange("w", "walk", _day(2), 10, ChangeKind.START)]}
    logs = [_log("walk", 1, 20), _log("walk", 9, 11)]
    inputs = daily_inputs([walk], changes, logs, {}, D0, _day(9))
    assert inputs[1].plan_ratio is None  # before the plan started
    assert inputs[9].plan_ratio == pytest.approx(1.0)  # the second week's target is 11
