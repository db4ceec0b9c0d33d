"""The rollback notice (an older copy of a diary opens: said once, calmly, never refused) and the modes of
everything Companion writes: folders 0700, files 0600."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

from companion import i18n
from companion.services.clock import SYSTEM_CLOCK
from companion.services.session import DiarySession
from companion.storage import backups, rollback
from companion.storage.app_settings import AppSettings, save_settings
from companion.storage.kdf import KdfParams
from companion.storage.store import DiaryStore

PASSPHRASE = "cofio'r copi hynaf ŵ"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_an_older_copy_opens_with_a_notice_once(vault_path: Path, cheap_kdf: KdfParams, tmp_path: Path) -> None:
    session, _recovery = DiarySession.create(vault_path, PASSPHRASE, cheap_kdf)
    old_copy = vault_path.read_bytes()  # counter 1
    session.diary.record_pain(3, "one")
    session.diary.record_pain(4, "two")  # counter 3
    session.close()
    record = json.loads((tmp_path / "xdg-state" / "Companion" / rollback.RECORD_FILENAME).read_text())
    assert list(record["diaries"].values()) == [3]  # the vault id and counter, nothing else

    store = DiaryStore.open(vault_path, now=SYSTEM_CLOCK.now(), passphrase=PASSPHRASE)
    assert store.rollback_notice is None  # the same copy as last time
    store.close()

    vault_path.write_bytes(old_copy)  # a backup put back by hand
    store = DiaryStore.open(vault_path, now=SYSTEM_CLOCK.now(), passphrase=PASSPHRASE)  # opens: never blocked
    try:
        notice = store.rollback_notice
        assert notice is not None
        assert "If you restored a backup, that is expected." in notice
        assert "save number 1;" in notice and "save number 3)" in notice
        i18n.set_language("cy")
        welsh = store.rollback_notice
        assert welsh is not None and welsh != notice
    finally:
        store.close()
    store = DiaryStore.open(vault_path, now=SYSTEM_CLOCK.now(), passphrase=PASSPHRASE)
    try:
        assert store.rollback_notice is None  # said once
    finally:
        store.close()


def test_the_record_holds_no_content_and_is_private(vault_path: Path, cheap_kdf: KdfParams, tmp_path: Path) -> None:
    session, _recovery = DiarySession.create(vault_path, PASSPHRASE, cheap_kdf)
    session.diary.record_pain(5, "CyfrinachRollback")
    session.close()
    path = tmp_path / "xdg-state" / "Companion" / rollback.RECORD_FILENAME
    assert b"CyfrinachRollback" not in path.read_bytes()
    if sys.platform != "win32":
        assert _mode(path) == 0o600 and _mode(path.parent) == 0o700


def test_an_unreadable_record_never_stops_a_diary(vault_path: Path, cheap_kdf: KdfParams, tmp_path: Path) -> None:
    folder = tmp_path / "xdg-state" / "Companion"
    folder.mkdir(parents=True)
    (folder / rollback.RECORD_FILENAME).write_text("{not json")
    DiarySession.create(vault_path, PASSPHRASE, cheap_kdf)[0].close()
    store = DiaryStore.open(vault_path, now=SYSTEM_CLOCK.now(), passphrase=PASSPHRASE)
    assert store.rollback_notice is None
    store.close()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_folders_are_0700_and_files_0600_whatever_the_umask(
    tmp_path: Path, cheap_kdf: KdfParams, monkeypatch: pytest.MonkeyPatch
) -> None:
    from companion.services import transfer

    old_umask = os.umask(0o022)  # the usual default, under which plain writes would be 0644 and folders 0755
    try:
        data = tmp_path / "new" / "data"
        vault_path = data / "diary.vault"
        session, _recovery = DiarySession.create(vault_path, PASSPHRASE, cheap_kdf)
        session.diary.record_pain(2, "modes")
        backups.make_backup(vault_path, backups.MANUAL, now=SYSTEM_CLOCK.now())
        save_settings(data, AppSettings(language="cy"))
        exported = tmp_path / "exports" / "diary.json"
        exported.parent.mkdir()
        transfer.write_export(exported, transfer.export_json(session))
        session.close()
        usb = tmp_path / "usb" / "made-by-companion"
        backups.backup_to_folder(vault_path, usb, now=SYSTEM_CLOCK.now())
        backups.restore_backup(vault_path, backups.list_backups(vault_path)[0].path, now=SYSTEM_CLOCK.now())
    finally:
        os.umask(old_umask)
    for folder in (tmp_path / "new", data, data / "backups", usb):
        assert _mode(folder) == 0o700, folder
    written = [p for p in (*data.rglob("*"), *usb.iterdir(), exported) if p.is_file()]
    assert {p.name for p in written} >= {"diary.vault", "diary.vault.lock", "settings.json", "diary.json"}
    assert any(p.name.startswith("diary.vault.replaced-") for p in written)
    for path in written:
        assert _mode(path) == 0o600, path
    assert _mode(exported.parent) == 0o755  # a folder the person chose is left as it was


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")
def test_the_recovery_key_printed_to_a_file_is_0600(tmp_path: Path, qapp: object) -> None:
    from PySide6.QtGui import QTextDocument
    from PySide6.QtPrintSupport import QPrinter

    from companion.ui.printing import _print_privately

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "recovery-key.pdf"
    printer.setOutputFileName(str(target))
    doc = QTextDocument()
    doc.setPlainText("ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567")
    old_umask = os.umask(0o022)
    try:
        _print_privately(doc, printer)
    finally:
        os.umask(old_umask)
    assert target.read_bytes().startswith(b"%PDF")
    assert _mode(target) == 0o600
