"""Back-dating and the keyboard on Today, as a person meets them: the date and the time are two Tab stops that
take typed digits, the question and the saved line name the time chosen, "When" shows the time the check-in
starts, a click on Today leaves the number keys to the pain scale, and a closed dialog gives the focus back."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QCoreApplication, QDateTime, QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from companion.domain import pacing as p
from companion.domain.checkin import CheckinInput
from companion.services.clock import Clock
from companion.storage.app_settings import AppSettings
from companion.ui import dialogs
from companion.ui.checkin.checkin_dialog import CheckinEditDialog
from companion.ui.companion_window import CompanionWindow
from tests.gui.conftest import WindowFactory
from tests.helpers.gui import activate, first_run, message_box

LONDON = ZoneInfo("Europe/London")


class MovingClock:
    """The diary's time, moved on by the test: Tuesday 8 December 2026, 19:18 in London to start with."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 12, 8, 19, 18, tzinfo=LONDON)

    def __call__(self) -> dt.datetime:
        return self.now


def _window(qtbot: QtBot, make_window: WindowFactory, language: str = "en") -> tuple[CompanionWindow, MovingClock]:
    moving = MovingClock()
    window = make_window(AppSettings(auto_lock_minutes=60), clock=Clock(LONDON, moving))
    first_run(qtbot, window, language)
    assert window.main_view is not None and window.open_diary is not None
    return window, moving


def _type(qtbot: QtBot, digits: str) -> None:
    for digit in digits:
        qtbot.keyClick(QApplication.focusWidget(), getattr(Qt.Key, f"Key_{digit}"))


@pytest.mark.parametrize(
    ("language", "question", "saved"),
    [
        ("en", "How was your pain then (Saturday, 28 November, 19:18)?", "Saved for Saturday, 28 November at 19:18."),
        (
            "cy",
            "Sut oedd eich poen bryd hynny (Dydd Sadwrn, 28 Tachwedd, 19:18)?",
            "Wedi'i gadw ar gyfer Dydd Sadwrn, 28 Tachwedd, am 19:18.",
        ),
    ],
)
def test_the_date_and_time_take_typed_digits_in_two_tab_stops_and_the_saved_line_names_the_day(
    qtbot: QtBot, make_window: WindowFactory, language: str, question: str, saved: str
) -> None:
    window, _moving = _window(qtbot, make_window, language)
    assert window.main_view is not None and window.session is not None
    today = window.main_view.today
    form = today.form
    activate(qtbot, window)
    form.when.date_edit.setFocus(Qt.FocusReason.TabFocusReason)
    # 28 November, on 8 December: a day past today's day in an earlier month (Qt refused that digit while the
    # box had today as its upper limit).
    _type(qtbot, "28112026")
    assert form.when.date_edit.hasFocus()
    qtbot.keyClick(form.when.date_edit, Qt.Key.Key_Tab)  # one Tab: on to the time
    assert form.when.time_edit.hasFocus()
    _type(qtbot, "1918")
    qtbot.keyClick(form.when.time_edit, Qt.Key.Key_Tab)  # one more: out of the date and time
    assert form.now_button.hasFocus()
    assert form.when.moment() == (dt.date(2026, 11, 28), dt.time(19, 18))
    assert form.question.text() == question
    qtbot.mouseClick(form.pain.buttons[6], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(today.save, Qt.MouseButton.LeftButton)
    (entry,) = window.session.diary.all_entries()
    assert entry.recorded_at == dt.datetime(2026, 11, 28, 19, 18, tzinfo=LONDON) and entry.pain == 6
    qtbot.waitUntil(lambda: today.status.text() == saved, timeout=5000)  # once it is on disk
    # Ready for the next one: "now" again, and the question for now.
    assert form.when.moment() == (dt.date(2026, 12, 8), dt.time(19, 18))
    assert form.question.text() != question


def test_the_question_is_worded_for_the_time_chosen_on_today_and_in_the_edit_dialog(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window, _moving = _window(qtbot, make_window)
    assert window.main_view is not None and window.open_diary is not None
    form = window.main_view.today.form
    note = form.note
    assert form.question.text() == "How is your pain right now?"
    assert note.placeholderText() == "Anything you want to remember about now"
    form.when.setDateTime(QDateTime(dt.date(2026, 12, 8), dt.time(8, 0)))
    assert form.question.text() == "How was your pain at 08:00 today?"
    assert note.placeholderText() == "Anything you want to remember about 08:00 today"  # the note's hint too
    form.when.setDateTime(QDateTime(dt.date(2026, 12, 1), dt.time(8, 0)))
    assert form.question.text() == "How was your pain then (Tuesday, 1 December, 08:00)?"
    assert note.placeholderText() == "Anything you want to remember about that time (Tuesday, 1 December, 08:00)"
    form.when.setDateTime(QDateTime(dt.date(2025, 12, 1), dt.time(8, 0)))
    assert form.question.text() == "How was your pain then (Monday, 1 December 2025, 08:00)?"
    qtbot.mouseClick(form.now_button, Qt.MouseButton.LeftButton)
    assert form.question.text() == "How is your pain right now?"
    assert note.placeholderText() == "Anything you want to remember about now"
    # Editing a saved check-in asks about its own time.
    diary = window.open_diary
    at = dt.datetime(2026, 12, 1, 19, 18, tzinfo=LONDON)
    done = diary.run(lambda: diary.session.diary.record_checkin(CheckinInput(at, pain=4)))
    assert done is not None
    dialog = window.open_edit_dialog(done.value.id)
    assert dialog is not None
    assert dialog.form.question.text() == "How was your pain then (Tuesday, 1 December, 19:18)?"
    assert dialog.form.note.placeholderText() == (
        "Anything you want to remember about that time (Tuesday, 1 December, 19:18)"
    )
    window.switch_language("cy")
    assert dialog.form.question.text() == "Sut oedd eich poen bryd hynny (Dydd Mawrth, 1 Rhagfyr, 19:18)?"
    assert dialog.form.note.placeholderText() == (
        "Unrhyw beth yr hoffech ei gofio am yr adeg honno (Dydd Mawrth, 1 Rhagfyr, 19:18)"
    )
    window.switch_language("en")
    dialog.reject()


def test_when_shows_the_time_the_check_in_starts_not_when_the_page_was_opened(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window, moving = _window(qtbot, make_window)
    assert window.main_view is not None and window.session is not None
    today = window.main_view.today
    form = today.form
    assert form.when.moment() == (dt.date(2026, 12, 8), dt.time(19, 18))
    moving.now += dt.timedelta(minutes=24)  # Today stays open; the person comes back at 19:42
    activate(qtbot, window)
    today.picker.buttons[0].setFocus()
    qtbot.keyClick(today.picker.buttons[0], Qt.Key.Key_5)  # the check-in starts
    assert form.when.moment() == (dt.date(2026, 12, 8), dt.time(19, 42))
    moving.now += dt.timedelta(minutes=3)
    form.when.date_edit.setFocus(Qt.FocusReason.TabFocusReason)  # about to change it: it shows now first
    assert form.when.moment() == (dt.date(2026, 12, 8), dt.time(19, 45))
    qtbot.mouseClick(today.save, Qt.MouseButton.LeftButton)
    (entry,) = window.session.diary.all_entries()
    assert entry.recorded_at == dt.datetime(2026, 12, 8, 19, 45, tzinfo=LONDON)


def test_number_keys_choose_the_pain_score_after_clicking_today_in_the_sidebar(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window, _moving = _window(qtbot, make_window)
    main = window.main_view
    assert main is not None
    activate(qtbot, window)
    nav = main.nav
    for row in (1, 0):  # Diary, then back to Today, with the mouse
        rect = nav.visualItemRect(nav.item(row))
        qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert main.current_page() == "today"
    focus = QApplication.focusWidget()
    assert focus is not None and main.today.picker.isAncestorOf(focus)
    qtbot.keyClick(focus, Qt.Key.Key_7)
    assert main.today.picker.score() == 7


def test_after_a_dialog_closes_the_focus_goes_back_and_space_does_not_open_flare_mode(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window, _moving = _window(qtbot, make_window)
    main, diary = window.main_view, window.open_diary
    assert main is not None and diary is not None
    at = dt.datetime(2026, 12, 7, 9, 30, tzinfo=LONDON)
    done = diary.run(lambda: diary.session.diary.record_checkin(CheckinInput(at, pain=4)))
    assert done is not None
    activate(qtbot, window)
    main.show_page("diary")
    view = main.diary
    assert view.select_day(at.date())
    card = view.day_view.card_for(done.value.id)
    assert card is not None
    card.edit_button.setFocus()
    qtbot.keyClick(card.edit_button, Qt.Key.Key_Space)
    dialog = next(d for d in window.findChildren(CheckinEditDialog) if d.isVisible())
    qtbot.mouseClick(dialog.form.pain.buttons[5], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # the day's cards are rebuilt meanwhile
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    activate(qtbot, window)  # the window is active again, as after any dialog
    focus = QApplication.focusWidget()
    assert focus is not None and focus is not main.flare_button
    assert view.isAncestorOf(focus), focus.objectName()  # back on the Diary page, on the same day
    qtbot.keyClick(focus, Qt.Key.Key_Space)
    assert main.current_page() != "flare_mode"
    # Where the control is still there, it gets the focus back itself (Manage tags, after the tag manager).
    view.manage_tags_button.setFocus()
    qtbot.keyClick(view.manage_tags_button, Qt.Key.Key_Space)
    assert view.tag_manager is not None
    view.tag_manager.reject()
    qtbot.waitUntil(view.manage_tags_button.hasFocus, timeout=2000)


def test_a_message_answered_from_a_button_that_went_away_leaves_the_focus_nearby(qtbot: QtBot) -> None:
    """The helper every dialog opens through, on its own: the button that opened the message is gone when it
    closes (its row was rebuilt); the focus goes to the control now in its place, not the window's first."""
    window = QWidget()
    layout = QVBoxLayout(window)
    first = QPushButton("First control of the window")
    area = QWidget()
    inner = QVBoxLayout(area)
    opener, neighbour = QPushButton("Open"), QPushButton("Neighbour")
    inner.addWidget(opener)
    inner.addWidget(neighbour)
    layout.addWidget(first)
    layout.addWidget(area)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    opener.setFocus()
    dialogs.show_message(window, "Title", "Text")
    box = message_box(window)
    assert box is not None
    opener.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    activate(qtbot, window)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is neighbour, timeout=2000)
    assert not first.hasFocus()


def test_no_step_down_offer_once_the_flare_has_ended_and_no_good_day_advice_on_a_flare_day(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window, moving = _window(qtbot, make_window)
    main, diary = window.main_view, window.open_diary
    assert main is not None and diary is not None
    pacing, flares = diary.session.pacing, diary.session.flares
    done = diary.run(lambda: pacing.add_activity("Walking", p.Unit.MINUTES))
    assert done is not None
    walking = done.value
    diary.run(lambda: (None, pacing.set_target(walking.id, 10)))
    panel = main.today.pacing
    assert not panel.offer.isVisible()
    diary.run(flares.start)
    assert panel.offer.isVisible() and panel.offer_text.text().startswith("A flare-up started on ")
    diary.run(flares.end)
    assert not panel.offer.isVisible()  # it ended: no "step down?" left behind
    # Over the plan on the day of a flare: the amount is logged, without "on a good day" advice.
    assert panel.log(walking.id, 12)
    assert panel.message.text() == "Logged 12 minutes of Walking."
    # Two days on, no flare: over the plan, the advice for a good day comes back.
    moving.now += dt.timedelta(days=2)
    panel.refresh()
    assert panel.log(walking.id, 12)
    assert "On a good day it helps to keep to the plan" in panel.message.text()
