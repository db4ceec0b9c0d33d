"""A read-only session over a private copy of the open diary, for documents built off the GUI thread."""

from __future__ import annotations

from companion.services.session import DiarySession
from companion.storage.read_only import ReadOnlyCopy


def read_only_copy(session: DiarySession) -> DiarySession:
    """Call on the thread that owns `session` (the GUI thread); use the copy anywhere, then `close()` it.
    Its services read what was committed when it was taken; a write raises."""
    copy = DiarySession(ReadOnlyCopy.of(session.store), session.clock)
    return copy


def close_copy(copy: DiarySession) -> None:
    copy.store.close()
    copy.is_open = False
