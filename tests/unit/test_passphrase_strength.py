"""Passphrase strength: zxcvbn's score with local words, our own feedback, and a generated passphrase.

The expected levels come from what a guesser would try (the review's examples, keyboard rows, local place
names), not from the code: "Summer2024!", "Cardiff2024", "Caerdydd12" and "asdfghjkl;" were rated Strong by
the old estimate and must now be refused."""

from __future__ import annotations

import math
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from companion import i18n
from companion.domain import passphrase_words
from companion.domain.passphrase import (
    ACCEPTABLE_LEVEL,
    FEEDBACK,
    LEVEL_HINTS,
    LEVEL_LABELS,
    LOCAL_WORD_FEEDBACK,
    MIN_LENGTH,
    estimate,
)

TOO_SHORT, WEAK, FAIR, STRONG, VERY_STRONG = range(5)


@pytest.mark.parametrize(
    "text", ["", "a", "short", "password", "Tr0ub4d&3", "x" * (MIN_LENGTH - 1), "ŵŷ🙂🙂🙂🙂🙂🙂🙂"]
)
def test_shorter_than_ten_characters_is_too_short(text: str) -> None:
    strength = estimate(text)
    assert strength.level == TOO_SHORT
    assert not strength.acceptable


@pytest.mark.parametrize("text", ["Summer2024!", "Cardiff2024", "Caerdydd12", "asdfghjkl;", "abcdefghij"])
def test_the_reviews_guessable_passphrases_are_refused(text: str) -> None:
    strength = estimate(text)
    assert not strength.acceptable, (text, strength)
    assert strength.feedback


@pytest.mark.parametrize(
    "text",
    ["qwertyuiop", "1234567890", "aaaaaaaaaaaa", "password1234", "iloveyou2024", "croeso123456"],
)
def test_common_patterns_are_refused(text: str) -> None:
    assert not estimate(text).acceptable


def test_local_words_and_the_persons_name_count_as_guessable() -> None:
    assert LOCAL_WORD_FEEDBACK in estimate("Aberystwyth1", ()).feedback
    strength = estimate("Gwenllian1987", ("Gwenllian Prys",))
    assert not strength.acceptable
    assert LOCAL_WORD_FEEDBACK in strength.feedback


@pytest.mark.parametrize(
    "text",
    ["correct horse battery staple", "afal oren gellyg eirin", "Ŵyn bach ar ŷd y mynydd", "W7#kq!Lp2@zR9^mB"],
)
def test_unrelated_words_and_random_characters_are_accepted(text: str) -> None:
    strength = estimate(text)
    assert strength.level >= STRONG and strength.acceptable
    assert strength.feedback == ()


def test_acceptable_starts_at_strong() -> None:
    assert ACCEPTABLE_LEVEL == STRONG
    assert len(LEVEL_LABELS) == len(LEVEL_HINTS) == 5


def test_zxcvbn_english_is_never_shown() -> None:
    """Every sentence a person can see is one of ours (a catalog msgid), whatever zxcvbn said."""
    ours = set(FEEDBACK.values()) | {LOCAL_WORD_FEEDBACK}
    for text in ["Summer2024!", "asdfghjkl;", "abcabcabcabc", "P@ssw0rd1234", "drowssapdrowssap", "Tachwedd2023"]:
        for sentence in estimate(text).feedback:
            assert sentence in ours
    assert not set(FEEDBACK) & ours - set(FEEDBACK.values())


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_labels_hints_and_feedback_exist_in_both_languages(lang: str) -> None:
    i18n.set_language(lang)
    for level in range(5):
        assert i18n._(LEVEL_LABELS[level]).strip()
        assert i18n._(LEVEL_HINTS[level]).strip()
    for sentence in {*FEEDBACK.values(), LOCAL_WORD_FEEDBACK}:
        translated = i18n._(sentence)
        assert translated.strip()
        if lang == "cy":
            assert translated != sentence, sentence


def test_the_word_list_is_the_eff_large_list() -> None:
    words = passphrase_words.words()
    assert len(words) == len(set(words)) == 6**5 == 7776
    assert words[0] == "abacus" and words[-1] == "zoom"
    assert all(re.fullmatch(r"[a-z-]+", w) for w in words)


def test_a_generated_passphrase_is_six_random_words_and_accepted() -> None:
    made = {passphrase_words.generate() for _ in range(50)}
    assert len(made) == 50
    for text in list(made)[:10]:
        assert len(text.split(" ")) == 6 and all(w in passphrase_words.words() for w in text.split(" "))
        assert estimate(text).acceptable
    assert passphrase_words.bits() == pytest.approx(6 * math.log2(7776))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=80))
def test_any_text_has_a_level_and_label(text: str) -> None:
    strength = estimate(text)
    assert 0 <= strength.level <= 4
    assert strength.label and strength.hint
    assert (strength.level == TOO_SHORT) == (len(text) < MIN_LENGTH)
    assert strength.acceptable == (strength.level >= ACCEPTABLE_LEVEL)
