"""Pacing in the running app, on an injected clock: three tolerance tests over three days, the baseline
accepted, the plan, actuals logged on Today, the timer through a rest break, boom-and-bust markers, and the
timer's time kept through a lock and through closing to the tray."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QWidget
from pytestqt.qtbot import QtBot

from companion.domain.pacing import LogSource
from companion.ui.companion_window import CompanionWindow
from companion.ui.core.standalone import standalone_diary
from companion.ui.main_view import MainView
from companion.ui.pacing.today_panel import PacingTodayPanel
from tests.gui.conftest import WindowFactory
from tests.helpers.clock import FakeClock, local
from tests.helpers.gui import PASSPHRASE, first_run, message_box, record_pain, unlock
from tests.helpers.sql_statements import selects, statements, touching


def monday_clock() -> FakeClock:
    return FakeClock(local(2026, 3, 2, 9))  # a Monday


def _diary(qtbot: QtBot, make_window: WindowFactory, clock: FakeClock) -> tuple[CompanionWindow, MainView]:
    window = make_window(clock=clock)
    first_run(qtbot, window, "en")
    assert window.main_view is not None
    return window, window.main_view


def _add_walking(qtbot: QtBot, view: MainView, clock: FakeClock, tests: tuple[float, ...] = (12, 10, 14)) -> None:
    view.show_page("pacing")
    pacing = view.pacing
    qtbot.keyClicks(pacing.new_name, "Walking")
    qtbot.keyClick(pacing.new_name, Qt.Key.Key_Return)
    assert pacing.list.currentItem().text() == "Walking"
    detail = pacing.detail
    assert detail.title.text() == "Walking"
    for number, amount in enumerate(tests):
        if number:
            clock.advance(days=1)
        detail.test_amount.setValue(amount)
        qtbot.mouseClick(detail.record_test, Qt.MouseButton.LeftButton)
    assert detail.tests.count() == len(tests)


def _today_row_text(panel: PacingTodayPanel, name: str) -> str:
    return panel.row_for(name).status.text()


def test_tolerance_tests_baseline_plan_log_and_timer(qtbot: QtBot, make_window: WindowFactory) -> None:
    clock = monday_clock()
    window, view = _diary(qtbot, make_window, clock)
    _add_walking(qtbot, view, clock)
    detail = view.pacing.detail
    assert "Three tests recorded" in detail.tests_count.text()
    # The arithmetic is shown: (12 + 10 + 14) / 3 = 12, 80 % of it is 9.6, rounded to 9.5 minutes.
    assert "(12 + 10 + 14) ÷ 3 = 12" in detail.baseline.arithmetic.text()
    assert "9.6" in detail.baseline.arithmetic.text() and "9.5 minutes" in detail.baseline.arithmetic.text()
    # The person may choose a different share, and sees the new arithmetic before accepting.
    detail.baseline.factor.setValue(75)
    assert "9 minutes" in detail.baseline.arithmetic.text()
    detail.baseline.factor.setValue(80)
    qtbot.mouseClick(detail.baseline.accept_baseline, Qt.MouseButton.LeftButton)
    assert detail.baseline.current_baseline.text() == "Your baseline: 9.5 minutes."
    assert detail.plan_today.text() == "Today's plan: 9.5 minutes."
    weeks = [detail.schedule.item(row, 1).text() for row in range(detail.schedule.rowCount())]
    assert weeks[:4] == ["9.5 minutes", "10 minutes", "11 minutes", "12 minutes"]

    # A rest break every 3 minutes on the timer.
    detail.settings.rest_every.setValue(3)
    qtbot.mouseClick(detail.settings.save_button, Qt.MouseButton.LeftButton)
    assert detail.status.text() == "Changes saved."

    # Today: planned against actual, logged in one step (type the amount, press Enter).
    view.show_page("today")
    panel = view.today.pacing
    assert _today_row_text(panel, "Walking") == "Planned: 9.5 minutes. Done so far: 0 minutes."
    row = panel.row_for("Walking")
    row.amount.setFocus()
    row.amount.lineEdit().selectAll()
    qtbot.keyClicks(row.amount, "4")
    qtbot.keyClick(row.amount, Qt.Key.Key_Return)
    assert panel.message.text() == "Logged 4 minutes of Walking."
    assert _today_row_text(panel, "Walking") == "Planned: 9.5 minutes. Done so far: 4 minutes."

    # The timer counts down the rest of today's plan, prompts a rest break, pauses for it, and logs on stop.
    qtbot.mouseClick(panel.row_for("Walking").timer_button, Qt.MouseButton.LeftButton)
    assert panel.timer_box.isVisible()
    assert panel.timer_clock.text() == "5:30 left of 5:30"
    with qtbot.waitSignal(panel.timer_control.prompted) as prompt:
        clock.advance(minutes=3, seconds=10)
        panel.tick()
    assert "rest break" in prompt.args[0]
    assert "rest break" in panel.timer_prompt.text()
    assert panel.timer_clock.text() == "2:20 left of 5:30"
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)  # Rest now
    assert panel.pause_button.text() == "Carry on"
    clock.advance(minutes=2)  # resting: not counted
    panel.tick()
    assert panel.timer_clock.text() == "2:20 left of 5:30"
    qtbot.mouseClick(panel.pause_button, Qt.MouseButton.LeftButton)  # Carry on
    clock.advance(minutes=1)
    panel.tick()
    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    assert not panel.timer_box.isVisible()
    assert panel.message.text() == "Logged 4 minutes of Walking."  # 4.2 minutes, said in whole minutes
    assert _today_row_text(panel, "Walking") == "Planned: 9.5 minutes. Done so far: 8 minutes."
    logs = window.session.pacing.logs() if window.session else []
    assert [(log.amount, log.source) for log in logs] == [(4.0, LogSource.MANUAL), (4.2, LogSource.TIMER)]

    # Going past the plan on a good day: a gentle reminder, and Undo.
    row = panel.row_for("Walking")
    row.amount.setValue(3)
    qtbot.mouseClick(row.log_button, Qt.MouseButton.LeftButton)
    assert "more than today's plan of 9.5 minutes" in panel.message.text()
    assert "keep to the plan" in panel.message.text()
    assert _today_row_text(panel, "Walking") == "Planned: 9.5 minutes. Done: 11 minutes, more than planned."
    qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    assert _today_row_text(panel, "Walking") == "Planned: 9.5 minutes. Done so far: 8 minutes."

    # Everything survives a lock and unlock.
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    assert window.main_view is not None
    panel = window.main_view.today.pacing
    assert _today_row_text(panel, "Walking") == "Planned: 9.5 minutes. Done so far: 8 minutes."


def test_boom_and_bust_markers_and_adjustable_thresholds(qtbot: QtBot, make_window: WindowFactory) -> None:
    clock = monday_clock()
    window, view = _diary(qtbot, make_window, clock)
    _add_walking(qtbot, view, clock, tests=(10, 10, 10))
    qtbot.mouseClick(view.pacing.detail.baseline.accept_baseline, Qt.MouseButton.LeftButton)  # 8 minutes
    view.show_page("today")
    panel = view.today.pacing
    # Three weeks of steady walking with pain 4, then a busy day and a hard day after it.
    for day in range(22):
        clock.advance(days=1)
        clock.set(clock.now().replace(hour=10))
        panel.refresh()
        busy, hard = day == 19, day == 20
        row = panel.row_for("Walking")
        row.amount.setValue(24 if busy else 3 if hard else 8)
        qtbot.mouseClick(row.log_button, Qt.MouseButton.LeftButton)
        record_pain(qtbot, window, 8 if hard else 4, "")
    view.show_page("pacing")
    view.pacing.tabs.setCurrentIndex(1)
    bb = view.pacing.boom_bust
    qtbot.waitUntil(lambda: bb.report is not None)
    table = [[bb.table.item(r, c).text() for c in range(3)] for r in range(bb.table.rowCount())]
    assert [r[1] for r in table] == ["Hard day after a busy day (bust)", "Busy day (boom)"]
    assert "300 % of your usual" in table[1][2]
    assert "pain 8.0 out of 10" in table[0][2]
    assert "busy days 1, hard days after a busy day 1" in bb.summary.text()
    assert "worth discussing" in bb.summary.text()
    qtbot.waitUntil(lambda: bb.canvas is not None and bb.canvas.isVisible())
    # The levels are the person's to change: at 400 % of usual and 200 % over the plan nothing is marked.
    bb.boom.setValue(400)
    bb.over_plan.setValue(200)
    qtbot.mouseClick(bb.save_button, Qt.MouseButton.LeftButton)
    assert bb.table.rowCount() == 0
    assert window.session is not None and window.session.pacing.thresholds().boom_ratio == 4.0


def test_a_pacing_timer_keeps_running_across_an_auto_lock(qtbot: QtBot, make_window: WindowFactory) -> None:
    """Out walking with the timer: auto-lock (no input for five minutes) locks the diary, not the timer."""
    clock = monday_clock()
    window, view = _diary(qtbot, make_window, clock)
    _add_walking(qtbot, view, clock)
    view.pacing.detail.settings.rest_every.setValue(4)
    qtbot.mouseClick(view.pacing.detail.settings.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.pacing.detail.baseline.accept_baseline, Qt.MouseButton.LeftButton)
    view.show_page("today")
    panel = view.today.pacing
    qtbot.mouseClick(panel.row_for("Walking").timer_button, Qt.MouseButton.LeftButton)
    clock.advance(minutes=2, seconds=30)
    window.idle.idle.emit()  # what the idle watcher does after the auto-lock time without input
    assert window.session is None and window.stack.currentWidget() is window.unlock_view
    strip = window.unlock_view.findChild(QWidget, "lockTimerStrip")
    assert strip is not None and strip.isVisible()
    text = strip.findChild(QWidget, "lockTimerText")
    assert text.text() == "Your pacing timer: 7:00 left of 9:30."  # time only: nothing from the diary
    assert "Walking" not in text.text()
    with qtbot.waitSignal(window.pacing_timer.prompted) as prompt:  # rest breaks still come while locked
        clock.advance(minutes=2)
        window.pacing_timer.tick()
    assert "rest break" in prompt.args[0]
    assert text.text() == "Your pacing timer: 5:00 left of 9:30."
    unlock(qtbot, window, PASSPHRASE)
    assert window.main_view is not None and window.session is not None
    panel = window.main_view.today.pacing
    assert panel.timer_running and panel.timer_box.isVisible()
    assert panel.timer_clock.text() == "5:00 left of 9:30"
    assert window.session.pacing.logs() == []  # nothing logged yet: the timer is still going
    clock.advance(minutes=1)
    qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    assert [log.amount for log in window.session.pacing.logs()] == [5.5]
    assert _today_row_text(panel, "Walking") == "Planned: 9.5 minutes. Done so far: 5.5 minutes."
    assert window.session.pacing.timer_checkpoint() is None


def test_a_timer_stopped_on_the_lock_screen_is_logged_at_unlock(qtbot: QtBot, make_window: WindowFactory) -> None:
    clock = monday_clock()
    window, view = _diary(qtbot, make_window, clock)
    _add_walking(qtbot, view, clock)
    qtbot.mouseClick(view.pacing.detail.baseline.accept_baseline, Qt.MouseButton.LeftButton)
    view.show_page("today")
    qtbot.mouseClick(view.today.pacing.row_for("Walking").timer_button, Qt.MouseButton.LeftButton)
    clock.advance(minutes=3)
    assert window.lock_now()
    strip = window.unlock_view.findChild(QWidget, "lockTimerStrip")
    qtbot.mouseClick(strip.findChild(QWidget, "lockTimerStop"), Qt.MouseButton.LeftButton)
    assert "logged when you unlock" in strip.findChild(QWidget, "lockTimerText").text()
    clock.advance(minutes=10)  # time after stopping does not count
    unlock(qtbot, window, PASSPHRASE)
    assert window.session is not None and window.main_view is not None
    assert [log.amount for log in window.session.pacing.logs()] == [3.0]
    message = window.main_view.today.pacing.message.text()
    assert "stopped while the diary was locked" in message and "3 minutes" in message


# The offscreen platform has no tray; pretending one exists makes Qt warn that it cannot watch for one.
@pytest.mark.qt_log_ignore("systemTrayWindowChanged")
def test_timer_keeps_running_in_the_tray_and_logs_from_it(qtbot: QtBot, make_window: WindowFactory) -> None:
    clock = monday_clock()
    window, view = _diary(qtbot, make_window, clock)
    window.tray_available = lambda: True
    _add_walking(qtbot, view, clock)
    view.pacing.detail.settings.rest_every.setValue(2)
    qtbot.mouseClick(view.pacing.detail.settings.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.pacing.detail.baseline.accept_baseline, Qt.MouseButton.LeftButton)
    view.show_page("today")
    panel = view.today.pacing
    qtbot.mouseClick(panel.row_for("Walking").timer_button, Qt.MouseButton.LeftButton)
    assert window.tray is not None
    window.close()
    assert not window.isVisible()
    assert window.session is not None and panel.timer_running  # still timing, diary still open
    assert "still timing" in window.tray.messages[-1]
    clock.advance(minutes=2, seconds=5)
    panel.tick()
    assert "rest break" in window.tray.messages[-1]  # the prompt reaches the tray
    clock.advance(minutes=1)
    window.tray.stop_action.trigger()
    assert window.isVisible()
    assert window.tray is None
    assert [log.amount for log in window.session.pacing.logs()] == [3.1]


def test_no_tray_means_closing_locks_and_logs(qtbot: QtBot, make_window: WindowFactory) -> None:
    clock = monday_clock()
    window, view = _diary(qtbot, make_window, clock)
    window.tray_available = lambda: False
    _add_walking(qtbot, view, clock)
    qtbot.mouseClick(view.pacing.detail.baseline.accept_baseline, Qt.MouseButton.LeftButton)
    view.show_page("today")
    qtbot.mouseClick(view.today.pacing.row_for("Walking").timer_button, Qt.MouseButton.LeftButton)
    clock.advance(minutes=4)
    window.close()
    assert window.session is None  # quitting stops the timer and logs its time, then locks
    window.show()
    unlock(qtbot, window, PASSPHRASE)
    assert window.session is not None
    assert [log.amount for log in window.session.pacing.logs()] == [4.0]


def test_flare_offers_a_step_down_and_back_up(qtbot: QtBot, make_window: WindowFactory) -> None:
    clock = monday_clock()
    window, view = _diary(qtbot, make_window, clock)
    _add_walking(qtbot, view, clock)
    qtbot.mouseClick(view.pacing.detail.baseline.accept_baseline, Qt.MouseButton.LeftButton)
    assert window.session is not None
    window.session.flares.start()
    view.show_page("today")
    panel = view.today.pacing
    panel.refresh()
    assert panel.offer.isVisible()
    assert "Step today's pacing plans down to 60 %" in panel.offer_text.text()
    qtbot.mouseClick(panel.offer_button, Qt.MouseButton.LeftButton)
    assert _today_row_text(panel, "Walking") == "Planned: 5.5 minutes. Done so far: 0 minutes."
    assert not panel.offer.isVisible()  # the flare is still going on: no step back up yet
    window.session.flares.end()
    panel.refresh()
    assert panel.offer_button.text() == "Step back up"
    qtbot.mouseClick(panel.offer_button, Qt.MouseButton.LeftButton)
    assert _today_row_text(panel, "Walking") == "Planned: 9.5 minutes. Done so far: 0 minutes."


@pytest.mark.parametrize("amount", ["-3", "abc"])
def test_bad_amounts_do_not_log(qtbot: QtBot, make_window: WindowFactory, amount: str) -> None:
    clock = monday_clock()
    window, view = _diary(qtbot, make_window, clock)
    _add_walking(qtbot, view, clock)
    qtbot.mouseClick(view.pacing.detail.baseline.accept_baseline, Qt.MouseButton.LeftButton)
    view.show_page("today")
    panel = view.today.pacing
    row = panel.row_for("Walking")
    row.amount.lineEdit().selectAll()
    qtbot.keyClicks(row.amount.lineEdit(), amount)
    qtbot.mouseClick(row.log_button, Qt.MouseButton.LeftButton)
    assert panel.message.text() == "Type an amount above zero."
    assert window.session is not None and window.session.pacing.logs() == []
    assert message_box(window) is None


def test_a_crash_while_timing_loses_no_minutes(qtbot: QtBot, make_window: WindowFactory) -> None:
    clock = monday_clock()
    window, view = _diary(qtbot, make_window, clock)
    _add_walking(qtbot, view, clock)
    view.pacing.detail.settings.rest_every.setValue(3)
    qtbot.mouseClick(view.pacing.detail.settings.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.pacing.detail.baseline.accept_baseline, Qt.MouseButton.LeftButton)
    view.show_page("today")
    panel = view.today.pacing
    qtbot.mouseClick(panel.row_for("Walking").timer_button, Qt.MouseButton.LeftButton)
    clock.advance(minutes=3, seconds=12)
    panel.tick()  # the rest break: a checkpoint is written into the diary
    assert window.session is not None
    # The process dies here. The next start sees the checkpoint and offers to log the time done by then.
    window.pacing_timer.ticker.stop()  # the app that was timing is gone
    window.pacing_timer.state = None
    after_crash = PacingTodayPanel(standalone_diary(window.session))
    qtbot.addWidget(after_crash)
    after_crash.refresh()
    assert "still running when Companion last closed" in after_crash.offer_text.text()
    assert after_crash.offer_button.text() == "Log 3 minutes"
    qtbot.mouseClick(after_crash.offer_button, Qt.MouseButton.LeftButton)
    assert [(log.amount, log.source) for log in window.session.pacing.logs()] == [(3.2, LogSource.TIMER)]
    assert window.session.pacing.timer_checkpoint() is None


def _tab_stop(widget: QWidget, view: QWidget) -> bool:
    from tests.gui.test_accessibility import CONTROLS

    inner = isinstance(widget.parentWidget(), QAbstractSpinBox)  # a spin box's own line edit
    return (
        widget.isVisibleTo(view)
        and widget.isEnabled()
        and isinstance(widget, (*CONTROLS, QAbstractSpinBox))
        and not inner
    )


@pytest.mark.parametrize("language", ["cy", "en"])
def test_every_pacing_control_is_named_and_reachable(qtbot: QtBot, make_window: WindowFactory, language: str) -> None:
    from tests.gui.test_accessibility import unnamed_controls

    clock = monday_clock()
    window = make_window(clock=clock)
    first_run(qtbot, window, language)
    view = window.main_view
    assert view is not None
    _add_walking(qtbot, view, clock)
    qtbot.mouseClick(view.pacing.detail.baseline.accept_baseline, Qt.MouseButton.LeftButton)
    assert unnamed_controls(view.pacing) == []
    view.pacing.tabs.setCurrentIndex(1)
    assert unnamed_controls(view.pacing) == []
    view.show_page("today")
    qtbot.mouseClick(view.today.pacing.row_for("Walking").timer_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(view.today.pacing.row_for("Walking").isVisible)  # new rows are shown by the event loop
    assert unnamed_controls(view.today.pacing) == []
    spins = [w for w in view.findChildren(QAbstractSpinBox) if w.isVisibleTo(view)]
    assert spins and all(s.accessibleName() for s in spins)
    # Tab from the check-in's Clear button walks through the timer and the activity rows, in order.
    order = []
    widget: QWidget = view.today.clear_button
    for _step in range(12):
        widget = widget.nextInFocusChain()
        while not _tab_stop(widget, view):
            widget = widget.nextInFocusChain()
        order.append(widget.objectName())
        if widget is view.today.entries:
            break
    assert order[:5] == ["pacingPauseButton", "pacingStopButton", "pacingSound", "pacingAmount", "pacingLogButton"]
    assert order[-1] == "todayEntries"


def test_pacing_reads_only_what_is_shown_and_translating_reads_nothing(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    clock = monday_clock()
    window, view = _diary(qtbot, make_window, clock)
    _add_walking(qtbot, view, clock)
    pacing, host = view.pacing, window.open_diary.host
    pacing.tabs.setCurrentIndex(1)  # boom-and-bust built (and drawn) when its tab is first shown
    qtbot.waitUntil(lambda: pacing.boom_bust.report is not None)
    pacing.tabs.setCurrentIndex(0)
    detail = pacing.detail
    assert window.session is not None
    # A fourth test: the activity shows it; hidden parts (Today's pacing rows, boom-and-bust) read nothing.
    with statements(window.session) as seen:
        detail.test_amount.setValue(11)
        qtbot.mouseClick(detail.record_test, Qt.MouseButton.LeftButton)
    assert detail.tests.count() == 4 and detail.status.text() == "Test recorded."
    assert touching(seen, "activity_logs", "flare_episodes", "pain_entries") == []
    assert host.is_stale(view.today.pacing) and host.is_stale(pacing.boom_bust)
    # A check-in on Today reads nothing for the (now hidden) pacing page either.
    view.show_page("today")  # (Today catches up as it is shown: the clock has moved on two days)
    with statements(window.session) as seen:
        record_pain(qtbot, window, 3, "")
    assert selects(seen) == []
    # Translating the page reads nothing: it draws from what it last read.
    view.show_page("pacing")
    with statements(window.session) as seen:
        window.switch_language("cy")
    assert selects(seen) == []
    assert detail.tests_count.text().startswith("Tri phrawf")  # "Three tests recorded", in Welsh, unread
    window.switch_language("en")
    # Shown again, boom-and-bust catches up with the check-in.
    with statements(window.session) as seen:
        pacing.tabs.setCurrentIndex(1)
    assert touching(selects(seen), "pain_entries") and not host.is_stale(pacing.boom_bust)


def test_a_tolerance_test_can_be_recorded_for_an_earlier_day(qtbot: QtBot, make_window: WindowFactory) -> None:
    clock = monday_clock()  # Monday 2 March
    _window, view = _diary(qtbot, make_window, clock)
    _add_walking(qtbot, view, clock, tests=(10,))
    detail = view.pacing.detail
    assert detail.test_day.maximumDate() == QDate(2026, 3, 2)  # no day still to come
    detail.test_day.setDate(QDate(2026, 2, 28))  # Saturday's walk, written down on Monday
    detail.test_amount.setValue(12)
    qtbot.mouseClick(detail.record_test, Qt.MouseButton.LeftButton)
    assert detail.status.text() == "Test recorded."
    assert detail.test_day.date() == QDate(2026, 3, 2)  # back to today for the next one
    assert [detail.tests.item(i).text() for i in range(detail.tests.count())] == [
        "2 March 2026: 10 minutes",
        "28 February 2026: 12 minutes",
    ]
    assert detail.tests_count.text() == "2 tests of 3 recorded."


def test_what_is_being_typed_on_pacing_comes_back_unsaved_after_a_lock(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    clock = monday_clock()
    window, view = _diary(qtbot, make_window, clock)
    _add_walking(qtbot, view, clock, tests=(10,))
    pacing = view.pacing
    pacing.detail.settings.name.setText("Walking the dog")
    pacing.detail.settings.rest_every.setValue(5)
    pacing.detail.test_amount.setValue(14)
    qtbot.keyClicks(pacing.new_name, "Swimming")
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    assert window.session is not None and window.main_view is not None
    (activity,) = window.session.pacing.activities()
    assert activity.name == "Walking" and activity.rest_every_minutes is None  # nothing saved behind the back
    assert len(window.session.pacing.tests(activity.id)) == 1
    window.main_view.show_page("pacing")
    pacing = window.main_view.pacing
    assert pacing.new_name.text() == "Swimming" and "kept when the diary locked" in pacing.add_status.text()
    detail = pacing.detail
    assert detail.settings.name.text() == "Walking the dog" and detail.settings.rest_every.value() == 5
    assert detail.test_amount.value() == 14
    assert "kept when the diary locked" in detail.status.text()
    qtbot.mouseClick(detail.settings.save_button, Qt.MouseButton.LeftButton)
    assert window.session.pacing.activities()[0].name == "Walking the dog"
