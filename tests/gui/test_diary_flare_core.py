"""The Diary, the check-in form and the flare screens on the UI core: a write refreshes what shows it and reads
nothing for a section that is hidden (it is marked stale and read when next shown); retranslate_ui reads
nothing. SQL is counted with SQLAlchemy's before_cursor_execute; the expected counts are the same service
calls made on their own, measured in the same diary."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from companion import i18n
from companion.domain.checkin import CheckinInput
from companion.domain.flare import FlarePlan
from companion.ui.companion_window import CompanionWindow
from companion.ui.core.diary import OpenDiary
from companion.ui.main_view import MainView
from tests.gui.conftest import WindowFactory
from tests.helpers.gui import first_run
from tests.helpers.sql_statements import statements


def _window(qtbot: QtBot, make_window: WindowFactory) -> tuple[CompanionWindow, OpenDiary, MainView]:
    window = make_window()
    first_run(qtbot, window, "en")
    assert window.open_diary is not None and window.main_view is not None
    return window, window.open_diary, window.main_view


def _checkin(diary: OpenDiary, hour: int, pain: int) -> CheckinInput:
    day = diary.clock.today() - dt.timedelta(days=1)
    return CheckinInput(diary.clock.at(day, dt.time(hour)), pain=pain, note="")


def test_a_check_in_reads_nothing_for_a_hidden_diary_which_shows_it_when_next_shown(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    _, diary, main = _window(qtbot, make_window)
    session = diary.session
    main.show_page("diary")  # built, then hidden
    main.show_page("plan")  # shown: it shows flares, not check-ins
    with statements(session) as alone:
        session.diary.record_checkin(_checkin(diary, 9, 3))  # the service call alone: the floor
    with statements(session) as through_run:
        assert diary.run(lambda: session.diary.record_checkin(_checkin(diary, 10, 4))) is not None
    assert len(through_run) == len(alone), through_run  # Today and the Diary are hidden: nothing read for them
    assert diary.host.is_stale(main.diary) and diary.host.is_stale(main.today)
    assert not diary.host.is_stale(main.plan)  # not interested in check-ins: never stale for one
    main.show_page("diary")  # read when shown
    assert not diary.host.is_stale(main.diary)
    assert main.diary.select_day(diary.clock.today() - dt.timedelta(days=1))
    assert len(main.diary.day_view.cards) == 2


def test_a_delete_in_the_diary_refreshes_it_and_reads_nothing_for_the_flare_screens(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    _, diary, main = _window(qtbot, make_window)
    session = diary.session
    kept, _ = session.diary.record_checkin(_checkin(diary, 9, 3))
    doomed, _ = session.diary.record_checkin(_checkin(diary, 11, 6))
    main.show_page("plan")  # the plan page and its flare list are built, then hidden
    main.show_page("diary")
    view = main.diary
    assert view.select_day(kept.local_day)
    with statements(session) as seen:
        qtbot.mouseClick(view.day_view.card_for(doomed.id).delete_button, Qt.MouseButton.LeftButton)  # type: ignore[union-attr]
    assert view.day_view.entry_ids() == [kept.id]  # the Diary, shown, was refreshed inside run
    assert not any("flare" in statement for statement in seen), seen  # flare mode, plan, history: not read
    for part in (main.flare_mode, main.plan, main.plan.history):
        assert not diary.host.is_stale(part)  # a check-in is none of their business
    assert diary.host.is_stale(main.today)
    # The same delete as the service alone, plus the Diary's own reads (its tags and its search).
    again, _ = session.diary.record_checkin(_checkin(diary, 12, 5))
    with statements(session) as floor:
        session.diary.delete_entry(again.id)
        session.diary.tag_names()
        session.diary.search(view.current_filter)
    restored = view.undo_delete()
    assert restored and view.day_view.entry_ids() == [kept.id, doomed.id]
    assert len(seen) == len(floor)


def test_saving_the_plan_refreshes_the_plan_page_and_reads_nothing_for_hidden_flare_mode(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    _, diary, main = _window(qtbot, make_window)
    session = diary.session
    flares = session.flares
    main.show_page("plan")
    page = main.plan
    page.sections["say_no"].add_line("Ironing")
    with statements(session) as seen:
        assert page.save()
    assert diary.host.is_stale(main.flare_mode)  # hidden: marked, not read
    # The floor: the same save alone, then what the flare list (shown, interested in flares) reads again.
    # The page shows the plan it saved from the write's value: it reads nothing back.
    with statements(session) as floor:
        flares.save_plan(FlarePlan(sections={"say_no": ("Ironing", "Hoovering")}))
        flares.episodes()
    assert len(seen) == len(floor), seen
    main.open_flare_mode()  # shown: read now, with the new line
    main.flare_mode.show_step("helps")
    assert "Ironing" in main.flare_mode.plan_lines_shown("helps")


def test_noting_pain_in_flare_mode_reads_nothing_back(qtbot: QtBot, make_window: WindowFactory) -> None:
    _, diary, main = _window(qtbot, make_window)
    session = diary.session
    main.show_page("diary")
    main.show_page("plan")
    main.open_flare_mode()
    flare = main.flare_mode
    flare.start_flare()
    with statements(session) as seen:
        flare.note_pain(7)
    assert flare.confirmation.text().startswith("Pain 7 noted at ")
    for part in (main.today, main.diary, main.plan, main.plan.history):
        assert diary.host.is_stale(part)
    with statements(session) as floor:
        session.flares.note_pain(8)  # the same write alone (8 raises the peak again, as 7 did)
    assert len(seen) == len(floor), seen  # flare mode shows the flare the write returned: nothing read back
    assert flare.since.isVisible() and flare.ongoing_box.isVisible()


def test_retranslating_the_diary_and_flare_screens_reads_nothing(qtbot: QtBot, make_window: WindowFactory) -> None:
    window, diary, main = _window(qtbot, make_window)
    session = diary.session
    session.diary.record_checkin(_checkin(diary, 9, 3))
    for key in ("diary", "plan", "today"):
        main.show_page(key)
    main.diary.refresh()
    tags = main.diary.open_tag_manager()
    from companion.ui.flare.supporter_sheet_dialog import SupporterSheetDialog

    sheet = SupporterSheetDialog(diary, window)
    flare = main.flare_mode
    flare.start_flare()
    flare.end_flare()
    window.switch_language("cy")  # every screen retranslates (some of them other sections')
    parts = (main.diary, main.diary.filter_bar, main.diary.day_view, tags, main.plan, main.plan.history, flare)
    with statements(session) as seen:
        for part in (*parts, flare.review, sheet, main.today.form):
            part.retranslate_ui()
    assert seen == []
    assert main.diary.heading.text() == i18n.translate_in("cy", "Diary") != "Diary"
    assert main.plan.history.title() == i18n.translate_in("cy", "Past flare-ups")
    tags.reject()
    sheet.reject()
    flare.review.not_now()
    window.switch_language("en")
