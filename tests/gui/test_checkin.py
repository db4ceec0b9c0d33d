"""The full check-in on Today: by keyboard alone, by mouse, back-dated, copied from last time, kept on lock."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDateTime, Qt
from pytestqt.qtbot import QtBot

from companion.domain.body import PainType
from companion.domain.checkin import TagKind
from tests.gui.conftest import WindowFactory
from tests.helpers.gui import PASSPHRASE, activate, first_run, record_pain, type_into, unlock


@pytest.fixture
def window(qtbot: QtBot, make_window: WindowFactory):  # type: ignore[no-untyped-def]
    w = make_window()
    first_run(qtbot, w, "en")
    return w


def _tab_to(qtbot: QtBot, window, target, limit: int = 200) -> None:  # type: ignore[no-untyped-def]
    for _ in range(limit):
        if window.focusWidget() is target:
            return
        qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.objectName()}")


def test_a_whole_check_in_by_keyboard_alone(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    today = window.main_view.today
    form = today.form
    form.pain.buttons[0].setFocus()
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_6)
    # Open "Sleep" with the keyboard and answer it.
    _tab_to(qtbot, window, form.sleep.toggle)
    qtbot.keyClick(form.sleep.toggle, Qt.Key.Key_Space)
    assert form.sleep.content.isVisible()
    _tab_to(qtbot, window, form.sleep_quality.buttons[0])
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_3)
    assert form.sleep_quality.score() == 3 and form.pain.score() == 6
    _tab_to(qtbot, window, form.sleep_hours)
    form.sleep_hours.selectAll()
    qtbot.keyClicks(form.sleep_hours, "5.5")
    # Tags: type, Enter adds.
    _tab_to(qtbot, window, form.tags.toggle)
    qtbot.keyClick(form.tags.toggle, Qt.Key.Key_Space)
    did = form.tag_editors[TagKind.DID]
    _tab_to(qtbot, window, did.input)
    qtbot.keyClicks(did.input, "gardening")
    qtbot.keyClick(did.input, Qt.Key.Key_Return)
    assert [t.name for t in did.value()] == ["gardening"]
    _tab_to(qtbot, window, form.note)
    type_into(qtbot, form.note, "keyboard only ŵ")
    activate(qtbot, window)
    qtbot.keyClick(form.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.session.diary.entries_today(), today.status.text()
    saved = window.session.diary.entries_today()[-1]
    assert (saved.pain, saved.sleep_quality, saved.sleep_hours, saved.note) == (6, 3, 5.5, "keyboard only ŵ")
    assert [(t.kind, t.name) for t in saved.tags] == [(TagKind.DID, "gardening")]
    assert form.pain.score() is None and form.note.toPlainText() == ""  # ready for the next one


def test_a_check_in_by_mouse_with_a_place_on_the_body_map(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    form = window.main_view.today.form
    qtbot.mouseClick(form.pain.buttons[8], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.where.toggle, Qt.MouseButton.LeftButton)
    assert form.body.isVisible()
    form.body.set_value(())
    from companion.domain.checkin import RegionPain

    form.body.set_value((RegionPain("b-lower-back", 7, PainType.ACHING),))
    qtbot.mouseClick(form.feelings.toggle, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.mood.buttons[4], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(form.fatigue.buttons[9], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.main_view.today.save, Qt.MouseButton.LeftButton)
    saved = window.session.diary.entries_today()[-1]
    assert saved.pain == 8 and saved.mood == 4 and saved.fatigue == 9
    assert saved.regions[0].region == "b-lower-back" and saved.regions[0].pain_type == PainType.ACHING


def test_back_dating_a_missed_day(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    form = window.main_view.today.form
    yesterday = dt.datetime.now().astimezone() - dt.timedelta(days=1)
    form.when.setDateTime(QDateTime(yesterday.date(), dt.time(20, 15)))
    qtbot.mouseClick(form.pain.buttons[5], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.main_view.today.save, Qt.MouseButton.LeftButton)
    (entry,) = window.session.diary.entries_on(yesterday.date())
    assert entry.pain == 5 and entry.recorded_at.hour == 20 and entry.recorded_at.minute == 15
    assert window.session.diary.entries_today() == []
    # The form follows the clock again for the next check-in.
    assert not form._time_changed_by_person


def test_a_time_in_the_future_is_refused_with_a_message_and_the_form_kept(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    today = window.main_view.today
    form = today.form
    tomorrow = window.open_diary.clock.today() + dt.timedelta(days=1)
    form.when.setDateTime(QDateTime(tomorrow, dt.time(9, 0)))
    qtbot.mouseClick(form.pain.buttons[4], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(today.save, Qt.MouseButton.LeftButton)
    assert "in the future" in today.status.text()
    assert window.session.diary.all_entries() == []
    assert form.pain.score() == 4 and form.when.moment() == (tomorrow, dt.time(9, 0))  # kept, to correct


def test_same_as_last_time_copies_for_editing_before_saving(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    today = window.main_view.today
    record_pain(qtbot, window, 4, "yesterday's words")
    qtbot.mouseClick(today.same_as_last, Qt.MouseButton.LeftButton)
    assert today.form.pain.score() == 4 and today.form.note.toPlainText() == "yesterday's words"
    assert len(window.session.diary.entries_today()) == 1  # nothing saved until Save
    qtbot.mouseClick(today.form.pain.buttons[5], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(today.save, Qt.MouseButton.LeftButton)
    assert [e.pain for e in window.session.diary.entries_today()] == [4, 5]


def test_a_check_in_in_progress_survives_auto_lock_as_a_draft(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    form = window.main_view.today.form
    qtbot.mouseClick(form.pain.buttons[7], Qt.MouseButton.LeftButton)
    type_into(qtbot, form.note, "half written when it locked")
    window.idle.set_minutes(0.3 / 60)
    with qtbot.waitSignal(window.locked, timeout=5000):
        pass
    unlock(qtbot, window, PASSPHRASE)
    form = window.main_view.today.form
    assert form.pain.score() == 7
    assert form.note.toPlainText() == "half written when it locked"
    assert "kept" in window.main_view.today.status.text()
    assert window.session.diary.entries_today() == []  # a draft, not a saved entry
    # Still unsaved at the next lock: kept again. Once cleared, nothing comes back.
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    assert window.main_view.today.form.note.toPlainText() == "half written when it locked"
    qtbot.mouseClick(window.main_view.today.clear_button, Qt.MouseButton.LeftButton)
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    assert window.main_view.today.form.note.toPlainText() == ""


def test_an_invalid_check_in_is_explained_and_the_form_kept(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    today = window.main_view.today
    qtbot.mouseClick(today.form.pain.buttons[3], Qt.MouseButton.LeftButton)
    today.form.note.setPlainText("x" * 100_000)
    qtbot.mouseClick(today.save, Qt.MouseButton.LeftButton)
    assert "too long" in today.status.text()
    assert len(today.form.note.toPlainText()) == 100_000
    assert window.session.diary.entries_today() == []
