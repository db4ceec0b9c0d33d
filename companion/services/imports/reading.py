"""Reading a file offered for import: a bounded size, its encoding, its delimiter, its dates, times and numbers."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from companion.domain.errors import ImportFormatError
from companion.i18n import N_

MAX_IMPORT_BYTES = 20 * 1024 * 1024  # ten years of a busy Bearable export is about 6 MB
DateOrder = Literal["ymd", "dmy", "mdy"]
DATE_ORDERS: tuple[DateOrder, ...] = ("ymd", "dmy", "mdy")
DELIMITERS = (",", ";", "\t")
FIRST_YEAR = 1900

_TOO_BIG = N_(
    "This file is too big to import ({size} MB; the most Companion reads is {limit} MB). Export a shorter "
    "period from the other app, or split the file. Nothing was imported."
)
_NOT_TEXT = N_(
    "This file is a spreadsheet workbook or another kind of file, not a CSV text file. Open it in your "
    "spreadsheet program and save it as CSV, then import that file. Nothing was imported."
)
_EMPTY = N_("This file is empty, so there is nothing to import. Nothing was imported.")
_NOT_CSV = N_(
    "This file can't be read as a CSV file (a table of values separated by commas, semicolons or tabs) "
    "near row {row}. Nothing was imported."
)


def _too_big(size: int) -> ImportFormatError:
    return ImportFormatError(_TOO_BIG, size=max(1, round(size / 1024 / 1024)), limit=MAX_IMPORT_BYTES // 1024 // 1024)


def read_file(path: Path) -> bytes:
    """The file's bytes, reading never more than MAX_IMPORT_BYTES + 1; ImportFormatError if it is bigger.
    OSError (no such file, no permission) is left to the caller."""
    with path.open("rb") as handle:
        data = handle.read(MAX_IMPORT_BYTES + 1)
        if len(data) > MAX_IMPORT_BYTES:
            handle.seek(0, io.SEEK_END)
            raise _too_big(handle.tell())
    return data


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding): UTF-8 with or without BOM, UTF-16 with or without BOM, else Windows-1252 (Latin-1)."""
    if len(data) > MAX_IMPORT_BYTES:
        raise _too_big(len(data))
    if data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):  # .xlsx/.ods (zip) or old .xls
        raise ImportFormatError(_NOT_TEXT)
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    head = data[:2000]
    if len(head) >= 4 and head.count(0) * 3 > len(head):  # UTF-16 without a BOM: every other byte is 0
        little = head[1::2].count(0) > head[0::2].count(0)
        return data.decode("utf-16-le" if little else "utf-16-be", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"


def header_key(cell: str) -> str:
    """A column name as compared: NFC, no surrounding space or quotes, case folded."""
    return unicodedata.normalize("NFC", cell).strip().strip('"').strip().casefold()


@dataclass(frozen=True)
class Table:
    """A CSV file's header, its rows (spreadsheet row number, cells) and the delimiter it uses."""

    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]
    delimiter: str


def _first_line(text: str) -> str:
    return next((line for line in text.splitlines() if line.strip()), "")


def sniff(text: str, known: Iterable[str] = ()) -> str:
    """The delimiter whose split of the header finds the most known column names, else the most columns."""
    header = _first_line(text)
    wanted = {header_key(k) for k in known}
    best, best_score = ",", (-1, -1)
    for delimiter in DELIMITERS:
        cells = next(csv.reader([header], delimiter=delimiter), [])
        score = (sum(header_key(c) in wanted for c in cells), len(cells))
        if score > best_score:
            best, best_score = delimiter, score
    return best


def read_table(data: bytes, known: Iterable[str] = ()) -> tuple[Table, str]:
    """(table, encoding) of a CSV file; ImportFormatError if it is empty, too big or not CSV."""
    text, encoding = decode(data)
    text = text.replace("\x00", "")
    if not text.strip():
        raise ImportFormatError(_EMPTY)
    delimiter = sniff(text, known)
    rows: list[tuple[int, tuple[str, ...]]] = []
    header: tuple[str, ...] | None = None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    number = 0
    try:
        for number, cells in enumerate(reader, start=1):
            if not any(c.strip() for c in cells):
                continue
            if header is None:
                header = tuple(c.strip().strip("\ufeff") for c in cells)
                continue
            rows.append((number, tuple(cells)))
    except csv.Error:
        raise ImportFormatError(_NOT_CSV, row=number + 1) from None
    if header is None:
        raise ImportFormatError(_EMPTY)
    return Table(header, tuple(rows), delimiter), encoding


def column_index(header: Sequence[str], name: str) -> int | None:
    key = header_key(name)
    return next((i for i, cell in enumerate(header) if header_key(cell) == key), None)


def cell(cells: Sequence[str], index: int | None) -> str:
    return cells[index].strip() if index is not None and index < len(cells) else ""


# --- dates, times, numbers ------------------------------------------------------------------------------

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](.*))?$")
_NUMERIC = re.compile(r"^(\d{1,4})[/.\-](\d{1,2})[/.\-](\d{2,4})(?:[ T](.*))?$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?::(\d{2}))?(?:\.\d+)?\s*([AaPp]\.?[Mm]\.?)?$")


def split_date(text: str) -> tuple[int, int, int, str] | None:
    """(first, second, year, rest) of a numeric date such as 03/04/2024 (not ISO), or None."""
    match = _NUMERIC.match(text.strip())
    if not match or len(match.group(1)) > 2:
        return None
    first, second, year, rest = match.groups()
    full_year = int(year) + (2000 if len(year) == 2 else 0)
    if len(year) == 3:
        return None
    return int(first), int(second), full_year, rest or ""


def detect_date_order(values: Iterable[str]) -> DateOrder | None:
    """ymd if the dates are ISO; dmy or mdy when some date shows which; None when every date could be either."""
    dmy = mdy = False
    seen_numeric = False
    for value in values:
        if _ISO.match(value.strip()):
            continue
        parts = split_date(value)
        if parts is None:
            continue
        seen_numeric = True
        first, second, _year, _rest = parts
        dmy = dmy or (first > 12 >= second)
        mdy = mdy or (second > 12 >= first)
    if not seen_numeric:
        return "ymd"
    if dmy and not mdy:
        return "dmy"
    if mdy and not dmy:
        return "mdy"
    return None


def parse_time(text: str) -> dt.time | None:
    match = _TIME.match(text.strip())
    if not match:
        return None
    hour, minute, second, meridiem = match.groups()
    h = int(hour)
    if meridiem:
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if meridiem.lower().startswith("p") else 0)
    try:
        return dt.time(h, int(minute), int(second or 0))
    except ValueError:
        return None


def parse_date(text: str, order: DateOrder) -> tuple[dt.date, dt.time | None] | None:
    """A date (and a time written after it) in the given order; ISO dates are read whatever the order."""
    value = text.strip()
    match = _ISO.match(value)
    if match:
        year, month, day, rest = int(match.group(1)), int(match.group(2)), int(match.group(3)), match.group(4) or ""
    else:
        parts = split_date(value)
        if parts is None:
            return None
        first, second, year, rest = parts
        day, month = (first, second) if order == "dmy" else (second, first)
    try:
        day_value = dt.date(year, month, day)
    except ValueError:
        return None
    rest = rest.strip().removesuffix("Z")
    if not rest:
        return day_value, None
    moment = parse_time(rest[:8] if len(rest) > 8 and rest[2] == ":" and rest[5] == ":" else rest)
    if moment is None:
        return None
    return day_value, moment


def parse_number(text: str) -> float | None:
    """A number written with a point or a decimal comma (7.5 or 7,5); None if it is not one."""
    value = text.strip().replace(",", ".")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", value):
        return None
    return float(value)


def rows_of(table: Table) -> Iterator[tuple[int, tuple[str, ...]]]:
    yield from table.rows
