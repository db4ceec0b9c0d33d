"""One activity: its settings, the three tolerance tests, the baseline with its arithmetic, and the plan."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from companion.domain import pacing as p
from companion.domain.errors import SaveFailedError, ValidationError
from companion.i18n import N_, _, ngettext
from companion.i18n.formatting import format_date, format_time, format_weekday_short
from companion.presentation.pacing_words import UNIT_NAMES, explain_baseline, format_amount
from companion.services.session import DiarySession
from companion.ui import dialogs
from companion.ui.pacing.today_panel import AmountSpin
from companion.ui.widgets import Retranslatable, label

METHOD_NAMES = {
    p.BaselineMethod.MEAN: N_("Average of my tests, less a margin (usual)"),
    p.BaselineMethod.GOOD_BAD: N_("Halfway between a good day and a bad day"),
    p.BaselineMethod.JUST_BELOW: N_("Just below where my symptoms start"),
    p.BaselineMethod.OWN: N_("My own figure"),
}
INCREASE_NAMES = {
    p.IncreaseKind.PERCENT: N_("A share more each week"),
    p.IncreaseKind.STEP: N_("A fixed step more each week"),
    p.IncreaseKind.NONE: N_("Keep to the same amount"),
}


class ActivityDetail(Retranslatable, QWidget):
    changed = Signal()
    deleted = Signal()
    save_failed = Signal(object)

    def __init__(self, session: DiarySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activityDetail")
        self._session = session
        self.activity: p.Activity | None = None
        self._calc: p.BaselineCalc | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.title = label("heading")
        self.title.setObjectName("activityTitle")
        self.status = label()
        self.status.setObjectName("activityStatus")
        outer.addWidget(self.title)

        # --- settings ---
        self.settings_box = QGroupBox()
        form = QFormLayout(self.settings_box)
        self.name = QLineEdit()
        self.name.setObjectName("activityName")
        self.unit = QComboBox()
        self.unit.setObjectName("activityUnit")
        for unit in p.Unit:
            self.unit.addItem("", unit.value)
        self.own_unit = QLineEdit()
        self.own_unit.setObjectName("activityOwnUnit")
        days_row = QGridLayout()  # four a row, so long day names never widen the page
        self.days = [QCheckBox() for _day in range(7)]
        for index, box in enumerate(self.days):
            box.setObjectName(f"activityDay{index}")
            days_row.addWidget(box, index // 4, index % 4)
        self.increase_kind = QComboBox()
        self.increase_kind.setObjectName("activityIncreaseKind")
        for kind in p.IncreaseKind:
            self.increase_kind.addItem("", kind.value)
        self.increase_value = QDoubleSpinBox()
        self.increase_value.setObjectName("activityIncreaseValue")
        self.increase_value.setDecimals(1)
        self.increase_value.setRange(0.5, 1000)
        self.rest_every = QSpinBox()
        self.rest_every.setObjectName("activityRestEvery")
        self.rest_every.setRange(0, 240)
        self.save_button = QPushButton()
        self.save_button.setObjectName("activitySaveButton")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("activityDeleteButton")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        self.name_label, self.unit_label, self.own_label = label(), label(), label()
        self.days_label, self.increase_label, self.step_label, self.rest_label = label(), label(), label(), label()
        form.addRow(self.name_label, self.name)
        form.addRow(self.unit_label, self.unit)
        form.addRow(self.own_label, self.own_unit)
        form.addRow(self.days_label, days_row)
        form.addRow(self.increase_label, self.increase_kind)
        form.addRow(self.step_label, self.increase_value)
        form.addRow(self.rest_label, self.rest_every)
        form.addRow(buttons)

        # --- tolerance tests ---
        self.tests_box = QGroupBox()
        tests_layout = QVBoxLayout(self.tests_box)
        self.tests_help = label()
        self.tests_count = label()
        self.tests_count.setObjectName("testsCount")
        test_row = QHBoxLayout()
        self.test_amount = AmountSpin()
        self.test_amount.setObjectName("testAmount")
        self.test_amount.setDecimals(1)
        self.test_amount.setRange(0, p.AMOUNT_MAX)
        self.test_unit = label()
        self.record_test = QPushButton()
        self.record_test.setObjectName("recordTestButton")
        test_row.addWidget(self.test_amount)
        test_row.addWidget(self.test_unit)
        test_row.addWidget(self.record_test)
        test_row.addStretch(1)
        self.tests = QListWidget()
        self.tests.setObjectName("testsList")
        self.tests.setMaximumHeight(120)
        self.remove_test = QPushButton()
        self.remove_test.setObjectName("removeTestButton")
        tests_layout.addWidget(self.tests_help)
        tests_layout.addLayout(test_row)
        tests_layout.addWidget(self.tests_count)
        tests_layout.addWidget(self.tests)
        tests_layout.addWidget(self.remove_test, 0, Qt.AlignmentFlag.AlignLeft)

        # --- baseline ---
        self.baseline_box = QGroupBox()
        baseline_layout = QVBoxLayout(self.baseline_box)
        self.current_baseline = label()
        self.current_baseline.setObjectName("currentBaseline")
        self.method = QComboBox()
        self.method.setObjectName("baselineMethod")
        for method in p.BaselineMethod:
            self.method.addItem("", method.value)
        self.method_inputs = QStackedWidget()
        self.factor = QSpinBox()
        self.factor.setObjectName("baselineFactor")
        self.factor.setRange(50, 100)
        self.factor.setSuffix(" %")
        self.factor.setValue(round(p.DEFAULT_FACTOR * 100))
        self.good = QDoubleSpinBox()
        self.good.setObjectName("baselineGood")
        self.bad = QDoubleSpinBox()
        self.bad.setObjectName("baselineBad")
        self.symptoms = QDoubleSpinBox()
        self.symptoms.setObjectName("baselineSymptoms")
        self.own_value = QDoubleSpinBox()
        self.own_value.setObjectName("baselineOwn")
        for spin in (self.good, self.bad, self.symptoms, self.own_value):
            spin.setDecimals(1)
            spin.setRange(0, p.AMOUNT_MAX)
        self.factor_label, self.good_label, self.bad_label = label(), label(), label()
        self.symptoms_label, self.own_value_label = label(), label()
        for rows in (
            ((self.factor_label, self.factor),),
            ((self.good_label, self.good), (self.bad_label, self.bad)),
            ((self.symptoms_label, self.symptoms),),
            ((self.own_value_label, self.own_value),),
        ):
            page = QWidget()
            page_form = QFormLayout(page)
            page_form.setContentsMargins(0, 0, 0, 0)
            for caption, widget in rows:
                page_form.addRow(caption, widget)
            self.method_inputs.addWidget(page)
        self.arithmetic = label(selectable=True)
        self.arithmetic.setObjectName("baselineArithmetic")
        self.accept_baseline = QPushButton()
        self.accept_baseline.setObjectName("acceptBaselineButton")
        self.method_label = label()
        method_row = QFormLayout()
        method_row.addRow(self.method_label, self.method)
        baseline_layout.addWidget(self.current_baseline)
        baseline_layout.addLayout(method_row)
        baseline_layout.addWidget(self.method_inputs)
        baseline_layout.addWidget(self.arithmetic)
        baseline_layout.addWidget(self.accept_baseline, 0, Qt.AlignmentFlag.AlignLeft)

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
        self.schedule.setMinimumHeight(200)
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
        step_buttons = QHBoxLayout()
        step_buttons.addWidget(self.step_down_button)
        step_buttons.addWidget(self.step_up_button)
        step_buttons.addStretch(1)
        plan_layout.addWidget(self.plan_today)
        plan_layout.addWidget(self.schedule)
        plan_layout.addLayout(step_row)
        plan_layout.addLayout(step_buttons)

        for group in (self.tests_box, self.baseline_box, self.plan_box, self.settings_box):
            outer.addWidget(group)
        for combo in (self.unit, self.increase_kind, self.method):
            # long choices (Welsh especially) are elided in the closed box rather than widening the page
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
        outer.addWidget(self.status)
        outer.addStretch(1)

        self.save_button.clicked.connect(self.save_settings)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.unit.currentIndexChanged.connect(self._on_unit_changed)
        self.increase_kind.currentIndexChanged.connect(self._on_increase_kind_changed)
        self.record_test.clicked.connect(self.add_test)
        self.test_amount.submitted.connect(self.add_test)
        self.remove_test.clicked.connect(self._on_remove_test_clicked)
        self.method.currentIndexChanged.connect(self._on_method_changed)
        for value_box in (self.factor, self.good, self.bad, self.symptoms, self.own_value):
            value_box.valueChanged.connect(self.update_calc)
        self.accept_baseline.clicked.connect(self.use_baseline)
        self.step_down_button.clicked.connect(self.step_down)
        self.step_up_button.clicked.connect(self.step_up)
        self.retranslate_ui()

    # --- text ---

    def retranslate_ui(self) -> None:
        self.settings_box.setTitle(_("About this activity"))
        self.name_label.setText(_("&Name"))
        self.name_label.setBuddy(self.name)
        self.name.setAccessibleName(_("Activity name"))
        self.unit_label.setText(_("Counted in"))
        self.unit_label.setBuddy(self.unit)
        self.unit.setAccessibleName(_("What the activity is counted in"))
        for index, unit in enumerate(p.Unit):
            self.unit.setItemText(index, _(UNIT_NAMES[unit]))
        self.own_label.setText(_("My own unit"))
        self.own_unit.setAccessibleName(_("Your own unit, such as rooms or lengths"))
        self.days_label.setText(_("Planned days"))
        for index, box in enumerate(self.days):
            box.setText(format_weekday_short(index))
            box.setAccessibleName(_("Planned on {day}").format(day=format_weekday_short(index)))
        self.increase_label.setText(_("Each week"))
        self.increase_label.setBuddy(self.increase_kind)
        self.increase_kind.setAccessibleName(_("How the plan grows each week"))
        for index, kind in enumerate(p.IncreaseKind):
            self.increase_kind.setItemText(index, _(INCREASE_NAMES[kind]))
        self.step_label.setText(_("By"))
        self.increase_value.setAccessibleName(_("How much the plan grows each week"))
        self.rest_label.setText(_("Rest break every (minutes, 0 for none)"))
        self.rest_label.setBuddy(self.rest_every)
        self.rest_every.setAccessibleName(_("Timer rest break every so many minutes; 0 for none"))
        self.save_button.setText(_("Save changes"))
        self.save_button.setAccessibleName(_("Save the changes to this activity"))
        self.delete_button.setText(_("Delete activity"))
        self.delete_button.setAccessibleName(_("Delete this activity with its tests, plan and log"))

        self.tests_box.setTitle(_("Step 1: tolerance tests"))
        self.tests_help.setText(
            _(
                "Do the activity as you normally would until your pain or your most limiting symptom clearly "
                "rises, then stop and write down how much you did. Do this on three different days."
            )
        )
        self.test_amount.setAccessibleName(_("Amount done in this tolerance test"))
        self.record_test.setText(_("Record test"))
        self.record_test.setAccessibleName(_("Record this tolerance test"))
        self.tests.setAccessibleName(_("Tolerance tests recorded"))
        self.remove_test.setText(_("Remove selected test"))
        self.remove_test.setAccessibleName(_("Remove the selected tolerance test"))

        self.baseline_box.setTitle(_("Step 2: your baseline"))
        self.method_label.setText(_("Work it out from"))
        self.method_label.setBuddy(self.method)
        self.method.setAccessibleName(_("How to work out the baseline"))
        for index, method in enumerate(p.BaselineMethod):
            self.method.setItemText(index, _(METHOD_NAMES[method]))
        self.factor_label.setText(_("Share of the average"))
        self.factor.setAccessibleName(_("Share of the average to use as the baseline, in per cent"))
        self.good_label.setText(_("On a good day I can do"))
        self.good.setAccessibleName(_("Amount on a good day"))
        self.bad_label.setText(_("On a bad day I can do"))
        self.bad.setAccessibleName(_("Amount on a bad day"))
        self.symptoms_label.setText(_("My symptoms start at"))
        self.symptoms.setAccessibleName(_("Amount at which your symptoms start"))
        self.own_value_label.setText(_("My baseline"))
        self.own_value.setAccessibleName(_("Your own baseline figure"))
        self.arithmetic.setAccessibleName(_("How the baseline was worked out"))
        self.accept_baseline.setText(_("Use this baseline"))
        self.accept_baseline.setAccessibleName(_("Use this baseline and start the plan from today"))

        self.plan_box.setTitle(_("Step 3: your weekly plan"))
        self.schedule.setHorizontalHeaderLabels([_("Week starting"), _("Each planned day")])
        self.schedule.setAccessibleName(_("Your plan for the coming weeks"))
        self.share_label.setText(_("After a flare-up, step down to"))
        self.share.setAccessibleName(_("Share of today's target to step down to, in per cent"))
        self.step_down_button.setText(_("Step down"))
        self.step_down_button.setAccessibleName(_("Step the plan down to this share"))
        self.step_up_button.setText(_("Step back up"))
        self.step_up_button.setAccessibleName(_("Step the plan back up to where it was before"))
        self.refresh()

    # --- showing an activity ---

    def show_activity(self, activity: p.Activity | None) -> None:
        if activity is None or self.activity is None or activity.id != self.activity.id:
            self.status.setText("")
        self.activity = activity
        if activity is not None:
            self.name.setText(activity.name)
            self.unit.setCurrentIndex(list(p.Unit).index(activity.unit))
            self.own_unit.setText(activity.own_unit)
            for index, box in enumerate(self.days):
                box.setChecked(index in activity.planned_days)
            self.increase_kind.setCurrentIndex(list(p.IncreaseKind).index(activity.increase.kind))
            self.increase_value.setValue(activity.increase.value)
            self.rest_every.setValue(activity.rest_every_minutes or 0)
        self.refresh()

    def refresh(self) -> None:
        activity = self.activity
        self.setEnabled(activity is not None)
        if activity is None or not self._session.is_open:
            self.title.setText("")
            return
        pacing = self._session.pacing
        self.title.setText(activity.name)
        self.own_unit.setEnabled(self.unit.currentData() == p.Unit.OWN.value)
        self._on_increase_kind_changed()
        tests = pacing.tests(activity.id)
        self.tests.clear()
        for test in reversed(tests):
            item = QListWidgetItem(
                _("{date}, {time}: {amount}").format(
                    date=format_date(test.taken_at.date()),
                    time=format_time(test.taken_at),
                    amount=format_amount(test.amount, activity),
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, test.id)
            self.tests.addItem(item)
        self.test_unit.setText(_(UNIT_NAMES[activity.unit]) if activity.unit is not p.Unit.OWN else activity.own_unit)
        days = p.tests_on_distinct_days(tests)
        if len(tests) < p.TESTS_NEEDED:
            count = ngettext(
                "{count} test of {needed} recorded.", "{count} tests of {needed} recorded.", len(tests)
            ).format(count=len(tests), needed=p.TESTS_NEEDED)
        elif days < p.TESTS_NEEDED:
            count = _("Enough tests, but they are not on three different days: the baseline may be less steady.")
        else:
            count = _("Three tests recorded. Your baseline uses the latest three.")
        self.tests_count.setText(count)
        self.remove_test.setEnabled(bool(tests))
        if activity.baseline is not None:
            self.current_baseline.setText(
                _("Your baseline: {amount}.").format(amount=format_amount(activity.baseline, activity))
            )
        else:
            self.current_baseline.setText(_("No baseline yet."))
        self.update_calc()
        self._refresh_plan()

    def _refresh_plan(self) -> None:
        assert self.activity is not None
        pacing = self._session.pacing
        activity = self.activity
        rows = pacing.schedule(activity.id)
        self.schedule.setRowCount(len(rows))
        for index, row in enumerate(rows):
            self.schedule.setItem(index, 0, QTableWidgetItem(format_date(row.week_starts)))
            self.schedule.setItem(index, 1, QTableWidgetItem(format_amount(row.amount, activity)))
        target = pacing.target_on(activity.id, ignore_days=True)
        stepped = pacing.is_stepped_down(activity.id)
        if target is None:
            text = _("No plan yet: record your tests and choose a baseline first.")
        elif not activity.planned_on(pacing.today()):
            text = _("Today is not a planned day. The plan on planned days this week: {amount}.").format(
                amount=format_amount(target, activity)
            )
        else:
            text = _("Today's plan: {amount}.").format(amount=format_amount(target, activity))
        if stepped:
            text += " " + _("The plan is stepped down after a flare-up.")
        self.plan_today.setText(text)
        self.step_down_button.setEnabled(target is not None)
        self.step_up_button.setEnabled(stepped)

    # --- baseline ---

    def _on_method_changed(self) -> None:
        self.method_inputs.setCurrentIndex(self.method.currentIndex())
        self.update_calc()

    def update_calc(self) -> None:
        self._calc = None
        activity = self.activity
        if activity is None or not self._session.is_open:
            return
        method = p.BaselineMethod(self.method.currentData())
        try:
            if method is p.BaselineMethod.MEAN:
                calc = p.baseline_from_tests(
                    self._session.pacing.tests(activity.id), activity.unit, self.factor.value() / 100
                )
            elif method is p.BaselineMethod.GOOD_BAD:
                calc = p.baseline_good_bad(self.good.value(), self.bad.value(), activity.unit)
            elif method is p.BaselineMethod.JUST_BELOW:
                calc = p.baseline_just_below(self.symptoms.value(), activity.unit)
            else:
                calc = p.baseline_own(self.own_value.value(), activity.unit)
        except ValidationError as exc:
            self.arithmetic.setText(exc.message())
            self.accept_baseline.setEnabled(False)
            return
        self._calc = calc
        self.arithmetic.setText(explain_baseline(calc, activity))
        self.accept_baseline.setEnabled(True)

    def use_baseline(self) -> None:
        if self.activity is None or self._calc is None:
            return
        try:
            self.activity, _changes = self._session.pacing.accept_baseline(self.activity.id, self._calc)
        except ValidationError as exc:
            self.status.setText(exc.message())
            return
        except SaveFailedError as exc:
            self.save_failed.emit(exc)
        self.status.setText(_("Baseline kept. Your plan starts today."))
        self.refresh()
        self.changed.emit()

    # --- tests ---

    def add_test(self) -> None:
        if self.activity is None:
            return
        try:
            self._session.pacing.record_test(self.activity.id, self.test_amount.value())
        except ValidationError as exc:
            self.status.setText(exc.message())
            return
        except SaveFailedError as exc:
            self.save_failed.emit(exc)
        self.status.setText(_("Test recorded."))
        self.test_amount.setValue(0)
        self.refresh()
        self.changed.emit()

    def _on_remove_test_clicked(self) -> None:
        item = self.tests.currentItem()
        if item is None:
            self.status.setText(_("Choose a test in the list first."))
            return
        try:
            self._session.pacing.delete_test(item.data(Qt.ItemDataRole.UserRole))
        except SaveFailedError as exc:
            self.save_failed.emit(exc)
        self.refresh()

    # --- plan ---

    def step_down(self) -> None:
        self._plan_action(
            lambda a: self._session.pacing.step_down(a, self.share.value() / 100),
            _("The plan is stepped down. Step back up when you feel ready."),
        )

    def step_up(self) -> None:
        self._plan_action(self._session.pacing.step_up, _("The plan is back where it was."))

    def _plan_action(self, action: object, done: str) -> None:
        if self.activity is None:
            return
        try:
            action(self.activity.id)  # type: ignore[operator]
        except ValidationError as exc:
            self.status.setText(exc.message())
            return
        except SaveFailedError as exc:
            self.save_failed.emit(exc)
        self.status.setText(done)
        self.refresh()
        self.changed.emit()

    # --- settings ---

    def _on_unit_changed(self) -> None:
        own = self.unit.currentData() == p.Unit.OWN.value
        self.own_unit.setEnabled(own)

    def _on_increase_kind_changed(self) -> None:
        kind = p.IncreaseKind(self.increase_kind.currentData())
        self.increase_value.setEnabled(kind is not p.IncreaseKind.NONE)
        self.increase_value.setSuffix(" %" if kind is p.IncreaseKind.PERCENT else "")

    def save_settings(self) -> None:
        if self.activity is None:
            return
        from dataclasses import replace

        changed = replace(
            self.activity,
            name=self.name.text(),
            unit=p.Unit(self.unit.currentData()),
            own_unit=self.own_unit.text(),
            planned_days=frozenset(i for i, box in enumerate(self.days) if box.isChecked()),
            increase=p.IncreaseRule(p.IncreaseKind(self.increase_kind.currentData()), self.increase_value.value()),
            rest_every_minutes=self.rest_every.value() or None,
        )
        try:
            self.activity, _changes = self._session.pacing.update_activity(changed)
        except ValidationError as exc:
            self.status.setText(exc.message())
            return
        except SaveFailedError as exc:
            self.save_failed.emit(exc)
        self.status.setText(_("Changes saved."))
        self.refresh()
        self.changed.emit()

    def _on_delete_clicked(self) -> None:
        activity = self.activity
        if activity is None:
            return

        def answered() -> None:
            try:
                self._session.pacing.delete_activity(activity.id)
            except SaveFailedError as exc:
                self.save_failed.emit(exc)
            self.activity = None
            self.deleted.emit()

        dialogs.confirm(
            self,
            _("Delete activity"),
            _("Delete “{name}” with its tolerance tests, plan and everything logged for it?").format(
                name=activity.name
            ),
            answered,
        )
