"""The wizard's spreadsheet step: which column holds the date, the time, pain, sleep, mood, tiredness, a note and
tags; the scales and units they are in; and, when the file's dates could be either, the date order."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from companion.i18n import N_, _
from companion.i18n.formatting import format_date
from companion.presentation.import_wizard import FIELD_NAMES, FIELD_QUESTIONS
from companion.services.imports.look import FileLook
from companion.services.imports.reading import DateOrder, parse_date
from companion.services.imports.spreadsheet import FIELDS, SCALES, SCORED, ColumnMapping, Field, SleepUnit
from companion.ui.imports.steps import scrolling
from companion.ui.layouts import flow_row
from companion.ui.widgets import label

SCALE_NAMES = {10: N_("0 to 10"), 5: N_("0 to 5"), 100: N_("0 to 100")}
SCALE_QUESTIONS: dict[Field, str] = {
    "pain": N_("The scale of the pain scores in the file"),
    "mood": N_("The scale of mood in the file"),
    "tiredness": N_("The scale of tiredness in the file"),
}
SLEEP_UNITS: tuple[SleepUnit, ...] = ("hours", "minutes")
SLEEP_UNIT_NAMES = {"hours": N_("in hours"), "minutes": N_("in minutes")}
ORDERS: tuple[DateOrder, ...] = ("dmy", "mdy")


class MappingStep(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importMappingStep")
        self.look: FileLook | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        area, column = scrolling(QWidget())
        outer.addWidget(area)
        self.intro = label()
        self.intro.setObjectName("importMappingIntro")
        self.fields_box = QGroupBox()
        form = QFormLayout(self.fields_box)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.columns: dict[Field, QComboBox] = {}
        self.scales: dict[Field, QComboBox] = {}
        self.captions: dict[Field, QLabel] = {}
        self.order_box = QGroupBox()
        self.order_box.setObjectName("importDateOrder")
        for name in FIELDS:
            combo = QComboBox()
            combo.setObjectName(f"importColumn_{name}")
            combo.setMinimumContentsLength(14)
            combo.currentIndexChanged.connect(self._on_choice_changed)
            self.columns[name] = combo
            parts: list[QWidget] = [combo]
            if name in SCORED or name == "sleep_hours":
                unit = QComboBox()
                unit.setObjectName(f"importScale_{name}")
                for value in SCALES if name in SCORED else SLEEP_UNITS:
                    unit.addItem("", value)
                unit.currentIndexChanged.connect(self._on_choice_changed)
                self.scales[name] = unit
                parts.append(unit)
            caption = label()
            caption.setBuddy(combo)
            self.captions[name] = caption
            form.addRow(caption, flow_row(*parts))
            if name == "date":  # asked right under the date's column, only when its dates could be either
                form.addRow(self.order_box)
        self._form = form
        order_layout = QVBoxLayout(self.order_box)
        self.order_question = label()
        self.order_question.setObjectName("importDateOrderQuestion")
        order_layout.addWidget(self.order_question)
        self.order_group = QButtonGroup(self)
        self.orders: dict[DateOrder, QRadioButton] = {}
        for order in ORDERS:
            button = QRadioButton()
            button.setObjectName(f"importOrder_{order}")
            self.order_group.addButton(button)
            order_layout.addWidget(button)
            self.orders[order] = button
        self.order_group.buttonToggled.connect(lambda *_a: self._on_choice_changed())
        self.waiting = label()
        self.waiting.setObjectName("importMappingWaiting")
        self.sample_caption = label()
        self.sample = QTableWidget()
        self.sample.setObjectName("importSample")
        self.sample.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.sample.setMinimumHeight(160)
        self.sample.setTabKeyNavigation(False)
        self.sample_caption.setBuddy(self.sample)
        for widget in (self.intro, self.fields_box, self.waiting, self.sample_caption, self.sample):
            column.addWidget(widget)
        column.addStretch(1)
        self.retranslate_ui()

    # --- the file ---

    def show_file(self, look: FileLook) -> None:
        """Offer the file's columns, first choosing the suggested one for each field (the person checks)."""
        self.look = look
        for name, combo in self.columns.items():
            combo.blockSignals(True)
            combo.clear()
            if name != "date":
                combo.addItem("", None)
            for column in look.header:
                combo.addItem(column, column)
            suggested = look.suggested.get(name)
            combo.setCurrentIndex(max(0, combo.findData(suggested)) if suggested else 0)
            combo.blockSignals(False)
        for button in self.orders.values():
            self.order_group.setExclusive(False)
            button.setChecked(False)
            self.order_group.setExclusive(True)
        self.sample.clear()
        self.sample.setColumnCount(len(look.header))
        self.sample.setRowCount(len(look.sample))
        self.sample.setHorizontalHeaderLabels(list(look.header))
        self.sample.setVerticalHeaderLabels([str(number) for number, _cells in look.sample])
        for row, (_number, cells) in enumerate(look.sample):
            for index in range(len(look.header)):
                text = cells[index] if index < len(cells) else ""
                self.sample.setItem(row, index, QTableWidgetItem(text))
        self.sample.resizeColumnsToContents()
        self._on_choice_changed()

    def _on_choice_changed(self, *_args: object) -> None:
        self._form.setRowVisible(self.order_box, self.needs_order())
        self.retranslate_ui()
        self.changed.emit()

    # --- what was chosen ---

    def needs_order(self) -> bool:
        column = self.columns["date"].currentData()
        return self.look is not None and column is not None and self.look.date_orders.get(column, "ymd") is None

    def date_order(self) -> DateOrder | None:
        """The order chosen when the file can't show it; None lets the file's own dates decide."""
        if not self.needs_order():
            return None
        return next((order for order, button in self.orders.items() if button.isChecked()), None)

    def ready(self) -> bool:
        return self.columns["date"].currentData() is not None and (not self.needs_order() or bool(self.date_order()))

    def mapping(self) -> ColumnMapping:
        columns = {name: str(c.currentData()) for name, c in self.columns.items() if c.currentData() is not None}
        scales = {name: int(self.scales[name].currentData()) for name in SCORED}
        sleep: SleepUnit = "minutes" if self.scales["sleep_hours"].currentData() == "minutes" else "hours"
        return ColumnMapping(columns, scales, sleep)

    def state(self) -> dict[str, Any]:
        return {
            "columns": {name: c.currentData() for name, c in self.columns.items()},
            "scales": {name: s.currentData() for name, s in self.scales.items()},
            "order": self.date_order(),
        }

    def set_state(self, state: dict[str, Any]) -> None:
        for name, column in dict(state.get("columns", {})).items():
            if name in self.columns:
                self.columns[name].setCurrentIndex(max(0, self.columns[name].findData(column)))
        for name, value in dict(state.get("scales", {})).items():
            if name in self.scales:
                self.scales[name].setCurrentIndex(max(0, self.scales[name].findData(value)))
        order = state.get("order")
        if order in self.orders:
            self.orders[order].setChecked(True)

    # --- words ---

    def retranslate_ui(self) -> None:
        self.intro.setText(
            _(
                "Say which column of the file holds each thing. Only the date is needed; choose “Not in this "
                "file” for the rest where it has no such column. Scores on another scale are converted to 0 "
                "to 10: out of 5 doubled, out of 100 divided by 10."
            )
        )
        self.fields_box.setTitle(_("Columns"))
        for name, combo in self.columns.items():
            self.captions[name].setText(_(FIELD_NAMES[name]))
            combo.setAccessibleName(_(FIELD_QUESTIONS[name]))
            if name != "date" and combo.count():
                combo.setItemText(0, _("Not in this file"))
        for name, unit in self.scales.items():
            if name in SCORED:
                unit.setAccessibleName(_(SCALE_QUESTIONS[name]))
                for index in range(unit.count()):
                    unit.setItemText(index, _(SCALE_NAMES[int(unit.itemData(index))]))
            else:
                unit.setAccessibleName(_("The unit of sleep in the file"))
                for index in range(unit.count()):
                    unit.setItemText(index, _(SLEEP_UNIT_NAMES[str(unit.itemData(index))]))
        self.order_box.setTitle(_("Date order"))
        self._word_orders()
        self.waiting.setText(_("Choose the date order above to go on.") if not self.ready() else "")
        self.waiting.setVisible(not self.ready())
        self.sample_caption.setText(_("The first rows of the file:"))
        self.sample.setAccessibleName(_("The first rows of the file, as they are in it"))

    def _word_orders(self) -> None:
        column = self.columns["date"].currentData()
        example = self.look.examples.get(column, "") if self.look is not None and column else ""
        self.order_question.setText(
            _(
                "The dates in this column, such as {example}, could be day/month/year or month/day/year. Which is it?"
            ).format(example=example)
        )
        for order, button in self.orders.items():
            read = parse_date(example, order)
            if read is None:
                button.setText(_("&Day first") if order == "dmy" else _("&Month first"))
            elif order == "dmy":
                button.setText(_("&Day first: {example} is {date}").format(example=example, date=format_date(read[0])))
            else:
                button.setText(
                    _("&Month first: {example} is {date}").format(example=example, date=format_date(read[0]))
                )
