"""Decisions made together and medicine review plans as a person uses them: an options notebook under the
three Making Choices Together questions, the decision with whom and when, kept over a lock while typed; a
review plan agreed with a pharmacist whose current step shows on Today, moving on as the days do."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from companion.domain.agreement import Agreement
from companion.domain.decisions import MAKING_CHOICES_QUESTIONS
from companion.domain.medicines import Medicine
from companion.ui.companion_window import CompanionWindow
from companion.ui.story.decision_dialog import DecisionDialog
from companion.ui.story.review_dialog import ReviewPlanDialog
from tests.gui.conftest import WindowFactory
from tests.helpers.clock import FakeClock
from tests.helpers.gui import PASSPHRASE, activate, first_run, type_into, unlock
from tests.helpers.story_gui import main_of, open_dialog, story_clock


@pytest.fixture
def clock() -> FakeClock:
    return story_clock()


@pytest.fixture
def window(qtbot: QtBot, make_window: WindowFactory, clock: FakeClock) -> CompanionWindow:
    w = make_window(clock=clock)
    first_run(qtbot, w, "en")
    return w


def test_a_decision_under_the_three_questions(qtbot: QtBot, window: CompanionWindow) -> None:
    view = main_of(window)
    view.show_page("story")
    story = view.story
    story.tabs.setCurrentIndex(2)
    panel = story.decisions
    assert panel.empty.isVisible()
    panel.new_button.click()
    dialog = open_dialog(window, DecisionDialog)
    assert dialog is not None
    activate(qtbot, dialog)
    headings = [dialog.options_heading.text(), dialog.weigh_heading.text(), dialog.myself_heading.text()]
    assert headings == list(MAKING_CHOICES_QUESTIONS)  # the questions, word for word, are the headings
    type_into(qtbot, dialog.choice, "An injection in my back")
    first, second = dialog.options.rows()  # two options to start with
    type_into(qtbot, first.inputs["name"], "Have the injection")
    type_into(qtbot, second.inputs["name"], "Wait and see")
    one, two = dialog._blocks
    assert one.benefits_caption.text() == "Have the injection"  # each option's name over its words
    assert one.benefits.accessibleName() == "Benefits of Have the injection"
    type_into(qtbot, one.benefits, "Might ease the leg pain")
    type_into(qtbot, one.harms, "Sore for a few days")
    type_into(qtbot, two.myself, "Keep up my exercises")
    type_into(qtbot, two.fits, "I can still look after my grandchildren")

    # The diary locks while the notebook is open: it comes back, unsaved, after unlocking.
    assert window.lock_now()
    assert window.session is None
    unlock(qtbot, window, PASSPHRASE)
    dialog = open_dialog(window, DecisionDialog)
    assert dialog is not None and dialog.kept.isVisible()
    assert window.session.story.decisions() == []
    one, two = dialog._blocks
    assert (one.harms.toPlainText(), two.fits.toPlainText()) == (
        "Sore for a few days",
        "I can still look after my grandchildren",
    )
    activate(qtbot, dialog)
    type_into(qtbot, dialog.decision, "Wait, and start the pain programme first.")
    type_into(qtbot, dialog.with_whom, "Dr Evans")
    dialog.decided_on.check.setChecked(True)
    dialog.decided_on.date.setDate(QDate(2026, 3, 2))
    dialog.save_button.click()
    assert not dialog.isVisible(), dialog.error.text()

    panel = main_of(window).story.decisions
    assert panel.list.item(0).text() == (
        "An injection in my back\n2 options written down\nWhat we decided: Wait, and start the pain programme "
        "first.\nDecided with Dr Evans on 2 March 2026."
    )
    saved = window.session.story.decisions()[0]
    assert [o.name for o in saved.options] == ["Have the injection", "Wait and see"]
    assert saved.options[1].fits == "I can still look after my grandchildren"


def test_an_option_without_a_name_is_said_and_nothing_is_saved(qtbot: QtBot, window: CompanionWindow) -> None:
    view = main_of(window)
    view.show_page("story")
    view.story.tabs.setCurrentIndex(2)
    view.story.decisions.new_button.click()
    dialog = open_dialog(window, DecisionDialog)
    type_into(qtbot, dialog.choice, "A referral")
    type_into(qtbot, dialog._blocks[0].benefits, "Seen sooner")
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.error.text() == 'Give each option a name, such as "Wait and see".'
    assert window.session.story.decisions() == []
    dialog.reject()


def test_a_review_plan_and_its_step_on_today(qtbot: QtBot, window: CompanionWindow, clock: FakeClock) -> None:
    window.session.medicines.save(Medicine("codeine", "Codeine", dose="30 mg up to 4 times a day"))
    view = main_of(window)
    assert not view.today.review_steps.lines.isVisible()
    view.show_page("story")
    story = view.story
    story.tabs.setCurrentIndex(3)
    story.reviews.new_button.click()
    dialog = open_dialog(window, ReviewPlanDialog)
    assert dialog is not None
    activate(qtbot, dialog)
    type_into(qtbot, dialog.title, "Codeine review")
    dialog.medicine.setCurrentIndex(dialog.medicine.findData("codeine"))
    first = dialog.steps.rows()[0]  # the first step starts today unless changed
    type_into(qtbot, first.inputs["text"], "One tablet fewer at lunch")
    dialog.steps.add_button.click()
    second = dialog.steps.rows()[1]
    second.inputs["starts_on"].setDate(QDate(2026, 3, 18))
    type_into(qtbot, second.inputs["text"], "Review with the pharmacist")
    type_into(qtbot, dialog.agreement.who, "Ffion, the pharmacist")
    dialog.agreement.on.check.setChecked(True)
    dialog.agreement.on.date.setDate(QDate(2026, 3, 3))
    dialog.save_button.click()
    assert not dialog.isVisible(), dialog.error.text()
    assert story.reviews.list.item(0).text() == (
        "Codeine review\nThe step since 4 March 2026: “One tablet fewer at lunch”\n"
        "Next, from 18 March 2026: “Review with the pharmacist”\nAgreed with Ffion, the pharmacist on 3 March 2026"
    )
    plan = window.session.story.review_plans()[0]
    assert plan.agreement == Agreement("Ffion, the pharmacist", dt.date(2026, 3, 3))

    view.show_page("today")
    steps = view.today.review_steps
    assert steps.lines.isVisible()
    assert steps.lines.text() == (
        "Planned review “Codeine review”: the step since 4 March 2026 is “One tablet fewer at lunch”.\n"
        "Next, from 18 March 2026: “Review with the pharmacist”\nAgreed with Ffion, the pharmacist on 3 March 2026"
    )
    view.show_page("story")
    clock.set(dt.datetime(2026, 3, 19, 9, 0).astimezone())
    view.show_page("today")  # a new day: the step moves on
    assert steps.lines.text().startswith(
        "Planned review “Codeine review”: the step since 18 March 2026 is “Review with the pharmacist”."
    )
