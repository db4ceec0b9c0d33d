"""What every reader shares: the translated sentences about a row, the checks of a moment, and collecting entries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from companion.domain.checkin import TAG_MAX_CHARS, TAGS_MAX
from companion.domain.errors import ImportFormatError
from companion.domain.pain import NOTE_MAX_CHARS
from companion.i18n import N_, _
from companion.services.imports.model import ImportedEntry, ImportSource, ParsedImport, Problem
from companion.services.imports.reading import FIRST_YEAR, header_key

_MISSING_COLUMN = N_(
    "This file can't be imported as {source} because it has no column “{column}”. Its first row names these "
    "columns: {columns}. Check that you chose the right kind of file. Nothing was imported."
)


class AmbiguousDateOrderError(ImportFormatError):
    """Every date in the file could be day/month or month/day: the person chooses."""

    template = N_(
        "The dates in this file, such as {example}, could be day/month/year or month/day/year. Choose which "
        "(at the command line, add --date-order dmy or --date-order mdy). Nothing was imported."
    )


def source_name(source: ImportSource) -> str:
    names = {"bearable": "Bearable", "flaredown": "Flaredown", "csv": _("a spreadsheet (CSV)")}
    return names[source]


def shown_columns(header: Sequence[str]) -> str:
    return (", ".join(c.strip() or "“”" for c in header)[:300]) or "“”"


def require_columns(source: ImportSource, header: Sequence[str], names: Iterable[str]) -> None:
    have = {header_key(c) for c in header}
    for name in names:
        if header_key(name) not in have:
            raise ImportFormatError(
                _MISSING_COLUMN, source=source_name(source), column=name, columns=shown_columns(header)
            )


def problem(row: int, column: str, sentence: str, **params: Any) -> Problem:
    """A problem whose translated sentence starts with the row and the column."""
    return Problem(row, column, _(sentence).format(row=row, column=column, **params))


BAD_DATE = N_("Row {row}, column “{column}”: the date “{value}” couldn't be understood.")
NO_DATE = N_("Row {row}, column “{column}”: there is no date.")
EARLY_DATE = N_("Row {row}, column “{column}”: the date {value} is before 1900.")
LATE_DATE = N_("Row {row}, column “{column}”: the date {value} is after today.")
LATE_TIME = N_("Row {row}, column “{column}”: the time {value} is later than now.")
BAD_TIME = N_("Row {row}, column “{column}”: the time “{value}” couldn't be understood.")
BAD_SCORE = N_("Row {row}, column “{column}”: “{value}” is not a whole number from {low} to {high}.")
BAD_HOURS = N_("Row {row}, column “{column}”: “{value}” is not a number of hours from 0 to 24.")
LONG_NOTE = N_("Row {row}, column “{column}”: the note is longer than {limit} characters.")
LONG_TAG = N_("Row {row}, column “{column}”: the tag “{value}…” is longer than {limit} characters.")
MANY_TAGS = N_("Row {row}, column “{column}”: there are more than {limit} tags.")
NOTHING = N_("Row {row}: there is nothing to import in this row.")


def place_moment(day: dt.date, time: dt.time, now: dt.datetime) -> dt.datetime:
    """The local time zone's moment for a wall-clock date and time (summer time included)."""
    return dt.datetime.combine(day, time).astimezone()


def check_day(row: int, column: str, value: str, day: dt.date, now: dt.datetime) -> Problem | None:
    if day.year < FIRST_YEAR:
        return problem(row, column, EARLY_DATE, value=value[:40])
    if day > now.date():
        return problem(row, column, LATE_DATE, value=value[:40])
    return None


def check_tags(row: int, column: str, names: Sequence[str]) -> Problem | None:
    for name in names:
        if len(name) > TAG_MAX_CHARS:
            return problem(row, column, LONG_TAG, value=name[:20], limit=TAG_MAX_CHARS)
    if len(names) > TAGS_MAX:
        return problem(row, column, MANY_TAGS, limit=TAGS_MAX)
    return None


def note_fits(note: str) -> bool:
    return len(note) <= NOTE_MAX_CHARS


def unique_tags(names: Iterable[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    kept: list[str] = []
    for name in names:
        clean = " ".join(name.split())
        if clean and clean.casefold() not in seen:
            seen.add(clean.casefold())
            kept.append(clean)
    return tuple(kept)


def collect(
    source: ImportSource,
    *,
    file_name: str,
    entries: Iterable[ImportedEntry],
    problems: Iterable[Problem],
    encoding: str,
    delimiter: str,
) -> ParsedImport:
    """The entries in time order, each once (an entry the file holds twice is counted in `repeated`)."""
    kept: dict[str, ImportedEntry] = {}
    repeated = 0
    for entry in entries:
        key = entry.entry_id(source)
        if key in kept:
            repeated += 1
        else:
            kept[key] = entry
    ordered = tuple(sorted(kept.values(), key=lambda e: (e.recorded_at, e.rows)))
    return ParsedImport(
        source, file_name, ordered, tuple(sorted(problems, key=lambda p: p.row)), repeated, encoding, delimiter
    )
