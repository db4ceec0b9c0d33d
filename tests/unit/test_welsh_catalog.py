"""The Welsh catalog (and the support directory) has none of the mechanical mistakes the December 2026 review
found: a literal backslash, one English shown two ways, a second register, "o Cydymaith", "wythnos diwethaf",
a page named without quotes, "30 %". Each check is also shown to fail on a broken example."""

from __future__ import annotations

import json
import tomllib

import pytest
from babel.messages.catalog import Catalog

from tests.helpers.catalog_checks import ROOT, read_catalog
from tests.helpers.welsh_checks import (
    Pair,
    pages_named_unquoted,
    pairs_of,
    second_register,
    singular_pairs,
    space_before_percent,
    stray_escapes,
    two_renderings,
    unmutated_name,
    unsoftened_adjectives,
)

# English that rightly has two Welsh renderings in one context, with the reason.
TWO_RENDERINGS_ALLOWED = {
    "done": "the activity chart's legend ('Wedi'i gyflawni': the planned amount was reached) and the action "
    "plan's tick button ('&Wedi'i wneud': I did it today) say different things",
    "to": "between two dates inside a sentence ('o … i …') and the diary filter's field label ('Hyd at')",
}
# The English names of the pages in the navigation (ui/main_view.py), whose Welsh is quoted in sentences.
PAGES = (
    *("Today", "Diary", "Pacing", "Flare-up plan", "Goals", "Medicines", "Trends", "Summary", "My story"),
    *("Support", "Settings"),
)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return read_catalog()


@pytest.fixture(scope="module")
def directory() -> list[Pair]:
    """The support directory's bilingual names, descriptions and sources."""
    entries = json.loads((ROOT / "resources" / "support_directory.json").read_text(encoding="utf-8"))["entries"]
    return [
        (e[field]["en"], e[field]["cy"], None)
        for e in entries
        for field in ("name", "about", "source")
        if isinstance(e.get(field), dict)
    ]


@pytest.fixture(scope="module")
def pairs(catalog: Catalog, directory: list[Pair]) -> list[Pair]:
    return pairs_of(catalog) + directory


def feminine_nouns() -> list[str]:
    """The glossary's feminine terms, singular, with their mutated forms (plurals soften nothing). Not "poen":
    it is mostly a genitive ("grŵp cymorth poen lleol" is a local group)."""
    terms = tomllib.loads((ROOT / "translations" / "glossary.toml").read_text(encoding="utf-8"))["term"]
    found = []
    for term in terms:
        if term.get("gender") == "f" and " " not in term["cy"] and term["cy"] != "poen":
            found += [f for f in (term["cy"], *term["forms"]) if f.casefold().endswith(term["cy"].casefold()[-4:])]
    return found


def page_names(catalog: Catalog) -> list[str]:
    names = []
    for english in PAGES:
        message = catalog.get(english)
        assert message is not None, english
        names.append(str(message.string))
    return names


def test_no_stray_escape_shows_a_backslash(pairs: list[Pair]) -> None:
    assert stray_escapes(pairs) == []


def test_one_english_label_has_one_welsh_rendering(catalog: Catalog, directory: list[Pair]) -> None:
    """Also across the catalog and the support directory ("Llinell Gymorth CALL" was both)."""
    labels = singular_pairs(catalog) + directory
    assert two_renderings(labels, TWO_RENDERINGS_ALLOWED) == []
    still_needed = {english for english, _welsh in two_renderings(labels, {})}
    assert set(TWO_RENDERINGS_ALLOWED) <= still_needed, "an allowance is no longer needed"


def test_one_register_throughout(pairs: list[Pair]) -> None:
    assert second_register(pairs) == []


def test_the_app_name_mutates_after_prepositions(pairs: list[Pair]) -> None:
    assert unmutated_name(pairs) == []


def test_adjectives_soften_after_feminine_nouns(pairs: list[Pair]) -> None:
    nouns = feminine_nouns()
    assert {"wythnos", "fersiwn", "meddyginiaeth", "feddyginiaeth"} <= set(nouns)
    assert unsoftened_adjectives(pairs, nouns) == []


def test_pages_are_named_in_quotes(catalog: Catalog, pairs: list[Pair]) -> None:
    names = page_names(catalog)
    assert "Heddiw" in names
    assert pages_named_unquoted(pairs, names) == []


def test_percentages_have_no_space_before_the_sign(pairs: list[Pair]) -> None:
    assert space_before_percent(pairs) == []


# ---- each check fails on what the review found ----


def test_the_checks_find_what_the_review_found() -> None:
    assert stray_escapes([("Use this baseline", "Defnyddio\\'r llinell sylfaen hon", None)]) != []
    assert stray_escapes([("a\\b", "a\\b", None)]) == []
    assert two_renderings([("Not now", "Dim nawr", None), ("Not n&ow", "Nid na&wr", None)], {}) == [
        ("not now", ["dim nawr", "nid nawr"])
    ]
    assert (
        two_renderings([("Pacing", "Rheoli cyflymder", None), ("Pacing", "Rheoli cyflymder (pacing)", "heading")], {})
        == []
    )
    for spoken in ("Does dim modd gosod", "Doedd dim modd", "Dydych chi ddim wedi", "Rwyf wedi cadw"):
        assert second_register([("x", spoken, None)]) != [], spoken
    assert second_register([("x", "Nid oes modd. Rydw i wedi cadw. Dim nawr.", None)]) == []
    assert unmutated_name([("x", "wrth fewngofnodi o Cydymaith", None)]) != []
    assert unmutated_name([("x", "o Gydymaith; Mae Cydymaith yn dal", None)]) == []
    assert unsoftened_adjectives([("x", "Y 4 wythnos diwethaf", None)], ["wythnos"]) != []
    assert unsoftened_adjectives([("x", "y fersiwn hwn", None)], ["fersiwn"]) != []
    assert unsoftened_adjectives([("x", "yr wythnos ddiwethaf; y fersiwn hon", None)], ["wythnos", "fersiwn"]) == []
    assert pages_named_unquoted([("x", "Maen nhw ar y dudalen Heddiw.", None)], ["Heddiw"]) != []
    assert pages_named_unquoted([("x", "mae'r sgrin ‘Heddiw’ yn cynnig", None)], ["Heddiw"]) != []
    assert pages_named_unquoted([("x", "ar y dudalen ‘Heddiw’", None)], ["Heddiw"]) == []
    assert space_before_percent([("x", "{percent} % o'r cynllun", None), ("y", "30 % o dan", None)]) != []
    assert space_before_percent([("x", "{percent}% o'r cynllun; %1 o Qt", None)]) == []
