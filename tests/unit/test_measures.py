"""PEG and the mood screens: scoring, validation and when each is due (the service on the fake unit of work)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from companion import i18n
from companion.domain.checkin import Checkin
from companion.domain.errors import ValidationError
from companion.domain.measures import (
    PEG_FIRST_AFTER_DAYS,
    PEG_INTERVAL_DAYS,
    SCREEN_FIRST_AFTER_DAYS,
    SCREEN_FOLLOW_UP,
    SCREEN_INTERVAL_DAYS,
    Instrument,
    MoodScreen,
    PegResponse,
    is_due,
    next_due,
    validate_peg,
    validate_screen,
)
from companion.domain.support_contacts import MOOD_SUPPORT_CONTACTS
from companion.services.measures import MeasuresService
from tests.helpers.clock import FakeClock
from tests.helpers.fake_uow import FakeDiary

WALES_SUMMER = dt.timezone(dt.timedelta(hours=1))
START = dt.datetime(2026, 11, 2, 9, 30, tzinfo=dt.UTC)


def peg(a: int, b: int, c: int) -> PegResponse:
    return PegResponse("x", START, a, b, c)


# PEG scoring ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("items", "score"),
    [
        ((7, 5, 6), 6.0),
        ((1, 2, 2), 1.7),
        ((0, 0, 1), 0.3),
        ((10, 10, 9), 9.7),
        ((0, 0, 0), 0.0),
        ((10, 10, 10), 10.0),
    ],
)
def test_peg_score_is_the_mean_of_the_three_items_to_one_decimal(items: tuple[int, int, int], score: float) -> None:
    assert peg(*items).score == score


@given(st.tuples(*(st.integers(0, 10),) * 3))
def test_peg_score_stays_on_the_scale_and_within_rounding_of_the_mean(items: tuple[int, int, int]) -> None:
    score = peg(*items).score
    assert 0.0 <= score <= 10.0
    assert abs(score - sum(items) / 3) <= 0.05 + 1e-9
    assert round(score, 1) == score


@pytest.mark.parametrize("bad", [-1, 11, 100, True, False, None, 5.5, "5"])
def test_peg_refuses_out_of_range_bool_and_none_with_a_message(bad: object) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_peg((5, bad, 5))
    assert "0 to 10" in refused.value.message()


def test_peg_accepts_the_ends_of_the_scale() -> None:
    assert validate_peg((0, 10, 0)) == (0, 10, 0)


@pytest.mark.parametrize("bad", [-1, 4, True, None, 1.0])
def test_screen_items_refuse_anything_but_0_to_3(bad: object) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_screen((bad, 1))
    assert refused.value.message() == "Choose one answer for each of the two questions."


# Mood screen threshold --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("items", "suggests"),
    [((0, 0), False), ((1, 1), False), ((2, 0), False), ((1, 2), True), ((0, 3), True), ((3, 3), True)],
)
def test_a_score_of_3_or_more_suggests_talking_to_a_gp(items: tuple[int, int], suggests: bool) -> None:
    screen = MoodScreen("x", Instrument.PHQ2, START, *items)
    assert screen.score == sum(items)
    assert screen.suggests_talking_to_gp is suggests


def test_the_follow_up_never_diagnoses() -> None:
    assert "This is not a diagnosis." in SCREEN_FOLLOW_UP
    for forbidden in ("you have depression", "you have anxiety", "you are depressed"):
        assert forbidden not in SCREEN_FOLLOW_UP.lower()


# When each measure is due -----------------------------------------------------------------------------


def test_nothing_is_due_before_the_diarys_first_check_in() -> None:
    assert next_due(None, PEG_INTERVAL_DAYS) is None
    assert not is_due(None, dt.date(2026, 11, 2), PEG_INTERVAL_DAYS)
    assert not is_due(None, dt.date(2026, 11, 2), SCREEN_INTERVAL_DAYS)


def test_never_answered_is_due_from_the_first_check_in_and_the_mood_check_two_weeks_later() -> None:
    first = dt.date(2026, 11, 2)
    assert next_due(None, PEG_INTERVAL_DAYS, first, PEG_FIRST_AFTER_DAYS) == first
    assert is_due(None, first, PEG_INTERVAL_DAYS, first, PEG_FIRST_AFTER_DAYS)
    assert not is_due(None, first - dt.timedelta(days=1), PEG_INTERVAL_DAYS, first, PEG_FIRST_AFTER_DAYS)
    assert next_due(None, SCREEN_INTERVAL_DAYS, first, SCREEN_FIRST_AFTER_DAYS) == dt.date(2026, 11, 16)
    assert not is_due(None, dt.date(2026, 11, 15), SCREEN_INTERVAL_DAYS, first, SCREEN_FIRST_AFTER_DAYS)
    assert is_due(None, dt.date(2026, 11, 16), SCREEN_INTERVAL_DAYS, first, SCREEN_FIRST_AFTER_DAYS)
    # Once answered, the first check-in no longer counts: the interval does.
    taken = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)
    assert next_due(taken, PEG_INTERVAL_DAYS, first, PEG_FIRST_AFTER_DAYS) == dt.date(2026, 11, 27)


@pytest.mark.parametrize(("days", "due"), [(0, False), (1, False), (6, False), (7, True), (8, True), (30, True)])
def test_peg_is_due_again_after_7_days(days: int, due: bool) -> None:
    taken = dt.datetime(2026, 11, 2, 23, 59, tzinfo=dt.UTC)
    assert is_due(taken, taken.date() + dt.timedelta(days=days), PEG_INTERVAL_DAYS) is due


@pytest.mark.parametrize(
    ("taken", "due_on"),
    [
        (dt.date(2026, 1, 28), dt.date(2026, 2, 4)),  # across a month end
        (dt.date(2026, 2, 25), dt.date(2026, 3, 4)),  # across a short February
        (dt.date(2028, 2, 25), dt.date(2028, 3, 3)),  # across a leap day
        (dt.date(2026, 12, 29), dt.date(2027, 1, 5)),  # across the year end
        (dt.date(2026, 10, 22), dt.date(2026, 10, 29)),  # across the clocks going back
    ],
)
def test_peg_due_dates_across_month_and_year_ends(taken: dt.date, due_on: dt.date) -> None:
    moment = dt.datetime.combine(taken, dt.time(20, 0), tzinfo=WALES_SUMMER)
    assert next_due(moment, PEG_INTERVAL_DAYS) == due_on
    assert not is_due(moment, due_on - dt.timedelta(days=1), PEG_INTERVAL_DAYS)
    assert is_due(moment, due_on, PEG_INTERVAL_DAYS)


def test_mood_screen_is_due_every_28_days_across_a_leap_february() -> None:
    taken = dt.datetime(2028, 2, 1, 10, 0, tzinfo=dt.UTC)
    assert next_due(taken, SCREEN_INTERVAL_DAYS) == dt.date(2028, 2, 29)
    assert not is_due(taken, dt.date(2028, 2, 28), SCREEN_INTERVAL_DAYS)
    assert is_due(taken, dt.date(2028, 2, 29), SCREEN_INTERVAL_DAYS)


# The service, on the fake unit of work (its round trip through a real vault: tests/integration) ---------


@pytest.fixture
def diary() -> FakeDiary:
    return FakeDiary()


@pytest.fixture
def measures(diary: FakeDiary) -> tuple[MeasuresService, FakeClock]:
    clock = FakeClock(dt.datetime(2026, 1, 28, 21, 15, tzinfo=WALES_SUMMER))
    return MeasuresService(diary.unit_of_work, clock), clock


def first_check_in(diary: FakeDiary, at: dt.datetime) -> None:
    with diary.unit_of_work() as uow:
        uow.checkins.add(Checkin("first", at, pain=4), at)
        uow.commit()


def test_peg_is_due_weekly_from_the_last_answer(measures: tuple[MeasuresService, FakeClock], diary: FakeDiary) -> None:
    service, clock = measures
    assert not service.peg_due() and service.next_peg_due() is None  # a new diary asks nothing yet
    first_check_in(diary, clock.now())
    assert service.peg_due() and service.next_peg_due() == dt.date(2026, 1, 28)  # from the first check-in
    response, changes = service.record_peg(7, 5, 6)
    assert changes.measures and response.taken_at == clock.now() and response.score == 6.0
    assert not service.peg_due() and service.next_peg_due() == dt.date(2026, 2, 4)
    clock.advance(days=6)
    assert not service.peg_due()
    clock.advance(days=1)
    assert service.peg_due()


def test_refused_peg_answers_save_nothing(measures: tuple[MeasuresService, FakeClock]) -> None:
    service, _clock = measures
    with pytest.raises(ValidationError) as refused:
        service.record_peg(5, 11, 5)
    assert "0 to 10" in refused.value.message()
    with pytest.raises(ValidationError):
        service.record_peg(True, 5, 5)
    assert service.peg_history() == []


def test_mood_screens_are_due_every_28_days(measures: tuple[MeasuresService, FakeClock], diary: FakeDiary) -> None:
    service, clock = measures
    assert not service.screen_due()  # a new diary: not before its first check-in
    first_check_in(diary, clock.now())
    clock.advance(days=13)
    assert not service.screen_due()  # nor in its first two weeks (the questions ask about 2 weeks)
    clock.advance(days=1)
    assert service.screen_due()
    phq, _ = service.record_screen(Instrument.PHQ2, 1, 2)
    gad, _ = service.record_screen(Instrument.GAD2, 0, 1)
    assert phq.suggests_talking_to_gp and not gad.suggests_talking_to_gp
    clock.advance(days=27)
    assert not service.screen_due()
    clock.advance(days=1)
    assert service.screen_due()
    with pytest.raises(ValidationError):
        service.record_screen(Instrument.GAD2, 4, 0)
    assert [s.id for s in service.screens(Instrument.GAD2)] == [gad.id]


def test_correcting_the_latest_peg_keeps_its_week_and_the_numbers_it_had(
    measures: tuple[MeasuresService, FakeClock],
) -> None:
    service, clock = measures
    with pytest.raises(ValidationError) as nothing:
        service.correct_latest_peg(1, 2, 3)
    assert nothing.value.message() == "There is no weekly check to correct yet."
    first, _ = service.record_peg(2, 2, 2)
    clock.advance(days=7)
    latest, _ = service.record_peg(7, 5, 6)  # 7 pressed instead of 1
    clock.advance(days=2)
    i18n.set_language("cy")  # corrected while reading the Welsh wording
    try:
        corrected, changes = service.correct_latest_peg(1, 5, 6)
    finally:
        i18n.set_language("en")
    assert changes.measures and (latest.language, corrected.language) == ("en", "cy")
    # The same answer (its id and its week), with the new number; 12 / 3 = 4.0 by hand.
    assert (corrected.id, corrected.taken_at, corrected.score) == (latest.id, latest.taken_at, 4.0)
    assert service.next_peg_due() == latest.taken_at.date() + dt.timedelta(days=7)  # the week did not move
    assert [(r.id, r.pain_average) for r in service.peg_history()] == [(first.id, 2), (latest.id, 1)]
    (correction,) = service.peg_corrections()
    assert (correction.peg_id, correction.before, correction.corrected_at) == (latest.id, (7, 5, 6), clock.now())
    assert service.peg_corrections(first.id) == []
    with pytest.raises(ValidationError):
        service.correct_latest_peg(1, 11, 6)
    same, unchanged = service.correct_latest_peg(1, 5, 6)  # nothing different: nothing written
    assert same == corrected and not unchanged and len(service.peg_corrections()) == 1


# Support contacts -------------------------------------------------------------------------------------


def test_support_contacts_are_the_established_ones_with_sources() -> None:
    by_key = {c.key: c for c in MOOD_SUPPORT_CONTACTS}
    assert list(by_key) == ["emergency", "nhs111", "samaritans", "call", "gp"]  # 999 first
    assert by_key["samaritans"].phone == "116 123"
    assert by_key["samaritans"].welsh_language_phone == "0808 164 0123"
    assert by_key["call"].phone == "0800 132 737"
    assert by_key["nhs111"].phone == "111" and "option 2" in by_key["nhs111"].how
    assert by_key["emergency"].how == "In an emergency, call 999."
    assert "tell the receptionist it is urgent" in by_key["gp"].how
    for contact in MOOD_SUPPORT_CONTACTS:
        assert contact.source and contact.checked == "2026-11"
        assert "diagnos" not in contact.how.lower()


def test_support_contact_names_use_the_services_own_welsh_name() -> None:
    call = next(c for c in MOOD_SUPPORT_CONTACTS if c.key == "call")
    assert call.display_name("cy") == "Llinell Gymorth CALL"
    assert call.display_name("en") == "CALL Mental Health Listening Line for Wales"
    gp = next(c for c in MOOD_SUPPORT_CONTACTS if c.key == "gp")
    assert gp.display_name("en") == "Your GP surgery"
    assert gp.display_name("cy") == i18n.translate_in("cy", "Your GP surgery")
