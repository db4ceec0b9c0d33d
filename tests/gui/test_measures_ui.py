"""The weekly PEG check, the optional mood check and the banner that says they are due, driven like a person
would: keys and clicks on real widgets over a real (cheaply encrypted) diary."""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from companion import i18n
from companion.domain.errors import ValidationError
from companion.domain.measures import SCREEN_FOLLOW_UP, WELSH_NOT_VALIDATED, Instrument
from companion.services.session import DiarySession
from companion.storage import atomic
from companion.ui.companion_window import CompanionWindow
from companion.ui.core.standalone import standalone_diary
from companion.ui.measures.due_banner import MeasuresDueBanner
from companion.ui.measures.mood_screen_dialog import MoodScreenDialog
from companion.ui.measures.peg_dialog import PegDialog
from tests.gui.conftest import WindowFactory
from tests.gui.test_accessibility import unnamed_controls
from tests.helpers.gui import PASSPHRASE, first_run, message_box, record_pain, unlock
from tests.helpers.sql_statements import selects, statements

NUMBER_KEYS = {n: getattr(Qt.Key, f"Key_{n}") for n in range(10)}


pytestmark = pytest.mark.usefixtures("bridge")  # Qt's own strings translated, as in the app


def show(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.addWidget(widget)
    with qtbot.waitExposed(widget):
        widget.show()
    with qtbot.waitActive(widget):
        widget.activateWindow()


def focused(widget: QWidget) -> QWidget:
    focus = widget.focusWidget()
    assert focus is not None
    return focus


def press(qtbot: QtBot, dialog: QWidget, key: Qt.Key) -> None:
    qtbot.keyClick(focused(dialog), key)


# PEG --------------------------------------------------------------------------------------------------


def test_peg_by_keyboard_alone_records_and_shows_the_score(qtbot: QtBot, session: DiarySession) -> None:
    dialog = PegDialog(standalone_diary(session))
    show(qtbot, dialog)
    assert dialog.windowTitle() == "Weekly check: pain, enjoyment and activity (PEG) — Companion"
    assert focused(dialog) is dialog.pickers[0].buttons[0]
    for index, value in enumerate((7, 5, 6)):
        assert not dialog.save.isEnabled()
        press(qtbot, dialog, NUMBER_KEYS[value])
        assert dialog.pickers[index].score() == value
        press(qtbot, dialog, Qt.Key.Key_Tab)  # one Tab per question, then Save
    assert dialog.score_label.text() == "Your PEG score: 6.0 out of 10"
    assert dialog.score_scale.text() == "0 = no pain and no interference, 10 = the worst on all three questions"
    assert focused(dialog) is dialog.save and dialog.save.isEnabled()
    with qtbot.waitSignal(dialog.recorded) as recorded:
        press(qtbot, dialog, Qt.Key.Key_Return)
    response = recorded.args[0]
    assert (response.pain_average, response.enjoyment, response.activity, response.score) == (7, 5, 6, 6.0)
    assert not dialog.isVisible()
    assert [r.id for r in session.measures.peg_history()] == [response.id]
    assert not session.measures.peg_due()


def test_peg_save_waits_for_all_three_and_arrows_change_an_answer(qtbot: QtBot, session: DiarySession) -> None:
    dialog = PegDialog(standalone_diary(session))
    show(qtbot, dialog)
    assert dialog.score_label.text() == "Answer all three questions to see your score."
    qtbot.mouseClick(dialog.pickers[0].buttons[1], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.pickers[1].buttons[2], Qt.MouseButton.LeftButton)
    assert not dialog.save.isEnabled()
    press(qtbot, dialog, Qt.Key.Key_Enter)  # Enter does nothing while Save is disabled
    assert dialog.isVisible() and session.measures.peg_history() == []
    qtbot.mouseClick(dialog.pickers[2].buttons[3], Qt.MouseButton.LeftButton)
    assert dialog.save.isEnabled()
    assert dialog.score_label.text() == "Your PEG score: 2.0 out of 10"
    dialog.pickers[2].buttons[3].setFocus()
    press(qtbot, dialog, Qt.Key.Key_Left)
    assert dialog.pickers[2].score() == 2
    assert dialog.score_label.text() == "Your PEG score: 1.7 out of 10"
    # Only the chosen number of each question is a Tab stop.
    stops = [b for p in dialog.pickers for b in p.buttons if b.focusPolicy() & Qt.FocusPolicy.TabFocus]
    assert stops == [dialog.pickers[0].buttons[1], dialog.pickers[1].buttons[2], dialog.pickers[2].buttons[2]]
    assert unnamed_controls(dialog) == []


def test_escape_closes_the_peg_check_without_saving(qtbot: QtBot, session: DiarySession) -> None:
    dialog = PegDialog(standalone_diary(session))
    show(qtbot, dialog)
    for picker in dialog.pickers:
        picker.set_score(4)
    with qtbot.assertNotEmitted(dialog.recorded):
        press(qtbot, dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert session.measures.peg_history() == []


def test_a_refused_peg_shows_the_message_in_the_dialog(
    qtbot: QtBot, session: DiarySession, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_args: int) -> None:
        raise ValidationError("Answer each of the three questions with a number from 0 to 10.")

    monkeypatch.setattr(session.measures, "record_peg", refuse)
    dialog = PegDialog(standalone_diary(session))
    show(qtbot, dialog)
    for picker in dialog.pickers:
        picker.set_score(5)
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.isVisible() and "0 to 10" in dialog.error.text()


def _full_disk(_fd: int, _data: object) -> int:
    raise OSError(errno.ENOSPC, "No space left on device")


def _window_after_a_check_in(qtbot: QtBot, make_window: WindowFactory) -> CompanionWindow:
    window = make_window()
    first_run(qtbot, window, "en")
    record_pain(qtbot, window, 4, "")
    return window


def _retry_after_space_is_freed(
    qtbot: QtBot, window: CompanionWindow, vault: Path, before: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.main_view is not None
    banner = window.main_view.banner
    qtbot.waitUntil(banner.isVisible, timeout=5000)  # the one banner: not saved to disk yet
    box = message_box(window)
    assert box is not None and "disk is full" in box.text()
    assert vault.read_bytes() == before  # the old file untouched
    monkeypatch.undo()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Retry), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=5000)
    assert vault.read_bytes() != before


def test_a_failed_save_of_the_weekly_check_keeps_the_answers_and_offers_retry(
    qtbot: QtBot, make_window: WindowFactory, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window_after_a_check_in(qtbot, make_window)
    assert window.main_view is not None and window.session is not None
    due = window.main_view.today.measures_banner
    assert due.peg_row.isVisible()
    qtbot.mouseClick(due.peg_button, Qt.MouseButton.LeftButton)
    dialog = due.peg_dialog
    assert dialog is not None
    for picker, value in zip(dialog.pickers, (3, 4, 5), strict=True):
        picker.set_score(value)
    vault = data_dir / "diary.vault"
    before = vault.read_bytes()
    monkeypatch.setattr(atomic.os, "write", _full_disk)
    with qtbot.waitSignal(dialog.recorded):
        qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()  # recorded in memory: the answers are not lost
    assert [r.score for r in window.session.measures.peg_history()] == [4.0]
    assert not due.peg_row.isVisible()  # no longer due
    _retry_after_space_is_freed(qtbot, window, vault, before, monkeypatch)


# Mood check -------------------------------------------------------------------------------------------


def answer_mood_by_keyboard(qtbot: QtBot, dialog: MoodScreenDialog, answers: tuple[int, ...]) -> None:
    """Space chooses the first answer, Right moves the choice along, Tab goes to the next question."""
    assert focused(dialog) is dialog.questions[0].radios[0]
    for question, value in zip(dialog.questions, answers, strict=True):
        assert focused(dialog) is question.radios[0]
        press(qtbot, dialog, Qt.Key.Key_Space)
        for _step in range(value):
            press(qtbot, dialog, Qt.Key.Key_Right)
        assert question.answer() == value
        press(qtbot, dialog, Qt.Key.Key_Tab)


def test_mood_check_scoring_3_suggests_the_gp_and_shows_support_numbers(qtbot: QtBot, session: DiarySession) -> None:
    dialog = MoodScreenDialog(standalone_diary(session))
    show(qtbot, dialog)
    assert "optional and private" in dialog.intro.text()
    assert dialog.skip.isVisible()
    answer_mood_by_keyboard(qtbot, dialog, (1, 2, 0, 0))
    assert focused(dialog) is dialog.save and dialog.save.isEnabled()
    with qtbot.waitSignal(dialog.recorded) as recorded:
        press(qtbot, dialog, Qt.Key.Key_Return)
    phq, gad = recorded.args[0]
    assert (phq.instrument, phq.score, gad.instrument, gad.score) == (Instrument.PHQ2, 3, Instrument.GAD2, 0)
    assert dialog.isVisible()  # the result page
    assert dialog.score_labels[Instrument.PHQ2].text() == "Low mood (PHQ-2): 3 out of 6"
    assert dialog.score_labels[Instrument.GAD2].text() == "Worry (GAD-2): 0 out of 6"
    assert dialog.follow_up.isVisible() and dialog.follow_up.text() == SCREEN_FOLLOW_UP
    assert dialog.contacts_box.isVisible()
    contacts = "\n".join(card.text() for card in dialog.contact_cards)
    assert "Samaritans" in contacts and "116 123" in contacts and "0808 164 0123" in contacts
    assert "0800 132 737" in contacts and "999" in contacts and "option 2" in contacts
    shown = " ".join(w.text() for w in dialog.findChildren(QWidget) if hasattr(w, "text") and w.isVisible())
    assert "you have depression" not in shown.lower() and "you have anxiety" not in shown.lower()
    assert [s.score for s in session.measures.screens()] == [3, 0]
    assert not session.measures.screen_due()
    assert unnamed_controls(dialog) == []
    # The result is text: it takes the keyboard focus so it can be scrolled, then Tab reaches Close.
    bar = dialog.body.verticalScrollBar()
    assert focused(dialog) is dialog.body
    if bar.maximum() > 0:  # longer than this (small, offscreen) screen
        press(qtbot, dialog, Qt.Key.Key_PageDown)
        assert bar.value() > 0
    press(qtbot, dialog, Qt.Key.Key_Tab)
    assert focused(dialog) is dialog.close_button
    press(qtbot, dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_mood_check_below_3_thanks_without_a_follow_up(qtbot: QtBot, session: DiarySession) -> None:
    dialog = MoodScreenDialog(standalone_diary(session))
    show(qtbot, dialog)
    for question, value in zip(dialog.questions, (1, 1, 2, 0), strict=True):
        assert not dialog.save.isEnabled()
        qtbot.mouseClick(question.radios[value], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert dialog.score_labels[Instrument.PHQ2].text() == "Low mood (PHQ-2): 2 out of 6"
    assert dialog.score_labels[Instrument.GAD2].text() == "Worry (GAD-2): 2 out of 6"
    assert not dialog.follow_up.isVisible() and not dialog.contacts_box.isVisible()
    assert dialog.thanks.isVisible()
    assert dialog.thanks.text() == "Thank you. Your answers are saved in your diary."
    assert dialog.support_note.isVisible() and "top of Support" in dialog.support_note.text()
    assert dialog.close_button.isVisible() and not dialog.save.isVisible() and not dialog.skip.isVisible()
    assert focused(dialog) is dialog.close_button
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_skipping_the_mood_check_saves_nothing(qtbot: QtBot, session: DiarySession) -> None:
    dialog = MoodScreenDialog(standalone_diary(session))
    show(qtbot, dialog)
    qtbot.mouseClick(dialog.questions[0].radios[3], Qt.MouseButton.LeftButton)
    with qtbot.assertNotEmitted(dialog.recorded):
        qtbot.mouseClick(dialog.skip, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert session.measures.screens() == []


def test_a_failed_save_of_the_mood_check_still_shows_the_result_and_offers_retry(
    qtbot: QtBot, make_window: WindowFactory, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window_after_a_check_in(qtbot, make_window)
    assert window.main_view is not None and window.session is not None
    dialog = window.main_view.today.measures_banner.open_mood_screen()
    for question, value in zip(dialog.questions, (0, 0, 3, 3), strict=True):
        qtbot.mouseClick(question.radios[value], Qt.MouseButton.LeftButton)
    vault = data_dir / "diary.vault"
    before = vault.read_bytes()
    monkeypatch.setattr(atomic.os, "write", _full_disk)
    with qtbot.waitSignal(dialog.recorded):
        qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert dialog.score_labels[Instrument.GAD2].text() == "Worry (GAD-2): 6 out of 6"
    assert dialog.follow_up.isVisible()
    assert [s.score for s in window.session.measures.screens()] == [0, 6]  # both held in memory
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    _retry_after_space_is_freed(qtbot, window, vault, before, monkeypatch)


# The banner -------------------------------------------------------------------------------------------


def _diary_in_use_for_two_weeks(session: DiarySession) -> None:
    """A first check-in 15 days ago: the weekly check and the mood check are both due."""
    session.diary.record_pain(4, at=session.clock() - dt.timedelta(days=15))


def test_banner_shows_what_is_due_and_hides_once_answered(qtbot: QtBot, session: DiarySession) -> None:
    _diary_in_use_for_two_weeks(session)
    banner = MeasuresDueBanner(standalone_diary(session))
    show(qtbot, banner)
    assert banner.box.isVisible() and banner.peg_row.isVisible() and banner.mood_row.isVisible()
    assert banner.peg_text.text() == "Your weekly pain check (PEG) is due."
    assert banner.peg_button.text() == "&Answer 3 questions"
    assert banner.mood_text.text() == "Optional: a 4-question mood check for this month."
    assert unnamed_controls(banner) == []

    qtbot.mouseClick(banner.peg_button, Qt.MouseButton.LeftButton)
    peg = banner.peg_dialog
    assert peg is not None and peg.isVisible()
    assert peg.windowModality() == Qt.WindowModality.WindowModal
    for picker, value in zip(peg.pickers, (7, 5, 6), strict=True):
        picker.set_score(value)
    with qtbot.waitSignal(banner.peg_recorded) as recorded:
        qtbot.mouseClick(peg.save, Qt.MouseButton.LeftButton)
    assert recorded.args[0].score == 6.0
    assert banner.peg_dialog is None
    assert banner.box.isVisible() and not banner.peg_row.isVisible() and banner.mood_row.isVisible()
    assert banner.peg_any_time_row.isVisible()  # answered: offered again, and for correcting, at any time

    qtbot.mouseClick(banner.mood_button, Qt.MouseButton.LeftButton)
    mood = banner.mood_dialog
    assert mood is not None and mood.isVisible()
    for question in mood.questions:
        qtbot.mouseClick(question.radios[0], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(banner.screens_recorded):
        qtbot.mouseClick(mood.save, Qt.MouseButton.LeftButton)
    assert not banner.mood_row.isVisible()  # nothing left to do, even while the result is still being read
    assert banner.box.frameShape() == banner.box.Shape.NoFrame  # only the quiet line offering the weekly check
    qtbot.mouseClick(mood.close_button, Qt.MouseButton.LeftButton)
    assert banner.mood_dialog is None and not banner.mood_row.isVisible()


def test_not_now_hides_the_mood_check_for_this_session(qtbot: QtBot, session: DiarySession) -> None:
    _diary_in_use_for_two_weeks(session)
    session.measures.record_peg(1, 1, 1)
    banner = MeasuresDueBanner(standalone_diary(session))
    show(qtbot, banner)
    assert banner.box.isVisible() and not banner.peg_row.isVisible() and banner.mood_row.isVisible()
    qtbot.mouseClick(banner.not_now, Qt.MouseButton.LeftButton)
    assert not banner.mood_row.isVisible()
    banner.refresh()
    assert not banner.mood_row.isVisible()
    assert session.measures.screens() == []
    later = MeasuresDueBanner(standalone_diary(session))  # the next unlock makes a new banner
    show(qtbot, later)
    assert later.box.isVisible() and later.mood_row.isVisible()


# Welsh ------------------------------------------------------------------------------------------------


def test_welsh_shows_the_not_validated_note_in_both_dialogs(qtbot: QtBot, session: DiarySession) -> None:
    peg = PegDialog(standalone_diary(session))
    show(qtbot, peg)
    assert not peg.not_validated.isVisible()  # English: the published wording
    i18n.set_language("cy")  # a live switch: the open dialog retranslates itself
    assert peg.not_validated.isVisible()
    assert peg.not_validated.text() == i18n._(WELSH_NOT_VALIDATED)
    assert peg.save.text() == "&Cadw"
    assert peg.pickers[0].low_anchor.text() == "0 = dim poen"  # each question keeps its own anchors
    assert peg.pickers[1].low_anchor.text() == i18n._("0 = does not interfere")
    assert peg.pickers[1].buttons[4].accessibleName() == i18n._("Question {number}: {score} out of 10").format(
        number=2, score=4
    )
    assert unnamed_controls(peg) == []

    mood = MoodScreenDialog(standalone_diary(session))
    show(qtbot, mood)
    assert mood.not_validated.isVisible()
    for question in mood.questions:
        qtbot.mouseClick(question.radios[2], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(mood.save, Qt.MouseButton.LeftButton)
    assert mood.not_validated.isVisible()  # still there on the result page
    assert mood.follow_up.isVisible()
    call = next(card for card in mood.contact_cards if card.contact.key == "call")
    assert call.name.text() == "Llinell Gymorth CALL"
    assert unnamed_controls(mood) == []
    i18n.set_language("en")
    assert not mood.not_validated.isVisible()
    assert call.name.text() == "CALL Mental Health Listening Line for Wales"


# Asked at the right time, reachable at any time ---------------------------------------------------------


def test_a_new_diary_asks_for_no_questionnaire_before_its_first_check_in(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    first_run(qtbot, window, "en")
    assert window.main_view is not None and window.session is not None
    banner = window.main_view.today.measures_banner
    assert not banner.box.isVisible()  # nothing asked of a diary with nothing in it
    today = window.session.clock().date()
    assert window.tray_control.facts(today) == (False, False)  # nor by a reminder: the weekly check is not due
    with statements(window.session) as seen:
        record_pain(qtbot, window, 4, "")
    # The first check-in: the weekly check is due from today (known without reading: a check-in reads
    # nothing); the mood check waits two weeks.
    assert banner.box.isVisible() and banner.peg_row.isVisible() and not banner.mood_row.isVisible()
    assert selects(seen) == []
    assert window.tray_control.facts(today) == (True, True)
    assert window.lock_now()  # and read from the diary at the next unlock, the same
    unlock(qtbot, window, PASSPHRASE)
    assert window.main_view is not None
    banner = window.main_view.today.measures_banner
    assert banner.peg_row.isVisible() and not banner.mood_row.isVisible()


def test_the_weekly_check_is_offered_on_today_at_any_time_and_the_latest_answers_can_be_corrected(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = _window_after_a_check_in(qtbot, make_window)
    assert window.main_view is not None and window.session is not None
    banner = window.main_view.today.measures_banner
    qtbot.mouseClick(banner.peg_button, Qt.MouseButton.LeftButton)
    assert banner.peg_dialog is not None
    for picker, value in zip(banner.peg_dialog.pickers, (7, 5, 6), strict=True):
        picker.set_score(value)
    qtbot.mouseClick(banner.peg_dialog.save, Qt.MouseButton.LeftButton)
    (first,) = window.session.measures.peg_history()
    # Not due any more, yet offered: answer again, or correct what was just saved.
    assert not banner.peg_row.isVisible() and banner.peg_any_time_row.isVisible()
    assert banner.peg_last_text.text().startswith("Weekly pain check (PEG): last answered on ")
    assert unnamed_controls(banner) == []
    qtbot.mouseClick(banner.peg_correct_button, Qt.MouseButton.LeftButton)
    dialog = banner.peg_dialog
    assert dialog is not None and dialog.isVisible() and dialog.windowModality() == Qt.WindowModality.WindowModal
    assert dialog.windowTitle() == "Correct your latest weekly check (PEG) — Companion"
    assert [picker.score() for picker in dialog.pickers] == [7, 5, 6]  # filled in: change only what is wrong
    assert dialog.save.isEnabled()
    qtbot.mouseClick(dialog.pickers[0].buttons[1], Qt.MouseButton.LeftButton)
    assert dialog.score_label.text() == "Your PEG score: 4.0 out of 10"  # (1 + 5 + 6) / 3 by hand
    with qtbot.waitSignal(banner.peg_recorded):
        qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    (corrected,) = window.session.measures.peg_history()  # corrected, not a second answer
    assert (corrected.id, corrected.taken_at) == (first.id, first.taken_at)
    assert (corrected.pain_average, corrected.enjoyment, corrected.activity) == (1, 5, 6)
    assert [c.before for c in window.session.measures.peg_corrections(first.id)] == [(7, 5, 6)]
    # Answering again at any time records a new answer.
    qtbot.mouseClick(banner.peg_again_button, Qt.MouseButton.LeftButton)
    again = banner.peg_dialog
    assert again is not None and again.heading.text() == "Weekly check: pain, enjoyment and activity (PEG)"
    assert [picker.score() for picker in again.pickers] == [None, None, None]
    again.reject()


def test_trends_offers_the_weekly_check_and_its_correction_beside_the_peg_chart(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = _window_after_a_check_in(qtbot, make_window)
    assert window.main_view is not None and window.session is not None
    window.main_view.show_page("trends")
    trends = window.main_view.trends
    trends.chart_list.setCurrentRow(
        next(
            r
            for r in range(trends.chart_list.count())
            if trends.chart_list.item(r).data(Qt.ItemDataRole.UserRole) == "peg"
        )
    )
    entry = trends.peg_entry
    qtbot.waitUntil(entry.isVisible)
    assert entry.text() == "Weekly pain check (PEG)" and entry.accessibleName()
    assert not entry.correct_action.isEnabled()  # nothing to correct yet
    entry.answer_action.trigger()
    dialog = entry.dialog
    assert dialog is not None and dialog.isVisible() and dialog.correcting is None
    for picker, value in zip(dialog.pickers, (4, 4, 4), strict=True):
        picker.set_score(value)
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert entry.correct_action.isEnabled()  # the button heard of the answer through the change events
    assert "nothing yet" not in trends.chart_list.currentItem().text()  # and so did the chart
    entry.correct_action.trigger()
    correcting = entry.dialog
    assert correcting is not None and [p.score() for p in correcting.pickers] == [4, 4, 4]
    correcting.reject()
    assert [r.score for r in window.session.measures.peg_history()] == [4.0]


def test_sources_and_licences_are_one_click_away_not_on_the_questionnaires(qtbot: QtBot, session: DiarySession) -> None:
    from companion.ui.measures.about_dialog import AboutMeasuresDialog

    for dialog in (PegDialog(standalone_diary(session)), MoodScreenDialog(standalone_diary(session))):
        show(qtbot, dialog)
        shown = " ".join(w.text() for w in dialog.findChildren(QWidget) if hasattr(w, "text") and w.isVisible())
        for word in ("Source", "Krebs", "Kroenke", "Pfizer", "IMMPACT", "licen", "reproduce"):
            assert word not in shown
        qtbot.mouseClick(dialog.about, Qt.MouseButton.LeftButton)
        about = dialog.findChild(AboutMeasuresDialog)
        assert about is not None and about.isVisible()
        assert about.windowModality() == Qt.WindowModality.WindowModal
        words = " ".join(text.text() for text in about.texts.values())
        assert "Krebs EE" in words and "Kroenke K" in words and "Pfizer" in words and "Dworkin RH" in words
        assert "0 = no pain, 10 = pain as bad as you can imagine" in words
        assert unnamed_controls(about) == []
        qtbot.mouseClick(about.close_button, Qt.MouseButton.LeftButton)
        assert not about.isVisible()
        dialog.reject()


def test_the_mood_result_leads_with_kind_words_then_help_999_first_then_the_scores(
    qtbot: QtBot, session: DiarySession
) -> None:
    dialog = MoodScreenDialog(standalone_diary(session))
    show(qtbot, dialog)
    for question in dialog.questions:
        qtbot.mouseClick(question.radios[3], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert dialog.thanks.text().startswith("Thank you for answering.")
    first_contact = next(card for card in dialog.contact_cards if card.isVisible())
    assert first_contact.contact.key == "emergency" and "999" in first_contact.text()
    order = [
        dialog.thanks,
        dialog.follow_up,
        dialog.contacts_box,
        dialog.scores_heading,
        dialog.score_labels[Instrument.PHQ2],
    ]
    tops = [widget.mapTo(dialog.result_page, widget.rect().topLeft()).y() for widget in order]
    assert tops == sorted(tops) and len(set(tops)) == len(tops)
    assert dialog.score_labels[Instrument.PHQ2].text() == "Low mood (PHQ-2): 6 out of 6"
    assert dialog.scores_scale.text() == "0 = not at all, 6 = nearly every day for both questions"


def test_urgent_help_is_pinned_at_the_top_of_support_999_first(qtbot: QtBot, session: DiarySession) -> None:
    from companion.ui.support.support_view import SupportView

    view = SupportView(standalone_diary(session))
    view.resize(1000, 720)
    show(qtbot, view)
    box = view.urgent_help
    assert box.parentWidget() is view  # not inside the scrolling list: always in view
    assert box.y() < view.search.y() and box.y() < view.scroll_area.y()
    assert box.heading.text() == "Need help now?"
    # One line for each number, the number first: 999, then 111, then someone to talk to, top to bottom.
    assert [number.text() for number in box.numbers] == ["999", "111", "116 123"]
    tops = [number.y() for number in box.numbers]
    assert tops == sorted(tops) and len(set(tops)) == 3
    for number, line in zip(box.numbers, box.lines, strict=True):
        assert number.x() < line.x() and abs(number.y() - line.y()) <= 2  # the number, then what it is for
        assert number.font().bold() and number.isVisible() and line.isVisible()
    assert box.lines[0].text().startswith("An emergency")
    assert "NHS 111 Wales" in box.lines[1].text() and "NHS 24" in box.lines[1].text()
    assert "Samaritans" in box.lines[2].text() and "0808 164 0123" in box.lines[2].text()
    assert box.accessibleDescription().startswith("999: An emergency")
    i18n.set_language("cy")
    try:
        assert box.heading.text() == i18n._("Need help now?") != "Need help now?"
        assert [number.text() for number in box.numbers] == ["999", "111", "116 123"]
        assert box.lines[0].text() == i18n._("An emergency, or in danger now") != "An emergency, or in danger now"
    finally:
        i18n.set_language("en")


# Answers chosen but not saved, over a lock ------------------------------------------------------------


def test_answers_chosen_in_the_weekly_check_come_back_unsaved_after_a_lock(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = _window_after_a_check_in(qtbot, make_window)
    assert window.main_view is not None
    dialog = window.main_view.today.measures_banner.open_peg()
    dialog.pickers[0].set_score(6)
    dialog.pickers[1].set_score(2)
    assert window.lock_now()
    assert not dialog.isVisible() if shiboken_alive(dialog) else True
    unlock(qtbot, window, PASSPHRASE)
    assert window.session is not None and window.session.measures.peg_history() == []  # nothing saved
    revived = [d for d in window.findChildren(PegDialog) if d.isVisible()]
    assert len(revived) == 1
    assert [p.score() for p in revived[0].pickers] == [6, 2, None]
    assert revived[0].kept.isVisible() and "kept when the diary locked" in revived[0].kept.text()
    revived[0].pickers[2].set_score(4)
    qtbot.mouseClick(revived[0].save, Qt.MouseButton.LeftButton)
    assert [r.score for r in window.session.measures.peg_history()] == [4.0]  # (6 + 2 + 4) / 3
    # Answered and saved: nothing comes back after the next lock.
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    assert [d for d in window.findChildren(PegDialog) if d.isVisible()] == []


def test_answers_chosen_in_the_mood_check_come_back_unsaved_after_a_lock(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = _window_after_a_check_in(qtbot, make_window)
    assert window.main_view is not None
    dialog = window.main_view.today.measures_banner.open_mood_screen()
    qtbot.mouseClick(dialog.questions[1].radios[2], Qt.MouseButton.LeftButton)
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    assert window.session is not None and window.session.measures.screens() == []
    (revived,) = [d for d in window.findChildren(MoodScreenDialog) if d.isVisible()]
    assert [q.answer() for q in revived.questions] == [None, 2, None, None]
    assert revived.kept.isVisible()
    revived.reject()


def shiboken_alive(widget: QWidget) -> bool:
    import shiboken6

    return bool(shiboken6.isValid(widget))
