"""Adding an import as one batch (a backup first, one commit), listing the batches, and undoing one as a whole."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select, update

from companion.domain.changes import Changes
from companion.domain.checkin import Checkin, fold, validate_checkin
from companion.domain.errors import ValidationError
from companion.i18n import N_, ngettext
from companion.services.imports.check import ImportCheck, split_new
from companion.services.imports.model import ImportSource, ParsedImport
from companion.storage import backups
from companion.storage.models import EntryTagRow, ImportBatchItemRow, ImportBatchRow, PainEntryRow, TagRow
from companion.storage.repositories import from_row_times, to_row_times
from companion.storage.unit_of_work import UnitOfWork

if TYPE_CHECKING:
    from companion.services.session import DiarySession

ENTRIES, TAGS = "pain_entries", "tags"
IMPORT_CHANGES = Changes(pain_entries=True, tags=True)


@dataclass(frozen=True)
class ImportOutcome:
    """What an import did. `batch_id` is None when nothing was new (then nothing was written, no backup made)."""

    batch_id: str | None
    added: int
    duplicates: int
    skipped: int
    backup: str | None = None
    changes: Changes = field(default_factory=Changes)

    def summary(self) -> str:
        return ngettext(
            "{added} entry was imported (already in your diary: {duplicates}; rows that couldn't be imported: "
            "{skipped}).",
            "{added} entries were imported (already in your diary: {duplicates}; rows that couldn't be imported: "
            "{skipped}).",
            self.added,
        ).format(added=self.added, duplicates=self.duplicates, skipped=self.skipped)


@dataclass(frozen=True)
class ImportBatch:
    """One import as the list of imports shows it."""

    id: str
    source: ImportSource
    file_name: str
    imported_at: dt.datetime
    added: int  # entries the import added
    remaining: int  # of those, still in the diary
    undone: bool


@dataclass(frozen=True)
class UndoOutcome:
    removed_entries: int
    removed_tags: int
    changes: Changes = field(default=IMPORT_CHANGES)

    def summary(self) -> str:
        return ngettext(
            "The import was undone: {count} entry was removed.",
            "The import was undone: {count} entries were removed.",
            self.removed_entries,
        ).format(count=self.removed_entries)


def apply_import(session: DiarySession, parsed: ParsedImport, *, backup: bool = True) -> ImportOutcome:
    """Add the file's new entries in one commit, recorded as one batch, after an encrypted backup of the
    diary as it was. Entries already in the diary are left as they are."""
    now = session.diary.now()
    now_utc = now.astimezone(dt.UTC).replace(tzinfo=None)
    with UnitOfWork(session.store) as uow:
        db = uow.session
        assert db is not None
        check: ImportCheck = split_new(db, parsed)
        cleaned = [(e.entry_id(parsed.source), validate_checkin(e.as_input(), now)) for e in check.new]
        if not cleaned:
            return ImportOutcome(None, 0, len(check.duplicates), len(parsed.problems))
        made = backups.make_backup(session.path, backups.BEFORE_CHANGE, now=session.clock.now()) if backup else None
        folded = {fold(t.name) for _i, given in cleaned for t in given.tags}
        tags_before = set(db.scalars(select(TagRow.folded).where(TagRow.folded.in_(folded)))) if folded else set()
        batch_id = str(uuid.uuid4())
        utc, offset = to_row_times(now)
        db.add(
            ImportBatchRow(
                id=batch_id,
                source=parsed.source,
                file_name=parsed.file_name[:255],
                imported_at_utc=utc,
                utc_offset_minutes=offset,
            )
        )
        db.flush()  # the batch row before its items (no ORM relationship orders them)
        for entry_id, given in cleaned:
            uow.checkins.add(Checkin.from_input(entry_id, given), now_utc)
            db.add(ImportBatchItemRow(batch_id=batch_id, table_name=ENTRIES, row_id=entry_id))
        db.flush()
        for tag_id, tag_folded in db.execute(select(TagRow.id, TagRow.folded).where(TagRow.folded.in_(folded))):
            if tag_folded not in tags_before:
                db.add(ImportBatchItemRow(batch_id=batch_id, table_name=TAGS, row_id=tag_id))
        uow.commit()
    return ImportOutcome(
        batch_id,
        len(cleaned),
        len(check.duplicates),
        len(parsed.problems),
        str(made) if made else None,
        IMPORT_CHANGES,
    )


def _items(db: object, batch_id: str, table: str) -> list[str]:
    from sqlalchemy.orm import Session

    assert isinstance(db, Session)
    query = select(ImportBatchItemRow.row_id).where(
        ImportBatchItemRow.batch_id == batch_id, ImportBatchItemRow.table_name == table
    )
    return list(db.scalars(query))


def undo_import(session: DiarySession, batch_id: str, *, backup: bool = True) -> UndoOutcome:
    """Remove exactly what a batch added: its check-ins (edited since or not) and the tags it created that no
    other check-in uses. Entries added before or after it, by hand or by another import, stay."""
    now = session.diary.now()
    with UnitOfWork(session.store) as uow:
        db = uow.session
        assert db is not None
        batch = db.get(ImportBatchRow, batch_id)
        if batch is None:
            raise ValidationError(N_("That import is not in this diary, so there is nothing to undo."))
        if batch.undone_at_utc is not None:
            raise ValidationError(N_("That import has already been undone."))
        if backup:
            backups.make_backup(session.path, backups.BEFORE_CHANGE, now=session.clock.now())
        entry_ids = _items(db, batch_id, ENTRIES)
        removed = 0
        for start in range(0, len(entry_ids), 500):
            chunk = entry_ids[start : start + 500]
            db.execute(delete(EntryTagRow).where(EntryTagRow.entry_id.in_(chunk)))
            result = db.execute(delete(PainEntryRow).where(PainEntryRow.id.in_(chunk)))
            removed += int(getattr(result, "rowcount", 0) or 0)
        removed_tags = 0
        for tag_id in _items(db, batch_id, TAGS):
            used = db.scalar(select(func.count()).select_from(EntryTagRow).where(EntryTagRow.tag_id == tag_id))
            if not used:
                result = db.execute(delete(TagRow).where(TagRow.id == tag_id))
                removed_tags += int(getattr(result, "rowcount", 0) or 0)
        utc, _offset = to_row_times(now)
        db.execute(update(ImportBatchRow).where(ImportBatchRow.id == batch_id).values(undone_at_utc=utc))
        uow.commit()
    return UndoOutcome(removed, removed_tags)


def list_imports(session: DiarySession) -> tuple[ImportBatch, ...]:
    """Every import recorded in the diary, newest first."""
    with UnitOfWork(session.store) as uow:
        db = uow.session
        assert db is not None
        batches = db.scalars(select(ImportBatchRow).order_by(ImportBatchRow.imported_at_utc.desc()))
        found = []
        for batch in batches:
            ids = _items(db, batch.id, ENTRIES)
            remaining = 0
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                remaining += int(
                    db.scalar(select(func.count()).select_from(PainEntryRow).where(PainEntryRow.id.in_(chunk))) or 0
                )
            found.append(
                ImportBatch(
                    batch.id,
                    batch.source,  # type: ignore[arg-type]
                    batch.file_name,
                    from_row_times(batch.imported_at_utc, batch.utc_offset_minutes),
                    len(ids),
                    remaining,
                    batch.undone_at_utc is not None,
                )
            )
    return tuple(found)
