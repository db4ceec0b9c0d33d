"""Edit, delete and undo from the Diary, then search; all of it survives lock and unlock of the real vault."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from companion import i18n
from companion.domain.checkin import CheckinInput, TagKind, TagRating
from companion.ui.checkin.checkin_dialog import CheckinEditDialog
from tests.gui.conftest import WindowFactory
from tests.helpers.gui import PASSPHRASE, first_run, type_into, unlock


def _relock(qtbot: QtBot, window) -> None:  # type: ignore[no-untyped-def]
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    assert window.main_view is not None


def test_edit_delete_undo_and_search_survive_lock_and_unlock(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    first_run(qtbot, window, "en")
    diary = window.session.diary
    two_days_ago = dt.datetime.combine(dt.date.today() - dt.timedelta(days=2), dt.time(10, 0)).astimezone()
    edited, _ = diary.record_checkin(
        CheckinInput(two_days_ago, pain=4, note="before the edit", tags=(TagRating(TagKind.DID, "gardening", 2),))
    )
    doomed, _ = diary.record_checkin(CheckinInput(two_days_ago + dt.timedelta(hours=2), pain=6, note="to delete"))

    main = window.main_view
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert main.current_page() == "diary"
    view = main.diary
    assert view.select_day(two_days_ago.date())
    card = next(c for c in view.day_view.cards if c.entry_id == edited.id)
    qtbot.mouseClick(card.edit_button, Qt.MouseButton.LeftButton)
    dialog = next(d for d in window.findChildren(CheckinEditDialog) if d.isVisible())
    assert dialog.form.pain.score() == 4 and dialog.form.note.toPlainText() == "before the edit"
    qtbot.mouseClick(dialog.form.pain.buttons[7], Qt.MouseButton.LeftButton)
    dialog.form.note.clear()
    type_into(qtbot, dialog.form.note, "after the edit ŵ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()

    assert view.select_day(two_days_ago.date())
    card = next(c for c in view.day_view.cards if c.entry_id == doomed.id)
    qtbot.mouseClick(card.delete_button, Qt.MouseButton.LeftButton)
    assert diary.get(doomed.id) is None
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    assert diary.get(doomed.id) is not None
    view.delete_entry(doomed.id)  # deleted for good this time

    _relock(qtbot, window)
    diary = window.session.diary
    after = diary.get(edited.id)
    assert after is not None and after.pain == 7 and after.note == "after the edit ŵ"
    assert after.recorded_at == edited.recorded_at and [t.name for t in after.tags] == ["gardening"]
    assert diary.get(doomed.id) is None

    window.main_view.show_page("diary")
    view = window.main_view.diary
    type_into(qtbot, view.filter_bar.text, "AFTER the EDIT")
    qtbot.waitUntil(lambda: view.summary.text() == "1 day found", timeout=3000)


def test_an_edit_open_when_the_diary_locks_comes_back_unsaved_after_unlock(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """Nothing typed is lost by a lock, and nothing is saved that the person did not save: the edit comes
    back, open, after unlocking."""
    window = make_window()
    first_run(qtbot, window, "en")
    entry, _ = window.session.diary.record_checkin(CheckinInput(dt.datetime.now().astimezone(), pain=3, note="x"))
    dialog = window.open_edit_dialog(entry.id)
    assert dialog is not None
    qtbot.mouseClick(dialog.form.pain.buttons[9], Qt.MouseButton.LeftButton)
    window.idle.set_minutes(0.3 / 60)
    with qtbot.waitSignal(window.locked, timeout=5000):
        pass
    unlock(qtbot, window, PASSPHRASE)
    assert window.session.diary.get(entry.id).pain == 3  # not saved behind the person's back
    from companion.ui.checkin.checkin_dialog import CheckinEditDialog

    reopened = [d for d in window.findChildren(CheckinEditDialog) if d.isVisible()]
    assert len(reopened) == 1 and reopened[0].form.pain.score() == 9
    qtbot.mouseClick(reopened[0].save_button, Qt.MouseButton.LeftButton)
    assert window.session.diary.get(entry.id).pain == 9


def test_welsh_plurals_for_entries_and_days() -> None:
    i18n.set_language("cy")
    entries = [i18n.ngettext("{n} entry today", "{n} entries today", n).format(n=n) for n in (0, 1, 2, 3, 6, 11)]
    days = [i18n.ngettext("{n} day found", "{n} days found", n).format(n=n) for n in (0, 1, 2, 3, 6, 11)]
    # The noun after the number mutates as it is spoken: 2 gofnod, 3 chofnod, 6 chofnod, 11 cofnod.
    assert [e.split(" heddiw")[0] for e in entries] == [
        "0 cofnod",
        "1 cofnod",
        "2 gofnod",
        "3 chofnod",
        "6 chofnod",
        "11 cofnod",
    ]
    assert [d.split(" ", 1)[0] for d in days] == ["0", "1", "2", "3", "6", "11"]
    assert "ddiwrnod" in days[2] and all("diwrnod" in d for d in days)


def test_the_tag_manager_and_the_supporter_sheet_come_back_after_a_lock_with_nothing_changed(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    from PySide6.QtWidgets import QApplication

    from companion.ui.diary.tag_manager_dialog import TagManagerDialog
    from companion.ui.flare.supporter_sheet_dialog import SupporterSheetDialog

    window = make_window()
    first_run(qtbot, window, "en")
    diary = window.open_diary
    at = dt.datetime.combine(dt.date.today() - dt.timedelta(days=1), dt.time(9)).astimezone()
    given = CheckinInput(at, pain=4, tags=(TagRating(TagKind.DID, "garden"),))
    diary.run(lambda: diary.session.diary.record_checkin(given))
    window.main_view.show_page("diary")
    tags = window.main_view.diary.open_tag_manager()
    tags.select_tag("garden")
    tags.new_name.selectAll()
    type_into(qtbot, tags.new_name, "Gardening ŵ")
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    (reopened,) = [d for d in window.findChildren(TagManagerDialog) if d.isVisible()]
    assert reopened.selected_tag() == "garden" and reopened.new_name.text() == "Gardening ŵ"
    assert "Nothing was saved or changed" in reopened.status.text()
    assert window.session.diary.tag_names() == ["garden"]  # not renamed behind the person's back
    reopened.reject()
    window.main_view.show_page("plan")
    window.main_view.plan.open_supporter_sheet()
    sheet = window.main_view.plan.sheet_dialog
    sheet.section_checks["first_steps"].setChecked(False)
    type_into(qtbot, sheet.name_edit, "Siân")
    sheet.language_combo.setCurrentIndex(sheet.language_combo.findData("cy"))
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    (sheet,) = [d for d in window.findChildren(SupporterSheetDialog) if d.isVisible()]
    assert sheet.name_edit.text() == "Siân" and sheet.sheet_language() == "cy"
    assert "first_steps" not in sheet.chosen_sections()
    assert "Nothing was saved or changed" in sheet.status.text()
    sheet.reject()
    QApplication.processEvents()
