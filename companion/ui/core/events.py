"""DiaryEvents: the one QObject that tells every screen of an open diary what changed and whether it is saved.

Services return a `Changes` value with every write; `run_op` (ui/core/diary.py) hands it to `changed`.
The store reports its save state from whichever thread saved; this object re-emits it on the GUI thread as
`save_state_changed`. No other signal relays saves or failures.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal

from companion.domain.changes import Changes
from companion.domain.save_state import SaveState


class DiaryEvents(QObject):
    changed = Signal(object, object)  # (Changes, the part that made the change or None)
    save_state_changed = Signal(object)  # SaveState, always on the GUI thread
    _save_state_from_any_thread = Signal(object)

    def __init__(
        self,
        subscribe: Callable[[Callable[[SaveState], None]], Callable[[], None]],
        state: SaveState,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("diaryEvents")
        self._save_state = state
        # A queued connection: the store may call from its saving thread; Qt delivers on this object's thread.
        self._save_state_from_any_thread.connect(self._on_save_state, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe: Callable[[], None] | None = subscribe(self._save_state_from_any_thread.emit)

    @property
    def save_state(self) -> SaveState:
        return self._save_state

    def announce(self, changes: Changes, origin: object = None) -> None:
        """Tell every screen part what a write changed (`run` calls this; so do restore and import). The part
        that made the change (`origin`) has already shown it from the write's value and is not refreshed."""
        if changes:
            self.changed.emit(changes, origin)

    def _on_save_state(self, state: SaveState) -> None:
        self._save_state = state
        self.save_state_changed.emit(state)

    def sync_save_state(self, state: SaveState) -> None:
        """Deliver a state now, on the GUI thread (after a synchronous flush), instead of waiting for the
        queued one."""
        if state != self._save_state:
            self._on_save_state(state)

    def detach(self) -> None:
        """Stop listening to the store (before the diary closes)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
