"""Every dialog opens through here: window-modal, never blocking the event loop, always with a way out,
translated, and easy for tests to find and answer (they look for the QMessageBox child). When a dialog
closes, the keyboard focus goes back where it was (`open_modal`)."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from companion.i18n import N_, _
from companion.ui.widgets import window_title

Button = QMessageBox.StandardButton
# Shown in a dialog opened again after unlocking with what was chosen or typed in it before the lock.
KEPT_OVER_LOCK = N_("What you had chosen or typed before the diary locked is back. Nothing was saved or changed.")
__all__ = [
    "KEPT_OVER_LOCK",
    "Button",
    "QMessageBox",
    "ask_retry",
    "choose_folder",
    "choose_open_file",
    "choose_save_file",
    "confirm",
    "open_modal",
    "save_unencrypted",
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
        try:
            if on_done is not None:
                on_done(answer)
        finally:
            box.deleteLater()  # after the answer is acted on, even if acting on it raised

    box.finished.connect(finished)
    open_modal(box)
    return box


def open_modal(dialog: QDialog, *, focus_back: QWidget | None = None) -> QDialog:
    """Open `dialog` window-modal, without blocking. When it closes, the keyboard focus goes back to the
    control that had it (or `focus_back`). If that control has gone or is hidden (its page was refreshed, a
    banner was answered), it goes to the nearest control still shown in the same part of the window: never
    to the window's first control, the sidebar's Flare-up button, where a Space would open flare mode."""
    trail = _ancestry(focus_back or QApplication.focusWidget())

    def finished(_result: int) -> None:
        target = _return_focus(trail)
        if target is not None:  # once more after Qt has re-activated the window, which may move it again
            QTimer.singleShot(0, lambda: _refocus(target))

    dialog.finished.connect(finished)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.open()
    return dialog


def _ancestry(widget: QWidget | None) -> list[QWidget]:
    """`widget` and its parents up to (not including) its window: where the focus may go back to."""
    trail: list[QWidget] = []
    while widget is not None and not widget.isWindow():
        trail.append(widget)
        widget = widget.parentWidget()
    return trail


def _usable(widget: QWidget) -> bool:
    return shiboken6.isValid(widget) and widget.isVisible() and widget.isEnabled()


def _first_control_in(area: QWidget) -> QWidget | None:
    """The first control inside `area` that Tab would reach, or None."""
    candidate = area.nextInFocusChain()
    for _step in range(2000):
        if candidate is None or candidate is area:
            return None
        if area.isAncestorOf(candidate) and _usable(candidate) and candidate.focusPolicy() & Qt.FocusPolicy.TabFocus:
            return candidate
        candidate = candidate.nextInFocusChain()
    return None


def _return_focus(trail: list[QWidget]) -> QWidget | None:
    for index, widget in enumerate(trail):
        if not _usable(widget):
            continue
        target = widget if index == 0 else _first_control_in(widget)
        if target is not None:
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            return target
    return None


def _refocus(target: QWidget) -> None:
    if _usable(target) and QApplication.activeModalWidget() is None and not target.hasFocus():
        target.setFocus(Qt.FocusReason.OtherFocusReason)


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


def save_unencrypted(
    parent: QWidget,
    *,
    warning: str,
    title: str,
    suggested: str,
    name_filter: str,
    on_path: Callable[[str], None],
    on_nothing: Callable[[], None] | None = None,
) -> QMessageBox:
    """Every file that leaves the encrypted diary (an export, a PDF, a picture) is saved through here, the
    same way each time: first the warning that the file will not be encrypted (`warning` says what it holds),
    with Cancel the default and Escape, so Enter never walks past it; then the file dialog (`title`,
    `suggested`, `name_filter`). `on_path(path)` runs only after both were answered; `on_nothing()` after a
    Cancel at either step."""

    def nothing() -> None:
        if on_nothing is not None:
            on_nothing()

    def answered(button: Button) -> None:
        if button != Button.Ok:
            nothing()
            return
        path = choose_save_file(parent, title, suggested, name_filter)
        if path:
            on_path(path)
        else:
            nothing()

    return show_message(
        parent,
        _("This file will not be encrypted"),
        warning,
        icon=QMessageBox.Icon.Warning,
        buttons=Button.Ok | Button.Cancel,
        default=Button.Cancel,
        on_done=answered,
    )
