"""The Page protocol and the page host: how a screen part learns that it must read the diary again.

A part (a page, or a panel of one, such as Today's pacing rows) says which kinds of change it shows
(`interests`). When `DiaryEvents.changed` fires, the host refreshes the parts that are visible and whose
interests meet the change, and marks the hidden ones stale; a stale part refreshes when it is next shown.
So recording a check-in reads nothing for a Diary page that is not on screen.

`retranslate_ui()` only sets text (from the part's last-read data): it never reads the diary. `draft()` and
`restore()` keep unsaved input across a lock; `detach()` stops timers before the diary closes.
"""

from __future__ import annotations

import contextlib
from typing import Any, Protocol, runtime_checkable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from companion.domain.changes import Changes
from companion.ui.core.events import DiaryEvents
from companion.ui.widgets import Retranslatable

Draft = dict[str, Any]


@runtime_checkable
class Page(Protocol):
    interests: Changes

    def refresh(self) -> None: ...

    def retranslate_ui(self) -> None: ...

    def draft(self) -> Draft | None: ...

    def restore(self, draft: Draft) -> None: ...

    def detach(self) -> None: ...


class PagePart(Retranslatable):
    """Defaults for a QWidget that is a Page: no draft, nothing to stop. Subclasses set `interests` and
    `draft_key` (the name its draft is kept under across a lock), and override what they need."""

    interests: Changes = Changes()
    draft_key: str = ""
    hides_when_empty = False  # True for a part that hides itself when it has nothing to show

    def refresh(self) -> None:
        raise NotImplementedError

    def draft(self) -> Draft | None:
        return None

    def restore(self, draft: Draft) -> None:
        """Put back what draft() returned (after unlocking)."""

    def detach(self) -> None:
        """Stop timers and anything that would read the diary; called before the diary closes."""


def _on_screen(part: QWidget) -> bool:
    """Shown, or would be if it had something to show: a part that hides itself when empty
    (`hides_when_empty`, a banner with nothing due) still hears changes while its page is on screen, or it
    could never show itself again."""
    if part.isVisible():
        return True
    parent = part.parentWidget()
    return bool(getattr(part, "hides_when_empty", False)) and parent is not None and parent.isVisible()


class PageHost(QObject):
    """Refreshes registered parts from change events: visible ones at once, hidden ones when next shown."""

    def __init__(self, events: DiaryEvents, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events = events
        self._parts: list[QWidget] = []
        self._stale: set[int] = set()
        self._drafts: dict[str, Draft] = {}
        self.refreshes = 0  # how many part refreshes the host asked for (tests read it)
        events.changed.connect(self._on_events_changed)

    def add(self, part: QWidget) -> QWidget:
        """Start refreshing `part` from change events (it has just read the diary itself). A draft kept for
        it over a lock is restored now."""
        assert isinstance(part, Page), f"{type(part).__name__} is not a Page"
        self._parts.append(part)
        part.installEventFilter(self)
        key_of_part = id(part)
        part.destroyed.connect(lambda _obj=None: self._forget(key_of_part))
        key = getattr(part, "draft_key", "")
        if key and key in self._drafts:
            part.restore(self._drafts.pop(key))
        return part

    def parts(self) -> list[QWidget]:
        return list(self._parts)

    def is_stale(self, part: QWidget) -> bool:
        return id(part) in self._stale

    def _forget(self, key: int) -> None:
        self._parts = [p for p in self._parts if id(p) != key]
        self._stale.discard(key)

    def _on_events_changed(self, changes: Changes, origin: object = None) -> None:
        for part in list(self._parts):
            if part is origin or not part.interests.meets(changes):  # type: ignore[attr-defined]
                continue
            if _on_screen(part):
                self._refresh(part)
            else:
                self._stale.add(id(part))

    def _refresh(self, part: QWidget) -> None:
        self._stale.discard(id(part))
        self.refreshes += 1
        part.refresh()  # type: ignore[attr-defined]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and id(watched) in self._stale and isinstance(watched, QWidget):
            self._refresh(watched)
        return False

    # --- across a lock -------------------------------------------------------------------------------------

    def drafts(self) -> dict[str, Draft]:
        """Unsaved input of every part that has some, by draft key (kept encrypted in the diary over a lock),
        with drafts not yet handed back to a part that was never rebuilt."""
        kept = dict(self._drafts)
        for part in self._parts:
            key = getattr(part, "draft_key", "")
            if key:
                draft = part.draft()  # type: ignore[attr-defined]
                if draft:
                    kept[key] = draft
        return kept

    def keep_drafts(self, drafts: dict[str, Draft]) -> None:
        """Drafts to restore: to parts already built now, to the others when they are built."""
        self._drafts = dict(drafts)
        for part in list(self._parts):
            key = getattr(part, "draft_key", "")
            if key and key in self._drafts:
                part.restore(self._drafts.pop(key))  # type: ignore[attr-defined]

    def detach(self) -> None:
        """Before the diary closes: every part stops its timers; no more refreshes."""
        with contextlib.suppress(RuntimeError, TypeError):
            self._events.changed.disconnect(self._on_events_changed)
        for part in self._parts:
            part.removeEventFilter(self)
            part.detach()  # type: ignore[attr-defined]
        self._parts = []
        self._stale.clear()
