"""The Trends page: a chart chooser, a period chooser remembered while the diary is open, the chart with
its keyboard and mouse readout (or its numbers as a table), a text alternative, and export as PNG or SVG.

A chart whose data is empty says what it needs rather than drawing an empty chart. Charts follow the
application palette (dark mode) and the text size, and redraw in the new language on LanguageChange.
Nothing is computed or drawn, and matplotlib is not loaded, until the page is shown.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics, QHideEvent, QPalette, QShowEvent
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
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from companion.domain.changes import Changes
from companion.i18n import _
from companion.i18n.file_names import suggested_file_name
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import PagePart
from companion.ui.layouts import stack_when_narrow
from companion.ui.trends.chart_panel import ChartPanel, apply_window
from companion.ui.trends.day_charts import activity_chart, pain_chart, peg_baseline, peg_chart, wellbeing_chart
from companion.ui.trends.group_charts import goals_chart, tags_chart, time_of_day_chart, weekday_chart
from companion.ui.trends.model import CHARTS, DEFAULT_RANGE, RANGES, ChartData
from companion.ui.widgets import label

BASELINES = ("first", "range", "custom")


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class TrendsView(PagePart, QWidget):
    interests = Changes(
        pain_entries=True, tags=True, measures=True, flares=True, pacing=True, goals=True, medicines=True
    )
    # The page contract: a SaveFailedError for the main window. Trends only reads the diary (an export writes
    # a file the person chose, not the diary), so nothing emits it today.
    save_failed = Signal(object)

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        session = diary.session
        self._diary = diary
        self.setObjectName("trendsView")
        self._session = session
        self.range_key = DEFAULT_RANGE
        self.charts: dict[str, ChartData] = {}
        self.period: tuple[dt.date, dt.date] | None = None
        self._stale = True
        self._redraw_pending = False
        self._export_warned = False
        outer = QVBoxLayout(self)
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
        self.export_png = QPushButton()
        self.export_png.setObjectName("trendsExportPng")
        self.export_svg = QPushButton()
        self.export_svg.setObjectName("trendsExportSvg")
        exports.addWidget(self.export_png)
        exports.addWidget(self.export_svg)
        exports.addStretch(1)
        self.status = label()
        self.status.setObjectName("trendsStatus")
        for shown in (self.chart_title, self.panel, self.table, self.empty, self.summary, self.notes):
            column.addWidget(shown)
        column.insertLayout(0, controls)
        column.insertWidget(1, self.baseline_box)
        column.addLayout(exports)
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
        stack_when_narrow(self, row)  # at large text sizes the chart goes under the list
        outer.addWidget(self.heading)
        outer.addWidget(self.intro)
        outer.addLayout(row, 1)

        self.chart_list.currentRowChanged.connect(lambda _row: self.show_current())
        self.range_combo.currentIndexChanged.connect(self._on_range_changed)
        self.table_toggle.toggled.connect(lambda _on: self.show_current(keep_window=True))
        self.baseline_combo.currentIndexChanged.connect(self._on_baseline_choice)
        self.baseline_from.dateChanged.connect(lambda _d: self._on_baseline_dates())
        self.baseline_to.dateChanged.connect(lambda _d: self._on_baseline_dates())
        self.export_png.clicked.connect(lambda: self.export("png"))
        self.export_svg.clicked.connect(lambda: self.export("svg"))
        self.retranslate_ui()

    # --- words ---------------------------------------------------------------------------------------------
        diary.host.add(self)

    def retranslate_ui(self) -> None:
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
        self.export_png.setText(_("Export &PNG…"))
        self.export_png.setAccessibleName(_("Export this chart as a PNG picture"))
        self.export_svg.setText(_("Export &SVG…"))
        self.export_svg.setAccessibleName(_("Export this chart as an SVG picture"))
        self.table.setAccessibleName(_("The chart's numbers"))
        self.summary.setAccessibleName(_("The chart in words"))
        self._fit_list()
        self.refresh()

    def _fit_list(self) -> None:
        metrics = QFontMetrics(self.chart_list.font())
        widest = max(metrics.horizontalAdvance(_(title)) for _key, title in CHARTS)
        self.chart_list.setFixedWidth(max(180, min(widest + 48, 320)))

    def _title(self, key: str) -> str:
        return _(dict(CHARTS)[key])

    # --- data ----------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Work out every chart's numbers for the period again and show the chosen chart (when the page is on
        screen; otherwise when it is next shown)."""
        self._reload(keep_window=True)

    def _reload(self, *, keep_window: bool) -> None:
        if not self._session.is_open or not self.isVisible():
            self._stale = True
            return
        self._stale = False
        insights = self._session.insights
        start, end = insights.range_for(self.range_key)
        self.period = (start, end)
        self.charts = {
            "pain": pain_chart(insights, start, end),
            "peg": peg_chart(insights, start, end, self.baseline()),
            "wellbeing": wellbeing_chart(insights, start, end),
            "activity": activity_chart(insights, self._session.pacing, start, end),
            "goals": goals_chart(insights, start, end),
            "time_of_day": time_of_day_chart(insights, start, end),
            "weekday": weekday_chart(insights, start, end),
            "tags": tags_chart(insights, start, end),
        }
        for row in range(self.chart_list.count()):
            item = self.chart_list.item(row)
            key = item.data(Qt.ItemDataRole.UserRole)
            title = self._title(key)
            data = self.charts[key]
            item.setText(title if data.has_data else _("{chart} (nothing yet)").format(chart=title))
            item.setToolTip("" if data.has_data else data.empty_text)
        self.show_current(keep_window=keep_window)

    def baseline(self) -> tuple[dt.date, dt.date]:
        start, end = self._session.insights.range_for(self.range_key)
        custom = (_pydate(self.baseline_from.date()), _pydate(self.baseline_to.date()))
        return peg_baseline(self._session.insights, self.baseline_combo.currentData(), start, end, custom)

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
        for control in (self.table_toggle, self.export_png, self.export_svg):
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
            QWidget.setTabOrder(self.table, self.export_png)

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
        rows_shown = min(len(data.rows), 14)
        header = self.table.horizontalHeader().height()
        self.table.setMinimumHeight(header + sum(self.table.rowHeight(r) for r in range(rows_shown)) + 8)

    # --- choices ---------------------------------------------------------------------------------------------

    def _on_range_changed(self, index: int) -> None:
        self.range_key = str(self.range_combo.itemData(index))
        self._reload(keep_window=False)

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
        if self.period is None or not self.isVisible():
            return
        insights = self._session.insights
        self.charts["peg"] = peg_chart(insights, *self.period, self.baseline())
        if self.current_key() == "peg":
            self.show_current(keep_window=True)

    # --- export ----------------------------------------------------------------------------------------------

    def export(self, fmt: str) -> None:
        """Save the chart shown as a PNG or SVG picture where the person chooses; the first time in a session,
        say that the picture is not encrypted and let them change their mind."""
        data = self.current_chart()
        if data is None or not data.has_data:
            return
        name = suggested_file_name("chart", self._session.clock.today(), chart=self._title(data.key), extension=fmt)
        suggested = str(Path.home() / name)
        name_filter = _("PNG pictures (*.png)") if fmt == "png" else _("SVG pictures (*.svg)")
        path = dialogs.choose_save_file(self, _("Export the chart as a picture"), suggested, name_filter)
        if not path:
            return
        if not path.lower().endswith(f".{fmt}"):
            path += f".{fmt}"
        if self._export_warned:
            self._write(data, path, fmt)
            return

        def answered(button: dialogs.Button) -> None:
            if button != dialogs.Button.Ok:
                self.status.setText(_("Nothing was exported."))
                return
            self._export_warned = True
            self._write(data, path, fmt)

        dialogs.show_message(
            self,
            _("This picture will not be encrypted"),
            _(
                "A picture of a chart is not encrypted: anyone who has the file can see what it shows. Keep it "
                "somewhere safe and delete it when you no longer need it."
            ),
            icon=dialogs.QMessageBox.Icon.Warning,
            buttons=dialogs.Button.Ok | dialogs.Button.Cancel,
            default=dialogs.Button.Cancel,
            on_done=answered,
        )

    def _write(self, data: ChartData, path: str, fmt: str) -> None:
        from companion.charts.export import figure_bytes

        font_pt = self.font_pt()
        figure = data.figure(dark=False, font_pt=font_pt, width=8.0, height=data.height * max(1.0, font_pt / 10))
        if data.dated and self.panel.data is data and self.panel.view_range is not None:
            apply_window(figure, *self.panel.view_range, font_pt)  # the dates shown, as zoomed
        from companion.domain.errors import CompanionError
        from companion.services.transfer import write_export

        try:
            write_export(Path(path), figure_bytes(figure, fmt))  # whole or nothing, mode 0600 like every export
        except CompanionError:
            self.status.setText(_("The picture could not be saved there. Check the folder and try again."))
            return
        self.status.setText(_("The chart was saved as {path}.").format(path=path))

    # --- events ----------------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            QTimer.singleShot(0, self, self._refresh_if_stale)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._stale = True  # the diary may change elsewhere meanwhile

    def _refresh_if_stale(self) -> None:
        if self._stale:
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        looks = event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange)
        if looks and self.charts and not self._redraw_pending:
            self._redraw_pending = True
            QTimer.singleShot(0, self, self._redraw)

    def _redraw(self) -> None:
        self._redraw_pending = False
        if self.isVisible() and not self._stale:
            self._fit_list()
            self.show_current(keep_window=True)
