"""The support directory: bilingual shipped entries (each with its source and the date it was checked) and
the person's own local groups, searchable offline in either language."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from companion.domain.errors import ValidationError
from companion.domain.goals import TITLE_MAX_CHARS, clean_text
from companion.i18n import N_


@dataclass(frozen=True)
class DirectoryEntry:
    """A shipped entry. Text is held in both languages as data (service names are their own)."""

    key: str
    name: dict[str, str]  # {"en": ..., "cy": ...}
    about: dict[str, str]
    phone: str
    website: str
    area: str  # "wales", "scotland" or "uk"
    welsh_language: bool  # the service itself offers Welsh
    source: dict[str, str]  # {"en": ..., "cy": ...}: a document's title is translated, a web address is not
    checked: str  # "YYYY-MM"

    def name_in(self, language: str) -> str:
        return self.name.get(language) or self.name["en"]

    def about_in(self, language: str) -> str:
        return self.about.get(language) or self.about["en"]

    def source_in(self, language: str) -> str:
        return self.source.get(language) or self.source["en"]


@dataclass(frozen=True)
class OwnSupportEntry:
    id: str
    name: str
    description: str = ""
    phone: str = ""
    website: str = ""


def validate_own_entry(entry: OwnSupportEntry) -> OwnSupportEntry:
    name = " ".join(entry.name.replace("\x00", "").split())
    if not name:
        raise ValidationError(N_("Give the group or service a name."))
    if len(name) > TITLE_MAX_CHARS:
        raise ValidationError(N_("That name is too long. Use {limit} characters or fewer."), limit=TITLE_MAX_CHARS)
    return OwnSupportEntry(
        entry.id,
        name,
        clean_text(entry.description),
        clean_text(entry.phone, 40),
        clean_text(entry.website, 200),
    )


def fold(text: str) -> str:
    """Case- and accent-blind text for searching: "Gwên" matches "gwen"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def matches(words: str, *texts: str) -> bool:
    haystack = fold(" ".join(texts))
    return all(word in haystack for word in fold(words).split())
