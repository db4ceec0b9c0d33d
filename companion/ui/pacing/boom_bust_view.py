"""Boom and bust: daily activity against the usual, pain overlaid, marked days with the reasons, and the
thresholds to change. Worded as a possible pattern worth discussing, never as a judgement.

A part of the UI core, built when its tab is first shown: `refresh()` reads the report and draws it; the
levels the person is changing stay theirs until saved (kept over a lock as a draft)."""

from __future__ import annotations

from dataclasses import asdict

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from companion.domain.changes import Changes
from companion.domain.errors import ValidationError
from companion.domain.pacing_patterns import DayMark, Thresholds
from companion.i18n import _
from companion.i18n.formatting import format_date, format_decimal
from companion.services.pacing import BoomBustReport
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft, PagePart
from companion.ui.layouts import labels_above_when_narrow
from companion.ui.whole_views import grow_with_rows
from companion.ui.widgets import label
from companion.ui.wrapping import wrap_header


def mark_reasons(mark: DayMark, t: Thresholds) -> str:
    reasons = []
    if mark.boom_by_load and mark.load is not None and mark.load_median:
        reasons.append(
            _("activity {percent} % of your usual").format(percent=round(mark.load / mark.load_median * 100))
        )
    if mark.boom_by_plan and mark.plan_ratio is not None:
        reasons.append(_("{percent} % of the plan").format(percent=round(mark.plan_ratio * 100)))
    if mark.bust_by_load and mark.load is not None:
        reasons.append(_("activity well below your usual"))
    if mark.bust_by_pain and mark.pain is not None:
        reasons.append(_("pain {pain} out of 10").format(pain=format_decimal(mark.pain)))
    return "; ".join(reasons)


class BoomBustView(PagePart, QWidget):
    interests = Changes(pacing=True, pain_entries=True)  # activity logged, and pain from check-ins
    draft_key = "pacing.boom_bust"

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("boomBustView")
        self._diary = diary
        self._session = diary.session
        self._day = diary.clock.today()
        self.report: BoomBustReport | None = None
        self.canvas: QWidget | None = None
        layout = QVBoxLayout(self)
        self.intro = label()
        self.summary = label()
        self.summary.setObjectName("boomBustSummary")
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.chart_holder = QVBoxLayout()
        self.chart_text = label()
        self.chart_text.setObjectName("boomBustChartText")
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("boomBustTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # arrow keys move between cells; Tab leaves the table
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        wrap_header(self.table)  # long column titles (Welsh, large text) on more lines, not cut
        grow_with_rows(self.table)  # every day shown: the page scrolls, not the table

        self.thresholds_box = QGroupBox()
        form = QFormLayout(self.thresholds_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # long labels go above their field
        self.boom = QSpinBox()
        self.boom.setObjectName("thresholdBoom")
        self.boom.setRange(110, 500)
        self.boom.setSingleStep(10)
        self.boom.setSuffix(" %")
        self.over_plan = QSpinBox()
        self.over_plan.setObjectName("thresholdOverPlan")
        self.over_plan.setRange(5, 200)
        self.over_plan.setSuffix(" %")
        self.low = QSpinBox()
        self.low.setObjectName("thresholdLow")
        self.low.setRange(5, 95)
        self.low.setSuffix(" %")
        self.pain_rise = QDoubleSpinBox()
        self.pain_rise.setObjectName("thresholdPain")
        self.pain_rise.setRange(0.5, 10)
        self.pain_rise.setDecimals(1)
        self.pain_rise.setSingleStep(0.5)
        self.within = QSpinBox()
        self.within.setObjectName("thresholdWithin")
        self.within.setRange(1, 7)
        self.save_button = QPushButton()
        self.save_button.setObjectName("thresholdSave")
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("thresholdReset")
        # Wrapping labels, above their fields when the page is narrow (at large text one was wider than it).
        self.boom_label, self.over_label, self.low_label = label(), label(), label()
        self.pain_label, self.within_label = label(), label()
        labels_above_when_narrow(form, self.thresholds_box)
        form.addRow(self.boom_label, self.boom)
        form.addRow(self.over_label, self.over_plan)
        form.addRow(self.low_label, self.low)
        form.addRow(self.pain_label, self.pain_rise)
        form.addRow(self.within_label, self.within)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.status = label()

        layout.addWidget(self.intro)
        layout.addWidget(self.summary)
        layout.addLayout(self.chart_holder)
        layout.addWidget(self.chart_text)
        layout.addWidget(self.table)
        layout.addWidget(self.thresholds_box)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.save_button.clicked.connect(self.save_thresholds)
        self.reset_button.clicked.connect(self.reset_thresholds)
        self.retranslate_ui()
        self.refresh()
        assert self.report is not None
        self._load_thresholds(self.report.thresholds)
        diary.host.add(self)

    def retranslate_ui(self) -> None:
        self.intro.setText(
            _(
                "Some people do a lot on a good day and then pay for it over the next few days (a boom-and-bust "
                "cycle). This looks for possible patterns in what you logged. It is a rough guide, not a "
                "measurement: worth discussing, never a judgement."
            )
        )
        self.table.setHorizontalHeaderLabels([_("Day"), _("Possible pattern"), _("Why it was marked")])
        self.table.setAccessibleName(_("Days marked as possible booms or busts"))
        self.thresholds_box.setTitle(_("When to mark a day"))
        self.boom_label.setText(_("A busy day: activity at least"))
        self.boom.setAccessibleName(_("Busy day: activity at least this share of your usual"))
        self.over_label.setText(_("or over the plan by"))
        self.over_plan.setAccessibleName(_("Busy day: or over the plan by this share"))
        self.low_label.setText(_("A hard day after: activity at most"))
        self.low.setAccessibleName(_("Hard day after: activity at most this share of your usual"))
        self.pain_label.setText(_("or pain higher than usual by (points)"))
        self.pain_rise.setAccessibleName(_("Hard day after: or pain this many points above your usual"))
        self.within_label.setText(_("Days after a busy day to look at"))
        self.within.setAccessibleName(_("How many days after a busy day to look at"))
        self.save_button.setText(_("Save and redraw"))
        self.save_button.setAccessibleName(_("Save these levels and redraw"))
        self.reset_button.setText(_("Back to the usual levels"))
        self.reset_button.setAccessibleName(_("Go back to the usual levels"))
        self._render()

    def _load_thresholds(self, t: Thresholds) -> None:
        self.boom.setValue(round(t.boom_ratio * 100))
        self.over_plan.setValue(round(t.over_plan * 100))
        self.low.setValue(round(t.bust_ratio * 100))
        self.pain_rise.setValue(t.pain_rise)
        self.within.setValue(t.bust_within_days)

    def thresholds(self) -> Thresholds:
        return Thresholds(
            boom_ratio=self.boom.value() / 100,
            over_plan=self.over_plan.value() / 100,
            bust_ratio=self.low.value() / 100,
            pain_rise=self.pain_rise.value(),
            bust_within_days=self.within.value(),
        )

    def save_thresholds(self) -> None:
        chosen = self.thresholds()
        done = self._diary.run(lambda: (True, self._session.pacing.save_thresholds(chosen)), problem=self.status)
        if done is not None:
            self.status.setText(_("Saved. The chart uses the new levels."))

    def reset_thresholds(self) -> None:
        self._load_thresholds(Thresholds())
        self.save_thresholds()

    def refresh(self) -> None:
        """Read the last weeks' activity and pain with the saved levels, and draw them (the only place this
        part reads the diary)."""
        self._day = self._diary.clock.today()
        pacing = self._session.pacing
        self.report = pacing.boom_bust(thresholds=pacing.thresholds())
        self._render()

    def _render(self) -> None:
        """Draw what refresh() kept, in the current language."""
        report = self.report
        if report is None:
            return
        marked = [m for m in report.marks if m.boom or m.bust]
        latest = report.counts[0]
        if not any(m.load is not None for m in report.marks):
            self.summary.setText(_("Nothing logged yet. Log what you do on Today, and patterns show here."))
        else:
            self.summary.setText(
                _(
                    "Last 4 weeks: busy days {booms}, hard days after a busy day {busts}. "
                    "A possible pattern, worth discussing."
                ).format(booms=latest.booms, busts=latest.busts)
            )
        self.table.setRowCount(len(marked))
        for row, mark in enumerate(reversed(marked)):
            what = _("Busy day (boom)") if mark.boom else _("Hard day after a busy day (bust)")
            for column, text in enumerate((format_date(mark.day), what, mark_reasons(mark, report.thresholds))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        self.chart_text.setText(self.describe(report))
        self._draw(report)

    def describe(self, report: BoomBustReport) -> str:
        """The chart in words: its text alternative."""
        periods = [
            _("{start} to {end}: busy days {booms}, hard days after {busts}.").format(
                start=format_date(c.start), end=format_date(c.end), booms=c.booms, busts=c.busts
            )
            for c in report.counts
        ]
        text = _("Chart of activity against your usual, with pain, from {start} to {end}.").format(
            start=format_date(report.start), end=format_date(report.end)
        )
        text += " " + " · ".join(periods)
        if report.variability is not None:
            text += " " + _("Day-to-day change in activity: on average {percent} % of your usual.").format(
                percent=round(report.variability * 100)
            )
        return text

    def _draw(self, report: BoomBustReport) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from companion.charts.boom_bust import boom_bust_figure

        font_pt = self.font().pointSizeF()
        tall = int(330 * max(1.0, font_pt / 11))  # taller at large text, so the words have room
        # Built at about the size it is shown (100 dots an inch): its dates and legend are chosen for that size.
        figure = boom_bust_figure(report.marks, report.thresholds, height=tall / 100, font_pt=max(8.0, font_pt * 0.9))
        canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]
        canvas.setObjectName("boomBustChart")
        canvas.setMinimumHeight(tall)
        canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        canvas.setAccessibleName(_("Boom and bust chart"))
        canvas.setAccessibleDescription(self.chart_text.text())
        if self.canvas is not None:
            self.chart_holder.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self.canvas = canvas
        self.chart_holder.addWidget(canvas)

    def showEvent(self, event: QShowEvent) -> None:
        if self._day != self._diary.clock.today():  # shown again on a later day: the weeks have moved
            self.refresh()
        super().showEvent(event)

    # --- unsaved levels over a lock ---

    def draft(self) -> Draft | None:
        if self.report is None or self.thresholds() == self.report.thresholds:
            return None
        return {"thresholds": asdict(self.thresholds())}

    def restore(self, draft: Draft) -> None:
        try:
            self._load_thresholds(Thresholds(**draft["thresholds"]).validated())
        except (KeyError, TypeError, ValueError, ValidationError):
            return
        self.status.setText(_("The levels you were changing were kept when the diary locked. They are not saved yet."))
