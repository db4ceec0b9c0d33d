"""Settings › Move: the diary, its backups and preferences go to another folder; the next start finds it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from companion.storage.app_settings import default_data_dir, resolve_data_dir
from companion.ui import dialogs
from tests.gui.conftest import WindowFactory
from tests.helpers.gui import PASSPHRASE, first_run, message_box, record_pain, unlock, wait_saved


def _answer(qtbot: QtBot, window, button: QMessageBox.StandardButton) -> None:  # type: ignore[no-untyped-def]
    box = message_box(window)
    assert box is not None
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)


def test_moving_the_diary_keeps_everything_and_is_remembered(
    qtbot: QtBot, make_window: WindowFactory, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    first_run(qtbot, window, "en")
    record_pain(qtbot, window, 5, "before the move")
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)  # makes today's backup
    synced = tmp_path / "Synced" / "Companion"
    monkeypatch.setattr(dialogs, "choose_folder", lambda *_a: str(synced))
    window.main_view.show_page("settings")
    qtbot.mouseClick(window.main_view.settings.move_button, Qt.MouseButton.LeftButton)
    _answer(qtbot, window, QMessageBox.StandardButton.Ok)
    _answer(qtbot, window, QMessageBox.StandardButton.Ok)  # "Diary moved"
    assert (synced / "diary.vault").is_file() and list((synced / "backups").glob("*.vault"))
    assert not (data_dir / "diary.vault").exists()
    assert window.main_view.settings.location.text() == str(synced / "diary.vault")
    record_pain(qtbot, window, 6, "after the move")  # saved in the new place
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    notes = {e.note for e in window.session.diary.all_entries()}
    assert notes == {"before the move", "after the move"}
    monkeypatch.delenv("COMPANION_DATA_DIR")
    assert resolve_data_dir(None) == synced.resolve()
    assert (default_data_dir() / "location.json").is_file()


def test_moving_onto_another_diary_is_refused_and_nothing_changes(
    qtbot: QtBot, make_window: WindowFactory, data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    first_run(qtbot, window, "en")
    record_pain(qtbot, window, 5, "stays put")
    wait_saved(qtbot, window)
    other = tmp_path / "other"
    other.mkdir()
    (other / "diary.vault").write_bytes(b"someone else's diary")
    before = (data_dir / "diary.vault").read_bytes()
    monkeypatch.setattr(dialogs, "choose_folder", lambda *_a: str(other))
    window.main_view.show_page("settings")
    qtbot.mouseClick(window.main_view.settings.move_button, Qt.MouseButton.LeftButton)
    _answer(qtbot, window, QMessageBox.StandardButton.Ok)
    box = message_box(window)
    assert box is not None and "already exists" in box.text()
    box.accept()
    assert (data_dir / "diary.vault").read_bytes() == before
    assert (other / "diary.vault").read_bytes() == b"someone else's diary"
    record_pain(qtbot, window, 6, "still saving here")
    wait_saved(qtbot, window)
    assert (data_dir / "diary.vault").read_bytes() != before
