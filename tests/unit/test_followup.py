"""The follow-up watcher's rules at their boundaries (docs/follow-up.md): exactly 30 %, exactly N days,
exactly the level, exactly the number of weeks; expected values worked out by hand in each comment."""

from __future__ import annotations

import datetime as dt

from companion.domain.appointments import Appointment, FollowUpReason, FollowUpRule
from companion.domain.flare import FlareEpisode
from companion.domain.followup import (
    DiaryReadings,
    flare_longer_since,
    new_region_since,
    notices,
    pain_above_since,
    peg_rise_since,
)

UTC = dt.UTC
APPT = dt.datetime(2026, 3, 2, 10, 0, tzinfo=UTC)  # a Monday


def at(days: float, hour: int = 12) -> dt.datetime:
    return dt.datetime(2026, 3, 2, hour, tzinfo=UTC) + dt.timedelta(days=days)


# --- PEG up by at least 30 % for three weeks -------------------------------------------------------------


def test_peg_exactly_30_percent_above_for_three_weekly_answers_is_met() -> None:
    # Reference 10 (item sum; a PEG of 3.3). 30 % above is 13: 13 * 10 = 130 >= 10 * 13 = 130.
    peg = [(at(-3), 10), (at(7), 13), (at(14), 13), (at(21), 13)]
    assert peg_rise_since(peg, APPT) == at(7).date()


def test_peg_just_under_30_percent_is_not_met() -> None:
    # 12 is 20 % above 10; 13 would be 30 %. The run has only the last two answers.
    peg = [(at(-3), 10), (at(7), 12), (at(14), 13), (at(21), 13)]
    assert peg_rise_since(peg, APPT) is None


def test_peg_run_needs_three_answers_fourteen_days_apart() -> None:
    # Three answers exactly 14 days from first to last: met. 13 days: not three weeks.
    assert peg_rise_since([(at(-3), 10), (at(1), 15), (at(7), 15), (at(15), 15)], APPT) == at(1).date()
    assert peg_rise_since([(at(-3), 10), (at(8), 15), (at(14), 15), (at(21), 15)], APPT) is None
    # Two answers 14 days apart: too few.
    assert peg_rise_since([(at(-3), 10), (at(7), 15), (at(21), 15)], APPT) is None


def test_peg_run_must_reach_the_latest_answer() -> None:
    # A rise that fell back at the last answer is no longer so.
    peg = [(at(-3), 10), (at(7), 15), (at(14), 15), (at(21), 15), (at(28), 11)]
    assert peg_rise_since(peg, APPT) is None


def test_peg_without_an_earlier_answer_uses_the_first_after_and_a_zero_reference_waits() -> None:
    # No PEG before: the first after (10) is the reference and is not part of the run.
    assert peg_rise_since([(at(1), 10), (at(8), 13), (at(15), 13), (at(22), 13)], APPT) == at(8).date()
    assert peg_rise_since([(at(-1), 0), (at(8), 13), (at(15), 13), (at(22), 13)], APPT) is None
    assert peg_rise_since([], APPT) is None


# --- a flare longer than N days ---------------------------------------------------------------------------


def test_flare_of_exactly_n_days_is_not_longer_and_one_minute_more_is() -> None:
    start = at(1)
    exact = FlareEpisode("f1", start, start + dt.timedelta(days=5))
    longer = FlareEpisode("f2", start, start + dt.timedelta(days=5, minutes=1))
    now = at(30)
    assert flare_longer_since([exact], APPT, 5, now) is None
    assert flare_longer_since([longer], APPT, 5, now) == (start + dt.timedelta(days=5)).date()


def test_an_ongoing_flare_counts_to_now_and_one_before_the_appointment_does_not_count() -> None:
    ongoing = FlareEpisode("f1", at(2), None)
    assert flare_longer_since([ongoing], APPT, 5, at(7)) is None  # exactly 5 days at noon
    assert flare_longer_since([ongoing], APPT, 5, at(7) + dt.timedelta(seconds=1)) == at(7).date()
    before = FlareEpisode("f0", APPT - dt.timedelta(days=1), None)
    assert flare_longer_since([before], APPT, 5, at(30)) is None


# --- average pain above N for N weeks ---------------------------------------------------------------------


def days_from(first: dt.date, scores: list[float]) -> dict[dt.date, float]:
    return {first + dt.timedelta(days=i): s for i, s in enumerate(scores)}


def test_average_exactly_at_the_level_is_not_above() -> None:
    # Two weeks ending on 15 March (today): 2-8 March and 9-15 March, each day 6.0: mean 6.0, not above 6.
    today = dt.date(2026, 3, 15)
    pain = days_from(dt.date(2026, 3, 2), [6.0] * 14)
    assert pain_above_since(pain, APPT, 6, 2, today) is None
    # One day of 7 in each week: (6 * 6 + 7) / 7 = 6.14 > 6.
    pain[dt.date(2026, 3, 4)] = pain[dt.date(2026, 3, 11)] = 7.0
    assert pain_above_since(pain, APPT, 6, 2, today) == dt.date(2026, 3, 2)


def test_weeks_are_counted_exactly_and_need_three_scored_days() -> None:
    today = dt.date(2026, 3, 15)
    high = days_from(dt.date(2026, 3, 2), [8.0] * 14)
    assert pain_above_since(high, APPT, 6, 2, today) == dt.date(2026, 3, 2)
    assert pain_above_since(high, APPT, 6, 3, today) is None  # a third week would start before the appointment
    sparse = {d: v for d, v in high.items() if d.day in (9, 10, 11, 2, 3, 4)}
    assert pain_above_since(sparse, APPT, 6, 2, today) == dt.date(2026, 3, 2)  # three days each week
    del sparse[dt.date(2026, 3, 11)]
    assert pain_above_since(sparse, APPT, 6, 1, today) is None  # the latest week has two scored days


# --- a new body region ------------------------------------------------------------------------------------


def test_a_region_first_named_after_the_appointment_is_new() -> None:
    regions = [
        (at(-10), frozenset({"lower_back"})),
        (at(3), frozenset({"lower_back"})),
        (at(5), frozenset({"lower_back", "left_shoulder"})),
    ]
    assert new_region_since(regions, APPT) == at(5).date()
    assert new_region_since(regions[:2], APPT) is None
    # Named at the appointment's own moment counts as before.
    assert new_region_since([(APPT, frozenset({"neck"})), (at(2), frozenset({"neck"}))], APPT) is None


# --- notices ----------------------------------------------------------------------------------------------


def test_notices_repeat_the_persons_words_and_stop_after_a_later_appointment_with_the_same_person() -> None:
    reason = FollowUpReason("r1", "if it spreads to my shoulder", FollowUpRule.NEW_REGION)
    first = Appointment("a1", APPT, who="Dr Rees", contact="01234 567890", attended=True, reasons=(reason,))
    readings = DiaryReadings({}, [], [], [(at(-1), frozenset({"lower_back"})), (at(4), frozenset({"neck"}))])
    found = notices([first], readings, at(10))
    assert [(n.reason.words, n.since, n.appointment.contact) for n in found] == [
        ("if it spreads to my shoulder", at(4).date(), "01234 567890")
    ]
    later = Appointment("a2", at(8), who="dr rees", attended=True)
    assert notices([first, later], readings, at(10)) == []
    dismissed = Appointment(
        "a1",
        APPT,
        who="Dr Rees",
        attended=True,
        reasons=(FollowUpReason("r1", "if it spreads", FollowUpRule.NEW_REGION, dismissed_on=at(9).date()),),
    )
    assert notices([dismissed], readings, at(10)) == []
    words_only = Appointment("a1", APPT, who="Dr Rees", attended=True, reasons=(FollowUpReason("r2", "if I worry"),))
    assert notices([words_only], readings, at(10)) == []
