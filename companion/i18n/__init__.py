"""Gettext translation for the whole app: `_`, `ngettext`, `pgettext`, and the active language.

English is the source language; Welsh comes from translations/cy/LC_MESSAGES/companion.po. Strings are
looked up at call time, so a language switch takes effect the next time a screen retranslates itself.
"""

from __future__ import annotations

import gettext as _gettext
import io
from collections.abc import Callable
from pathlib import Path

DOMAIN = "companion"
LANGUAGES: tuple[str, ...] = ("cy", "en")
DEFAULT_LANGUAGE = "en"

_PACKAGE_DIR = Path(__file__).resolve().parent.parent
_current = DEFAULT_LANGUAGE
_translations: _gettext.NullTranslations = _gettext.NullTranslations()
_listeners: list[Callable[[str], None]] = []
_cache: dict[str, _gettext.NullTranslations] = {}


def _catalog_candidates(lang: str) -> list[Path]:
    return [
        _PACKAGE_DIR / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo",
        _PACKAGE_DIR.parent / "translations" / lang / "LC_MESSAGES" / f"{DOMAIN}.mo",
    ]


def _po_path(lang: str) -> Path:
    return _PACKAGE_DIR.parent / "translations" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def _load(lang: str) -> _gettext.NullTranslations:
    if lang == "en":
        return _gettext.NullTranslations()
    if lang in _cache:
        return _cache[lang]
    po = _po_path(lang)
    mo_paths = [p for p in _catalog_candidates(lang) if p.is_file()]
    result: _gettext.NullTranslations
    # A source checkout may hold a .po newer than its compiled .mo; prefer whichever is fresher.
    if po.is_file() and (not mo_paths or po.stat().st_mtime > mo_paths[0].stat().st_mtime):
        result = _compile_in_memory(po, lang)
    elif mo_paths:
        with mo_paths[0].open("rb") as fh:
            result = _gettext.GNUTranslations(fh)
    else:
        result = _gettext.NullTranslations()
    _cache[lang] = result
    return result


def _compile_in_memory(po: Path, lang: str) -> _gettext.NullTranslations:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with po.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    buf.seek(0)
    return _gettext.GNUTranslations(buf)


def set_language(lang: str) -> None:
    """Switch the active language and tell every listener (the Qt bridge, open screens)."""
    global _current, _translations
    if lang not in LANGUAGES:
        lang = DEFAULT_LANGUAGE
    _translations = _load(lang)
    changed = lang != _current
    _current = lang
    if changed:
        for listener in list(_listeners):
            listener(lang)


def current_language() -> str:
    return _current


def add_listener(listener: Callable[[str], None]) -> None:
    _listeners.append(listener)


def remove_listener(listener: Callable[[str], None]) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def _(message: str) -> str:
    return _translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    return _translations.pgettext(context, message)


def translate_in(lang: str, message: str) -> str:
    """Translate into a given language without switching the interface (bilingual screens)."""
    return _load(lang).gettext(message)


def has_translation(context: str, message: str) -> bool:
    """True when the active catalog holds a translation of (context, message)."""
    sentinel = "\x00missing\x00"
    got = _translations.pgettext(context, message) if context else _translations.gettext(message)
    return got not in (message, sentinel)


class Translator:
    """One language's catalog, held by a document made in that language (the summary, the supporter
    sheet): it reads no global state and changes none, so a Welsh PDF can be built while the screens stay
    English, on any thread. Formatting takes its `lang` (`format_date(day, lang=tr.lang)`)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        self._catalog = _load(self.lang)

    def gettext(self, message: str) -> str:
        return self._catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._catalog.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        return self._catalog.pgettext(context, message)

    __call__ = gettext  # `tr("Pain")`, like `_("Pain")`

    def __repr__(self) -> str:
        return f"Translator({self.lang!r})"


class Bilingual:
    """Two catalogs at once, for labels in a side-by-side document (a bilingual summary's charts and title):
    each message in both languages, "Poen / Pain", or once where both say the same. `lang` is "both"."""

    lang = "both"

    def __init__(self, first: str = "cy", second: str = "en", joiner: str = " / ") -> None:
        self.first, self.second = Translator(first), Translator(second)
        self._joiner = joiner

    def _join(self, one: str, other: str) -> str:
        return one if one == other else f"{one}{self._joiner}{other}"

    def gettext(self, message: str) -> str:
        return self._join(self.first.gettext(message), self.second.gettext(message))

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self._join(self.first.ngettext(singular, plural, n), self.second.ngettext(singular, plural, n))

    def pgettext(self, context: str, message: str) -> str:
        return self._join(self.first.pgettext(context, message), self.second.pgettext(context, message))

    __call__ = gettext

    def __repr__(self) -> str:
        return f"Bilingual({self.first.lang!r}, {self.second.lang!r})"


def translator(lang: str) -> Translator:
    """The catalog of `lang` as an object to pass to a document builder (never switches the interface)."""
    return Translator(lang)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now (translated where it is shown)."""
    return message


__all__ = [
    "LANGUAGES",
    "N_",
    "Bilingual",
    "Translator",
    "_",
    "add_listener",
    "current_language",
    "ngettext",
    "pgettext",
    "remove_listener",
    "set_language",
    "translate_in",
    "translator",
]

# Each language named in itself (the Active Offer): never translated, Welsh listed first.
LANGUAGE_NAMES: dict[str, str] = {"cy": "Cymraeg", "en": "English"}
