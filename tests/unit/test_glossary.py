"""Terminology: each glossary term (translations/glossary.toml, from ../shared/guide/welsh.md) is translated by
its chosen Welsh term throughout the catalog and the support directory, and every inferred term is on the
reviewer list in docs/translation.md."""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

from tests.helpers.catalog_checks import ROOT, ids_of, read_catalog, strings_of

GLOSSARY = ROOT / "translations" / "glossary.toml"
DIRECTORY = ROOT / "resources" / "support_directory.json"
DOCS = ROOT / "docs" / "translation.md"
STATUSES = {"S", "S~", "I", "ours", "name"}


@dataclass(frozen=True)
class Term:
    en: tuple[str, ...]
    cy: str
    forms: tuple[str, ...]
    status: str

    @cached_property
    def welsh(self) -> tuple[str, ...]:
        return tuple(form.casefold() for form in (self.cy, *self.forms))

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        words = sorted(self.en, key=len, reverse=True)
        return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.I)


def load(path: Path = GLOSSARY) -> tuple[list[Term], dict[tuple[str, str], str]]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    terms = [Term(tuple(t["en"]), t["cy"], tuple(t["forms"]), t["status"]) for t in data["term"]]
    # Longest English first: a phrase's words are set aside before its parts are checked.
    terms.sort(key=lambda t: max(len(w) for w in t.en), reverse=True)
    exceptions = {(e["msgid"], e["term"]): e["reason"] for e in data.get("exception", [])}
    return terms, exceptions


def _plain(text: str) -> str:
    """Placeholders and accelerators are not words."""
    return re.sub(r"\{\w*\}|%\d", " ", text.replace("&&", "&amp;").replace("&", ""))


def mismatches(
    pairs: list[tuple[str, str]], terms: list[Term], exceptions: dict[tuple[str, str], str]
) -> list[tuple[str, str, str]]:
    """(English, Welsh) pairs whose English has a term that the Welsh lacks, as (term, English, Welsh)."""
    found = []
    for english, welsh in pairs:
        rest = _plain(english)
        welsh_plain = _plain(welsh).casefold()
        for term in terms:
            if not term.pattern.search(rest):
                continue
            rest = term.pattern.sub(" ", rest)
            if (english, term.en[0]) in exceptions:
                continue
            if not any(form in welsh_plain for form in term.welsh):
                found.append((term.en[0], english, welsh))
    return found


def catalog_pairs(catalog: Catalog) -> list[tuple[str, str]]:
    """Every (English, Welsh) pair of the app's own strings (Qt's own, under Qt contexts, are not ours)."""
    pairs = []
    for m in catalog:
        if not m.id or (m.context or "").startswith("Q"):
            continue
        ids, strings = ids_of(m), strings_of(m)
        pairs += [(ids[min(i, len(ids) - 1)], s) for i, s in enumerate(strings)]
    return pairs


def directory_pairs() -> list[tuple[str, str]]:
    entries = json.loads(DIRECTORY.read_text(encoding="utf-8"))["entries"]
    return [(e[field]["en"], e[field]["cy"]) for e in entries for field in ("name", "about") if field in e]


def test_glossary_is_well_formed() -> None:
    terms, exceptions = load()
    assert len(terms) >= 50
    assert all(t.status in STATUSES and t.forms and t.en for t in terms)
    english = [w.casefold() for t in terms for w in t.en]
    assert len(english) == len(set(english)), "an English word belongs to one term"
    known = {t.en[0] for t in terms}
    assert all(term in known for _msgid, term in exceptions)


def test_each_term_is_translated_by_its_welsh_term_throughout() -> None:
    terms, exceptions = load()
    pairs = catalog_pairs(read_catalog()) + directory_pairs()
    assert mismatches(pairs, terms, exceptions) == []


def test_every_exception_is_still_needed() -> None:
    terms, exceptions = load()
    pairs = catalog_pairs(read_catalog())
    english = {e for e, _w in pairs}
    assert [key for key in exceptions if key[0] not in english] == []
    needed = {(e, t) for t, e, _w in mismatches(pairs, terms, {})}
    assert sorted(set(exceptions) - needed) == []


def test_inferred_terms_await_a_fluent_reviewer_in_the_docs() -> None:
    terms, _exceptions = load()
    docs = DOCS.read_text(encoding="utf-8")
    section = docs[docs.index("## Terms awaiting a fluent reviewer") :]
    section = section[: section.index("\n## ", 4)] if "\n## " in section[4:] else section
    missing = [t.cy for t in terms if t.status == "I" and f"**{t.cy}**" not in section]
    assert missing == []


@pytest.mark.parametrize(
    ("english", "welsh", "problem"),
    [
        ("Unlock your diary", "Datgloi eich cofnodion", "diary"),
        ("Your GP surgery", "Eich meddyg teulu", "GP surgery"),
        ("Pain today: {score}", "Heddiw: {score}", "pain"),
        ("&Backup now", "Gwneud copi nawr", "backup"),
    ],
)
def test_the_check_finds_a_term_left_out(english: str, welsh: str, problem: str) -> None:
    terms, _exceptions = load()
    assert [t for t, _e, _w in mismatches([(english, welsh)], terms, {})] == [problem]


def test_the_check_accepts_mutated_forms_and_ignores_placeholders() -> None:
    terms, _exceptions = load()
    pairs = [
        ("Open my diary", "Agor fy nyddiadur"),
        ("With a passphrase", "Gyda chyfrinymadrodd"),
        ("Check Caps Lock", "Gwiriwch y fysell Caps Lock"),
        ("{diary} was saved", "Cadwyd {diary}"),
    ]
    assert mismatches(pairs, terms, {}) == []
