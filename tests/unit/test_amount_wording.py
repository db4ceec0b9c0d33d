"""How an amount of activity reads: minutes as plans are made (whole, half below ten), never "0.2 minutes"."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from companion import i18n
from companion.domain import pacing as p
from companion.presentation.pacing_words import format_amount

WALKING = p.Activity("a", "Walking", p.Unit.MINUTES)
PAGES = p.Activity("b", "Reading", p.Unit.PAGES)
DISTANCE = p.Activity("c", "Walking far", p.Unit.METRES)


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("minutes", "words"),
    [
        (0.2, "under a minute"),  # a timer stopped after 12 seconds
        (0.5, "under a minute"),
        (0.99, "under a minute"),
        (0, "0 minutes"),  # nothing done yet is not "under a minute"
        (1, "1 minute"),
        (1.2, "1 minute"),
        (4.2, "4 minutes"),  # the timer's 4 minutes 12 seconds
        (4.3, "4.5 minutes"),  # nearest half minute below ten, as plans are made
        (9.5, "9.5 minutes"),  # a plan of 9.5 minutes reads as the plan is
        (10.4, "10 minutes"),
        (12.6, "13 minutes"),
    ],
)
def test_minutes_read_as_plans_are_made_and_a_moment_as_under_a_minute(minutes: float, words: str) -> None:
    assert format_amount(minutes, WALKING) == words


def test_other_units_are_shown_as_they_were_recorded() -> None:
    assert format_amount(1, PAGES) == "1 page"
    assert format_amount(0.5, PAGES) == "0.5 pages"
    assert format_amount(250, DISTANCE) == "250 metres"


def test_under_a_minute_in_welsh() -> None:
    i18n.set_language("cy")
    assert format_amount(0.2, WALKING) == "llai na munud"
    assert format_amount(4.2, WALKING) == i18n.ngettext("{amount} minute", "{amount} minutes", 4).format(amount="4")
