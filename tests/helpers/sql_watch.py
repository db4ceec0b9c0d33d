"""Watch the SQL a piece of the interface sends to the open diary (SQLAlchemy's before_cursor_execute)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event

from companion.services.session import DiarySession


@contextmanager
def statements(session: DiarySession) -> Iterator[list[str]]:
    """Every statement sent while the block runs, as SQL text."""
    engine = session.store.database.engine
    seen: list[str] = []

    def on_execute(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", on_execute)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)


def touching(seen: list[str], *tables: str) -> list[str]:
    """The statements that name any of `tables` (as whole words)."""
    import re

    pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in tables) + r")\b")
    return [s for s in seen if pattern.search(s)]
