"""Pacing arithmetic: rounding, baselines, the weekly increase, step-down and step-up, and planned against done."""

from __future__ import annotations

import datetime as dt
import itertools
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from companion.domain import pacing
from companion.domain.errors import ValidationError
from companion.domain.pacing import (
    AMOUNT_MAX,
    Activity,
    ActivityLog,
    BaselineMethod,
    ChangeKind,
    IncreaseKind,
    IncreaseRule,
    PlanChange,
    ToleranceTest,
    Unit,
    amount_after_weeks,
    baseline_from_tests,
    baseline_good_bad,
    baseline_just_below,
    baseline_own,
    current_change,
    day_progress,
    is_stepped_down,
    next_week_amount,
    round_amount,
    round_down,
    schedule,
    step_down,
    step_of,
    step_up,
    target_on,
    validate_activity,
    validate_amount,
)

MONDAY = dt.date(2026, 3, 2)
TZ = dt.timezone(dt.timedelta(hours=1))
PERCENT = IncreaseRule()
MON_WED_FRI = frozenset({0, 2, 4})


def _day(offset: int) -> dt.date:
    return MONDAY + dt.timedelta(days=offset)


def _test(amount: float, day_offset: int, hour: int = 10) -> ToleranceTest:
    taken = dt.datetime.combine(_day(day_offset), dt.time(hour), tzinfo=TZ)
    return ToleranceTest(f"t{day_offset}-{hour}", "walk", taken, amount)


def _activity(**kwargs: object) -> Activity:
    values: dict[str, object] = {"id": "walk", "name": "Walking"}
    values.update(kwargs)
    return Activity(**values)  # type: ignore[arg-type]


def _start(amount: float, day: dt.date = MONDAY, activity_id: str = "walk") -> PlanChange:
    return PlanChange("start", activity_id, day, amount, ChangeKind.START)


def _weeks(start: float, count: int, rule: IncreaseRule = PERCENT, unit: Unit = Unit.MINUTES, ceiling=None):  # type: ignore[no-untyped-def]
    return [amount_after_weeks(start, w, rule, unit, ceiling) for w in range(count)]


# --- rounding -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "value", "step"),
    [
        (Unit.MINUTES, 0.2, 0.5),
        (Unit.MINUTES, 9.99, 0.5),
        (Unit.MINUTES, 10, 1.0),
        (Unit.MINUTES, 90, 1.0),
        (Unit.OWN, 3, 0.5),
        (Unit.OWN, 12, 1.0),
        (Unit.METRES, 99, 5.0),
        (Unit.METRES, 100, 10.0),
        (Unit.METRES, 999, 10.0),
        (Unit.METRES, 1000, 50.0),
        (Unit.REPETITIONS, 0.3, 1.0),
        (Unit.REPETITIONS, 500, 1.0),
        (Unit.PAGES, 2.5, 1.0),
    ],
)
def test_the_rounding_step_depends_on_unit_and_size(unit: Unit, value: float, step: float) -> None:
    assert step_of(value, unit) == step


@pytest.mark.parametrize(
    ("unit", "value", "expected"),
    [
        # half-minutes under 10 minutes, halves round up
        (Unit.MINUTES, 7.2, 7.0),
        (Unit.MINUTES, 7.25, 7.5),
        (Unit.MINUTES, 7.3, 7.5),
        (Unit.MINUTES, 9.6, 9.5),
        (Unit.MINUTES, 9.74, 9.5),
        (Unit.MINUTES, 9.75, 10.0),
        # whole minutes from 10
        (Unit.MINUTES, 10.4, 10.0),
        (Unit.MINUTES, 10.5, 11.0),
        (Unit.MINUTES, 12.49, 12.0),
        (Unit.MINUTES, 45.5, 46.0),
        # 5 m under 100, 10 m under 1000, then 50 m
        (Unit.METRES, 42, 40.0),
        (Unit.METRES, 42.5, 45.0),
        (Unit.METRES, 97, 95.0),
        (Unit.METRES, 97.5, 100.0),
        (Unit.METRES, 104, 100.0),
        (Unit.METRES, 105, 110.0),
        (Unit.METRES, 994, 990.0),
        (Unit.METRES, 996, 1000.0),
        (Unit.METRES, 1024, 1000.0),
        (Unit.METRES, 1025, 1050.0),
        # whole repetitions and pages
        (Unit.REPETITIONS, 2.4, 2.0),
        (Unit.REPETITIONS, 2.5, 3.0),
        (Unit.PAGES, 11.49, 11.0),
        (Unit.PAGES, 11.5, 12.0),
        # the person's own unit rounds like minutes
        (Unit.OWN, 3.3, 3.5),
        (Unit.OWN, 14.6, 15.0),
    ],
)
def test_round_amount(unit: Unit, value: float, expected: float) -> None:
    assert round_amount(value, unit) == expected


@pytest.mark.parametrize(
    ("unit", "value", "expected"),
    [
        (Unit.MINUTES, 0.1, 0.5),
        (Unit.MINUTES, 0.24, 0.5),
        (Unit.OWN, 0.01, 0.5),
        (Unit.METRES, 1, 5.0),
        (Unit.METRES, 2.4, 5.0),
        (Unit.REPETITIONS, 0.2, 1.0),
        (Unit.PAGES, 0.4, 1.0),
    ],
)
def test_a_positive_amount_never_rounds_below_one_step(unit: Unit, value: float, expected: float) -> None:
    assert round_amount(value, unit) == expected


@pytest.mark.parametrize("value", [0.0, -3.0])
def test_nothing_rounds_to_nothing(value: float) -> None:
    assert round_amount(value, Unit.MINUTES) == 0.0
    assert round_down(value, Unit.MINUTES) == 0.0


@pytest.mark.parametrize(
    ("unit", "value", "expected"),
    [
        (Unit.MINUTES, 9.9, 9.5),
        (Unit.MINUTES, 9.5, 9.5),
        (Unit.MINUTES, 10.9, 10.0),
        (Unit.METRES, 108, 100.0),
        (Unit.METRES, 99, 95.0),
        (Unit.METRES, 1099, 1050.0),
        (Unit.PAGES, 4.9, 4.0),
        (Unit.MINUTES, 0.3, 0.5),  # at least one step
    ],
)
def test_round_down(unit: Unit, value: float, expected: float) -> None:
    assert round_down(value, unit) == expected


units = st.sampled_from(list(Unit))


@given(st.floats(min_value=1e-6, max_value=AMOUNT_MAX, allow_nan=False, allow_infinity=False), units)
def test_round_amount_is_positive_idempotent_and_near(value: float, unit: Unit) -> None:
    once = round_amount(value, unit)
    assert once > 0
    assert round_amount(once, unit) == once
    assert once / step_of(once, unit) == pytest.approx(round(once / step_of(once, unit)))  # on the step grid
    if value >= step_of(value, unit):
        assert abs(once - value) <= step_of(value, unit) / 2 + 1e-9


@pytest.mark.parametrize(
    ("value", "allow_zero", "message"),
    [
        (True, False, "as a number"),
        (math.nan, False, "as a number"),
        (math.inf, False, "as a number"),
        ("5", False, "as a number"),
        (-1, False, "above zero"),
        (0, False, "above zero"),
        (-1, True, "above zero"),
        (AMOUNT_MAX + 1, False, "too large"),
    ],
)
def test_validate_amount_refuses(value: object, allow_zero: bool, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        validate_amount(value, allow_zero=allow_zero)  # type: ignore[arg-type]


def test_validate_amount_accepts() -> None:
    assert validate_amount(7) == 7.0 and isinstance(validate_amount(7), float)
    assert validate_amount(0, allow_zero=True) == 0.0
    assert validate_amount(AMOUNT_MAX) == AMOUNT_MAX


# --- activities -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": "   "}, "Give the activity a name"),
        ({"name": "\x00"}, "Give the activity a name"),
        ({"name": "x" * 81}, "name is too long"),
        ({"unit": Unit.OWN, "own_unit": "  "}, "Say what you count this activity in"),
        ({"unit": Unit.OWN, "own_unit": "y" * 31}, "unit name is too long"),
        ({"planned_days": frozenset()}, "at least one day of the week"),
        ({"planned_days": frozenset({0, 7})}, "at least one day of the week"),
        ({"increase": IncreaseRule(IncreaseKind.PERCENT, 0.5)}, "1 to 50 per cent"),
        ({"increase": IncreaseRule(IncreaseKind.PERCENT, 51)}, "1 to 50 per cent"),
        ({"increase": IncreaseRule(IncreaseKind.STEP, 0)}, "above zero"),
        ({"ceiling": -5.0}, "above zero"),
        ({"rest_every_minutes": 0}, "rest break every 1 to 240"),
        ({"rest_every_minutes": 241}, "rest break every 1 to 240"),
        ({"rest_minutes": 0}, "rest break of 1 to 60"),
        ({"baseline": math.nan}, "as a number"),
    ],
)
def test_validate_activity_refuses_with_a_plain_message(changes: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        validate_activity(_activity(**changes))


def test_validate_activity_tidies_name_and_unit() -> None:
    clean = validate_activity(_activity(name="  Walking \n the   dog ", own_unit="laps"))
    assert clean.name == "Walking the dog"
    assert clean.own_unit == ""  # only kept for the person's own unit
    own = validate_activity(_activity(name="Swimming", unit=Unit.OWN, own_unit="  pool  lengths "))
    assert own.own_unit == "pool lengths"
    assert validate_activity(_activity(name="x" * 80, rest_every_minutes=240, rest_minutes=60)).name == "x" * 80


def test_planned_on_uses_weekdays() -> None:
    activity = _activity(planned_days=MON_WED_FRI)
    assert [activity.planned_on(_day(i)) for i in range(7)] == [True, False, True, False, True, False, False]
    assert _activity().timed and not _activity(unit=Unit.PAGES).timed


# --- baselines --------------------------------------------------------------------------------------------


def test_baseline_is_the_mean_of_three_tests_times_point_eight_rounded() -> None:
    calc = baseline_from_tests([_test(12, 0), _test(10, 1), _test(14, 2)], Unit.MINUTES)
    assert calc.method is BaselineMethod.MEAN
    assert calc.inputs == (12, 10, 14)
    assert calc.mean == 12
    assert calc.raw == pytest.approx(9.6)
    assert calc.value == 9.5
    assert calc.factor == 0.8


def test_baseline_uses_the_latest_three_tests_in_time_order() -> None:
    tests = [_test(30, 3), _test(2, 0), _test(20, 2), _test(10, 1, hour=9)]  # given out of order
    calc = baseline_from_tests(tests, Unit.MINUTES)
    assert calc.inputs == (10, 20, 30)
    assert calc.mean == 20 and calc.value == 16.0


@pytest.mark.parametrize(
    ("amounts", "unit", "factor", "mean", "value"),
    [
        ([300, 250, 200], Unit.METRES, 0.8, 250, 200.0),
        ([90, 100, 110], Unit.METRES, 0.8, 100, 80.0),
        ([7, 8, 9], Unit.REPETITIONS, 0.8, 8, 6.0),  # 6.4
        ([3, 3, 4], Unit.PAGES, 0.8, 10 / 3, 3.0),  # 2.67
        ([12, 10, 14], Unit.MINUTES, 0.5, 12, 6.0),
        ([12, 10, 14], Unit.MINUTES, 1.0, 12, 12.0),
        ([1, 1, 1], Unit.MINUTES, 0.8, 1, 1.0),  # 0.8 rounds to 1
        ([0.5, 0.5, 0.5], Unit.MINUTES, 0.8, 0.5, 0.5),  # 0.4: never below one step
    ],
)
def test_baseline_from_tests_arithmetic(
    amounts: list[float], unit: Unit, factor: float, mean: float, value: float
) -> None:
    calc = baseline_from_tests([_test(a, i) for i, a in enumerate(amounts)], unit, factor)
    assert calc.mean == pytest.approx(mean)
    assert calc.raw == pytest.approx(mean * factor)
    assert calc.value == value


@pytest.mark.parametrize("count", [0, 1, 2])
def test_fewer_than_three_tests_give_no_baseline(count: int) -> None:
    with pytest.raises(ValidationError, match="Record 3 tolerance tests first") as caught:
        baseline_from_tests([_test(10, i) for i in range(count)], Unit.MINUTES)
    assert caught.value.params == {"needed": 3, "count": count}


@pytest.mark.parametrize("factor", [0.49, 1.01])
def test_baseline_factor_must_be_a_sensible_share(factor: float) -> None:
    with pytest.raises(ValidationError, match="50 to 100 per cent"):
        baseline_from_tests([_test(10, i) for i in range(3)], Unit.MINUTES, factor)


def test_tests_on_distinct_days() -> None:
    assert pacing.tests_on_distinct_days([_test(1, 0, 9), _test(1, 0, 18), _test(1, 2)]) == 2
    assert pacing.tests_on_distinct_days([]) == 0


@pytest.mark.parametrize(
    ("good", "bad", "unit", "raw", "value"),
    [
        (20, 10, Unit.MINUTES, 15, 15.0),
        (7, 4, Unit.MINUTES, 5.5, 5.5),
        (12, 7, Unit.MINUTES, 9.5, 9.5),
        (8, 1, Unit.MINUTES, 4.5, 4.5),
        (300, 125, Unit.METRES, 212.5, 210.0),
        (5, 2, Unit.PAGES, 3.5, 4.0),  # halves round up
        (6, 6, Unit.REPETITIONS, 6, 6.0),
    ],
)
def test_baseline_good_bad(good: float, bad: float, unit: Unit, raw: float, value: float) -> None:
    calc = baseline_good_bad(good, bad, unit)
    assert calc.method is BaselineMethod.GOOD_BAD
    assert calc.inputs == (good, bad)
    assert calc.raw == raw and calc.value == value


def test_good_bad_refuses_a_bad_day_above_the_good_day_and_nonsense() -> None:
    with pytest.raises(ValidationError, match="bad-day amount should not be more"):
        baseline_good_bad(5, 6, Unit.MINUTES)
    with pytest.raises(ValidationError, match="above zero"):
        baseline_good_bad(5, 0, Unit.MINUTES)


@pytest.mark.parametrize(
    ("start", "unit", "value"),
    [
        (10, Unit.MINUTES, 9.0),
        (20, Unit.MINUTES, 18.0),
        (12, Unit.MINUTES, 10.0),  # 10.8 rounded down
        (11, Unit.MINUTES, 9.5),  # 9.9 rounded down to the half-minute
        (1, Unit.MINUTES, 0.5),  # 0.9 rounded down to nothing: one step, still below
        (0.5, Unit.MINUTES, 0.25),  # one step is not below: half a step
        (0.3, Unit.MINUTES, 0.25),
        (0.2, Unit.MINUTES, 0.18),  # even half a step is not below: 90 %
        (120, Unit.METRES, 100.0),  # 108
        (5, Unit.METRES, 2.5),
        (1, Unit.PAGES, 0.5),
        (0.4, Unit.PAGES, 0.36),
        (10, Unit.REPETITIONS, 9.0),
        (2, Unit.REPETITIONS, 1.0),  # 1.8 rounded down
    ],
)
def test_just_below_is_strictly_below_where_symptoms_start(start: float, unit: Unit, value: float) -> None:
    calc = baseline_just_below(start, unit)
    assert calc.method is BaselineMethod.JUST_BELOW
    assert calc.raw == pytest.approx(start * 0.9)
    assert calc.value == pytest.approx(value)
    assert 0 < calc.value < start


@given(st.floats(min_value=1e-3, max_value=AMOUNT_MAX, allow_nan=False), units)
def test_just_below_is_always_below_and_above_zero(start: float, unit: Unit) -> None:
    value = baseline_just_below(start, unit).value
    assert 0 < value < start


def test_just_below_refuses_nothing() -> None:
    with pytest.raises(ValidationError):
        baseline_just_below(0, Unit.MINUTES)


def test_own_baseline_is_rounded_to_the_unit() -> None:
    calc = baseline_own(7.3, Unit.MINUTES)
    assert (calc.method, calc.inputs, calc.raw, calc.value) == (BaselineMethod.OWN, (7.3,), 7.3, 7.5)
    assert baseline_own(333, Unit.METRES).value == 330.0
    with pytest.raises(ValidationError, match="above zero"):
        baseline_own(0, Unit.MINUTES)


# --- the weekly increase ----------------------------------------------------------------------------------


def test_ten_percent_a_week_from_five_minutes() -> None:
    assert _weeks(5, 12) == [5, 5.5, 6, 6.5, 7, 7.5, 8.5, 9.5, 10, 11, 12, 13]


@pytest.mark.parametrize(
    ("start", "unit", "expected"),
    [
        (2, Unit.MINUTES, [2, 2.5, 3, 3.5]),  # 2.2 rounds back to 2: at least one step instead
        (0.5, Unit.MINUTES, [0.5, 1, 1.5, 2]),
        (3, Unit.REPETITIONS, [3, 4, 5, 6]),
        (20, Unit.METRES, [20, 25, 30, 35]),
        (95, Unit.METRES, [95, 100, 110, 120]),
        (15, Unit.MINUTES, [15, 17, 19, 21]),  # 16.5 rounds up
    ],
)
def test_percent_rule_grows_at_least_one_step_a_week(start: float, unit: Unit, expected: list[float]) -> None:
    assert _weeks(start, len(expected), unit=unit) == expected


def test_percent_rule_with_a_larger_share() -> None:
    assert _weeks(10, 4, IncreaseRule(IncreaseKind.PERCENT, 50)) == [10, 15, 23, 35]  # 22.5 rounds up


@pytest.mark.parametrize(
    ("start", "step", "unit", "expected"),
    [
        (5, 1, Unit.MINUTES, [5, 6, 7, 8]),
        (2, 0.5, Unit.MINUTES, [2, 2.5, 3, 3.5]),
        (9, 0.5, Unit.MINUTES, [9, 9.5, 10, 11]),  # from 10 minutes the half-minute rounds up to a whole one
        (200, 50, Unit.METRES, [200, 250, 300, 350]),
        (10, 2, Unit.PAGES, [10, 12, 14, 16]),
    ],
)
def test_fixed_step_rule(start: float, step: float, unit: Unit, expected: list[float]) -> None:
    assert _weeks(start, len(expected), IncreaseRule(IncreaseKind.STEP, step), unit) == expected


def test_none_rule_keeps_the_same_amount() -> None:
    assert _weeks(7.5, 10, IncreaseRule(IncreaseKind.NONE, 0)) == [7.5] * 10
    assert next_week_amount(7.5, IncreaseRule(IncreaseKind.NONE), Unit.MINUTES) == 7.5


def test_a_ceiling_caps_the_increase() -> None:
    assert _weeks(5, 8, ceiling=7) == [5, 5.5, 6, 6.5, 7, 7, 7, 7]
    assert _weeks(5, 4, IncreaseRule(IncreaseKind.STEP, 2), ceiling=8) == [5, 7, 8, 8]


def test_a_ceiling_below_the_current_amount_never_lowers_it() -> None:
    assert next_week_amount(8, PERCENT, Unit.MINUTES, ceiling=6) == 8
    assert _weeks(8, 4, ceiling=6) == [8, 8, 8, 8]


def test_negative_weeks_are_week_zero() -> None:
    assert amount_after_weeks(5, -3, PERCENT, Unit.MINUTES) == 5


rules = st.one_of(
    st.builds(IncreaseRule, st.just(IncreaseKind.PERCENT), st.floats(min_value=1, max_value=50)),
    st.builds(IncreaseRule, st.just(IncreaseKind.STEP), st.floats(min_value=0.5, max_value=100)),
    st.just(IncreaseRule(IncreaseKind.NONE, 0)),
)


@given(
    st.floats(min_value=0.1, max_value=5000, allow_nan=False),
    rules,
    units,
    st.one_of(st.none(), st.floats(min_value=0, max_value=5000, allow_nan=False)),
)
def test_amount_after_weeks_never_falls_and_keeps_under_a_ceiling(
    raw_start: float, rule: IncreaseRule, unit: Unit, extra: float | None
) -> None:
    start = round_amount(raw_start, unit)
    ceiling = None if extra is None else start + extra
    amounts = _weeks(start, 40, rule, unit, ceiling)
    assert amounts[0] == start
    assert all(a <= b for a, b in itertools.pairwise(amounts))
    if ceiling is not None:
        assert max(amounts) <= ceiling
    if rule.kind is IncreaseKind.PERCENT and ceiling is None:
        assert amounts[1] >= start + step_of(start, unit)  # always at least one step a week


# --- the plan on given days -------------------------------------------------------------------------------


def test_target_on_planned_and_unplanned_days() -> None:
    activity = _activity(planned_days=MON_WED_FRI)
    changes = [_start(5)]
    targets = [target_on(activity, changes, _day(i)) for i in range(16)]
    assert targets == [
        5, None, 5, None, 5, None, None,  # first week
        5.5, None, 5.5, None, 5.5, None, None,  # second week
        6, None,
    ]  # fmt: skip
    assert target_on(activity, changes, _day(6), ignore_days=True) == 5  # Sunday, still week one
    assert target_on(activity, changes, _day(13), ignore_days=True) == 5.5


def test_target_on_before_any_plan_is_none() -> None:
    activity = _activity()
    assert target_on(activity, [], MONDAY) is None
    assert target_on(activity, [_start(5, _day(3))], _day(2), ignore_days=True) is None
    assert target_on(activity, [_start(5, _day(3))], _day(3)) == 5


def test_weeks_count_from_the_plans_own_start_not_from_monday() -> None:
    wednesday = _day(2)
    changes = [_start(5, wednesday)]
    activity = _activity()
    assert target_on(activity, changes, _day(7)) == 5  # next Monday: still the first week of this plan
    assert target_on(activity, changes, _day(8)) == 5  # next Tuesday: the 6th day
    assert target_on(activity, changes, _day(9)) == 5.5  # next Wednesday: a new week
    assert target_on(activity, changes, _day(16)) == 6


def test_the_latest_started_change_applies_and_future_ones_wait() -> None:
    activity = _activity()
    changes = [
        _start(5),
        PlanChange("manual", "walk", _day(10), 8, ChangeKind.MANUAL),
        PlanChange("later", "walk", _day(30), 3, ChangeKind.MANUAL),
    ]
    assert current_change(changes, _day(9)) == changes[0]
    assert current_change(changes, _day(10)) == changes[1]
    assert current_change(changes, _day(-1)) is None
    assert target_on(activity, changes, _day(9)) == 5.5
    assert target_on(activity, changes, _day(10)) == 8
    assert target_on(activity, changes, _day(17)) == 9  # 8.8 rounds up to 9
    assert target_on(activity, changes, _day(30)) == 3


def test_target_on_honours_rule_unit_and_ceiling() -> None:
    activity = _activity(unit=Unit.METRES, increase=IncreaseRule(IncreaseKind.STEP, 50), ceiling=300)
    changes = [_start(200)]
    assert [target_on(activity, changes, _day(7 * w)) for w in range(4)] == [200, 250, 300, 300]


def test_schedule_rows_from_the_current_week() -> None:
    activity = _activity(planned_days=MON_WED_FRI)
    rows = schedule(activity, [_start(5)], _day(10), weeks=3)  # Thursday of the second week
    assert [(r.week_starts, r.amount, r.planned_days) for r in rows] == [
        (_day(7), 5.5, 3),
        (_day(14), 6, 3),
        (_day(21), 6.5, 3),
    ]
    assert len(schedule(activity, [_start(5)], MONDAY)) == 6
    assert schedule(activity, [], MONDAY) == []
    assert schedule(activity, [_start(5, _day(1))], MONDAY) == []


def test_schedule_follows_the_change_in_force() -> None:
    changes = [_start(5), PlanChange("d", "walk", _day(9), 4, ChangeKind.STEP_DOWN, 6.0)]
    rows = schedule(_activity(), changes, _day(10), weeks=2)
    assert [(r.week_starts, r.amount, r.planned_days) for r in rows] == [(_day(9), 4, 7), (_day(16), 4.5, 7)]


# --- step down and back up --------------------------------------------------------------------------------


def test_step_down_to_sixty_percent_and_back_up_to_the_pre_flare_target() -> None:
    activity = _activity()
    changes = [_start(10)]
    day = _day(14)  # week three: 10, 11, 12
    assert target_on(activity, changes, day) == 12
    down = step_down(activity, changes, day, 0.6, new_id="down", flare_id="flare-1")
    assert down == PlanChange("down", "walk", day, 7.0, ChangeKind.STEP_DOWN, 12, "flare-1")  # 7.2 rounded
    changes.append(down)
    assert is_stepped_down(changes, day) and not is_stepped_down(changes, _day(13))
    assert target_on(activity, changes, day) == 7
    assert target_on(activity, changes, _day(21)) == 7.5  # the lowered plan grows as usual
    up = step_up(activity, changes, _day(21), new_id="up")
    assert up == PlanChange("up", "walk", _day(21), 12, ChangeKind.STEP_UP)
    changes.append(up)
    assert not is_stepped_down(changes, _day(21))
    assert target_on(activity, changes, _day(28)) == 13


def test_a_second_step_down_keeps_the_higher_resume_amount() -> None:
    activity = _activity()
    first = step_down(activity, [_start(10)], _day(7), 0.6, new_id="d1", flare_id="f1")
    assert (first.amount, first.resume_amount) == (6.5, 11)  # 11 x 0.6 = 6.6
    changes = [_start(10), first]
    assert target_on(activity, changes, _day(14)) == 7  # 6.5 -> 7.15
    second = step_down(activity, changes, _day(14), 0.6, new_id="d2", flare_id="f2")
    assert second.amount == 4.0  # 7 x 0.6 = 4.2
    assert second.resume_amount == 11  # not 7
    changes.append(second)
    assert step_up(activity, changes, _day(15), new_id="up").amount == 11


def test_step_up_never_lowers_below_todays_target() -> None:
    activity = _activity()
    changes = [_start(10), PlanChange("d", "walk", _day(1), 3, ChangeKind.STEP_DOWN, resume_amount=2)]
    assert step_up(activity, changes, _day(2), new_id="up").amount == 3


def test_step_down_on_an_unplanned_day_uses_the_weeks_target() -> None:
    activity = _activity(planned_days=MON_WED_FRI)
    down = step_down(activity, [_start(10)], _day(6), 0.5, new_id="d", flare_id=None)
    assert (down.amount, down.resume_amount, down.flare_id) == (5, 10, None)


@pytest.mark.parametrize("share", [0.19, 0.91])
def test_step_down_share_must_be_sensible(share: float) -> None:
    with pytest.raises(ValidationError, match="20 to 90 per cent"):
        step_down(_activity(), [_start(10)], MONDAY, share, new_id="d", flare_id=None)


def test_step_down_needs_a_plan() -> None:
    with pytest.raises(ValidationError, match="start a plan"):
        step_down(_activity(), [], MONDAY, 0.6, new_id="d", flare_id=None)
    with pytest.raises(ValidationError, match="start a plan"):
        step_down(_activity(), [_start(10, _day(1))], MONDAY, 0.6, new_id="d", flare_id=None)


@pytest.mark.parametrize(
    "changes",
    [
        [],
        [_start(10)],
        [_start(10), PlanChange("m", "walk", _day(1), 8, ChangeKind.MANUAL)],
        [
            _start(10),
            PlanChange("d", "walk", _day(1), 6, ChangeKind.STEP_DOWN, 10),
            PlanChange("u", "walk", _day(2), 10, ChangeKind.STEP_UP),
        ],
        [_start(10), PlanChange("d", "walk", _day(5), 6, ChangeKind.STEP_DOWN, 10)],  # not yet begun
    ],
)
def test_step_up_without_a_step_down_in_force_is_refused(changes: list[PlanChange]) -> None:
    with pytest.raises(ValidationError, match="nothing to step back up to"):
        step_up(_activity(), changes, _day(3), new_id="up")


# --- planned against done ---------------------------------------------------------------------------------


def _log(amount: float, day: dt.date = MONDAY, activity_id: str = "walk") -> ActivityLog:
    at = dt.datetime.combine(day, dt.time(12), tzinfo=TZ)
    return ActivityLog(f"{activity_id}-{day}-{amount}", activity_id, day, at, amount)


def test_day_progress_adds_up_the_days_logs_for_the_activity() -> None:
    activity = _activity(planned_days=MON_WED_FRI)
    changes = [_start(5)]
    logs = [_log(2), _log(2.5), _log(10, _day(1)), _log(10, activity_id="read")]
    progress = day_progress(activity, changes, logs, MONDAY)
    assert (progress.target, progress.done, progress.remaining) == (5, 4.5, 0.5)
    assert not progress.reached and not progress.over_plan


def test_day_progress_reached_exactly_and_over() -> None:
    activity = _activity()
    changes = [_start(5)]
    reached = day_progress(activity, changes, [_log(2), _log(3)], MONDAY)
    assert reached.reached and not reached.over_plan and reached.remaining == 0
    over = day_progress(activity, changes, [_log(5.5)], MONDAY)
    assert over.reached and over.over_plan and over.remaining == 0
    nothing = day_progress(activity, changes, [], MONDAY)
    assert (nothing.done, nothing.remaining, nothing.reached) == (0, 5, False)


def test_day_progress_on_an_unplanned_day_has_no_target() -> None:
    activity = _activity(planned_days=MON_WED_FRI)
    progress = day_progress(activity, [_start(5)], [_log(3, _day(1))], _day(1))
    assert progress.target is None and progress.done == 3
    assert not progress.reached and not progress.over_plan and progress.remaining == 0
