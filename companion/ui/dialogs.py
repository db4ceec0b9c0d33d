"""Every message box goes through here: window-modal, never blocking the event loop, always with a way
out, translated, and easy for tests to find and answer (they look for the QMessageBox child)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox, QWidget

from companion.i18n import _
from companion.ui.widgets import window_title

Button = QMessageBox.StandardButton
__all__ = [
    "Button",
    "QMessageBox",
    "ask_retry",
    "choose_folder",
    "choose_open_file",
    "choose_save_file",
    "confirm",
    "show_error",
    "show_message",
]


def show_message(
    parent: QWidget,
    title: str,
    text: str,
    *,
    icon: QMessageBox.Icon = QMessageBox.Icon.Information,
    buttons: Button = Button.Ok,
    default: Button = Button.Ok,
    on_done: Callable[[Button], None] | None = None,
    informative: str = "",
) -> QMessageBox:
    box = QMessageBox(icon, window_title(title), text, buttons, parent)
    box.setObjectName("companionMessage")
    box.setDefaultButton(default)
    box.setEscapeButton(Button.Cancel if buttons & Button.Cancel else default)
    if informative:
        box.setInformativeText(informative)
    box.setAccessibleName(title or window_title())
    box.setAccessibleDescription(text)

    def finished(_result: int) -> None:
        clicked = box.clickedButton()
        answer = box.standardButton(clicked) if clicked is not None else Button.Cancel
        box.deleteLater()
        if on_done is not None:
            on_done(answer)

    box.finished.connect(finished)
    box.open()
    return box


def confirm(parent: QWidget, title: str, text: str, on_yes: Callable[[], None]) -> QMessageBox:
    """Ask before something that can't be undone (the action / Cancel, Cancel the default and Escape); `on_yes`
    runs only after the action. The title is the action ("Delete goal"), so the button says it too: Welsh
    answers a question with its verb ("Dileu'r nod"), never with a bare "Ie"."""

    def answered(answer: Button) -> None:
        if answer == Button.Yes:
            on_yes()

    box = show_message(
        parent,
        title,
        text,
        icon=QMessageBox.Icon.Question,
        buttons=Button.Yes | Button.Cancel,
        default=Button.Cancel,
        on_done=answered,
    )
    box.button(Button.Yes).setText(title)
    return box


def show_error(parent: QWidget, text: str, on_done: Callable[[Button], None] | None = None) -> QMessageBox:
    return show_message(parent, "", text, icon=QMessageBox.Icon.Warning, on_done=on_done)


def ask_retry(parent: QWidget, text: str, on_done: Callable[[Button], None]) -> QMessageBox:
    return show_message(
        parent,
        _("Not saved yet"),
        text,
        icon=QMessageBox.Icon.Warning,
        buttons=Button.Retry | Button.Cancel,
        default=Button.Retry,
        on_done=on_done,
    )


# File and folder choices go through these three functions, so tests can answer them (the architecture's
# "one helper" for dialogs) and every caption is translated.


def choose_save_file(parent: QWidget, title: str, suggested: str, name_filter: str) -> str:
    from PySide6.QtWidgets import QFileDialog

    path, _chosen = QFileDialog.getSaveFileName(parent, window_title(title), suggested, name_filter)
    return path


def choose_open_file(parent: QWidget, title: str, name_filter: str) -> str:
    from PySide6.QtWidgets import QFileDialog

    path, _chosen = QFileDialog.getOpenFileName(parent, window_title(title), "", name_filter)
    return path


def choose_folder(parent: QWidget, title: str) -> str:
    from PySide6.QtWidgets import QFileDialog

    return QFileDialog.getExistingDirectory(parent, window_title(title))
