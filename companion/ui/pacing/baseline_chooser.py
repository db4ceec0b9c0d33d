"""Step 2 of pacing: choosing a baseline, with its arithmetic shown before it is kept.

It works out the baseline from the tests its activity part last read (`show_for`); it never reads the diary.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from companion.domain import pacing as p
from companion.domain.errors import ValidationError
from companion.i18n import N_, _
from companion.presentation.pacing_words import explain_baseline, format_amount
from companion.ui.whole_views import PageStack
from companion.ui.widgets import Retranslatable, label

METHOD_NAMES = {
    p.BaselineMethod.MEAN: N_("Average of my tests, less a margin (usual)"),
    p.BaselineMethod.GOOD_BAD: N_("Halfway between a good day and a bad day"),
    p.BaselineMethod.JUST_BELOW: N_("Just below where my symptoms start"),
    p.BaselineMethod.OWN: N_("My own figure"),
}
_INPUTS = ("factor", "good", "bad", "symptoms", "own_value")


class BaselineChooser(Retranslatable, QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._activity: p.Activity | None = None
        self._tests: list[p.ToleranceTest] = []
        self.calc: p.BaselineCalc | None = None
        self._problem: ValidationError | None = None
        layout = QVBoxLayout(self)
        self.current_baseline = label()
        self.current_baseline.setObjectName("currentBaseline")
        self.method = QComboBox()
        self.method.setObjectName("baselineMethod")
        for method in p.BaselineMethod:
            self.method.addItem("", method.value)
        self.method.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.method.setMinimumContentsLength(16)
        self.method_inputs = PageStack()  # as tall as the chosen method's boxes: no gap under one box
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
        layout.addWidget(self.current_baseline)
        layout.addLayout(method_row)
        layout.addWidget(self.method_inputs)
        layout.addWidget(self.arithmetic)
        layout.addWidget(self.accept_baseline, 0, Qt.AlignmentFlag.AlignLeft)
        self.method.currentIndexChanged.connect(self._on_method_changed)
        for value_box in (self.factor, self.good, self.bad, self.symptoms, self.own_value):
            value_box.valueChanged.connect(self.update_calc)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(_("Step 2: your baseline"))
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
        self._render()

    def show_for(self, activity: p.Activity | None, tests: list[p.ToleranceTest]) -> None:
        """The activity and its tests as last read; the arithmetic follows."""
        self._activity, self._tests = activity, tests
        self.update_calc()

    def update_calc(self) -> None:
        self.calc, self._problem = None, None
        activity = self._activity
        if activity is not None:
            method = p.BaselineMethod(self.method.currentData())
            try:
                if method is p.BaselineMethod.MEAN:
                    self.calc = p.baseline_from_tests(self._tests, activity.unit, self.factor.value() / 100)
                elif method is p.BaselineMethod.GOOD_BAD:
                    self.calc = p.baseline_good_bad(self.good.value(), self.bad.value(), activity.unit)
                elif method is p.BaselineMethod.JUST_BELOW:
                    self.calc = p.baseline_just_below(self.symptoms.value(), activity.unit)
                else:
                    self.calc = p.baseline_own(self.own_value.value(), activity.unit)
            except ValidationError as exc:
                self._problem = exc
        self._render()

    def _render(self) -> None:
        activity = self._activity
        if activity is not None and activity.baseline is not None:
            self.current_baseline.setText(
                _("Your baseline: {amount}.").format(amount=format_amount(activity.baseline, activity))
            )
        else:
            self.current_baseline.setText(_("No baseline yet."))
        if self.calc is not None and activity is not None:
            self.arithmetic.setText(explain_baseline(self.calc, activity))
        else:
            self.arithmetic.setText(self._problem.message() if self._problem else "")
        self.accept_baseline.setEnabled(self.calc is not None)

    def _on_method_changed(self) -> None:
        self.method_inputs.setCurrentIndex(self.method.currentIndex())
        self.update_calc()

    # --- unsaved input over a lock ---

    @staticmethod
    def default_state() -> dict[str, Any]:
        """The state of a chooser nobody has touched."""
        return {"method": p.BaselineMethod.MEAN.value, "factor": round(p.DEFAULT_FACTOR * 100)} | {
            name: 0.0 for name in _INPUTS[1:]
        }

    def state(self) -> dict[str, Any]:
        return {"method": self.method.currentData(), **{name: getattr(self, name).value() for name in _INPUTS}}

    def load_state(self, state: dict[str, Any]) -> None:
        self.method.setCurrentIndex(max(0, self.method.findData(state.get("method"))))
        for name in _INPUTS:
            if name in state:
                getattr(self, name).setValue(state[name])
