"""Medicines as recorded: periods, review dates, validation, as-needed doses and what I've tried
(companion/domain/medicines.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from companion.domain.errors import ValidationError
from companion.domain.goals import TEXT_MAX_CHARS, TITLE_MAX_CHARS
from companion.domain.medicines import (
    Dose,
    Medicine,
    MedicineKind,
    ReviewGroup,
    Tried,
    doses_per_day,
    review_due,
    review_due_on,
    validate_medicine,
    validate_tried,
)

D = dt.date
START, STOP = D(2026, 3, 10), D(2026, 3, 20)
DAY = dt.timedelta(days=1)
TZ = dt.timezone(dt.timedelta(hours=1))


def _med(**fields: object) -> Medicine:
    return Medicine("m", fields.pop("name", "Naproxen"), **fields)  # type: ignore[arg-type]


def _message(caught: pytest.ExceptionInfo[ValidationError]) -> str:
    return caught.value.message()


# --- periods ---------------------------------------------------------------------------------------------


def test_taking_on_is_inclusive_of_the_start_and_stop_days() -> None:
    med = _med(started_on=START, stopped_on=STOP)
    assert not med.taking_on(START - DAY)
    assert med.taking_on(START)
    assert med.taking_on(START + DAY)
    assert med.taking_on(STOP)
    assert not med.taking_on(STOP + DAY)


def test_taking_on_with_an_unknown_start_or_stop() -> None:
    no_start = _med(stopped_on=STOP)  # started before anything recorded
    assert no_start.taking_on(D(1950, 1, 1)) and no_start.taking_on(STOP) and not no_start.taking_on(STOP + DAY)
    no_stop = _med(started_on=START)  # still taking it
    assert not no_stop.taking_on(START - DAY) and no_stop.taking_on(START) and no_stop.taking_on(D(2100, 1, 1))
    neither = _med()
    assert neither.taking_on(D(1900, 1, 1)) and neither.taking_on(D(2200, 12, 31))


def test_a_medicine_started_and_stopped_the_same_day_is_taken_on_that_day_only() -> None:
    med = _med(started_on=START, stopped_on=START)
    assert [med.taking_on(START + n * DAY) for n in (-1, 0, 1)] == [False, True, False]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2026, 3, 1), START - DAY, False),  # ends the day before it started
        (D(2026, 3, 1), START, True),  # ends on the start day
        (START, STOP, True),
        (D(2026, 3, 12), D(2026, 3, 14), True),  # inside
        (D(2026, 1, 1), D(2026, 12, 31), True),  # around
        (STOP, D(2026, 4, 1), True),  # begins on the stop day
        (STOP + DAY, D(2026, 4, 1), False),  # begins the day after it stopped
    ],
)
def test_overlaps_is_inclusive_at_both_ends(start: dt.date, end: dt.date, expected: bool) -> None:
    assert _med(started_on=START, stopped_on=STOP).overlaps(start, end) is expected


def test_overlaps_with_an_unknown_start_or_stop() -> None:
    no_start = _med(stopped_on=STOP)
    assert no_start.overlaps(D(1900, 1, 1), D(1900, 1, 2))
    assert no_start.overlaps(STOP, STOP)
    assert not no_start.overlaps(STOP + DAY, STOP + 5 * DAY)
    no_stop = _med(started_on=START)
    assert no_stop.overlaps(D(2200, 1, 1), D(2200, 12, 31))
    assert no_stop.overlaps(START, START)
    assert not no_stop.overlaps(START - 5 * DAY, START - DAY)
    assert _med().overlaps(dt.date.min, dt.date.min) and _med().overlaps(dt.date.max, dt.date.max)


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (START, START, True),
        (STOP, STOP, True),
        (START - 5 * DAY, START - DAY, False),
        (START + DAY, STOP - DAY, False),  # taking it throughout, but nothing changed
        (STOP + DAY, STOP + 5 * DAY, False),
        (D(2026, 1, 1), D(2026, 12, 31), True),
    ],
)
def test_changed_within_means_started_or_stopped_in_the_range(start: dt.date, end: dt.date, expected: bool) -> None:
    assert _med(started_on=START, stopped_on=STOP).changed_within(start, end) is expected


def test_changed_within_with_unknown_dates() -> None:
    assert not _med().changed_within(dt.date.min, dt.date.max)
    assert _med(started_on=START).changed_within(START, START)
    assert not _med(started_on=START).changed_within(STOP, STOP)
    assert _med(stopped_on=STOP).changed_within(STOP, STOP)


# --- review dates ----------------------------------------------------------------------------------------


def test_the_review_date_the_person_set_is_the_due_date() -> None:
    med = _med(started_on=START, next_review=D(2026, 9, 1))
    assert review_due_on(med) == D(2026, 9, 1)


def test_without_a_set_date_an_ordinary_medicine_is_never_flagged() -> None:
    med = _med(started_on=D(2020, 1, 1), last_reviewed=D(2021, 1, 1))
    assert med.review_group is ReviewGroup.NONE
    assert review_due_on(med) is None
    assert not review_due(med, D(2200, 1, 1))


@pytest.mark.parametrize("group", [ReviewGroup.OPIOID, ReviewGroup.GABAPENTINOID])
def test_opioids_and_gabapentinoids_are_due_a_year_after_the_start(group: ReviewGroup) -> None:
    assert review_due_on(_med(started_on=D(2025, 3, 10), review_group=group)) == D(2026, 3, 10)


@pytest.mark.parametrize("group", [ReviewGroup.OPIOID, ReviewGroup.GABAPENTINOID])
def test_the_last_review_counts_instead_of_the_start(group: ReviewGroup) -> None:
    med = _med(started_on=D(2020, 1, 1), last_reviewed=D(2025, 9, 1), review_group=group)
    assert review_due_on(med) == D(2026, 9, 1)


@pytest.mark.parametrize(
    ("next_review", "expected"),
    [
        (D(2026, 1, 15), D(2026, 1, 15)),  # the set date comes first
        (D(2026, 3, 10), D(2026, 3, 10)),  # the same day
        (D(2026, 8, 1), D(2026, 3, 10)),  # a year after the start comes first
    ],
)
def test_the_earlier_of_the_set_date_and_the_yearly_review(next_review: dt.date, expected: dt.date) -> None:
    med = _med(started_on=D(2025, 3, 10), next_review=next_review, review_group=ReviewGroup.OPIOID)
    assert review_due_on(med) == expected


def test_an_opioid_with_no_dates_has_no_review_due() -> None:
    med = _med(review_group=ReviewGroup.OPIOID)
    assert review_due_on(med) is None
    assert not review_due(med, D(2200, 1, 1))
    assert review_due_on(_med(review_group=ReviewGroup.OPIOID, next_review=D(2026, 5, 1))) == D(2026, 5, 1)


@pytest.mark.parametrize("group", list(ReviewGroup))
def test_a_stopped_medicine_has_no_review_due(group: ReviewGroup) -> None:
    med = _med(
        started_on=D(2024, 1, 1),
        stopped_on=D(2024, 6, 1),
        next_review=D(2024, 3, 1),
        review_group=group,
    )
    assert review_due_on(med) is None
    assert not review_due(med, D(2030, 1, 1))


@pytest.mark.parametrize("field", ["started_on", "last_reviewed"])
def test_a_yearly_review_from_29_february_falls_on_28_february(field: str) -> None:
    """The code adds 365 days when the next year has no 29 February: the review falls on 28 February."""
    med = _med(review_group=ReviewGroup.GABAPENTINOID, **{field: D(2024, 2, 29)})
    assert review_due_on(med) == D(2025, 2, 28)
    assert not review_due(med, D(2025, 2, 27))
    assert review_due(med, D(2025, 2, 28))


def test_a_yearly_review_from_28_february_before_a_leap_year() -> None:
    assert review_due_on(_med(started_on=D(2023, 2, 28), review_group=ReviewGroup.OPIOID)) == D(2024, 2, 28)
    assert review_due_on(_med(started_on=D(2023, 3, 1), review_group=ReviewGroup.OPIOID)) == D(2024, 3, 1)


def test_review_due_from_the_due_day_itself() -> None:
    med = _med(started_on=D(2025, 3, 10), review_group=ReviewGroup.OPIOID)
    assert not review_due(med, D(2026, 3, 9))
    assert review_due(med, D(2026, 3, 10))
    assert review_due(med, D(2026, 3, 11))
    assert review_due(med, D(2030, 1, 1))  # stays due until reviewed
    set_date = _med(next_review=D(2026, 5, 1))
    assert [review_due(set_date, D(2026, 5, d)) for d in (1, 2)] == [True, True]
    assert not review_due(set_date, D(2026, 4, 30))


# --- validation ------------------------------------------------------------------------------------------


def test_a_valid_medicine_is_cleaned_and_the_dose_kept_as_written() -> None:
    med = validate_medicine(
        _med(
            name="  Co-codamol   30/500 \n",
            purpose=" Back pain ",
            kind=MedicineKind.AS_NEEDED,
            dose=" 1–2 tablets, up to 4 times a day ",
            started_on=START,
            stopped_on=STOP,
            prescriber=" Dr Ŵyn ",
            next_review=D(2026, 9, 1),
            last_reviewed=D(2026, 3, 1),
            review_group=ReviewGroup.OPIOID,
            notes=" makes me sleepy 😴\x00 ",
        )
    )
    assert med.name == "Co-codamol 30/500"
    assert (med.purpose, med.dose, med.prescriber, med.notes) == (
        "Back pain",
        "1–2 tablets, up to 4 times a day",
        "Dr Ŵyn",
        "makes me sleepy 😴",
    )
    assert (med.kind, med.started_on, med.stopped_on, med.next_review, med.last_reviewed, med.review_group) == (
        MedicineKind.AS_NEEDED,
        START,
        STOP,
        D(2026, 9, 1),
        D(2026, 3, 1),
        ReviewGroup.OPIOID,
    )


@pytest.mark.parametrize("name", ["", "   ", "\x00", "\n\t"])
def test_a_medicine_needs_a_name(name: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_medicine(_med(name=name))
    assert _message(caught) == "Type the medicine's name as it is on the box or the prescription."


def test_a_medicine_name_longer_than_the_limit_is_refused() -> None:
    assert validate_medicine(_med(name="n" * TITLE_MAX_CHARS)).name == "n" * TITLE_MAX_CHARS
    with pytest.raises(ValidationError) as caught:
        validate_medicine(_med(name="n" * (TITLE_MAX_CHARS + 1)))
    assert _message(caught) == f"That name is too long. Use {TITLE_MAX_CHARS} characters or fewer."


def test_a_stop_date_before_the_start_date_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_medicine(_med(started_on=START, stopped_on=START - DAY))
    assert _message(caught) == "The stop date is before the start date. Check both dates."
    assert validate_medicine(_med(started_on=START, stopped_on=START)).stopped_on == START  # same day is fine


@pytest.mark.parametrize("field", ["started_on", "stopped_on", "next_review", "last_reviewed"])
@pytest.mark.parametrize("day", [D(1899, 12, 31), D(2201, 1, 1), D(1, 1, 1), D(9999, 12, 31)])
def test_dates_out_of_range_are_refused(field: str, day: dt.date) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_medicine(_med(**{field: day}))
    assert _message(caught) == "That date is out of range. Check the year."


@pytest.mark.parametrize("field", ["started_on", "stopped_on", "next_review", "last_reviewed"])
@pytest.mark.parametrize("day", [D(1900, 1, 1), D(2200, 12, 31)])
def test_dates_at_the_ends_of_the_range_are_accepted(field: str, day: dt.date) -> None:
    assert getattr(validate_medicine(_med(**{field: day})), field) == day


@pytest.mark.parametrize(("field", "limit"), [("dose", TITLE_MAX_CHARS * 2), ("notes", TEXT_MAX_CHARS)])
def test_long_text_fields_have_limits(field: str, limit: int) -> None:
    assert getattr(validate_medicine(_med(**{field: "d" * limit})), field) == "d" * limit
    with pytest.raises(ValidationError) as caught:
        validate_medicine(_med(**{field: "d" * (limit + 1)}))
    assert f"Shorten it to {limit} characters" in _message(caught)


# --- as-needed doses -------------------------------------------------------------------------------------


def _dose(n: int, when: dt.datetime) -> Dose:
    return Dose(f"d{n}", "m", when)


def test_doses_per_day_counts_each_day_in_the_inclusive_range() -> None:
    doses = [
        _dose(1, dt.datetime(2026, 3, 9, 22, 0, tzinfo=TZ)),  # the day before
        _dose(2, dt.datetime(2026, 3, 10, 8, 0, tzinfo=TZ)),
        _dose(3, dt.datetime(2026, 3, 10, 14, 0, tzinfo=TZ)),
        _dose(4, dt.datetime(2026, 3, 10, 23, 59, tzinfo=TZ)),
        _dose(5, dt.datetime(2026, 3, 12, 0, 0, tzinfo=TZ)),
        _dose(6, dt.datetime(2026, 3, 13, 7, 0, tzinfo=TZ)),  # the day after
    ]
    assert doses_per_day(doses, D(2026, 3, 10), D(2026, 3, 12)) == {D(2026, 3, 10): 3, D(2026, 3, 12): 1}
    assert doses_per_day(doses, D(2026, 3, 11), D(2026, 3, 11)) == {}  # days without doses are left out
    assert doses_per_day([], D(2026, 1, 1), D(2026, 12, 31)) == {}


def test_a_dose_counts_on_the_day_where_it_was_taken() -> None:
    late = dt.datetime(2026, 3, 10, 23, 30, tzinfo=TZ)  # 22:30 UTC on the 10th, local day the 10th
    early = dt.datetime(2026, 3, 11, 0, 30, tzinfo=TZ)  # 23:30 UTC on the 10th, local day the 11th
    counts = doses_per_day([_dose(1, late), _dose(2, early)], D(2026, 3, 1), D(2026, 3, 31))
    assert counts == {D(2026, 3, 10): 1, D(2026, 3, 11): 1}


# --- what I've tried -------------------------------------------------------------------------------------


def test_a_valid_tried_item_is_cleaned() -> None:
    item = validate_tried(Tried("t", "  TENS   machine ", START, STOP, 6, " helped a bit 🙂 "))
    assert item == Tried("t", "TENS machine", START, STOP, 6, "helped a bit 🙂")
    assert validate_tried(Tried("t", "Heat")) == Tried("t", "Heat")


@pytest.mark.parametrize("name", ["", "  ", "\x00"])
def test_a_tried_item_needs_a_name(name: str) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_tried(Tried("t", name))
    assert _message(caught) == "Say what you tried, such as Physiotherapy or a TENS machine."


def test_a_tried_name_longer_than_the_limit_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_tried(Tried("t", "n" * (TITLE_MAX_CHARS + 1)))
    assert _message(caught) == f"That name is too long. Use {TITLE_MAX_CHARS} characters or fewer."


def test_a_tried_end_date_before_its_start_is_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        validate_tried(Tried("t", "Physiotherapy", START, START - DAY))
    assert _message(caught) == "The end date is before the start date. Check both dates."
    assert validate_tried(Tried("t", "Physiotherapy", START, START)).ended_on == START


@pytest.mark.parametrize("helpfulness", [-1, 11])
def test_tried_helpfulness_outside_0_to_10_is_refused(helpfulness: int) -> None:
    with pytest.raises(ValidationError) as caught:
        validate_tried(Tried("t", "Heat", helpfulness=helpfulness))
    assert _message(caught) == "Choose how helpful it was, from 0 to 10."


@pytest.mark.parametrize("helpfulness", [None, 0, 10])
def test_tried_helpfulness_at_the_ends_or_unknown_is_kept(helpfulness: int | None) -> None:
    assert validate_tried(Tried("t", "Heat", helpfulness=helpfulness)).helpfulness == helpfulness


def test_a_planned_stop_date_still_to_come_keeps_the_yearly_review_due() -> None:
    med = _med(started_on=D(2024, 1, 1), stopped_on=D(2026, 12, 31), review_group=ReviewGroup.OPIOID)
    assert review_due_on(med, D(2025, 6, 1)) == D(2025, 1, 1)
    assert review_due(med, D(2025, 6, 1))
    assert not review_due(med, D(2027, 1, 1))  # stopped by then
