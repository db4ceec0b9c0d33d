"""Passphrase strength levels: too short, weak, fair, strong, very strong; creating needs "fair"."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from companion import i18n
from companion.domain.passphrase import ACCEPTABLE_LEVEL, LEVEL_HINTS, LEVEL_LABELS, MIN_LENGTH, estimate

TOO_SHORT, WEAK, FAIR, STRONG, VERY_STRONG = range(5)


@pytest.mark.parametrize(
    "text", ["", "a", "short", "password", "Tr0ub4d&3", "x" * (MIN_LENGTH - 1), "ŵŷ🙂🙂🙂🙂🙂🙂🙂"]
)
def test_shorter_than_ten_characters_is_too_short(text: str) -> None:
    strength = estimate(text)
    assert strength.level == TOO_SHORT
    assert not strength.acceptable


@pytest.mark.parametrize("text", ["qwertyuiop", "1234567890", "QWERTYUIOP", "Qwertyuiop"])
def test_common_passwords_are_weak(text: str) -> None:
    assert estimate(text).level == WEAK
    assert not estimate(text).acceptable


@pytest.mark.parametrize("text", ["aaaaaaaaaaaa", "abababababab", "          ", "1111111111111111"])
def test_repeats_are_weak(text: str) -> None:
    assert estimate(text).level == WEAK


@pytest.mark.parametrize("text", ["password1234", "letmein12345", "iloveyou2024", "croeso123456"])
def test_common_word_with_digits_is_still_weak(text: str) -> None:
    assert estimate(text).level == WEAK


@pytest.mark.parametrize(
    "text",
    ["cat dog sun hat", "correct horse battery staple", "bore da cymru fach iawn", "afal oren gellyg eirin"],
)
def test_four_words_are_acceptable(text: str) -> None:
    strength = estimate(text)
    assert strength.level >= FAIR
    assert strength.acceptable
    assert strength.bits >= 55  # at least "strong": four words are the advice we give


def test_a_fair_passphrase() -> None:
    strength = estimate("xkcdxkcdxkcdxkcd")
    assert strength.level == FAIR
    assert strength.acceptable


def test_random_mixed_characters_are_very_strong() -> None:
    assert estimate("W7#kq!Lp2@zR9^mB").level == VERY_STRONG
    assert estimate("Tr0ub4dor&3xyz").level == VERY_STRONG


def test_welsh_letters_count_towards_strength() -> None:
    assert estimate("ŵŷâêîôûẁỳ ŵŷ").level >= STRONG


def test_acceptable_starts_at_fair() -> None:
    assert ACCEPTABLE_LEVEL == FAIR
    assert len(LEVEL_LABELS) == len(LEVEL_HINTS) == 5


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_labels_and_hints_exist_in_both_languages(lang: str) -> None:
    i18n.set_language(lang)
    for level in range(5):
        assert i18n._(LEVEL_LABELS[level]).strip()
        assert i18n._(LEVEL_HINTS[level]).strip()


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_text_has_a_level_and_label(text: str) -> None:
    strength = estimate(text)
    assert 0 <= strength.level <= 4
    assert strength.bits >= 0
    assert strength.label and strength.hint
    assert (strength.level == TOO_SHORT) == (len(text) < MIN_LENGTH)
    assert strength.acceptable == (strength.level >= ACCEPTABLE_LEVEL)
