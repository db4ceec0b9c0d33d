"""Export and import: the whole diary as JSON or a zip of CSV files, and pain scores from another diary.

This module holds what both formats share (the results, the not-encrypted warning, writing the file) and
is the public entry point. The work is done in `transfer_json` (our own JSON, lossless, re-importable) and
`transfer_csv` (the CSV bundle and the simple pain-score CSV from another diary). The formats are described
field by field in docs/export-format.md.

Every export file is plain text: whoever has it can read it. Show `EXPORT_WARNING` before writing one.
"""

from __future__ import annotations

import datetime as dt
import errno
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from companion.domain.errors import ExportFailedError, ExportFolderNotWritableError, save_failure_reason
from companion.i18n import N_, _, ngettext
from companion.storage import atomic

if TYPE_CHECKING:
    from companion.services.session import DiarySession

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


def write_export(path: Path, data: bytes) -> None:
    """Write an export atomically: the whole file or none (never a partial file), or a translated error.

    Raises ExportFolderNotWritableError (no permission, read-only disk) or ExportFailedError (disk full,
    anything else the operating system refuses).
    """
    try:
        atomic.atomic_write(path, data)
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise ExportFolderNotWritableError(str(exc), folder=str(path.parent)) from exc
        raise ExportFailedError(str(exc), name=str(path), reason=save_failure_reason(exc)) from exc


def export_warning() -> str:
    """EXPORT_WARNING in the active language."""
    return _(EXPORT_WARNING)


# --- the public functions, implemented in transfer_json and transfer_csv -------------------------------
# (imported when called, so that those modules can import the shared types above without a cycle)


def export_json(session: DiarySession) -> bytes:
    """The whole diary (drafts aside) as UTF-8 JSON, version 1; see docs/export-format.md."""
    from companion.services import transfer_json

    return transfer_json.export_json(session)


def preview_json(session: DiarySession, data: bytes, mode: ImportMode) -> ImportPreview:
    """Check a JSON export and count what importing it would do. Raises ImportFormatError; changes nothing."""
    from companion.services import transfer_json

    return transfer_json.preview_json(session, data, mode)


def import_json(session: DiarySession, data: bytes, mode: ImportMode) -> ImportReport:
    """Import a JSON export, all or nothing. Raises ImportFormatError (nothing changed) or SaveFailedError."""
    from companion.services import transfer_json

    return transfer_json.import_json(session, data, mode)


def export_csv_zip(session: DiarySession) -> bytes:
    """A zip with one CSV per table (UTF-8 with BOM) and a bilingual README.txt."""
    from companion.services import transfer_csv

    return transfer_csv.export_csv_zip(session)


def preview_pain_csv(data: bytes, *, now: dt.datetime | None = None) -> PainCsvPreview:
    """Read a pain-score CSV from another diary, row by row (nothing imported; `now` defaults to the
    computer's clock). Raises ImportFormatError for wrong columns."""
    from companion.services import transfer_csv

    return transfer_csv.preview_pain_csv(data, now=now)


def import_pain_csv(session: DiarySession, data: bytes) -> ImportReport:
    """Import the acceptable rows of a pain-score CSV as check-ins; rows already imported are skipped."""
    from companion.services import transfer_csv

    return transfer_csv.import_pain_csv(session, data)


__all__ = [
    "EXPORT_WARNING",
    "IMPORT_MODES",
    "ImportMode",
    "ImportPreview",
    "ImportReport",
    "PainCsvPreview",
    "PainCsvRow",
    "TableCounts",
    "export_csv_zip",
    "export_json",
    "export_warning",
    "import_json",
    "import_pain_csv",
    "preview_json",
    "preview_pain_csv",
    "write_export",
]
