"""Flare mode: opened in one step (F2 or the button) from any screen, the person's own plan in big type,
a flare started, pain noted with one press, ended and reviewed; all of it kept through a lock."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from companion import i18n
from companion.domain.flare import FlarePlan, Helper
from companion.ui.companion_window import CompanionWindow
from companion.ui.flare.flare_mode import FlareModeView
from companion.ui.main_view import MainView
from companion.ui.style import apply_text_size
from tests.gui.conftest import WindowFactory
from tests.helpers.gui import PASSPHRASE, activate, first_run, type_into, unlock

WELSH_LINE = "Yfed dŵr a mynd i'r tŷ bach yn araf"
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def _plan() -> FlarePlan:
    return FlarePlan(
        sections={
            "first_steps": (WELSH_LINE, "Take more short breaks"),
            "medicines": ("Medicines only as agreed with my GP or pharmacist.",),
            "helpful_thoughts": ("Hurt does not mean harm.",),
            "say_no": ("Housework that can wait",),
            "medical_help": ("New or different symptoms",),
        },
        helpers=(Helper("Siân", "Can collect the children", "01234 567890"),),
    )


def _diary(qtbot: QtBot, make_window: WindowFactory, language: str = "en") -> tuple[CompanionWindow, MainView]:
    window = make_window()
    first_run(qtbot, window, language)
    assert window.open_diary is not None and window.main_view is not None
    flares = window.open_diary.session.flares
    assert window.open_diary.run(lambda: flares.save_plan(_plan())) is not None  # as the plan page saves it
    return window, window.main_view


def _flare(view: MainView) -> FlareModeView:
    return view.flare_mode


def test_f2_opens_flare_mode_from_every_screen_and_esc_returns(qtbot: QtBot, make_window: WindowFactory) -> None:
    window, view = _diary(qtbot, make_window)
    for page in ("today", "diary", "settings"):
        view.show_page(page)
        activate(qtbot, window)
        qtbot.keyClick(window, Qt.Key.Key_F2)
        assert view.current_page() == "flare_mode"
        assert view.stack.currentWidget() is view.flare_mode
        focus = QApplication.focusWidget()
        assert focus is not None and view.flare_mode.isAncestorOf(focus)
        qtbot.keyClick(focus, Qt.Key.Key_Escape)
        assert view.current_page() == page
    # The always-visible button does the same, and the Leave button returns too.
    view.show_page("diary")
    assert view.flare_button.isVisible()
    qtbot.mouseClick(view.flare_button, Qt.MouseButton.LeftButton)
    assert view.current_page() == "flare_mode"
    qtbot.mouseClick(view.flare_mode.leave_button, Qt.MouseButton.LeftButton)
    assert view.current_page() == "diary"
    # Ctrl+1 from flare mode goes to Today even though Today's row was not the one shown before.
    view.show_page("today")
    view.open_flare_mode()
    view.show_page("today")
    assert view.current_page() == "today"


def test_flare_started_pain_noted_ended_reviewed_and_kept_through_lock(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window, view = _diary(qtbot, make_window)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    flare = _flare(view)
    # The plan shown is the person's own, a step at a time, with big Back/Next.
    assert flare.start_button.isVisible()
    qtbot.mouseClick(flare.next_button, Qt.MouseButton.LeftButton)
    assert flare.current_step() == "first_steps"
    assert flare.plan_titles["first_steps"].text() == "First steps"
    assert flare.plan_lines_shown("first_steps")[:2] == [WELSH_LINE, "Take more short breaks"]
    assert WELSH_LINE in [w.text() for w in flare.findChildren(QLabel) if w.isVisible()]
    qtbot.keyClick(flare.next_button, Qt.Key.Key_Space)
    assert flare.current_step() == "helps"
    assert flare.plan_lines_shown("helps") == ["Hurt does not mean harm.", "Housework that can wait"]
    qtbot.keyClick(flare.next_button, Qt.Key.Key_Return)
    assert flare.current_step() == "call"
    shown = [w.text() for w in flare.plan_pages["call"].findChildren(QLabel) if w.isVisible()]
    assert {"Siân", "Can collect the children", "01234 567890"} <= set(shown)
    qtbot.mouseClick(flare.next_button, Qt.MouseButton.LeftButton)
    assert flare.current_step() == "medical"
    assert flare.plan_lines_shown("medical") == ["New or different symptoms"]
    assert not flare.next_button.isEnabled()
    for _ in range(4):
        qtbot.mouseClick(flare.back_button, Qt.MouseButton.LeftButton)
    assert flare.current_step() == "now"

    # One step: "My flare started". Pressing it again never doubles the flare.
    qtbot.mouseClick(flare.start_button, Qt.MouseButton.LeftButton)
    assert window.session is not None
    episode = window.session.flares.current()
    assert episode is not None
    assert flare.since.isVisible() and flare.since.text().startswith("Flare since ")
    flare.start_flare()
    assert len(window.session.flares.episodes()) == 1

    # Pain 7 by a click, 8 by a number key: noted at once, with a calm confirmation.
    qtbot.mouseClick(flare.score_buttons[7], Qt.MouseButton.LeftButton)
    assert flare.confirmation.text().startswith("Pain 7 noted at ")
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, Qt.Key.Key_8)
    assert flare.confirmation.text().startswith("Pain 8 noted at ")
    assert [e.pain for e in window.session.diary.entries_today()][-2:] == [7, 8]
    assert window.session.flares.current().peak_pain == 8  # type: ignore[union-attr]

    # "My flare has ended", then the review: three optional questions.
    qtbot.mouseClick(flare.end_button, Qt.MouseButton.LeftButton)
    assert window.session.flares.current() is None
    assert flare.review.isVisible()
    type_into(qtbot, flare.review.questions["triggers"], "Gormod o waith yn y tŷ")
    type_into(qtbot, flare.review.questions["helped"], "Heat and short walks")
    type_into(qtbot, flare.review.questions["change_next_time"], "Rest before I'm worn out")
    qtbot.mouseClick(flare.review.save_button, Qt.MouseButton.LeftButton)
    assert not flare.review.isVisible()
    assert flare.start_button.isVisible()

    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    assert window.session is not None
    (kept,) = window.session.flares.episodes()
    assert kept.id == episode.id
    assert kept.started_at == episode.started_at and kept.ended_at is not None
    assert kept.peak_pain == 8
    assert (kept.triggers, kept.helped, kept.change_next_time) == (
        "Gormod o waith yn y tŷ",
        "Heat and short walks",
        "Rest before I'm worn out",
    )
    assert kept.reviewed
    assert window.session.flares.plan().lines("first_steps")[0] == WELSH_LINE


def test_not_now_leaves_the_review_and_one_then_zero_gives_ten(qtbot: QtBot, make_window: WindowFactory) -> None:
    window, view = _diary(qtbot, make_window)
    view.open_flare_mode()
    flare = _flare(view)
    flare.start_button.setFocus()
    qtbot.keyClick(flare.start_button, Qt.Key.Key_Return)  # Enter presses it too
    assert window.session is not None and window.session.flares.current() is not None
    qtbot.keyClick(flare.score_buttons[0], Qt.Key.Key_1)
    qtbot.keyClick(flare.score_buttons[0], Qt.Key.Key_0)
    assert flare.confirmation.text().startswith("Pain 10 noted at ")
    qtbot.keyClick(flare.score_buttons[0], Qt.Key.Key_1)
    qtbot.waitUntil(lambda: flare.confirmation.text().startswith("Pain 1 noted at "), timeout=3000)
    assert [e.pain for e in window.session.diary.entries_today()][-2:] == [10, 1]
    qtbot.mouseClick(flare.end_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(flare.review.not_now_button, Qt.MouseButton.LeftButton)
    (episode,) = window.session.flares.episodes()
    assert episode.ended_at is not None and not episode.reviewed and episode.peak_pain == 10
    assert flare.start_button.isVisible()


def _controls(widget: QWidget) -> list[QWidget]:
    return [w for w in widget.findChildren(QWidget) if isinstance(w, QAbstractButton | QPlainTextEdit)]


def test_every_control_is_named_big_and_reachable(qtbot: QtBot, make_window: WindowFactory) -> None:
    _window, view = _diary(qtbot, make_window)
    assert view.flare_button.accessibleName() == "Open flare mode"
    assert view.flare_button.text() == "Flare-up (F2)"
    view.open_flare_mode()
    flare = _flare(view)
    flare.start_flare()
    flare.end_flare()  # the review's fields exist and are shown
    for control in _controls(flare):
        assert control.accessibleName(), control.objectName()
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus, control.objectName()
    flare.review.not_now()
    flare.start_flare()
    for control in _controls(flare):
        if control.isVisible() and isinstance(control, QAbstractButton):
            assert control.height() >= 56, control.objectName()
    assert flare.property("role") == "flare"
    base = QApplication.font().pointSize()
    assert flare.since.font().pointSize() >= round(base * 1.6)
    flare.end_flare()
    flare.review.not_now()


def test_switching_language_retranslates_flare_mode(qtbot: QtBot, make_window: WindowFactory) -> None:
    window, view = _diary(qtbot, make_window)
    view.open_flare_mode()
    flare = _flare(view)
    before = flare.start_button.accessibleName()
    window.switch_language("cy")
    assert flare.low_anchor.text() != "0 = no pain"  # the pain scale's words come back in Welsh
    window.switch_language("en")
    assert flare.start_button.accessibleName() == before


def _clipped(root: QWidget) -> list[str]:
    """Visible labels and buttons whose text does not fit the room they were given."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap():
                if widget.heightForWidth(widget.width()) > widget.height() + 1:
                    problems.append(f"label {widget.text()!r}")
            elif widget.sizeHint().width() > widget.width() + 1:
                problems.append(f"label {widget.text()!r}")
        elif (
            isinstance(widget, QAbstractButton)
            and widget.text()
            and widget.fontMetrics().horizontalAdvance(widget.text()) > widget.width()
        ):
            problems.append(f"button {widget.text()!r}")
    return problems


@pytest.mark.parametrize("language", ["en", "cy"])
def test_screenshots_at_100_and_200_percent_nothing_clipped(
    qtbot: QtBot, make_window: WindowFactory, qapp: QApplication, tmp_path: Path, language: str
) -> None:
    """Set COMPANION_SCREENSHOTS=1 to refresh docs/screenshots/flare-mode-*.png."""
    out = SCREENSHOTS if os.environ.get("COMPANION_SCREENSHOTS") else tmp_path
    window, view = _diary(qtbot, make_window, language)
    assert i18n.current_language() == language
    flare = _flare(view)
    try:
        for percent, point_size, size in ((100, 12, (1060, 720)), (200, 24, (1640, 1000))):
            apply_text_size(qapp, point_size)
            window.resize(*size)
            view.open_flare_mode()
            flare.show_step("first_steps")
            qtbot.wait(50)
            assert not _clipped(flare), _clipped(flare)
            assert flare.plan_lines_shown("first_steps")[0] == WELSH_LINE
            flare.grab().save(str(out / f"flare-mode-{percent}-{language}.png"))
            if window.session is not None and window.session.flares.current() is None:
                flare.start_flare()
            flare.show_step("now")
            flare.note_pain(7)
            qtbot.wait(50)
            assert not _clipped(flare), _clipped(flare)
            flare.grab().save(str(out / f"flare-mode-ongoing-{percent}-{language}.png"))
            view.leave_flare_mode()
    finally:
        apply_text_size(qapp, 12)
        window.resize(1000, 720)


def test_a_review_and_a_plan_being_written_when_the_diary_locks_come_back_unsaved(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """Nothing typed is lost by a lock, and nothing is saved that the person did not save: the review and
    the plan come back as they were, each with a line saying they are not saved yet."""
    window, view = _diary(qtbot, make_window)
    plan_page = view.plan
    plan_page.sections["triggers"].add_line("Gardening for too long ŷ")
    assert plan_page.has_changes()
    view.open_flare_mode()
    flare = _flare(view)
    flare.start_flare()
    flare.end_flare()
    type_into(qtbot, flare.review.questions["helped"], "Heat and a rest ŵ")
    assert window.session is not None
    (ended,) = window.session.flares.episodes()
    window.idle.set_minutes(0.3 / 60)  # auto-lock, as when the person stepped away mid-sentence
    with qtbot.waitSignal(window.locked, timeout=5000):
        pass
    unlock(qtbot, window, PASSPHRASE)
    assert window.session is not None and window.main_view is not None
    (episode,) = window.session.flares.episodes()
    assert episode.id == ended.id and not episode.reviewed and episode.helped == ""  # not saved for them
    assert "Gardening for too long ŷ" not in window.session.flares.plan().lines("triggers")
    # Flare mode opens again where the person was, the review as typed, with a line saying so.
    view = window.main_view
    flare = _flare(view)
    qtbot.waitUntil(lambda: view.current_page() == "flare_mode", timeout=2000)
    assert flare.review.isVisible() and flare.review.kept.isVisible()
    assert "not saved" in flare.review.kept.text()
    assert flare.review.questions["helped"].toPlainText() == "Heat and a rest ŵ"
    assert not flare.footer.isVisible()
    qtbot.mouseClick(flare.review.save_button, Qt.MouseButton.LeftButton)
    (episode,) = window.session.flares.episodes()
    assert episode.reviewed and episode.helped == "Heat and a rest ŵ"
    # The plan page, built again after the lock, has the unsaved line back, and says so.
    view.leave_flare_mode()
    view.show_page("plan")
    plan_page = view.plan
    assert "Gardening for too long ŷ" in [e.text() for e in plan_page.sections["triggers"].line_edits()]
    assert plan_page.has_changes() and plan_page.kept_note.isVisible()
    assert plan_page.status.text() == "Changes not saved yet"
    assert plan_page.save()
    assert "Gardening for too long ŷ" in window.session.flares.plan().lines("triggers")
    assert not plan_page.kept_note.isVisible()
    # Saved now: nothing comes back at the next lock.
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    assert window.main_view is not None and window.main_view.current_page() == "today"
    assert not window.main_view.flare_mode.review.isVisible()


def test_my_flare_has_ended_can_be_undone_with_the_button_or_ctrl_z(qtbot: QtBot, make_window: WindowFactory) -> None:
    window, view = _diary(qtbot, make_window)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    flare = _flare(view)
    qtbot.mouseClick(flare.start_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(flare.score_buttons[6], Qt.MouseButton.LeftButton)
    assert window.session is not None
    started = window.session.flares.current()
    assert started is not None
    # Ended by mistake: the review asks its questions, without flare mode's Step/Next footer, and Undo is offered.
    qtbot.mouseClick(flare.end_button, Qt.MouseButton.LeftButton)
    assert window.session.flares.current() is None
    assert flare.review.isVisible() and not flare.footer.isVisible()
    assert not flare.step_label.isVisible() and not flare.next_button.isVisible()
    assert flare.undo_bar.isVisible() and flare.undo_button.text() == "&Undo"
    assert flare.undo_text.text() == "Your flare is marked as ended. If it has not ended, press Undo."
    qtbot.mouseClick(flare.undo_button, Qt.MouseButton.LeftButton)
    assert window.session.flares.current() == started  # the same flare goes on: start, peak, no end
    assert flare.ongoing_box.isVisible() and not flare.review.isVisible() and flare.footer.isVisible()
    assert not flare.undo_bar.isVisible() and not flare.can_undo
    assert flare.confirmation.text() == "Your flare is going on again, as it was."
    # Ctrl+Z does the same (outside the text fields, where it undoes typing).
    qtbot.mouseClick(flare.end_button, Qt.MouseButton.LeftButton)
    assert flare.review.questions["triggers"].hasFocus()
    qtbot.keyClick(flare.review.questions["triggers"], Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert flare.undo_button.hasFocus()  # Undo comes just before the questions, for the keyboard too
    qtbot.keyClick(flare.undo_button, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.session.flares.current() == started
    assert len(window.session.flares.episodes()) == 1
    # Once the review is saved, the person has moved on: no undo any more.
    qtbot.mouseClick(flare.end_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, flare.review.questions["helped"], "Rest")
    qtbot.mouseClick(flare.review.save_button, Qt.MouseButton.LeftButton)
    assert not flare.undo_bar.isVisible() and not flare.undo_end()
    (episode,) = window.session.flares.episodes()
    assert episode.ended_at is not None and episode.helped == "Rest"
    assert flare.footer.isVisible()


def test_the_undo_goes_after_its_time(qtbot: QtBot, make_window: WindowFactory) -> None:
    window, view = _diary(qtbot, make_window)
    view.open_flare_mode()
    flare = _flare(view)
    flare.start_flare()
    flare._undo_timer.setInterval(50)
    flare.end_flare()
    assert flare.undo_bar.isVisible()
    flare.review.questions["triggers"].setFocus()
    qtbot.waitUntil(lambda: not flare.undo_bar.isVisible(), timeout=2000)
    assert not flare.undo_end()
    assert window.session is not None and window.session.flares.current() is None


@pytest.mark.parametrize(
    ("language", "wanted"),
    [
        (
            "en",
            ["In an emergency, call 999.", "In Wales, call NHS 111 Wales on 111.", "In Scotland, call NHS 24 on 111."],
        ),
        (
            "cy",
            [
                "Mewn argyfwng, ffoniwch 999.",
                "Yng Nghymru, ffoniwch GIG 111 Cymru ar 111.",
                "Yn yr Alban, ffoniwch NHS 24 ar 111.",
            ],
        ),
    ],
)
def test_an_empty_medical_help_step_shows_the_standard_help_in_the_persons_language(
    qtbot: QtBot, make_window: WindowFactory, language: str, wanted: list[str]
) -> None:
    window = make_window()
    first_run(qtbot, window, language)
    assert window.main_view is not None
    view = window.main_view
    view.open_flare_mode()
    flare = _flare(view)
    flare.show_step("medical")
    assert flare.plan_lines_shown("medical") == []  # the starter plan has nothing here
    shown = [w.text() for w in flare.plan_pages["medical"].findChildren(QLabel, "flareUrgentLine") if w.isVisible()]
    assert shown == wanted
    title = flare.plan_pages["medical"].findChild(QLabel, "flareUrgentTitle")
    assert title is not None and title.isVisible()
    # With the person's own lines, the standard help stays under them.
    assert window.open_diary is not None
    flares = window.open_diary.session.flares
    window.open_diary.run(lambda: flares.save_plan(_plan()))
    assert flare.plan_lines_shown("medical") == ["New or different symptoms"]
    qtbot.waitUntil(
        lambda: [w.text() for w in flare.plan_pages["medical"].findChildren(QLabel, "flareUrgentLine") if w.isVisible()]
        == wanted
    )
