"""The rules of a pain entry: score range, note size and content, sensible times."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from companion.domain.errors import ValidationError
from companion.domain.pain import NOTE_MAX_CHARS, clean_note, validate_moment, validate_score

NOW = dt.datetime(2026, 11, 22, 12, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize("score", [0, 5, 10])
def test_scores_in_range_are_kept(score: int) -> None:
    assert validate_score(score) == score


@pytest.mark.parametrize("score", [-1, 11, 100, True, 5.5, "5", None])
def test_scores_out_of_range_or_of_the_wrong_kind_are_refused(score: object) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_score(score)  # type: ignore[arg-type]
    assert "0 to 10" in refused.value.message()


@given(st.text(max_size=300))
def test_any_note_is_cleaned_without_nul_and_trimmed(text: str) -> None:
    cleaned = clean_note(text)
    assert "\x00" not in cleaned
    assert cleaned == cleaned.strip()


def test_emoji_and_welsh_letters_survive_cleaning() -> None:
    assert clean_note("  Ŵ ŷ â 🙂 \n") == "Ŵ ŷ â 🙂"


def test_a_note_over_the_limit_is_refused_with_the_numbers() -> None:
    assert len(clean_note("x" * NOTE_MAX_CHARS)) == NOTE_MAX_CHARS
    with pytest.raises(ValidationError) as refused:
        clean_note("x" * (NOTE_MAX_CHARS + 1))
    assert "20000" in refused.value.message().replace(",", "")


def test_impossible_times_are_refused() -> None:
    with pytest.raises(ValidationError):
        validate_moment(NOW + dt.timedelta(days=1), NOW)
    with pytest.raises(ValidationError):
        validate_moment(dt.datetime(1800, 1, 1, tzinfo=dt.UTC), NOW)
    with pytest.raises(ValidationError):
        validate_moment(dt.datetime(2026, 11, 22, 11, 0), NOW)  # no time zone
    assert validate_moment(NOW - dt.timedelta(hours=3), NOW) == NOW - dt.timedelta(hours=3)
