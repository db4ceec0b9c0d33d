"""Goals in the running app, on an injected clock: what matters to me (versions dated and kept), a goal with
steps and ratings, an action plan written at confidence 5 (the suggestion shows, edited to 8 it goes),
days ticked off, the weekly check-back; all of it through a lock and unlock."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from companion.domain.goals import CheckBackOutcome
from companion.ui.main_view import MainView
from tests.gui.conftest import WindowFactory
from tests.gui.test_accessibility import unnamed_controls
from tests.helpers.clock import FakeClock, local
from tests.helpers.gui import PASSPHRASE, first_run, message_box, type_into, unlock


def wednesday_clock() -> FakeClock:
    return FakeClock(local(2026, 3, 4, 10))  # a Wednesday


def _main(window: object) -> MainView:
    view = getattr(window, "main_view", None)
    assert isinstance(view, MainView)
    return view


def test_what_matters_goal_action_plan_and_check_back(qtbot: QtBot, make_window: WindowFactory) -> None:
    clock = wednesday_clock()
    window = make_window(clock=clock)
    first_run(qtbot, window, "en")
    view = _main(window)
    view.show_page("goals")
    goals = view.goals

    # What matters to me, in the person's own words (Welsh letters and emoji kept as typed).
    section = goals.what_matters
    type_into(qtbot, section.what, "Canu yn y côr gyda'm ffrindiau 🎶")
    type_into(qtbot, section.good, "Sleeping well and pacing the housework")
    qtbot.mouseClick(section.save, Qt.MouseButton.LeftButton)
    assert section.status.text() == "Saved."
    assert section.updated.text() == "Last changed on 4 March 2026."
    clock.advance(days=2)
    section.what.selectAll()
    type_into(qtbot, section.what, "Playing with my grandchildren")
    qtbot.mouseClick(section.save, Qt.MouseButton.LeftButton)
    assert section.history.count() == 1
    assert section.history.item(0).text() == "4 March 2026: Canu yn y côr gyda'm ffrindiau 🎶"

    # A goal with steps; one ticked done; a rating.
    goals.tabs.setCurrentIndex(1)
    editor = goals.goals
    qtbot.mouseClick(editor.new_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, editor.title, "Sing with the choir again")
    editor.why.setPlainText("My friends are there")
    for step in ("Listen to a rehearsal", "Sing one song sitting down", "Sing a whole rehearsal"):
        type_into(qtbot, editor.new_step, step)
        qtbot.keyClick(editor.new_step, Qt.Key.Key_Return)
    editor.steps.item(0).setCheckState(Qt.CheckState.Checked)
    assert editor.progress.text() == "1 of 3 steps done."
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.status.text() == "Goal saved."
    assert editor.list.item(0).text() == "Sing with the choir again\nWorking on it; steps done: 1 of 3"
    editor.rating.setValue(4)
    qtbot.mouseClick(editor.rate_button, Qt.MouseButton.LeftButton)
    assert "6 March 2026: 4" in editor.ratings.text()

    # An action plan at confidence 5: the suggestion shows; made smaller and 8 out of 10, it goes.
    goals.tabs.setCurrentIndex(2)
    plans = goals.plans
    qtbot.mouseClick(plans.new_button, Qt.MouseButton.LeftButton)
    dialog = plans.dialog
    assert dialog is not None and dialog.isVisible()
    type_into(qtbot, dialog.what, "Walk to the post box")
    type_into(qtbot, dialog.how_much, "15 minutes")
    dialog.goal.setCurrentIndex(1)
    dialog.confidence.setValue(5)
    assert dialog.suggestion.isVisibleTo(dialog)
    assert "smaller or easier" in dialog.suggestion.text()
    dialog.how_much.setText("10 minutes")
    for day in (1, 3, 5, 6):  # Tuesday, Thursday, Saturday, Sunday off: Monday, Wednesday and Friday left
        dialog.days[day].setChecked(False)
    dialog.confidence.setValue(8)
    assert not dialog.suggestion.isVisibleTo(dialog)
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    rows = plans.rows_shown()
    assert len(rows) == 1
    assert rows[0].title.text() == "Walk to the post box · 10 minutes"
    assert "8 out of 10" in rows[0].detail.text()
    assert window.session is not None
    plan = window.session.goals.plans_this_week()[0]
    assert plan.days == frozenset({0, 2, 4}) and plan.goal_id is not None

    # Tick off the days done so far; Friday has not come yet.
    ticks = rows[0].ticks
    friday = dt.date(2026, 3, 6)
    assert ticks[friday].isEnabled()  # the clock says Friday 6 March now
    ticks[dt.date(2026, 3, 2)].setChecked(True)
    ticks[dt.date(2026, 3, 4)].setChecked(True)
    assert "Done on 2 of 3 planned days so far." in plans.rows_shown()[0].detail.text()

    # Next week: check back on last week's plan.
    clock.advance(days=3)  # Monday 9 March
    plans.refresh()
    boxes = plans.check_back_boxes()
    assert len(boxes) == 1 and "Walk to the post box" in boxes[0].question.text()
    qtbot.mouseClick(boxes[0].save, Qt.MouseButton.LeftButton)
    assert boxes[0].message.text() == "Choose done, partly or not done first."
    boxes[0].outcomes[CheckBackOutcome.PARTLY].setChecked(True)
    type_into(qtbot, boxes[0].in_the_way, "Rain on Friday ☔")
    type_into(qtbot, boxes[0].next_step, "Same plan, with an umbrella")
    qtbot.mouseClick(boxes[0].save, Qt.MouseButton.LeftButton)
    assert plans.status.text() == "Check-back saved."
    assert plans.check_back_boxes() == []

    # All of it survives a lock and unlock.
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    assert window.session is not None
    goals_service = window.session.goals
    current = goals_service.what_matters()
    assert current is not None and current.what_matters == "Playing with my grandchildren"
    assert len(goals_service.what_matters_history()) == 2
    (goal,) = goals_service.goals()
    assert goal.title == "Sing with the choir again" and goal.steps_done == 1 and goal.latest_rating == 4
    (plan,) = goals_service.plans()
    assert plan.ticked == frozenset({dt.date(2026, 3, 2), dt.date(2026, 3, 4)})
    assert plan.check_back is not None and plan.check_back.outcome is CheckBackOutcome.PARTLY
    assert plan.check_back.got_in_the_way == "Rain on Friday ☔"
    view = _main(window)
    view.show_page("goals")
    assert view.goals.what_matters.what.toPlainText() == "Playing with my grandchildren"


def test_a_plan_cannot_be_saved_without_saying_what(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(clock=wednesday_clock())
    first_run(qtbot, window, "en")
    plans = _main(window).goals.plans
    qtbot.mouseClick(plans.new_button, Qt.MouseButton.LeftButton)
    dialog = plans.dialog
    assert dialog is not None
    qtbot.mouseClick(dialog.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.status.text() == "Say what you will do, such as Walk to the end of the road."
    dialog.reject()
    assert window.session is not None and window.session.goals.plans() == []


def test_deleting_a_goal_asks_first(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window(clock=wednesday_clock())
    first_run(qtbot, window, "en")
    editor = _main(window).goals.goals
    type_into(qtbot, editor.title, "Garden for an hour")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    box = message_box(window)
    assert box is not None and "Garden for an hour" in box.text()
    box.button(box.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: editor.list.count() == 0)
    assert editor.status.text() == "The goal was deleted."


def test_every_goals_control_is_named(qtbot: QtBot, make_window: WindowFactory) -> None:
    clock = wednesday_clock()
    window = make_window(clock=clock)
    first_run(qtbot, window, "cy")
    view = _main(window)
    view.show_page("goals")
    assert window.session is not None
    from companion.domain.goals import ActionPlan

    window.session.goals.save_plan(ActionPlan("p", dt.date(2026, 2, 23), "Cerdded", confidence=6))
    window.session.goals.save_plan(ActionPlan("q", dt.date(2026, 3, 2), "Darllen", confidence=8))
    view.goals.refresh()
    for index in range(3):
        view.goals.tabs.setCurrentIndex(index)
        assert unnamed_controls(view.goals) == []
    dialog = view.goals.plans.open_dialog("q")
    assert unnamed_controls(dialog) == []
    dialog.reject()


def test_as_needed_doses_are_logged_from_today_in_the_window_and_kept(qtbot: QtBot, make_window: WindowFactory) -> None:
    from companion.domain.medicines import Medicine, MedicineKind

    clock = wednesday_clock()
    window = make_window(clock=clock)
    first_run(qtbot, window, "en")
    assert window.session is not None
    medicines = window.session.medicines
    medicines.save(Medicine(medicines.new_id(), "Paracetamol", "Pain", MedicineKind.AS_NEEDED, "2 x 500 mg"))
    medicines.save(
        Medicine(
            medicines.new_id(),
            "Amitriptyline",
            "Sleep",
            MedicineKind.REGULAR,
            "10 mg",
            started_on=dt.date(2025, 1, 1),
            stopped_on=dt.date(2026, 2, 1),
        )
    )
    view = _main(window)
    view.show_page("today")
    doses = view.today.doses
    doses.refresh()
    qtbot.waitUntil(doses.isVisible)
    assert [r.medicine.name for r in doses.rows()] == ["Paracetamol"]  # as needed and current only
    row = doses.row_for("Paracetamol")
    qtbot.mouseClick(row.log_button, Qt.MouseButton.LeftButton)
    clock.advance(hours=5)
    qtbot.mouseClick(doses.row_for("Paracetamol").log_button, Qt.MouseButton.LeftButton)
    assert len(medicines.doses_on(clock.now().date())) == 2
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    assert window.session is not None and len(window.session.medicines.doses_on(clock.now().date())) == 2
