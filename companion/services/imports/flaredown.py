"""Flaredown's CSV export: one row per check-in day, a column per condition, symptom and treatment, then Tags and Foods.

Conditions and symptoms are rated 0-4; a treatment's cell holds what the person wrote (a dose); Tags and
Foods hold names separated by "; ". The layout is the one Flaredown's export job writes (docs/import.md).
"""

from __future__ import annotations

import datetime as dt
import re

from companion.domain.pain import NOTE_MAX_CHARS
from companion.i18n import _
from companion.services.imports.model import ImportedEntry, ParsedImport, Problem
from companion.services.imports.reading import cell, column_index, header_key, read_table
from companion.services.imports.rows import (
    BAD_DATE,
    LONG_NOTE,
    NO_DATE,
    NOTHING,
    check_day,
    check_tags,
    collect,
    place_moment,
    problem,
    require_columns,
    unique_tags,
)

DATE, TAGS, FOODS = "Date", "Tags", "Foods"
SEPARATOR = ";"
RATING_MAX = 4
CHECKIN_TIME = dt.time(12, 0)  # Flaredown records a day, not a time
_RATING = re.compile(r"^[0-4]$")


def _rating_columns(rows: tuple[tuple[int, tuple[str, ...]], ...], columns: list[int]) -> set[int]:
    """Columns whose every filled cell is a whole number 0-4: conditions and symptoms (the rest: treatments)."""
    rated = set()
    for index in columns:
        values = [cell(cells, index) for _n, cells in rows]
        filled = [v for v in values if v]
        if filled and all(_RATING.match(v) for v in filled):
            rated.add(index)
    return rated


def parse_flaredown(data: bytes, file_name: str, now: dt.datetime) -> ParsedImport:
    table, encoding = read_table(data, (DATE, TAGS, FOODS))
    header = table.header
    require_columns("flaredown", header, (DATE, TAGS, FOODS))
    date_index = column_index(header, DATE)
    tags_index, foods_index = column_index(header, TAGS), column_index(header, FOODS)
    named = [i for i, name in enumerate(header) if i not in (date_index, tags_index, foods_index) and name.strip()]
    rated = _rating_columns(table.rows, named)
    entries: list[ImportedEntry] = []
    problems: list[Problem] = []
    for number, cells in table.rows:
        raw_date = cell(cells, date_index)
        if not raw_date:
            problems.append(problem(number, header[date_index or 0], NO_DATE))
            continue
        try:
            day = dt.date.fromisoformat(raw_date) if len(raw_date) == 10 else None
        except ValueError:
            day = None
        if day is None:
            problems.append(problem(number, header[date_index or 0], BAD_DATE, value=raw_date[:40]))
            continue
        found = check_day(number, header[date_index or 0], raw_date, day, now)
        if found:
            problems.append(found)
            continue
        lines: list[str] = []
        tags: list[str] = []
        for index in named:
            value = cell(cells, index)
            if not value:
                continue
            name = header[index].strip()
            if index in rated:
                lines.append(_("{name}: {value} out of 4").format(name=name, value=value))
            else:
                tags.append(name)
                lines.append(_("{category}: {value}").format(category=name, value=value))
        tags.extend(part.strip() for part in cell(cells, tags_index).split(SEPARATOR))
        foods = [part.strip() for part in cell(cells, foods_index).split(SEPARATOR) if part.strip()]
        if foods:
            lines.append(_("Foods: {foods}").format(foods="; ".join(foods)))
        names = unique_tags(tags)
        found = check_tags(number, header[tags_index or 0], names)
        if found:
            problems.append(found)
            continue
        note = "\n".join(lines)
        if len(note) > NOTE_MAX_CHARS:
            problems.append(problem(number, "", LONG_NOTE, limit=NOTE_MAX_CHARS))
            continue
        if not note and not names:
            problems.append(problem(number, "", NOTHING))
            continue
        moment = min(place_moment(day, CHECKIN_TIME, now), now.replace(microsecond=0))
        entries.append(ImportedEntry(moment, tags=names, note=note, rows=(number,)))
    return collect(
        "flaredown",
        file_name=file_name,
        entries=entries,
        problems=problems,
        encoding=encoding,
        delimiter=table.delimiter,
    )


def looks_like_flaredown(header: tuple[str, ...]) -> bool:
    keys = {header_key(c) for c in header}
    return {"date", "tags", "foods"} <= keys
