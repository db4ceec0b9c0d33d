"""The shared mechanisms that keep words whole at large text and in Welsh (ui/wrapping.py, ui/layouts.py,
ui/dialog_size.py, ui/style.py), each on a small widget: what a person would see, measured."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from companion.ui import dialogs
from companion.ui.layouts import labels_above_when_narrow, scrolled_page, stack_when_narrow
from companion.ui.style import apply_text_size
from companion.ui.whole_views import PageStack, grow_with_rows
from companion.ui.wrapping import WrappingGroupBox, WrappingRadioButton, WrappingTabs, balanced_lines, wrap_header
from tests.helpers.accessible import settle

LONG = "Ychwanegu'r hyn sy'n newydd (mae cofnodion sydd eisoes yn eich dyddiadur yn aros fel y maen nhw)"


@pytest.fixture
def large(qapp: QApplication, bridge: object) -> Iterator[None]:
    apply_text_size(qapp, 24)
    yield
    apply_text_size(qapp, 12)


def _shown(qtbot: QtBot, widget: QWidget, width: int, height: int = 600) -> None:
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    settle()


def test_balanced_lines_break_between_words_as_evenly_as_they_can(qapp: QApplication) -> None:
    metrics = QFontMetrics(qapp.font())
    assert balanced_lines("Cynlluniau gweithredu wythnosol", 1, metrics) == ["Cynlluniau gweithredu wythnosol"]
    assert balanced_lines("Cynlluniau gweithredu wythnosol", 3, metrics) == ["Cynlluniau", "gweithredu", "wythnosol"]
    two = balanced_lines("Beth rydw i wedi rhoi cynnig arno", 2, metrics)
    assert " ".join(two) == "Beth rydw i wedi rhoi cynnig arno" and len(two) == 2
    widths = [metrics.horizontalAdvance(line) for line in two]
    whole = metrics.horizontalAdvance("Beth rydw i wedi rhoi cynnig arno")
    assert max(widths) < whole * 0.7  # near halves, not one word and the rest
    assert balanced_lines("Nodau", 3, metrics) == ["Nodau"]  # one word cannot be broken


def test_tab_titles_wrap_when_narrow_and_go_back_to_one_line_when_wide(qtbot: QtBot, large: None) -> None:
    tabs = WrappingTabs()
    titles = ["Beth sy'n bwysig i mi", "Fy nodau", "Cynlluniau gweithredu wythnosol"]
    for title in titles:
        tabs.addTab(QLabel(title), title)
    _shown(qtbot, tabs, 700)
    bar = tabs.wrapping_bar
    assert [bar.tabText(i) for i in range(3)] == titles  # what a screen reader says stays whole
    assert not bar.usesScrollButtons()
    assert any(len(bar.shown_lines(i)) > 1 for i in range(3))
    assert bar.tabRect(2).right() <= bar.width()  # the last tab in view
    line = QFontMetrics(bar.font()).lineSpacing()
    assert bar.tabRect(0).height() > line * 2  # the bar grew taller for the wrapped titles
    tabs.resize(1800, 600)
    settle()
    assert all(bar.shown_lines(i) == [titles[i]] for i in range(3))
    assert bar.tabRect(0).height() < line * 2


def test_a_wrapping_radio_button_keeps_its_words_and_alt_letter_and_is_as_tall_as_its_lines(
    qtbot: QtBot, large: None
) -> None:
    holder = QWidget()
    column = QVBoxLayout(holder)
    button = WrappingRadioButton("&" + LONG)
    other = WrappingRadioButton("&Rhoi'r ffeil hon yn lle fy nyddiadur cyfan")
    column.addWidget(button)
    column.addWidget(other)
    _shown(qtbot, holder, 500)
    assert button.text() == "&" + LONG
    one_line = button.fontMetrics().lineSpacing()
    assert button.height() >= button.heightForWidth(button.width()) > 2 * one_line  # several lines, all shown
    assert button.width() <= holder.width()
    # A click on the last line chooses it too (Qt's own hit area is the first line only).
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(button.width() // 2, button.height() - 4))
    assert button.isChecked()
    assert other.shortcut().toString() == "Alt+R" and button.shortcut().toString() == "Alt+Y"  # the Alt+letters


def test_a_group_box_title_wraps_inside_rather_than_hold_the_box_wide(qtbot: QtBot, large: None) -> None:
    box = WrappingGroupBox("Edrych yn ôl: yr wythnos a ddechreuodd 30 Tachwedd 2026, a sut aeth hi")
    QVBoxLayout(box).addWidget(QLineEdit())
    _shown(qtbot, box, 420)
    assert box.title().startswith("Edrych yn ôl") and box.accessibleName() == box.title()
    assert box.heading.isVisible() and box.heading.height() > box.heading.fontMetrics().lineSpacing() * 1.5
    assert box.minimumSizeHint().width() < box.fontMetrics().horizontalAdvance(box.title())
    box.setTitle("Byr")
    assert box.heading.text() == "Byr"


def test_a_list_grows_with_its_rows_and_never_scrolls_inside(qtbot: QtBot) -> None:
    page = QWidget()
    _content, column = scrolled_page(page)
    rows = QListWidget()
    rows.addItems([f"Rhes {n}" for n in range(3)])
    grow_with_rows(rows)
    column.addWidget(rows)
    column.addStretch(1)
    _shown(qtbot, page, 400, 300)
    three = rows.height()
    rows.addItems([f"Rhes {n}" for n in range(3, 30)])
    settle()
    assert rows.height() > three * 5
    assert rows.verticalScrollBar().maximum() == 0  # all of them shown
    area = page.findChild(QScrollArea)
    assert area is not None and area.verticalScrollBar().maximum() > 0  # the page scrolls instead


def test_a_detail_that_would_be_cut_side_by_side_goes_under_its_list(qtbot: QtBot) -> None:
    owner = QWidget()
    row = QHBoxLayout(owner)
    listing = QListWidget()
    listing.setFixedWidth(200)
    detail = QWidget()
    QHBoxLayout(detail).addWidget(QLabel("x" * 90))  # a line that does not wrap: 90 characters wide
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(detail)
    row.addWidget(listing)
    row.addWidget(area, 1)
    stack_when_narrow(owner, row, chars=10)
    _shown(qtbot, owner, 1400)
    assert row.direction() == QHBoxLayout.Direction.LeftToRight
    owner.resize(700, 600)  # wide enough by the character count, too narrow for the detail beside the list
    settle()
    assert row.direction() == QHBoxLayout.Direction.TopToBottom


def test_a_page_stack_is_as_tall_as_the_page_it_shows(qtbot: QtBot) -> None:
    stack = PageStack()
    short, tall = QLabel("un"), QListWidget()
    tall.setMinimumHeight(300)
    stack.addWidget(short)
    stack.addWidget(tall)
    holder = QWidget()
    column = QVBoxLayout(holder)
    column.addWidget(stack)
    column.addStretch(1)
    _shown(qtbot, holder, 300)
    assert stack.height() < 100 and short.isVisible() and not tall.isVisible()
    stack.setCurrentIndex(1)
    settle()
    assert stack.height() >= 300 and stack.currentWidget() is tall


def test_column_titles_wrap_and_the_header_grows(qtbot: QtBot, large: None) -> None:
    table = QTableWidget(1, 3)
    table.setHorizontalHeaderLabels(["Diwrnod", "Patrwm posibl yn y dyddiau", "Pam y cafodd ei farcio fel hyn"])
    table.horizontalHeader().setStretchLastSection(True)
    wrap_header(table)
    _shown(qtbot, table, 500)
    line = table.fontMetrics().lineSpacing()
    assert table.horizontalHeader().height() > 2 * line


def test_labels_go_above_their_fields_when_narrow(qtbot: QtBot, large: None) -> None:
    box = QWidget()
    form = QFormLayout(box)
    label = QLabel("Diwrnod caled wedyn: gweithgarwch ar y mwyaf")
    form.addRow(label, QLineEdit())
    labels_above_when_narrow(form, box)
    _shown(qtbot, box, 1400, 200)
    assert form.rowWrapPolicy() == QFormLayout.RowWrapPolicy.WrapLongRows and not label.wordWrap()
    box.resize(400, 300)
    settle()
    assert form.rowWrapPolicy() == QFormLayout.RowWrapPolicy.WrapAllRows and label.wordWrap()
    assert label.width() <= box.width()


def test_a_dialog_sized_in_pixels_opens_big_enough_for_its_words_within_the_window(qtbot: QtBot, large: None) -> None:
    window = QWidget()
    _shown(qtbot, window, 1280, 800)
    dialog = QDialog(window)
    column = QVBoxLayout(dialog)
    words = QLabel(" ".join([LONG] * 6))
    words.setWordWrap(True)
    column.addWidget(words)
    column.addWidget(QLineEdit())
    dialog.resize(300, 120)  # right for 12 pt text, not for 24 pt
    dialogs.open_modal(dialog)
    qtbot.waitExposed(dialog)
    settle()
    assert dialog.width() > 300 and dialog.height() >= words.heightForWidth(words.width())
    assert dialog.width() <= 1280 and dialog.height() <= 800
    assert words.height() >= words.heightForWidth(words.width())  # not squeezed
    dialog.reject()


def test_tick_boxes_grow_with_the_text(qtbot: QtBot, qapp: QApplication, bridge: object) -> None:
    def indicator_width(points: int) -> int:
        apply_text_size(qapp, points)
        box = QCheckBox("Fy atgoffa")
        _shown(qtbot, box, 300, 80)
        option = QStyleOptionButton()
        option.initFrom(box)
        return box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box).width()

    try:
        usual, large = indicator_width(12), indicator_width(24)
    finally:
        apply_text_size(qapp, 12)
    assert large >= 2 * usual - 2
