"""Every step of the import wizard and the FHIR export dialog, in Welsh at 1000 x 720 and at 200 % text in a
1280 x 800 window (and English at 200 %): inside the window, every control named for a screen reader, Tab
reaching each one and coming back round, no words cut off, and no two controls sharing an Alt+letter."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from companion.services import imports
from companion.ui import dialogs
from companion.ui.companion_window import CompanionWindow
from companion.ui.imports.fhir_export_dialog import FhirExportDialog
from companion.ui.imports.import_wizard import ImportWizard
from companion.ui.style import apply_text_size
from tests.fixtures import import_files as gen
from tests.gui.conftest import WindowFactory
from tests.gui.test_accessible_tree import open_demo
from tests.helpers.accessible import clipped_text, reached, settle, tab_chain, tab_stops, unnamed_interactive

SHEET = "Day,Pain level,Note\n03/04/2024,4,a good day\n05/06/2024,12,too high\n"


@pytest.fixture
def text_size(qapp: QApplication, bridge: object, request: pytest.FixtureRequest) -> Iterator[int]:
    points = int(request.param)
    apply_text_size(qapp, points)
    yield points
    apply_text_size(qapp, 12)


def mnemonic_clashes(root: QWidget) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        text = ""
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            text = widget.text()
        elif isinstance(widget, QGroupBox):
            text = widget.title()
        sequence = QKeySequence.mnemonic(text)
        if not sequence.isEmpty():
            found[sequence.toString().rsplit("+", 1)[-1].casefold()].append(f"{widget.objectName()} {text!r}")
    return {key: owners for key, owners in found.items() if len(owners) > 1}


def steps(window: CompanionWindow, sheet: Path) -> Iterator[tuple[str, QWidget]]:
    """Open each step and the FHIR dialog in turn, as a person reaches them."""
    assert window.main_view is not None
    section = window.main_view.data_section
    section.open_import_wizard()
    wizard: ImportWizard = section.import_wizard
    settle()
    yield "file, with a past import", wizard
    wizard.load_file(sheet)
    wizard.go_next()
    settle()
    assert wizard.mapping_step.order_box.isVisible()
    yield "columns, with the date order asked", wizard
    wizard.mapping_step.orders["dmy"].setChecked(True)
    wizard.go_next()
    settle()
    assert wizard.preview_step.problems.isVisible()
    yield "preview, with a row that can't be imported", wizard
    wizard.run_import()
    settle()
    yield "result", wizard
    wizard.reject()
    settle()
    section.open_fhir_export()
    fhir: FhirExportDialog = section.fhir_dialog
    fhir.add_details.setChecked(True)
    settle()
    yield "FHIR export, with details", fhir
    fhir.reject()


@pytest.mark.parametrize(
    ("language", "text_size", "size"),
    [("cy", 12, (1000, 720)), ("cy", 24, (1280, 800)), ("en", 24, (1280, 800))],
    indirect=["text_size"],
    ids=["cy-1000x720", "cy-200pc-1280x800", "en-200pc-1280x800"],
)
def test_each_step_fits_is_named_and_reached_by_tab(
    qtbot: QtBot,
    make_window: WindowFactory,
    data_dir: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    text_size: int,
    size: tuple[int, int],
) -> None:
    window = open_demo(qtbot, make_window, data_dir, language)
    window.resize(*size)
    session = window.session
    assert session is not None and window.main_view is not None and window.open_diary is not None
    earlier = imports.parse_file("flaredown", gen.flaredown(days=3)[0], "flaredown.csv", session.clock.now())
    window.open_diary.run(lambda: ((o := imports.apply_import(session, earlier)), o.changes))
    window.main_view.show_page("settings")
    sheet = tmp_path / "taenlen.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    monkeypatch.setattr(dialogs, "choose_open_file", lambda *_a: str(sheet))
    problems: dict[str, list[str]] = {}
    for name, dialog in steps(window, sheet):
        found: list[str] = []
        assert dialog.isVisible() and dialog.windowModality() == Qt.WindowModality.WindowModal
        if dialog.width() > window.width() or dialog.height() > window.height():
            found.append(f"{dialog.width()}x{dialog.height()} is bigger than the window {size}")
        _count, unnamed = unnamed_interactive(dialog)
        found += [f"unnamed: {path}" for path in unnamed]
        found += [f"cut off: {text}" for text in clipped_text(dialog)]
        found += [f"mnemonic {key}: {owners}" for key, owners in mnemonic_clashes(dialog).items()]
        stops = tab_stops(dialog)
        chain = tab_chain(stops[0])
        assert len(chain) < 400, f"{name}: Tab never comes back round"
        found += [f"Tab never reaches {w.objectName()}" for w in reached(stops, chain)]
        if found:
            problems[name] = found
    assert problems == {}
