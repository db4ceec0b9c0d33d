"""The Trends page on real widgets and the demo diary: the pain chart and its period, the keyboard and
mouse readout (checked against the insights service, the one source of truth), zoom and pan, Welsh dates
on the axis, the table view, PNG and SVG export with the not-encrypted warning once, empty charts saying
what they need, tag patterns, dark mode and the text size, and a name on every control."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from babel import dates as babel_dates
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from companion import i18n
from companion.demo import create_demo_diary
from companion.domain.checkin import CheckinInput, TagKind, TagRating
from companion.domain.trends import DayStats
from companion.i18n.formatting import format_date, format_decimal
from companion.services.session import DiarySession
from companion.storage.kdf import KdfParams
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.standalone import standalone_diary
from companion.ui.qt_translator import TranslatorBridge
from companion.ui.trends.model import day_x
from companion.ui.trends.trends_view import TrendsView
from tests.conftest import CHEAP_KDF
from tests.gui.test_accessibility import unnamed_controls
from tests.helpers.gui import message_box
from tests.helpers.sql_statements import reads_of, statements

if TYPE_CHECKING:
    from matplotlib.figure import Figure


@pytest.fixture
def demo(data_dir: Path) -> Iterator[DiarySession]:
    session = create_demo_diary(data_dir, CHEAP_KDF)
    yield session
    session.close()


def open_view(qtbot: QtBot, session: DiarySession, diary: OpenDiary | None = None) -> TrendsView:
    view = TrendsView(diary or standalone_diary(session))
    qtbot.addWidget(view)
    view.resize(1100, 900)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: bool(view.charts), timeout=5000)
    return view


def figure(view: TrendsView) -> Figure:
    assert view.panel.figure is not None
    return view.panel.figure


def cell(view: TrendsView, row: int, column: int) -> str:
    item = view.table.item(row, column)
    return item.text() if item is not None else ""


def choose(view: TrendsView, key: str) -> None:
    rows = [view.chart_list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(view.chart_list.count())]
    view.chart_list.setCurrentRow(rows.index(key))


def set_range(view: TrendsView, key: str) -> None:
    view.range_combo.setCurrentIndex(view.range_combo.findData(key))


def press(
    qtbot: QtBot, view: TrendsView, key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(view.panel.canvas, key, mods)


def check_readout(text: str, day: DayStats, ma7: float | None) -> None:
    """The readout states the day's values as the insights service computed them."""
    assert text.startswith(format_date(day.day, "full") + ":")
    if not day.has_pain:
        assert "nothing recorded" in text
    elif day.pain_count == 1:
        assert f"pain {format_decimal(day.pain_mean or 0)} out of 10, from one check-in" in text
    else:
        assert f"average pain {format_decimal(day.pain_mean or 0)} out of 10" in text
        assert f"lowest {day.pain_low}, highest {day.pain_high}, from {day.pain_count} check-ins" in text
    if ma7 is not None:
        assert f"7-day average: {format_decimal(ma7)}." in text
    else:
        assert "7-day average" not in text


def test_pain_chart_period_and_keyboard_readout(qtbot: QtBot, demo: DiarySession) -> None:
    view = open_view(qtbot, demo)
    assert view.heading.text() == "Trends"
    assert view.current_key() == "pain" and view.panel.isVisible() and view.panel.canvas.isVisible()
    insights = demo.insights
    start, end = insights.range_for("4w")
    series = insights.pain_series(start, end)
    assert figure(view).axes[0].get_xlim() == pytest.approx((day_x(start) - 0.5, day_x(end) + 0.5))

    canvas = view.panel.canvas
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus)
    press(qtbot, view, Qt.Key.Key_End)
    check_readout(view.panel.readout.text(), series.days[-1], series.ma7[-1])
    press(qtbot, view, Qt.Key.Key_Left)
    check_readout(view.panel.readout.text(), series.days[-2], series.ma7[-2])
    press(qtbot, view, Qt.Key.Key_Home)
    check_readout(view.panel.readout.text(), series.days[0], series.ma7[0])
    press(qtbot, view, Qt.Key.Key_Right)
    check_readout(view.panel.readout.text(), series.days[1], series.ma7[1])

    # a longer period: the x range and the readout follow, the cursor stays on the same day
    set_range(view, "3m")
    start3, end3 = insights.range_for("3m")
    assert (end3 - start3).days == 90
    lo, hi = figure(view).axes[0].get_xlim()
    assert (lo, hi) == pytest.approx((day_x(start3) - 0.5, day_x(end3) + 0.5))
    series3 = insights.pain_series(start3, end3)
    index = [d.day for d in series3.days].index(series.days[1].day)
    check_readout(view.panel.readout.text(), series3.days[index], series3.ma7[index])
    view.panel.canvas.setFocus()
    press(qtbot, view, Qt.Key.Key_Home)
    check_readout(view.panel.readout.text(), series3.days[0], series3.ma7[0])
    assert view.range_key == "3m"


def test_zoom_and_pan_change_the_dates_shown(qtbot: QtBot, demo: DiarySession) -> None:
    view = open_view(qtbot, demo)
    set_range(view, "3m")
    axes = figure(view).axes[0]
    full = axes.get_xlim()
    view.panel.canvas.setFocus()
    press(qtbot, view, Qt.Key.Key_End)
    press(qtbot, view, Qt.Key.Key_Plus)
    press(qtbot, view, Qt.Key.Key_Plus)
    lo, hi = axes.get_xlim()
    assert hi - lo == pytest.approx((full[1] - full[0]) / 1.5**2)
    assert full[0] < lo < hi <= full[1]
    assert lo < day_x(view.panel.current().day or dt.date.min) < hi  # zoomed about the cursor on the last day
    press(qtbot, view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    lo2, hi2 = axes.get_xlim()
    assert lo2 < lo and hi2 - lo2 == pytest.approx(hi - lo)
    # the cursor stays on a day that is shown, and the readout says which
    day = view.panel.current().day
    assert day is not None and lo2 < day_x(day) < hi2
    assert view.panel.readout.text().startswith(format_date(day, "full"))
    # the ticks are worked out again for the days shown
    view.panel.canvas.draw()
    ticks = [t for t in axes.get_xticks() if lo2 <= t <= hi2]
    assert len(ticks) >= 2
    press(qtbot, view, Qt.Key.Key_Minus)
    press(qtbot, view, Qt.Key.Key_Minus)
    press(qtbot, view, Qt.Key.Key_Minus)
    assert axes.get_xlim() == pytest.approx(full)  # never wider than the period


def test_mouse_move_reads_out_the_day_under_it(qtbot: QtBot, demo: DiarySession) -> None:
    view = open_view(qtbot, demo)
    canvas = view.panel.canvas
    canvas.draw()
    start, end = demo.insights.range_for("4w")
    series = demo.insights.pain_series(start, end)
    target = series.days[10]
    ax = figure(view).axes[0]
    x, y = ax.transData.transform((day_x(target.day), 5.0))
    ratio = canvas.devicePixelRatioF()
    qtbot.mouseMove(canvas, QPoint(round(x / ratio), round(canvas.height() - y / ratio)))
    qtbot.waitUntil(lambda: view.panel.readout.text().startswith(format_date(target.day, "full")), timeout=2000)
    check_readout(view.panel.readout.text(), target, series.ma7[10])


def test_welsh_dates_on_the_axis_and_in_the_readout(qtbot: QtBot, demo: DiarySession, bridge: TranslatorBridge) -> None:
    view = open_view(qtbot, demo)
    i18n.set_language("cy")  # the bridge delivers LanguageChange: the view retranslates and redraws
    qtbot.waitUntil(lambda: view.panel.readout.text().startswith("Dydd"), timeout=3000)
    canvas = view.panel.canvas
    canvas.draw()
    labels = [t.get_text() for t in figure(view).axes[-1].get_xticklabels() if t.get_text()]
    welsh = set(babel_dates.get_month_names("abbreviated", locale="cy_GB").values())
    english = set(babel_dates.get_month_names("abbreviated", locale="en_GB").values()) - welsh
    assert labels and any(word in welsh for label in labels for word in label.split())
    assert not any(word in english for label in labels for word in label.split())
    assert unnamed_controls(view) == []


def test_table_view_shows_the_same_numbers(qtbot: QtBot, demo: DiarySession) -> None:
    view = open_view(qtbot, demo)
    series = demo.insights.pain_series(*demo.insights.range_for("4w"))
    qtbot.mouseClick(view.table_toggle, Qt.MouseButton.LeftButton)
    assert view.table.isVisible() and not view.panel.isVisible()
    assert view.table.rowCount() == len(series.days)
    for row, (day, ma7) in enumerate(zip(series.days, series.ma7, strict=True)):
        cells = [cell(view, row, c) for c in range(view.table.columnCount())]
        assert cells[0] == format_date(day.day)
        assert cells[1] == (format_decimal(day.pain_mean) if day.pain_mean is not None else "")
        assert cells[4] == str(day.pain_count)
        assert cells[5] == (format_decimal(ma7) if ma7 is not None else "")
    choose(view, "weekday")  # every chart has its table
    groups = demo.insights.weekdays(*demo.insights.range_for("4w"))
    assert view.table.rowCount() == 7
    assert [cell(view, r, 2) for r in range(7)] == [str(g.count) for g in groups]
    qtbot.mouseClick(view.table_toggle, Qt.MouseButton.LeftButton)
    assert view.panel.isVisible() and not view.table.isVisible()


def test_saving_a_picture_warns_first_every_time_with_cancel_the_default(
    qtbot: QtBot, demo: DiarySession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = open_view(qtbot, demo)
    chosen = iter([str(tmp_path / "pain"), str(tmp_path / "pain.svg")])
    asked: list[str] = []

    def choose_file(*_args: object) -> str:
        asked.append("file")
        return next(chosen)

    monkeypatch.setattr(dialogs, "choose_save_file", choose_file)
    for expected in ("pain.png", "pain.svg"):
        qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
        box = message_box(view)
        assert box is not None and "not encrypted" in box.text()
        assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)  # Enter never walks past it
        assert asked.count("file") == ("pain.png", "pain.svg").index(expected)  # the warning comes first
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
        assert str(tmp_path / expected) in view.status.text()
        choose(view, "peg")
    assert (tmp_path / "pain.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")  # no ending given: a PNG
    svg = (tmp_path / "pain.svg").read_bytes()
    assert svg.lstrip().startswith(b"<?xml") and b"<svg" in svg


def test_cancelling_the_export_warning_writes_nothing(
    qtbot: QtBot, demo: DiarySession, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = open_view(qtbot, demo)
    monkeypatch.setattr(dialogs, "choose_save_file", lambda *_a: str(tmp_path / "chart.png"))
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    box = message_box(view)
    assert box is not None
    qtbot.keyClick(box, Qt.Key.Key_Return)  # Enter takes the default: Cancel
    assert not (tmp_path / "chart.png").exists()
    assert view.status.text() == "Nothing was saved."


def test_every_chart_of_the_demo_diary_draws_with_words_and_named_controls(qtbot: QtBot, demo: DiarySession) -> None:
    view = open_view(qtbot, demo)
    for row in range(view.chart_list.count()):
        view.chart_list.setCurrentRow(row)
        data = view.current_chart()
        assert data is not None and data.has_data, data and data.key
        assert view.panel.isVisible() and view.summary.text() == data.summary
        assert view.panel.canvas.accessibleName() and data.summary in view.panel.canvas.accessibleDescription()
        assert view.panel.readout.text()
        assert unnamed_controls(view) == [], data.key
    choose(view, "peg")
    view.baseline_combo.setCurrentIndex(view.baseline_combo.findData("custom"))
    assert view.baseline_from.isVisible() and view.baseline_to.isVisible()
    assert unnamed_controls(view) == []


def test_peg_change_against_the_chosen_baseline(qtbot: QtBot, demo: DiarySession) -> None:
    view = open_view(qtbot, demo)
    set_range(view, "3m")
    choose(view, "peg")
    view.baseline_combo.setCurrentIndex(view.baseline_combo.findData("range"))
    start, end = demo.insights.range_for("3m")
    baseline = (start, start + dt.timedelta(days=27))
    change = demo.insights.peg_change(baseline, (end - dt.timedelta(days=27), end))
    assert change is not None
    notes = view.notes.text()
    assert format_date(baseline[0]) in notes and format_decimal(change.baseline) in notes
    assert f"{abs(round(change.percent))} %" in notes
    assert "because" not in notes and "caused" not in notes
    # Research words and sources are one click away, not under the chart.
    assert "IMMPACT" not in notes and not view.about.isVisible()
    qtbot.mouseClick(view.about_button, Qt.MouseButton.LeftButton)
    assert view.about.isVisible() and "IMMPACT" in view.about.text() and "Krebs" in view.about.text()
    assert "SVG" not in view.export_button.text() and "SVG" in view.about.text()


def test_empty_charts_say_what_they_need_and_tags_say_how_many_more_days(
    qtbot: QtBot, vault_path: Path, cheap_kdf: KdfParams
) -> None:
    session, _recovery = DiarySession.create(vault_path, "kettle river blue Tuesday", cheap_kdf)
    try:
        now = dt.datetime.now().astimezone()
        for back in range(2):
            tags = (TagRating(TagKind.DID, "gardening", 2),) if back == 0 else ()
            session.diary.record_checkin(
                CheckinInput(recorded_at=now - dt.timedelta(days=back), pain=4 + back, tags=tags)
            )
        view = open_view(qtbot, session)
        assert view.charts["pain"].has_data
        choose(view, "peg")
        assert view.empty.isVisible() and not view.panel.isVisible()
        assert view.empty.text().startswith("The PEG chart appears when")
        assert not view.export_button.isEnabled() and not view.table_toggle.isEnabled()
        peg_row = [view.chart_list.item(r).data(Qt.ItemDataRole.UserRole) for r in range(8)].index("peg")
        assert view.chart_list.item(peg_row).text() == "PEG scores (nothing yet)"
        for key in ("wellbeing", "activity", "goals"):
            choose(view, key)
            assert "appears when" in view.empty.text()
        choose(view, "tags")
        assert view.empty.isVisible()
        assert "2 more days with “gardening” are needed." in view.notes.text()
        assert "2 more days without “gardening” are needed." in view.notes.text()
        assert view.notes.isVisible()
    finally:
        session.close()


def test_tag_patterns_show_numbers_as_possible_links(qtbot: QtBot, demo: DiarySession) -> None:
    view = open_view(qtbot, demo)
    choose(view, "tags")
    patterns = demo.insights.tag_patterns(*demo.insights.range_for("4w"))
    same, _next = next(pair for pair in patterns if pair[0].tag == "gardening")
    assert same.enough
    notes = view.notes.text()
    line = next(line for line in notes.splitlines() if line.startswith("“gardening”"))
    assert format_decimal(same.mean_with or 0) in line and f"({same.days_with} days)" in line
    assert format_decimal(same.mean_without or 0) in line and f"({same.days_without} days)" in line
    assert "possible links worth discussing" in view.summary.text()
    view.panel.canvas.setFocus()
    press(qtbot, view, Qt.Key.Key_Home)
    assert view.panel.readout.text().endswith("A possible link, worth discussing, not a cause.")


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#202226"),
        (QPalette.ColorRole.WindowText, "#ECECEC"),
        (QPalette.ColorRole.Base, "#17181B"),
        (QPalette.ColorRole.Text, "#ECECEC"),
        (QPalette.ColorRole.Button, "#2C2E33"),
        (QPalette.ColorRole.ButtonText, "#ECECEC"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


def test_dark_mode_and_text_size_reach_the_chart(qtbot: QtBot, demo: DiarySession, qapp: QApplication) -> None:
    from matplotlib.colors import to_hex

    from companion.charts.palette import palette

    view = open_view(qtbot, demo)
    assert to_hex(figure(view).get_facecolor()) == palette(False).background.lower()
    before_palette, before_font = qapp.palette(), qapp.font()
    try:
        qapp.setPalette(dark_palette())
        qtbot.waitUntil(lambda: to_hex(figure(view).get_facecolor()) == palette(True).background.lower())
        big = qapp.font()
        big.setPointSize(20)
        qapp.setFont(big)
        qtbot.waitUntil(lambda: view.font_pt() == 20, timeout=2000)
        qtbot.waitUntil(
            lambda: figure(view).axes[0].yaxis.get_ticklabels()[0].get_fontsize() == pytest.approx(18),
            timeout=3000,
        )
    finally:
        qapp.setPalette(before_palette)
        qapp.setFont(before_font)


def test_trends_reads_only_in_refresh_and_not_while_hidden(
    qtbot: QtBot, demo: DiarySession, bridge: TranslatorBridge
) -> None:
    """The UI core's promise for Trends: a language switch draws every chart and table again from what was
    read (no statement); a change made while the page is hidden reads nothing until it is shown; a change
    while it is shown reads at once and the chart follows."""
    diary = standalone_diary(demo)
    view = open_view(qtbot, demo, diary)
    qtbot.mouseClick(view.table_toggle, Qt.MouseButton.LeftButton)
    english_rows = view.table.rowCount()
    with statements(demo) as seen:
        i18n.set_language("cy")
        qtbot.waitUntil(lambda: view.panel.readout.text().startswith("Dydd") or cell(view, 0, 0)[:1].isdigit())
        assert view.heading.text() != "Trends" and view.table.rowCount() == english_rows
        for row in range(view.chart_list.count()):
            view.chart_list.setCurrentRow(row)  # every chart, in Welsh, from what was kept
        i18n.set_language("en")
        qtbot.wait(10)
    assert seen == []

    reads = reads_of(view, demo)
    choose(view, "pain")
    row = view.table.rowCount() - 2  # yesterday
    count = int(cell(view, row, 4))
    yesterday = dt.datetime.combine(demo.insights.today() - dt.timedelta(days=1), dt.time(12, 0)).astimezone()

    def check_in(minute: int) -> None:
        _entry, changes = demo.diary.record_checkin(CheckinInput(recorded_at=yesterday.replace(minute=minute), pain=3))
        diary.announce(changes)  # as diary.run does for a write from any screen

    view.hide()
    check_in(1)
    assert reads == [] and diary.host.is_stale(view)
    view.show()
    qtbot.waitExposed(view)
    assert reads and not diary.host.is_stale(view)
    assert cell(view, row, 4) == str(count + 1)  # read when the page came back

    reads.clear()
    check_in(2)
    assert reads and cell(view, row, 4) == str(count + 2)  # on screen: read at once
