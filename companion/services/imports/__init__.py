"""Imports from other trackers (Bearable, Flaredown, any spreadsheet): read, previewed, added and undone as batches.

`read_file` reads a file (bounded), a reader turns it into a `ParsedImport` (nothing saved), `check_import`
compares it with the diary, `apply_import` adds the new entries in one commit after a backup and records
the batch, and `undo_import` removes exactly what a batch added. See docs/import.md.
"""

from companion.services.imports.batches import ImportBatch, ImportOutcome, apply_import, list_imports, undo_import
from companion.services.imports.check import ImportCheck, check_import
from companion.services.imports.model import (
    SOURCES,
    ImportedEntry,
    ImportSource,
    ParsedImport,
    Problem,
)
from companion.services.imports.readers import parse_file
from companion.services.imports.reading import MAX_IMPORT_BYTES, read_file

__all__ = [
    "MAX_IMPORT_BYTES",
    "SOURCES",
    "ImportBatch",
    "ImportCheck",
    "ImportOutcome",
    "ImportSource",
    "ImportedEntry",
    "ParsedImport",
    "Problem",
    "apply_import",
    "check_import",
    "list_imports",
    "parse_file",
    "read_file",
    "undo_import",
]
