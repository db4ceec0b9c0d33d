"""Every control on every foundation screen has an accessible name, in both languages, and takes Tab focus."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from companion import i18n
from tests.gui.conftest import WindowFactory
from tests.helpers.gui import first_run

CONTROLS = (QAbstractButton, QLineEdit, QPlainTextEdit, QComboBox, QListWidget)


def unnamed_controls(page: QWidget) -> list[str]:
    missing = []
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(page):
            continue
        if widget.parent() is not None and isinstance(widget.parent(), QComboBox | QAbstractSpinBox):
            continue  # the combo's or spin box's own inner parts; the outer control carries the name
        name = widget.accessibleName() or (widget.text() if isinstance(widget, QAbstractButton) else "")
        if not name.replace("&", "").strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
        group = widget.group() if isinstance(widget, QAbstractButton) else None
        in_radio_group = group is not None and group.exclusive()
        # Like radio buttons, an exclusive group is one Tab stop and arrow keys move inside it.
        if not in_radio_group and widget.focusPolicy() & Qt.FocusPolicy.TabFocus != Qt.FocusPolicy.TabFocus:
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} has no Tab focus")
    return missing


@pytest.mark.parametrize("language", ["cy", "en"])
def test_every_screen_names_its_controls(qtbot: QtBot, make_window: WindowFactory, language: str) -> None:
    window = make_window()
    assert unnamed_controls(window.language_offer) == []
    qtbot.mouseClick(window.language_offer.buttons[language], Qt.MouseButton.LeftButton)
    assert i18n.current_language() == language
    assert unnamed_controls(window.create_view) == []
    window.close()
    first_run_window = make_window()
    first_run(qtbot, first_run_window, language)
    main = first_run_window.main_view
    assert main is not None
    assert unnamed_controls(main) == []
    main.show_page("settings")
    assert unnamed_controls(main.settings) == []
    assert first_run_window.lock_now()
    assert unnamed_controls(first_run_window.unlock_view) == []


def test_the_check_in_is_reachable_by_tab_alone(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    first_run(qtbot, window, "en")
    today = window.main_view.today
    today.picker.buttons[0].setFocus()
    seen = []
    for _ in range(40):
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        seen.append(window.focusWidget())
        if window.focusWidget() is today.save:
            break
    assert today.note in seen and today.save in seen
