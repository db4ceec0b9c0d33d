"""Qt's own words (standard buttons, context menus) follow the app's language through the bridge."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from companion import i18n


def test_standard_buttons_are_welsh_then_english_again(qtbot: QtBot, bridge) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("cy")
    QCoreApplication.processEvents()
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    ok = box.button(QDialogButtonBox.StandardButton.Ok).text().replace("&", "")
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "")
    assert ok == i18n.pgettext("QPlatformTheme", "OK") != "OK"
    assert cancel == i18n.pgettext("QPlatformTheme", "Cancel") != "Cancel"
    i18n.set_language("en")
    QCoreApplication.processEvents()
    english = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(english)
    assert english.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Cancel"


def test_message_box_retry_button_is_welsh(qtbot: QtBot, bridge) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("cy")
    box = QMessageBox(QMessageBox.Icon.Warning, "t", "x", QMessageBox.StandardButton.Retry)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Retry).text().replace("&", "") == i18n.pgettext(
        "QPlatformTheme", "Retry"
    )


def test_translator_reports_non_empty_so_qt_sends_language_change(bridge) -> None:  # type: ignore[no-untyped-def]
    from companion.ui.qt_translator import GettextQtTranslator

    assert GettextQtTranslator().isEmpty() is False
