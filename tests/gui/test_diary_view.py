"""The Diary screen, driven through real widgets on a real encrypted diary: find, look, delete and undo, tags."""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from companion import i18n
from companion.domain.body import PainType
from companion.domain.checkin import Checkin, CheckinInput, RegionPain, TagKind, TagRating
from companion.services.session import DiarySession
from companion.storage import atomic
from companion.ui.core.diary import OpenDiary
from companion.ui.core.standalone import standalone_diary
from companion.ui.diary.diary_view import DiaryView
from companion.ui.diary.entry_text import describe_checkin
from companion.ui.diary.tag_manager_dialog import TagManagerDialog
from companion.ui.qt_translator import TranslatorBridge
from tests.conftest import DIARY_PASSPHRASE
from tests.gui.conftest import WindowFactory
from tests.gui.test_accessibility import unnamed_controls
from tests.helpers.gui import PASSPHRASE, first_run, message_box, type_into, unlock

PASS = DIARY_PASSPHRASE
DID, HELPED, WORSE = TagKind.DID, TagKind.HELPED, TagKind.WORSE


@pytest.fixture
def open_diary(session: DiarySession) -> OpenDiary:
    return standalone_diary(session)


@pytest.fixture
def make_view(qtbot: QtBot, open_diary: OpenDiary, bridge: TranslatorBridge):  # type: ignore[no-untyped-def]
    def factory() -> DiaryView:
        view = DiaryView(open_diary)
        qtbot.addWidget(view)
        view.resize(1000, 720)
        view.show()
        qtbot.waitExposed(view)
        view.activateWindow()
        qtbot.waitUntil(view.isActiveWindow)
        return view

    return factory


def record(session: DiarySession, moment: dt.datetime | dt.date, hour: int = 12, **fields: object) -> Checkin:
    if not isinstance(moment, dt.datetime):
        moment = dt.datetime.combine(moment, dt.time(hour)).astimezone()
    checkin, _changes = session.diary.record_checkin(CheckinInput(recorded_at=moment, **fields))  # type: ignore[arg-type]
    return checkin


def listed_days(view: DiaryView) -> list[dt.date]:
    return [view.day_list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(view.day_list.count())]


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def test_last_month_pain_seven_or_more_with_gardening_finds_exactly_those_days(
    qtbot: QtBot, session: DiarySession, make_view
) -> None:  # type: ignore[no-untyped-def]
    today = session.diary.today()
    month_end = today.replace(day=1) - dt.timedelta(days=1)
    month_start = month_end.replace(day=1)
    garden = (TagRating(DID, "Gardening", 2),)
    first = month_start + dt.timedelta(days=2)
    second = month_start + dt.timedelta(days=5)
    record(session, first, pain=8, tags=garden)
    record(session, second, 9, pain=3, tags=garden)
    record(session, second, 18, pain=9, tags=(TagRating(WORSE, "gardening"),))
    record(session, month_start + dt.timedelta(days=8), pain=5, tags=garden)  # pain too low
    record(session, month_start + dt.timedelta(days=11), pain=8, tags=(TagRating(DID, "Walk"),))  # other tag
    record(session, month_start + dt.timedelta(days=14), mood=2, tags=garden)  # no pain score
    record(session, month_end, 23, pain=7, tags=garden)  # the last evening of the month counts
    record(session, month_start - dt.timedelta(days=1), pain=10, tags=garden)  # the month before
    record(session, session.diary.now(), pain=9, tags=garden)  # this month
    view = make_view()
    assert view.summary.text() == "8 days found"
    bar = view.filter_bar
    bar.from_check.setChecked(True)
    bar.to_check.setChecked(True)
    bar.from_date.setDate(qdate(month_start))
    bar.to_date.setDate(qdate(month_end))
    bar.pain_min.setFocus()
    bar.pain_min.setValue(7)
    type_into(qtbot, bar.tag.lineEdit(), "gardening")
    qtbot.waitUntil(lambda: view.current_filter.tag == "gardening", timeout=2000)
    assert listed_days(view) == [month_end, second, first]
    assert view.summary.text() == "3 days found"
    # Each day counts the check-ins that match: the pain 3 one that day is left out.
    assert view.day_list.item(1).text().endswith(": 1 entry, highest pain 9")
    assert view.day_list.item(0).text().endswith(": 1 entry, highest pain 7")
    assert view.select_day(second) and len(view.day_view.cards) == 1
    # Pain 7 to 10 left out the check-in without a pain score; "any pain" shows it.
    bar.pain_min.setValue(0)
    assert month_start + dt.timedelta(days=14) in listed_days(view)
    assert view.select_day(second) and len(view.day_view.cards) == 2
    assert view.day_list.currentItem().text().endswith(": 2 entries, highest pain 9")
    bar.clear_button.click()
    assert view.summary.text() == "8 days found" and bar.tag.currentText() == ""


def test_text_search_waits_for_a_pause_in_typing_then_finds_notes_and_tags(
    qtbot: QtBot, session: DiarySession, make_view
) -> None:  # type: ignore[no-untyped-def]
    today = session.diary.today()
    record(session, today - dt.timedelta(days=3), pain=4, note="Picked the roses, Siân helped 🌹")
    record(session, today - dt.timedelta(days=2), pain=4, tags=(TagRating(HELPED, "Rose tea"),))
    record(session, today - dt.timedelta(days=1), pain=4, note="Stayed in")
    view = make_view()
    type_into(qtbot, view.filter_bar.text, "ROSE")
    qtbot.waitUntil(lambda: view.summary.text() == "2 days found", timeout=2000)
    view.filter_bar.text.clear()
    type_into(qtbot, view.filter_bar.text, "siân helped 🌹")
    qtbot.waitUntil(lambda: view.summary.text() == "1 day found", timeout=2000)
    assert listed_days(view) == [today - dt.timedelta(days=3)]
    view.filter_bar.text.clear()
    type_into(qtbot, view.filter_bar.text, "nothing like this")
    qtbot.waitUntil(lambda: view.summary.text() == "0 days found", timeout=2000)
    assert view.day_view.placeholder.isVisible()
    assert "No check-ins match these filters" in view.day_view.placeholder.text()


def test_choosing_a_day_shows_each_check_in_described(qtbot: QtBot, session: DiarySession, make_view) -> None:  # type: ignore[no-untyped-def]
    day = session.diary.today() - dt.timedelta(days=4)
    morning = record(
        session,
        day,
        8,
        pain=6,
        regions=(RegionPain("b-lower-back", 7, PainType.ACHING),),
        sleep_quality=3,
        sleep_hours=5.5,
        tags=(TagRating(HELPED, "Heat pad", 3), TagRating(WORSE, "Lifting")),
        note="Stiff",
    )
    evening = record(session, day, 20, mood=6, fatigue=8)
    record(session, day - dt.timedelta(days=1), pain=2)
    view = make_view()
    assert view.select_day(day)
    cards = view.day_view.cards
    assert [c.entry_id for c in cards] == [morning.id, evening.id]
    text = cards[0].text_label.text()
    assert text == describe_checkin(morning)
    assert text.splitlines() == [
        "Pain 6 out of 10",
        "Places: Lower back (7 out of 10, aching)",
        "Sleep: quality 3 out of 10, 5.5 hours",
        "What helped: Heat pad (rated 3 out of 4)",
        "What made it worse: Lifting",
        "Stiff",
    ]
    assert cards[1].text_label.text().splitlines() == ["Mood 6 out of 10", "Tiredness 8 out of 10"]
    assert cards[0].time_label.text() == "08:00"
    assert view.day_view.heading.text() == i18n.formatting.format_date(day, "full")
    assert view.day_list.currentItem().text().endswith(": 2 entries, highest pain 6")
    with qtbot.waitSignal(view.edit_requested) as edit:
        qtbot.mouseClick(cards[1].edit_button, Qt.MouseButton.LeftButton)
    assert edit.args == [evening.id]
    # Enter in the day list goes to the day's first check-in; Enter on it asks to edit it.
    view.day_list.setFocus()
    qtbot.keyClick(view.day_list, Qt.Key.Key_Return)
    assert view.day_view.cards[0].hasFocus()
    with qtbot.waitSignal(view.edit_requested) as edit:
        qtbot.keyClick(view.day_view.cards[0], Qt.Key.Key_Return)
    assert edit.args == [morning.id]


def test_delete_then_undo_with_the_button_and_with_ctrl_z(
    qtbot: QtBot, session: DiarySession, open_diary: OpenDiary, make_view
) -> None:  # type: ignore[no-untyped-def]
    day = session.diary.today() - dt.timedelta(days=2)
    first = record(session, day, 9, pain=5, tags=(TagRating(DID, "Walk", 2),), note="first")
    second = record(session, day, 15, pain=7, note="second")
    view = make_view()
    view.select_day(day)
    with qtbot.waitSignal(open_diary.events.changed):  # every screen hears of it
        qtbot.mouseClick(view.day_view.card_for(first.id).delete_button, Qt.MouseButton.LeftButton)  # type: ignore[union-attr]
    assert session.diary.get(first.id) is None
    assert view.day_view.entry_ids() == [second.id]
    assert view.undo_bar.isVisible()
    assert "was deleted" in view.undo_text.text()
    with qtbot.waitSignal(open_diary.events.changed):
        qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    assert session.diary.get(first.id) == first  # the same entry, same id, every field
    assert view.day_view.entry_ids() == [first.id, second.id]
    assert not view.undo_bar.isVisible()
    # The Delete key deletes the chosen check-in; Ctrl+Z puts it back.
    view.day_view.focus_entry(second.id)
    qtbot.keyClick(view.day_view.card_for(second.id), Qt.Key.Key_Delete)  # type: ignore[arg-type]
    assert session.diary.get(second.id) is None and view.undo_bar.isVisible()
    assert view.day_view.cards[0].hasFocus()  # the focus stays among the day's check-ins
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.diary.get(second.id) == second
    assert view.day_view.card_for(second.id).hasFocus()  # type: ignore[union-attr]
    assert not view.can_undo
    qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # nothing to undo
    assert session.diary.entry_count() == 2


def test_deleting_the_last_check_in_of_a_day_removes_the_day_and_undo_brings_it_back(
    qtbot: QtBot, session: DiarySession, make_view
) -> None:  # type: ignore[no-untyped-def]
    today = session.diary.today()
    only = record(session, today - dt.timedelta(days=3), pain=4)
    record(session, today - dt.timedelta(days=5), pain=6)
    view = make_view()
    view.select_day(only.local_day)
    view.delete_entry(only.id)
    assert listed_days(view) == [today - dt.timedelta(days=5)]
    assert view.summary.text() == "1 day found"
    assert view.undo_delete()
    assert listed_days(view) == [today - dt.timedelta(days=3), today - dt.timedelta(days=5)]
    assert view.selected_day() == only.local_day


def test_undo_bar_goes_after_its_time(qtbot: QtBot, session: DiarySession, make_view) -> None:  # type: ignore[no-untyped-def]
    entry = record(session, session.diary.today() - dt.timedelta(days=1), pain=4)
    view = make_view()
    view._undo_timer.setInterval(50)
    view.delete_entry(entry.id)
    assert view.undo_bar.isVisible()
    qtbot.waitUntil(lambda: not view.undo_bar.isVisible(), timeout=2000)
    assert not view.undo_delete()
    assert session.diary.get(entry.id) is None


def test_a_delete_survives_closing_and_reopening_the_diary(
    qtbot: QtBot, session: DiarySession, open_diary: OpenDiary, make_view, vault_path: Path
) -> None:  # type: ignore[no-untyped-def]
    day = session.diary.today() - dt.timedelta(days=1)
    gone = record(session, day, 9, pain=8, note="delete me")
    kept = record(session, day, 10, pain=3, note="keep me")
    view = make_view()
    view.select_day(day)
    view.day_view.focus_entry(gone.id)
    qtbot.keyClick(view.day_view.card_for(gone.id), Qt.Key.Key_Delete)  # type: ignore[arg-type]
    open_diary.detach()  # as locking does: the screens stop before the diary closes
    session.close()
    reopened = DiarySession.open(vault_path, passphrase=PASS)
    try:
        assert reopened.diary.get(gone.id) is None
        assert reopened.diary.get(kept.id) == kept
    finally:
        reopened.close()


def test_day_count_heading_uses_the_plural_sentence(qtbot: QtBot, session: DiarySession, make_view) -> None:  # type: ignore[no-untyped-def]
    view = make_view()
    assert view.summary.text() == "0 days found"
    assert "Nothing in your diary yet" in view.day_view.placeholder.text()
    record(session, session.diary.today() - dt.timedelta(days=1), pain=2)
    view.refresh()
    assert view.summary.text() == "1 day found"
    record(session, session.diary.today() - dt.timedelta(days=2), mood=5)
    view.refresh()
    assert view.summary.text() == "2 days found"
    assert view.day_list.item(1).text().endswith(": 1 entry, no pain score")


def test_an_invalid_date_range_explains_and_keeps_the_results(qtbot: QtBot, session: DiarySession, make_view) -> None:  # type: ignore[no-untyped-def]
    today = session.diary.today()
    record(session, today - dt.timedelta(days=1), pain=2)
    view = make_view()
    bar = view.filter_bar
    bar.from_check.setChecked(True)
    bar.from_date.setDate(qdate(today - dt.timedelta(days=5)))
    bar.to_check.setChecked(True)
    assert view.summary.text() == "1 day found"
    with qtbot.assertNotEmitted(bar.filter_changed):
        bar.to_date.setDate(qdate(today - dt.timedelta(days=10)))
    assert bar.message.isVisible()
    assert "is after the “to” date" in bar.message.text()
    assert view.summary.text() == "1 day found"  # nothing lost while it is sorted out
    bar.to_date.setDate(qdate(today))
    assert not bar.message.isVisible()
    bar.from_date.setDate(qdate(today))
    assert view.summary.text() == "0 days found"  # from today to today: yesterday is not included
    bar.pain_min.setValue(8)
    bar.pain_max.setValue(3)
    assert "lowest pain score (8) is higher" in bar.message.text()


def test_tag_manager_renames_and_merges_through_the_dialog(
    qtbot: QtBot, session: DiarySession, open_diary: OpenDiary, make_view
) -> None:  # type: ignore[no-untyped-def]
    day = session.diary.today() - dt.timedelta(days=1)
    a = record(session, day, 9, pain=5, tags=(TagRating(DID, "garden", 1),))
    b = record(session, day, 11, pain=5, tags=(TagRating(DID, "Gardening", 3), TagRating(HELPED, "heat")))
    record(session, day, 13, pain=5, tags=(TagRating(HELPED, "Heat pad", 2),))
    view = make_view()
    qtbot.mouseClick(view.manage_tags_button, Qt.MouseButton.LeftButton)
    dialog = view.tag_manager
    assert isinstance(dialog, TagManagerDialog) and dialog.isVisible()
    assert [dialog.tag_list.item(r).text() for r in range(dialog.tag_list.count())] == [
        "garden: used in 1 check-in",
        "Gardening: used in 1 check-in",
        "heat: used in 1 check-in",
        "Heat pad: used in 1 check-in",
    ]
    # A plain rename.
    dialog.select_tag("heat")
    dialog.new_name.selectAll()
    type_into(qtbot, dialog.new_name, "Hot water bottle")
    with qtbot.waitSignal(open_diary.events.changed):
        qtbot.keyClick(dialog.new_name, Qt.Key.Key_Return)
    assert session.diary.get(b.id).tags[1] == TagRating(HELPED, "Hot water bottle")  # type: ignore[union-attr]
    assert "is now called “Hot water bottle”" in dialog.status.text()
    # Renaming onto another tag's name (any case) asks first, then merges, keeping history.
    dialog.select_tag("garden")
    dialog.new_name.selectAll()
    type_into(qtbot, dialog.new_name, "GARDENING")
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    assert dialog.confirm_button.isVisible()
    assert "There is already a tag called “Gardening”" in dialog.message.text()
    assert session.diary.tag_names() == ["garden", "Gardening", "Heat pad", "Hot water bottle"]
    with qtbot.waitSignal(open_diary.events.changed):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert session.diary.get(a.id).tags == (TagRating(DID, "Gardening", 1),)  # type: ignore[union-attr]
    assert dict(session.diary.tags_with_counts())["Gardening"] == 2
    assert dialog.selected_tag() == "Gardening"
    assert dialog.tag_list.currentItem().text() == "Gardening: used in 2 check-ins"
    # Merge with the "into" list; "keep separate" changes nothing.
    dialog.select_tag("Hot water bottle")
    dialog.merge_target.setCurrentIndex(dialog.merge_target.findText("Heat pad"))
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    assert not dialog.confirm_button.isVisible()
    assert "Hot water bottle" in session.diary.tag_names()
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(open_diary.events.changed):
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert session.diary.tags_with_counts() == [("Gardening", 2), ("Heat pad", 2)]
    assert "has been merged into “Heat pad”" in dialog.status.text()
    # The diary's own tag filter offers the new names.
    combo = view.filter_bar.tag
    assert [combo.itemText(i) for i in range(combo.count())] == ["Gardening", "Heat pad"]
    # Problems are explained inline and nothing changes.
    dialog.select_tag("Gardening")
    dialog.new_name.clear()
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    assert dialog.message.isVisible() and "at least one letter" in dialog.message.text()
    assert session.diary.tag_names() == ["Gardening", "Heat pad"]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: view.tag_manager is None)


def test_every_control_is_named_and_the_screen_switches_to_welsh(
    qtbot: QtBot, session: DiarySession, make_view
) -> None:  # type: ignore[no-untyped-def]
    day = session.diary.today() - dt.timedelta(days=1)
    entry = record(session, day, pain=4, tags=(TagRating(DID, "Garddio"),))
    view = make_view()
    view.select_day(day)
    view.delete_entry(entry.id)
    view.undo_delete()
    view.delete_entry(entry.id)  # the undo bar is showing
    assert unnamed_controls(view) == []
    view.undo_delete()
    dialog = view.open_tag_manager()
    assert unnamed_controls(dialog) == []
    dialog.close()
    i18n.set_language("cy")
    assert view.day_list.item(0).text().startswith("Dydd ")
    assert view.day_view.cards[0].text_label.text().startswith("Poen 4 allan o 10")
    assert unnamed_controls(view) == []
    i18n.set_language("en")
    assert view.day_view.cards[0].text_label.text().startswith("Pain 4 out of 10")


def test_tab_goes_from_the_filters_to_the_days_and_into_the_check_ins(
    qtbot: QtBot, session: DiarySession, make_view
) -> None:  # type: ignore[no-untyped-def]
    day = session.diary.today() - dt.timedelta(days=1)
    record(session, day, 9, pain=3)
    record(session, day, 10, pain=4)
    view = make_view()
    view.manage_tags_button.setFocus()
    seen = [view.focusWidget()]
    for _ in range(20):
        qtbot.keyClick(view.focusWidget(), Qt.Key.Key_Tab)
        seen.append(view.focusWidget())
    bar, cards = view.filter_bar, view.day_view.cards
    wanted = [
        view.manage_tags_button,
        bar.from_check,
        bar.to_check,  # the dates are skipped while they are not limits
        bar.tag,
        bar.pain_min,
        bar.pain_max,
        bar.text,
        bar.clear_button,
        view.day_list,
        cards[0],
        cards[0].edit_button,
        cards[0].delete_button,
        cards[1],
        cards[1].edit_button,
        cards[1].delete_button,
    ]
    assert seen[: len(wanted)] == wanted


def test_a_delete_while_the_disk_is_full_still_offers_undo_and_the_banner_offers_retry(
    qtbot: QtBot, make_window: WindowFactory, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window()
    first_run(qtbot, window, "en")
    diary = window.open_diary
    assert diary is not None and window.main_view is not None
    day = diary.clock.today() - dt.timedelta(days=1)
    given = CheckinInput(diary.clock.at(day, dt.time(12)), pain=6, tags=(TagRating(DID, "Walk", 1),), note="keep me")
    done = diary.run(lambda: diary.session.diary.record_checkin(given))
    assert done is not None
    entry = done.value
    window.main_view.show_page("diary")
    view = window.main_view.diary
    assert view.select_day(day)
    vault = data_dir / "diary.vault"
    before = vault.read_bytes()

    def full_disk(_fd: int, _data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "write", full_disk)
    qtbot.mouseClick(view.day_view.card_for(entry.id).delete_button, Qt.MouseButton.LeftButton)  # type: ignore[union-attr]
    assert diary.session.diary.get(entry.id) is None and view.undo_bar.isVisible()
    banner = window.main_view.banner
    qtbot.waitUntil(banner.isVisible, timeout=5000)  # one banner says it is held in memory, not on disk
    box = message_box(window)
    assert box is not None and "disk is full" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    assert view.undo_delete()  # undo still works while the disk is full
    assert diary.session.diary.get(entry.id) == entry  # back, in memory
    assert view.day_view.entry_ids() == [entry.id]
    assert vault.read_bytes() == before  # the file on disk untouched all along
    monkeypatch.undo()  # space freed
    qtbot.mouseClick(banner.retry_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5000)
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    assert window.session is not None and window.session.diary.get(entry.id) == entry
