"""A parsed file compared with the diary: which entries are new and which are already there (nothing saved)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from companion.i18n import ngettext
from companion.services.imports.model import ImportedEntry, ParsedImport
from companion.storage.models import PainEntryRow
from companion.storage.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from companion.services.session import DiarySession


@dataclass(frozen=True)
class ImportCheck:
    """What importing would do: `new` entries are added; `duplicates` are already in the diary."""

    parsed: ParsedImport
    new: tuple[ImportedEntry, ...]
    duplicates: tuple[ImportedEntry, ...]

    def summary(self) -> str:
        """One translated sentence: new, already in the diary, repeated in the file, not importable."""
        return ngettext(
            "{new} entry will be added (already in your diary: {duplicates}; repeated in the file: {repeated}; "
            "rows that can't be imported: {skipped}).",
            "{new} entries will be added (already in your diary: {duplicates}; repeated in the file: {repeated}; "
            "rows that can't be imported: {skipped}).",
            len(self.new),
        ).format(
            new=len(self.new),
            duplicates=len(self.duplicates),
            repeated=self.parsed.repeated,
            skipped=len(self.parsed.problems),
        )


def existing_ids(db: Session, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), 500):  # SQLite's limit on bound parameters
        chunk = ids[start : start + 500]
        found.update(db.scalars(select(PainEntryRow.id).where(PainEntryRow.id.in_(chunk))))
    return found


def split_new(db: Session, parsed: ParsedImport) -> ImportCheck:
    ids = [e.entry_id(parsed.source) for e in parsed.entries]
    there = existing_ids(db, ids)
    new = tuple(e for e, i in zip(parsed.entries, ids, strict=True) if i not in there)
    duplicates = tuple(e for e, i in zip(parsed.entries, ids, strict=True) if i in there)
    return ImportCheck(parsed, new, duplicates)


def check_import(session: DiarySession, parsed: ParsedImport) -> ImportCheck:
    with UnitOfWork(session.store) as uow:
        assert uow.session is not None
        return split_new(uow.session, parsed)
