"""Gettext at run time: the Welsh plural rule, dates from CLDR, language switching.
(The catalog's completeness, placeholders and plurals are checked in test_catalog.py.)"""

from __future__ import annotations

import datetime as dt
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
