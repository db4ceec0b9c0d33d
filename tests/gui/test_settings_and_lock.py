"""Settings change the running app at once; the diary locks by hand and by itself."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from companion import i18n
from companion.storage import app_settings
from tests.gui.conftest import WindowFactory
from tests.helpers.gui import PASSPHRASE, first_run, message_box, record_pain, type_into, unlock


def test_language_switches_live_from_settings_and_is_remembered(
    qtbot: QtBot, make_window: WindowFactory, data_dir
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    first_run(qtbot, window, "en")
    main = window.main_view
    main.show_page("settings")
    combo = main.settings.language
    assert main.nav.item(0).text() == "Today"
    combo.setFocus()
    combo.setCurrentIndex(combo.findData("cy"))
    combo.activated.emit(combo.currentIndex())
    assert i18n.current_language() == "cy"
    assert main.nav.item(0).text() == i18n.translate_in("cy", "Today") != "Today"
    assert main.settings.title.text() == i18n.translate_in("cy", "Settings")
    assert main.today.save.text() == i18n.translate_in("cy", "&Save")
    assert app_settings.load_settings(data_dir).language == "cy"
    combo.setCurrentIndex(combo.findData("en"))
    combo.activated.emit(combo.currentIndex())
    assert main.nav.item(0).text() == "Today"


def test_lock_screen_language_switch(qtbot: QtBot, make_window: WindowFactory) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    first_run(qtbot, window, "en")
    assert window.lock_now()
    view = window.unlock_view
    assert view.title.text() == "Your diary is locked"
    qtbot.mouseClick(view.language_buttons["cy"], Qt.MouseButton.LeftButton)
    assert view.title.text() == i18n.translate_in("cy", "Your diary is locked") != "Your diary is locked"
    assert view.language_buttons["cy"].isChecked() and not view.language_buttons["en"].isChecked()


def test_auto_lock_after_idle_saves_and_shows_the_lock_screen(qtbot: QtBot, make_window: WindowFactory) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    first_run(qtbot, window, "en")
    record_pain(qtbot, window, 5, "before idling")
    window.idle.set_minutes(0.5 / 60)  # half a second, for the test
    with qtbot.waitSignal(window.locked, timeout=5000):
        pass
    assert window.session is None
    assert window.stack.currentWidget() is window.unlock_view
    unlock(qtbot, window, PASSPHRASE)
    assert "before idling" in window.main_view.today.entries.item(0).text()


def test_auto_lock_minutes_setting_is_saved(qtbot: QtBot, make_window: WindowFactory, data_dir) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    first_run(qtbot, window, "en")
    combo = window.main_view.settings.auto_lock
    assert combo.currentData() == 5  # the default
    assert combo.currentText() == "5 minutes without use"
    index = combo.findData(15)
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert app_settings.load_settings(data_dir).auto_lock_minutes == 15


def test_change_passphrase_refuses_a_wrong_current_one_then_works(
    qtbot: QtBot, make_window: WindowFactory
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    key = first_run(qtbot, window, "en")
    record_pain(qtbot, window, 2, "kept across the change")
    window.main_view.show_page("settings")
    qtbot.mouseClick(window.main_view.settings.change_passphrase, Qt.MouseButton.LeftButton)
    from companion.ui.settings.change_passphrase_dialog import ChangePassphraseDialog

    dialog = next(d for d in window.findChildren(ChangePassphraseDialog) if d.isVisible())
    new = "lantern meadow copper autumn"
    type_into(qtbot, dialog.current, "wrong one")
    type_into(qtbot, dialog.fields.passphrase, new)
    type_into(qtbot, dialog.fields.confirm, new)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "isn't your current passphrase" in dialog.error.text()
    dialog.current.clear()
    type_into(qtbot, dialog.current, PASSPHRASE)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    box = message_box(window)
    assert box is not None
    box.accept()
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    assert window.main_view is None and window.unlock_view.error.isVisible()
    unlock(qtbot, window, new)
    assert window.main_view is not None
    assert "kept across the change" in window.main_view.today.entries.item(0).text()
    assert window.lock_now()
    qtbot.mouseClick(window.unlock_view.toggle_mode, Qt.MouseButton.LeftButton)
    unlock(qtbot, window, key)  # the recovery key still works
    assert window.main_view is not None
