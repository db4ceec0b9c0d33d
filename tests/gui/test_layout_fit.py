"""Issue 20's layout points, measured on real widgets: Welsh at the default 1000 x 720 window (the navigation
takes a fifth, the pain scale to 10 and Clear in view), 200 % text (no word cut in the navigation, a list and
its detail stacked are each shown whole), the window's remembered size, no size grip, Today folding its
sections after a save, tags that do not move as more are added, tick boxes seen in high contrast."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QSizeGrip,
    QStatusBar,
    QStyle,
    QStyleOptionButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from companion.storage.app_settings import AppSettings
from companion.ui.main_view import PAGES
from companion.ui.style import apply_text_size, navigation_item_padding
from tests.gui.conftest import WindowFactory
from tests.gui.test_accessible_tree import open_demo
from tests.gui.test_visual_access import PALETTES, contrast
from tests.helpers.accessible import clipped_text, settle
from tests.helpers.gui import first_run, record_pain, type_into


@pytest.fixture
def large_text(qapp: QApplication, bridge: object) -> Iterator[None]:
    apply_text_size(qapp, 24)  # 200 %: twice the default 12 pt
    yield
    apply_text_size(qapp, 12)


def _right_edge_in(widget: QWidget, area: QWidget) -> int:
    return widget.mapTo(area, widget.rect().topRight()).x()


def test_welsh_at_the_default_window_shows_the_whole_check_in(
    qtbot: QtBot, make_window: WindowFactory, data_dir: Path
) -> None:
    window = open_demo(qtbot, make_window, data_dir, "cy")
    window.resize(1000, 720)
    main = window.main_view
    assert main is not None
    main.show_page("today")
    settle()
    assert main.nav.width() <= 1000 * 0.26  # was a third ("Cynllun ar gyfer pyliau o boen" on one line)
    today = main.today
    viewport = today.scroll_area.viewport()
    for widget in (today.picker.buttons[9], today.picker.buttons[10], today.picker.high_anchor, today.clear_button):
        assert widget.isVisible() and _right_edge_in(widget, viewport) <= viewport.width(), widget.objectName()
    assert not today.scroll_area.horizontalScrollBar().isVisible()
    main.show_page("settings")
    settle()
    assert clipped_text(main.settings) == []


@pytest.mark.parametrize("language", ["cy", "en"])
def test_at_200_percent_no_section_name_is_cut(
    qtbot: QtBot, large_text: None, make_window: WindowFactory, data_dir: Path, language: str
) -> None:
    window = open_demo(qtbot, make_window, data_dir, language)
    window.resize(1280, 800)
    main = window.main_view
    assert main is not None
    settle()
    font = QFont(main.nav.font())
    font.setBold(True)  # the chosen section is drawn bold: the widest a name gets
    metrics = QFontMetrics(font)
    pad_y, pad_x = navigation_item_padding(24)  # the items' padding (style.py)
    room = main.nav.viewport().width() - 2 * pad_x
    words = [word for row in range(main.nav.count()) for word in main.nav.item(row).text().split()]
    assert len(words) >= len(PAGES)
    assert [w for w in words if metrics.horizontalAdvance(w) > room] == []
    for row in range(main.nav.count()):  # each name is as tall as its wrapped lines: none elided ("Flare-up …")
        item = main.nav.item(row)
        wrapped = metrics.boundingRect(QRect(0, 0, room, 10_000), Qt.TextFlag.TextWordWrap, item.text()).height()
        assert main.nav.visualItemRect(item).height() - 2 * pad_y >= wrapped, item.text()
    assert main.nav.width() <= 1280 * 0.3  # the page keeps most of the width
    assert main.nav.verticalScrollBar().maximum() == 0  # every section in view: the list does not scroll


def test_a_list_and_its_detail_stacked_at_200_percent_are_each_shown_whole(
    qtbot: QtBot, large_text: None, make_window: WindowFactory, data_dir: Path, qapp: QApplication
) -> None:
    """Trends at 200 % in Welsh: the chart goes under the list, neither squeezed into a sliver that scrolls
    on its own; the page scrolls instead. At the usual size they sit side by side and the page fits."""
    window = open_demo(qtbot, make_window, data_dir, "cy")
    window.resize(1280, 800)
    main = window.main_view
    assert main is not None
    main.show_page("trends")
    trends = main.trends
    qtbot.waitUntil(lambda: trends.panel.canvas is not None and trends.panel.canvas.isVisible(), timeout=5000)
    settle()
    body = trends.scroll_area  # the chart's column

    def top(widget: QWidget) -> QPoint:
        return widget.mapTo(trends, QPoint(0, 0))

    assert top(body).y() >= top(trends.chart_list).y() + trends.chart_list.height()  # stacked
    for area in (trends.chart_list, body):
        assert area.verticalScrollBar().maximum() == 0, area.objectName()  # all of it shown, no inner scrolling
    assert trends.panel.canvas.height() >= 300

    apply_text_size(qapp, 12)
    window.resize(1100, 900)
    settle()
    assert top(body).x() > top(trends.chart_list).x()  # side by side again
    assert body.minimumHeight() == 0 and trends.chart_list.minimumHeight() == 0  # each scrolls in its place


def test_the_window_opens_at_the_size_it_was_closed_at(
    qtbot: QtBot, make_window: WindowFactory, data_dir: Path
) -> None:
    window = make_window(AppSettings(language="en"))
    assert (window.width(), window.height()) == (1000, 720)  # the first time: the default size
    window.resize(780, 580)
    window.close()
    saved = json.loads((data_dir / "settings.json").read_text(encoding="utf-8"))
    assert (saved["window_width"], saved["window_height"], saved["window_maximized"]) == (780, 580, False)

    again = make_window(AppSettings(language="en", window_width=780, window_height=580))
    assert (again.width(), again.height()) == (780, 580)
    maximised = make_window(AppSettings(language="en", window_width=780, window_height=580, window_maximized=True))
    assert maximised.windowState() & Qt.WindowState.WindowMaximized


def test_there_is_no_status_bar_or_size_grip(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    first_run(qtbot, window, "en")
    for key, _title in PAGES:
        assert window.main_view is not None
        window.main_view.show_page(key)
        settle()
        grips = [grip for grip in window.findChildren(QSizeGrip) if grip.isVisible()]
        assert grips == [] and window.findChild(QStatusBar) is None, key


def test_today_folds_its_sections_after_a_save_and_says_when_there_is_nothing_yet(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    first_run(qtbot, window, "en")
    assert window.main_view is not None
    today = window.main_view.today
    assert today.list_heading.text() == "No check-ins yet today"
    form = today.form
    for section in (form.where, form.sleep, form.feelings, form.tags):
        section.set_open(True)
    record_pain(qtbot, window, 3, "opened every section")
    assert [s.content.isVisible() for s in (form.where, form.sleep, form.feelings, form.tags)] == [False] * 4
    assert today.list_heading.text() == "1 entry today"


def test_adding_tags_does_not_move_the_rows_already_there(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = make_window()
    first_run(qtbot, window, "en")
    assert window.main_view is not None
    form = window.main_view.today.form
    form.tags.set_open(True)
    editor = next(iter(form.tag_editors.values()))
    type_into(qtbot, editor.input, "tea")
    qtbot.keyClick(editor.input, Qt.Key.Key_Return)
    (first_rating,) = editor.findChildren(QComboBox)
    assert first_rating.isVisible()  # shown at once, not after a pass of the event loop
    settle()
    before = first_rating.geometry()
    type_into(qtbot, editor.input, "a very long walk along the river in the rain")
    qtbot.keyClick(editor.input, Qt.Key.Key_Return)
    assert all(rating.isVisible() for rating in editor.findChildren(QComboBox))
    settle()
    assert first_rating.geometry() == before


def test_tick_boxes_and_radio_buttons_are_seen_in_the_high_contrast_palette(qtbot: QtBot, qapp: QApplication) -> None:
    """WCAG 1.4.11: the box of an unticked tick box contrasts 3:1 or more with what is around it."""
    before = qapp.palette()
    chosen = QPalette()
    for role, colour in PALETTES["high contrast"].items():
        chosen.setColor(role, QColor(colour))
    qapp.setPalette(chosen)
    apply_text_size(qapp, 12)
    try:
        box = QCheckBox("Remind me")
        qtbot.addWidget(box)
        box.show()
        qtbot.waitExposed(box)
        option = QStyleOptionButton()
        option.initFrom(box)
        indicator: QRect = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
        image = box.grab().toImage()
        dpr = image.devicePixelRatio()
        background = QColor.fromRgb(image.pixel(int(indicator.center().x() * dpr), int(indicator.center().y() * dpr)))
        frame = max(
            contrast(background, QColor.fromRgb(image.pixel(x, y)))
            for x in range(int(indicator.left() * dpr), int((indicator.right() + 1) * dpr))
            for y in range(int(indicator.top() * dpr), int((indicator.bottom() + 1) * dpr))
        )
        assert frame >= 3.0
    finally:
        qapp.setPalette(before)
