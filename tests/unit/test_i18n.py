"""The Welsh catalog: the 6 CLDR plural forms, complete, placeholders intact, and Qt's own strings."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from babel import Locale
from babel.messages.pofile import read_po
from babel.plural import PluralRule

from companion import i18n
from companion.i18n.formatting import format_date, format_weekday_date

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "translations" / "cy" / "LC_MESSAGES" / "companion.po"
CLDR_ORDER = ("zero", "one", "two", "few", "many", "other")


def _catalog():  # type: ignore[no-untyped-def]
    with PO.open("rb") as fh:
        return read_po(fh, locale="cy")


def test_plural_header_matches_cldr_for_every_n_up_to_200() -> None:
    catalog = _catalog()
    assert catalog.num_plurals == 6
    header_rule = catalog.plural_expr
    cldr = Locale.parse("cy").plural_form
    assert isinstance(cldr, PluralRule)
    import gettext

    index_of = gettext.c2py(header_rule)
    for n in range(201):
        assert CLDR_ORDER[index_of(n)] == cldr(n), n


def test_every_entry_is_translated_with_the_same_placeholders_and_one_mnemonic() -> None:
    problems = []
    for message in _catalog():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.fuzzy or not all(strings):
            problems.append(("untranslated", ids[0]))
            continue
        wanted = set(re.findall(r"\{\w+\}", ids[0]))
        for text in strings:
            if set(re.findall(r"\{\w+\}", text)) != wanted:
                problems.append(("placeholders", ids[0], text))
            if ids[0].count("&") != text.count("&"):
                problems.append(("mnemonic", ids[0], text))
    assert problems == []


def test_every_string_in_the_code_is_in_the_catalog() -> None:
    from babel.messages.extract import extract_from_dir

    keywords = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "qt_tr": ((1, "c"), 2)}
    in_catalog = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in _catalog() if m.id}
    missing = []
    for _file, _line, message, _comments, context in extract_from_dir(
        str(ROOT / "companion"), method_map=[("**.py", "python")], keywords=keywords
    ):
        msgid = message if isinstance(message, str) else message[0]
        if (context, msgid) not in in_catalog:
            missing.append((context, msgid))
    assert missing == []


@pytest.mark.parametrize(("n", "expected_form"), [(0, 0), (1, 1), (2, 2), (3, 3), (6, 4), (4, 5), (11, 5), (100, 5)])
def test_ngettext_picks_the_welsh_form(n: int, expected_form: int) -> None:
    i18n.set_language("cy")
    catalog = _catalog()
    message = catalog.get(("{n} entry today", "{n} entries today"))
    if message is None:
        message = next(m for m in catalog if isinstance(m.id, tuple) and m.id[0] == "{n} entry today")
    assert i18n.ngettext("{n} entry today", "{n} entries today", n) == message.string[expected_form]


def test_welsh_dates_come_from_cldr() -> None:
    i18n.set_language("cy")
    assert format_date(dt.date(2025, 1, 6)) == "6 Ionawr 2025"
    assert format_weekday_date(dt.date(2025, 1, 6)) == "Dydd Llun, 6 Ionawr"
    i18n.set_language("en")
    assert format_date(dt.date(2025, 1, 6)) == "6 January 2025"


def test_language_listeners_are_told_of_a_switch() -> None:
    heard: list[str] = []
    i18n.add_listener(heard.append)
    try:
        i18n.set_language("cy")
        i18n.set_language("cy")
        i18n.set_language("en")
    finally:
        i18n.remove_listener(heard.append)
    assert heard == ["cy", "en"]


def test_unknown_language_falls_back_to_english() -> None:
    i18n.set_language("xx")
    assert i18n.current_language() == "en"
