"""'Agreed with ... on ...' on the flare-up plan, a weekly action plan and a medicine, as a person fills it in:
saved with the plan, shown again when it is opened, and a medicine change agreed at an appointment shows in
the medicine's own editor."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from companion.domain.agreement import Agreement
from companion.domain.appointments import Appointment
from companion.domain.medicines import Medicine
from companion.services.appointments import AfterVisit, AgreedChange
from companion.ui.companion_window import CompanionWindow
from companion.ui.story.fields import AgreementFields
from tests.gui.conftest import WindowFactory
from tests.helpers.gui import PASSPHRASE, first_run, type_into, unlock
from tests.helpers.story_gui import main_of, story_clock


@pytest.fixture
def window(qtbot: QtBot, make_window: WindowFactory) -> CompanionWindow:
    w = make_window(clock=story_clock())
    first_run(qtbot, w, "en")
    return w


def agree(qtbot: QtBot, fields: AgreementFields, who: str, day: QDate) -> None:
    fields.who.clear()
    type_into(qtbot, fields.who, who)
    fields.on.check.setChecked(True)
    fields.on.date.setDate(day)


def test_the_flare_up_plan_says_who_it_was_agreed_with(qtbot: QtBot, window: CompanionWindow) -> None:
    view = main_of(window)
    view.show_page("plan")
    editor = view.plan
    assert editor.agreement.who.text() == "" and not editor.agreement.on.check.isChecked()
    agree(qtbot, editor.agreement, "Siân, the physiotherapist", QDate(2026, 3, 2))
    assert editor.status.text() == "Changes not saved yet"
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert window.session.flares.plan().agreement == Agreement("Siân, the physiotherapist", dt.date(2026, 3, 2))
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    view = main_of(window)
    view.show_page("plan")
    assert view.plan.agreement.who.text() == "Siân, the physiotherapist"
    assert view.plan.agreement.on.value() == dt.date(2026, 3, 2)
    assert view.plan.status.text() == "All changes saved."
    # Changed but not saved when the diary locks: it comes back, still unsaved.
    agree(qtbot, view.plan.agreement, "Dr Rees", QDate(2026, 3, 3))
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    view = main_of(window)
    view.show_page("plan")
    assert view.plan.agreement.who.text() == "Dr Rees" and view.plan.agreement.on.value() == dt.date(2026, 3, 3)
    assert view.plan.status.text() == "Changes not saved yet"
    assert window.session.flares.plan().agreement.with_whom == "Siân, the physiotherapist"


def test_an_action_plan_says_who_it_was_agreed_with(qtbot: QtBot, window: CompanionWindow) -> None:
    view = main_of(window)
    view.show_page("goals")
    view.goals.tabs.setCurrentIndex(2)  # this week's action plans
    dialog = view.goals.plans.open_dialog(None)
    type_into(qtbot, dialog.what, "Walk to the post box")
    agree(qtbot, dialog.agreement, "Dr Evans", QDate(2026, 3, 3))
    dialog.save()
    (plan,) = window.session.goals.plans(dt.date(2026, 3, 2), dt.date(2026, 3, 8))
    assert plan.agreement == Agreement("Dr Evans", dt.date(2026, 3, 3))
    reopened = view.goals.plans.open_dialog(plan.id)
    assert reopened.agreement.who.text() == "Dr Evans" and reopened.agreement.on.value() == dt.date(2026, 3, 3)
    reopened.reject()


def test_a_medicine_says_who_a_change_was_agreed_with(qtbot: QtBot, window: CompanionWindow) -> None:
    session = window.session
    session.medicines.save(Medicine("codeine", "Codeine", dose="30 mg"))
    appointment, _changes = session.appointments.save(
        Appointment("gp", dt.datetime(2026, 3, 1, 11, 0).astimezone(), "Dr Evans")
    )
    window.open_diary.run(
        lambda: session.appointments.record_after(
            appointment.id, AfterVisit(medicine_changes=(AgreedChange("codeine", dose="15 mg at night"),))
        )
    )
    view = main_of(window)
    view.show_page("medicines")
    page = view.medicines.mine
    page.select("Codeine")
    assert page.dose.text() == "15 mg at night"
    assert page.agreement.who.text() == "Dr Evans" and page.agreement.on.value() == dt.date(2026, 3, 1)
    # Changed by hand in the editor: who agreed it and when are saved with it.
    agree(qtbot, page.agreement, "Ffion, the pharmacist", QDate(2026, 3, 4))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert session.medicines.get("codeine").agreement == Agreement("Ffion, the pharmacist", dt.date(2026, 3, 4))
