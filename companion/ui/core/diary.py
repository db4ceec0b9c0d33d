"""OpenDiary: what every screen of an unlocked diary is given, and `run`, the one way a screen writes.

A screen part never catches storage errors and never tells other screens to refresh. It calls
`diary.run(lambda: service.do(...), problem=where)`: a validation problem is shown where the person is
(`problem`: a status label, or a function taking the message), nothing is saved; otherwise every screen
hears `events.changed(Changes)` and the save banner follows the store's save state. Things that belong to
the whole app (language, text size, locking, the pacing timer) are reached through `diary.app`, never by
a screen signalling the window.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from PySide6.QtWidgets import QLabel, QWidget

from companion.domain.changes import Changes
from companion.domain.errors import CompanionError, SaveFailedError, ValidationError
from companion.domain.save_state import SaveState
from companion.services.clock import Clock, as_clock
from companion.ui.core.events import DiaryEvents
from companion.ui.core.page import PageHost

if TYPE_CHECKING:
    from companion.services.app_context import AppContext
    from companion.services.session import DiarySession
    from companion.ui.pacing.timer_controller import PacingTimerController

T = TypeVar("T")
Problem = QLabel | Callable[[str], None] | None


class AppActions(Protocol):
    """What a screen may ask of the app as a whole (the window's controllers answer)."""

    def switch_language(self, lang: str) -> None: ...

    def set_text_size(self, size: int) -> None: ...

    def set_auto_lock(self, minutes: int) -> None: ...

    def reminders_changed(self, changes: dict[str, object]) -> None: ...

    def change_passphrase(self) -> object: ...

    def move_diary(self) -> None: ...

    def open_flare_mode(self) -> None: ...

    def lock_now(self) -> bool: ...


@dataclass(frozen=True)
class Done(Generic[T]):
    """A write that went through: its value (committed in memory; the save state says when it is on disk)."""

    value: T


class OpenDiary:
    def __init__(
        self, context: AppContext, session: DiarySession, app: AppActions, timer: PacingTimerController | None = None
    ) -> None:
        store = session.store
        store.raise_on_failed_save = False  # a failed save is a state the banner shows, not an exception
        self.context = context
        self.session = session
        self.app = app
        self.timer = timer
        self.events = DiaryEvents(store.subscribe, store.save_state)
        self.host = PageHost(self.events)

    @property
    def clock(self) -> Clock:
        return as_clock(self.session.clock)

    @property
    def save_state(self) -> SaveState:
        return self.events.save_state

    # --- writing ---------------------------------------------------------------------------------------

    def run(
        self,
        op: Callable[[], tuple[T, Changes]],
        *,
        problem: Problem = None,
        where: QWidget | None = None,
        origin: object = None,
    ) -> Done[T] | None:
        """Call a service write. Returns Done(value), or None when nothing was saved (the problem shown).

        `origin`: the part making the write, when it shows the result itself from the returned value (as
        Today adds the check-in it just recorded): every other part is told, it is not refreshed."""
        try:
            value, changes = op()
        except ValidationError as exc:
            show_problem(exc.message(), problem, where)
            return None
        except CompanionError as exc:
            show_problem(exc.message(), problem, where)
            return None
        self.events.announce(changes, origin)
        return Done(value)

    def announce(self, changes: Changes, origin: object = None) -> None:
        self.events.announce(changes, origin)

    # --- saving ----------------------------------------------------------------------------------------

    def flush(self) -> SaveState:
        """Make every committed change durable now, on this thread (lock, quit, Retry). Never raises: the
        returned state says whether it worked, and the banner shows it."""
        with contextlib.suppress(SaveFailedError):
            self.session.store.flush()
        state = self.session.store.save_state
        self.events.sync_save_state(state)
        return state

    # --- across a lock -----------------------------------------------------------------------------------

    def drafts(self) -> dict[str, dict[str, object]]:
        """Unsaved input of every screen part, by draft key: kept encrypted in the diary over a lock."""
        return self.host.drafts()

    def restore_drafts(self, drafts: dict[str, dict[str, object]]) -> None:
        """Hand each draft back after unlocking: to its page (now, or when first built), or, for a dialog
        (a key "module:Class"), to `Class.revive(diary, draft)`, which opens it again."""
        import importlib

        pages = {k: v for k, v in drafts.items() if ":" not in k}
        self.host.keep_drafts(pages)
        for key, draft in drafts.items():
            if ":" in key:
                module, name = key.split(":", 1)
                if module.startswith("companion.ui."):
                    getattr(importlib.import_module(module), name).revive(self, draft)

    # --- closing ---------------------------------------------------------------------------------------

    def detach(self) -> None:
        """Before the session closes: every screen part stops, and no event reaches them any more."""
        self.host.detach()
        self.events.detach()


def show_problem(text: str, problem: Problem, where: QWidget | None) -> None:
    if isinstance(problem, QLabel):
        problem.setText(text)
        problem.show()
    elif problem is not None:
        problem(text)
    elif where is not None:
        from companion.ui import dialogs

        dialogs.show_error(where, text)
