"""This week's action plans with their ticks, Edit and Delete, and the check-back for earlier weeks."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from companion.domain.goals import ActionPlan, CheckBackOutcome, completion, week_start
from companion.i18n import N_, _
from companion.i18n.formatting import format_date, format_weekday_short
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft
from companion.ui.goals.action_plan_dialog import ActionPlanDialog
from companion.ui.goals.section import Section, scrolled
from companion.ui.widgets import label
from companion.ui.wrapping import WrappingGroupBox, WrappingRadioButton, choice_row

OUTCOME_NAMES = {
    CheckBackOutcome.DONE: N_("&Done"),
    CheckBackOutcome.PARTLY: N_("&Partly"),
    CheckBackOutcome.NOT_DONE: N_("&Not done"),
}


# --- weekly action plans ------------------------------------------------------------------------------------


class PlanRow(QFrame):
    """One plan of this week: its words, how sure, the days ticked off so far, Edit and Delete."""

    tick_changed = Signal(str, object, bool)
    edit_requested = Signal(str)
    delete_requested = Signal(str)

    def __init__(self, plan: ActionPlan, today: dt.date, done_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionPlanRow")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.plan = plan
        layout = QVBoxLayout(self)
        parts = [plan.what]
        self.title = label()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.title.setText(" · ".join(p for p in (*parts, plan.how_much, plan.when) if p))
        self.detail = label()
        self.detail.setText(done_text)
        days = QHBoxLayout()
        self.ticks: dict[dt.date, QCheckBox] = {}
        for day in plan.planned_dates:
            box = QCheckBox(format_weekday_short(day.weekday()))
            box.setObjectName(f"tick{day.weekday()}")
            box.setChecked(day in plan.ticked)
            box.setEnabled(day <= today)
            box.setAccessibleName(_("Done on {day}: {plan}").format(day=format_date(day, "full"), plan=plan.what))
            box.toggled.connect(lambda checked, d=day: self.tick_changed.emit(plan.id, d, checked))
            days.addWidget(box)
            self.ticks[day] = box
        days.addStretch(1)
        buttons = QHBoxLayout()
        self.edit = QPushButton(_("Edit"))
        self.edit.setObjectName("editPlanButton")
        self.edit.setAccessibleName(_("Edit the plan: {plan}").format(plan=plan.what))
        self.delete = QPushButton(_("Delete"))
        self.delete.setObjectName("deletePlanButton")
        self.delete.setAccessibleName(_("Delete the plan: {plan}").format(plan=plan.what))
        buttons.addWidget(self.edit)
        buttons.addWidget(self.delete)
        buttons.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.detail)
        layout.addLayout(days)
        layout.addLayout(buttons)
        self.edit.clicked.connect(lambda: self.edit_requested.emit(plan.id))
        self.delete.clicked.connect(lambda: self.delete_requested.emit(plan.id))


class CheckBackBox(WrappingGroupBox):
    """The weekly check-back for an earlier week's plan: done, partly or not done; what got in the way."""

    saved = Signal(str, object, str, str)

    def __init__(self, plan: ActionPlan, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.setObjectName("checkBackBox")
        self.plan = plan
        self.setTitle(_("Check back: the week starting {date}").format(date=format_date(plan.week_start)))
        layout = QVBoxLayout(self)
        self.question = label()
        self.question.setText(_("You planned: {plan}. How did it go?").format(plan=plan.what))
        self.group = QButtonGroup(self)
        self.outcomes: dict[CheckBackOutcome, QRadioButton] = {}
        for outcome in CheckBackOutcome:
            button = WrappingRadioButton(_(OUTCOME_NAMES[outcome]))
            button.setObjectName(f"outcome_{outcome.value}")
            button.setAccessibleName(_(OUTCOME_NAMES[outcome]).replace("&", ""))
            self.group.addButton(button)
            self.outcomes[outcome] = button
        outcomes = choice_row(*self.outcomes.values())  # the answers wrap onto more rows when narrow
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # long labels go above their field
        self.in_the_way = QLineEdit()
        self.in_the_way.setObjectName("checkBackInTheWay")
        self.in_the_way.setAccessibleName(_("What got in the way?"))
        self.next_step = QLineEdit()
        self.next_step.setObjectName("checkBackNextStep")
        self.next_step.setAccessibleName(_("My next step"))
        form.addRow(label_text(_("What got in the way?")), self.in_the_way)
        form.addRow(label_text(_("My next step")), self.next_step)
        self.save = QPushButton(_("Save check-back"))
        self.save.setObjectName("saveCheckBack")
        self.save.setAccessibleName(_("Save the check-back for: {plan}").format(plan=plan.what))
        self.message = label()
        layout.addWidget(self.question)
        layout.addWidget(outcomes)
        layout.addLayout(form)
        layout.addWidget(self.save, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.message)
        self.save.clicked.connect(self._on_save_clicked)

    def state(self) -> dict[str, object]:
        chosen = next((o for o, b in self.outcomes.items() if b.isChecked()), None)
        return {
            "outcome": chosen.value if chosen else None,
            "in_the_way": self.in_the_way.text(),
            "next_step": self.next_step.text(),
        }

    def has_input(self) -> bool:
        state = self.state()
        return bool(state["outcome"] or state["in_the_way"] or state["next_step"])

    def load_state(self, state: dict[str, object]) -> None:
        for outcome, button in self.outcomes.items():
            if outcome.value == state.get("outcome"):
                button.setChecked(True)
        self.in_the_way.setText(str(state.get("in_the_way", "")))
        self.next_step.setText(str(state.get("next_step", "")))

    def _on_save_clicked(self) -> None:
        chosen = next((o for o, b in self.outcomes.items() if b.isChecked()), None)
        if chosen is None:
            self.message.setText(_("Choose done, partly or not done first."))
            return
        self.saved.emit(self.plan.id, chosen, self.in_the_way.text(), self.next_step.text())


def label_text(text: str) -> QWidget:
    widget = label()
    widget.setText(text)
    return widget


class PlansSection(Section):
    draft_key = "goals.plans"

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(diary, parent)
        self.setObjectName("plansSection")
        self.dialog: ActionPlanDialog | None = None
        self._boxes: list[QWidget] = []
        self._day = diary.clock.today()
        self._check_back: list[ActionPlan] = []
        self._this_week: list[ActionPlan] = []
        outer = QVBoxLayout(self)
        content = QWidget()
        self.column = QVBoxLayout(content)
        self.intro = label()
        self.check_backs = QVBoxLayout()
        self.week_heading = label("subheading")
        self.rows = QVBoxLayout()
        self.empty = label()
        self.new_button = QPushButton()
        self.new_button.setObjectName("newPlanButton")
        self.column.addWidget(self.intro)
        self.column.addLayout(self.check_backs)
        self.column.addWidget(self.week_heading)
        self.column.addLayout(self.rows)
        self.column.addWidget(self.empty)
        self.column.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.column.addWidget(self.status)
        self.column.addStretch(1)
        outer.addWidget(scrolled(content))
        self.new_button.clicked.connect(lambda: self.open_dialog(None))
        self.retranslate_ui()
        self.refresh()
        diary.host.add(self)

    def retranslate_ui(self) -> None:
        self.intro.setText(
            _(
                "An action plan is one small thing you want to do this week, planned exactly: what, how much, "
                "when and on which days. Tick off each day you do it."
            )
        )
        self.new_button.setText(_("New &action plan"))
        self.new_button.setAccessibleName(_("Write a new action plan for this week"))
        self.empty.setText(_("No action plan for this week yet."))
        self._render()

    # --- reading ---

    def refresh(self) -> None:
        """Read the plans to check back on and this week's plans (the only place this section reads)."""
        goals = self._session.goals
        self._day = self._diary.clock.today()
        self._check_back = goals.plans_to_check_back()[:3]
        self._this_week = goals.plans_this_week()
        self._render()

    def _render(self) -> None:
        """Draw what refresh() kept; a check-back being filled in stays as the person left it."""
        typed = self._check_back_inputs()
        focus = self._focused_tick()
        for box in self._boxes:
            box.setParent(None)
            box.deleteLater()
        self._boxes = []
        for plan in self._check_back:
            box = CheckBackBox(plan)
            box.saved.connect(self.save_check_back)
            if plan.id in typed:
                box.load_state(typed[plan.id])
            self.check_backs.addWidget(box)
            self._boxes.append(box)
        self.week_heading.setText(_("The week starting {date}").format(date=format_date(week_start(self._day))))
        for plan in self._this_week:
            done = completion(plan, self._day)
            text = _("How sure: {confidence} out of 10. Done on {ticked} of {planned} planned days so far.").format(
                confidence=plan.confidence, ticked=done.ticked, planned=done.planned
            )
            row = PlanRow(plan, self._day, text)
            row.tick_changed.connect(self.tick)
            row.edit_requested.connect(self.open_dialog)
            row.delete_requested.connect(self.delete_plan)
            self.rows.addWidget(row)
            self._boxes.append(row)
            if focus is not None and focus[0] == plan.id and focus[1] in row.ticks:
                row.ticks[focus[1]].setFocus()  # a tick changed by keyboard keeps the keyboard there
        self.empty.setVisible(not self._this_week)

    def _check_back_inputs(self) -> dict[str, dict[str, object]]:
        return {box.plan.id: box.state() for box in self.check_back_boxes() if box.has_input()}

    def _focused_tick(self) -> tuple[str, dt.date] | None:
        for row in self.rows_shown():
            for day, box in row.ticks.items():
                if box.hasFocus():
                    return row.plan.id, day
        return None

    def showEvent(self, event: QShowEvent) -> None:
        if self._day != self._diary.clock.today():  # shown again on a later day: a new week may have begun
            self.refresh()
        super().showEvent(event)

    def rows_shown(self) -> list[PlanRow]:
        return [b for b in self._boxes if isinstance(b, PlanRow)]

    def check_back_boxes(self) -> list[CheckBackBox]:
        return [b for b in self._boxes if isinstance(b, CheckBackBox)]

    # --- writing ---

    def open_dialog(self, plan_id: str | None) -> ActionPlanDialog:
        plan = next((p for p in self._this_week if p.id == plan_id), None) if plan_id else None
        self.dialog = ActionPlanDialog.open_for(self._diary, plan, self)
        self.dialog.saved.connect(self._on_dialog_saved)
        return self.dialog

    def _on_dialog_saved(self, _plan: object) -> None:
        self.status.setText(_("Action plan saved."))

    def tick(self, plan_id: str, day: dt.date, done: bool) -> None:
        self._write(lambda: self._session.goals.tick(plan_id, day, done))

    def save_check_back(self, plan_id: str, outcome: CheckBackOutcome, in_the_way: str, next_step: str) -> None:
        self._write(
            lambda: self._session.goals.check_back(plan_id, outcome, in_the_way, next_step), _("Check-back saved.")
        )

    def delete_plan(self, plan_id: str) -> None:
        plan = next(p for p in self._this_week if p.id == plan_id)

        def answered() -> None:
            self._write(lambda: (True, self._session.goals.delete_plan(plan_id)), _("The action plan was deleted."))

        dialogs.confirm(
            self,
            _("Delete action plan"),
            _("Delete the action plan “{plan}”?").format(plan=plan.what),
            answered,
        )

    # --- a check-back being filled in, over a lock ---

    def draft(self) -> Draft | None:
        typed = self._check_back_inputs()
        return {"check_backs": typed} if typed else None

    def restore(self, draft: Draft) -> None:
        typed = draft.get("check_backs", {})
        if not isinstance(typed, dict):
            return
        for box in self.check_back_boxes():
            if isinstance(state := typed.get(box.plan.id), dict):
                box.load_state(state)
        self.status.setText(
            _("Your unsaved check-back was kept when the diary locked. It is not saved yet: check it, then save it.")
        )
