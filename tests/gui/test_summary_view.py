"""The summary screen in the running app: choices, a preview, the appointment asked for and remembered,
printing through the print preview to a PDF file (the app stays alive), and a PDF saved to a chosen path,
after which no file outside that path holds the diary's words (the vault is encrypted)."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QMessageBox, QToolBar
from pytestqt.qtbot import QtBot

from companion.reports.summary_data import Section
from companion.ui import dialogs
from companion.ui.main_view import MainView
from companion.ui.summary.summary_view import SummaryView
from tests.gui.conftest import WindowFactory
from tests.gui.test_accessibility import unnamed_controls
from tests.helpers.gui import first_run, message_box, record_pain

CANARY = "CANARY-summary-ŵŷ-7Q"
pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


def _files_holding(root: Path, needle: bytes, since: float) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        try:
            if path.is_file() and path.stat().st_mtime >= since and needle in path.read_bytes():
                found.append(path)
        except OSError:
            continue
    return found


def _text(pdf: Path) -> str:
    """The PDF's text layer, its lines joined again (a line broken after a hyphen joined without a space)."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, check=True, text=True).stdout
    return " ".join(text.replace("-\n", "-").split())


def _answer_appointment(qtbot: QtBot, summary: SummaryView, day: dt.date) -> None:
    qtbot.waitUntil(lambda: summary.appointment_dialog is not None and summary.appointment_dialog.isVisible())
    dialog = summary.appointment_dialog
    assert dialog is not None
    dialog.day.setDate(QDate(day.year, day.month, day.day))
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)


def _summary_page(qtbot: QtBot, make_window: WindowFactory, language: str = "en") -> tuple[object, SummaryView]:
    window = make_window()
    first_run(qtbot, window, language)
    for score in (4, 6, 5):
        record_pain(qtbot, window, score, "")
    assert window.session is not None
    window.session.goals.save_what_matters(f"Gardening again {CANARY}", "")
    view = window.main_view
    assert isinstance(view, MainView)
    view.show_page("summary")
    return window, view.summary


def test_build_preview_and_save_a_pdf_with_no_copy_left_elsewhere(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import time

    started = time.time() - 1
    window, summary = _summary_page(qtbot, make_window)
    assert unnamed_controls(summary) == []
    summary.period.setCurrentIndex(1)  # the last 4 weeks
    summary.top3[0].setText("Sleep")
    summary.bran.setChecked(True)
    summary.sections[Section.FLARES].setChecked(False)
    summary.communication.bsl.setChecked(True)

    qtbot.mouseClick(summary.preview_button, Qt.MouseButton.LeftButton)
    shown = summary.preview.toPlainText()
    assert CANARY in shown and "Sleep" in shown
    # Making Choices Together first, word for word; BRAN after it; "What are my options?" asked once.
    choices = ["What are my options?", "What are the benefits and harms?", "What can I do myself?"]
    positions = [shown.index(q) for q in choices]
    assert positions == sorted(positions) and shown.count("What are my options?") == 1
    assert shown.index("What can I do myself?") < shown.index("What are the risks?")
    assert "Flare-ups" not in shown
    assert shown.index("How I communicate best") < shown.index("What matters to me") < shown.index("Pain")
    assert "I use British Sign Language (BSL) and need a BSL interpreter." in shown

    session = window.session  # type: ignore[attr-defined]
    appointment = session.diary.today() + dt.timedelta(days=3)
    chosen = tmp_path / "chosen" / "my summary.pdf"
    chosen.parent.mkdir()
    monkeypatch.setattr(dialogs, "choose_save_file", lambda *_args: str(chosen))
    qtbot.mouseClick(summary.pdf_button, Qt.MouseButton.LeftButton)
    box = message_box(window)  # type: ignore[arg-type]
    assert box is not None and "not be encrypted" in box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    _answer_appointment(qtbot, summary, appointment)
    qtbot.waitUntil(chosen.exists, timeout=20000)
    assert summary.status.text() == f"The summary was saved to {chosen}."
    text = _text(chosen)
    assert CANARY in text and "I use British Sign Language" in text
    # The choices are remembered per audience, and the appointment named, never the day the file was saved.
    assert Section.FLARES.value not in (session.summary.sections("gp") or [])
    assert session.summary.appointments() == [appointment]
    assert session.summary.communication().bsl

    # No copy of the diary's words anywhere else: the test's folders and the system temp folder.
    needle = CANARY.encode("utf-8")
    leaks = [p for p in _files_holding(tmp_path, needle, started) if p != chosen]
    leaks += _files_holding(Path(tempfile.gettempdir()), needle, started)
    assert leaks == []
    # Every file that leaves the diary is saved the same way: the warning first each time, Cancel the default.
    second = tmp_path / "chosen" / "again.pdf"
    monkeypatch.setattr(dialogs, "choose_save_file", lambda *_args: str(second))
    qtbot.mouseClick(summary.pdf_button, Qt.MouseButton.LeftButton)
    box = message_box(window)  # type: ignore[arg-type]
    assert box is not None and box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Ok).click()
    _answer_appointment(qtbot, summary, appointment)
    qtbot.waitUntil(second.exists, timeout=20000)


def _print_through_the_preview(qtbot: QtBot, summary: SummaryView, out: Path, day: dt.date) -> int:
    """Print…, answer the appointment, render every preview page, print to a PDF file through the preview's
    own Print button (its file dialog answered), and close. Returns the preview's page count."""
    qtbot.mouseClick(summary.print_button, Qt.MouseButton.LeftButton)
    _answer_appointment(qtbot, summary, day)
    qtbot.waitUntil(lambda: summary.print_job is not None and summary.print_job.dialog is not None)
    job = summary.print_job
    assert job is not None and job.dialog is not None
    dialog = job.dialog
    qtbot.waitUntil(dialog.isVisible)
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() > 0, timeout=20000)
    pages = preview.pageCount()
    for page in range(1, pages + 1):
        preview.setCurrentPage(page)
        assert not preview.grab().isNull()
    job.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    job.printer.setOutputFileName(str(out))

    def answer_print_dialog() -> None:
        # The system print dialog (printing to a file, as the printer is set) or, where Qt asks for the file
        # instead, its file dialog: answered as a person would, with OK.
        chooser = QApplication.activeModalWidget()
        if isinstance(chooser, QPrintDialog):
            answered.append(chooser.windowTitle())
            chooser.accept()
        elif isinstance(chooser, QFileDialog):
            answered.append(chooser.windowTitle())
            chooser.selectFile(str(out))
            chooser.accept()
        else:
            QTimer.singleShot(50, answer_print_dialog)

    answered: list[str] = []
    QTimer.singleShot(50, answer_print_dialog)
    toolbar = dialog.findChild(QToolBar)
    assert toolbar is not None
    print_action = toolbar.actions()[-1]  # the preview's own Print button: last on its tool bar
    assert print_action.text()
    print_action.trigger()
    qtbot.waitUntil(lambda: out.exists() and out.stat().st_size > 0, timeout=20000)
    qtbot.waitUntil(lambda: job.closed, timeout=5000)
    assert answered, "the system print dialog was shown"
    return pages


@pytest.mark.parametrize("language", ["en", "cy"])
def test_print_preview_renders_every_page_prints_to_a_pdf_file_and_the_app_lives_on(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, language: str
) -> None:
    window, summary = _summary_page(qtbot, make_window, language)
    summary.language.setCurrentIndex(summary.language.findData("both"))
    summary.top3[0].setText("Stairs")
    out = tmp_path / f"printed-{language}.pdf"
    session = window.session  # type: ignore[attr-defined]
    day = session.diary.today() + dt.timedelta(days=1)
    pages = _print_through_the_preview(qtbot, summary, out, day)
    assert pages >= 1
    text = _text(out)
    assert CANARY in text and "Stairs" in text and "Summary for my appointment" in text
    # The printer went with its dialog; the app is alive and the page still works (preview, then print again).
    assert summary.print_job is not None and summary.print_job.dialog is None
    qtbot.mouseClick(summary.preview_button, Qt.MouseButton.LeftButton)
    assert "Stairs" in summary.preview.toPlainText()
    again = tmp_path / f"again-{language}.pdf"
    _print_through_the_preview(qtbot, summary, again, day)
    assert "Stairs" in _text(again)
    assert session.summary.appointments() == [day]


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


def test_a_short_or_future_period_is_said_on_screen_before_anything_is_made(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    first_run(qtbot, window, "en")
    view = window.main_view
    assert isinstance(view, MainView)
    view.show_page("summary")
    summary = view.summary
    today = window.session.diary.today()  # type: ignore[union-attr]
    summary.period.setCurrentIndex(summary.period.findData("custom"))
    summary.start.setDate(QDate(today.year, today.month, today.day).addDays(-2))
    summary.end.setDate(QDate(today.year, today.month, today.day))
    assert summary.notice.isVisible()
    assert summary.notice.text().startswith("This period is 3 days long, under a week")
    summary.start.setDate(QDate(today.year, today.month, today.day).addDays(10))
    summary.end.setDate(QDate(today.year, today.month, today.day).addDays(20))
    assert summary.notice.text().startswith("This period has not started yet")
    summary.start.setDate(QDate(today.year, today.month, today.day).addDays(-30))
    assert summary.notice.text() == "The period runs past today: the figures will stop at today."
    summary.end.setDate(QDate(today.year, today.month, today.day))
    assert not summary.notice.isVisible()


def test_since_my_last_appointment_starts_on_the_day_named_not_the_day_saved(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    first_run(qtbot, window, "en")
    session = window.session
    assert session is not None
    today = session.diary.today()
    session.summary.remember_appointment(today - dt.timedelta(days=40), today + dt.timedelta(days=2))
    view = window.main_view
    assert isinstance(view, MainView)
    view.show_page("summary")
    summary = view.summary
    summary.period.setCurrentIndex(summary.period.findData("since_last"))
    start = summary.start.date()
    assert dt.date(start.year(), start.month(), start.day()) == today - dt.timedelta(days=40)
    assert summary.start.isEnabled() and not summary.end.isEnabled()


def test_a_lock_during_a_summary_build_waits_for_it_and_the_pdf_is_whole(
    qtbot: QtBot, make_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Auto-lock fires while the PDF is being built (from its own copy of the diary, off the GUI thread): the
    build finishes, the file is written whole, then the diary locks."""
    window, summary = _summary_page(qtbot, make_window)
    session = window.session  # type: ignore[attr-defined]
    chosen = tmp_path / "during-lock.pdf"
    monkeypatch.setattr(dialogs, "choose_save_file", lambda *_args: str(chosen))
    qtbot.mouseClick(summary.pdf_button, Qt.MouseButton.LeftButton)
    box = message_box(window)  # type: ignore[arg-type]
    assert box is not None
    box.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: summary.appointment_dialog is not None)
    dialog = summary.appointment_dialog
    assert dialog is not None
    QTimer.singleShot(30, window.idle.idle.emit)  # type: ignore[attr-defined]  # auto-lock, mid-build
    _answer_appointment(qtbot, summary, session.diary.today())
    qtbot.waitUntil(chosen.exists, timeout=30000)
    assert CANARY in _text(chosen)
    qtbot.waitUntil(lambda: window.session is None, timeout=10000)  # type: ignore[attr-defined]
