"""Count the SQL a screen issues: SQLAlchemy's `before_cursor_execute` on the open diary's engine."""

from __future__ import annotations

import re
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


def selects(seen: list[str]) -> list[str]:
    """The statements that read (SELECT), leaving out writes."""
    return [s for s in seen if s.lstrip().upper().startswith("SELECT")]


def touching(seen: list[str], *tables: str) -> list[str]:
    """The statements that name any of `tables` (as whole words)."""
    pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in tables) + r")\b")
    return [s for s in seen if pattern.search(s)]


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
