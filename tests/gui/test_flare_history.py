"""Past flare-ups on the flare-up plan page: listed newest first with their dates and days, opened by keyboard
or mouse to read the after-flare review and change it; in English and Welsh."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from companion import i18n
from companion.services.flares import FlareService
from companion.storage.unit_of_work import UnitOfWork
from companion.ui.companion_window import CompanionWindow
from companion.ui.flare.review_dialog import FlareReviewDialog
from tests.gui.conftest import WindowFactory
from tests.helpers.clock import FakeClock
from tests.helpers.gui import PASSPHRASE, activate, first_run, type_into, unlock


def _past_flares(window: CompanionWindow) -> tuple[str, str]:
    """Two flares that have ended, made with their own clock: 1 to 4 November 2026 (pain 8 at worst, a
    review written) and a few hours on 20 November 2026 (no review). Returns their ids, oldest first."""
    assert window.session is not None
    store = window.session.store
    clock = FakeClock(dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC))
    flares = FlareService(lambda: UnitOfWork(store), clock)
    first, _ = flares.start()
    flares.note_pain(5)
    clock.advance(days=1)
    flares.note_pain(8)
    clock.set(dt.datetime(2026, 11, 4, 18, 0, tzinfo=dt.UTC))
    flares.end()
    flares.review(first.id, "Carrying the shopping", "Heat and short walks", "Ask for a lift")
    clock.set(dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.UTC))
    second, _ = flares.start()
    clock.advance(hours=6)
    flares.end()
    return first.id, second.id


def _items(window: CompanionWindow) -> list[str]:
    assert window.main_view is not None
    listing = window.main_view.plan.history.list
    return [listing.item(row).text() for row in range(listing.count())]


def _dialog(window: CompanionWindow) -> FlareReviewDialog:
    found = [d for d in window.findChildren(FlareReviewDialog) if d.isVisible()]
    assert len(found) == 1
    return found[0]


def _wait_for(qtbot: QtBot, condition: Callable[[], bool]) -> None:
    qtbot.waitUntil(condition, timeout=3000)


def test_past_flares_are_listed_opened_read_and_their_reviews_changed(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    first_run(qtbot, window, "en")
    first, second = _past_flares(window)
    assert window.main_view is not None
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # the flare-up plan page
    plan = window.main_view.plan
    history = plan.history
    assert history.isVisible() and history.title() == "Past flare-ups"
    # Newest first; the days counted by hand: 1, 2, 3 and 4 November.
    assert _items(window) == [
        "20 November 2026, within one day.\nNo review written yet.",
        "1 November 2026 to 4 November 2026: 4 days.\nHighest pain noted: 8 out of 10.\n"
        "You wrote a review afterwards.",
    ]
    # By keyboard: Tab from the review date goes past who the plan was agreed with (and the tick for when) to
    # the list, Down chooses the older flare, Enter opens it.
    plan.review_date.setFocus()
    qtbot.keyClick(plan.review_date, Qt.Key.Key_Tab)
    assert plan.agreement.who.hasFocus()
    qtbot.keyClick(plan.agreement.who, Qt.Key.Key_Tab)
    assert plan.agreement.on.check.hasFocus()
    qtbot.keyClick(plan.agreement.on.check, Qt.Key.Key_Tab)  # the date itself waits for the tick
    assert history.list.hasFocus()
    qtbot.keyClick(history.list, Qt.Key.Key_Down)
    assert history.selected_id() == first
    qtbot.keyClick(history.list, Qt.Key.Key_Return)
    dialog = _dialog(window)
    assert dialog.windowTitle() == "Your flare-up of 1 November 2026 — Companion"
    assert dialog.heading.text() == "Your flare-up of 1 November 2026"
    assert dialog.fields.texts() == ("Carrying the shopping", "Heat and short walks", "Ask for a lift")
    assert "Highest pain noted: 8 out of 10." in dialog.facts.text()
    dialog.fields.questions["helped"].clear()
    type_into(qtbot, dialog.fields.questions["helped"], "Heat, short walks and Siân's soup ŵ")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    _wait_for(qtbot, lambda: not dialog.isVisible())
    assert window.session is not None
    saved = {e.id: e for e in window.session.flares.episodes()}
    assert saved[first].helped == "Heat, short walks and Siân's soup ŵ" and saved[first].reviewed
    assert saved[first].triggers == "Carrying the shopping"
    # The focus goes back to the list, not to the sidebar's Flare-up button.
    _wait_for(qtbot, history.list.hasFocus)
    assert QApplication.focusWidget() is not window.main_view.flare_button
    # The newer one, opened with the button: no review yet; one is written and the list says so at once.
    history.select(second)
    qtbot.mouseClick(history.open_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(window)
    assert dialog.fields.texts() == ("", "", "")
    type_into(qtbot, dialog.fields.questions["triggers"], "A long car journey")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    _wait_for(qtbot, lambda: not dialog.isVisible())
    assert _items(window)[0] == "20 November 2026, within one day.\nYou wrote a review afterwards."
    # Cancel changes nothing.
    history.select(second)
    qtbot.mouseClick(history.open_button, Qt.MouseButton.LeftButton)
    dialog = _dialog(window)
    type_into(qtbot, dialog.fields.questions["helped"], "not kept")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    _wait_for(qtbot, lambda: not dialog.isVisible())
    assert {e.id: e for e in window.session.flares.episodes()}[second].helped == ""

    # In Welsh, whole sentences with the dates in Welsh.
    window.switch_language("cy")
    assert history.title() == i18n.translate_in("cy", "Past flare-ups") != "Past flare-ups"
    assert _items(window)[1].startswith("1 Tachwedd 2026 i 4 Tachwedd 2026: 4 diwrnod.")
    window.switch_language("en")


def test_a_review_being_changed_when_the_diary_locks_comes_back_unsaved(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    first_run(qtbot, window, "en")
    first, _second = _past_flares(window)
    assert window.main_view is not None
    window.main_view.show_page("plan")
    history = window.main_view.plan.history
    history.select(first)
    history.open_selected()
    dialog = _dialog(window)
    dialog.fields.questions["change_next_time"].moveCursor(QTextCursor.MoveOperation.End)
    type_into(qtbot, dialog.fields.questions["change_next_time"], " sooner")
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    assert window.session is not None
    kept = {e.id: e for e in window.session.flares.episodes()}[first]
    assert kept.change_next_time == "Ask for a lift"  # not saved behind the person's back
    dialog = _dialog(window)  # open again, with what was typed and a line saying it is not saved
    assert dialog.fields.questions["change_next_time"].toPlainText() == "Ask for a lift sooner"
    assert dialog.kept.isVisible() and "not saved" in dialog.kept.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert {e.id: e for e in window.session.flares.episodes()}[first].change_next_time == "Ask for a lift sooner"


def test_with_no_flare_ended_yet_the_list_says_so(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    first_run(qtbot, window, "en")
    assert window.main_view is not None
    window.main_view.show_page("plan")
    history = window.main_view.plan.history
    assert not history.list.isVisible() and history.empty.isVisible()
    assert history.empty.text() == "No flare-up has ended yet. When one ends, it is listed here."
    assert not history.open_button.isEnabled()
    # A flare ended in flare mode appears in the list when the plan page is shown again.
    window.main_view.open_flare_mode()
    flare = window.main_view.flare_mode
    flare.start_flare()
    flare.end_flare()
    flare.review.not_now()
    window.main_view.leave_flare_mode()
    window.main_view.show_page("plan")
    assert history.list.count() == 1 and history.list.isVisible()
    assert history.list.item(0).text().endswith("within one day.\nNo review written yet.")
