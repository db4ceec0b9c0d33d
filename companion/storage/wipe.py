"""Overwrite what Companion owns before it lets go of it at lock: the in-memory database's pages.

Python cannot overwrite an immutable `bytes` or `str` (the SQLite image handed to the vault, a note in a text
field); those are freed and their memory reused later (large ones go back to the operating system at once).
What the app does own is overwritten: the data key and the recovery secret (bytearrays, see vault.py) and the
database, whose rows are deleted with SQLite's secure_delete, so its page buffers hold zeros when they are
freed. docs/security.md lists what is and is not wiped.
"""

from __future__ import annotations

import contextlib
import sqlite3


def zero_database(conn: sqlite3.Connection) -> None:
    """Delete every row with secure_delete on, so SQLite overwrites the content in its buffers with zeros.
    Call only after the database was saved and just before it is closed; it is never saved again."""
    with contextlib.suppress(sqlite3.Error):
        conn.execute("PRAGMA secure_delete=ON")
        conn.execute("PRAGMA foreign_keys=OFF")
        tables = [row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            if not table.startswith("sqlite_"):
                conn.execute(f'DELETE FROM "{table}"')  # noqa: S608 - names from sqlite_master itself
        conn.commit()
        conn.execute("VACUUM")  # rewrites the file image without the freed pages
