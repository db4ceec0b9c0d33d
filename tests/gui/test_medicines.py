"""Medicines through real widgets, on an injected clock: a regular medicine started and stopped, one taken as
needed with doses logged (and one undone) on Today, helpfulness with side effects over time, a yearly review
for a medicine marked as an opioid, a stop date before the start refused, what I've tried; all kept through a
lock, every control named, the no-advice line always shown, and both screens drawn in English and Welsh."""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QMessageBox, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from companion import i18n
from companion.domain.medicines import Medicine, MedicineKind, ReviewGroup
from companion.services.medicines import NO_ADVICE
from companion.storage import atomic
from companion.ui.companion_window import CompanionWindow
from companion.ui.medicines.fields import OptionalDate
from companion.ui.medicines.medicines_view import MedicinesView
from companion.ui.medicines.my_medicines import MyMedicinesPage
from companion.ui.medicines.today_doses import TodayDosesPanel
from companion.ui.medicines.tried_page import TriedPage
from tests.gui.conftest import WindowFactory
from tests.gui.test_accessibility import unnamed_controls
from tests.helpers.accessible import settle
from tests.helpers.clock import FakeClock, local
from tests.helpers.gui import PASSPHRASE, activate, first_run, message_box, type_into, unlock
from tests.helpers.sql_statements import reads_of, statements

LEFT = Qt.MouseButton.LeftButton




def monday_clock() -> FakeClock:
    return FakeClock(local(2026, 3, 2, 9))  # a Monday


def _diary(qtbot: QtBot, make_window: WindowFactory, clock: FakeClock, language: str = "en") -> CompanionWindow:
    window = make_window(clock=clock)
    first_run(qtbot, window, language)
    assert window.session is not None
    return window


def _view(qtbot: QtBot, window: CompanionWindow) -> MedicinesView:
    assert window.session is not None
    view = MedicinesView(window.open_diary)
    qtbot.addWidget(view)
    view.resize(900, 800)
    view.show()
    qtbot.waitExposed(view)
    activate(qtbot, view)
    return view


def _panel(qtbot: QtBot, window: CompanionWindow) -> TodayDosesPanel:
    assert window.session is not None
    host = QWidget()  # as on Today: the panel is a child, and hides itself when it has nothing to show
    qtbot.addWidget(host)
    panel = TodayDosesPanel(window.open_diary)
    QVBoxLayout(host).addWidget(panel)
    host.resize(600, 240)
    host.show()
    panel.host = host  # type: ignore[attr-defined]  # keeps the window alive as long as the panel
    return panel


def _relock(qtbot: QtBot, window: CompanionWindow) -> None:
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    assert window.session is not None


def _set_date(field: OptionalDate, day: dt.date | None) -> None:
    """Tick (or untick) an optional date and choose the day, as with the calendar popup."""
    if (day is not None) != field.check.isChecked():
        field.check.click()
    assert field.date.isEnabled() == (day is not None)
    if day is not None:
        field.date.setDate(QDate(day.year, day.month, day.day))


def _add_medicine(
    qtbot: QtBot,
    page: MyMedicinesPage,
    name: str,
    *,
    purpose: str = "",
    as_needed: bool = False,
    dose: str = "",
    started: dt.date | None = None,
    stopped: dt.date | None = None,
    prescriber: str = "",
    group: ReviewGroup = ReviewGroup.NONE,
) -> None:
    qtbot.mouseClick(page.new_button, LEFT)
    assert page.name.hasFocus()
    assert page.editing.text() == "Adding a new medicine."
    type_into(qtbot, page.name, name)
    if purpose:
        type_into(qtbot, page.purpose, purpose)
    page.kind.setCurrentIndex(page.kind.findData((MedicineKind.AS_NEEDED if as_needed else MedicineKind.REGULAR).value))
    if dose:
        type_into(qtbot, page.dose, dose)
    _set_date(page.started, started)
    _set_date(page.stopped, stopped)
    if prescriber:
        type_into(qtbot, page.prescriber, prescriber)
    page.group.setCurrentIndex(page.group.findData(group.value))
    qtbot.mouseClick(page.save_button, LEFT)


def _list_texts(page: MyMedicinesPage | TriedPage) -> list[str]:
    return [page.list.item(row).text() for row in range(page.list.count())]


def _history(page: MyMedicinesPage) -> list[str]:
    return [page.history.item(row).text() for row in range(page.history.count())]


def _named_and_reachable(root: QWidget) -> list[str]:
    """unnamed_controls, and spin boxes and date boxes too (they are not in its list)."""
    missing = unnamed_controls(root)
    for box in root.findChildren(QAbstractSpinBox):
        if not box.isVisibleTo(root):
            continue
        if not box.accessibleName().strip():
            missing.append(f"{type(box).__name__} {box.objectName()!r}")
        if box.focusPolicy() & Qt.FocusPolicy.TabFocus != Qt.FocusPolicy.TabFocus:
            missing.append(f"{type(box).__name__} {box.objectName()!r} has no Tab focus")
    return missing


def test_medicines_doses_ratings_reviews_and_tried_survive_a_lock(qtbot: QtBot, make_window: WindowFactory) -> None:
    clock = monday_clock()
    window = _diary(qtbot, make_window, clock)
    view = _view(qtbot, window)
    page = view.mine
    assert view.no_advice.isVisible()
    assert view.no_advice.text() == NO_ADVICE
    assert page.empty.isVisible() and not page.list.isVisible()
    assert not page.reviews.isVisible()

    # A regular medicine, started and since stopped: listed as stopped, with the date.
    _add_medicine(
        qtbot,
        page,
        "Amitriptyline",
        purpose="Sleep and nerve pain",
        dose="10 mg at night",
        started=dt.date(2025, 6, 1),
        stopped=dt.date(2026, 1, 15),
        prescriber="Dr Jones",
    )
    assert page.status.text() == "Amitriptyline added."
    assert page.editing.text() == "Editing your record of Amitriptyline."
    assert _list_texts(page) == ["Amitriptyline: 10 mg at night\nStopped on 15 January 2026."]

    # One taken as needed: listed first, as current ones come before stopped ones.
    _add_medicine(qtbot, page, "Paracetamol", purpose="Pain", as_needed=True, dose="2 tablets, up to 4 times a day")
    assert _list_texts(page) == [
        "Paracetamol: 2 tablets, up to 4 times a day\nTaken as needed.",
        "Amitriptyline: 10 mg at night\nStopped on 15 January 2026.",
    ]
    assert page.list.currentItem().text().startswith("Paracetamol")

    # The name box offers the person's own medicines, and nothing else.
    completer = page.name.completer()
    assert completer is not None
    names = completer.model()
    assert [names.index(row, 0).data() for row in range(names.rowCount())] == ["Amitriptyline", "Paracetamol"]

    # A stop date before the start date is refused, with the domain's words; nothing is added.
    _add_medicine(qtbot, page, "Naproxen", started=dt.date(2026, 2, 1), stopped=dt.date(2026, 1, 1))
    assert page.status.text() == "The stop date is before the start date. Check both dates."
    assert page.list.count() == 2
    qtbot.mouseClick(page.new_button, LEFT)

    # Helpfulness with a side effect, then later a rating alone: the history shows the newest first.
    page.select("Paracetamol")
    assert not page.history.isVisible() and page.history_empty.isVisible()
    page.helpfulness.setValue(6)
    type_into(qtbot, page.side_effects, "A little drowsy")
    qtbot.mouseClick(page.record_button, LEFT)
    assert page.rating_status.text() == "Recorded for Paracetamol."
    assert page.helpfulness.text() == "Not rated" and page.side_effects.text() == ""
    clock.advance(days=1)
    page.helpfulness.setValue(7)
    qtbot.keyClick(page.side_effects, Qt.Key.Key_Return)  # Enter in the side-effects box records too
    assert _history(page) == [
        "3 March 2026 at 09:00: helpfulness 7 out of 10. No side effects written.",
        "2 March 2026 at 09:00: helpfulness 6 out of 10. Side effects: A little drowsy",
    ]
    # Neither a rating nor side effects: the service's message.
    qtbot.mouseClick(page.record_button, LEFT)
    assert page.rating_status.text() == "Choose how helpful it is, or write about side effects, then save."

    # Marked by the person as an opioid and started 13 months ago: a yearly review is due.
    _add_medicine(qtbot, page, "Tramadol", dose="50 mg", started=dt.date(2025, 2, 3), group=ReviewGroup.OPIOID)
    assert page.reviews.isVisible()
    rows = page.review_rows()
    assert [r.text.text() for r in rows] == ["Tramadol: the review was due on 3 February 2026."]
    assert rows[0].button.accessibleName() == "Mark Tramadol as reviewed today"
    assert "Review due." in page.list.item(1).text()
    # Keyboard order follows the page: the banner's button, then the list (the row was made after the list).
    rows[0].button.setFocus()
    qtbot.keyClick(rows[0].button, Qt.Key.Key_Tab)
    assert page.list.hasFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert rows[0].button.hasFocus()
    qtbot.mouseClick(rows[0].button, LEFT)
    assert page.review_rows() == []
    assert not page.reviews.isVisible()
    assert page.status.text() == "Tramadol marked as reviewed today."
    assert "Next review by 3 March 2027." in page.list.item(1).text()

    # As-needed doses on Today: only the current as-needed medicine has a row; two doses, one undone.
    panel = _panel(qtbot, window)
    assert panel.isVisible()
    assert panel.heading.text() == "Medicines taken as needed"
    assert [r.medicine.name for r in panel.rows()] == ["Paracetamol"]
    row = panel.row_for("Paracetamol")
    assert row.count.text() == "No doses taken today."
    assert row.log_button.accessibleName() == "Log a dose of Paracetamol taken now"
    qtbot.mouseClick(row.log_button, LEFT)
    assert panel.message.text() == "Dose of Paracetamol logged at 09:00."
    clock.advance(hours=4)
    qtbot.mouseClick(panel.row_for("Paracetamol").log_button, LEFT)
    assert panel.row_for("Paracetamol").count.text() == "2 doses taken today, the last at 13:00."
    assert panel.undo_button.isVisible()
    qtbot.mouseClick(panel.undo_button, LEFT)
    assert panel.message.text() == "The dose of Paracetamol logged at 13:00 was removed."
    assert not panel.undo_button.isVisible()
    assert panel.row_for("Paracetamol").count.text() == "1 dose taken today, at 09:00."

    # What I've tried: an example offered in the person's language, dates and helpfulness.
    view.tabs.setCurrentIndex(1)
    tried = view.tried
    assert tried.empty.isVisible()
    assert tried.name.findText("TENS machine") >= 0
    tried.name.setCurrentIndex(tried.name.findText("TENS machine"))
    _set_date(tried.started, dt.date(2025, 9, 1))
    _set_date(tried.ended, dt.date(2025, 11, 30))
    tried.helpfulness.setValue(4)
    type_into(qtbot, tried.notes, "Helped a bit on bad days")
    qtbot.mouseClick(tried.save_button, LEFT)
    assert tried.status.text() == "TENS machine added."
    qtbot.mouseClick(tried.new_button, LEFT)
    type_into(qtbot, tried.name, "Acupuncture")
    qtbot.mouseClick(tried.save_button, LEFT)
    assert _list_texts(tried) == [
        "TENS machine\nFrom 1 September 2025 to 30 November 2025. Helpfulness: 4 out of 10.",
        "Acupuncture\nNot rated.",
    ]

    # Everything is still there after a lock.
    _relock(qtbot, window)
    assert window.session is not None
    view = _view(qtbot, window)
    page = view.mine
    assert _list_texts(page) == [
        "Paracetamol: 2 tablets, up to 4 times a day\nTaken as needed.",
        "Tramadol: 50 mg\nTaken regularly. Next review by 3 March 2027.",
        "Amitriptyline: 10 mg at night\nStopped on 15 January 2026.",
    ]
    assert not page.reviews.isVisible()
    page.select("Amitriptyline")
    assert page.started.value() == dt.date(2025, 6, 1)
    assert page.stopped.value() == dt.date(2026, 1, 15)
    assert page.purpose.text() == "Sleep and nerve pain"
    assert page.prescriber.text() == "Dr Jones"
    page.select("Paracetamol")
    assert page.kind.currentData() == MedicineKind.AS_NEEDED.value
    assert len(_history(page)) == 2
    page.select("Tramadol")
    assert page.group.currentData() == ReviewGroup.OPIOID.value
    assert _list_texts(view.tried)[0].startswith("TENS machine\nFrom 1 September 2025")
    view.tried.select("TENS machine")
    assert view.tried.notes.toPlainText() == "Helped a bit on bad days"
    assert view.tried.helpfulness.rating() == 4
    panel = _panel(qtbot, window)
    assert panel.row_for("Paracetamol").count.text() == "1 dose taken today, at 09:00."


def test_changing_and_deleting_a_medicine_asks_first(qtbot: QtBot, make_window: WindowFactory) -> None:
    clock = monday_clock()
    window = _diary(qtbot, make_window, clock)
    view = _view(qtbot, window)
    page = view.mine
    _add_medicine(qtbot, page, "Ibuprofen", dose="200 mg")
    assert page.delete_button.isEnabled()
    page.dose.clear()
    type_into(qtbot, page.dose, "400 mg")
    qtbot.keyClick(page.dose, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S saves too
    assert page.status.text() == "Ibuprofen updated."
    assert _list_texts(page) == ["Ibuprofen: 400 mg\nTaken regularly."]

    # Delete asks first; Cancel keeps it.
    qtbot.mouseClick(page.delete_button, LEFT)
    box = message_box(view)
    assert box is not None and "Delete Ibuprofen" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert page.list.count() == 1
    qtbot.mouseClick(page.delete_button, LEFT)
    box = message_box(view)
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    assert page.list.count() == 0
    assert page.status.text() == "Ibuprofen was deleted."
    assert page.editing.text() == "Adding a new medicine."
    assert not page.delete_button.isEnabled()

    # An empty name is refused with the domain's message.
    qtbot.mouseClick(page.save_button, LEFT)
    assert page.status.text() == "Type the medicine's name as it is on the box or the prescription."

    # What I've tried: an end before the start is refused; delete asks too.
    tried = view.tried
    view.tabs.setCurrentIndex(1)
    type_into(qtbot, tried.name, "Heat")
    _set_date(tried.started, dt.date(2026, 2, 1))
    _set_date(tried.ended, dt.date(2026, 1, 1))
    qtbot.mouseClick(tried.save_button, LEFT)
    assert tried.status.text() == "The end date is before the start date. Check both dates."
    _set_date(tried.ended, None)
    qtbot.mouseClick(tried.save_button, LEFT)
    assert _list_texts(tried) == ["Heat\nStarted on 1 February 2026. Not rated."]
    qtbot.mouseClick(tried.delete_button, LEFT)
    box = message_box(view)
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()
    assert tried.list.count() == 0


def test_the_doses_panel_is_hidden_without_medicines_taken_as_needed(qtbot: QtBot, make_window: WindowFactory) -> None:
    clock = monday_clock()
    window = _diary(qtbot, make_window, clock)
    session = window.session
    assert session is not None
    panel = _panel(qtbot, window)
    assert panel.body.isHidden() and not panel.has_medicines() and panel.sizeHint().height() == 0
    session.medicines.save(Medicine(session.medicines.new_id(), "Codeine", kind=MedicineKind.REGULAR))
    panel.refresh()
    assert panel.body.isHidden()
    session.medicines.save(
        Medicine(session.medicines.new_id(), "Ibuprofen gel", kind=MedicineKind.AS_NEEDED, dose="a thin layer")
    )
    # A stopped as-needed medicine gets no row.
    session.medicines.save(
        Medicine(
            session.medicines.new_id(),
            "Old spray",
            kind=MedicineKind.AS_NEEDED,
            started_on=dt.date(2025, 1, 1),
            stopped_on=dt.date(2025, 6, 1),
        )
    )
    panel.refresh()
    assert panel.body.isVisible()
    assert [r.name.text() for r in panel.rows()] == ["Ibuprofen gel: a thin layer"]
    # Tab goes from the Log button to Undo (once shown), not off to the end of the window.
    qtbot.mouseClick(panel.rows()[0].log_button, LEFT)
    activate(qtbot, panel.window())
    log_button = panel.rows()[0].log_button
    assert log_button.hasFocus()  # kept on the rebuilt row, ready for the next dose
    qtbot.keyClick(log_button, Qt.Key.Key_Tab)
    assert panel.undo_button.hasFocus()
    qtbot.keyClick(panel.undo_button, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert log_button.hasFocus()


def test_a_full_disk_keeps_the_medicine_and_the_dose_in_memory(
    qtbot: QtBot, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = monday_clock()
    window = _diary(qtbot, make_window, clock)
    main = window.main_view
    assert main is not None
    main.show_page("medicines")
    view = main.medicines
    page = view.mine

    def full_disk(_fd: int, _data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "write", full_disk)
    _add_medicine(qtbot, page, "Paracetamol", as_needed=True)
    assert page.status.text() == "Paracetamol added."  # held in memory: the banner says it is not on disk
    assert _list_texts(page) == ["Paracetamol\nTaken as needed."]
    qtbot.waitUntil(main.banner.isVisible, timeout=5000)
    assert main.save_indicator.text.text() == "Not saved to disk yet"
    box = message_box(window)
    assert box is not None and "disk is full" in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()  # not now: the banner stays
    assert main.banner.isVisible()

    main.show_page("today")
    panel = main.today.doses
    qtbot.mouseClick(panel.row_for("Paracetamol").log_button, LEFT)
    assert panel.message.text() == "Dose of Paracetamol logged at 09:00."
    assert panel.row_for("Paracetamol").count.text() == "1 dose taken today, at 09:00."
    main.show_page("medicines")
    view.tabs.setCurrentIndex(1)
    type_into(qtbot, view.tried.name, "Heat")
    qtbot.mouseClick(view.tried.save_button, LEFT)
    assert _list_texts(view.tried) == ["Heat\nNot rated."]
    assert main.banner.isVisible() and message_box(window) is None  # asked once, not at every change

    # Space again: Retry on the banner writes everything held, and it is all there after a lock.
    monkeypatch.undo()
    qtbot.mouseClick(main.banner.retry_button, LEFT)
    qtbot.waitUntil(lambda: not main.banner.isVisible(), timeout=5000)
    assert main.save_indicator.text.text() == "All changes saved"
    _relock(qtbot, window)
    view = _view(qtbot, window)
    assert _list_texts(view.mine) == ["Paracetamol\nTaken as needed."]
    assert _list_texts(view.tried) == ["Heat\nNot rated."]
    assert _panel(qtbot, window).row_for("Paracetamol").count.text() == "1 dose taken today, at 09:00."


def test_a_write_refreshes_the_medicines_shown_and_reads_nothing_for_hidden_ones(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """The UI core's promise for this section: what is on screen follows a change at once; a hidden tab or a
    hidden page reads nothing until it is shown; a language switch reads nothing at all."""
    clock = monday_clock()
    window = _diary(qtbot, make_window, clock)
    main = window.main_view
    session = window.session
    assert main is not None and session is not None
    main.show_page("medicines")
    view = main.medicines
    _add_medicine(qtbot, view.mine, "Paracetamol", as_needed=True)
    assert main.today.doses.rows() == []  # Today is not on screen: it has not read the new medicine yet

    # A dose logged on Today: the hidden Medicines page issues no statement for it, and is read when shown.
    mine_reads, tried_reads = reads_of(view.mine, session), reads_of(view.tried, session)
    main.show_page("today")
    assert [r.medicine.name for r in main.today.doses.rows()] == ["Paracetamol"]  # read as Today was shown
    qtbot.mouseClick(main.today.doses.row_for("Paracetamol").log_button, LEFT)
    assert mine_reads == [] and tried_reads == []
    assert window.open_diary.host.is_stale(view.mine)
    main.show_page("medicines")
    assert mine_reads and tried_reads == []  # the tab on screen reads once; the other waits for its turn
    assert not window.open_diary.host.is_stale(view.mine)

    # A medicine added here shows at once in the list (the host refreshed the tab inside the write).
    mine_reads.clear()
    qtbot.mouseClick(view.mine.new_button, LEFT)
    type_into(qtbot, view.mine.name, "Codeine")
    qtbot.mouseClick(view.mine.save_button, LEFT)
    assert mine_reads
    assert _list_texts(view.mine) == ["Paracetamol\nTaken as needed.", "Codeine\nTaken regularly."]
    assert tried_reads == [] and window.open_diary.host.is_stale(view.tried)

    # A language switch redraws both tabs from what they read: no statement at all.
    view.tabs.setCurrentIndex(1)
    with statements(session) as seen:
        i18n.set_language("cy")
        qtbot.wait(10)
        assert view.mine.list_heading.text() != "My medicines"
        i18n.set_language("en")
        qtbot.wait(10)
    assert seen == []


def test_what_is_typed_in_the_medicines_forms_comes_back_after_a_lock(qtbot: QtBot, make_window: WindowFactory) -> None:
    clock = monday_clock()
    window = _diary(qtbot, make_window, clock)
    main = window.main_view
    assert main is not None
    main.show_page("medicines")
    page = main.medicines.mine
    _add_medicine(qtbot, page, "Pregabalin", dose="75 mg")
    page.select("Pregabalin")
    page.dose.clear()
    type_into(qtbot, page.dose, "150 mg")
    _set_date(page.stopped, dt.date(2026, 2, 20))
    type_into(qtbot, page.side_effects, "Dizzy")
    tried = main.medicines.tried
    main.medicines.tabs.setCurrentIndex(1)
    type_into(qtbot, tried.name, "Hydrotherapy")
    tried.helpfulness.set_rating(6)

    _relock(qtbot, window)
    main = window.main_view
    assert main is not None
    main.show_page("medicines")
    page, tried = main.medicines.mine, main.medicines.tried
    # Nothing was saved behind the person's back...
    assert _list_texts(page) == ["Pregabalin: 75 mg\nTaken regularly."]
    assert tried.list.count() == 0
    # ...and what was typed is back, with a line saying so.
    assert page.current is not None and page.current.name == "Pregabalin"
    assert page.dose.text() == "150 mg"
    assert page.stopped.value() == dt.date(2026, 2, 20)
    assert page.side_effects.text() == "Dizzy"
    assert page.status.text() == "What you had typed was kept when the diary locked. Check it, then Save."
    assert tried.name.currentText() == "Hydrotherapy" and tried.helpfulness.rating() == 6
    qtbot.mouseClick(page.save_button, LEFT)
    assert _list_texts(page) == ["Pregabalin: 150 mg\nStopped on 20 February 2026."]

    # A form left as it was keeps no draft.
    assert page.draft() is None


@pytest.mark.parametrize("language", ["cy", "en"])
def test_every_medicines_control_is_named(qtbot: QtBot, make_window: WindowFactory, language: str) -> None:
    clock = monday_clock()
    window = _diary(qtbot, make_window, clock, language)
    session = window.session
    assert session is not None
    medicine = Medicine(
        session.medicines.new_id(),
        "Pregabalin",
        kind=MedicineKind.REGULAR,
        started_on=dt.date(2024, 1, 1),
        review_group=ReviewGroup.GABAPENTINOID,
    )
    session.medicines.save(medicine)
    session.medicines.save(Medicine(session.medicines.new_id(), "Paracetamol", kind=MedicineKind.AS_NEEDED))
    session.medicines.rate(medicine.id, 5, "Dizzy")
    view = _view(qtbot, window)
    assert view.no_advice.isVisible()
    view.mine.select("Pregabalin")
    assert view.mine.review_rows()
    assert _named_and_reachable(view) == []
    view.tabs.setCurrentIndex(1)
    assert view.no_advice.isVisible()
    assert _named_and_reachable(view) == []
    panel = _panel(qtbot, window)
    qtbot.mouseClick(panel.rows()[0].log_button, LEFT)
    assert _named_and_reachable(panel) == []


def test_a_language_switch_redraws_both_screens(qtbot: QtBot, make_window: WindowFactory, tmp_path: Path) -> None:
    """Drawn offscreen in English and Welsh (the PNGs are kept under the test's folder for a look); nothing is
    wider than the screen it is on, and dates follow the language."""
    clock = monday_clock()
    window = _diary(qtbot, make_window, clock)
    session = window.session
    assert session is not None
    session.medicines.save(
        Medicine(
            session.medicines.new_id(),
            "Amitriptyline",
            dose="10 mg at night",
            started_on=dt.date(2025, 6, 1),
            stopped_on=dt.date(2026, 1, 15),
        )
    )
    session.medicines.save(
        Medicine(
            session.medicines.new_id(),
            "Morphine sulfate",
            kind=MedicineKind.AS_NEEDED,
            dose="5 ml when needed",
            started_on=dt.date(2025, 1, 10),
            review_group=ReviewGroup.OPIOID,
        )
    )
    view = _view(qtbot, window)
    view.resize(640, 900)
    panel = _panel(qtbot, window)
    panel.window().resize(420, 200)
    for language in ("en", "cy"):
        i18n.set_language(language)
        qtbot.wait(10)
        view.mine.select("Morphine sulfate")
        for index in (0, 1):
            view.tabs.setCurrentIndex(index)
            content = view.mine if index == 0 else view.tried
            scroll = view.mine_scroll if index == 0 else view.tried_scroll
            # The page fits the width it is given: no sideways scrolling, nothing cut off on the right.
            assert content.width() <= scroll.viewport().width()
            assert content.minimumSizeHint().width() <= scroll.viewport().width()
            view.grab().save(str(tmp_path / f"medicines_{language}_{index}.png"))
        panel.grab().save(str(tmp_path / f"doses_{language}.png"))
    stopped = view.mine.list.item(view.mine.list.count() - 1).text()
    assert "Ionawr" in stopped  # 15 Ionawr 2026
    assert view.mine.review_rows()[0].text.text().endswith("10 Ionawr 2026.")
    assert "Mawrth" not in stopped


def test_the_notes_box_keeps_four_lines_above_its_buttons_at_any_text_size(
    qtbot: QtBot, make_window: WindowFactory, qapp: QApplication
) -> None:
    """The text size changed while Medicines is open (Settings): the notes box grows with the text and the
    buttons move down below it; nothing in the editor overlaps."""
    from companion.ui.style import apply_text_size

    window = _diary(qtbot, make_window, monday_clock())
    main = window.main_view
    assert main is not None
    main.show_page("medicines")
    page = main.medicines.mine
    _add_medicine(qtbot, page, "Amitriptyline")
    page.notes.setPlainText("one\ntwo\nthree\nfour")
    try:
        for size in (24, 12):
            apply_text_size(qapp, size)
            settle()
            lines = page.notes.fontMetrics().lineSpacing()
            assert page.notes.viewport().height() >= 4 * lines, size
            assert page.notes.verticalScrollBar().maximum() == 0, size  # four lines: no scrolling inside it
            notes_bottom = page.notes.mapTo(page, page.notes.rect().bottomLeft()).y()
            buttons_top = page.save_button.mapTo(page, page.save_button.rect().topLeft()).y()
            assert notes_bottom < buttons_top, size
    finally:
        apply_text_size(qapp, 12)
