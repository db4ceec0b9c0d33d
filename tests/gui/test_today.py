"""Today's check-in: keyboard first, forgiving, and it never loses what the person typed."""

from __future__ import annotations

import errno

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from companion.domain.pain import NOTE_MAX_CHARS
from companion.storage import atomic
from companion.storage.app_settings import AppSettings
from tests.gui.conftest import WindowFactory
from tests.helpers.gui import activate, first_run, message_box, record_pain


@pytest.fixture
def window(qtbot: QtBot, make_window: WindowFactory):  # type: ignore[no-untyped-def]
    w = make_window()
    first_run(qtbot, w, "en")
    return w


def test_number_keys_set_the_score_and_one_then_zero_gives_ten(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    picker = window.main_view.today.picker
    picker.buttons[0].setFocus()
    qtbot.keyClick(picker.buttons[0], Qt.Key.Key_7)
    assert picker.score() == 7 and picker.buttons[7].isChecked()
    qtbot.keyClick(picker.buttons[7], Qt.Key.Key_Left)
    assert picker.score() == 6
    qtbot.keyClick(picker.buttons[6], Qt.Key.Key_1)
    qtbot.keyClick(picker.buttons[1], Qt.Key.Key_0)
    assert picker.score() == 10


def test_a_note_alone_is_a_check_in_and_an_empty_form_is_explained(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    today = window.main_view.today
    activate(qtbot, window)
    qtbot.keyClick(today.picker.buttons[0], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "nothing to save" in today.status.text()
    assert today.entries.count() == 0
    today.note.setFocus()
    qtbot.keyClicks(today.note, "only a note")
    qtbot.keyClick(today.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert today.entries.count() == 1
    assert "without a pain score" in today.entries.item(0).text() and "only a note" in today.entries.item(0).text()


def test_entries_are_listed_newest_first_with_a_plural_heading(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    today = window.main_view.today
    assert today.list_heading.text() == "No check-ins yet today"
    assert today.empty.isVisible()
    record_pain(qtbot, window, 4, "morning")
    assert today.list_heading.text() == "1 entry today"
    record_pain(qtbot, window, 8, "evening 🙂 emoji")
    assert today.list_heading.text() == "2 entries today"
    assert not today.empty.isVisible()
    first = today.entries.item(0).text()
    assert "pain 8 out of 10" in first and "evening 🙂 emoji" in first
    qtbot.waitUntil(lambda: "Saved at" in today.status.text(), timeout=5000)  # once it is on disk
    # After saving, the form is ready for the next entry.
    assert today.picker.score() is None and today.note.toPlainText() == ""


def test_a_huge_note_is_refused_with_a_message_and_kept_for_editing(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    today = window.main_view.today
    huge = "x" * (NOTE_MAX_CHARS + 5)
    today.picker.set_score(5)
    today.note.setPlainText(huge)
    qtbot.mouseClick(today.save, Qt.MouseButton.LeftButton)
    assert "too long" in today.status.text()
    assert str(NOTE_MAX_CHARS) in today.status.text().replace(",", "")
    assert today.note.toPlainText() == huge
    assert today.entries.count() == 0


def test_disk_full_keeps_the_entry_offers_retry_and_retry_saves(
    qtbot: QtBot, window, data_dir, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    vault = data_dir / "diary.vault"
    before = vault.read_bytes()

    def full_disk(_fd: int, _data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "write", full_disk)
    record_pain(qtbot, window, 7, "written while the disk is full")
    today = window.main_view.today
    assert "written while the disk is full" in today.entries.item(0).text()  # still there, in memory
    assert vault.read_bytes() == before  # old file untouched
    banner = window.main_view.banner
    qtbot.waitUntil(banner.isVisible, timeout=5000)  # the save state arrives from the saving thread
    assert window.main_view.save_indicator.text.text() == "Not saved to disk yet"
    assert "Saved at" not in today.status.text()  # never "Saved" while the bytes are not on disk
    box = message_box(window)
    assert box is not None and "disk is full" in box.text()

    monkeypatch.undo()  # space freed
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Retry), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5000)
    assert vault.read_bytes() != before
    assert window.main_view.save_indicator.text.text() == "All changes saved"
    assert "Saved at" in today.status.text()
    assert window.lock_now()
    from tests.helpers.gui import PASSPHRASE, unlock

    unlock(qtbot, window, PASSPHRASE)
    assert "written while the disk is full" in window.main_view.today.entries.item(0).text()


def test_text_size_setting_is_applied_at_start(qtbot: QtBot, make_window: WindowFactory, qapp) -> None:  # type: ignore[no-untyped-def]
    from companion.ui.style import apply_text_size

    apply_text_size(qapp, 18)
    window = make_window(AppSettings(language="en", font_point_size=18))
    assert window.font().pointSize() == 18
    apply_text_size(qapp, 12)
