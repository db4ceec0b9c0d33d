"""Settings › Move: the diary and its backups to another folder, asked first, remembered for next time."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from companion.domain.changes import Changes
from companion.domain.errors import CompanionError
from companion.i18n import _
from companion.ui import dialogs

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from companion.ui.core.diary import OpenDiary


def move_diary(diary: OpenDiary, window: QWidget) -> None:
    """Move the diary and its backups to a folder the person chooses (a synced folder, say)."""
    folder = dialogs.choose_folder(window, _("Choose the folder to move your diary to"))
    if not folder:
        return
    session = diary.session

    def answered(button: dialogs.Button) -> None:
        if button != dialogs.Button.Ok:  # Cancel, or the box closed by a lock
            return
        from companion.services.diary_files import move_diary as relocate

        diary.flush()  # what is pending goes with it
        try:
            new_path = relocate(session, Path(folder), remember=not diary.context.demo)
        except (CompanionError, OSError) as exc:
            text = exc.message() if isinstance(exc, CompanionError) else str(exc)
            dialogs.show_error(window, text)
            return
        diary.context.data_dir = new_path.parent
        diary.announce(Changes(settings=True))  # Settings shows where the diary lives now
        dialogs.show_message(
            window,
            _("Diary moved"),
            _("Your diary and its backups are now in {folder}.").format(folder=new_path.parent),
        )

    dialogs.show_message(
        window,
        _("Move your diary"),
        _("Move your diary and its backups to {folder}? Nothing is removed until the copy is complete.").format(
            folder=folder
        ),
        buttons=dialogs.Button.Ok | dialogs.Button.Cancel,
        default=dialogs.Button.Ok,
        on_done=answered,
    )
