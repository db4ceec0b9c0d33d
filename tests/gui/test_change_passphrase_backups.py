"""Changing the passphrase in the window: the backups are offered for re-encryption (yes by default), the
result names any left as they were; the strength feedback is our own, and a passphrase can be suggested."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from companion import i18n
from companion.domain.errors import WrongPassphraseError
from companion.services.clock import SYSTEM_CLOCK
from companion.storage import backups
from companion.storage.vault import unlock_blob
from companion.ui import dialogs
from companion.ui.settings.change_passphrase_dialog import ChangePassphraseDialog
from tests.gui.conftest import WindowFactory
from tests.helpers.gui import PASSPHRASE, first_run, message_box, record_pain, type_into

NEW = "lantern meadow copper autumn"


def _open_dialog(qtbot: QtBot, window: object) -> ChangePassphraseDialog:
    window.main_view.show_page("settings")  # type: ignore[attr-defined]
    qtbot.mouseClick(window.main_view.settings.change_passphrase, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    return next(d for d in window.findChildren(ChangePassphraseDialog) if d.isVisible())  # type: ignore[attr-defined]


def test_backups_are_offered_and_reencrypted_by_default(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    first_run(qtbot, window, "en")
    record_pain(qtbot, window, 3, "in the backup")
    assert window.session is not None
    vault = window.session.path
    good = backups.make_backup(vault, backups.MANUAL, now=SYSTEM_CLOCK.now())
    assert good is not None
    stranger = vault.parent / "backups" / "diary-20200101T000000-manual.vault"
    stranger.write_bytes(b"\x89CMP\r\n\x1a\n" + os.urandom(400))
    dialog = _open_dialog(qtbot, window)
    type_into(qtbot, dialog.current, PASSPHRASE)
    type_into(qtbot, dialog.fields.passphrase, NEW)
    type_into(qtbot, dialog.fields.confirm, NEW)
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)

    box = message_box(window)
    assert box is not None
    assert "still open with your old passphrase" in box.text() and "2 backups" in box.text()
    assert box.defaultButton() is box.button(dialogs.Button.Yes)
    assert "USB stick" in box.informativeText()
    qtbot.mouseClick(box.defaultButton(), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: (b := message_box(window)) is not None and "re-encrypted" in b.text())
    report = message_box(window)
    assert report is not None
    assert "1 backup was re-encrypted with the new passphrase." in report.text()
    assert f"{stranger.name} was left as it was" in report.text()
    report.accept()
    unlock_blob(good.read_bytes(), passphrase=NEW)
    with pytest.raises(WrongPassphraseError):
        unlock_blob(good.read_bytes(), passphrase=PASSPHRASE)


def test_feedback_is_ours_in_welsh_and_a_passphrase_can_be_suggested(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path
) -> None:
    window = make_window()
    first_run(qtbot, window, "cy")
    dialog = _open_dialog(qtbot, window)
    type_into(qtbot, dialog.fields.passphrase, "Caerdydd12")
    text = dialog.fields.strength.text()
    assert "Mae geiriau amdanoch chi" in text  # our Welsh sentence about local words
    assert "guess" not in text  # never zxcvbn's English
    assert not dialog.fields.is_valid()
    qtbot.wait(20)  # the window grows to fit the wrapped feedback
    strength = dialog.fields.strength
    assert strength.height() >= strength.heightForWidth(strength.width())  # every line of it shown
    dialog.grab().save(str(tmp_path / "weak-cy.png"))
    made = dialog.fields.suggest_passphrase()
    assert len(made.split(" ")) == 6
    assert dialog.fields.passphrase.text() == dialog.fields.confirm.text() == made
    assert made in dialog.fields.suggested.text() and dialog.fields.suggested.isVisible()
    assert dialog.fields.is_valid()
    qtbot.wait(20)
    suggested = dialog.fields.suggested
    assert suggested.height() >= suggested.heightForWidth(suggested.width())
    dialog.grab().save(str(tmp_path / "suggested-cy.png"))
    i18n.set_language("en")
    dialog.fields.retranslate_ui()
    assert "Six words picked at random" in dialog.fields.suggested.text()
    dialog.grab().save(str(tmp_path / "suggested-en.png"))
    dialog.reject()


def test_an_older_copy_is_announced_once_at_unlock(qtbot: QtBot, make_window: WindowFactory) -> None:
    from tests.helpers.gui import unlock

    window = make_window()
    first_run(qtbot, window, "en")
    assert window.session is not None
    vault = window.session.path
    older = vault.read_bytes()
    record_pain(qtbot, window, 4, "newer than the copy")
    assert window.lock_now()
    vault.write_bytes(older)  # an older copy put in its place
    unlock(qtbot, window, PASSPHRASE)
    assert window.main_view is not None  # it opens: never blocked
    box = message_box(window)
    assert box is not None and "If you restored a backup, that is expected." in box.text()
    box.accept()
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    assert message_box(window) is None  # said once
