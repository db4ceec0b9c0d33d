"""Goals, weekly action plans and their completion rates (companion/domain/goals.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from companion.domain.errors import ValidationError
from companion.domain.goals import (
    ALL_DAYS,
    TEXT_MAX_CHARS,
    TITLE_MAX_CHARS,
    ActionPlan,
    CheckBack,
    CheckBackOutcome,
    Completion,
    Goal,
    GoalRating,
    GoalStatus,
    GoalStep,
    clean_text,
    completion,
    completion_over,
    suggests_smaller,
    validate_goal,
    validate_plan,
    validate_rating,
    week_start,
)

MONDAY = dt.date(2026, 3, 2)
TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY = (MONDAY + dt.timedelta(days=n) for n in range(1, 7))
NEXT_MONDAY = MONDAY + dt.timedelta(days=7)


def _day(n: int, monday: dt.date = MONDAY) -> dt.date:
    return monday + dt.timedelta(days=n)


def _plan(
    days: set[int] | frozenset[int] = ALL_DAYS,
    ticked: set[dt.date] | frozenset[dt.date] = frozenset(),
    monday: dt.date = MONDAY,
    **fields: object,
) -> ActionPlan:
    values: dict[str, object] = {"what": "Walk to the end of the road", "confidence": 7}
    values.update(fields)
    return ActionPlan("plan", monday, days=frozenset(days), ticked=frozenset(ticked), **values)  # type: ignore[arg-type]


def _message(caught: pytest.ExceptionInfo[ValidationError]) -> str:
    return caught.value.message()


# --- completion of one plan -------------------------------------------------------------------------------


def test_completion_counts_ticked_planned_days_against_planned_days() -> None:
    plan = _plan({0, 2, 4}, {MONDAY, WEDNESDAY})  # Mon, Wed, Fri planned; Fri not done
    done = completion(plan)
    assert done == Completion(planned=3, ticked=2, extra=0)
    assert done.rate == pytest.approx(2 / 3)


def test_a_tick_on_an_unplanned_day_is_extra_and_never_lifts_the_rate_above_100_percent() -> None:
    plan = _plan({0}, {_day(n) for n in range(7)})  # one planned day, every day ticked
    done = completion(plan)
    assert done == Completion(planned=1, ticked=1, extra=6)
    assert done.rate == 1.0
    only_extra = completion(_plan({0, 1}, {SATURDAY, SUNDAY}))
    assert only_extra == Completion(planned=2, ticked=0, extra=2)
    assert only_extra.rate == 0.0


def test_as_of_counts_only_planned_days_so_far() -> None:
    plan = _plan({0, 2, 4}, {MONDAY, WEDNESDAY})
    assert completion(plan, as_of=MONDAY) == Completion(1, 1, 0)
    assert completion(plan, as_of=TUESDAY) == Completion(1, 1, 0)
    assert completion(plan, as_of=WEDNESDAY) == Completion(2, 2, 0)
    assert completion(plan, as_of=WEDNESDAY).rate == 1.0  # Friday has not happened yet: not a miss
    assert completion(plan, as_of=FRIDAY) == Completion(3, 2, 0)
    assert completion(plan, as_of=NEXT_MONDAY + dt.timedelta(days=30)) == completion(plan)  # week over: all days


def test_before_the_week_starts_nothing_is_planned_yet_and_there_is_no_rate() -> None:
    plan = _plan({0, 2, 4})
    before = completion(plan, as_of=MONDAY - dt.timedelta(days=1))
    assert before == Completion(0, 0, 0)
    assert before.rate is None


def test_extra_ticks_after_as_of_are_not_counted() -> None:
    plan = _plan({0}, {MONDAY, TUESDAY, SATURDAY})
    assert completion(plan, as_of=TUESDAY) == Completion(1, 1, 1)  # Saturday's tick is not counted yet
    assert completion(plan) == Completion(1, 1, 2)


def test_a_week_with_no_ticks_is_zero_not_none() -> None:
    done = completion(_plan({1, 3}))
    assert done == Completion(2, 0, 0)
    assert done.rate == 0.0


# --- completion over several plans and a date range -------------------------------------------------------


def test_completion_over_adds_up_plans_across_weeks() -> None:
    first = _plan({0, 1, 2}, {MONDAY, TUESDAY, SATURDAY})  # 2 of 3, one extra
    second = _plan({0, 2, 4, 6}, {NEXT_MONDAY, _day(2, NEXT_MONDAY)}, monday=NEXT_MONDAY)  # 2 of 4
    total = completion_over([first, second], MONDAY, _day(6, NEXT_MONDAY))
    assert total == Completion(planned=7, ticked=4, extra=1)
    assert total.rate == pytest.approx(4 / 7)
    assert completion_over([], MONDAY, SUNDAY) == Completion(0, 0, 0)


def test_completion_over_a_range_that_cuts_a_week_counts_only_days_inside_it() -> None:
    first = _plan({0, 2, 4}, {MONDAY, WEDNESDAY, THURSDAY, FRIDAY})  # Thursday is extra
    second = _plan({0, 1}, {NEXT_MONDAY}, monday=NEXT_MONDAY)
    # Wednesday to next Monday: first week's Wed and Fri (both ticked, Thursday extra), next Monday (ticked)
    assert completion_over([first, second], WEDNESDAY, NEXT_MONDAY) == Completion(3, 3, 1)
    # Thursday only: nothing planned, one extra tick
    thursday = completion_over([first, second], THURSDAY, THURSDAY)
    assert thursday == Completion(0, 0, 1)
    assert thursday.rate is None
    # next Tuesday only: planned and not ticked
    assert completion_over([first, second], _day(1, NEXT_MONDAY), _day(1, NEXT_MONDAY)) == Completion(1, 0, 0)


def test_completion_over_the_whole_week_equals_completion_of_the_plan() -> None:
    plan = _plan({1, 3, 5}, {TUESDAY, SATURDAY, SUNDAY})
    assert completion_over([plan], MONDAY, SUNDAY) == completion(plan)


def test_plans_outside_the_range_add_nothing() -> None:
    plan = _plan({0, 1, 2}, {MONDAY, TUESDAY, WEDNESDAY})
    assert completion_over([plan], NEXT_MONDAY, NEXT_MONDAY + dt.timedelta(days=6)) == Completion(0, 0, 0)
    assert completion_over([plan], MONDAY - dt.timedelta(days=7), MONDAY - dt.timedelta(days=1)) == Completion(0, 0, 0)


# --- confidence ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("confidence", range(0, 7))
def test_confidence_below_7_suggests_a_smaller_plan(confidence: int) -> None:
    assert suggests_smaller(confidence)


@pytest.mark.parametrize("confidence", range(7, 11))
def test_confidence_of_7_or_more_does_not(confidence: int) -> None:
    assert not suggests_smaller(confidence)


# --- plan validation -------------------------------------------------------------------------------------


def test_a_valid_plan_is_cleaned_and_kept() -> None:
    check = CheckBack(CheckBackOutcome.PARTLY, "rain", "shorter walk")
    plan = validate_plan(
        _plan(
            {0, 3},
            {MONDAY},
            what="  Walk\x00 to the shop  ",
            how_much=" 10 minutes ",
            when=" after lunch ",
            confidence=8,
            goal_id="goal-1",
            check_back=check,
        )
    )
    assert (plan.what, plan.how_much, plan.when) == ("Walk to the shop", "10 minutes", "after lunch")
    assert (plan.days, plan.confidence, plan.goal_id, plan.ticked) == (frozenset({0, 3}), 8, "goal-1", {MONDAY})
    assert plan.check_back == check and not plan.needs_check_back
    assert plan.planned_dates == [MONDAY, THURSDAY]


@pytest.mark.parametrize("what", ["", "   ", "\x00", "\n\t "])
def test_a_plan_needs_to_say_what(what: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_plan(_plan(what=what))
    assert _message(caught) == "Say what you will do, such as Walk to the end of the road."


def test_a_plan_whose_what_is_too_long_is_refused_with_the_count() -> None:
    limit = TITLE_MAX_CHARS * 2
    assert validate_plan(_plan(what="w" * limit)).what == "w" * limit
    with pytest.raises(ValidationError) as caught:
        validate_plan(_plan(what="w" * (limit + 1)))
    assert _message(caught) == (
        f"That text is too long ({limit + 1} characters). Shorten it to {limit} characters or fewer."
    )


@pytest.mark.parametrize("days", [set(), {7}, {0, 7}, {-1}])
def test_a_plan_needs_at_least_one_real_day(days: set[int]) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_plan(_plan(days))
    assert _message(caught) == "Choose at least one day for the plan."


@pytest.mark.parametrize("confidence", [-1, 11, 100, True, False])
def test_confidence_must_be_a_whole_number_from_0_to_10(confidence: int) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_plan(_plan(confidence=confidence))
    assert _message(caught) == "Choose how confident you are, from 0 to 10."


@pytest.mark.parametrize("confidence", [0, 6, 7, 10])
def test_confidence_at_the_ends_is_accepted(confidence: int) -> None:
    assert validate_plan(_plan(confidence=confidence)).confidence == confidence


@pytest.mark.parametrize("offset", range(1, 7))
def test_a_plan_must_start_on_a_monday(offset: int) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_plan(_plan(monday=_day(offset)))
    assert _message(caught) == "A weekly plan starts on a Monday."


def test_ticks_outside_the_plans_week_are_dropped() -> None:
    ticks = {MONDAY - dt.timedelta(days=1), MONDAY, SUNDAY, NEXT_MONDAY, dt.date(2020, 1, 1)}
    assert validate_plan(_plan({0, 6}, ticks)).ticked == {MONDAY, SUNDAY}


def test_a_new_plan_needs_a_check_back() -> None:
    plan = _plan()
    assert plan.needs_check_back
    assert plan.planned_dates == [_day(n) for n in range(7)]


# --- week_start ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("offset", range(7))
def test_week_start_is_the_monday_of_every_day_of_the_week(offset: int) -> None:
    assert week_start(_day(offset)) == MONDAY
    assert week_start(_day(offset, NEXT_MONDAY)) == NEXT_MONDAY


@pytest.mark.parametrize(
    ("day", "monday"),
    [
        (dt.date(2026, 1, 1), dt.date(2025, 12, 29)),  # a Thursday: the week starts in the year before
        (dt.date(2024, 3, 3), dt.date(2024, 2, 26)),  # a Sunday after 29 February
        (dt.date(2024, 2, 29), dt.date(2024, 2, 26)),
    ],
)
def test_week_start_across_month_and_year_ends(day: dt.date, monday: dt.date) -> None:
    assert week_start(day) == monday
    assert week_start(day).weekday() == 0


# --- goals -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("title", ["", "   ", "\x00\x00", "\n"])
def test_a_goal_needs_a_title(title: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_goal(Goal("g", title))
    assert _message(caught) == "Give the goal a short title, such as Walk to the shop."


def test_a_goal_title_longer_than_the_limit_is_refused() -> None:
    assert validate_goal(Goal("g", "t" * TITLE_MAX_CHARS)).title == "t" * TITLE_MAX_CHARS
    with pytest.raises(ValidationError) as caught:
        validate_goal(Goal("g", "t" * (TITLE_MAX_CHARS + 1)))
    assert _message(caught) == f"That title is too long. Use {TITLE_MAX_CHARS} characters or fewer."


def test_a_goal_title_is_measured_after_its_spaces_are_tidied() -> None:
    padded = "   " + "t" * TITLE_MAX_CHARS + "\n\n"
    assert validate_goal(Goal("g", padded)).title == "t" * TITLE_MAX_CHARS
    assert validate_goal(Goal("g", "  Walk   to\nthe\tsiop ŵ 🚶 ")).title == "Walk to the siop ŵ 🚶"


def test_blank_steps_are_dropped_and_the_rest_kept_in_order() -> None:
    done = dt.date(2026, 3, 4)
    goal = Goal(
        "g",
        "Walk to the shop",
        why="  To see people  ",
        target_date=dt.date(2026, 6, 1),
        status=GoalStatus.PAUSED,
        steps=(
            GoalStep("s1", " Walk to the gate ", done),
            GoalStep("s2", "   "),
            GoalStep("s3", ""),
            GoalStep("s4", "Walk to the corner"),
        ),
        ratings=(GoalRating(dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC), 3),),
    )
    clean = validate_goal(goal)
    assert [(s.id, s.text, s.done_on) for s in clean.steps] == [
        ("s1", "Walk to the gate", done),
        ("s4", "Walk to the corner", None),
    ]
    assert (clean.why, clean.target_date, clean.status, clean.ratings) == (
        "To see people",
        dt.date(2026, 6, 1),
        GoalStatus.PAUSED,
        goal.ratings,
    )
    assert clean.steps_done == 1
    assert clean.latest_rating == 3


def test_a_step_longer_than_its_limit_is_refused() -> None:
    limit = TITLE_MAX_CHARS * 2
    assert validate_goal(Goal("g", "Goal", steps=(GoalStep("s", "x" * limit),))).steps[0].text == "x" * limit
    with pytest.raises(ValidationError) as caught:
        validate_goal(Goal("g", "Goal", steps=(GoalStep("s", "x" * (limit + 1)),)))
    assert f"Shorten it to {limit} characters" in _message(caught)


def test_goal_steps_done_and_latest_rating() -> None:
    when = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)
    goal = Goal(
        "g",
        "Goal",
        steps=(GoalStep("a", "a", MONDAY), GoalStep("b", "b"), GoalStep("c", "c", TUESDAY)),
        ratings=(GoalRating(when, 2), GoalRating(when + dt.timedelta(days=7), 5)),
    )
    assert goal.steps_done == 2
    assert [s.done for s in goal.steps] == [True, False, True]
    assert goal.latest_rating == 5
    assert Goal("g", "Goal").latest_rating is None
    assert Goal("g", "Goal").steps_done == 0


# --- clean_text and ratings ------------------------------------------------------------------------------


def test_clean_text_strips_and_removes_nul_characters() -> None:
    assert clean_text(None) == ""
    assert clean_text("") == ""
    assert clean_text("  Gwres a gorffwys 🔥\n") == "Gwres a gorffwys 🔥"
    assert clean_text("a\x00b") == "ab"
    assert clean_text("line one\n\nline two") == "line one\n\nline two"  # inner new lines are kept


def test_clean_text_limit_is_inclusive_and_counted_after_stripping() -> None:
    assert clean_text("x" * TEXT_MAX_CHARS) == "x" * TEXT_MAX_CHARS
    assert clean_text("  " + "x" * TEXT_MAX_CHARS + "  ") == "x" * TEXT_MAX_CHARS
    assert clean_text("ŵ" * 10, limit=10) == "ŵ" * 10  # characters, not bytes
    with pytest.raises(ValidationError) as caught:
        clean_text("x" * (TEXT_MAX_CHARS + 1))
    assert _message(caught) == (
        f"That text is too long ({TEXT_MAX_CHARS + 1} characters). Shorten it to {TEXT_MAX_CHARS} characters or fewer."
    )
    with pytest.raises(ValidationError) as small:
        clean_text("abcdef", limit=5)
    assert _message(small) == "That text is too long (6 characters). Shorten it to 5 characters or fewer."


@pytest.mark.parametrize("value", range(11))
def test_validate_rating_accepts_0_to_10(value: int) -> None:
    assert validate_rating(value) == value


@pytest.mark.parametrize("value", [-1, 11, True, 5.0, "5", None])
def test_validate_rating_refuses_anything_else(value: object) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_rating(value)  # type: ignore[arg-type]
    assert _message(caught) == "Choose a number from 0 to 10."


# --- properties ------------------------------------------------------------------------------------------

week_days = st.frozensets(st.integers(0, 6))
some_days = st.frozensets(st.integers(0, 6), min_size=1)
as_of_dates = st.none() | st.dates(MONDAY - dt.timedelta(days=3), NEXT_MONDAY + dt.timedelta(days=3))


@given(some_days, week_days, as_of_dates)
def test_rate_is_between_0_and_1_and_none_only_when_nothing_is_planned(
    days: frozenset[int], ticked_days: frozenset[int], as_of: dt.date | None
) -> None:
    plan = _plan(days, {_day(n) for n in ticked_days})
    done = completion(plan, as_of)
    assert 0 <= done.ticked <= done.planned <= len(days)
    assert done.ticked + done.extra <= len(ticked_days)
    if done.planned == 0:
        assert done.rate is None
    else:
        assert done.rate is not None and 0.0 <= done.rate <= 1.0


@given(some_days, week_days, st.integers(0, 6), as_of_dates)
def test_ticking_another_day_never_lowers_completion(
    days: frozenset[int], ticked_days: frozenset[int], new_day: int, as_of: dt.date | None
) -> None:
    before_plan = _plan(days, {_day(n) for n in ticked_days})
    after_plan = _plan(days, {_day(n) for n in ticked_days | {new_day}})
    before, after = completion(before_plan, as_of), completion(after_plan, as_of)
    assert after.planned == before.planned
    assert after.ticked >= before.ticked
    assert after.extra >= before.extra
    if before.rate is not None:
        assert after.rate is not None and after.rate >= before.rate
    if new_day not in days:  # an unplanned tick never moves the rate
        assert after.rate == before.rate
    over_before = completion_over([before_plan], MONDAY, SUNDAY)
    over_after = completion_over([after_plan], MONDAY, SUNDAY)
    assert over_after.ticked >= over_before.ticked and over_after.planned == over_before.planned


@given(
    st.lists(st.tuples(st.integers(0, 3), some_days, week_days), max_size=4),
    st.integers(0, 27),
    st.integers(0, 27),
)
def test_completion_over_is_the_sum_of_its_days(
    specs: list[tuple[int, frozenset[int], frozenset[int]]], a: int, b: int
) -> None:
    plans = [_plan(days, {_day(n, _day(7 * w)) for n in ticked}, monday=_day(7 * w)) for w, days, ticked in specs]
    start, end = _day(min(a, b)), _day(max(a, b))
    total = completion_over(plans, start, end)
    by_day = [completion_over(plans, _day(d), _day(d)) for d in range(min(a, b), max(a, b) + 1)]
    assert total == Completion(
        sum(c.planned for c in by_day), sum(c.ticked for c in by_day), sum(c.extra for c in by_day)
    )
    assert total.rate is None or 0.0 <= total.rate <= 1.0
