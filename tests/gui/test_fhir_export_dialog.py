"""Export for a health record from Settings › Your data: the period and parts chosen on screen, the warning
before the file dialog, a file that parses with FHIR R4's models, and a Patient that names no one unless the
person adds their details (a wrong NHS number is named and nothing is written)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from companion.services import transfer
from companion.ui import dialogs
from companion.ui.companion_window import CompanionWindow
from companion.ui.imports.fhir_export_dialog import FhirExportDialog
from tests.gui.conftest import WindowFactory
from tests.gui.test_accessible_tree import open_demo
from tests.helpers.gui import activate, message_box, type_into

fhir_resources = pytest.importorskip("fhir.resources")


@pytest.fixture
def window(qtbot: QtBot, make_window: WindowFactory, data_dir: Path) -> CompanionWindow:
    w = open_demo(qtbot, make_window, data_dir, "en")
    assert w.main_view is not None
    w.main_view.show_page("settings")
    return w


def open_dialog(qtbot: QtBot, window: CompanionWindow) -> FhirExportDialog:
    assert window.main_view is not None
    section = window.main_view.data_section
    activate(qtbot, window)
    section.export_fhir.setFocus()
    qtbot.keyClick(section.export_fhir, Qt.Key.Key_Space)
    dialog = section.fhir_dialog
    qtbot.waitUntil(dialog.isVisible)
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    return dialog


def resources(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def press_export(qtbot: QtBot, dialog: FhirExportDialog) -> None:
    dialog.export_button.setFocus()
    qtbot.keyClick(dialog.export_button, Qt.Key.Key_Return)


def test_the_chosen_period_and_parts_are_written_after_the_warning_and_parse_as_r4(
    qtbot: QtBot, window: CompanionWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fhir.resources.bundle import Bundle

    session = window.session
    assert session is not None
    asked: list[tuple[str, ...]] = []
    target = tmp_path / "for the clinic.json"

    def chosen(_parent: object, *args: str) -> str:
        asked.append(args)
        return str(target)

    monkeypatch.setattr(dialogs, "choose_save_file", chosen)
    dialog = open_dialog(qtbot, window)
    assert dialog.period.hasFocus() and dialog.period.currentText() == "The last 3 months"
    assert dialog.patient_note.text().startswith("The file names no one: none of your details are in it")
    assert not dialog.add_details.isChecked() and not dialog.details.isVisible()
    assert [box.isChecked() for box in dialog.sections.values()] == [True, True, True, False]  # notes left out
    assert dialog.story.isChecked()
    for _ in range(2):  # "Dates I choose", with the arrow keys
        qtbot.keyClick(dialog.period, Qt.Key.Key_Down)
    assert dialog.period.currentText() == "Dates I choose" and dialog.start.isEnabled()
    today = session.clock.today()
    start, end = today - dt.timedelta(days=60), today - dt.timedelta(days=30)
    dialog.start.setDate(QDate(start.year, start.month, start.day))
    dialog.end.setDate(QDate(end.year, end.month, end.day))
    medicines = list(dialog.sections.values())[2]
    medicines.setFocus()
    qtbot.keyClick(medicines, Qt.Key.Key_Space)

    press_export(qtbot, dialog)
    box = message_box(dialog)
    assert box is not None and box.text() == transfer.export_warning()
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)  # Enter, Enter saves nothing
    assert asked == [] and not target.exists()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(target.exists)
    assert asked[0][1].endswith(f"companion-health-record-{today.isoformat()}.json")
    assert dialog.status.text() == f"Exported to {target}. This file is not encrypted."

    bundle = json.loads(target.read_text(encoding="utf-8"))
    assert Bundle.parse_obj(bundle).type == "collection"
    (patient,) = resources(bundle, "Patient")
    assert set(patient) == {"resourceType", "id", "meta"}  # no name, birth date or NHS number
    assert resources(bundle, "MedicationStatement") == []
    # Daily pain: exactly the diary's check-ins with a pain score, on the chosen days (read from the diary).
    wanted = sorted(
        (e.recorded_at.isoformat(timespec="seconds"), e.pain)
        for e in session.diary.all_entries()
        if e.pain is not None and start <= e.recorded_at.date() <= end
    )
    pain = [
        o for o in resources(bundle, "Observation") if o.get("code", {}).get("coding", [{}])[0].get("code") == "72514-3"
    ]
    assert sorted((o["effectiveDateTime"], o["valueQuantity"]["value"]) for o in pain) == wanted and wanted
    assert all("note" not in o for o in pain)  # notes were not ticked
    # My story's diagnoses, all of them whatever the period, as conditions in the person's words.
    from companion.domain.story import StoryKind

    diagnoses = {item.title for item in session.story.items(kinds=frozenset({StoryKind.DIAGNOSIS}))}
    assert diagnoses and {c["code"]["text"] for c in resources(bundle, "Condition")} == diagnoses


def test_details_are_added_only_when_asked_and_a_wrong_nhs_number_writes_nothing(
    qtbot: QtBot, window: CompanionWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fhir.resources.bundle import Bundle

    target = tmp_path / "fhir.json"
    monkeypatch.setattr(dialogs, "choose_save_file", lambda *_a: str(target))
    dialog = open_dialog(qtbot, window)
    dialog.story.setFocus()
    qtbot.keyClick(dialog.story, Qt.Key.Key_Space)  # My story left out
    dialog.add_details.setFocus()
    qtbot.keyClick(dialog.add_details, Qt.Key.Key_Space)
    assert dialog.details.isVisible() and dialog.birth.value() is None and not dialog.birth.date.isEnabled()
    type_into(qtbot, dialog.name, "Siân Ŵyn")
    type_into(qtbot, dialog.nhs, "943 476 5918")  # the last digit does not match
    press_export(qtbot, dialog)
    assert dialog.status.text().startswith("That is not a valid NHS number")
    assert message_box(dialog) is None and not target.exists()

    dialog.nhs.clear()
    type_into(qtbot, dialog.nhs, "943 476 5919")
    dialog.birth.check.setFocus()
    qtbot.keyClick(dialog.birth.check, Qt.Key.Key_Space)
    dialog.birth.date.setDate(QDate(1970, 5, 4))
    press_export(qtbot, dialog)
    box = message_box(dialog)
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Exported to"))
    bundle = json.loads(target.read_text(encoding="utf-8"))
    Bundle.parse_obj(bundle)
    (patient,) = resources(bundle, "Patient")
    assert patient["name"] == [{"text": "Siân Ŵyn"}] and patient["birthDate"] == "1970-05-04"
    assert patient["identifier"][0]["value"] == "9434765919"
    assert resources(bundle, "Condition") == []


def test_cancelling_the_warning_writes_nothing(
    qtbot: QtBot, window: CompanionWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "fhir.json"
    monkeypatch.setattr(dialogs, "choose_save_file", lambda *_a: str(target))
    dialog = open_dialog(qtbot, window)
    press_export(qtbot, dialog)
    box = message_box(dialog)
    assert box is not None
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not target.exists() and dialog.status.text() == "Nothing was exported."


def test_what_was_typed_comes_back_after_a_lock(qtbot: QtBot, window: CompanionWindow) -> None:
    from tests.helpers.gui import unlock

    dialog = open_dialog(qtbot, window)
    dialog.add_details.setChecked(True)
    type_into(qtbot, dialog.name, "Siân")
    assert window.lock_now()
    unlock(qtbot, window, "demo")
    revived = window.findChild(FhirExportDialog)
    assert revived is not None and revived.isVisible() and revived.kept.isVisible()
    assert revived.add_details.isChecked() and revived.name.text() == "Siân"
