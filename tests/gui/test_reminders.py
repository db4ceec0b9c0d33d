"""Reminders in the running app on an injected clock: set in Settings, shown through the tray where there is
one and in the window where there is none, only when something is to do, kept quiet over a lock; starting at
log-in from Settings; and the diary locking after the computer slept."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from companion.storage import app_settings, autostart
from companion.ui.companion_window import CompanionWindow
from tests.gui.conftest import WindowFactory
from tests.gui.test_accessibility import unnamed_controls
from tests.helpers.clock import FakeClock, local
from tests.helpers.gui import PASSPHRASE, activate, first_run, unlock

CHECKIN = "Would you like to do today's check-in? It takes a minute."
PEG = "Would you like to answer this week's three short questions about pain and activity? They are on Today."




def _press_space(qtbot: QtBot, widget) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_Space)


def _diary(qtbot: QtBot, make_window: WindowFactory, clock: FakeClock) -> CompanionWindow:
    window = make_window(clock=clock)
    first_run(qtbot, window, "en")
    assert window.main_view is not None
    return window


# The offscreen platform has no tray; pretending one exists makes Qt warn that it cannot watch for one.
@pytest.mark.qt_log_ignore("systemTrayWindowChanged")
def test_reminders_set_in_settings_come_through_the_tray_only_when_something_is_to_do(
    qtbot: QtBot, make_window: WindowFactory, data_dir: Path
) -> None:
    clock = FakeClock(local(2026, 3, 2, 18))  # a Monday, before 19:00
    window = _diary(qtbot, make_window, clock)
    window.tray_available = lambda: True
    main = window.main_view
    assert main is not None and window.session is not None
    clock.set(local(2026, 3, 1, 12))  # the first check-in, on Sunday: from then on the weekly questions are due
    window.session.diary.record_pain(2, "the day before")
    clock.set(local(2026, 3, 2, 18))
    main.show_page("settings")
    section = main.settings.reminders
    assert not section.checkin.isChecked() and not section.peg.isChecked() and not section.autostart.isChecked()
    assert not section.time.isEnabled() and window.tray is None  # all off at first
    assert unnamed_controls(section) == []
    _press_space(qtbot, section.checkin)
    section.time.setTime(QTime(19, 30))
    _press_space(qtbot, section.peg)  # Mondays by default
    assert section.time.isEnabled() and section.weekday.isEnabled()
    saved = app_settings.load_settings(data_dir)
    assert (saved.reminder_checkin, saved.reminder_peg, saved.reminder_time, saved.reminder_peg_weekday) == (
        True,
        True,
        "19:30",
        0,
    )
    tray = window.tray
    assert tray is not None and not tray.stop_action.isVisible()  # the tray is there for reminders alone

    assert window.reminders.check_now() == []  # 18:00: not yet
    clock.set(local(2026, 3, 2, 19, 31))
    window.reminders.check_now()
    assert tray.messages == [CHECKIN, PEG]  # no check-in yet today, and no PEG since the first check-in
    clock.set(local(2026, 3, 2, 21))
    assert window.reminders.check_now() == []  # once a day
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    assert window.reminders.check_now() == []  # not again after unlocking
    # Clicking the message goes to Today, to the weekly questions.
    main = window.main_view
    assert main is not None
    main.show_page("settings")
    activate(qtbot, window)
    tray.messageClicked.emit()
    assert main.current_page() == "today" and main.today.measures_banner.peg_button.hasFocus()

    # Tuesday: a check-in in the morning, then locked: no reminder at 19:30, though the diary is locked.
    clock.set(local(2026, 3, 3, 9))
    assert window.session is not None
    window.session.diary.record_pain(3, "morning")
    assert window.lock_now()
    clock.set(local(2026, 3, 3, 19, 31))
    assert window.reminders.check_now() == []
    # Wednesday, still locked, no check-in: the reminder comes, saying nothing from the diary.
    clock.set(local(2026, 3, 4, 19, 31))
    assert window.reminders.check_now() == ["checkin"] and tray.messages[-1] == CHECKIN

    # A PEG answered on Thursday is not due again until the Thursday after: Monday brings no PEG reminder.
    clock.set(local(2026, 3, 5, 10))
    unlock(qtbot, window, PASSPHRASE)
    assert window.session is not None
    window.session.measures.record_peg(4, 5, 6)
    clock.set(local(2026, 3, 9, 19, 31))
    assert window.reminders.check_now() == ["checkin"]
    clock.set(local(2026, 3, 16, 19, 31))  # the Monday after: a PEG is due again
    assert window.reminders.check_now() == ["checkin", "peg"]

    # Starting at log-in: the XDG autostart entry is written and removed.
    main = window.main_view
    assert main is not None
    main.show_page("settings")
    section = main.settings.reminders
    assert section.checkin.isChecked() and section.peg.isChecked() and section.time.time() == QTime(19, 30)
    entry = autostart.autostart_file()
    _press_space(qtbot, section.autostart)
    assert section.autostart.isChecked() and entry.is_file()
    assert "Exec=" in entry.read_text(encoding="utf-8")
    _press_space(qtbot, section.autostart)
    assert not entry.exists()

    # Both reminders off: the tray goes.
    _press_space(qtbot, section.checkin)
    _press_space(qtbot, section.peg)
    assert window.tray is None and not window.reminders.running


def test_without_a_tray_the_reminder_shows_in_the_window(qtbot: QtBot, make_window: WindowFactory) -> None:
    clock = FakeClock(local(2026, 3, 2, 18))  # a Monday, before 19:00
    window = _diary(qtbot, make_window, clock)
    window.tray_available = lambda: False
    main = window.main_view
    assert main is not None
    main.show_page("settings")
    _press_space(qtbot, main.settings.reminders.checkin)  # at 19:00, the default
    notice = window.reminder_notice
    assert not notice.isVisible()
    clock.set(local(2026, 3, 2, 19, 5))
    window.reminders.check_now()
    assert window.tray is None
    assert notice.isVisible() and notice.text.text() == CHECKIN
    assert notice.accessibleName() == "Reminder" and unnamed_controls(notice) == []
    assert QApplication.activeModalWidget() is None  # it never blocks
    assert main.current_page() == "settings"
    _press_space(qtbot, notice.open_button)  # "Do a check-in now"
    assert not notice.isVisible()
    assert main.current_page() == "today" and main.today.picker.buttons[0].hasFocus()

    # Tuesday, while locked: "Not today" by Escape puts it away; it does not come back that day.
    assert window.lock_now()
    clock.set(local(2026, 3, 3, 19, 1))
    window.reminders.check_now()
    assert notice.isVisible() and window.stack.currentWidget() is window.unlock_view
    notice.not_today.setFocus()
    qtbot.keyClick(notice.not_today, Qt.Key.Key_Escape)
    assert not notice.isVisible()
    clock.set(local(2026, 3, 3, 22))
    assert window.reminders.check_now() == [] and not notice.isVisible()
    # Wednesday: from the lock screen, "Do a check-in now" goes to Today once unlocked.
    clock.set(local(2026, 3, 4, 19, 1))
    window.reminders.check_now()
    qtbot.mouseClick(notice.open_button, Qt.MouseButton.LeftButton)
    assert window.unlock_view.secret.hasFocus()
    unlock(qtbot, window, PASSPHRASE)
    main = window.main_view
    assert main is not None and main.current_page() == "today" and main.today.picker.buttons[0].hasFocus()


def test_the_diary_locks_when_the_computer_slept_longer_than_the_auto_lock_time(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    clock = FakeClock(local(2026, 3, 2, 18))  # a Monday, before 19:00
    window = make_window(clock=clock)
    window.session_watcher.detect_sleep = True  # the app has it on; other tests move the clock by days
    first_run(qtbot, window, "en")
    watcher = window.session_watcher
    clock.advance(minutes=2)  # awake, the monotonic clock moving too
    real = watcher.monotonic
    watcher.monotonic = lambda: real() + 120
    watcher.check_sleep()
    assert window.session is not None
    clock.advance(hours=3)  # asleep: the wall clock moved on, the monotonic clock did not
    with qtbot.waitSignal(window.locked, timeout=1000):
        watcher.check_sleep()
    assert window.session is None and window.stack.currentWidget() is window.unlock_view
