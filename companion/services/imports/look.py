"""A first look at a file offered for import, before anything is chosen: which tracker it seems to come from,
its columns and first rows, a suggested column mapping, and for each column whether its dates show their order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from companion.services.imports.bearable import KNOWN_COLUMNS as BEARABLE_COLUMNS
from companion.services.imports.flaredown import looks_like_flaredown
from companion.services.imports.model import ImportSource
from companion.services.imports.reading import DateOrder, cell, detect_date_order, header_key, read_table
from companion.services.imports.spreadsheet import SUGGESTIONS, Field, suggest_mapping

SAMPLE_ROWS = 5
# Columns only Bearable's export has together (its date column is "date" or "date formatted").
BEARABLE_SIGNATURE = frozenset({"time of day", "category", "rating/amount", "detail"})


@dataclass(frozen=True)
class FileLook:
    """What a file seems to be. `date_orders[column]` is ymd, dmy or mdy when the column's dates show their
    order (or hold no numeric dates), None when every date in it could be day/month or month/day."""

    source: ImportSource
    header: tuple[str, ...]
    sample: tuple[tuple[int, tuple[str, ...]], ...]
    rows: int
    suggested: dict[Field, str] = field(default_factory=dict)
    date_orders: dict[str, DateOrder | None] = field(default_factory=dict)
    examples: dict[str, str] = field(default_factory=dict)  # the first filled value of each column


def detect_source(header: tuple[str, ...]) -> ImportSource:
    """bearable or flaredown when the columns are that app's export; otherwise csv (any spreadsheet)."""
    keys = {header_key(c) for c in header}
    if keys >= BEARABLE_SIGNATURE and keys & {"date", "date formatted"}:
        return "bearable"
    if looks_like_flaredown(header):
        return "flaredown"
    return "csv"


def look_at(data: bytes) -> FileLook:
    """Read the whole file once (bounded, as every import reads it). Raises ImportFormatError for a file that
    can't be read as CSV at all (empty, a workbook, too big); nothing is saved either way."""
    known = [*BEARABLE_COLUMNS, "tags", "foods", *(name for names in SUGGESTIONS.values() for name in names)]
    table, _encoding = read_table(data, known)
    orders: dict[str, DateOrder | None] = {}
    examples: dict[str, str] = {}
    for index, column in enumerate(table.header):
        values = [cell(cells, index) for _n, cells in table.rows]
        orders[column] = detect_date_order(values)
        examples[column] = next((v for v in values if v), "")
    return FileLook(
        source=detect_source(table.header),
        header=table.header,
        sample=table.rows[:SAMPLE_ROWS],
        rows=len(table.rows),
        suggested=suggest_mapping(table.header),
        date_orders=orders,
        examples=examples,
    )
