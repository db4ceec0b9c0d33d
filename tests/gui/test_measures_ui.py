"""The weekly PEG check, the optional mood check and the banner that says they are due, driven like a person
would: keys and clicks on real widgets over a real (cheaply encrypted) diary."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from companion import i18n
from companion.domain.errors import SaveFailedError, ValidationError
from companion.domain.measures import SCREEN_FOLLOW_UP, WELSH_NOT_VALIDATED, Instrument
from companion.services.session import DiarySession
from companion.ui.core.standalone import standalone_diary
from companion.ui.measures.due_banner import MeasuresDueBanner
from companion.ui.measures.mood_screen_dialog import MoodScreenDialog
from companion.ui.measures.peg_dialog import PegDialog
from tests.gui.test_accessibility import unnamed_controls

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


@pytest.mark.xfail(reason="UI core migration in progress: this section still relays save_failed", strict=False)
def test_a_failed_save_hands_over_to_the_retry_flow_and_closes(
    qtbot: QtBot, session: DiarySession, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(_image: bytes) -> None:
        raise SaveFailedError(reason="the disk is full")

    monkeypatch.setattr(session.store.vault, "save", disk_full)
    dialog = PegDialog(standalone_diary(session))
    show(qtbot, dialog)
    for picker, value in zip(dialog.pickers, (3, 4, 5), strict=True):
        picker.set_score(value)
    with qtbot.waitSignal(dialog.save_failed) as failed, qtbot.assertNotEmitted(dialog.recorded):
        qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert isinstance(failed.args[0], SaveFailedError)
    assert not dialog.isVisible()
    assert [r.score for r in session.measures.peg_history()] == [4.0]  # held in memory
    monkeypatch.undo()
    session.retry_save()


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
    assert dialog.score_labels[Instrument.PHQ2].text() == "PHQ-2 score: 3 out of 6"
    assert dialog.score_labels[Instrument.GAD2].text() == "GAD-2 score: 0 out of 6"
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
    assert dialog.score_labels[Instrument.PHQ2].text() == "PHQ-2 score: 2 out of 6"
    assert dialog.score_labels[Instrument.GAD2].text() == "GAD-2 score: 2 out of 6"
    assert not dialog.follow_up.isVisible() and not dialog.contacts_box.isVisible()
    assert dialog.thanks.isVisible()
    assert dialog.thanks.text() == "Thank you. Your answers are saved in your diary."
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


@pytest.mark.xfail(reason="UI core migration in progress: this section still relays save_failed", strict=False)
def test_mood_check_save_failure_still_shows_the_result_and_asks_for_retry(
    qtbot: QtBot, session: DiarySession, monkeypatch: pytest.MonkeyPatch
) -> None:
    def disk_full(_image: bytes) -> None:
        raise SaveFailedError(reason="the disk is full")

    monkeypatch.setattr(session.store.vault, "save", disk_full)
    dialog = MoodScreenDialog(standalone_diary(session))
    show(qtbot, dialog)
    for question, value in zip(dialog.questions, (0, 0, 3, 3), strict=True):
        qtbot.mouseClick(question.radios[value], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.save_failed), qtbot.assertNotEmitted(dialog.recorded):
        qtbot.mouseClick(dialog.save, Qt.MouseButton.LeftButton)
    assert dialog.score_labels[Instrument.GAD2].text() == "GAD-2 score: 6 out of 6"
    assert dialog.follow_up.isVisible()
    assert "not saved to disk yet" in dialog.thanks.text()
    assert [s.score for s in session.measures.screens()] == [0, 6]  # both held in memory
    monkeypatch.undo()
    session.retry_save()


# The banner -------------------------------------------------------------------------------------------


def test_banner_shows_what_is_due_and_hides_once_answered(qtbot: QtBot, session: DiarySession) -> None:
    banner = MeasuresDueBanner(standalone_diary(session))
    show(qtbot, banner)
    assert banner.isVisible() and banner.peg_row.isVisible() and banner.mood_row.isVisible()
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
    assert banner.isVisible() and not banner.peg_row.isVisible() and banner.mood_row.isVisible()

    qtbot.mouseClick(banner.mood_button, Qt.MouseButton.LeftButton)
    mood = banner.mood_dialog
    assert mood is not None and mood.isVisible()
    for question in mood.questions:
        qtbot.mouseClick(question.radios[0], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(banner.screens_recorded):
        qtbot.mouseClick(mood.save, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()  # nothing left to do, even while the result is still being read
    qtbot.mouseClick(mood.close_button, Qt.MouseButton.LeftButton)
    assert banner.mood_dialog is None and not banner.isVisible()


def test_not_now_hides_the_mood_check_for_this_session(qtbot: QtBot, session: DiarySession) -> None:
    session.measures.record_peg(1, 1, 1)
    banner = MeasuresDueBanner(standalone_diary(session))
    show(qtbot, banner)
    assert banner.isVisible() and not banner.peg_row.isVisible() and banner.mood_row.isVisible()
    qtbot.mouseClick(banner.not_now, Qt.MouseButton.LeftButton)
    assert not banner.isVisible()
    banner.refresh()
    assert not banner.isVisible()
    assert session.measures.screens() == []
    later = MeasuresDueBanner(standalone_diary(session))  # the next unlock makes a new banner
    show(qtbot, later)
    assert later.isVisible() and later.mood_row.isVisible()


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
