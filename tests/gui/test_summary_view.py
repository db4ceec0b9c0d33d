"""The summary screen in the running app: choices, a preview, and a PDF saved to a chosen path, after which
no file outside that path holds the diary's words (the vault is encrypted)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from companion.reports.summary_data import Section
from companion.ui import dialogs
from companion.ui.main_view import MainView
from tests.gui.conftest import WindowFactory
from tests.gui.test_accessibility import unnamed_controls
from tests.helpers.gui import first_run, message_box, record_pain

CANARY = "CANARY-summary-ŵŷ-7Q"


def _files_holding(root: Path, needle: bytes, since: float) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        try:
            if path.is_file() and path.stat().st_mtime >= since and needle in path.read_bytes():
                found.append(path)
        except OSError:
            continue
    return found


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_build_preview_and_save_a_pdf_with_no_copy_left_elsewhere(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    started = time.time() - 1
    window = make_window()
    first_run(qtbot, window, "en")
    for score in (4, 6, 5):
        record_pain(qtbot, window, score, "")
    assert window.session is not None
    window.session.goals.save_what_matters(f"Gardening again {CANARY}", "")
    view = window.main_view
    assert isinstance(view, MainView)
    view.show_page("summary")
    summary = view.summary
    assert unnamed_controls(summary) == []
    summary.period.setCurrentIndex(1)  # the last 4 weeks
    summary.top3[0].setText("Sleep")
    summary.bran.setChecked(True)
    summary.sections[Section.FLARES].setChecked(False)

    qtbot.mouseClick(summary.preview_button, Qt.MouseButton.LeftButton)
    shown = summary.preview.toPlainText()
    assert CANARY in shown and "Sleep" in shown
    assert "What are the risks?" in shown and "Flare-ups" not in shown
    assert shown.index("What matters to me") < shown.index("Pain")

    chosen = tmp_path / "chosen" / "my summary.pdf"
    chosen.parent.mkdir()
    monkeypatch.setattr(dialogs, "choose_save_file", lambda *_args: str(chosen))
    qtbot.mouseClick(summary.pdf_button, Qt.MouseButton.LeftButton)
    box = message_box(window)
    assert box is not None and "not be encrypted" in box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(chosen.exists, timeout=20000)
    assert summary.status.text() == f"The summary was saved to {chosen}."
    text = subprocess.run(["pdftotext", str(chosen), "-"], capture_output=True, check=True, text=True).stdout
    assert CANARY in text
    # The choices are remembered per audience, and "since my last appointment" now starts today.
    assert window.session.summary.sections("gp") is not None
    assert Section.FLARES.value not in (window.session.summary.sections("gp") or [])
    assert window.session.summary.last_made() == window.session.diary.today()

    # No copy of the diary's words anywhere else: the test's folders and the system temp folder.
    needle = CANARY.encode("utf-8")
    leaks = [p for p in _files_holding(tmp_path, needle, started) if p != chosen]
    leaks += _files_holding(Path(tempfile.gettempdir()), needle, started)
    assert leaks == []
    # Every file that leaves the diary is saved the same way: the warning first each time, Cancel the default.
    second = tmp_path / "chosen" / "again.pdf"
    monkeypatch.setattr(dialogs, "choose_save_file", lambda *_args: str(second))
    qtbot.mouseClick(summary.pdf_button, Qt.MouseButton.LeftButton)
    box = message_box(window)
    assert box is not None and box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(second.exists, timeout=20000)


def test_each_audience_keeps_its_own_sections(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    first_run(qtbot, window, "en")
    view = window.main_view
    assert isinstance(view, MainView)
    summary = view.summary
    summary.audience.setCurrentIndex(summary.audience.findData("pharmacist"))
    assert summary.sections[Section.MEDICINES].isChecked()
    assert not summary.sections[Section.PACING].isChecked()
    summary.sections[Section.PACING].setChecked(True)
    summary._remember(summary.options())
    summary.audience.setCurrentIndex(summary.audience.findData("gp"))
    assert summary.sections[Section.PACING].isChecked()
    assert not summary.sections[Section.NOTES].isChecked()  # personal notes stay out unless ticked
    summary.audience.setCurrentIndex(summary.audience.findData("pharmacist"))
    assert summary.sections[Section.PACING].isChecked()
