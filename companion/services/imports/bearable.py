"""Bearable's CSV export: one row per thing recorded (date, time of day, category, rating/amount, detail, notes).

The layout, its categories and scales are described in docs/import.md with the public sources they come from.
Rows of one day and time of day make one check-in; what Companion has no field for is kept, word for word,
as a line of the check-in's note.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from companion.domain.pain import NOTE_MAX_CHARS
from companion.i18n import _
from companion.services.imports.model import ImportedEntry, ParsedImport, Problem
from companion.services.imports.reading import cell, column_index, parse_number, read_table
from companion.services.imports.rows import (
    BAD_DATE,
    BAD_HOURS,
    BAD_SCORE,
    LONG_NOTE,
    NO_DATE,
    check_day,
    check_tags,
    collect,
    note_fits,
    place_moment,
    problem,
    require_columns,
    unique_tags,
)

DATE, DATE_FORMATTED, TIME_OF_DAY = "date", "date formatted", "time of day"
CATEGORY, AMOUNT, DETAIL, NOTES = "category", "rating/amount", "detail", "notes"
KNOWN_COLUMNS = (DATE, DATE_FORMATTED, "weekday", TIME_OF_DAY, CATEGORY, AMOUNT, DETAIL, NOTES)

# Bearable records a part of the day, not a clock time: each is saved at a fixed time (docs/import.md).
TIMES_OF_DAY: dict[str, dt.time] = {
    "pre": dt.time(6, 0),
    "am": dt.time(9, 0),
    "mid": dt.time(13, 0),
    "pm": dt.time(19, 0),
}
WHOLE_DAY = dt.time(12, 0)
PAIN_MEASUREMENTS = frozenset({"pain", "pain level", "pain score", "pain severity"})
FACTOR_CATEGORIES = frozenset({"factors", "other factors"})
_MONTH_NAMES = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS = {m: i for i, m in enumerate(_MONTH_NAMES, start=1)}
_WORDY_DATE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4})$")
_HOURS_MINUTES = re.compile(r"^(\d{1,2}):(\d{2})$")
_HM_WORDS = re.compile(r"^(?:(\d{1,2})\s*h)?\s*(?:(\d{1,2})\s*m(?:in)?)?$")
_INTEGER = re.compile(r"^\d{1,3}$")


def parse_bearable_date(text: str) -> dt.date | None:
    """2024-03-05 (the "date formatted" column) or "5th Mar 2024" (the "date" column)."""
    value = text.strip()
    if len(value) == 10 and value[4] == "-":
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    match = _WORDY_DATE.match(value)
    if not match or match.group(2).lower() not in _MONTHS:
        return None
    try:
        return dt.date(int(match.group(3)), _MONTHS[match.group(2).lower()], int(match.group(1)))
    except ValueError:
        return None


def parse_sleep(text: str) -> float | None:
    """Hours asleep written as 7:30, 7.5 or 7h 30m."""
    value = text.strip()
    match = _HOURS_MINUTES.match(value)
    if match and int(match.group(2)) < 60:
        return int(match.group(1)) + int(match.group(2)) / 60
    number = parse_number(value)
    if number is not None:
        return number
    match = _HM_WORDS.match(value)
    if match and value and (match.group(1) or match.group(2)):
        return int(match.group(1) or 0) + int(match.group(2) or 0) / 60
    return None


@dataclass
class _Group:
    moment: dt.datetime
    rows: list[int] = field(default_factory=list)
    pain: int | None = None
    mood: int | None = None
    sleep_hours: float | None = None
    tags: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    def entry(self) -> ImportedEntry:
        return ImportedEntry(
            self.moment,
            pain=self.pain,
            sleep_hours=None if self.sleep_hours is None else round(self.sleep_hours * 4) / 4,  # quarter hours
            mood=self.mood,
            tags=unique_tags(self.tags),
            note="\n".join(self.lines),
            rows=tuple(self.rows),
        )


def _line(category: str, detail: str, amount: str) -> str:
    value = " — ".join(part for part in (detail, amount) if part)
    return _("{category}: {value}").format(category=category or "?", value=value)


def _score(number: int, column: str, raw: str, low: int, high: int) -> Problem | int:
    if not _INTEGER.match(raw) or not low <= int(raw) <= high:
        return problem(number, column, BAD_SCORE, value=raw[:20], low=low, high=high)
    return int(raw)


def parse_bearable(data: bytes, file_name: str, now: dt.datetime) -> ParsedImport:
    table, encoding = read_table(data, KNOWN_COLUMNS)
    header = table.header
    require_columns("bearable", header, (CATEGORY, AMOUNT, DETAIL))
    date_index = column_index(header, DATE_FORMATTED)
    date_column = DATE_FORMATTED
    if date_index is None:
        require_columns("bearable", header, (DATE,))
        date_index, date_column = column_index(header, DATE), DATE
    shown = {name: header[i] for name in KNOWN_COLUMNS if (i := column_index(header, name)) is not None}
    index = {name: column_index(header, name) for name in KNOWN_COLUMNS}
    groups: dict[tuple[dt.date, str], _Group] = {}
    problems: list[Problem] = []
    for number, cells in table.rows:
        raw_date = cell(cells, date_index)
        if not raw_date:
            problems.append(problem(number, shown[date_column], NO_DATE))
            continue
        day = parse_bearable_date(raw_date)
        if day is None:
            problems.append(problem(number, shown[date_column], BAD_DATE, value=raw_date[:40]))
            continue
        found = check_day(number, shown[date_column], raw_date, day, now)
        if found:
            problems.append(found)
            continue
        part = cell(cells, index[TIME_OF_DAY]).casefold()
        part = part if part in TIMES_OF_DAY else ""
        group = groups.get((day, part))
        if group is None:
            moment = place_moment(day, TIMES_OF_DAY.get(part, WHOLE_DAY), now)
            group = groups[(day, part)] = _Group(min(moment, now.replace(microsecond=0)))
        outcome = _read_row(number, cells, index, shown, group)
        if outcome is not None:
            problems.append(outcome)
    parts_by_day: dict[dt.date, list[str]] = {}
    for day, part in groups:
        if part:
            parts_by_day.setdefault(day, []).append(part)
    entries = [_merge_untimed(groups, key, parts_by_day.get(key[0], [])) for key in sorted(groups)]
    for entry in entries:
        if entry is not None and not note_fits(entry.note):
            problems.append(problem(entry.rows[0], shown.get(NOTES, NOTES), LONG_NOTE, limit=NOTE_MAX_CHARS))
    kept = [e for e in entries if e is not None and note_fits(e.note) and check_tags(0, "", e.tags) is None]
    return collect(
        "bearable", file_name=file_name, entries=kept, problems=problems, encoding=encoding, delimiter=table.delimiter
    )


def _merge_untimed(
    groups: dict[tuple[dt.date, str], _Group], key: tuple[dt.date, str], timed_parts: list[str]
) -> ImportedEntry | None:
    """Rows with no time of day join the day's first timed check-in, or stand alone at noon on a day without one.
    `timed_parts` are the day's parts with a time of day (found once for the file: looking them up here for
    every check-in made a ten-year export take minutes)."""
    day, part = key
    group = groups[key]
    if part:
        untimed = groups.get((day, ""))
        first_timed = min(timed_parts, key=list(TIMES_OF_DAY).index)
        if untimed is not None and part == first_timed:
            group.rows[:0] = untimed.rows
            group.lines[:0] = untimed.lines
            group.tags[:0] = untimed.tags
            group.pain = group.pain if group.pain is not None else untimed.pain
            group.mood = group.mood if group.mood is not None else untimed.mood
            if group.sleep_hours is None:
                group.sleep_hours = untimed.sleep_hours
        return group.entry()
    if timed_parts:
        return None  # merged into the day's first timed check-in
    return group.entry()


def _read_row(
    number: int, cells: tuple[str, ...], index: dict[str, int | None], shown: dict[str, str], group: _Group
) -> Problem | None:
    category = cell(cells, index[CATEGORY])
    amount = cell(cells, index[AMOUNT])
    detail = cell(cells, index[DETAIL])
    notes = cell(cells, index[NOTES])
    kind = category.casefold()
    group.rows.append(number)
    if kind == "mood" and amount and group.mood is None:
        score = _score(number, shown[AMOUNT], amount, 0, 10)
        if isinstance(score, Problem):
            return score
        group.mood = score
        if detail:
            group.lines.append(_line(category, detail, ""))
    elif kind == "health measurements" and detail.casefold() in PAIN_MEASUREMENTS and group.pain is None:
        score = _score(number, shown[AMOUNT], amount, 0, 10)
        if isinstance(score, Problem):
            return score
        group.pain = score
    elif kind == "sleep" and amount and group.sleep_hours is None:
        hours = parse_sleep(amount)
        if hours is None or not 0 <= hours <= 24:
            return problem(number, shown[AMOUNT], BAD_HOURS, value=amount[:20])
        group.sleep_hours = hours
        if detail:
            group.lines.append(_line(category, detail, ""))
    elif kind in FACTOR_CATEGORIES and detail:
        names = [part.strip() for part in detail.split("|")]
        found = check_tags(number, shown[DETAIL], unique_tags(group.tags + names))
        if found:
            return found
        group.tags.extend(names)
    elif category or detail or amount:
        group.lines.append(_line(category, detail, amount))
    if notes:
        group.lines.append(notes)
    return None
