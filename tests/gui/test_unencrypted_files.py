"""Every file that leaves the encrypted diary is saved the same way (dialogs.save_unencrypted): the warning
that it will not be encrypted comes first, before the file dialog, with Cancel the default, so Enter, Enter
saves nothing; OK then asks where. Exports, the chart picture, the summary PDF and the supporter sheet."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from companion.ui import dialogs
from companion.ui.companion_window import CompanionWindow
from tests.gui.conftest import WindowFactory
from tests.gui.test_accessible_tree import open_demo
from tests.helpers.gui import message_box


def _data_json(window: CompanionWindow) -> tuple[QWidget, QPushButton]:
    assert window.main_view is not None
    window.main_view.show_page("settings")
    return window, window.main_view.data_section.export_json


def _data_csv(window: CompanionWindow) -> tuple[QWidget, QPushButton]:
    assert window.main_view is not None
    window.main_view.show_page("settings")
    return window, window.main_view.data_section.export_csv


def _chart_picture(window: CompanionWindow) -> tuple[QWidget, QPushButton]:
    assert window.main_view is not None
    window.main_view.show_page("trends")
    return window, window.main_view.trends.export_button


def _summary_pdf(window: CompanionWindow) -> tuple[QWidget, QPushButton]:
    assert window.main_view is not None
    window.main_view.show_page("summary")
    return window, window.main_view.summary.pdf_button


def _supporter_sheet(window: CompanionWindow) -> tuple[QWidget, QPushButton]:
    from companion.ui.flare.supporter_sheet_dialog import SupporterSheetDialog

    assert window.open_diary is not None
    dialog = SupporterSheetDialog(window.open_diary, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog, dialog.save_button


def _fhir_export(window: CompanionWindow) -> tuple[QWidget, QPushButton]:
    assert window.main_view is not None
    window.main_view.show_page("settings")
    window.main_view.data_section.open_fhir_export()
    dialog = window.main_view.data_section.fhir_dialog
    return dialog, dialog.export_button


def _story_pdf(window: CompanionWindow) -> tuple[QWidget, QPushButton]:
    assert window.main_view is not None
    window.main_view.show_page("story")
    return window, window.main_view.story.timeline.document.pdf_button


def _summary_for_a_period(window: CompanionWindow) -> tuple[QWidget, QPushButton]:
    from companion.ui.story.prepare_dialog import PrepareDialog

    assert window.session is not None and window.open_diary is not None
    upcoming = next(a for a in window.session.appointments.appointments() if not a.attended)
    dialog = PrepareDialog.open_for(window.open_diary, upcoming.id, window)
    return dialog, dialog.summary_button


SAVES: dict[str, Callable[[CompanionWindow], tuple[QWidget, QPushButton]]] = {
    "export JSON": _data_json,
    "export CSV": _data_csv,
    "chart picture": _chart_picture,
    "summary PDF": _summary_pdf,
    "supporter sheet PDF": _supporter_sheet,
    "FHIR export": _fhir_export,
    "My story so far PDF": _story_pdf,
    "summary for the period before an appointment": _summary_for_a_period,
}


@pytest.mark.parametrize("save", list(SAVES))
def test_the_warning_comes_first_with_cancel_the_default(
    qtbot: QtBot, make_window: WindowFactory, data_dir: Path, monkeypatch: pytest.MonkeyPatch, save: str
) -> None:
    window = open_demo(qtbot, make_window, data_dir, "en")
    asked: list[tuple[object, ...]] = []

    def choose_file(*args: object) -> str:
        asked.append(args)
        return ""  # the person closes the file dialog

    monkeypatch.setattr(dialogs, "choose_save_file", choose_file)
    where, button = SAVES[save](window)
    for answer in ("Enter", "OK"):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        box = message_box(where)
        assert box is not None, save
        assert box.windowTitle().startswith("This file will not be encrypted") and "not" in box.text()
        assert asked == []  # nothing asked before the warning
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
        assert box.escapeButton() is box.button(QMessageBox.StandardButton.Cancel)
        if answer == "Enter":
            qtbot.keyClick(box, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: message_box(where) is None)
            assert asked == []  # Enter took Cancel: no file dialog, nothing saved
        else:
            qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: message_box(where) is None)
            assert len(asked) == 1  # then, and only then, where to save it


def test_no_screen_asks_for_a_file_to_save_without_the_warning() -> None:
    """The file dialog for saving is reached only through dialogs.save_unencrypted: nothing else in the app
    calls it (or Qt's own) directly, so a new export cannot skip the warning."""
    import companion

    root = Path(companion.__file__).parent
    callers = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if path.name != "dialogs.py"
        and any(name in path.read_text(encoding="utf-8") for name in ("choose_save_file", "getSaveFileName"))
    ]
    assert callers == []
