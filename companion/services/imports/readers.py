"""One entry point for every reader: a file's bytes and its kind in, a `ParsedImport` out (nothing saved)."""

from __future__ import annotations

import datetime as dt

from companion.services.imports.bearable import parse_bearable
from companion.services.imports.flaredown import parse_flaredown
from companion.services.imports.model import ImportSource, ParsedImport
from companion.services.imports.reading import DateOrder
from companion.services.imports.spreadsheet import ColumnMapping, parse_spreadsheet


def parse_file(
    source: ImportSource,
    data: bytes,
    file_name: str,
    now: dt.datetime,
    *,
    mapping: ColumnMapping | None = None,
    date_order: DateOrder | None = None,
) -> ParsedImport:
    """Read a file of the given kind. Raises ImportFormatError (with AmbiguousDateOrderError when the date
    order must be chosen) for a file that can't be imported at all; rows that can't be are in `problems`."""
    if source == "bearable":
        return parse_bearable(data, file_name, now)
    if source == "flaredown":
        return parse_flaredown(data, file_name, now)
    return parse_spreadsheet(data, file_name, now, mapping or ColumnMapping(), date_order)
