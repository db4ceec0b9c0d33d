"""The import wizard, driven from Settings › Your data with the keyboard: a spreadsheet mapped, previewed,
imported and undone; a Bearable export imported value for value; bad files named and nothing changed; the
date order asked only when the file can't show it; past imports undone later; the choices kept over a lock.
The expected entries come from the fixture generators (tests/fixtures/import_files.py), never the importer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from companion.services.session import DiarySession
from companion.storage import backups
from companion.ui import dialogs
from companion.ui.companion_window import CompanionWindow
from companion.ui.imports.import_wizard import ImportWizard
from tests.fixtures import import_files as gen
from tests.gui.conftest import WindowFactory
from tests.helpers.gui import PASSPHRASE, activate, first_run, message_box, record_pain, unlock


@pytest.fixture
def window(qtbot: QtBot, make_window: WindowFactory) -> CompanionWindow:
    w = make_window()
    first_run(qtbot, w, "en")
    record_pain(qtbot, w, 4, "mine, by hand")
    assert w.main_view is not None
    w.main_view.show_page("settings")
    return w


def saved(session: DiarySession) -> list[tuple[object, ...]]:
    """Every check-in as (local wall-clock time, pain, sleep, mood, tiredness, tag names, note)."""
    return [
        (e.recorded_at.replace(tzinfo=None), e.pain, e.sleep_hours, e.mood, e.fatigue, [t.name for t in e.tags], e.note)
        for e in session.diary.all_entries()
    ]


def expected(rows: list[gen.Expected]) -> list[tuple[object, ...]]:
    return [(x.when, x.pain, x.sleep_hours, x.mood, x.fatigue, x.tags, x.note) for x in rows]


def open_wizard(qtbot: QtBot, window: CompanionWindow) -> ImportWizard:
    assert window.main_view is not None
    section = window.main_view.data_section
    activate(qtbot, window)
    section.import_other.setFocus()
    qtbot.keyClick(section.import_other, Qt.Key.Key_Space)
    wizard = section.import_wizard
    qtbot.waitUntil(wizard.isVisible)
    qtbot.waitUntil(wizard.isActiveWindow)
    assert wizard.isModal() and wizard.windowModality() == Qt.WindowModality.WindowModal
    return wizard


def choose(qtbot: QtBot, wizard: ImportWizard, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Press the focused "Choose a file…" button and pick `path` in the file dialog."""
    monkeypatch.setattr(dialogs, "choose_open_file", lambda *_a: str(path))
    assert wizard.file_step.choose.hasFocus()
    qtbot.keyClick(wizard.file_step.choose, Qt.Key.Key_Space)


def enter(qtbot: QtBot, wizard: ImportWizard) -> None:
    """Enter where the keyboard focus is: the step's main button answers."""
    target = wizard.focusWidget() or wizard
    qtbot.keyClick(target, Qt.Key.Key_Return)


def answer(qtbot: QtBot, window: CompanionWindow, button: QMessageBox.StandardButton) -> str:
    box = message_box(window) or message_box(window.main_view.data_section.import_wizard)  # type: ignore[union-attr]
    assert box is not None
    text = box.text()
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)
    return text


def test_a_spreadsheet_is_mapped_previewed_imported_and_undone(
    qtbot: QtBot, window: CompanionWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = window.session
    assert session is not None and window.main_view is not None
    mine = saved(session)
    data, rows = gen.spreadsheet()
    sheet = tmp_path / "my pain sheet.csv"
    sheet.write_bytes(data)
    wizard = open_wizard(qtbot, window)
    assert (wizard.step_count.text(), wizard.heading.text()) == ("Step 1 of 4", "Choose the file")
    assert wizard.file_step.past.empty.isVisible()  # nothing imported before
    choose(qtbot, wizard, sheet, monkeypatch)
    assert wizard.file_step.file_name.text() == "my pain sheet.csv"
    assert wizard.file_step.sources["csv"].isChecked()
    assert wizard.file_step.detected.text().startswith("This file is not a Bearable or Flaredown export")
    assert wizard.next.hasFocus() and wizard.next.isEnabled()

    enter(qtbot, wizard)
    step = wizard.mapping_step
    assert (wizard.step_count.text(), wizard.heading.text()) == ("Step 2 of 4", "Say which column holds what")
    chosen = {name: combo.currentText() for name, combo in step.columns.items()}
    assert chosen == {
        "date": "Day",
        "time": "Time",
        "pain": "Pain level",
        "sleep_hours": "Slept",
        "mood": "Mood",
        "tiredness": "Fatigue",
        "note": "Comments",
        "tags": "Labels",
    }
    assert not step.order_box.isVisible()  # 13/01/2024 can only be day first
    assert step.sample.horizontalHeaderItem(2).text() == "Pain level"
    # The file's units, chosen with the arrow keys: mood out of 5, tiredness out of 100, sleep in minutes.
    for name, presses in (("mood", 1), ("tiredness", 2), ("sleep_hours", 1)):
        step.scales[name].setFocus()
        for _ in range(presses):
            qtbot.keyClick(step.scales[name], Qt.Key.Key_Down)
    assert [step.scales[n].currentText() for n in ("mood", "tiredness", "sleep_hours")] == [
        "0 to 5",
        "0 to 100",
        "in minutes",
    ]
    assert saved(session) == mine  # nothing saved while choosing

    enter(qtbot, wizard)
    preview = wizard.preview_step
    assert (wizard.step_count.text(), wizard.heading.text()) == ("Step 3 of 4", "Check before importing")
    assert preview.counts.text().splitlines() == [
        "New entries to add: 15.",
        "Entries already in the diary: 0.",
        "Entries repeated within the file: 0.",
        "Rows that can't be imported: 0.",
    ]
    assert not preview.problems.isVisible()
    first = rows[0]
    cells = [preview.table.item(0, column).text() for column in range(preview.table.columnCount())]
    assert cells[0] == "Added" and cells[1] == "13 January 2024" and cells[2] == first.when.strftime("%H:%M")
    assert (cells[3], cells[5], cells[6]) == (str(first.pain), str(first.mood), str(first.fatigue))
    assert float(cells[4]) == first.sleep_hours and cells[8] == first.note
    assert preview.table.rowCount() == 15
    assert saved(session) == mine and backups.list_backups(session.path) == []
    assert wizard.import_button.hasFocus()

    enter(qtbot, wizard)
    assert (wizard.step_count.text(), wizard.heading.text()) == ("Step 4 of 4", "The import is done")
    assert wizard.result_step.result.text() == (
        "15 entries were imported (already in your diary: 0; rows that couldn't be imported: 0)."
    )
    assert sorted(saved(session), key=lambda r: r[0]) == sorted(mine + expected(rows), key=lambda r: r[0])  # type: ignore[arg-type, return-value]
    (backup,) = backups.list_backups(session.path)
    assert str(backup.path) in wizard.result_step.backup.text()
    # Every section heard of it: the Diary page, hidden meanwhile, shows the imported days when shown.
    window.main_view.show_page("diary")
    days = {e.when.date() for e in rows} | {r[0].date() for r in mine}  # type: ignore[attr-defined]
    assert window.main_view.diary.day_list.count() == len(days)
    window.main_view.show_page("settings")

    qtbot.mouseClick(wizard.result_step.undo, Qt.MouseButton.LeftButton)
    text = answer(qtbot, window, QMessageBox.StandardButton.Yes)
    assert text == "Undoing removes the 15 entries this import added. A backup is made first."
    qtbot.waitUntil(lambda: wizard.result_step.result.text() == "The import was undone: 15 entries were removed.")
    assert saved(session) == mine
    assert not wizard.result_step.undo.isVisible()
    window.main_view.show_page("diary")
    assert window.main_view.diary.day_list.count() == 1


def test_a_bearable_export_is_recognised_and_imports_value_for_value(
    qtbot: QtBot, window: CompanionWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = window.session
    assert session is not None
    mine = saved(session)
    data, rows = gen.bearable()
    export = tmp_path / "bearable-export.csv"
    export.write_bytes(data)
    wizard = open_wizard(qtbot, window)
    choose(qtbot, wizard, export, monkeypatch)
    assert wizard.file_step.sources["bearable"].isChecked()
    assert wizard.file_step.detected.text() == "This file looks like a Bearable export."
    assert (wizard.step_count.text(), wizard.heading.text()) == ("Step 1 of 3", "Choose the file")  # no columns to map
    enter(qtbot, wizard)
    assert (wizard.step_count.text(), wizard.heading.text()) == ("Step 2 of 3", "Check before importing")
    lines = wizard.preview_step.counts.text().splitlines()
    assert lines[0] == f"New entries to add: {len(rows)}." and lines[3] == "Rows that can't be imported: 0."
    enter(qtbot, wizard)
    assert (wizard.step_count.text(), wizard.heading.text()) == ("Step 3 of 3", "The import is done")
    assert sorted(saved(session), key=lambda r: r[0]) == sorted(mine + expected(rows), key=lambda r: r[0])  # type: ignore[arg-type, return-value]
    wizard.close_button.setFocus()
    qtbot.keyClick(wizard.close_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not wizard.isVisible())

    # Importing the same file again adds nothing, and says so before anything is done.
    again = open_wizard(qtbot, window)
    line = again.file_step.past.lines[0][0].text()  # type: ignore[attr-defined]
    assert line.endswith(
        f"Bearable · bearable-export.csv: {len(rows)} of the {len(rows)} entries it added are still in your diary."
    )
    choose(qtbot, again, export, monkeypatch)
    enter(qtbot, again)
    assert again.preview_step.counts.text().splitlines()[:2] == [
        "New entries to add: 0.",
        f"Entries already in the diary: {len(rows)}.",
    ]
    assert again.preview_step.nothing_yet.text() == "There is nothing new to import. Nothing was changed."
    assert not again.import_button.isEnabled()
    assert again.preview_step.table.item(0, 0).text() == "Already in your diary"


@pytest.mark.parametrize(
    ("content", "source", "message"),
    [
        (b"PK\x03\x04 a workbook, zipped", None, "This file is a spreadsheet workbook or another kind of file"),
        (b"", None, "This file is empty, so there is nothing to import."),
        (
            gen.spreadsheet()[0],
            "flaredown",
            "This file can't be imported as Flaredown because it has no column “Date”.",
        ),
    ],
    ids=["workbook", "empty", "wrong app"],
)
def test_a_bad_file_shows_its_message_and_changes_nothing(
    qtbot: QtBot,
    window: CompanionWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    content: bytes,
    source: str | None,
    message: str,
) -> None:
    session = window.session
    assert session is not None
    window.open_diary.flush()  # type: ignore[union-attr]
    before, mine = session.path.read_bytes(), saved(session)
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    wizard = open_wizard(qtbot, window)
    choose(qtbot, wizard, bad, monkeypatch)
    if source is not None:  # the file reads, but is not what the person said it is
        wizard.file_step.sources[source].setChecked(True)
        qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    assert wizard.problem.isVisible() and wizard.problem.text().startswith(message)
    assert "Nothing was imported." in wizard.problem.text()
    assert wizard.stack.currentWidget() is wizard.file_step
    if source is None:
        assert not wizard.next.isEnabled()
    assert saved(session) == mine
    assert session.path.read_bytes() == before and backups.list_backups(session.path) == []


def test_rows_that_cant_be_imported_are_named_and_the_rest_import(
    qtbot: QtBot, window: CompanionWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Date,Pain\n2024-02-03,4\n2024-02-30,5\n2024-02-05,12\n", encoding="utf-8")
    wizard = open_wizard(qtbot, window)
    choose(qtbot, wizard, sheet, monkeypatch)
    enter(qtbot, wizard)
    enter(qtbot, wizard)
    problems = wizard.preview_step.problems
    assert [problems.item(i).text() for i in range(problems.count())] == [
        "Row 3, column “Date”: the date “2024-02-30” couldn't be understood.",
        "Row 4, column “Pain”: “12” is not a whole number from 0 to 10.",
    ]
    assert wizard.preview_step.counts.text().splitlines()[0] == "New entries to add: 1."
    assert wizard.import_button.isEnabled()


def test_the_date_order_is_asked_only_when_the_dates_cant_show_it(
    qtbot: QtBot, window: CompanionWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sheet = tmp_path / "ambiguous.csv"
    sheet.write_text("Day,Pain level\n03/04/2024,4\n05/06/2024,5\n", encoding="utf-8")
    wizard = open_wizard(qtbot, window)
    choose(qtbot, wizard, sheet, monkeypatch)
    enter(qtbot, wizard)
    step = wizard.mapping_step
    assert step.order_box.isVisible() and not wizard.next.isEnabled()
    assert step.waiting.text() == "Choose the date order above to go on."
    assert step.orders["dmy"].text().replace("&", "") == "Day first: 03/04/2024 is 3 April 2024"
    assert step.orders["mdy"].text().replace("&", "") == "Month first: 03/04/2024 is 4 March 2024"
    step.orders["mdy"].setFocus()
    qtbot.keyClick(step.orders["mdy"], Qt.Key.Key_Space)
    assert wizard.next.isEnabled() and not step.waiting.isVisible()
    qtbot.mouseClick(wizard.next, Qt.MouseButton.LeftButton)
    table = wizard.preview_step.table
    assert [table.item(r, 1).text() for r in range(table.rowCount())] == ["4 March 2024", "6 May 2024"]
    # A column whose dates show their order is not asked about.
    qtbot.mouseClick(wizard.back, Qt.MouseButton.LeftButton)
    step.columns["date"].setCurrentIndex(step.columns["date"].findText("Pain level"))
    assert not step.order_box.isVisible()


def test_a_past_import_is_undone_later_from_the_first_step(
    qtbot: QtBot, window: CompanionWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = window.session
    assert session is not None
    mine = saved(session)
    data, _rows = gen.flaredown(days=4)
    export = tmp_path / "flaredown.csv"
    export.write_bytes(data)
    wizard = open_wizard(qtbot, window)
    choose(qtbot, wizard, export, monkeypatch)
    enter(qtbot, wizard)
    enter(qtbot, wizard)
    assert len(saved(session)) == len(mine) + 4
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not wizard.isVisible())

    later = open_wizard(qtbot, window)
    past = later.file_step.past
    (text, button) = past.lines[0]
    assert button is not None and button.isVisible()
    assert text.text().endswith("Flaredown · flaredown.csv: 4 of the 4 entries it added are still in your diary.")  # type: ignore[attr-defined]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    box = message_box(later)
    assert box is not None and box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    assert box.text() == "Undoing this import removes the 4 entries it added that are still in the diary."
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: past.status.text() == "The import was undone: 4 entries were removed.")
    assert saved(session) == mine
    (text, button) = past.lines[0]
    assert button is None and text.text().endswith("Flaredown · flaredown.csv: undone.")  # type: ignore[attr-defined]


def test_the_file_and_choices_come_back_after_a_lock_and_nothing_is_imported(
    qtbot: QtBot, window: CompanionWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data, _rows = gen.spreadsheet(days=3)
    sheet = tmp_path / "sheet.csv"
    sheet.write_bytes(data)
    wizard = open_wizard(qtbot, window)
    choose(qtbot, wizard, sheet, monkeypatch)
    enter(qtbot, wizard)
    wizard.mapping_step.scales["mood"].setCurrentIndex(wizard.mapping_step.scales["mood"].findData(5))
    wizard.mapping_step.columns["note"].setCurrentIndex(0)  # "Not in this file"
    count = len(window.session.diary.all_entries())  # type: ignore[union-attr]
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    assert window.main_view is not None
    revived = window.findChild(ImportWizard)
    assert revived is not None and revived.isVisible() and revived is not wizard
    assert revived.kept.isVisible()
    assert revived.stack.currentWidget() is revived.mapping_step
    assert revived.mapping_step.scales["mood"].currentData() == 5
    assert revived.mapping_step.columns["note"].currentData() is None
    assert revived.mapping_step.columns["pain"].currentText() == "Pain level"
    assert len(window.session.diary.all_entries()) == count  # type: ignore[union-attr]
    assert revived.file_step.file_name.text() == "sheet.csv"


def test_switching_language_rewords_the_wizard_without_reading_the_diary(
    qtbot: QtBot, window: CompanionWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sqlalchemy import event

    from companion import i18n

    sheet = tmp_path / "sheet.csv"
    sheet.write_text("Date,Pain\n2024-02-03,4\n2024-02-05,12\n", encoding="utf-8")
    wizard = open_wizard(qtbot, window)
    choose(qtbot, wizard, sheet, monkeypatch)
    enter(qtbot, wizard)
    enter(qtbot, wizard)
    statements: list[str] = []
    engine = window.session.store.database.engine  # type: ignore[union-attr]
    listener = lambda *args: statements.append(str(args[2]))  # noqa: E731
    event.listen(engine, "before_cursor_execute", listener)
    try:
        i18n.set_language("cy")
        wizard.retranslate_ui()
        wizard.preview_step.retranslate_ui()
        wizard.file_step.past.retranslate_ui()
    finally:
        event.remove(engine, "before_cursor_execute", listener)
        i18n.set_language("en")
    assert statements == []


def test_the_data_section_opens_the_wizard_with_the_keyboard(qtbot: QtBot, window: CompanionWindow) -> None:
    wizard = open_wizard(qtbot, window)
    assert wizard.file_step.choose.hasFocus()
    assert wizard.windowTitle() == "Import from another app — Companion"
    qtbot.keyClick(wizard.file_step.choose, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not wizard.isVisible())


def test_nothing_is_imported_when_the_diary_cannot_be_saved_first(
    qtbot: QtBot, window: CompanionWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backup taken before an import copies the file on disk, so everything must be on disk first."""
    import errno

    from companion.domain.checkin import CheckinInput
    from companion.storage import atomic

    session = window.session
    assert session is not None and window.main_view is not None
    data, _rows = gen.flaredown(days=3)
    export = tmp_path / "flaredown.csv"
    export.write_bytes(data)
    wizard = open_wizard(qtbot, window)
    choose(qtbot, wizard, export, monkeypatch)
    enter(qtbot, wizard)

    def full_disk(_fd: int, _data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "write", full_disk)
    # A change made meanwhile (the pacing timer's checkpoint, say) that can't reach the disk.
    diary = window.open_diary
    assert diary is not None
    diary.run(lambda: session.diary.record_checkin(CheckinInput(recorded_at=session.clock.now(), pain=2)))
    mine = saved(session)
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    assert wizard.problem.text() == (
        "Your latest changes could not be saved to disk, so no backup could be made first. Nothing was changed."
    )
    assert wizard.stack.currentWidget() is wizard.preview_step and saved(session) == mine
    assert backups.list_backups(session.path) == []
    banner = window.main_view.banner
    qtbot.waitUntil(banner.isVisible, timeout=5000)
    box = message_box(window)
    if box is not None:
        box.reject()
    monkeypatch.undo()
    qtbot.mouseClick(banner.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5000)
