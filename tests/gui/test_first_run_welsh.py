"""A person chooses Cymraeg, creates a diary, records pain, locks, and unlocks two ways."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from companion import i18n
from companion.domain.errors import WrongPassphraseError
from companion.storage import app_settings
from companion.ui.lock.unlock_view import RECOVERY
from companion.ui.main_view import PAGES
from tests.gui.conftest import WindowFactory
from tests.helpers.gui import PASSPHRASE, activate, first_run, message_box, record_pain, unlock

NOTE_1 = "Pengliniau'n boenus ar ôl y grisiau ŵ ŷ 🙂"
NOTE_2 = "Cerdded i'r siop, gorffwys ar y fainc"


def visible_notes(window) -> list[str]:  # type: ignore[no-untyped-def]
    entries = window.main_view.today.entries
    return [entries.item(i).text() for i in range(entries.count())]


def test_first_run_in_welsh_then_lock_and_unlock_both_ways(qtbot: QtBot, make_window: WindowFactory, data_dir) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    # The Active Offer: Welsh first, both languages shown before anything else.
    offer = window.language_offer
    assert window.stack.currentWidget() is offer
    welsh, english = offer.welcome.text().splitlines()
    assert english == "Welcome to Companion"
    assert welsh == i18n.translate_in("cy", "Welcome to Companion") != english
    layout_order = [offer.buttons["cy"].x(), offer.buttons["en"].x()]
    assert layout_order[0] < layout_order[1], "Cymraeg must come before English"
    assert window.focusWidget() is offer.buttons["cy"]

    recovery_key = first_run(qtbot, window, "cy")
    assert i18n.current_language() == "cy"
    assert app_settings.load_settings(data_dir).language == "cy"
    assert window.windowTitle() == "Cydymaith"
    nav = window.main_view.nav
    assert nav.item(0).text() == "Heddiw"
    keys = [key for key, _title in PAGES]
    assert nav.item(keys.index("settings")).text() == "Gosodiadau"
    assert nav.item(keys.index("plan")).text() == i18n.translate_in("cy", "Flare-up plan")
    assert nav.item(keys.index("pacing")).text() == "Rheoli cyflymder"
    assert nav.item(1).text() == "Dyddiadur"
    assert window.main_view.today.save.text().replace("&", "") == "Cadw"

    record_pain(qtbot, window, 6, NOTE_1)
    record_pain(qtbot, window, 10, NOTE_2)
    notes = "\n".join(visible_notes(window))
    assert NOTE_1 in notes and NOTE_2 in notes
    assert "10" in visible_notes(window)[0]  # newest first
    assert window.main_view.today.list_heading.text() != "2 entries today"

    # Lock with the keyboard; the diary's screens and data are dropped.
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.session is None and window.main_view is None
    assert window.stack.currentWidget() is window.unlock_view

    raw = (data_dir / "diary.vault").read_bytes()
    for note in (NOTE_1, NOTE_2, "Pengliniau", "Cerdded"):
        assert note.encode("utf-8") not in raw
        assert note.encode("utf-16-le") not in raw

    unlock(qtbot, window, PASSPHRASE)
    assert window.main_view is not None, window.unlock_view.error.text()
    notes = "\n".join(visible_notes(window))
    assert NOTE_1 in notes and NOTE_2 in notes

    assert window.lock_now()
    qtbot.mouseClick(window.unlock_view.toggle_mode, Qt.MouseButton.LeftButton)
    assert window.unlock_view.mode == RECOVERY
    unlock(qtbot, window, recovery_key.lower().replace("-", " "))
    assert window.main_view is not None, window.unlock_view.error.text()
    notes = "\n".join(visible_notes(window))
    assert NOTE_1 in notes and NOTE_2 in notes
    # After using the recovery key, the app offers a new passphrase (the person may cancel).
    from companion.ui.settings.change_passphrase_dialog import ChangePassphraseDialog

    offered = [d for d in window.findChildren(ChangePassphraseDialog) if d.isVisible()]
    assert offered and not offered[0].current.isVisible()
    offered[0].reject()
    assert message_box(window) is None


def test_wrong_passphrase_is_explained_in_welsh_and_nothing_changes(
    qtbot: QtBot, make_window: WindowFactory, data_dir
) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    first_run(qtbot, window, "cy")
    record_pain(qtbot, window, 3, "cyn cloi")
    assert window.lock_now()
    before = (data_dir / "diary.vault").read_bytes()
    unlock(qtbot, window, "not the passphrase")
    assert window.main_view is None
    error = window.unlock_view.error
    assert error.isVisible()
    assert error.text() == WrongPassphraseError().message()  # the Welsh message, as the catalog has it
    i18n.set_language("en")
    assert error.text() != WrongPassphraseError().message()
    assert (data_dir / "diary.vault").read_bytes() == before
    # The typed text is selected so the person can simply type again.
    assert window.unlock_view.secret.selectedText() == "not the passphrase"
