"""The supporter-sheet dialog: choose parts and language, warn that the PDF is not encrypted, then save."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from companion.domain.flare import SECTION_TITLES, FlarePlan, Helper
from companion.i18n import translate_in
from companion.reports.supporter_sheet import DEFAULT_SECTIONS, SHEET_TITLE
from companion.services.clock import Clock
from companion.services.session import DiarySession
from companion.ui import dialogs
from companion.ui.core.standalone import standalone_diary
from companion.ui.flare.supporter_sheet_dialog import SupporterSheetDialog

PLAN = FlarePlan(
    sections={
        "first_steps": ("Gorffwys ar y soffa gyda'r ŵyr",),
        "helpful_thoughts": ("Rwy'n hŷn ac yn gwybod bod hyn yn pasio",),
        "medical_help": ("Ffonio'r meddyg os oes rhywbeth newydd",),
    },
    helpers=(Helper("Siân", "Gwneud swper", "07700 900123"),),
)


@pytest.fixture
def clock() -> Clock:
    return Clock(dt.UTC, lambda: dt.datetime(2027, 3, 4, 12, 0, tzinfo=dt.UTC))  # the diary's own clock


@pytest.fixture
def dialog(qtbot: QtBot, session: DiarySession) -> SupporterSheetDialog:
    session.flares.save_plan(PLAN)
    d = SupporterSheetDialog(standalone_diary(session))
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def warning_box(qtbot: QtBot, dialog: SupporterSheetDialog) -> QMessageBox:
    qtbot.waitUntil(lambda: any(b.isVisible() for b in dialog.findChildren(QMessageBox)), timeout=2000)
    return [b for b in dialog.findChildren(QMessageBox) if b.isVisible()][-1]


def pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; CI installs it")
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True, text=True)
    return " ".join(out.stdout.split())


def test_defaults(dialog: SupporterSheetDialog) -> None:
    assert dialog.chosen_sections() == list(DEFAULT_SECTIONS)
    assert dialog.sheet_language() == "en"  # follows the interface language at first
    assert dialog.page_size() == "A4"
    assert dialog.language_combo.itemText(0) == "Cymraeg"  # Welsh first, named in Welsh


def test_saves_a_welsh_pdf_after_the_warning(
    qtbot: QtBot, dialog: SupporterSheetDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "help.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(dialogs, "choose_save_file", lambda *_a: str(target))
    dialog.section_checks["medical_help"].setChecked(False)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("cy"))
    dialog.page_combo.setCurrentIndex(dialog.page_combo.findData("Letter"))
    dialog.name_edit.setText("Gwen")
    with qtbot.waitSignal(dialog.saved, timeout=5000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        box = warning_box(qtbot, dialog)
        assert "not encrypted" in box.text()
        assert not target.exists()  # nothing written before the person agrees
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert saved.args == [str(target)]
    text = pdf_text(target)
    assert translate_in("cy", SHEET_TITLE) in text
    assert translate_in("cy", SECTION_TITLES["first_steps"]) in text
    assert "Gorffwys ar y soffa gyda'r ŵyr" in text
    assert "Rwy'n hŷn ac yn gwybod" in text
    assert "Siân" in text
    assert "Ffonio'r meddyg" not in text  # unticked
    assert "not encrypted" in dialog.status.text()


def test_cancelling_the_warning_writes_nothing(
    qtbot: QtBot, dialog: SupporterSheetDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "help.pdf"
    monkeypatch.setattr(dialogs, "choose_save_file", lambda *_a: str(target))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    box = warning_box(qtbot, dialog)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text() != "", timeout=2000)
    assert not target.exists()
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*.tmp")) == []


def test_cancelling_the_file_choice_writes_nothing(
    qtbot: QtBot, dialog: SupporterSheetDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def cancel(_parent: object, _title: str, suggested: str, _filter: str) -> str:
        asked.append(suggested)
        return ""

    monkeypatch.setattr(dialogs, "choose_save_file", cancel)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    box = warning_box(qtbot, dialog)  # the warning comes first, as for every file saved
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "Nothing was saved."
    assert [Path(path).name for path in asked] == ["companion-flare-help-2027-03-04.pdf"]  # the diary's date
    assert list(tmp_path.glob("*.pdf")) == []


def test_nothing_ticked_asks_for_a_part(
    qtbot: QtBot, dialog: SupporterSheetDialog, monkeypatch: pytest.MonkeyPatch
) -> None:
    def never(*_a: object) -> str:
        raise AssertionError("no file should be asked for")

    monkeypatch.setattr(dialogs, "choose_save_file", never)
    for check in dialog.section_checks.values():
        check.setChecked(False)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text()
