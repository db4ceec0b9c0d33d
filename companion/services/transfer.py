"""Export and import: the whole diary as JSON or a zip of CSV files, and pain scores from another diary.

This module is the public entry point: writing the file, and the functions of both formats. The work is
done in `transfer_json` (our own JSON, lossless, re-importable) and `transfer_csv` (the CSV bundle and the
simple pain-score CSV from another diary); what they share lives in `transfer_model`. The formats are described
field by field in docs/export-format.md.

Every export file is plain text: whoever has it can read it. Show `EXPORT_WARNING` before writing one.
"""

from __future__ import annotations

import errno
from pathlib import Path

from companion.domain.errors import ExportFailedError, ExportFolderNotWritableError, save_failure_reason
from companion.i18n import _
from companion.services.transfer_csv import export_csv_zip, import_pain_csv, preview_pain_csv
from companion.services.transfer_json import export_json, import_json, preview_json
from companion.services.transfer_model import (
    EXPORT_WARNING,
    IMPORT_MODES,
    ImportMode,
    ImportPreview,
    ImportReport,
    PainCsvPreview,
    PainCsvRow,
    TableCounts,
)
from companion.storage import atomic


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
