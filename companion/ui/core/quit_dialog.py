"""Quitting while the latest changes are not on disk: say so plainly and offer every way out.

Retry saving; save an encrypted copy somewhere else (a USB stick, another folder); or quit and lose the
changes made since the last successful save. Quitting is never the default: Enter retries.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from companion.domain.errors import CompanionError
from companion.i18n import _
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.widgets import window_title


def ask_quit_with_failed_save(
    diary: OpenDiary, parent: QWidget, quit_losing_changes: Callable[[], None]
) -> QMessageBox:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    title = _("Your latest changes are not saved")
    box.setWindowTitle(window_title(title))
    box.setObjectName("quitUnsavedMessage")
    error = diary.save_state.error
    reason = error.message() if error is not None else ""
    box.setText(
        _(
            "Companion could not save your latest changes to disk, so the diary file still holds the diary as "
            "it was at the last successful save. If you quit now, the changes since then are lost."
        )
    )
    box.setInformativeText(reason)
    retry = box.addButton(_("&Retry saving"), QMessageBox.ButtonRole.AcceptRole)
    copy = box.addButton(_("Save a &copy elsewhere…"), QMessageBox.ButtonRole.ActionRole)
    lose = box.addButton(_("&Quit and lose the changes"), QMessageBox.ButtonRole.DestructiveRole)
    stay = box.addButton(_("&Don't quit"), QMessageBox.ButtonRole.RejectRole)
    for button, name in ((retry, "quitRetry"), (copy, "quitSaveCopy"), (lose, "quitLoseChanges"), (stay, "quitStay")):
        button.setObjectName(name)
    box.setDefaultButton(retry)
    box.setEscapeButton(stay)
    box.setAccessibleName(title)

    def finished(_result: int) -> None:
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked is retry:
            if diary.flush().durable:
                parent.close()
            else:
                ask_quit_with_failed_save(diary, parent, quit_losing_changes)
        elif clicked is copy:
            _save_copy(diary, parent, quit_losing_changes)
        elif clicked is lose:
            quit_losing_changes()

    box.finished.connect(finished)
    dialogs.open_modal(box)
    return box


def _save_copy(diary: OpenDiary, parent: QWidget, quit_losing_changes: Callable[[], None]) -> None:
    folder = dialogs.choose_folder(parent, _("Choose a folder for a copy of your diary"))
    if not folder:
        ask_quit_with_failed_save(diary, parent, quit_losing_changes)
        return
    try:
        target = diary.session.store.save_copy(Path(folder), diary.clock.now())
    except (CompanionError, OSError) as exc:
        text = exc.message() if isinstance(exc, CompanionError) else str(exc)

        def again(_button: dialogs.Button) -> None:
            ask_quit_with_failed_save(diary, parent, quit_losing_changes)

        dialogs.show_error(parent, text, on_done=again)
        return

    def done(_button: dialogs.Button) -> None:
        quit_losing_changes()

    dialogs.show_message(
        parent,
        _("Copy saved"),
        _(
            "An encrypted copy of your diary, with every change, is in {file}. It opens with your passphrase. "
            "When the disk problem is solved, put it in place of your diary file."
        ).format(file=target),
        on_done=done,
    )
