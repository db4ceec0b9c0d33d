"""Steps a person takes, driven through real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from companion.ui.companion_window import CompanionWindow

PASSPHRASE = "kettle river blue Tuesday"


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Type text key by key; characters outside the BMP (emoji) arrive as an input method would send them."""
    widget.setFocus()
    for chunk in _bmp_chunks(text):
        if ord(chunk[0]) > 0xFFFF:
            widget.insertPlainText(chunk) if hasattr(widget, "insertPlainText") else widget.insert(chunk)  # type: ignore[attr-defined]
        else:
            qtbot.keyClicks(widget, chunk)


def _bmp_chunks(text: str) -> list[str]:
    chunks: list[str] = []
    for ch in text:
        wide = ord(ch) > 0xFFFF
        if chunks and (ord(chunks[-1][0]) > 0xFFFF) == wide:
            chunks[-1] += ch
        else:
            chunks.append(ch)
    return chunks


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


def record_pain(qtbot: QtBot, window: CompanionWindow, score: int, note: str) -> None:
    assert window.main_view is not None
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
