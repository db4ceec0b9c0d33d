"""What an unlocked diary image holds (integrity, schema revision, number of entries), without changing it.

Used by the command line's check and restore, and by the restore dialog before anything is put back.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Contents:
    """What an unlocked image holds, checked without changing anything."""

    revision: str | None
    newest_known: str
    sound: bool
    entries: int | None

    @property
    def current(self) -> bool:
        return self.revision == self.newest_known


def inspect_image(image: bytes) -> Contents:
    """SQLite integrity check, schema revision (NewerVersionError if unknown) and the number of entries."""
    from sqlalchemy.exc import SQLAlchemyError

    from companion.storage.database import Database

    database = Database(image)  # DamagedVaultError when it is not a database
    try:
        revision, head = database.revision_state()
        sound = database.integrity_ok() and revision is not None
        entries: int | None = None
        try:
            with database.engine.connect() as connection:
                entries = int(connection.exec_driver_sql("SELECT COUNT(*) FROM pain_entries").scalar() or 0)
        except SQLAlchemyError:
            sound = False
    finally:
        database.close()
    return Contents(revision, head, sound, entries)
