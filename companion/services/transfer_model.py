"""What export and import share: the import modes, the results, the not-encrypted warning.

Kept apart from `transfer` (the public entry point) so that `transfer_json` and `transfer_csv` can use these
types while `transfer` imports them both, with no import cycle.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from companion.i18n import N_, ngettext

ImportMode = Literal["merge", "replace"]
IMPORT_MODES: tuple[ImportMode, ...] = ("merge", "replace")
DRAFT_PREFIX = "draft."  # diary_settings keys that hold unfinished, transient drafts: never exported

EXPORT_WARNING = N_(
    "An export file is not encrypted: anyone who has the file can read everything in it. Keep it "
    "somewhere safe and delete it when you no longer need it."
)


@dataclass(frozen=True)
class TableCounts:
    """What an import does to one table.

    new: rows added. duplicates: rows already in the diary (same stable id), skipped. replaced: rows in the
    diary that a replace import overwrites with the file's row of the same id. removed: rows in the diary
    that a replace import deletes because the file does not have them.
    """

    new: int = 0
    duplicates: int = 0
    replaced: int = 0
    removed: int = 0


@dataclass(frozen=True)
class ImportPreview:
    """What `import_json` would do, table by table, computed without changing anything."""

    mode: ImportMode
    tables: dict[str, TableCounts]
    exported_at: str = ""
    app_version: str = ""

    @property
    def new(self) -> int:
        return sum(c.new for c in self.tables.values())

    @property
    def duplicates(self) -> int:
        return sum(c.duplicates for c in self.tables.values())

    @property
    def replaced(self) -> int:
        return sum(c.replaced for c in self.tables.values())

    @property
    def removed(self) -> int:
        return sum(c.removed for c in self.tables.values())

    def summary(self) -> str:
        """One translated sentence saying what importing would do."""
        if self.mode == "replace":
            return ngettext(
                "Importing will replace your diary with {count} row from the file "
                "(rows in your diary now that will be removed or overwritten: {gone}).",
                "Importing will replace your diary with {count} rows from the file "
                "(rows in your diary now that will be removed or overwritten: {gone}).",
                self.new + self.replaced,
            ).format(count=self.new + self.replaced, gone=self.removed + self.replaced)
        return ngettext(
            "{new} row will be added to your diary (already in the diary: {duplicates}).",
            "{new} rows will be added to your diary (already in the diary: {duplicates}).",
            self.new,
        ).format(new=self.new, duplicates=self.duplicates)


@dataclass(frozen=True)
class ImportReport:
    """The outcome of an import. `rejected` holds (row number, translated reason) for rows not imported."""

    accepted: int = 0
    duplicates: int = 0
    rejected: tuple[tuple[int, str], ...] = ()
    tables: dict[str, TableCounts] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return self.accepted > 0 or any(c.removed or c.replaced for c in self.tables.values())

    def summary(self) -> str:
        """One translated sentence, e.g. "12 rows were imported (already in the diary: 3; not imported: 1)."."""
        return ngettext(
            "{accepted} row was imported (already in the diary: {duplicates}; not imported: {rejected}).",
            "{accepted} rows were imported (already in the diary: {duplicates}; not imported: {rejected}).",
            self.accepted,
        ).format(accepted=self.accepted, duplicates=self.duplicates, rejected=len(self.rejected))


@dataclass(frozen=True)
class PainCsvRow:
    """One accepted row of a pain-score CSV: `row` is its number as a spreadsheet shows it (header = 1)."""

    row: int
    entry_id: str
    recorded_at: dt.datetime
    score: int
    note: str


@dataclass(frozen=True)
class PainCsvPreview:
    """A pain-score CSV read and checked, nothing imported. `duplicates` are repeats within the file."""

    rows: tuple[PainCsvRow, ...]
    rejected: tuple[tuple[int, str], ...]
    duplicates: int
    encoding: str
    delimiter: str

    def summary(self) -> str:
        """One translated sentence saying what the file holds (rows already in the diary are found on import)."""
        return ngettext(
            "{count} row can be imported (repeated in the file: {duplicates}; not importable: {rejected}).",
            "{count} rows can be imported (repeated in the file: {duplicates}; not importable: {rejected}).",
            len(self.rows),
        ).format(count=len(self.rows), duplicates=self.duplicates, rejected=len(self.rejected))
