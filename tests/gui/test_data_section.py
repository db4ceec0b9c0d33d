"""Settings › Your data: export with a warning, import with a preview, an encrypted copy elsewhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from companion.storage.backups import check_backup
from companion.ui import dialogs
from tests.gui.conftest import WindowFactory
from tests.helpers.gui import PASSPHRASE, first_run, message_box, record_pain


@pytest.fixture
def window(qtbot: QtBot, make_window: WindowFactory):  # type: ignore[no-untyped-def]
    w = make_window()
    first_run(qtbot, w, "en")
    record_pain(qtbot, w, 6, "exported ŵ 🙂")
    w.main_view.show_page("settings")
    return w


def test_export_warns_that_the_file_is_not_encrypted_then_writes_it(
    qtbot: QtBot, window, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "out" / "diary.json"
    target.parent.mkdir()
    monkeypatch.setattr(dialogs, "choose_save_file", lambda *_a: str(target))
    section = window.main_view.data_section
    qtbot.mouseClick(section.export_json, Qt.MouseButton.LeftButton)
    box = message_box(window)
    assert box is not None and "not encrypted" in (box.text() + box.windowTitle())
    assert not target.exists()  # nothing written before the person agrees
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    exported = json.loads(target.read_text(encoding="utf-8"))
    assert exported["format"] == "companion-export"
    assert "exported ŵ 🙂" in target.read_text(encoding="utf-8")
    assert "not encrypted" in section.status.text()


def test_cancelling_the_warning_writes_nothing(qtbot: QtBot, window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "diary.zip"
    monkeypatch.setattr(dialogs, "choose_save_file", lambda *_a: str(target))
    qtbot.mouseClick(window.main_view.data_section.export_csv, Qt.MouseButton.LeftButton)
    box = message_box(window)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert not target.exists()


def test_importing_a_pain_csv_previews_then_adds_the_rows(qtbot: QtBot, window, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "other-diary.csv"
    source.write_text("date,score,note\n2026-10-01,5,from another app\n2026-10-02,12,too high\n", encoding="utf-8")
    monkeypatch.setattr(dialogs, "choose_open_file", lambda *_a: str(source))
    before = len(window.session.diary.all_entries())
    section = window.main_view.data_section
    qtbot.mouseClick(section.import_button, Qt.MouseButton.LeftButton)
    dialog = section.import_dialog
    assert dialog.isVisible() and dialog.preview.text()
    assert not dialog.replace.isVisible()  # a pain CSV is only ever added
    assert len(window.session.diary.all_entries()) == before  # a preview changes nothing
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    notes = [e.note for e in window.session.diary.all_entries()]
    assert "from another app" in notes and "too high" not in notes
    assert section.status.text()


def test_replacing_from_a_json_export_asks_first_and_keeps_a_backup(
    qtbot: QtBot, window, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from companion.services import transfer
    from companion.storage import backups

    exported = tmp_path / "export.json"
    exported.write_bytes(transfer.export_json(window.session))
    record_pain(qtbot, window, 2, "added after the export")
    window.main_view.show_page("settings")
    monkeypatch.setattr(dialogs, "choose_open_file", lambda *_a: str(exported))
    section = window.main_view.data_section
    qtbot.mouseClick(section.import_button, Qt.MouseButton.LeftButton)
    dialog = section.import_dialog
    merge_text = dialog.preview.text()
    qtbot.mouseClick(dialog.replace, Qt.MouseButton.LeftButton)
    assert dialog.caution.isVisible() and dialog.preview.text() != merge_text
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert "added after the export" in {e.note for e in window.session.diary.all_entries()}  # cancel: unchanged
    qtbot.mouseClick(section.import_button, Qt.MouseButton.LeftButton)
    dialog = section.import_dialog
    qtbot.mouseClick(dialog.replace, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert {e.note for e in window.session.diary.all_entries()} == {"exported ŵ 🙂"}
    assert any(b.kind == backups.BEFORE_CHANGE for b in backups.list_backups(window.session.path))


def test_an_encrypted_copy_goes_to_the_chosen_folder_and_opens(
    qtbot: QtBot, window, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(dialogs, "choose_folder", lambda *_a: str(usb))
    qtbot.mouseClick(window.main_view.data_section.backup_button, Qt.MouseButton.LeftButton)
    (copy,) = usb.iterdir()
    assert copy.name.endswith("-manual.vault")
    assert b"exported" not in copy.read_bytes()
    image = check_backup(copy, passphrase=PASSPHRASE)
    assert image  # it opens with the passphrase
    assert "encrypted copy" in window.main_view.data_section.status.text()


def test_an_import_reaches_every_screen_through_the_core_and_speaks_of_entries(
    qtbot: QtBot, window, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The import writes through diary.run: hidden screens read nothing until shown, then show it; the
    preview and the outcome count check-ins and entries, never "rows"."""
    from tests.helpers.sql_statements import reads_of

    today = window.session.diary.today().isoformat()
    source = tmp_path / "other.csv"
    source.write_text(f"date,score,note\n{today},4,from my old app\n", encoding="utf-8")
    monkeypatch.setattr(dialogs, "choose_open_file", lambda *_a: str(source))
    main = window.main_view
    today_reads = reads_of(main.today, window.session)
    section = main.data_section
    qtbot.mouseClick(section.import_button, Qt.MouseButton.LeftButton)
    dialog = section.import_dialog
    assert dialog.preview.text() == "1 check-in can be imported (repeated in the file: 0; not usable: 0)."
    assert dialog.isModal() or dialog.windowModality() == Qt.WindowModality.WindowModal
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert section.status.text() == "1 entry was imported (already in your diary: 0; not imported: 0)."
    assert today_reads == [] and window.open_diary.host.is_stale(main.today)  # hidden: nothing read yet
    main.show_page("today")
    assert today_reads  # read once, when shown
    assert any("from my old app" in main.today.entries.item(r).text() for r in range(main.today.entries.count()))
