"""Approximate dates (order, honest display in both languages, what people type), story items, decisions
and medicine review plans: validation and the current step for a day."""

from __future__ import annotations

import datetime as dt

import pytest

from companion.domain.agreement import Agreement, agreement_text
from companion.domain.approx_date import ApproxDate, format_approx_date, parse_approx_date
from companion.domain.decisions import Decision, DecisionOption, validate_decision
from companion.domain.errors import ValidationError
from companion.domain.medicine_review import ReviewPlan, ReviewStep, validate_review_plan
from companion.domain.story import ReferralStatus, StoryItem, StoryKind, filter_items, timeline, validate_story_item
from companion.i18n import translator


def test_a_year_sorts_before_its_months_and_a_month_before_its_days() -> None:
    dates = [ApproxDate(2019, 3, 4), ApproxDate(2019), ApproxDate(2018, 12, about=True), ApproxDate(2019, 3)]
    assert [d.to_text() for d in sorted(dates, key=lambda d: d.sort_key)] == [
        "~2018-12",
        "2019",
        "2019-03",
        "2019-03-04",
    ]


@pytest.mark.parametrize(
    ("value", "english", "welsh"),
    [
        (ApproxDate(2019), "2019", "2019"),
        (ApproxDate(2019, about=True), "about 2019", "tua 2019"),
        (ApproxDate(2019, 11), "November 2019", "Tachwedd 2019"),
        (ApproxDate(2019, 11, about=True), "about November 2019", "tua mis Tachwedd 2019"),
        (ApproxDate(2019, 3, 4), "4 March 2019", "4 Mawrth 2019"),
        (ApproxDate(2019, 3, 4, about=True), "about 4 March 2019", "tua 4 Mawrth 2019"),
        (None, "Date not known", "Dyddiad ddim yn hysbys"),
    ],
)
def test_dates_are_shown_only_as_precisely_as_written(value: ApproxDate | None, english: str, welsh: str) -> None:
    assert format_approx_date(value, translator("en"), "en") == english
    assert format_approx_date(value, translator("cy"), "cy") == welsh


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2019", ApproxDate(2019)),
        ("about 2019", ApproxDate(2019, about=True)),
        ("c. 2019", ApproxDate(2019, about=True)),
        ("March 2019", ApproxDate(2019, 3)),
        ("tua mis Mawrth 2019", ApproxDate(2019, 3, about=True)),
        ("4 March 2019", ApproxDate(2019, 3, 4)),
        ("4 Tach 2019", ApproxDate(2019, 11, 4)),
        ("2019-03", ApproxDate(2019, 3)),
        ("03/2019", ApproxDate(2019, 3)),
        ("4/3/2019", ApproxDate(2019, 3, 4)),
        ("  ", None),
    ],
)
def test_what_people_type_is_read(typed: str, expected: ApproxDate | None) -> None:
    assert parse_approx_date(typed) == expected
    if expected is not None:
        assert ApproxDate.from_text(expected.to_text()) == expected


@pytest.mark.parametrize("typed", ["last spring", "31/2/2019", "13/2019", "1850", "Smarch 2019"])
def test_unreadable_or_impossible_dates_are_refused_with_a_message(typed: str) -> None:
    with pytest.raises(ValidationError):
        parse_approx_date(typed)


def test_story_items_keep_the_persons_words_and_referrals_start_waiting() -> None:
    item = validate_story_item(StoryItem("1", StoryKind.REFERRAL, "  Pain clinic ", ApproxDate(2024, 5)))
    assert (item.title, item.status) == ("Pain clinic", ReferralStatus.WAITING)
    diagnosis = validate_story_item(
        StoryItem("2", StoryKind.DIAGNOSIS, "Fibromyalgia", status=ReferralStatus.SEEN, tried_id="t")
    )
    assert diagnosis.status is None and diagnosis.tried_id is None
    with pytest.raises(ValidationError):
        validate_story_item(StoryItem("3", StoryKind.ONSET, "   "))


def test_timeline_is_oldest_first_with_undated_last_and_filters_by_kind_and_words() -> None:
    a = StoryItem("a", StoryKind.DIAGNOSIS, "Sciatica", ApproxDate(2020), person="Dr Rees")
    b = StoryItem("b", StoryKind.INVESTIGATION, "MRI scan", ApproxDate(2019, 6), result="Wear and tear")
    c = StoryItem("c", StoryKind.ONSET, "Lifting at work")
    assert [i.id for i in timeline([c, a, b])] == ["b", "a", "c"]
    assert [i.id for i in filter_items([a, b, c], frozenset({StoryKind.INVESTIGATION}))] == ["b"]
    assert [i.id for i in filter_items([a, b, c], search="wear TEAR")] == ["b"]
    assert [i.id for i in filter_items([a, b, c], search="rees")] == ["a"]


def test_a_decision_needs_its_choice_and_named_options() -> None:
    clean = validate_decision(
        Decision("d", " An injection ", (DecisionOption("Injection", benefits="Relief"), DecisionOption("")))
    )
    assert clean.choice == "An injection" and [o.name for o in clean.options] == ["Injection"]
    with pytest.raises(ValidationError):
        validate_decision(Decision("d", "x", (DecisionOption("", harms="Soreness"),)))


def test_the_current_step_is_the_latest_whose_date_has_come() -> None:
    plan = validate_review_plan(
        ReviewPlan(
            "p",
            "Codeine",
            steps=(ReviewStep(dt.date(2026, 3, 15), "Step two as agreed"), ReviewStep(dt.date(2026, 3, 1), "Step one")),
            agreement=Agreement("Owain, pharmacist", dt.date(2026, 2, 20)),
        )
    )
    assert plan.current_step(dt.date(2026, 2, 28)) is None
    assert plan.current_step(dt.date(2026, 3, 1)) == ReviewStep(dt.date(2026, 3, 1), "Step one")
    assert plan.current_step(dt.date(2026, 3, 14)).text == "Step one"  # type: ignore[union-attr]
    assert plan.current_step(dt.date(2026, 3, 15)).text == "Step two as agreed"  # type: ignore[union-attr]
    assert plan.current_step(dt.date(2027, 1, 1)).text == "Step two as agreed"  # type: ignore[union-attr]
    assert plan.next_step(dt.date(2026, 3, 1)) == ReviewStep(dt.date(2026, 3, 15), "Step two as agreed")
    with pytest.raises(ValidationError):
        validate_review_plan(ReviewPlan("p", "x", steps=(ReviewStep(dt.date(2026, 3, 1), "a"),) * 2))


def test_agreed_with_on_reads_as_a_whole_sentence_in_both_languages() -> None:
    both = Agreement("Dr Rees", dt.date(2026, 3, 4))
    assert agreement_text(both, translator("en"), "en") == "Agreed with Dr Rees on 4 March 2026"
    assert agreement_text(both, translator("cy"), "cy") == "Cytunwyd gyda Dr Rees ar 4 Mawrth 2026"
    assert agreement_text(Agreement(), translator("en"), "en") == ""
