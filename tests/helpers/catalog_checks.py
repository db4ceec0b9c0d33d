"""Checks of a gettext catalog against the code, used by tests/unit/test_catalog.py (on the real Welsh catalog
and on deliberately broken copies, so that each check is shown to fail).

Each check returns a list of problems (tuples naming the message); an empty list means the catalog passes.
"""

from __future__ import annotations

import gettext
import io
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "translations" / "cy" / "LC_MESSAGES" / "companion.po"
# The same keywords as translations/update.sh passes to `pybabel extract`, with pybabel's own default
# `gettext` (a document's translator: `tr.gettext("Pain")`).
KEYWORDS: dict[str, object] = {
    "_": None,
    "gettext": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "qt_tr": ((1, "c"), 2),
}
PLURAL_SAMPLES = (0, 1, 2, 3, 6, 11)

BRACE = re.compile(r"\{(\w*)(?:[!:][^{}]*)?\}")
PERCENT = re.compile(r"%\(\w+\)[sdifr]|%[sdifr]|%\d+")  # Python %-style and Qt's %1; "30 % lower" is not one
Key = tuple[str | None, str]


def read_catalog(path: Path = PO, locale: str = "cy") -> Catalog:
    with path.open("rb") as fh:
        return read_po(fh, locale=locale)


def compile_catalog(catalog: Catalog) -> gettext.GNUTranslations:
    """The catalog as the app would load it (fuzzy entries left out, as at run time)."""
    buf = io.BytesIO()
    write_mo(buf, catalog, use_fuzzy=False)
    buf.seek(0)
    return gettext.GNUTranslations(buf)


def messages(catalog: Catalog) -> Iterator[Message]:
    return (m for m in catalog if m.id)


def ids_of(message: Message) -> tuple[str, ...]:
    return tuple(message.id) if isinstance(message.id, tuple | list) else (str(message.id),)


def strings_of(message: Message) -> tuple[str, ...]:
    return tuple(message.string) if isinstance(message.string, tuple | list) else (str(message.string or ""),)


def extract(package: Path = ROOT / "companion") -> dict[Key, tuple[str, ...]]:
    """Every message in the code, as `pybabel extract` finds it: (context, msgid) -> all ids (with the plural)."""
    found: dict[Key, tuple[str, ...]] = {}
    for _file, _line, message, _comments, context in extract_from_dir(
        str(package),
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,  # type: ignore[arg-type]
    ):
        ids = (message,) if isinstance(message, str) else tuple(message)
        found[(context, ids[0])] = ids
    return found


def missing_from_catalog(catalog: Catalog, extracted: dict[Key, tuple[str, ...]]) -> list[tuple[object, ...]]:
    """Strings in the code that the catalog lacks, or holds without the plural the code asks for."""
    in_catalog = {(m.context, ids_of(m)[0]): ids_of(m) for m in messages(catalog)}
    problems: list[tuple[object, ...]] = []
    for key, ids in sorted(extracted.items(), key=repr):
        if key not in in_catalog:
            problems.append(("missing", *key))
        elif in_catalog[key] != ids:
            problems.append(("plural differs", *key))
    return problems


def stale_in_catalog(catalog: Catalog, extracted: dict[Key, tuple[str, ...]]) -> list[tuple[object, ...]]:
    """Entries not in the code: the next update.sh (--ignore-obsolete) would silently drop them."""
    problems: list[tuple[object, ...]] = [
        ("not in the code", m.context, ids_of(m)[0])
        for m in messages(catalog)
        if (m.context, ids_of(m)[0]) not in extracted
    ]
    problems += [("obsolete", m.context, ids_of(m)[0]) for m in catalog.obsolete.values()]
    return problems


def untranslated_or_fuzzy(catalog: Catalog) -> list[tuple[object, ...]]:
    problems: list[tuple[object, ...]] = []
    for m in messages(catalog):
        if m.fuzzy:
            problems.append(("fuzzy", m.context, ids_of(m)[0]))
        if not all(s.strip() for s in strings_of(m)):
            problems.append(("untranslated", m.context, ids_of(m)[0]))
    return problems


def placeholders(text: str) -> tuple[set[str], set[str]]:
    """The `{name}` placeholders and the %-style ones (Python's and Qt's %1) in a string."""
    return set(BRACE.findall(text)), set(PERCENT.findall(text))


def mnemonics(text: str) -> int:
    """How many `&` keyboard accelerators a label has (`&&` is a literal ampersand)."""
    return len(re.findall(r"&(?=[^&\s])", text.replace("&&", "")))


def placeholder_mismatches(catalog: Catalog) -> list[tuple[object, ...]]:
    """Every msgstr (each plural form) has the same placeholders as its msgid and as many `&` accelerators.
    A plural form may drop the number only where the English singular does ("One entry")."""
    problems: list[tuple[object, ...]] = []
    for m in messages(catalog):
        ids = ids_of(m)
        wanted_braces, wanted_percent = placeholders(ids[-1])
        singular_braces, _p = placeholders(ids[0])
        for index, text in enumerate(strings_of(m)):
            if not text:
                continue
            braces, percent = placeholders(text)
            allowed_missing = (wanted_braces - singular_braces) if len(ids) > 1 else set()
            if not (wanted_braces - allowed_missing) <= braces <= wanted_braces or percent != wanted_percent:
                problems.append(("placeholders", ids[0], index, text))
            if mnemonics(text) != mnemonics(ids[0]):
                problems.append(("accelerator", ids[0], index, text))
    return problems


def plural_problems(path: Path, num_plurals: int = 6) -> list[tuple[object, ...]]:
    """Every plural entry in the .po file has exactly one msgstr[i] per plural category (6 for Welsh), in
    order. Read from the file itself: Babel's reader pads missing forms, which would hide a short entry."""
    problems: list[tuple[object, ...]] = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        if "\nmsgid_plural " not in block:
            continue
        msgid = re.search(r'^msgid "(.*)"', block, re.M)
        found = [int(i) for i in re.findall(r"^msgstr\[(\d+)\]", block, re.M)]
        if found != list(range(num_plurals)):
            problems.append(("forms", msgid.group(1) if msgid else block[:60], found))
    return problems


def render_plurals(
    catalog: Catalog, ngettext: object, samples: Iterable[int] = PLURAL_SAMPLES
) -> tuple[list[tuple[object, ...]], list[tuple[str, int, str, str]]]:
    """Render each plural message through `ngettext` for each sample n, filling every placeholder with «n».
    A problem is a rendering that fails, or one without the number where the English rendering has it.
    Returns (problems, renderings as (msgid, n, english, translated))."""
    problems: list[tuple[object, ...]] = []
    rendered: list[tuple[str, int, str, str]] = []
    translate = ngettext  # a callable (singular, plural, n) -> str
    for m in messages(catalog):
        if not m.pluralizable:
            continue
        singular, plural = ids_of(m)[:2]
        for n in samples:
            english_template = singular if n == 1 else plural
            values = {name: f"«{n}»" for name in BRACE.findall(singular + plural) if name}
            english = english_template.format(**values)
            try:
                text = translate(singular, plural, n).format(**values)  # type: ignore[operator]
            except (KeyError, IndexError, ValueError) as exc:
                problems.append(("cannot render", singular, n, repr(exc)))
                continue
            if f"«{n}»" in english and f"«{n}»" not in text:
                problems.append(("number missing", singular, n, text))
            rendered.append((singular, n, english, text))
    return problems, rendered
