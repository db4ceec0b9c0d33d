"""The values an import passes around: an entry as it will be saved, a problem with a row, a file read."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Literal

from companion.domain.checkin import CheckinInput, TagKind, TagRating

ImportSource = Literal["bearable", "flaredown", "csv"]
SOURCES: tuple[ImportSource, ...] = ("bearable", "flaredown", "csv")

# uuid5(IMPORT_NAMESPACE, "<source>|<local time>|<values>") is an imported entry's id, so the same entry
# imported again is recognised as already in the diary. Never change it: that would duplicate old imports.
IMPORT_NAMESPACE = uuid.UUID("3b0f7f8e-5d52-5c55-9a4e-7c1d2f6a9e11")


@dataclass(frozen=True)
class Problem:
    """Something in the file that was not imported: `row` as a spreadsheet numbers it (header = 1), the
    column's name as the file has it ("" for the whole row), and a translated sentence that names both."""

    row: int
    column: str
    message: str


@dataclass(frozen=True)
class ImportedEntry:
    """One check-in as it will be saved; `rows` are the file's rows it was made from."""

    recorded_at: dt.datetime  # aware, local time
    pain: int | None = None
    sleep_hours: float | None = None
    mood: int | None = None
    fatigue: int | None = None
    tags: tuple[str, ...] = ()
    note: str = ""
    rows: tuple[int, ...] = ()

    def entry_id(self, source: ImportSource) -> str:
        local = self.recorded_at.replace(tzinfo=None).isoformat(timespec="minutes")
        values = "|".join(
            [
                "" if self.pain is None else str(self.pain),
                "" if self.sleep_hours is None else repr(self.sleep_hours),
                "" if self.mood is None else str(self.mood),
                "" if self.fatigue is None else str(self.fatigue),
                ";".join(self.tags),
                self.note,
            ]
        )
        return str(uuid.uuid5(IMPORT_NAMESPACE, f"{source}|{local}|{values}"))

    def as_input(self) -> CheckinInput:
        return CheckinInput(
            recorded_at=self.recorded_at,
            pain=self.pain,
            sleep_hours=self.sleep_hours,
            mood=self.mood,
            fatigue=self.fatigue,
            tags=tuple(TagRating(TagKind.DID, name) for name in self.tags),
            note=self.note,
        )


@dataclass(frozen=True)
class ParsedImport:
    """A file read and checked row by row, nothing saved. `repeated` counts entries the file has twice."""

    source: ImportSource
    file_name: str
    entries: tuple[ImportedEntry, ...]
    problems: tuple[Problem, ...]
    repeated: int
    encoding: str
    delimiter: str
