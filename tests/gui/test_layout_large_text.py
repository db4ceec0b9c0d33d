"""The layout points of issue 20 that were still open, measured at 200 % text (24 pt) on a 1280 x 800 screen in
Welsh (the longest words at the largest size): the Pacing detail under its list and shown whole, the weekly
check-back inside its page, urgent help compact with 999 first, the body map's places shown whole (no list
scrolling in the scrolling page), every tab title whole, and the import and mood-check choices wrapping inside
a dialog that fits the window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from companion.domain.goals import ActionPlan, week_start
from companion.services import transfer
from companion.ui import dialogs
from companion.ui.companion_window import CompanionWindow
from companion.ui.settings.import_dialog import ImportDialog
from companion.ui.style import apply_text_size
from companion.ui.wrapping import WrappingTabBar
from tests.gui.conftest import WindowFactory
from tests.gui.test_accessible_tree import open_demo
from tests.helpers.accessible import clipped_text, settle
from tests.helpers.layout_checks import cut_tabs, nested_scrolling


@pytest.fixture
def large_welsh(
    qtbot: QtBot, qapp: QApplication, bridge: object, make_window: WindowFactory, data_dir: Path
) -> Iterator[CompanionWindow]:
    apply_text_size(qapp, 24)
    window = open_demo(qtbot, make_window, data_dir, "cy")
    window.resize(1280, 800)
    settle()
    yield window
    apply_text_size(qapp, 12)


def _top(widget: QWidget, page: QWidget) -> QPoint:
    return widget.mapTo(page, QPoint(0, 0))


def test_the_pacing_detail_goes_under_its_list_shown_whole_and_the_page_scrolls(
    large_welsh: CompanionWindow, qapp: QApplication
) -> None:
    main = large_welsh.main_view
    assert main is not None
    main.show_page("pacing")
    settle()
    pacing = main.pacing
    assert _top(pacing.detail_scroll, pacing).y() >= _top(pacing.list, pacing).y() + pacing.list.height()  # stacked
    for area in (pacing.list, pacing.detail_scroll):  # each shown whole: nothing scrolls inside the page
        assert area.verticalScrollBar().maximum() == 0, area.objectName()
    assert pacing.detail_scroll.height() >= pacing.detail.sizeHint().height()  # not a sliver: all of it
    page = pacing.findChild(QScrollArea)  # the page scrolls instead
    assert page is not None and page.verticalScrollBar().maximum() > 0
    assert not page.horizontalScrollBar().isVisible()
    assert clipped_text(pacing) == []

    apply_text_size(qapp, 12)  # the usual size, Welsh, the default window: side by side, the page fits
    large_welsh.resize(1000, 720)
    settle()
    assert _top(pacing.detail_scroll, pacing).x() > _top(pacing.list, pacing).x()
    assert pacing.detail_scroll.minimumHeight() == 0 and page.verticalScrollBar().maximum() == 0
    assert clipped_text(pacing) == []  # the detail was cut off on the right here before it could stack


def test_the_weekly_check_back_fits_its_page(large_welsh: CompanionWindow) -> None:
    main, session, diary = large_welsh.main_view, large_welsh.session, large_welsh.open_diary
    assert main is not None and session is not None and diary is not None
    last_week = week_start(session.diary.today()) - dt.timedelta(days=7)
    plan = ActionPlan("check-back-plan", last_week, "Cerdded at y siop bob bore cyn brecwast", "15 munud", "bore")
    assert diary.run(lambda: session.goals.save_plan(plan)) is not None
    main.show_page("goals")
    main.goals.tabs.setCurrentIndex(2)
    settle()
    plans = main.goals.plans
    (box,) = [b for b in plans.check_back_boxes() if b.plan.id == "check-back-plan"]
    viewport = box.parentWidget()
    while viewport is not None and not isinstance(viewport.parentWidget(), QScrollArea):
        viewport = viewport.parentWidget()
    assert viewport is not None
    assert box.mapTo(viewport, box.rect().topRight()).x() <= viewport.width()  # was cut on the right
    assert box.heading.isVisible() and box.heading.height() > box.heading.fontMetrics().height()  # title wraps
    assert box.title().startswith("Edrych yn ôl") and box.accessibleName() == box.title()  # its name is the title
    for button in box.outcomes.values():
        assert button.isVisible() and button.mapTo(viewport, button.rect().topRight()).x() <= viewport.width()
    assert clipped_text(box) == []


def test_urgent_help_is_compact_with_999_first(large_welsh: CompanionWindow) -> None:
    main = large_welsh.main_view
    assert main is not None
    main.show_page("support")
    settle()
    support = main.page("support")
    box = support.urgent_help  # type: ignore[attr-defined]
    assert box.height() <= support.height() * 0.4  # it took half the page, pinned above the directory
    assert [number.text() for number in box.numbers] == ["999", "111", "116 123"]
    tops = [number.y() for number in box.numbers]
    assert tops == sorted(tops)
    lines = box.lines[1].height() // box.lines[1].fontMetrics().lineSpacing()
    assert lines <= 3  # one line a service, wrapping: no card of its own
    assert clipped_text(box) == []


@pytest.mark.parametrize(("points", "size"), [(24, (1280, 800)), (12, (1000, 720))])
def test_the_body_map_list_shows_every_place_and_never_scrolls_inside_today(
    qtbot: QtBot,
    qapp: QApplication,
    bridge: object,
    make_window: WindowFactory,
    data_dir: Path,
    points: int,
    size: tuple[int, int],
) -> None:
    apply_text_size(qapp, points)
    try:
        window = open_demo(qtbot, make_window, data_dir, "cy")
        window.resize(*size)
        main = window.main_view
        assert main is not None
        form = main.today.form
        form.where.set_open(True)
        settle()
        tree = form.body.tree
        assert tree.verticalScrollBar().maximum() == 0  # every place in view: the page scrolls, not the list
        last = tree.items[list(tree.items)[-1]]
        assert tree.visualItemRect(last).bottom() <= tree.viewport().height()
        assert not tree.horizontalScrollBar().isVisible()  # every name whole
        assert nested_scrolling(main.today) == []
        # Too narrow for the list beside the map: it goes under it.
        canvas = form.body.canvas
        if form.body.width() < canvas.minimumSizeHint().width() + tree.minimumWidth() + 480:
            assert (
                tree.mapTo(form.body, QPoint(0, 0)).y() >= canvas.mapTo(form.body, QPoint(0, 0)).y() + canvas.height()
            )
    finally:
        apply_text_size(qapp, 12)


def test_every_tab_title_shows_whole_wrapping_rather_than_scrolling(large_welsh: CompanionWindow) -> None:
    main = large_welsh.main_view
    assert main is not None
    for key in ("pacing", "goals", "medicines"):
        main.show_page(key)
        settle()
        bar = main.page(key).tabs.tabBar()  # type: ignore[attr-defined]
        assert isinstance(bar, WrappingTabBar)
        assert not bar.usesScrollButtons(), key
        assert cut_tabs(main.page(key)) == [], key
        for index in range(bar.count()):
            assert " ".join(bar.shown_lines(index)) == bar.tabText(index)  # every word, in order
    main.show_page("medicines")
    bar = main.medicines.tabs.tabBar()
    assert bar.tabText(1) == "Beth rydw i wedi rhoi cynnig arno"  # the name a screen reader says is whole
    assert len(bar.shown_lines(1)) > 1  # drawn on more lines: it scrolled out of sight before


def test_the_import_and_mood_check_choices_wrap_inside_a_dialog_that_fits(large_welsh: CompanionWindow) -> None:
    main, session, diary = large_welsh.main_view, large_welsh.session, large_welsh.open_diary
    assert main is not None and session is not None and diary is not None
    importing = ImportDialog(diary, transfer.export_json(session), True, large_welsh)
    mood = main.today.measures_banner.open_mood_screen()
    dialogs.open_modal(importing)
    try:
        for dialog in (importing, mood):
            settle()
            assert dialog.width() <= large_welsh.width() and dialog.height() <= large_welsh.height()
            assert all(not area.horizontalScrollBar().isVisible() for area in dialog.findChildren(QScrollArea))
            assert clipped_text(dialog) == []
        assert importing.merge.height() > importing.merge.fontMetrics().lineSpacing() * 1.5  # on two lines
        assert importing.merge.text().startswith("&Ychwanegu")  # the Alt+letter and the words are kept
        for question in mood.questions:
            for radio in question.radios:
                assert radio.mapTo(question, radio.rect().topRight()).x() <= question.width()
    finally:
        importing.reject()
        mood.reject()
