"""Goals in the running app, on an injected clock: what matters to me (versions dated and kept), a goal with
steps and ratings, an action plan written at confidence 5 (the suggestion shows, edited to 8 it goes),
days ticked off, the weekly check-back; all of it through a lock and unlock."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from companion.domain.goals import CheckBackOutcome
from companion.ui.goals.action_plan_dialog import ActionPlanDialog
from companion.ui.main_view import MainView
from tests.gui.conftest import WindowFactory
from tests.gui.test_accessibility import unnamed_controls
from tests.helpers.clock import FakeClock, local
from tests.helpers.gui import PASSPHRASE, first_run, message_box, type_into, unlock
from tests.helpers.sql_statements import selects, statements, touching


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
    assert editor.rating_scale.text() == "0 = as far off as it could be, 10 = reached"
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
    assert dialog.confidence_scale.text() == "0 = not at all sure, 10 = completely sure"  # which way it runs
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

    goals, diary = window.session.goals, window.open_diary
    assert diary is not None
    diary.run(lambda: goals.save_plan(ActionPlan("p", dt.date(2026, 2, 23), "Cerdded", confidence=6)))
    diary.run(lambda: goals.save_plan(ActionPlan("q", dt.date(2026, 3, 2), "Darllen", confidence=8)))
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


def test_each_goals_tab_reads_only_when_shown_and_translating_reads_nothing(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(clock=wednesday_clock())
    first_run(qtbot, window, "en")
    view = _main(window)
    view.show_page("goals")
    goals, host = view.goals, window.open_diary.host
    assert window.session is not None
    # A write on the first tab refreshes it (its earlier versions show) and reads nothing for the hidden tabs.
    type_into(qtbot, goals.what_matters.what, "Gardening")
    qtbot.mouseClick(goals.what_matters.save, Qt.MouseButton.LeftButton)
    goals.what_matters.what.selectAll()
    type_into(qtbot, goals.what_matters.what, "Gardening with my son")
    with statements(window.session) as seen:
        qtbot.mouseClick(goals.what_matters.save, Qt.MouseButton.LeftButton)
    assert goals.what_matters.history.count() == 1
    assert touching(seen, "goals", "goal_steps", "goal_ratings", "action_plans", "action_plan_ticks") == []
    assert host.is_stale(goals.goals) and host.is_stale(goals.plans)
    # Shown, a tab catches up.
    with statements(window.session) as seen:
        goals.tabs.setCurrentIndex(2)
    assert touching(selects(seen), "action_plans") and not host.is_stale(goals.plans)
    # Translating reads nothing: each part draws from what it last read.
    with statements(window.session) as seen:
        window.switch_language("cy")
    assert selects(seen) == []
    assert goals.what_matters.history.item(0).text().endswith(": Gardening")
    window.switch_language("en")


def test_what_is_being_written_in_goals_comes_back_unsaved_after_a_lock(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(clock=wednesday_clock())
    first_run(qtbot, window, "en")
    view = _main(window)
    view.show_page("goals")
    goals = view.goals
    type_into(qtbot, goals.what_matters.what, "Dancing at my niece's wedding")
    goals.tabs.setCurrentIndex(1)
    type_into(qtbot, goals.goals.title, "Dance one slow song")
    type_into(qtbot, goals.goals.new_step, "Stand for a whole song")
    qtbot.keyClick(goals.goals.new_step, Qt.Key.Key_Return)
    goals.tabs.setCurrentIndex(2)
    qtbot.mouseClick(goals.plans.new_button, Qt.MouseButton.LeftButton)
    dialog = goals.plans.dialog
    assert dialog is not None
    type_into(qtbot, dialog.what, "Practise standing after tea")
    dialog.confidence.setValue(6)
    window.idle.idle.emit()  # auto-lock while all three are half written
    assert window.session is None
    unlock(qtbot, window, PASSPHRASE)
    assert window.session is not None
    service = window.session.goals
    assert service.what_matters() is None and service.goals() == [] and service.plans() == []  # nothing saved
    # The plan's dialog opens again by itself, as it was.
    (revived,) = [d for d in window.findChildren(ActionPlanDialog) if d.isVisible()]
    assert revived.what.text() == "Practise standing after tea" and revived.confidence.value() == 6
    assert "kept when the diary locked" in revived.status.text()
    revived.reject()
    # The page's tabs have theirs back when the page is opened.
    view = _main(window)
    view.show_page("goals")
    goals = view.goals
    assert goals.what_matters.what.toPlainText() == "Dancing at my niece's wedding"
    assert "kept when the diary locked" in goals.what_matters.status.text()
    assert goals.goals.title.text() == "Dance one slow song"
    assert [goals.goals.steps.item(i).text() for i in range(goals.goals.steps.count())] == ["Stand for a whole song"]
    assert "kept when the diary locked" in goals.goals.status.text()
    qtbot.mouseClick(goals.what_matters.save, Qt.MouseButton.LeftButton)  # saved only when the person saves
    assert service.what_matters() is not None
    qtbot.mouseClick(goals.goals.save_button, Qt.MouseButton.LeftButton)
    assert [g.title for g in service.goals()] == ["Dance one slow song"]
    # Saved: nothing comes back after the next lock.
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    view = _main(window)
    view.show_page("goals")
    assert view.goals.goals.status.text() == "" and view.goals.what_matters.status.text() == ""


def test_a_check_back_being_written_survives_saving_another_and_a_lock(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    from companion.domain.goals import ActionPlan

    window = make_window(clock=wednesday_clock())  # Wednesday 4 March: last week's plans are due a check-back
    first_run(qtbot, window, "en")
    assert window.session is not None and window.open_diary is not None
    goals, diary = window.session.goals, window.open_diary
    diary.run(lambda: goals.save_plan(ActionPlan("a", dt.date(2026, 2, 23), "Swim twice", confidence=7)))
    diary.run(lambda: goals.save_plan(ActionPlan("b", dt.date(2026, 2, 23), "Read in bed", confidence=8)))
    view = _main(window)
    view.show_page("goals")
    view.goals.tabs.setCurrentIndex(2)
    plans = view.goals.plans
    boxes = {box.plan.id: box for box in plans.check_back_boxes()}
    type_into(qtbot, boxes["a"].in_the_way, "The pool was shut")  # half written
    boxes["b"].outcomes[CheckBackOutcome.DONE].setChecked(True)
    qtbot.mouseClick(boxes["b"].save, Qt.MouseButton.LeftButton)
    assert plans.status.text() == "Check-back saved."
    (left,) = plans.check_back_boxes()  # the saved one has gone; the other kept what was typed
    assert left.plan.id == "a" and left.in_the_way.text() == "The pool was shut"
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    view = _main(window)
    view.show_page("goals")
    (again,) = view.goals.plans.check_back_boxes()
    assert again.in_the_way.text() == "The pool was shut"
    assert "kept when the diary locked" in view.goals.plans.status.text()
    assert window.session is not None and window.session.goals.get_plan("a").check_back is None  # not saved
