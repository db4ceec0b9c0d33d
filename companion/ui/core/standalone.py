"""An OpenDiary without the window: for a screen run on its own (`python -m companion.ui.diary.diary_view`)
and for tests that build one screen. App-wide requests (language, locking) are recorded, not acted on."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from companion.ui.core.diary import OpenDiary

if TYPE_CHECKING:
    from companion.services.app_context import AppContext
    from companion.services.session import DiarySession


class RecordingApp:
    """AppActions that only remember what was asked (tests read `asked`)."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, object]] = []

    def switch_language(self, lang: str) -> None:
        self.asked.append(("switch_language", lang))

    def set_text_size(self, size: int) -> None:
        self.asked.append(("set_text_size", size))

    def set_auto_lock(self, minutes: int) -> None:
        self.asked.append(("set_auto_lock", minutes))

    def reminders_changed(self, changes: dict[str, object]) -> None:
        self.asked.append(("reminders_changed", changes))

    def change_passphrase(self) -> None:
        self.asked.append(("change_passphrase", None))

    def move_diary(self) -> None:
        self.asked.append(("move_diary", None))

    def open_flare_mode(self) -> None:
        self.asked.append(("open_flare_mode", None))

    def lock_now(self) -> bool:
        self.asked.append(("lock_now", None))
        return True


def standalone_diary(session: DiarySession, context: AppContext | None = None) -> OpenDiary:
    """`session` as the screens see it, with no window around them."""
    if context is None:
        from companion.services.app_context import AppContext

        context = AppContext(data_dir=Path(session.path).parent, clock=session.clock)
    return OpenDiary(context, session, RecordingApp())
