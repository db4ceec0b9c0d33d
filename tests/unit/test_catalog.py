"""The Welsh catalog is complete and safe to ship (CI fails otherwise): every string in the code is in it,
nothing untranslated, fuzzy or stale, every plural renders for n = 0, 1, 2, 3, 6 and 11 with its number,
placeholders and keyboard accelerators match the English, and no sentence is built from translated fragments.

Each check is also run on a deliberately broken copy of the catalog (or of the code) to show it can fail.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import write_po

from companion import i18n
from tests.helpers.catalog_checks import (
    PO,
    ROOT,
    Key,
    compile_catalog,
    extract,
    ids_of,
    missing_from_catalog,
    placeholder_mismatches,
    plural_problems,
    read_catalog,
    render_plurals,
    stale_in_catalog,
    untranslated_or_fuzzy,
)
from tests.helpers.fragment_check import check_source, check_tree


@pytest.fixture(scope="module")
def extracted() -> dict[Key, tuple[str, ...]]:
    return extract()


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return read_catalog()


def test_every_string_in_the_code_is_in_the_catalog(catalog: Catalog, extracted: dict[Key, tuple[str, ...]]) -> None:
    assert len(extracted) > 1000
    assert missing_from_catalog(catalog, extracted) == []


def test_catalog_holds_nothing_that_update_sh_would_drop(
    catalog: Catalog, extracted: dict[Key, tuple[str, ...]]
) -> None:
    assert stale_in_catalog(catalog, extracted) == []


def test_no_untranslated_or_fuzzy_welsh(catalog: Catalog) -> None:
    assert untranslated_or_fuzzy(catalog) == []


def test_placeholders_and_accelerators_match_the_english(catalog: Catalog) -> None:
    assert placeholder_mismatches(catalog) == []


def test_the_catalog_passes_the_checks_pybabel_compile_makes(catalog: Catalog) -> None:
    """`pybabel compile` (CI's catalog step, and the packaged build) refuses a catalog its checkers fault. One
    they fault without any real placeholder: babel reads "30 % for" in an English brace-format string as a
    %-placeholder (a space flag and `f`), and then asks the Welsh for a matching one."""
    assert [(m.id, [str(e) for e in errors]) for m, errors in catalog.check()] == []


def test_the_compile_check_fails_on_a_false_percent_placeholder() -> None:
    broken = Catalog(locale="cy")
    broken.add("Up by at least 30 % for three weeks", "I fyny o leiaf 30% am dair wythnos")
    assert len(list(broken.check())) == 1


def test_every_plural_has_six_forms_and_renders_its_number(catalog: Catalog) -> None:
    assert catalog.num_plurals == 6
    assert plural_problems(PO) == []
    i18n.set_language("cy")
    problems, rendered = render_plurals(catalog, i18n.ngettext)
    assert problems == []
    plurals = [m for m in catalog if m.id and m.pluralizable]
    assert len(rendered) == 6 * len(plurals) > 0
    by_n = {(msgid, n): text for msgid, n, _en, text in rendered}
    # Read one in full: the mutations after 2, 3 and 6 (dau gofnod, tri chofnod, chwe chofnod).
    assert [by_n[("{n} entry today", n)] for n in (0, 1, 2, 3, 6, 11)] == [
        "«0» cofnod heddiw",
        "«1» cofnod heddiw",
        "«2» gofnod heddiw",
        "«3» chofnod heddiw",
        "«6» chofnod heddiw",
        "«11» cofnod heddiw",
    ]


def test_the_code_builds_no_sentence_from_translated_fragments() -> None:
    problems, unused_allowances = check_tree(ROOT)
    assert problems == []
    assert unused_allowances == []


# ---- the checks themselves fail on broken input ----


def _first(catalog: Catalog, plural: bool) -> Message:
    return next(m for m in catalog if m.id and m.pluralizable == plural and "{" in ids_of(m)[0])


def _get(c: Catalog, msgid: str | tuple[str, str], context: str | None = None) -> Message:
    message = c.get(msgid, context)
    assert message is not None, msgid
    return message


def _drop_entry(c: Catalog) -> None:
    message = _first(c, plural=False)
    c.delete(message.id, message.context)


def _add_stale(c: Catalog) -> None:
    c.add("A string no code uses any more", "Llinyn nad yw'r cod yn ei ddefnyddio")


def _fuzzy(c: Catalog) -> None:
    _first(c, plural=False).flags.add("fuzzy")


def _untranslated(c: Catalog) -> None:
    _first(c, plural=False).string = ""


def _one_plural_form_empty(c: Catalog) -> None:
    m = _first(c, plural=True)
    m.string = (*m.string[:3], "", *m.string[4:])


def _five_plural_forms(path: Path) -> None:
    """Written to the file: Babel's reader would pad the missing form."""
    text = path.read_text(encoding="utf-8")
    start = text.index('msgid_plural "{count} more medicines"')
    end = text.index("\n\n", start)
    block = text[start:end]
    path.write_text(text[:start] + block[: block.index("msgstr[5]")].rstrip("\n") + text[end:], encoding="utf-8")


def _number_dropped_from_the_two_form(c: Catalog) -> None:
    m = _get(c, ("{n} entry today", "{n} entries today"))
    m.string = (*m.string[:2], "dau gofnod heddiw", *m.string[3:])


def _placeholder_renamed(c: Catalog) -> None:
    m = _get(c, "Made on {date}.")
    m.string = str(m.string).replace("{date}", "{dyddiad}")


def _qt_placeholder_dropped(c: Catalog) -> None:
    m = _get(c, "<h3>About Qt</h3><p>This program uses Qt version %1.</p>", "QMessageBox")
    m.string = str(m.string).replace("%1", "")


def _accelerator_dropped(c: Catalog) -> None:
    m = _get(c, "&Yes", "QPlatformTheme")
    m.string = str(m.string).replace("&", "")


def _two_accelerators(c: Catalog) -> None:
    _get(c, "&Yes", "QPlatformTheme").string = "&I&e"


FILE_BREAKAGES = {"five plural forms"}
BREAKAGES: dict[str, tuple[Callable[[Catalog], None] | Callable[[Path], None], str]] = {
    "entry missing": (_drop_entry, "missing"),
    "stale entry": (_add_stale, "stale"),
    "fuzzy": (_fuzzy, "untranslated"),
    "untranslated": (_untranslated, "untranslated"),
    "one plural form empty": (_one_plural_form_empty, "untranslated"),
    "five plural forms": (_five_plural_forms, "plural"),
    "number dropped from a plural form": (_number_dropped_from_the_two_form, "render"),
    "placeholder renamed": (_placeholder_renamed, "placeholders"),
    "Qt %1 dropped": (_qt_placeholder_dropped, "placeholders"),
    "accelerator dropped": (_accelerator_dropped, "placeholders"),
    "two accelerators": (_two_accelerators, "placeholders"),
}


@pytest.mark.parametrize("breakage", sorted(BREAKAGES))
def test_each_check_fails_on_a_broken_copy_of_the_catalog(
    breakage: str, tmp_path: Path, extracted: dict[Key, tuple[str, ...]]
) -> None:
    broken = read_catalog()
    damage, check = BREAKAGES[breakage]
    copy = tmp_path / "companion.po"
    if breakage in FILE_BREAKAGES:
        copy.write_bytes(PO.read_bytes())
        damage(copy)  # type: ignore[arg-type]
    else:
        damage(broken)  # type: ignore[arg-type]
        with copy.open("wb") as fh:
            write_po(fh, broken)
    reread = read_catalog(copy)
    checks: dict[str, Callable[[], list[tuple[object, ...]]]] = {
        "missing": lambda: missing_from_catalog(reread, extracted),
        "stale": lambda: stale_in_catalog(reread, extracted),
        "untranslated": lambda: untranslated_or_fuzzy(reread),
        "plural": lambda: plural_problems(copy),
        "placeholders": lambda: placeholder_mismatches(reread),
        "render": lambda: render_plurals(reread, compile_catalog(reread).ngettext)[0],
    }
    assert len(checks.pop(check)()) == 1, breakage
    # Only that check fails: the copy is otherwise faithful. (A missing or empty plural form is also
    # untranslated, and fails rendering.)
    if check != "render" and breakage not in {"one plural form empty", "five plural forms"}:
        assert {name: [] for name in checks if name != "render"} == {
            name: run() for name, run in checks.items() if name != "render"
        }


def test_an_intact_copy_passes_every_check(tmp_path: Path, extracted: dict[Key, tuple[str, ...]]) -> None:
    copy = tmp_path / "companion.po"
    copy.write_bytes(PO.read_bytes())
    reread = read_catalog(copy)
    assert missing_from_catalog(reread, extracted) == stale_in_catalog(reread, extracted) == []
    assert render_plurals(reread, compile_catalog(reread).ngettext)[0] == []


@pytest.mark.parametrize(
    "source",
    [
        'x = _("Go to ") + _("Settings")',
        'x = _("Saved in") + " " + folder',
        'x = "Export " + _("entries")',
        'x = " ".join([_("Pain"), _("today")])',
        'x = ", ".join(_(n) for n in names)',
        "x = f\"{_('Delete')} {_('entry')}\"",
        "x = f\"{_('Delete')}: {name}\"",
        'x = _("Go to {screen}").format(screen=_("Settings"))',
        'x = _("Saved %s") % name',
    ],
)
def test_the_fragment_check_flags_sentence_building(source: str) -> None:
    assert len(check_source(source, "companion/example.py")) == 1


@pytest.mark.parametrize(
    "source",
    [
        'x = _("Saved.") + " " + _("You can close the window now.")',
        'x = lead + "\\n" + _("Nothing was changed.")',
        'x = " ".join([_("One."), _("Two!")])',
        'x = _("Saved {count} entries").format(count=n)',
        'x = _("Source: {source}").format(source=_(SOURCE))',  # allowed in about_dialog.py only
    ],
)
def test_the_fragment_check_lets_whole_sentences_through(source: str) -> None:
    path = "companion/ui/measures/about_dialog.py" if "SOURCE" in source else "companion/example.py"
    assert check_source(source, path) == []
