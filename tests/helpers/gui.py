"""Steps a person takes, driven through real widgets."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from companion.ui.companion_window import CompanionWindow

PASSPHRASE = "kettle river blue Tuesday"


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type text key by key. QTest only knows ASCII keys, so other characters (ŵ, ŷ, â) arrive as key
    events carrying their text, as a Welsh keyboard layout sends them; emoji arrive as an input method
    commits them."""
    widget.setFocus()
    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        elif ord(ch) > 0xFFFF:
            widget.insertPlainText(ch) if hasattr(widget, "insertPlainText") else widget.insert(ch)  # type: ignore[attr-defined]
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def first_run(qtbot: QtBot, window: CompanionWindow, language: str, passphrase: str = PASSPHRASE) -> str:
    """Choose a language, create the diary, keep the recovery key. Returns the recovery key shown."""
    assert window.stack.currentWidget() is window.language_offer
    qtbot.mouseClick(window.language_offer.buttons[language], Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.create_view
    fields = window.create_view.fields
    type_into(qtbot, fields.passphrase, passphrase)
    type_into(qtbot, fields.confirm, passphrase)
    assert window.create_view.create_button.isEnabled()
    qtbot.mouseClick(window.create_view.create_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.recovery_view
    key = window.recovery_view.key_label.text()
    assert not window.recovery_view.done.isEnabled()
    window.recovery_view.kept.setFocus()
    qtbot.keyClick(window.recovery_view.kept, Qt.Key.Key_Space)
    qtbot.mouseClick(window.recovery_view.done, Qt.MouseButton.LeftButton)
    assert window.main_view is not None
    return key


def activate(qtbot: QtBot, window: QWidget) -> None:
    """Window shortcuts (Ctrl+Enter, Ctrl+L) need the window to be active, as it is for a person at the
    keyboard; the offscreen platform can drop activation between a fixture and its test."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)


def open_from_your_data(qtbot: QtBot, window: CompanionWindow, button: str, dialog: str) -> Any:
    """Settings › Your data: press the button named `button` with the keyboard (Space); the dialog it opens
    (the section's attribute `dialog`), once shown, active and window-modal."""
    assert window.main_view is not None
    section = window.main_view.data_section
    activate(qtbot, window)
    pressed = getattr(section, button)
    pressed.setFocus()
    qtbot.keyClick(pressed, Qt.Key.Key_Space)
    opened = getattr(section, dialog)
    qtbot.waitUntil(opened.isVisible)
    qtbot.waitUntil(opened.isActiveWindow)
    assert opened.windowModality() == Qt.WindowModality.WindowModal
    return opened


def record_pain(qtbot: QtBot, window: CompanionWindow, score: int, note: str) -> None:
    assert window.main_view is not None
    window.main_view.show_page("today")
    activate(qtbot, window)
    today = window.main_view.today
    today.picker.buttons[0].setFocus()
    if score == 10:
        qtbot.keyClick(today.picker.buttons[0], Qt.Key.Key_1)
        qtbot.keyClick(today.picker.buttons[1], Qt.Key.Key_0)
    else:
        qtbot.keyClick(today.picker.buttons[0], Qt.Key.Key_0 + score)  # type: ignore[operator]
    assert today.picker.score() == score
    type_into(qtbot, today.note, note)
    qtbot.keyClick(today.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def unlock(qtbot: QtBot, window: CompanionWindow, secret: str) -> None:
    view = window.unlock_view
    view.secret.clear()
    type_into(qtbot, view.secret, secret)
    qtbot.keyClick(view.secret, Qt.Key.Key_Return)


def message_box(window: QWidget) -> QMessageBox | None:
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    return boxes[-1] if boxes else None


def wait_saved(qtbot: QtBot, window: CompanionWindow, timeout: int = 5000) -> None:
    """Until the diary's latest change is on disk (saves run in the background)."""
    qtbot.waitUntil(lambda: window.session is not None and window.session.save_state.durable, timeout=timeout)
