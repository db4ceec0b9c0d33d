"""My goals: a list, and an editor for one goal with its steps, target date, status and my own 0-10 rating.

A part of the UI core: `refresh()` reads the goals; the editor holds what the person types until they save
it (a refresh never replaces it) and keeps it over a lock as a draft."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from companion.domain.goals import Goal, GoalStatus, GoalStep
from companion.domain.scales import GOAL_NEARNESS
from companion.i18n import N_, _, ngettext, pgettext
from companion.i18n.formatting import format_date
from companion.services.goals import new_id
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft
from companion.ui.goals.section import Section, scrolled
from companion.ui.layouts import flow_row, scrolled_page, stack_when_narrow
from companion.ui.whole_views import grow_with_rows
from companion.ui.widgets import label

STATUS_NAMES = {
    GoalStatus.ACTIVE: N_("Working on it"),
    GoalStatus.DONE: N_("Done"),
    GoalStatus.PAUSED: N_("Paused for now"),
    GoalStatus.STOPPED: N_("No longer a goal"),
}


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


class GoalsSection(Section):
    draft_key = "goals.goal"

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(diary, parent)
        self.setObjectName("goalsSection")
        self.goal: Goal | None = None  # the goal in the editor, as last read (None: a new goal)
        self._goals: list[Goal] = []
        self._loaded: dict[str, Any] = {}  # the editor's state when it was last filled from the diary
        # The tab scrolls as a whole when the editor goes under the list (large text); side by side, the
        # editor scrolls in its place and the tab fits the window.
        _content, column = scrolled_page(self)
        row = QHBoxLayout()
        column.addLayout(row)
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("goalList")
        self.list.setWordWrap(True)
        self.list.setMaximumWidth(300)
        self.new_button = QPushButton()
        self.new_button.setObjectName("newGoalButton")
        left.addWidget(self.list, 1)
        left.addWidget(self.new_button)
        editor = QWidget()
        form_box = QVBoxLayout(editor)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # long labels go above their field
        self.title = QLineEdit()
        self.title.setObjectName("goalTitle")
        self.why = QPlainTextEdit()
        self.why.setObjectName("goalWhy")
        self.why.setTabChangesFocus(True)
        self.why.setMaximumHeight(90)
        self.has_target = QCheckBox()
        self.has_target.setObjectName("goalHasTarget")
        self.target = QDateEdit()
        self.target.setObjectName("goalTarget")
        self.target.setCalendarPopup(True)
        self.has_target.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # never squeezed
        # The date goes under "By" when the page is narrow (a Welsh month at 200 % text is wide).
        target_row = flow_row(self.has_target, self.target)
        self.goal_status = QComboBox()
        self.goal_status.setObjectName("goalStatus")
        for status in GoalStatus:
            self.goal_status.addItem("", status.value)
        self.title_label, self.why_label, self.target_label, self.status_label = label(), label(), label(), label()
        form.addRow(self.title_label, self.title)
        form.addRow(self.why_label, self.why)
        form.addRow(self.target_label, target_row)
        form.addRow(self.status_label, self.goal_status)
        self.steps_label = label("subheading")
        self.steps = QListWidget()
        self.steps.setObjectName("goalSteps")
        grow_with_rows(self.steps)  # every step shown: the page scrolls, not the list
        step_row = QHBoxLayout()
        self.new_step = QLineEdit()
        self.new_step.setObjectName("newStep")
        self.add_step = QPushButton()
        self.add_step.setObjectName("addStepButton")
        self.remove_step = QPushButton()
        self.remove_step.setObjectName("removeStepButton")
        step_row.addWidget(self.new_step, 1)
        step_row.addWidget(self.add_step)
        self.progress = label()
        self.progress.setObjectName("goalProgress")
        self.rating = QSpinBox()
        self.rating.setObjectName("goalRating")
        self.rating.setRange(0, 10)
        self.rate_button = QPushButton()
        self.rate_button.setObjectName("rateGoalButton")
        self.rating_label = label()
        self.rating_label.setBuddy(self.rating)
        rating_row = QHBoxLayout()
        rating_row.addWidget(self.rating_label, 1)
        rating_row.addWidget(flow_row(self.rating, self.rate_button))  # the button goes under when narrow
        self.rating_scale = label()
        self.rating_scale.setObjectName("goalRatingScale")
        self.ratings = label()
        self.ratings.setObjectName("goalRatings")
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveGoalButton")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteGoalButton")
        buttons = flow_row(self.save_button, self.delete_button)  # wraps rather than widen the page
        form_box.addLayout(form)
        form_box.addWidget(self.steps_label)
        form_box.addWidget(self.steps)
        form_box.addLayout(step_row)
        form_box.addWidget(self.remove_step, 0, Qt.AlignmentFlag.AlignLeft)
        form_box.addWidget(self.progress)
        form_box.addWidget(buttons)
        form_box.addLayout(rating_row)
        form_box.addWidget(self.rating_scale)
        form_box.addWidget(self.ratings)
        form_box.addWidget(self.status)
        form_box.addStretch(1)
        row.addLayout(left)
        self.editor_area = scrolled(editor)
        row.addWidget(self.editor_area, 1)
        # At large text sizes (or when the editor would be squeezed) it goes under the list, each shown whole.
        stack_when_narrow(self, row, whole_when_stacked=(self.list, self.editor_area))

        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.new_button.clicked.connect(self.new_goal)
        self.add_step.clicked.connect(self._add_step)
        self.new_step.returnPressed.connect(self._add_step)
        self.remove_step.clicked.connect(self._remove_step)
        self.steps.itemChanged.connect(self._update_progress)
        self.has_target.toggled.connect(self.target.setEnabled)
        self.save_button.clicked.connect(self.save_goal)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.rate_button.clicked.connect(self.rate)
        self.retranslate_ui()
        self.refresh()
        self.show_goal(None)
        diary.host.add(self)

    def retranslate_ui(self) -> None:
        self.list.setAccessibleName(_("Your goals"))
        self.new_button.setText(_("&New goal"))
        self.new_button.setAccessibleName(_("Start a new goal"))
        self.title_label.setText(_("&Goal"))
        self.title_label.setBuddy(self.title)
        self.title.setPlaceholderText(_("For example: walk to the shop"))
        self.title.setAccessibleName(_("Goal title"))
        self.why_label.setText(_("Why it matters to me"))
        self.why.setAccessibleName(_("Why this goal matters to me"))
        self.target_label.setText(_("Target date"))
        self.has_target.setText(pgettext("target date", "By"))
        self.has_target.setAccessibleName(_("This goal has a target date"))
        self.target.setAccessibleName(_("Target date"))
        self.status_label.setText(_("Status"))
        self.goal_status.setAccessibleName(_("Goal status"))
        for index, status in enumerate(GoalStatus):
            self.goal_status.setItemText(index, _(STATUS_NAMES[status]))
        self.steps_label.setText(_("Steps (tick each one when it is done)"))
        self.steps.setAccessibleName(_("Steps towards the goal; tick when done"))
        self.new_step.setPlaceholderText(_("A small step, such as walk to the gate"))
        self.new_step.setAccessibleName(_("New step"))
        self.add_step.setText(_("Add step"))
        self.add_step.setAccessibleName(_("Add this step"))
        self.remove_step.setText(_("Remove selected step"))
        self.remove_step.setAccessibleName(_("Remove the selected step"))
        self.save_button.setText(_("&Save goal"))
        self.save_button.setAccessibleName(_("Save this goal and its steps"))
        self.delete_button.setText(_("Delete goal"))
        self.delete_button.setAccessibleName(_("Delete this goal"))
        self.rating_label.setText(_("How near does the goal feel today?"))
        self.rating_scale.setText(_(GOAL_NEARNESS.both))
        self.rating.setAccessibleName(_("How near the goal feels today"))
        self.rating.setAccessibleDescription(_(GOAL_NEARNESS.both))
        self.rate_button.setText(_("Record"))
        self.rate_button.setAccessibleName(_("Record how near the goal feels today"))
        self._render()

    # --- reading ---

    def refresh(self) -> None:
        """Read the goals (the only place this section reads the diary)."""
        self._goals = self._session.goals.goals()
        if self.goal is not None:  # the goal in the editor, as now kept (its ratings may be new)
            self.goal = next((g for g in self._goals if g.id == self.goal.id), None)
        self._render()

    def _render(self) -> None:
        """Draw what refresh() kept: the list, and the chosen goal's ratings (the editor is the person's)."""
        self.list.blockSignals(True)
        self.list.clear()
        for goal in self._goals:
            text = _("{goal}\n{status}; steps done: {done} of {total}").format(
                goal=goal.title, status=_(STATUS_NAMES[goal.status]), done=goal.steps_done, total=len(goal.steps)
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, goal.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._render_chosen()

    def _render_chosen(self) -> None:
        """The list's choice, the buttons and the ratings of the goal in the editor."""
        current = self.goal.id if self.goal else None
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == current:
                self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self.delete_button.setEnabled(self.goal is not None)
        self.rate_button.setEnabled(self.goal is not None)
        self._show_ratings(self.goal)
        self._update_progress()

    def _on_list_current_item_changed(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        goal_id = item.data(Qt.ItemDataRole.UserRole)
        self.show_goal(next((g for g in self._goals if g.id == goal_id), None))

    def show_goal(self, goal: Goal | None) -> None:
        """Fill the editor with `goal` (None: an empty editor for a new goal)."""
        self.goal = goal
        self.status.setText("")
        self.title.setText(goal.title if goal else "")
        self.why.setPlainText(goal.why if goal else "")
        has_target = goal is not None and goal.target_date is not None
        self.has_target.setChecked(has_target)
        self.target.setEnabled(has_target)
        day = goal.target_date if goal and goal.target_date else self._diary.clock.today()
        self.target.setDate(_qdate(day))
        self.goal_status.setCurrentIndex(list(GoalStatus).index(goal.status) if goal else 0)
        self.steps.blockSignals(True)
        self.steps.clear()
        for step in goal.steps if goal else ():
            self._add_step_item(step)
        self.steps.blockSignals(False)
        self.new_step.clear()
        self._loaded = self.editor_state()
        self._render_chosen()

    def _show_ratings(self, goal: Goal | None) -> None:
        if goal is None or not goal.ratings:
            self.ratings.setText(_("No ratings yet.") if goal else "")
            return
        recent = [
            _("{date}: {rating}").format(date=format_date(r.rated_at.date()), rating=r.rating)
            for r in reversed(goal.ratings[-6:])
        ]
        self.ratings.setText(_("Your ratings, newest first: {ratings}").format(ratings="; ".join(recent)))

    # --- steps (kept in the editor until the goal is saved) ---

    def _add_step_item(self, step: GoalStep) -> None:
        item = QListWidgetItem(step.text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if step.done else Qt.CheckState.Unchecked)
        item.setData(Qt.ItemDataRole.UserRole, step.id)
        item.setData(Qt.ItemDataRole.UserRole + 1, step.done_on)
        self.steps.addItem(item)

    def _add_step(self) -> None:
        text = self.new_step.text().strip()
        if not text:
            self.status.setText(_("Type the step first, then Add step."))
            return
        self._add_step_item(GoalStep(new_id(), text))
        self.new_step.clear()
        self._update_progress()
        self.status.setText(_("Step added. Save the goal to keep it."))

    def _remove_step(self) -> None:
        row = self.steps.currentRow()
        if row < 0:
            self.status.setText(_("Choose a step in the list first."))
            return
        self.steps.takeItem(row)
        self._update_progress()

    def _update_progress(self) -> None:
        total = self.steps.count()
        done = sum(self.steps.item(i).checkState() == Qt.CheckState.Checked for i in range(total))
        self.progress.setText(
            ngettext("{done} of {total} step done.", "{done} of {total} steps done.", total).format(
                done=done, total=total
            )
            if total
            else _("No steps yet. Break the goal into small steps.")
        )

    def current_goal(self) -> Goal:
        """The goal as the editor holds it (not yet checked: the service validates it)."""
        today = self._diary.clock.today()
        steps = []
        for index in range(self.steps.count()):
            item = self.steps.item(index)
            done = item.checkState() == Qt.CheckState.Checked
            was = item.data(Qt.ItemDataRole.UserRole + 1)
            steps.append(GoalStep(item.data(Qt.ItemDataRole.UserRole), item.text(), (was or today) if done else None))
        date = self.target.date()
        base = self.goal or Goal(new_id(), "")
        return replace(
            base,
            title=self.title.text(),
            why=self.why.toPlainText(),
            target_date=dt.date(date.year(), date.month(), date.day()) if self.has_target.isChecked() else None,
            status=GoalStatus(self.goal_status.currentData()),
            steps=tuple(steps),
        )

    def new_goal(self) -> None:
        self.show_goal(None)
        self.title.setFocus()

    # --- writing ---

    def save_goal(self) -> None:
        goal = self.current_goal()
        done = self._write(lambda: self._session.goals.save_goal(goal), _("Goal saved."))
        if done is None:
            return
        saved = next((g for g in self._goals if g.id == done.value.id), done.value)
        self.show_goal(saved)  # as kept (a new goal is now in the list, chosen)
        self.status.setText(_("Goal saved."))

    def rate(self) -> None:
        if self.goal is None:
            return
        goal_id, rating = self.goal.id, self.rating.value()
        self._write(lambda: self._session.goals.rate_goal(goal_id, rating), _("Rating recorded."))

    def _on_delete_clicked(self) -> None:
        goal = self.goal
        if goal is None:
            return

        def answered() -> None:
            if self._write(lambda: (True, self._session.goals.delete_goal(goal.id))) is not None:
                self.show_goal(None)
                self.status.setText(_("The goal was deleted."))

        dialogs.confirm(
            self,
            _("Delete goal"),
            _("Delete the goal “{title}” with its steps and ratings? Action plans for it are kept.").format(
                title=goal.title
            ),
            answered,
        )

    # --- unsaved editing over a lock ---

    def editor_state(self) -> dict[str, Any]:
        """What the editor holds, as plain values."""
        return {
            "goal_id": self.goal.id if self.goal else None,
            "title": self.title.text(),
            "why": self.why.toPlainText(),
            "has_target": self.has_target.isChecked(),
            "target": self.target.date().toString(Qt.DateFormat.ISODate),
            "status": self.goal_status.currentData(),
            "steps": [
                {
                    "id": item.data(Qt.ItemDataRole.UserRole),
                    "text": item.text(),
                    "done": item.checkState() == Qt.CheckState.Checked,
                    "done_on": d.isoformat() if (d := item.data(Qt.ItemDataRole.UserRole + 1)) else None,
                }
                for item in (self.steps.item(i) for i in range(self.steps.count()))
            ],
            "new_step": self.new_step.text(),
        }

    def has_changes(self) -> bool:
        return self.editor_state() != self._loaded

    def draft(self) -> Draft | None:
        return self.editor_state() if self.has_changes() else None

    def restore(self, draft: Draft) -> None:
        goal_id = draft.get("goal_id")
        self.show_goal(next((g for g in self._goals if g.id == goal_id), None))
        self.title.setText(str(draft.get("title", "")))
        self.why.setPlainText(str(draft.get("why", "")))
        self.has_target.setChecked(bool(draft.get("has_target")))
        target = QDate.fromString(str(draft.get("target", "")), Qt.DateFormat.ISODate)
        if target.isValid():
            self.target.setDate(target)
        self.goal_status.setCurrentIndex(max(0, self.goal_status.findData(draft.get("status"))))
        self.steps.clear()
        for step in draft.get("steps", []):
            done_on = dt.date.fromisoformat(step["done_on"]) if step.get("done_on") else None
            item_step = GoalStep(str(step.get("id") or new_id()), str(step.get("text", "")), done_on)
            self._add_step_item(item_step)
            if step.get("done") and done_on is None:
                self.steps.item(self.steps.count() - 1).setCheckState(Qt.CheckState.Checked)
        self.new_step.setText(str(draft.get("new_step", "")))
        self._update_progress()
        self.status.setText(
            _("Your unsaved changes to this goal were kept when the diary locked. Check them, then Save goal.")
        )
