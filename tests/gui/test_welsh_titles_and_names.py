"""No English in the Welsh interface's frame: window titles end with "Cydymaith" (Qt's application display name
follows the language, and every title is built by one helper), the file names offered in save dialogs are
Welsh, and a question before deleting is answered with its verb."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from companion import i18n
from companion.i18n.file_names import FILE_NAMES, name_part, suggested_file_name
from companion.ui import dialogs
from companion.ui.widgets import window_title
from tests.gui.conftest import WindowFactory
from tests.helpers.gui import first_run, message_box, record_pain

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def welsh(bridge):  # type: ignore[no-untyped-def]
    i18n.set_language("cy")
    QCoreApplication.processEvents()
    yield
    i18n.set_language("en")


def test_qts_display_name_follows_the_language(bridge) -> None:  # type: ignore[no-untyped-def]
    """X11 and Windows add the display name to every window title, Qt's own dialogs included."""
    assert QGuiApplication.applicationDisplayName() == "Companion"
    i18n.set_language("cy")
    assert QGuiApplication.applicationDisplayName() == "Cydymaith"
    assert window_title() == "Cydymaith"
    assert window_title("Argraffu'r crynodeb") == "Argraffu'r crynodeb — Cydymaith"
    i18n.set_language("en")
    assert QGuiApplication.applicationDisplayName() == "Companion"
    assert window_title("Print the summary") == "Print the summary — Companion"


def _title_calls(path: Path) -> list[tuple[int, str]]:
    """setWindowTitle(...) calls whose argument is not window_title(...), outside a module's quick-look main()."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    previews = {n for f in ast.walk(tree) if isinstance(f, ast.FunctionDef) and f.name == "main" for n in ast.walk(f)}
    found = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "setWindowTitle"
            and node not in previews
        ):
            arg = node.args[0] if node.args else None
            if not (isinstance(arg, ast.Call) and isinstance(arg.func, ast.Name) and arg.func.id == "window_title"):
                found.append((node.lineno, ast.unparse(node)))
    return found


def test_every_window_title_is_built_by_the_one_helper(tmp_path: Path) -> None:
    problems = {
        str(path.relative_to(ROOT)): calls
        for path in sorted((ROOT / "companion" / "ui").rglob("*.py"))
        if (calls := _title_calls(path))
    }
    assert problems == {}
    source = "x.setWindowTitle(_('Print the summary'))\ny.setWindowTitle(window_title(_('Print the summary')))\n"
    probe = tmp_path / "probe_titles.py"
    probe.write_text(source, encoding="utf-8")
    assert [line for line, _call in _title_calls(probe)] == [1]  # the check finds a bare title


def test_the_welsh_window_and_its_dialogs_say_cydymaith(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    first_run(qtbot, window, "cy")
    assert window.windowTitle() == "Cydymaith"
    # A message box, a file dialog and a dialog of our own, all in Welsh with the Welsh name.
    box = dialogs.show_message(window, i18n._("Not saved yet"), "x")
    assert box.windowTitle() == f"{i18n._('Not saved yet')} — Cydymaith"
    box.close()
    error = dialogs.show_error(window, "x")
    assert error.windowTitle() == "Cydymaith"
    error.close()
    from companion.ui.settings.change_passphrase_dialog import ChangePassphraseDialog

    change = ChangePassphraseDialog(window)
    qtbot.addWidget(change)
    assert change.windowTitle() == f"{i18n._('Change passphrase')} — Cydymaith"
    seen: dict[str, str] = {}

    def choose(_parent: object, title: str, suggested: str, _filter: str) -> str:
        seen.update(title=title, suggested=suggested)
        return ""

    monkeypatch.setattr("PySide6.QtWidgets.QFileDialog.getSaveFileName", lambda *a: (choose(*a), ""))
    assert window.main_view is not None
    window.main_view.show_page("settings")
    qtbot.mouseClick(window.main_view.data_section.export_json, Qt.MouseButton.LeftButton)
    warning = message_box(window)  # every file saved: the not-encrypted warning first, then the file dialog
    assert warning is not None and warning.windowTitle().endswith("— Cydymaith")
    qtbot.mouseClick(warning.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert seen["title"] == f"{i18n._('Export your diary')} — Cydymaith"
    assert Path(seen["suggested"]).name == f"cydymaith-allforio-{dt.date.today().isoformat()}.json"
    for title in (window.windowTitle(), seen["title"], box.windowTitle(), change.windowTitle()):
        assert "Companion" not in title


def test_the_demo_title_ends_with_the_name_once(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(demo=True)
    window.retranslate_ui()
    assert window.windowTitle() == "DEMO — Companion"
    i18n.set_language("cy")
    window.retranslate_ui()
    assert window.windowTitle() == "ENGHRAIFFT — Cydymaith"  # Qt sees the name at the end and adds nothing


def test_a_delete_question_is_answered_with_its_verb(qtbot: QtBot, make_window: WindowFactory, welsh) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    answered: list[bool] = []
    title = i18n._("Delete goal")
    box = dialogs.confirm(window, title, "?", lambda: answered.append(True))
    yes = box.button(QMessageBox.StandardButton.Yes)
    assert yes.text() == title == "Dileu'r nod"
    assert {b.text() for b in box.buttons()} == {"Dileu'r nod", "Diddymu"}
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)
    assert answered == [True]


def test_suggested_file_names_are_in_the_interface_language() -> None:
    day = dt.date(2027, 2, 4)
    english = {kind: suggested_file_name(kind, day, chart="Pain over time", extension="png") for kind in FILE_NAMES}
    i18n.set_language("cy")
    welsh = {kind: suggested_file_name(kind, day, chart="Poen dros amser", extension="png") for kind in FILE_NAMES}
    assert english == {
        "export_json": "companion-export-2027-02-04.json",
        "export_csv": "companion-export-2027-02-04.zip",
        "flare_help": "companion-flare-help-2027-02-04.pdf",
        "summary": "companion-summary-2027-02-04.pdf",
        "fhir": "companion-health-record-2027-02-04.json",
        "story": "companion-my-story-2027-02-04.pdf",
        "chart": "companion-chart-pain-over-time-2027-02-04.png",
    }
    assert welsh == {
        "export_json": "cydymaith-allforio-2027-02-04.json",
        "export_csv": "cydymaith-allforio-2027-02-04.zip",
        "flare_help": "cydymaith-taflen-pwl-o-boen-2027-02-04.pdf",
        "summary": "cydymaith-crynodeb-2027-02-04.pdf",
        "fhir": "cydymaith-cofnod-iechyd-2027-02-04.json",
        "story": "cydymaith-fy-stori-2027-02-04.pdf",
        "chart": "cydymaith-siart-poen-dros-amser-2027-02-04.png",
    }
    assert name_part("Cwsg, hwyliau a blinder / ŵ") == "cwsg-hwyliau-a-blinder-ŵ"


def test_the_summary_and_the_chart_offer_welsh_file_names(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    first_run(qtbot, window, "cy")
    record_pain(qtbot, window, 5, "nodyn")
    offered: list[str] = []
    monkeypatch.setattr(dialogs, "choose_save_file", lambda _p, _t, suggested, _f: offered.append(suggested) or "")
    assert window.main_view is not None
    window.main_view.show_page("trends")
    trends = window.main_view.page("trends")
    qtbot.waitUntil(lambda: trends.current_chart() is not None and trends.current_chart().has_data, timeout=5000)
    def past_the_warning() -> None:  # every file saved: the not-encrypted warning first, then the file dialog
        warning = message_box(window)
        assert warning is not None
        qtbot.mouseClick(warning.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    trends.export()
    past_the_warning()
    today = dt.date.today().isoformat()
    assert Path(offered[-1]).name == f"cydymaith-siart-{name_part(i18n._('Pain over time'))}-{today}.png"
    window.main_view.show_page("summary")
    window.main_view.page("summary").save_pdf()
    past_the_warning()
    assert Path(offered[-1]).name == f"cydymaith-crynodeb-{today}.pdf"
    assert message_box(window) is None
