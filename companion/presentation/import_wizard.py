"""The import wizard's words, Qt-free: the fields a column can hold, a preview's counts, a past import as a line,
and the check of an NHS number a person may put in a FHIR export."""

from __future__ import annotations

from companion.i18n import N_, _, ngettext
from companion.i18n.formatting import format_datetime
from companion.services.imports import ImportBatch, ImportCheck, ImportSource
from companion.services.imports.spreadsheet import Field

PROBLEMS_SHOWN = 200

FIELD_NAMES: dict[Field, str] = {
    "date": N_("Date"),
    "time": N_("Time"),
    "pain": N_("Pain"),
    "sleep_hours": N_("Sleep"),
    "mood": N_("Mood"),
    "tiredness": N_("Tiredness"),
    "note": N_("Note"),
    "tags": N_("Tags"),
}
# What a screen reader says for each field's column choice.
FIELD_QUESTIONS: dict[Field, str] = {
    "date": N_("The column that holds the date"),
    "time": N_("The column that holds the time"),
    "pain": N_("The column that holds the pain score"),
    "sleep_hours": N_("The column that holds the hours of sleep"),
    "mood": N_("The column that holds mood"),
    "tiredness": N_("The column that holds tiredness"),
    "note": N_("The column that holds a note"),
    "tags": N_("The column that holds tags"),
}
SOURCE_TITLES: dict[ImportSource, str] = {
    "bearable": "Bearable",
    "flaredown": "Flaredown",
    "csv": N_("Spreadsheet (CSV)"),
}
DETECTED: dict[ImportSource, str] = {
    "bearable": N_("This file looks like a Bearable export."),
    "flaredown": N_("This file looks like a Flaredown export."),
    "csv": N_(
        "This file is not a Bearable or Flaredown export, so it is read as a spreadsheet: the next step asks "
        "which column holds what."
    ),
}


def source_title(source: ImportSource) -> str:
    return _(SOURCE_TITLES[source])


def count_lines(check: ImportCheck) -> list[str]:
    """New, already in the diary, repeated in the file, can't be imported: one line each."""
    return [
        _("New entries to add: {count}.").format(count=len(check.new)),
        _("Entries already in the diary: {count}.").format(count=len(check.duplicates)),
        _("Entries repeated within the file: {count}.").format(count=check.parsed.repeated),
        _("Rows that can't be imported: {count}.").format(count=len(check.parsed.problems)),
    ]


def problem_lines(check: ImportCheck, limit: int = PROBLEMS_SHOWN) -> list[str]:
    """Each skipped row's reason (its row and column in the sentence), then how many more there are."""
    problems = check.parsed.problems
    lines = [p.message for p in problems[:limit]]
    hidden = len(problems) - limit
    if hidden > 0:
        lines.append(ngettext("…and {count} more row.", "…and {count} more rows.", hidden).format(count=hidden))
    return lines


def batch_line(batch: ImportBatch) -> str:
    """A past import on one line: when, from what, which file, and what is left of it."""
    when = format_datetime(batch.imported_at)
    if batch.undone:
        return _("{when} · {source} · {file}: undone.").format(
            when=when, source=source_title(batch.source), file=batch.file_name
        )
    return ngettext(
        "{when} · {source} · {file}: {remaining} of the {added} entry it added is still in your diary.",
        "{when} · {source} · {file}: {remaining} of the {added} entries it added are still in your diary.",
        batch.added,
    ).format(
        when=when, source=source_title(batch.source), file=batch.file_name, remaining=batch.remaining, added=batch.added
    )


def nhs_number_problem(text: str) -> str | None:
    """None for an empty field or a valid NHS number (ten digits, the last a modulus 11 check digit, spaces
    allowed); otherwise what is wrong, in a sentence."""
    digits = "".join(text.split())
    if not digits:
        return None
    if len(digits) != 10 or not digits.isascii() or not digits.isdigit():
        return _("An NHS number has 10 digits, such as 943 476 5919. Check the number, or leave it empty.")
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    if check == 10 or check != int(digits[9]):
        return _("That is not a valid NHS number: its last digit does not match. Check the number, or leave it empty.")
    return None
