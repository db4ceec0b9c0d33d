"""The recovery key's text form: shown in eight groups, read back however it was copied."""

from __future__ import annotations

import base64
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from companion import i18n
from companion.domain.errors import ValidationError
from companion.storage.recovery_key import KEY_BYTES, format_key, new_recovery_key, parse_key

SHAPE = re.compile(r"^[A-Z2-7]{4}(-[A-Z2-7]{4}){7}$")
RAW = bytes(range(200, 220))
TEXT = "ZDE4-VS6M-ZXHM-7UGR-2LJ5-JVOW-27MN-TWW3"


def test_new_key_is_160_random_bits_in_eight_groups() -> None:
    raw, shown = new_recovery_key()
    assert len(raw) == KEY_BYTES == 20
    assert SHAPE.match(shown)
    assert parse_key(shown) == raw
    assert new_recovery_key()[0] != raw


def test_format_is_base32_in_groups_of_four() -> None:
    assert format_key(RAW) == TEXT
    assert base64.b32decode(TEXT.replace("-", "")) == RAW


@settings(max_examples=200, deadline=None)
@given(st.binary(min_size=20, max_size=20))
def test_round_trip(raw: bytes) -> None:
    shown = format_key(raw)
    assert SHAPE.match(shown)
    assert parse_key(shown) == raw


@pytest.mark.parametrize(
    "typed",
    [
        TEXT.lower(),
        TEXT.replace("-", " "),
        TEXT.replace("-", ""),
        TEXT.lower().replace("-", "  "),
        " " + TEXT + "\n",
        TEXT.replace("-", "\n"),
        "-".join(TEXT.replace("-", "")[i : i + 8] for i in range(0, 32, 8)),  # other grouping
        TEXT.replace("-", " - "),
        TEXT.replace("-", "."),
        "\t".join(TEXT.split("-")).title(),
    ],
)
def test_case_spaces_and_separators_do_not_matter(typed: str) -> None:
    assert parse_key(typed) == RAW


def test_confusable_digits_are_read_as_letters() -> None:
    raw = base64.b32decode("OIBA" * 8)
    shown = format_key(raw)
    assert shown == "-".join(["OIBA"] * 8)
    assert parse_key(shown.replace("O", "0").replace("I", "1").replace("B", "8")) == raw
    assert parse_key(shown.lower().replace("o", "0").replace("i", "1").replace("b", "8")) == raw


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "    ",
        TEXT[:-1],  # 31 characters
        TEXT + "A",  # 33 characters
        TEXT.replace("-", "") * 2,
        TEXT[:-4] + "9999",  # 9 is not base32 and not a confusable
        TEXT[:-1] + "Ŵ",  # a letter, but not one base32 knows
        TEXT[:-1] + "٣",  # a digit, but not an ASCII one
        "----------------------------------------",
    ],
)
def test_wrong_shape_is_a_validation_error(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_key(typed)
    for lang in ("en", "cy"):
        i18n.set_language(lang)
        try:
            assert caught.value.message().strip()
        finally:
            i18n.set_language("en")


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=50))
def test_any_text_gives_20_bytes_or_a_validation_error(typed: str) -> None:
    try:
        raw = parse_key(typed)
    except ValidationError:
        return
    assert len(raw) == 20
