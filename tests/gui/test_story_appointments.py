"""Appointments as a person uses them, on a clock the test moves: an appointment written down, what happened
recorded after it (a referral ordered enters My story, an agreed dose enters Medicines marked "agreed with
... on ..."), a follow-up reason of the person's own met by a check-in on Today and the calm notice that
repeats their words; getting ready for the next appointment with the summary for exactly that period."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QTime
from pytestqt.qtbot import QtBot

from companion.domain.agreement import Agreement
from companion.domain.appointments import FollowUpRule
from companion.domain.medicines import Medicine
from companion.ui.companion_window import CompanionWindow
from companion.ui.story.after_dialog import AfterVisitDialog
from companion.ui.story.after_rows import MedicineChangeRow, ReasonRow
from companion.ui.story.appointment_dialog import AppointmentDialog
from tests.gui.conftest import WindowFactory
from tests.helpers.clock import FakeClock
from tests.helpers.gui import PASSPHRASE, activate, first_run, message_box, record_pain, type_into, unlock
from tests.helpers.story_gui import main_of, open_dialog, story_clock


@pytest.fixture
def clock() -> FakeClock:
    return story_clock()


@pytest.fixture
def window(qtbot: QtBot, make_window: WindowFactory, clock: FakeClock) -> CompanionWindow:
    w = make_window(clock=clock)
    first_run(qtbot, w, "en")
    session = w.session
    session.medicines.save(Medicine("codeine", "Codeine", dose="30 mg up to 4 times a day"))
    return w


def write_appointment(qtbot: QtBot, window: CompanionWindow, day: QDate, hour: int, who: str, why: str) -> None:
    panel = main_of(window).story.appointments
    panel.new_button.click()
    dialog = open_dialog(window, AppointmentDialog)
    assert dialog is not None
    activate(qtbot, dialog)
    dialog.day.setDate(day)
    dialog.time.setTime(QTime(hour, 0))
    type_into(qtbot, dialog.who, who)
    type_into(qtbot, dialog.role, "GP")
    type_into(qtbot, dialog.place, "The surgery")
    type_into(qtbot, dialog.why, why)
    type_into(qtbot, dialog.contact, "Ring 01248 000111")
    type_into(qtbot, dialog.top[0], "Sleep is worse")
    type_into(qtbot, dialog.questions, "What are my options?")
    dialog.save_button.click()
    assert not dialog.isVisible(), dialog.error.text()


def test_attend_an_appointment_then_a_reason_of_my_own_is_met(
    qtbot: QtBot, window: CompanionWindow, clock: FakeClock
) -> None:
    view = main_of(window)
    view.show_page("story")
    story = view.story
    story.tabs.setCurrentIndex(1)
    panel = story.appointments
    write_appointment(qtbot, window, QDate(2026, 3, 1), 11, "Dr Evans", "My back")
    assert panel.past_list.count() == 1 and panel.upcoming_list.count() == 0
    assert panel.past_list.item(0).text() == (
        "1 March 2026, 11:00 · Dr Evans (GP) · The surgery\nWhy: My back\nWhat happened is not written down yet."
    )

    # After the appointment: what I was told and what we decided, a referral, a dose agreed, my reason.
    panel.past_list.setCurrentRow(0)
    panel.after_button.click()
    dialog = open_dialog(window, AfterVisitDialog)
    assert dialog is not None
    activate(qtbot, dialog)
    type_into(qtbot, dialog.told, "Nothing new; keep pacing.")
    type_into(qtbot, dialog.decided, "A referral to the pain clinic, and less codeine.")
    dialog.ordered.add_button.click()
    ordered = dialog.ordered.rows()[0]
    ordered.inputs["kind"].setCurrentIndex(ordered.inputs["kind"].findData("referral"))
    type_into(qtbot, ordered.inputs["what"], "Pain clinic")
    type_into(qtbot, ordered.inputs["where"], "Ysbyty Gwynedd")
    assert dialog.changes_intro.text() == (
        "Each is saved in Medicines, marked “Agreed with Dr Evans on 1 March 2026”. Write the dose as it was agreed."
    )
    dialog.changes.add_button.click()
    change = dialog.changes.rows()[0]
    assert isinstance(change, MedicineChangeRow)
    change.choice.setCurrentIndex(change.choice.findData("codeine"))
    assert not change.inputs["name"].isVisibleTo(dialog)  # a name only for a new medicine
    type_into(qtbot, change.inputs["dose"], "15 mg at night")
    dialog.reasons.add_button.click()
    reason = dialog.reasons.rows()[0]
    assert isinstance(reason, ReasonRow)
    type_into(qtbot, reason.inputs["words"], "If my pain stays above 5 for a week")
    reason.rule.setCurrentIndex(reason.rule.findData(FollowUpRule.PAIN_ABOVE.value))
    assert reason.level.isVisibleTo(dialog) and not reason.days.isVisibleTo(dialog)
    reason.level.setValue(5)
    reason.weeks.setValue(1)
    dialog.save_button.click()
    assert not dialog.isVisible(), dialog.error.text()

    assert panel.past_list.item(0).text().endswith("What we decided: A referral to the pain clinic, and less codeine.")
    story.tabs.setCurrentIndex(0)
    assert story.timeline.list.item(0).text() == (
        "1 March 2026 · Referral: Pain clinic\nWhere it stands: Waiting · GP · Ysbyty Gwynedd · Told by Dr Evans"
    )
    codeine = window.session.medicines.get("codeine")
    assert codeine.dose == "15 mg at night"
    assert codeine.agreement == Agreement("Dr Evans", dt.date(2026, 3, 1))

    # Two days of high pain, then a week later the third, recorded on Today: the reason is met.
    session = window.session
    clock.set(dt.datetime(2026, 3, 8, 10, 0).astimezone())
    for day in (3, 5):
        session.diary.record_pain(7, at=dt.datetime(2026, 3, day, 9, 0).astimezone())
    view.show_page("today")
    notice = view.today.follow_up
    assert not notice.frame.isVisible()
    record_pain(qtbot, window, 8, "")
    qtbot.waitUntil(notice.frame.isVisible, timeout=2000)  # it reads a moment after Today shows the check-in
    # The run is the one block of 2 to 8 March (each day on or after the appointment's, three scored days,
    # mean 7.33 above 5): "since" is its first day.
    assert notice.text.text() == (
        "You said you would ask for a follow-up if my pain stays above 5 for a week. "
        "This has been so since 2 March 2026."
    )
    assert notice.contact.text() == "The appointment was with Dr Evans on 1 March 2026. To ask: Ring 01248 000111"

    notice.not_now_button.click()
    assert not notice.frame.isVisible()
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    notice = main_of(window).today.follow_up
    assert notice.frame.isVisible()  # "Not now" lasts until the diary is next unlocked
    notice.asked_button.click()
    assert not notice.frame.isVisible()
    assert notice.status.text() == "Noted. You can see your reasons under My story, Appointments."
    assert window.session.appointments.follow_up_notices() == []
    reasons = window.session.appointments.appointments()[0].reasons
    assert [r.dismissed_on for r in reasons] == [dt.date(2026, 3, 8)]


def test_get_ready_with_the_summary_for_exactly_the_period(
    qtbot: QtBot, window: CompanionWindow, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = main_of(window)
    view.show_page("story")
    story = view.story
    story.tabs.setCurrentIndex(1)
    panel = story.appointments
    write_appointment(qtbot, window, QDate(2026, 2, 20), 9, "Dr Evans", "Review")
    panel.past_list.setCurrentRow(0)
    panel.after_button.click()
    dialog = open_dialog(window, AfterVisitDialog)
    dialog.changes.add_button.click()
    change = dialog.changes.rows()[0]
    change.choice.setCurrentIndex(change.choice.findData("codeine"))
    type_into(qtbot, change.inputs["dose"], "15 mg at night")
    dialog.save_button.click()
    write_appointment(qtbot, window, QDate(2026, 3, 10), 14, "Siân Roberts", "Physiotherapy")
    assert panel.upcoming_list.count() == 1
    panel.upcoming_list.setCurrentRow(0)
    prepare = panel.prepare_chosen()
    assert prepare is not None and prepare.isVisible()
    assert prepare.period.text() == (
        "Since your last appointment: from 20 February 2026 to 4 March 2026 "
        "(20 February 2026, 09:00 · Dr Evans (GP) · The surgery)."
    )
    assert prepare.sections["medicines"][1].text() == (
        "• Codeine: 15 mg at night · Agreed with Dr Evans on 20 February 2026"
    )
    assert prepare.sections["top"][1].text() == "1. Sleep is worse"
    assert prepare.sections["questions"][1].text() == "• What are my options?"

    target = tmp_path / "summary.pdf"
    monkeypatch.setattr("companion.ui.dialogs.choose_save_file", lambda *_a: str(target))
    prepare.summary_language.setCurrentIndex(prepare.summary_language.findData("en"))
    prepare.summary_button.click()
    box = message_box(prepare)
    assert box is not None and "not be encrypted" in box.text()
    box.button(box.StandardButton.Ok).click()
    qtbot.waitUntil(target.exists)
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True)
    flat = " ".join(text.stdout.split())
    assert "20 February 2026" in flat and "4 March 2026" in flat  # the period since the last appointment
    assert "Sleep is worse" in flat and "What are my options?" in flat
    prepare.reject()


def test_what_happened_is_kept_over_a_lock_unsaved(qtbot: QtBot, window: CompanionWindow) -> None:
    view = main_of(window)
    view.show_page("story")
    view.story.tabs.setCurrentIndex(1)
    write_appointment(qtbot, window, QDate(2026, 3, 2), 9, "Dr Evans", "Review")
    panel = view.story.appointments
    panel.past_list.setCurrentRow(0)
    panel.after_button.click()
    dialog = open_dialog(window, AfterVisitDialog)
    type_into(qtbot, dialog.told, "Keep pacing")
    dialog.reasons.add_button.click()
    reason = dialog.reasons.rows()[0]
    type_into(qtbot, reason.inputs["words"], "my pain spreads")
    reason.rule.setCurrentIndex(reason.rule.findData(FollowUpRule.FLARE_LONGER.value))
    reason.days.setValue(10)
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    revived = open_dialog(window, AfterVisitDialog)
    assert revived is not None and revived.kept.isVisible()
    assert revived.told.toPlainText() == "Keep pacing"
    (row,) = revived.reasons.rows()
    assert isinstance(row, ReasonRow)
    assert (row.inputs["words"].text(), row.chosen_rule(), row.days.value()) == (
        "my pain spreads",
        FollowUpRule.FLARE_LONGER,
        10,
    )
    assert window.session.appointments.appointments()[0].told == ""  # nothing saved behind the person's back
    revived.save_button.click()
    assert window.session.appointments.appointments()[0].reasons[0].days == 10
