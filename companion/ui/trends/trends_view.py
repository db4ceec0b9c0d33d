"""The Trends page: a chart chooser, a period chooser remembered while the diary is open, the chart with
its keyboard and mouse readout (or its numbers as a table), a text alternative, "About this chart", and
saving the chart as a picture.

A part of the UI core that only reads: `refresh()` reads what every chart needs for the period (kept, see
kept_reads.py); `retranslate_ui()` draws the charts and tables again in the new language from what was kept,
without reading. While the page is hidden a change only marks it stale (the page host). A chart whose data
is empty says what it needs rather than drawing an empty chart. Charts follow the application palette (dark
mode) and the text size.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QDate, QEvent, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from companion.domain.changes import Changes
from companion.i18n import _
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import PagePart
from companion.ui.layouts import scrolled_page, stack_when_narrow
from companion.ui.measures.peg_entry import PegEntryButton
from companion.ui.trends.about_chart import about_text
from companion.ui.trends.chart_panel import ChartPanel
from companion.ui.trends.day_charts import activity_chart, pain_chart, peg_baseline, peg_chart, wellbeing_chart
from companion.ui.trends.group_charts import goals_chart, tags_chart, time_of_day_chart, weekday_chart
from companion.ui.trends.kept_reads import KeptReads
from companion.ui.trends.model import CHARTS, DEFAULT_RANGE, RANGES, ChartData
from companion.ui.trends.picture import save_chart_picture
from companion.ui.widgets import label

if TYPE_CHECKING:
    from companion.services.insights import InsightsService
    from companion.services.pacing import PacingService

BASELINES = ("first", "range", "custom")


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class TrendsView(PagePart, QWidget):
    interests = Changes(
        pain_entries=True, tags=True, measures=True, flares=True, pacing=True, goals=True, medicines=True
    )

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary = diary
        self.setObjectName("trendsView")
        self._insights = KeptReads(diary.session.insights)
        self._pacing = KeptReads(diary.session.pacing)
        self.range_key = DEFAULT_RANGE
        self.charts: dict[str, ChartData] = {}
        self.period: tuple[dt.date, dt.date] | None = None
        self._redraw_pending = False
        # The page scrolls as a whole only when the chart goes under the list (large text); side by side, the
        # chart's column scrolls on its own and the page fits the window.
        self._page, outer = scrolled_page(self)
        outer.setContentsMargins(24, 16, 24, 16)
        self.heading = label("heading")
        self.intro = label()
        row = QHBoxLayout()
        left = QVBoxLayout()
        self.list_label = label("subheading")
        self.chart_list = QListWidget()
        self.chart_list.setObjectName("trendsChartList")
        self.chart_list.setWordWrap(True)
        for key, _title in CHARTS:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.chart_list.addItem(item)
        self.chart_list.setCurrentRow(0)
        left.addWidget(self.list_label)
        left.addWidget(self.chart_list, 1)

        body = QWidget()
        body.setObjectName("trendsBody")
        column = QVBoxLayout(body)
        controls = QHBoxLayout()
        self.range_label = label(wrap=False)
        self.range_combo = QComboBox()
        self.range_combo.setObjectName("trendsRange")
        for key, _text in RANGES:
            self.range_combo.addItem("", key)
        self.range_combo.setCurrentIndex([k for k, _t in RANGES].index(self.range_key))
        self.range_label.setBuddy(self.range_combo)
        self.table_toggle = QCheckBox()
        self.table_toggle.setObjectName("trendsTableToggle")
        controls.addWidget(self.range_label)
        controls.addWidget(self.range_combo)
        controls.addSpacing(16)
        controls.addWidget(self.table_toggle)
        controls.addStretch(1)

        self.baseline_box = QWidget()
        self.baseline_box.setObjectName("trendsBaseline")
        baseline_rows = QVBoxLayout(self.baseline_box)
        baseline_rows.setContentsMargins(0, 0, 0, 0)
        choice_row, dates_row = QHBoxLayout(), QHBoxLayout()
        self.baseline_label = label(wrap=False)
        self.baseline_combo = QComboBox()
        self.baseline_combo.setObjectName("trendsBaselineChoice")
        for key in BASELINES:
            self.baseline_combo.addItem("", key)
        self.baseline_label.setBuddy(self.baseline_combo)
        self.from_label, self.to_label = label(wrap=False), label(wrap=False)
        self.baseline_from, self.baseline_to = QDateEdit(), QDateEdit()
        self.baseline_from.setObjectName("trendsBaselineFrom")
        self.baseline_to.setObjectName("trendsBaselineTo")
        for edit, buddy in ((self.baseline_from, self.from_label), (self.baseline_to, self.to_label)):
            edit.setCalendarPopup(True)
            buddy.setBuddy(edit)
        choice_row.addWidget(self.baseline_label)
        choice_row.addWidget(self.baseline_combo)
        choice_row.addStretch(1)
        # Beside the PEG chart: answer the weekly pain check, or correct the latest answers, at any time.
        self.peg_entry = PegEntryButton(diary)
        choice_row.addWidget(self.peg_entry)
        for widget in (self.from_label, self.baseline_from, self.to_label, self.baseline_to):
            dates_row.addWidget(widget)
        dates_row.addStretch(1)
        baseline_rows.addLayout(choice_row)
        baseline_rows.addLayout(dates_row)

        self.chart_title = label("subheading")
        self.chart_title.setObjectName("trendsChartTitle")
        self.panel = ChartPanel()
        self.table = QTableWidget(0, 0)
        self.table.setObjectName("trendsTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # arrow keys move between cells; Tab leaves the table
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # Every row shown at once, the page scrolling (a table scrolling inside a scrolling page is hard to use).
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.table.hide()
        self.empty = label()
        self.empty.setObjectName("trendsEmpty")
        self.empty.setProperty("role", "note")
        self.empty.hide()
        self.summary = label(selectable=True)
        self.summary.setObjectName("trendsSummary")
        self.notes = label(selectable=True)
        self.notes.setObjectName("trendsNotes")
        exports = QHBoxLayout()
        self.export_button = QPushButton()
        self.export_button.setObjectName("trendsExport")
        self.about_button = QPushButton()
        self.about_button.setObjectName("trendsAboutChart")
        self.about_button.setCheckable(True)
        self.about_button.setProperty("role", "link")
        exports.addWidget(self.export_button)
        exports.addWidget(self.about_button)
        exports.addStretch(1)
        self.about = label(selectable=True)
        self.about.setObjectName("trendsAbout")
        self.about.setProperty("role", "note")
        self.about.hide()
        self.status = label()
        self.status.setObjectName("trendsStatus")
        for shown in (self.chart_title, self.panel, self.table, self.empty, self.summary, self.notes):
            column.addWidget(shown)
        column.insertLayout(0, controls)
        column.insertWidget(1, self.baseline_box)
        column.addLayout(exports)
        column.addWidget(self.about)
        column.addWidget(self.status)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("trendsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(body)
        self.scroll_area = scroll
        row.addLayout(left)
        row.addWidget(scroll, 1)
        # At large text sizes the chart goes under the list, each shown whole.
        stack_when_narrow(self, row, whole_when_stacked=(self.chart_list, scroll))
        outer.addWidget(self.heading)
        outer.addWidget(self.intro)
        outer.addLayout(row, 1)

        self.chart_list.currentRowChanged.connect(lambda _row: self.show_current())
        self.range_combo.currentIndexChanged.connect(self._on_range_changed)
        self.table_toggle.toggled.connect(lambda _on: self.show_current(keep_window=True))
        self.baseline_combo.currentIndexChanged.connect(self._on_baseline_choice)
        self.baseline_from.dateChanged.connect(lambda _d: self._on_baseline_dates())
        self.baseline_to.dateChanged.connect(lambda _d: self._on_baseline_dates())
        self.export_button.clicked.connect(self.export)
        self.about_button.toggled.connect(self.about.setVisible)
        self._set_words()
        self.refresh()
        diary.host.add(self)

    # --- words ---------------------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """The words, then every chart and table again in the new language from what refresh() kept."""
        self._set_words()
        self._build()
        self._render()

    def _set_words(self) -> None:
        self.heading.setText(_("Trends"))
        self.intro.setText(
            _(
                "Your diary over time as charts, tables and words. A pattern here is a possible link worth "
                "discussing with your clinician, never proof that one thing causes another."
            )
        )
        self.list_label.setText(_("Charts"))
        self.chart_list.setAccessibleName(_("Choose a chart"))
        self.range_label.setText(_("&Period:"))
        for index, (_key, text) in enumerate(RANGES):
            self.range_combo.setItemText(index, _(text))
        self.range_combo.setAccessibleName(_("Period the charts show"))
        self.table_toggle.setText(_("Show as a &table"))
        self.table_toggle.setAccessibleName(_("Show the chart's numbers as a table"))
        self.baseline_label.setText(_("&Baseline:"))
        for index, text in enumerate(
            (_("Your first 4 weeks of PEG answers"), _("The first 4 weeks of the period shown"), _("Dates I choose"))
        ):
            self.baseline_combo.setItemText(index, text)
        self.baseline_combo.setAccessibleName(_("Baseline period to compare PEG scores with"))
        self.from_label.setText(_("From"))
        self.to_label.setText(_("to"))
        self.baseline_from.setAccessibleName(_("First day of the baseline period"))
        self.baseline_to.setAccessibleName(_("Last day of the baseline period"))
        # The dates' form and language come from ui/field_behaviour.py, as in every date field.
        self.export_button.setText(_("Sa&ve as a picture…"))
        self.export_button.setAccessibleName(_("Save this chart as a picture"))
        self.about_button.setText(_("About this chart"))
        self.about_button.setAccessibleName(_("About this chart: where its measures come from"))
        self.table.setAccessibleName(_("The chart's numbers"))
        self.summary.setAccessibleName(_("The chart in words"))
        self.about.setAccessibleName(_("About this chart"))
        self._fit_list()

    def _fit_list(self) -> None:
        metrics = QFontMetrics(self.chart_list.font())
        widest = max(metrics.horizontalAdvance(_(title)) for _key, title in CHARTS)
        self.chart_list.setFixedWidth(max(180, min(widest + 48, 320)))

    def _title(self, key: str) -> str:
        return _(dict(CHARTS)[key])

    # --- data ----------------------------------------------------------------------------------------------

    def refresh(self, *, only: str | None = None, keep_window: bool = True) -> None:
        """Read what the charts need for the period and show the chosen one. With `only` (a chart whose own
        choice changed, such as the PEG baseline), read just what that chart needs now; the rest is kept."""
        if only is None:
            self._insights.forget()
            self._pacing.forget()
        with self._insights.reading(), self._pacing.reading():
            self._build(only)
        self._render(keep_window=keep_window)

    def _build(self, only: str | None = None) -> None:
        """Every chart's numbers and words for the period, in the current language, from the kept reads."""
        insights, pacing = self._services()
        start, end = insights.range_for(self.range_key)
        self.period = (start, end)
        builders: dict[str, Callable[[], ChartData]] = {
            "pain": lambda: pain_chart(insights, start, end),
            "peg": lambda: peg_chart(insights, start, end, self.baseline()),
            "wellbeing": lambda: wellbeing_chart(insights, start, end),
            "activity": lambda: activity_chart(insights, pacing, start, end),
            "goals": lambda: goals_chart(insights, start, end),
            "time_of_day": lambda: time_of_day_chart(insights, start, end),
            "weekday": lambda: weekday_chart(insights, start, end),
            "tags": lambda: tags_chart(insights, start, end),
        }
        for key, build in builders.items():
            if only is None or key == only:
                self.charts[key] = build()

    def _render(self, *, keep_window: bool = True) -> None:
        """The chart list's words and the chosen chart, from the charts built (no reading)."""
        for row in range(self.chart_list.count()):
            item = self.chart_list.item(row)
            key = item.data(Qt.ItemDataRole.UserRole)
            title = self._title(key)
            data = self.charts.get(key)
            has_data = data is not None and data.has_data
            item.setText(title if has_data else _("{chart} (nothing yet)").format(chart=title))
            item.setToolTip("" if has_data or data is None else data.empty_text)
        self.show_current(keep_window=keep_window)

    def _services(self) -> tuple[InsightsService, PacingService]:
        """The services as the chart builders see them: through what refresh() read and kept."""
        return cast("InsightsService", self._insights), cast("PacingService", self._pacing)

    def baseline(self) -> tuple[dt.date, dt.date]:
        insights, _pacing = self._services()
        start, end = insights.range_for(self.range_key)
        custom = (_pydate(self.baseline_from.date()), _pydate(self.baseline_to.date()))
        return peg_baseline(insights, self.baseline_combo.currentData(), start, end, custom)

    def current_key(self) -> str:
        item = self.chart_list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else CHARTS[0][0]

    def current_chart(self) -> ChartData | None:
        return self.charts.get(self.current_key())

    # --- showing -------------------------------------------------------------------------------------------

    def dark(self) -> bool:
        return self.palette().color(QPalette.ColorRole.Window).lightness() < 128

    def font_pt(self) -> float:
        size = self.font().pointSizeF()
        return size if size > 0 else 10.0

    def show_current(self, *, keep_window: bool = False) -> None:
        key = self.current_key()
        data = self.charts.get(key)
        self.chart_title.setText(self._title(key))
        self.about.setText(about_text(key))
        self.baseline_box.setVisible(key == "peg")
        custom = self.baseline_combo.currentData() == "custom"
        for widget in (self.from_label, self.baseline_from, self.to_label, self.baseline_to):
            widget.setVisible(custom)
        if data is None:
            return
        as_table = self.table_toggle.isChecked()
        self.empty.setVisible(not data.has_data)
        self.empty.setText(data.empty_text)
        self.summary.setVisible(data.has_data)
        self.summary.setText(data.summary)
        self.notes.setText(data.notes)
        self.notes.setVisible(bool(data.notes))
        for control in (self.table_toggle, self.export_button):
            control.setEnabled(data.has_data)
        self.table.setVisible(data.has_data and as_table)
        self.panel.setVisible(data.has_data and not as_table)
        if not data.has_data:
            return
        self._fill_table(data)
        if not as_table:
            self.panel.show_chart(
                data, title=self._title(key), dark=self.dark(), font_pt=self.font_pt(), keep_window=keep_window
            )
            # a new canvas joins the end of the Tab order: put it after the choices, before the buttons
            QWidget.setTabOrder(self.baseline_to, self.panel.canvas)
            QWidget.setTabOrder(self.panel.canvas, self.table)
            QWidget.setTabOrder(self.table, self.export_button)

    def _fill_table(self, data: ChartData) -> None:
        self.table.clear()
        self.table.setColumnCount(len(data.headers))
        self.table.setRowCount(len(data.rows))
        self.table.setHorizontalHeaderLabels(data.headers)
        for row, values in enumerate(data.rows):
            for column, text in enumerate(values):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        header = self.table.horizontalHeader().height()
        scroll = self.table.horizontalScrollBar().sizeHint().height()  # room for it, should a column be wide
        height = header + sum(self.table.rowHeight(r) for r in range(len(data.rows))) + scroll + 4
        self.table.setFixedHeight(height)

    # --- choices ---------------------------------------------------------------------------------------------

    def _on_range_changed(self, index: int) -> None:
        self.range_key = str(self.range_combo.itemData(index))
        self.refresh(keep_window=False)  # a new period: every chart reads it

    def _on_baseline_choice(self, _index: int) -> None:
        if self.baseline_combo.currentData() == "custom" and self.period is not None:
            start = self.period[0]
            for edit, day in ((self.baseline_from, start), (self.baseline_to, start + dt.timedelta(days=27))):
                edit.blockSignals(True)
                edit.setDate(_qdate(day))
                edit.blockSignals(False)
        self._redo_peg()

    def _on_baseline_dates(self) -> None:
        if self.baseline_combo.currentData() == "custom":
            self._redo_peg()

    def _redo_peg(self) -> None:
        if self.period is not None:
            self.refresh(only="peg")

    # --- export ----------------------------------------------------------------------------------------------

    def export(self) -> None:
        """Save the chart shown as a picture (picture.py)."""
        data = self.current_chart()
        if data is not None and data.has_data:
            today = self._diary.clock.today()
            title = self._title(data.key)
            save_chart_picture(
                self, data, self.panel, title=title, today=today, font_pt=self.font_pt(), status=self.status
            )

    # --- events ----------------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.charts and self.panel.looks != (self.dark(), self.font_pt()):
            self._schedule_redraw()  # the palette or the text size changed while the page was hidden

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange) and self.isVisible():
            self._schedule_redraw()

    def _schedule_redraw(self) -> None:
        if self.charts and not self._redraw_pending:
            self._redraw_pending = True
            QTimer.singleShot(0, self, self._redraw)

    def _redraw(self) -> None:
        self._redraw_pending = False
        if self.isVisible():
            self._fit_list()
            self.show_current(keep_window=True)
