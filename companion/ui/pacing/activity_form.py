"""An activity's settings as a form: name, unit, planned days, the weekly increase and the timer's rest breaks.

The form holds what the person types until they save it: loading an activity fills it, `value()` reads it
back as an Activity to save, and `state()` / `load_state()` keep unsaved edits over a lock. It never reads
the diary."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from companion.domain import pacing as p
from companion.i18n import N_, _
from companion.i18n.formatting import format_weekday_short
from companion.presentation.pacing_words import UNIT_NAMES
from companion.ui.layouts import flow_row
from companion.ui.widgets import Retranslatable, label

INCREASE_NAMES = {
    p.IncreaseKind.PERCENT: N_("A share more each week"),
    p.IncreaseKind.STEP: N_("A fixed step more each week"),
    p.IncreaseKind.NONE: N_("Keep to the same amount"),
}


class ActivitySettingsForm(Retranslatable, QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # long labels go above their field
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
        buttons = flow_row(self.save_button, self.delete_button)  # wraps rather than widen the page
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
        for combo in (self.unit, self.increase_kind):
            # long choices (Welsh especially) are elided in the closed box rather than widening the page
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
        self.unit.currentIndexChanged.connect(self._on_unit_changed)
        self.increase_kind.currentIndexChanged.connect(self._on_increase_kind_changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(_("About this activity"))
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

    # --- values ---

    @staticmethod
    def state_of(activity: p.Activity) -> dict[str, Any]:
        """The form's state for a saved activity (what `state()` gives once it is loaded)."""
        return {
            "name": activity.name,
            "unit": activity.unit.value,
            "own_unit": activity.own_unit,
            "days": sorted(activity.planned_days),
            "increase_kind": activity.increase.kind.value,
            "increase_value": activity.increase.value,
            "rest_every": activity.rest_every_minutes or 0,
        }

    def load(self, activity: p.Activity) -> None:
        """Fill the form from a saved activity."""
        self.load_state(self.state_of(activity))

    def has_changes(self, activity: p.Activity) -> bool:
        """True when the form holds something not saved for `activity`."""
        return self.state() != self.state_of(activity)

    def value(self, base: p.Activity) -> p.Activity:
        """`base` with what the form holds (not yet checked: the service validates it)."""
        return replace(
            base,
            name=self.name.text(),
            unit=p.Unit(self.unit.currentData()),
            own_unit=self.own_unit.text(),
            planned_days=frozenset(i for i, box in enumerate(self.days) if box.isChecked()),
            increase=p.IncreaseRule(p.IncreaseKind(self.increase_kind.currentData()), self.increase_value.value()),
            rest_every_minutes=self.rest_every.value() or None,
        )

    def state(self) -> dict[str, Any]:
        """What the form holds, as plain values (kept over a lock when unsaved)."""
        return {
            "name": self.name.text(),
            "unit": self.unit.currentData(),
            "own_unit": self.own_unit.text(),
            "days": [i for i, box in enumerate(self.days) if box.isChecked()],
            "increase_kind": self.increase_kind.currentData(),
            "increase_value": self.increase_value.value(),
            "rest_every": self.rest_every.value(),
        }

    def load_state(self, state: dict[str, Any]) -> None:
        self.name.setText(str(state.get("name", "")))
        self.unit.setCurrentIndex(max(0, self.unit.findData(state.get("unit"))))
        self.own_unit.setText(str(state.get("own_unit", "")))
        days = {int(day) for day in state.get("days", [])}
        for index, box in enumerate(self.days):
            box.setChecked(index in days)
        self.increase_kind.setCurrentIndex(max(0, self.increase_kind.findData(state.get("increase_kind"))))
        self.increase_value.setValue(float(state.get("increase_value", 10)))
        self.rest_every.setValue(int(state.get("rest_every", 0)))
        self._on_unit_changed()
        self._on_increase_kind_changed()

    def _on_unit_changed(self) -> None:
        self.own_unit.setEnabled(self.unit.currentData() == p.Unit.OWN.value)

    def _on_increase_kind_changed(self) -> None:
        kind = p.IncreaseKind(self.increase_kind.currentData())
        self.increase_value.setEnabled(kind is not p.IncreaseKind.NONE)
        self.increase_value.setSuffix(" %" if kind is p.IncreaseKind.PERCENT else "")
