"""The lock screen explains each problem in words and offers the way out: a backup, a retry."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from companion.storage import backups
from companion.storage.app_settings import AppSettings
from companion.storage.lockfile import VaultLock
from tests.gui.conftest import WindowFactory
from tests.helpers.gui import PASSPHRASE, first_run, record_pain, unlock


def _diary_with_a_backup(qtbot: QtBot, make_window: WindowFactory, data_dir):  # type: ignore[no-untyped-def]
    window = make_window()
    first_run(qtbot, window, "en")
    record_pain(qtbot, window, 4, "safe in yesterday's backup")
    assert window.lock_now()
    yesterday = dt.datetime.now() - dt.timedelta(days=1)
    backups.make_backup(data_dir / "diary.vault", backups.DAILY, now=yesterday)
    unlock(qtbot, window, PASSPHRASE)
    record_pain(qtbot, window, 6, "after the backup")
    assert window.lock_now()
    return window


def test_damaged_file_offers_the_newest_good_backup_and_restores_it(
    qtbot: QtBot, make_window: WindowFactory, data_dir
) -> None:  # type: ignore[no-untyped-def]
    window = _diary_with_a_backup(qtbot, make_window, data_dir)
    vault = data_dir / "diary.vault"
    damaged = bytearray(vault.read_bytes())
    damaged[-40] ^= 0x55  # one flipped bit in the encrypted body
    vault.write_bytes(bytes(damaged))

    unlock(qtbot, window, PASSPHRASE)
    view = window.unlock_view
    assert window.main_view is None
    assert "damaged" in view.error.text()
    assert view.restore_newest.isVisible()
    qtbot.mouseClick(view.restore_newest, Qt.MouseButton.LeftButton)
    assert "restored" in view.subtitle.text()
    # The damaged file is kept aside, never deleted.
    assert any(p.name.startswith("diary.vault.replaced-") for p in data_dir.iterdir())
    unlock(qtbot, window, PASSPHRASE)
    assert window.main_view is not None, view.error.text()
    texts = [window.main_view.today.entries.item(i).text() for i in range(window.main_view.today.entries.count())]
    assert any("safe in yesterday's backup" in t for t in texts)


def test_restore_dialog_lists_backups_and_restores_the_chosen_one(
    qtbot: QtBot, make_window: WindowFactory, data_dir
) -> None:  # type: ignore[no-untyped-def]
    window = _diary_with_a_backup(qtbot, make_window, data_dir)
    qtbot.mouseClick(window.unlock_view.restore, Qt.MouseButton.LeftButton)
    from companion.ui.lock.restore_dialog import RestoreBackupDialog

    dialog = next(d for d in window.findChildren(RestoreBackupDialog) if d.isVisible())
    assert dialog.list.count() >= 2
    assert "Daily backup" in dialog.list.item(0).text()
    yesterday_row = next(
        i for i in range(dialog.list.count())
        if (dt.date.today() - dt.timedelta(days=1)).strftime("%-d") in dialog.list.item(i).text()
        and dialog.list.item(i).text() != dialog.list.item(0).text()
    )
    dialog.list.setCurrentRow(yesterday_row)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    unlock(qtbot, window, PASSPHRASE)
    assert window.main_view is not None
    texts = [window.main_view.today.entries.item(i).text() for i in range(window.main_view.today.entries.count())]
    assert any("safe in yesterday's backup" in t for t in texts)
    assert not any("after the backup" in t for t in texts)


def test_a_second_window_on_the_same_diary_is_refused(qtbot: QtBot, make_window: WindowFactory, data_dir) -> None:  # type: ignore[no-untyped-def]
    first = make_window()
    first_run(qtbot, first, "en")
    second = make_window(AppSettings(language="en"))
    assert second.stack.currentWidget() is second.unlock_view
    unlock(qtbot, second, PASSPHRASE)
    assert second.main_view is None
    assert "already open in another Companion window" in second.unlock_view.error.text()
    assert first.lock_now()
    unlock(qtbot, second, PASSPHRASE)
    assert second.main_view is not None


def test_restoring_is_refused_while_the_diary_is_open_elsewhere(
    qtbot: QtBot, make_window: WindowFactory, data_dir
) -> None:  # type: ignore[no-untyped-def]
    window = _diary_with_a_backup(qtbot, make_window, data_dir)
    before = (data_dir / "diary.vault").read_bytes()
    holder = VaultLock(data_dir / "diary.vault")
    holder.acquire()
    try:
        backup = backups.list_backups(data_dir / "diary.vault")[-1].path
        window.start.restore(backup)
        assert "already open" in window.unlock_view.error.text()
        assert (data_dir / "diary.vault").read_bytes() == before
    finally:
        holder.release()


def test_not_a_diary_file_says_so(qtbot: QtBot, make_window: WindowFactory, data_dir) -> None:  # type: ignore[no-untyped-def]
    (data_dir / "diary.vault").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 500)
    window = make_window(AppSettings(language="en"))
    unlock(qtbot, window, PASSPHRASE)
    assert "not a Companion diary" in window.unlock_view.error.text()


def test_creating_in_a_folder_that_cannot_be_written_explains_and_allows_retry(
    qtbot: QtBot, make_window: WindowFactory, data_dir, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import errno
    import os

    from companion.storage import atomic

    real_open = os.open

    def refuse_temp_files(path, flags, mode=0o777):  # type: ignore[no-untyped-def]
        if str(path).endswith(".tmp"):
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(path, flags, mode)

    monkeypatch.setattr(atomic.os, "open", refuse_temp_files)
    window = make_window()
    qtbot.mouseClick(window.language_offer.buttons["en"], Qt.MouseButton.LeftButton)
    fields = window.create_view.fields
    fields.passphrase.setText(PASSPHRASE)
    fields.confirm.setText(PASSPHRASE)
    qtbot.mouseClick(window.create_view.create_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.create_view
    assert "read-only" in window.create_view.error.text()
    assert str(data_dir) in window.create_view.error.text()
    assert not (data_dir / "diary.vault").exists()
    monkeypatch.undo()
    qtbot.mouseClick(window.create_view.create_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.recovery_view


def test_the_restore_dialog_says_what_a_backup_holds_before_restoring(
    qtbot: QtBot, make_window: WindowFactory, data_dir, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from companion.storage.backups import backup_to_folder
    from companion.ui import dialogs
    from companion.ui.lock.restore_dialog import RestoreBackupDialog

    window = _diary_with_a_backup(qtbot, make_window, data_dir)
    usb = tmp_path / "usb"
    usb.mkdir()
    external = backup_to_folder(data_dir / "diary.vault", usb, now=dt.datetime(2026, 1, 1, 9))
    qtbot.mouseClick(window.unlock_view.restore, Qt.MouseButton.LeftButton)
    dialog = next(d for d in window.findChildren(RestoreBackupDialog) if d.isVisible())
    monkeypatch.setattr(dialogs, "choose_open_file", lambda *_a: str(external))
    qtbot.mouseClick(dialog.browse, Qt.MouseButton.LeftButton)
    assert dialog.chosen() == external
    dialog.secret.setText("wrong passphrase")
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert "doesn't open" in dialog.contents.text()
    dialog.secret.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert "holds 2 entries" in dialog.contents.text()
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    unlock(qtbot, window, PASSPHRASE)
    assert window.main_view is not None and len(window.session.diary.all_entries()) == 2
