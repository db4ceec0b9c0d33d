"""Count the SQL a screen issues: SQLAlchemy's `before_cursor_execute` on the open diary's engine."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlalchemy import event

if TYPE_CHECKING:
    from companion.services.session import DiarySession


@contextmanager
def statements(session: DiarySession) -> Iterator[list[str]]:
    """Every statement sent to the database while the block runs (the list fills as they are sent)."""
    engine = session.store.database.engine
    seen: list[str] = []

    def record(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


def reads_of(part: object, session: DiarySession) -> list[str]:
    """From now on, the statements `part.refresh()` issues (the list fills whenever the host refreshes it)."""
    seen: list[str] = []
    original = part.refresh  # type: ignore[attr-defined]

    def counted() -> None:
        with statements(session) as inside:
            original()
        seen.extend(inside)

    part.refresh = counted  # type: ignore[attr-defined]
    return seen
