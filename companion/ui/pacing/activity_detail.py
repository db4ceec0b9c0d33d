"""One activity: the three tolerance tests (each on its own day, earlier days allowed), the baseline with its
arithmetic, the weekly plan, and the activity's settings.

A part of the UI core: `refresh()` reads the chosen activity, its tests and its plan, and keeps them; the
screen is drawn from what it kept. Typing in the forms is the person's until they save it: a refresh never
overwrites it, and a lock keeps it as a draft."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from companion.domain import pacing as p
from companion.domain.changes import Changes
from companion.domain.errors import ValidationError
from companion.i18n import _, ngettext
from companion.i18n.formatting import format_date
from companion.presentation.pacing_words import UNIT_NAMES, format_amount
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft, PagePart
from companion.ui.layouts import flow_row
from companion.ui.pacing.activity_form import ActivitySettingsForm
from companion.ui.pacing.baseline_chooser import BaselineChooser
from companion.ui.pacing.today_panel import AmountSpin
from companion.ui.whole_views import grow_with_rows
from companion.ui.widgets import label
from companion.ui.wrapping import wrap_header


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class ActivityDetail(PagePart, QWidget):
    interests = Changes(pacing=True)
    draft_key = "pacing.activity"
    deleted = Signal()  # the activity shown was deleted here (the page says so; the host refreshes the list)

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityDetail")
        self._diary = diary
        self._session = diary.session
        self.activity_id: str | None = None
        self.activity: p.Activity | None = None
        self._tests: list[p.ToleranceTest] = []
        self._schedule: list[p.ScheduleRow] = []
        self._target: float | None = None
        self._stepped = False
        self._day = diary.clock.today()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.title = label("heading")
        self.title.setObjectName("activityTitle")
        self.status = label()
        self.status.setObjectName("activityStatus")
        outer.addWidget(self.title)

        # --- tolerance tests ---
        self.tests_box = QGroupBox()
        tests_layout = QVBoxLayout(self.tests_box)
        self.tests_help = label()
        self.tests_count = label()
        self.tests_count.setObjectName("testsCount")
        day_row = QHBoxLayout()
        self.test_day_label = label(wrap=False)
        self.test_day = QDateEdit()
        self.test_day.setObjectName("testDay")
        self.test_day.setCalendarPopup(True)
        self.test_day.setMinimumDate(QDate(2000, 1, 1))
        self.test_day.setMaximumDate(_qdate(self._day))
        self.test_day.setDate(_qdate(self._day))
        self.test_day_label.setBuddy(self.test_day)
        day_row.addWidget(self.test_day_label)
        day_row.addWidget(self.test_day)
        day_row.addStretch(1)
        self.test_amount = AmountSpin()
        self.test_amount.setObjectName("testAmount")
        self.test_amount.setDecimals(1)
        self.test_amount.setRange(0, p.AMOUNT_MAX)
        self.test_unit = label()
        self.record_test = QPushButton()
        self.record_test.setObjectName("recordTestButton")
        self.test_unit.setWordWrap(False)
        test_row = flow_row(self.test_amount, self.test_unit, self.record_test)  # wraps rather than widen the page
        self.tests = QListWidget()
        self.tests.setObjectName("testsList")
        grow_with_rows(self.tests)  # every test shown: the page scrolls, not the list
        self.remove_test = QPushButton()
        self.remove_test.setObjectName("removeTestButton")
        tests_layout.addWidget(self.tests_help)
        tests_layout.addLayout(day_row)
        tests_layout.addWidget(test_row)
        tests_layout.addWidget(self.tests_count)
        tests_layout.addWidget(self.tests)
        tests_layout.addWidget(self.remove_test, 0, Qt.AlignmentFlag.AlignLeft)

        self.baseline = BaselineChooser()

        # --- plan ---
        self.plan_box = QGroupBox()
        plan_layout = QVBoxLayout(self.plan_box)
        self.plan_today = label()
        self.plan_today.setObjectName("planToday")
        self.schedule = QTableWidget(0, 2)
        self.schedule.setObjectName("planSchedule")
        self.schedule.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.schedule.setTabKeyNavigation(False)  # arrow keys move between cells; Tab leaves the table
        self.schedule.verticalHeader().setVisible(False)
        self.schedule.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.schedule.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        wrap_header(self.schedule)  # long column titles (Welsh, large text) on more lines, not cut
        grow_with_rows(self.schedule)  # every week shown: the page scrolls, not the table
        step_row = QHBoxLayout()
        self.share = QSpinBox()
        self.share.setObjectName("stepDownShare")
        self.share.setRange(20, 90)
        self.share.setSingleStep(10)
        self.share.setSuffix(" %")
        self.share.setValue(round(p.DEFAULT_STEP_DOWN_SHARE * 100))
        self.step_down_button = QPushButton()
        self.step_down_button.setObjectName("stepDownButton")
        self.step_up_button = QPushButton()
        self.step_up_button.setObjectName("stepUpButton")
        self.share_label = label()
        step_row.addWidget(self.share_label)
        step_row.addWidget(self.share)
        step_row.addStretch(1)
        step_buttons = flow_row(self.step_down_button, self.step_up_button)
        plan_layout.addWidget(self.plan_today)
        plan_layout.addWidget(self.schedule)
        plan_layout.addLayout(step_row)
        plan_layout.addWidget(step_buttons)

        self.settings = ActivitySettingsForm()
        for group in (self.tests_box, self.baseline, self.plan_box, self.settings):
            outer.addWidget(group)
        outer.addWidget(self.status)
        outer.addStretch(1)

        self.settings.save_button.clicked.connect(self.save_settings)
        self.settings.delete_button.clicked.connect(self._on_delete_clicked)
        self.record_test.clicked.connect(self.add_test)
        self.test_amount.submitted.connect(self.add_test)
        self.remove_test.clicked.connect(self._on_remove_test_clicked)
        self.baseline.accept_baseline.clicked.connect(self.use_baseline)
        self.step_down_button.clicked.connect(self.step_down)
        self.step_up_button.clicked.connect(self.step_up)
        self.retranslate_ui()
        self.refresh()
        diary.host.add(self)

    # --- text ---

    def retranslate_ui(self) -> None:
        self.tests_box.setTitle(_("Step 1: tolerance tests"))
        self.tests_help.setText(
            _(
                "Do the activity as you normally would until your pain or your most limiting symptom clearly "
                "rises, then stop and write down how much you did. Do this on three different days. You can "
                "record a test you did on an earlier day: choose its day first."
            )
        )
        self.test_day_label.setText(_("Day of the &test"))
        self.test_day.setAccessibleName(_("Day this tolerance test was done"))
        self.test_amount.setAccessibleName(_("Amount done in this tolerance test"))
        self.record_test.setText(_("Record test"))
        self.record_test.setAccessibleName(_("Record this tolerance test"))
        self.tests.setAccessibleName(_("Tolerance tests recorded"))
        self.remove_test.setText(_("Remove selected test"))
        self.remove_test.setAccessibleName(_("Remove the selected tolerance test"))
        self.plan_box.setTitle(_("Step 3: your weekly plan"))
        self.schedule.setHorizontalHeaderLabels([_("Week starting"), _("Each planned day")])
        self.schedule.setAccessibleName(_("Your plan for the coming weeks"))
        self.share_label.setText(_("After a flare-up, step down to"))
        self.share.setAccessibleName(_("Share of today's target to step down to, in per cent"))
        self.step_down_button.setText(_("Step down"))
        self.step_down_button.setAccessibleName(_("Step the plan down to this share"))
        self.step_up_button.setText(_("Step back up"))
        self.step_up_button.setAccessibleName(_("Step the plan back up to where it was before"))
        self._render()

    # --- reading ---

    def choose(self, activity_id: str | None) -> None:
        """Show another activity (the person chose it in the list): read it, and fill its settings form."""
        if activity_id == self.activity_id:
            return
        self.status.setText("")
        self.activity_id = activity_id
        self.refresh()
        if self.activity is not None:
            self.settings.load(self.activity)

    def refresh(self) -> None:
        """Read the chosen activity, its tests and its plan (the only place this part reads the diary)."""
        pacing = self._session.pacing
        on_today = self._test_day() == self._day  # the test's day still says "today": it moves with the day
        self._day = self._diary.clock.today()
        self.test_day.setMaximumDate(_qdate(self._day))
        if on_today:
            self.test_day.setDate(_qdate(self._day))
        self.activity, self._tests, self._schedule, self._target, self._stepped = None, [], [], None, False
        if self.activity_id is not None:
            try:
                self.activity = pacing.get(self.activity_id)
            except ValidationError:  # deleted
                self.activity = None
        if self.activity is not None:
            activity_id = self.activity.id
            self._tests = pacing.tests(activity_id)
            self._schedule = pacing.schedule(activity_id)
            self._target = pacing.target_on(activity_id, ignore_days=True)
            self._stepped = pacing.is_stepped_down(activity_id)
        self._render()

    def _render(self) -> None:
        """Draw what refresh() kept, in the current language."""
        activity = self.activity
        self.setEnabled(activity is not None)
        self.baseline.show_for(activity, self._tests)
        if activity is None:
            self.title.setText("")
            self.tests.clear()
            self.schedule.setRowCount(0)
            return
        self.title.setText(activity.name)
        self.tests.clear()
        for test in reversed(self._tests):
            item = QListWidgetItem(
                _("{date}: {amount}").format(
                    date=format_date(test.taken_at.date()), amount=format_amount(test.amount, activity)
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, test.id)
            self.tests.addItem(item)
        own = activity.unit is p.Unit.OWN
        self.test_unit.setText(activity.own_unit if own else _(UNIT_NAMES[activity.unit]))
        count, days = len(self._tests), p.tests_on_distinct_days(self._tests)
        if count < p.TESTS_NEEDED:
            text = ngettext("{count} test of {needed} recorded.", "{count} tests of {needed} recorded.", count).format(
                count=count, needed=p.TESTS_NEEDED
            )
        elif days < p.TESTS_NEEDED:
            text = _("Enough tests, but they are not on three different days: the baseline may be less steady.")
        else:
            text = _("Three tests recorded. Your baseline uses the latest three.")
        self.tests_count.setText(text)
        self.remove_test.setEnabled(bool(self._tests))
        self._render_plan(activity)

    def _render_plan(self, activity: p.Activity) -> None:
        self.schedule.setRowCount(len(self._schedule))
        for index, row in enumerate(self._schedule):
            self.schedule.setItem(index, 0, QTableWidgetItem(format_date(row.week_starts)))
            self.schedule.setItem(index, 1, QTableWidgetItem(format_amount(row.amount, activity)))
        target = self._target
        if target is None:
            text = _("No plan yet: record your tests and choose a baseline first.")
        elif not activity.planned_on(self._day):
            text = _("Today is not a planned day. The plan on planned days this week: {amount}.").format(
                amount=format_amount(target, activity)
            )
        else:
            text = _("Today's plan: {amount}.").format(amount=format_amount(target, activity))
        if self._stepped:
            text = _("{plan} The plan is stepped down after a flare-up.").format(plan=text)
        self.plan_today.setText(text)
        self.step_down_button.setEnabled(target is not None)
        self.step_up_button.setEnabled(self._stepped)

    def showEvent(self, event: QShowEvent) -> None:
        if self._day != self._diary.clock.today():  # shown again on a later day: today's plan has moved
            self.refresh()
        super().showEvent(event)

    # --- writing: every write goes through the diary; the host refreshes what shows it ---

    def _write(self, op: Callable[[], tuple[object, Changes]], done_text: str) -> object | None:
        done = self._diary.run(op, problem=self.status)
        if done is None:
            return None
        self.status.setText(done_text)
        return done.value

    def add_test(self) -> None:
        activity_id, amount = self.activity_id, self.test_amount.value()
        if activity_id is None:
            return
        chosen = self._test_day()
        day = None if chosen == self._day else chosen  # still "today" (even just after midnight): now
        if self._write(
            lambda: self._session.pacing.record_test(activity_id, amount, taken_on=day), _("Test recorded.")
        ):
            self.test_amount.setValue(0)
            self.test_day.setDate(_qdate(self._day))

    def _on_remove_test_clicked(self) -> None:
        item = self.tests.currentItem()
        if item is None:
            self.status.setText(_("Choose a test in the list first."))
            return
        test_id = item.data(Qt.ItemDataRole.UserRole)
        self._write(lambda: (True, self._session.pacing.delete_test(test_id)), _("The test was removed."))

    def use_baseline(self) -> None:
        calc, activity_id = self.baseline.calc, self.activity_id
        if activity_id is None or calc is None:
            return
        self._write(
            lambda: self._session.pacing.accept_baseline(activity_id, calc), _("Baseline kept. Your plan starts today.")
        )

    def step_down(self) -> None:
        activity_id, share = self.activity_id, self.share.value() / 100
        if activity_id is not None:
            self._write(
                lambda: (True, self._session.pacing.step_down(activity_id, share)),
                _("The plan is stepped down. Step back up when you feel ready."),
            )

    def step_up(self) -> None:
        activity_id = self.activity_id
        if activity_id is not None:
            self._write(lambda: (True, self._session.pacing.step_up(activity_id)), _("The plan is back where it was."))

    def save_settings(self) -> None:
        if self.activity is None:
            return
        changed = self.settings.value(self.activity)
        saved = self._write(lambda: self._session.pacing.update_activity(changed), _("Changes saved."))
        if isinstance(saved, p.Activity):
            self.settings.load(saved)  # as the diary keeps it (spaces tidied)

    def _on_delete_clicked(self) -> None:
        activity = self.activity
        if activity is None:
            return

        def answered() -> None:
            if self._write(lambda: (True, self._session.pacing.delete_activity(activity.id)), "") is not None:
                self.deleted.emit()

        dialogs.confirm(
            self,
            _("Delete activity"),
            _("Delete “{name}” with its tolerance tests, plan and everything logged for it?").format(
                name=activity.name
            ),
            answered,
        )

    def _test_day(self) -> dt.date:
        chosen = self.test_day.date()
        return dt.date(chosen.year(), chosen.month(), chosen.day())

    # --- unsaved input over a lock ---

    def draft(self) -> Draft | None:
        """What is typed here and not saved: the settings form, a test not yet recorded, the baseline inputs."""
        if self.activity is None:
            return None
        kept: dict[str, Any] = {}
        if self.settings.has_changes(self.activity):
            kept["settings"] = self.settings.state()
        day = self._test_day()
        if self.test_amount.value() > 0 or day != self._day:
            kept["test"] = {"amount": self.test_amount.value(), "day": day.isoformat()}
        if self.baseline.state() != BaselineChooser.default_state():
            kept["baseline"] = self.baseline.state()
        return {"activity_id": self.activity.id, **kept} if kept else None

    def restore(self, draft: Draft) -> None:
        self.choose(str(draft.get("activity_id")))
        if self.activity is None:
            return
        if isinstance(settings := draft.get("settings"), dict):
            self.settings.load_state(settings)
        if isinstance(test := draft.get("test"), dict):
            self.test_amount.setValue(float(test.get("amount", 0)))
            with contextlib.suppress(ValueError):
                self.test_day.setDate(_qdate(dt.date.fromisoformat(str(test.get("day")))))
        if isinstance(baseline := draft.get("baseline"), dict):
            self.baseline.load_state(baseline)
        self.status.setText(
            _("What you had typed here was kept when the diary locked. It is not saved yet: check it, then save.")
        )
