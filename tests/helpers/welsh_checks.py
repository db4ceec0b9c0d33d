"""Mechanical checks of the Welsh wording, used by tests/unit/test_welsh_catalog.py: the classes of mistake a
review of the catalog found that a program can catch (a stray escape, one English with two Welsh renderings, a
second register, an unmutated name or adjective, a page named without quotes, a space before %).

Each check takes (English, Welsh, context) triples and returns a list of problems; an empty list passes.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping

from babel.messages.catalog import Catalog

from tests.helpers.catalog_checks import ids_of, strings_of

Pair = tuple[str, str, str | None]  # English, Welsh, msgctxt

# Words after which a Welsh noun takes the soft (i, o, ar …), aspirate (a, â, gyda …) or nasal (yn = in)
# mutation. The app's name is a Welsh noun and mutates like one ("o Gydymaith"; docs/translation.md).
MUTATING_WORDS = (
    "i", "o", "ar", "am", "at", "gan", "heb", "dan", "tan", "dros", "drwy", "trwy", "wrth", "hyd", "neu",
    "a", "â", "gyda", "tua", "na", "yn",
)  # fmt: skip
APP_NAME = "Cydymaith"

# The standard written register (docs/translation.md): "Nid oes", "Nid yw", "Rydw i"; never the spoken
# negatives, and one first person (not the literary "Rwyf" beside "Rydw i").
SECOND_REGISTER = re.compile(r"\b(?:does|doedd|dydy|dydyn|dydych|dydw|dyw|dwi|sdim)\b|\b[Rr]wyf?\b", re.IGNORECASE)

# Adjectives (and "hwn") in their radical form: after a feminine singular noun they soften (wythnos
# ddiwethaf, fersiwn fwy diweddar, ffeil leol) and "hwn" becomes "hon".
# Only adjectives that rarely follow a genitive noun, so "grŵp cymorth poen lleol" (the group is local) is
# not taken for "poen lleol".
RADICAL_ADJECTIVES = (
    "diwethaf", "diweddaraf", "mwy", "hwn", "bach", "byr", "mawr", "gwahanol", "cyntaf", "pwysig", "dilys",
    "terfynol", "de", "gwag", "cywir",
)  # fmt: skip
# Feminine nouns the glossary does not list (it lists its own with gender = "f"): singular, radical and soft.
EXTRA_FEMININE = ("tudalen", "dudalen", "taflen", "daflen", "colofn", "golofn", "rhes", "res", "ymyl", "awr")

PERCENT_AFTER_SPACE = re.compile(r"(?:\d|\}) %")


def pairs_of(catalog: Catalog) -> list[Pair]:
    """Every (English, Welsh, context) of the catalog, one per plural form (each form against its English)."""
    found: list[Pair] = []
    for m in catalog:
        if not m.id:
            continue
        ids, strings = ids_of(m), strings_of(m)
        found += [(ids[min(i, len(ids) - 1)], s, m.context) for i, s in enumerate(strings)]
    return found


def singular_pairs(catalog: Catalog) -> list[Pair]:
    """(English, Welsh, context) of the entries without plural forms (the forms of a plural differ by design)."""
    return [(str(m.id), str(m.string), m.context) for m in catalog if m.id and not m.pluralizable]


def stray_escapes(pairs: Iterable[Pair]) -> list[tuple[str, str]]:
    """A backslash in the Welsh that the English lacks shows on screen ("Defnyddio\\'r …")."""
    return [(en, cy) for en, cy, _ctx in pairs if cy.count("\\") > en.count("\\")]


def _label(text: str) -> str:
    """A label as compared: no accelerator, case or closing punctuation."""
    plain = text.replace("&&", "\x00").replace("&", "").replace("\x00", "&")
    return re.sub(r"[\s.:…!?]+$", "", plain.strip()).casefold()


def two_renderings(pairs: Iterable[Pair], allowed: Mapping[str, str]) -> list[tuple[str, list[str]]]:
    """The same English (accelerators, case and closing punctuation aside) in the same context rendered two
    ways ("Not now" as "Nid nawr" and "Dim nawr" on one page). `allowed` names English that rightly differs,
    with the reason."""
    by_english: dict[tuple[str, str | None], set[str]] = defaultdict(set)
    for en, cy, ctx in pairs:
        by_english[(_label(en), ctx)].add(_label(cy))
    return sorted(
        (english, sorted(welsh))
        for (english, _ctx), welsh in by_english.items()
        if len(welsh) > 1 and english not in allowed
    )


def second_register(pairs: Iterable[Pair], allowed: Iterable[str] = ()) -> list[tuple[str, str]]:
    """Welsh in the spoken register (Does dim, Doedd, Dydych chi ddim) or with the literary "Rwyf"."""
    skip = set(allowed)
    return [(en, cy) for en, cy, _ctx in pairs if en not in skip and SECOND_REGISTER.search(cy)]


def unmutated_name(pairs: Iterable[Pair]) -> list[tuple[str, str]]:
    """ "o Cydymaith", "gyda Cydymaith": the name after a word that mutates it."""
    words = "|".join(re.escape(w) for w in MUTATING_WORDS)
    pattern = re.compile(rf"(?<![\w'’])(?:{words})\s+{APP_NAME}\b", re.IGNORECASE)
    return [(en, cy) for en, cy, _ctx in pairs if pattern.search(cy)]


def unsoftened_adjectives(pairs: Iterable[Pair], feminine: Iterable[str]) -> list[tuple[str, str, str]]:
    """A feminine noun followed by an adjective in its radical form ("wythnos diwethaf", "fersiwn hwn")."""
    nouns = sorted({n.casefold() for n in (*feminine, *EXTRA_FEMININE)}, key=len, reverse=True)
    pattern = re.compile(rf"\b({'|'.join(map(re.escape, nouns))})\s+({'|'.join(RADICAL_ADJECTIVES)})\b", re.IGNORECASE)
    found = []
    for en, cy, _ctx in pairs:
        match = pattern.search(cy)
        if match:
            found.append((match.group(0), en, cy))
    return found


def pages_named_unquoted(pairs: Iterable[Pair], page_names: Iterable[str]) -> list[tuple[str, str]]:
    """A page named in a sentence is quoted and called a page: "ar y dudalen ‘Heddiw’", never "y dudalen
    Heddiw" or "y sgrin Heddiw"."""
    names = "|".join(re.escape(n) for n in page_names)
    pattern = re.compile(rf"\b(?:dudalen|sgrin)\s+(?:{names})\b|\bsgrin\s+‘(?:{names})’")
    return [(en, cy) for en, cy, ctx in pairs if not (ctx or "").startswith("Q") and pattern.search(cy)]


def space_before_percent(pairs: Iterable[Pair]) -> list[tuple[str, str]]:
    """ "30 %": Welsh (like CLDR's cy percent pattern, #,##0%) writes "30%"."""
    return [(en, cy) for en, cy, _ctx in pairs if PERCENT_AFTER_SPACE.search(cy)]
