"""Any spreadsheet saved as CSV: the person says which column holds the date, the time, pain, sleep, mood,
tiredness, a note and tags, the scales and units they are in, and the date order when the file can't show it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from companion.domain.errors import ImportFormatError
from companion.domain.pain import NOTE_MAX_CHARS
from companion.i18n import N_
from companion.services.imports.model import ImportedEntry, ParsedImport, Problem
from companion.services.imports.reading import (
    DateOrder,
    Table,
    cell,
    column_index,
    detect_date_order,
    header_key,
    parse_date,
    parse_number,
    parse_time,
    read_table,
)
from companion.services.imports.rows import (
    BAD_DATE,
    BAD_HOURS,
    BAD_SCORE,
    BAD_TIME,
    LATE_TIME,
    LONG_NOTE,
    NO_DATE,
    NOTHING,
    AmbiguousDateOrderError,
    check_day,
    check_tags,
    collect,
    place_moment,
    problem,
    require_columns,
    unique_tags,
)

Field = Literal["date", "time", "pain", "sleep_hours", "mood", "tiredness", "note", "tags"]
FIELDS: tuple[Field, ...] = ("date", "time", "pain", "sleep_hours", "mood", "tiredness", "note", "tags")
SCORED: tuple[Field, ...] = ("pain", "mood", "tiredness")
SCALES = (10, 5, 100)  # a score out of 10 is kept; out of 5 doubled; out of 100 divided by 10 and rounded
SleepUnit = Literal["hours", "minutes"]
DEFAULT_TIME = dt.time(12, 0)
TAG_SEPARATORS = re.compile(r"[;|,]")

# Column names a spreadsheet often uses for each field (English and Welsh), for the first suggestion.
SUGGESTIONS: dict[Field, tuple[str, ...]] = {
    "date": ("date", "day", "dyddiad", "diwrnod", "date formatted"),
    "time": ("time", "amser", "time of day"),
    "pain": ("pain", "pain level", "pain score", "score", "poen", "sgôr", "sgor"),
    "sleep_hours": ("sleep", "sleep hours", "hours slept", "slept", "hours of sleep", "cwsg", "oriau cwsg"),
    "mood": ("mood", "hwyliau", "hwyl"),
    "tiredness": ("tiredness", "fatigue", "blinder", "tired"),
    "note": ("note", "notes", "comment", "comments", "nodyn", "nodiadau"),
    "tags": ("tags", "tagiau", "labels", "activities", "factors"),
}

_BAD_MAPPING = N_(
    "The column mapping “{mapping}” can't be used: write it as field=column, for example date=Date,pain=Pain "
    "level. The fields are date, time, pain, sleep, mood, tiredness, note and tags."
)


@dataclass(frozen=True)
class ColumnMapping:
    """Which column holds each field (by the column's name in the file), and the units of the values."""

    columns: dict[Field, str] = field(default_factory=dict)
    scales: dict[Field, int] = field(default_factory=dict)  # pain, mood, tiredness: 10 (default), 5 or 100
    sleep_unit: SleepUnit = "hours"


ALIASES: dict[str, Field] = {"sleep": "sleep_hours", "fatigue": "tiredness"}


def parse_mapping_text(text: str) -> dict[Field, str]:
    """`date=Date,pain=Pain level` (the command line's --map) as a field -> column dictionary."""
    result: dict[Field, str] = {}
    for part in text.split(","):
        if not part.strip():
            continue
        name, sep, column = part.partition("=")
        key = ALIASES.get(name.strip().casefold(), name.strip().casefold())
        if not sep or key not in FIELDS or not column.strip():
            raise ImportFormatError(_BAD_MAPPING, mapping=text[:80])
        result[key] = column.strip()
    return result


_BAD_UNITS = N_(
    "The units “{units}” can't be used: write them as field=unit, for example mood=5,tiredness=100,sleep=minutes. "
    "Pain, mood and tiredness can be out of 10, 5 or 100; sleep can be in hours or minutes."
)


def parse_units_text(text: str) -> tuple[dict[Field, int], SleepUnit]:
    """`mood=5,tiredness=100,sleep=minutes` (the command line's --units) as scales and the sleep unit."""
    scales: dict[Field, int] = {}
    sleep: SleepUnit = "hours"
    for part in text.split(","):
        if not part.strip():
            continue
        name, _sep, unit = (p.strip().casefold() for p in part.partition("="))
        key = ALIASES.get(name, name)
        if key == "sleep_hours" and unit in ("hours", "minutes"):
            sleep = "minutes" if unit == "minutes" else "hours"
        elif key in SCORED and unit.isdigit() and int(unit) in SCALES:
            scales[key] = int(unit)
        else:
            raise ImportFormatError(_BAD_UNITS, units=text[:80])
    return scales, sleep


def _names(column: str, name: Field, whole: bool) -> bool:
    """Whether `column` is one of the names `name` often has: the whole name, or (`whole` False) one of them
    followed by more words, such as "Mood (1-5)" or "Pain score today"."""
    key = header_key(column)
    if whole:
        return key in SUGGESTIONS[name]
    return any(re.match(rf"{re.escape(known)}\b", key) for known in SUGGESTIONS[name])


def suggest_mapping(header: tuple[str, ...]) -> dict[Field, str]:
    """A first guess at the mapping from the column names (the person checks and changes it): names that
    match exactly first, then names that start with one of the usual names."""
    found: dict[Field, str] = {}
    used: set[str] = set()
    for whole in (True, False):
        for name in FIELDS:
            if name in found:
                continue
            column = next((c for c in header if c not in used and _names(c, name, whole)), None)
            if column is not None:
                found[name] = column
                used.add(column)
    return found


def read_header(data: bytes) -> tuple[str, ...]:
    table, _encoding = read_table(data, [name for names in SUGGESTIONS.values() for name in names])
    return table.header


def resolve_date_order(table: Table, date_index: int, given: DateOrder | None) -> DateOrder:
    values = [cell(cells, date_index) for _n, cells in table.rows]
    if given is not None:
        return given
    found = detect_date_order(values)
    if found is None:
        example = next((v for v in values if v), "")
        raise AmbiguousDateOrderError(example=example[:20])
    return found


def _scaled(raw: str, scale: int) -> int | None:
    number = parse_number(raw)
    if number is None or not 0 <= number <= scale:
        return None
    if scale == 100:
        return int(Decimal(str(number / 10)).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if number != int(number):
        return None
    return int(number) * (10 // scale)


def parse_spreadsheet(
    data: bytes,
    file_name: str,
    now: dt.datetime,
    mapping: ColumnMapping,
    date_order: DateOrder | None = None,
) -> ParsedImport:
    table, encoding = read_table(data, mapping.columns.values())
    if "date" not in mapping.columns:
        raise ImportFormatError(_BAD_MAPPING, mapping="")
    require_columns("csv", table.header, mapping.columns.values())
    index = {name: column_index(table.header, column) for name, column in mapping.columns.items()}
    names = {name: table.header[i] for name, i in index.items() if i is not None}
    order = resolve_date_order(table, index["date"] or 0, date_order)
    entries: list[ImportedEntry] = []
    problems: list[Problem] = []
    for number, cells in table.rows:
        result = _read_row(number, cells=cells, index=index, names=names, mapping=mapping, order=order, now=now)
        if isinstance(result, Problem):
            problems.append(result)
        else:
            entries.append(result)
    return collect(
        "csv", file_name=file_name, entries=entries, problems=problems, encoding=encoding, delimiter=table.delimiter
    )


def _read_row(
    number: int,
    *,
    cells: tuple[str, ...],
    index: Mapping[Field, int | None],
    names: Mapping[Field, str],
    mapping: ColumnMapping,
    order: DateOrder,
    now: dt.datetime,
) -> ImportedEntry | Problem:
    def value(name: Field) -> str:
        return cell(cells, index.get(name))

    raw_date = value("date")
    if not raw_date:
        return problem(number, names["date"], NO_DATE)
    parsed = parse_date(raw_date, order)
    if parsed is None:
        return problem(number, names["date"], BAD_DATE, value=raw_date[:40])
    day, time = parsed
    found = check_day(number, names["date"], raw_date, day, now)
    if found:
        return found
    raw_time = value("time")
    time_given = time is not None or bool(raw_time)
    if raw_time:
        time = parse_time(raw_time)
        if time is None:
            return problem(number, names["time"], BAD_TIME, value=raw_time[:20])
    moment = place_moment(day, time or DEFAULT_TIME, now)
    if moment > now:
        if time_given:
            return problem(number, names.get("time", names["date"]), LATE_TIME, value=(raw_time or raw_date)[:40])
        moment = now.replace(microsecond=0)
    scores: dict[Field, int | None] = {}
    for name in SCORED:
        raw = value(name)
        scale = mapping.scales.get(name, 10)
        scores[name] = None if not raw else _scaled(raw, scale)
        if raw and scores[name] is None:
            return problem(number, names[name], BAD_SCORE, value=raw[:20], low=0, high=scale)
    hours: float | None = None
    raw_sleep = value("sleep_hours")
    if raw_sleep:
        number_value = parse_number(raw_sleep)
        if number_value is not None and mapping.sleep_unit == "minutes":
            number_value = number_value / 60
        if number_value is None or not 0 <= number_value <= 24:
            return problem(number, names["sleep_hours"], BAD_HOURS, value=raw_sleep[:20])
        hours = round(number_value * 4) / 4  # the diary keeps quarter hours
    note = value("note")
    if len(note) > NOTE_MAX_CHARS:
        return problem(number, names["note"], LONG_NOTE, limit=NOTE_MAX_CHARS)
    tags = unique_tags(TAG_SEPARATORS.split(value("tags")))
    found = check_tags(number, names.get("tags", ""), tags)
    if found:
        return found
    entry = ImportedEntry(
        moment,
        pain=scores["pain"],
        sleep_hours=hours,
        mood=scores["mood"],
        fatigue=scores["tiredness"],
        tags=tags,
        note=note,
        rows=(number,),
    )
    if all(v is None for v in scores.values()) and hours is None and not note and not tags:
        return problem(number, "", NOTHING)
    return entry
