"""Count the SQL statements an open diary runs, with SQLAlchemy's `before_cursor_execute` event."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from sqlalchemy import event

from companion.services.session import DiarySession


@contextlib.contextmanager
def statements(session: DiarySession) -> Iterator[list[str]]:
    """Every statement run on `session`'s database inside the block, in order."""
    engine = session.store.database.engine
    seen: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)
