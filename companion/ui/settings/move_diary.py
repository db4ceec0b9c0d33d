"""Settings › Move: the diary and its backups to another folder, asked first, remembered for next time."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from companion.domain.errors import CompanionError, SaveFailedError
from companion.i18n import _
from companion.ui import dialogs

if TYPE_CHECKING:
    from companion.ui.companion_window import CompanionWindow


def move_diary(window: CompanionWindow) -> None:
    """Move the diary and its backups to a folder the person chooses (a synced folder, say)."""
    if window.session is None:
        return
    folder = dialogs.choose_folder(window, _("Choose the folder to move your diary to"))
    if not folder:
        return
    session = window.session

    def answered(button: dialogs.Button) -> None:
        if button != dialogs.Button.Ok or window.session is not session:
            return
        from companion.services.diary_files import move_diary as relocate

        try:
            new_path = relocate(session, Path(folder), remember=not window.context.demo)
        except SaveFailedError as exc:
            window._on_save_failed(exc)
            return
        except (CompanionError, OSError) as exc:
            text = exc.message() if isinstance(exc, CompanionError) else str(exc)
            dialogs.show_error(window, text)
            return
        window.context.data_dir = new_path.parent
        if window.main_view is not None:
            window.main_view.settings.set_diary_path(new_path)
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
