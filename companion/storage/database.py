"""The diary's SQLite database, held only in memory, behind SQLAlchemy 2.

The image comes from the vault and goes back to it after each real commit. `temp_store=MEMORY` keeps
SQLite from writing plaintext temp files; nothing of the database touches the disk unencrypted.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import StaticPool

from companion.domain.errors import DamagedVaultError, NewerVersionError

SCRIPT_LOCATION = "companion.storage:migrations"


class Database:
    def __init__(self, image: bytes | None = None) -> None:
        self._conn = sqlite3.connect(":memory:", check_same_thread=False)
        if image:
            try:
                self._conn.deserialize(image)
                self._conn.execute("PRAGMA schema_version").fetchone()
            except sqlite3.DatabaseError:
                self._conn.close()
                raise DamagedVaultError() from None
        self._conn.execute("PRAGMA temp_store=MEMORY")
        self._conn.execute("PRAGMA foreign_keys=ON")
        conn = self._conn
        self.engine: Engine = create_engine("sqlite://", creator=lambda: conn, poolclass=StaticPool)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        # Counts real commits (and migrations): the store compares it with the count it last saved. Only
        # the thread holding the store's write lock commits, so a plain int is enough.
        self.commits = 0
        event.listen(self.sessions, "after_commit", self._on_after_commit)

    def _on_after_commit(self, _session: Session) -> None:
        self.commits += 1

    # --- migrations -----------------------------------------------------------------------------------

    def _alembic_config(self, connection: Any) -> Any:
        from alembic.config import Config

        cfg = Config()
        cfg.set_main_option("script_location", SCRIPT_LOCATION)
        cfg.attributes["connection"] = connection
        return cfg

    def revision_state(self) -> tuple[str | None, str]:
        """(revision in the image, newest revision this version knows). Raises NewerVersionError."""
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory
        from alembic.util.exc import CommandError

        with self.engine.connect() as connection:
            current = MigrationContext.configure(connection).get_current_revision()
            script = ScriptDirectory.from_config(self._alembic_config(connection))
            head = script.get_current_head()
            if current is not None:
                try:
                    script.get_revision(current)
                except CommandError:
                    raise NewerVersionError() from None
        assert head is not None
        return current, head

    def migrate(self, target: str = "head") -> None:
        from alembic import command

        with self.engine.begin() as connection:
            command.upgrade(self._alembic_config(connection), target)
        self.commits += 1

    # --- image ----------------------------------------------------------------------------------------

    def serialize(self) -> bytes:
        return self._conn.serialize()

    def make_read_only(self) -> None:
        """Refuse every write from now on (a private copy for reading, see storage/read_only.py)."""
        self._conn.execute("PRAGMA query_only=ON")

    def integrity_ok(self) -> bool:
        row = self._conn.execute("PRAGMA integrity_check").fetchone()
        return bool(row and row[0] == "ok")

    def wipe(self) -> None:
        """Overwrite the rows in memory before closing (storage/wipe.py); the database is unusable after."""
        from companion.storage.wipe import zero_database

        zero_database(self._conn)

    def close(self) -> None:
        self.engine.dispose()
        self._conn.close()
