"""Goals: what matters to me (kept current, earlier versions dated), my goals with steps and my own
0-10 rating, and the week's action plans with ticks and the weekly check-back."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QDate, Qt, Signal
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
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from companion.domain.changes import Changes
from companion.domain.goals import Goal, GoalStatus, GoalStep
from companion.i18n import N_, _, ngettext, pgettext
from companion.i18n.formatting import format_date
from companion.services.goals import new_id
from companion.services.session import DiarySession
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import PagePart
from companion.ui.goals.plans_section import PlansSection
from companion.ui.goals.section import Section, scrolled
from companion.ui.layouts import flow_row
from companion.ui.widgets import label

STATUS_NAMES = {
    GoalStatus.ACTIVE: N_("Working on it"),
    GoalStatus.DONE: N_("Done"),
    GoalStatus.PAUSED: N_("Paused for now"),
    GoalStatus.STOPPED: N_("No longer a goal"),
}


# --- what matters to me ---------------------------------------------------------------------------------


class WhatMattersSection(Section):
    def __init__(self, session: DiarySession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("whatMattersSection")
        layout = QVBoxLayout(self)
        self.intro = label()
        self.what_label = label("subheading")
        self.what = QPlainTextEdit()
        self.what.setObjectName("whatMattersText")
        self.what.setTabChangesFocus(True)
        self.good_label = label("subheading")
        self.good = QPlainTextEdit()
        self.good.setObjectName("goodDayText")
        self.good.setTabChangesFocus(True)
        for edit in (self.what, self.good):
            edit.setMinimumHeight(90)
        self.save = QPushButton()
        self.save.setObjectName("saveWhatMatters")
        self.updated = label()
        self.updated.setObjectName("whatMattersUpdated")
        self.history_label = label("subheading")
        self.history = QListWidget()
        self.history.setObjectName("whatMattersHistory")
        self.history.setWordWrap(True)
        self.history.setMinimumHeight(120)
        for widget in (self.intro, self.what_label, self.what, self.good_label, self.good):
            layout.addWidget(widget)
        row = QHBoxLayout()
        row.addWidget(self.save)
        row.addWidget(self.updated, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.history_label)
        layout.addWidget(self.history, 1)
        self.save.clicked.connect(self.save_words)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.intro.setText(
            _(
                "In your own words. This comes first on the summary you take to appointments, so the people "
                "helping you know what you are working towards."
            )
        )
        self.what_label.setText(_("What matters to me"))
        self.what.setAccessibleName(_("What matters to me"))
        self.good_label.setText(_("When I have a good day, what makes it good?"))
        self.good.setAccessibleName(_("When I have a good day, what makes it good?"))
        self.save.setText(_("&Save"))
        self.save.setAccessibleName(_("Save what matters to me"))
        self.history_label.setText(_("Earlier versions"))
        self.history.setAccessibleName(_("Earlier versions of what matters to me, newest first"))
        self.refresh()

    def refresh(self) -> None:
        if not self._session.is_open:
            return
        history = self._session.goals.what_matters_history()
        current = history[0] if history else None
        if current is not None and not self.what.document().isModified() and not self.good.document().isModified():
            self.what.setPlainText(current.what_matters)
            self.good.setPlainText(current.good_day)
        self.updated.setText(
            _("Last changed on {date}.").format(date=format_date(current.written_at.date())) if current else ""
        )
        self.history.clear()
        for version in history[1:]:
            item = QListWidgetItem(
                _("{date}: {what}").format(date=format_date(version.written_at.date()), what=version.what_matters)
            )
            self.history.addItem(item)
        self.history_label.setVisible(len(history) > 1)
        self.history.setVisible(len(history) > 1)

    def save_words(self) -> None:
        def action() -> None:
            self._session.goals.save_what_matters(self.what.toPlainText(), self.good.toPlainText())

        if self._run(action, _("Saved.")):
            self.what.document().setModified(False)
            self.good.document().setModified(False)
            self.refresh()

    def has_changes(self) -> bool:
        return self.what.document().isModified() or self.good.document().isModified()


# --- goals ------------------------------------------------------------------------------------------------


class GoalsSection(Section):
    def __init__(self, session: DiarySession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("goalsSection")
        self.goal: Goal | None = None
        row = QHBoxLayout(self)
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
        self.steps.setMinimumHeight(110)
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
        rating_row = QHBoxLayout()
        self.rating = QSpinBox()
        self.rating.setObjectName("goalRating")
        self.rating.setRange(0, 10)
        self.rate_button = QPushButton()
        self.rate_button.setObjectName("rateGoalButton")
        self.rating_label = label()
        rating_row.addWidget(self.rating_label, 1)
        rating_row.addWidget(self.rating)
        rating_row.addWidget(self.rate_button)
        self.ratings = label()
        self.ratings.setObjectName("goalRatings")
        buttons = QHBoxLayout()
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveGoalButton")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteGoalButton")
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        form_box.addLayout(form)
        form_box.addWidget(self.steps_label)
        form_box.addWidget(self.steps)
        form_box.addLayout(step_row)
        form_box.addWidget(self.remove_step, 0, Qt.AlignmentFlag.AlignLeft)
        form_box.addWidget(self.progress)
        form_box.addLayout(buttons)
        form_box.addLayout(rating_row)
        form_box.addWidget(self.ratings)
        form_box.addWidget(self.status)
        form_box.addStretch(1)
        row.addLayout(left)
        row.addWidget(scrolled(editor), 1)

        self.list.currentItemChanged.connect(self._on_current_changed)
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
        self.new_goal()

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
        self.rating_label.setText(_("How near does the goal feel today (0 to 10)?"))
        self.rating.setAccessibleName(_("How near the goal feels today, from 0 to 10"))
        self.rate_button.setText(_("Record"))
        self.rate_button.setAccessibleName(_("Record how near the goal feels today"))
        self.refresh()

    def refresh(self) -> None:
        if not self._session.is_open:
            return
        goals = self._session.goals.goals()
        current = self.goal.id if self.goal else None
        self.list.blockSignals(True)
        self.list.clear()
        for goal in goals:
            text = _("{goal}\n{status}; steps done: {done} of {total}").format(
                goal=goal.title, status=_(STATUS_NAMES[goal.status]), done=goal.steps_done, total=len(goal.steps)
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, goal.id)
            self.list.addItem(item)
            if goal.id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if current is not None:
            fresh = next((g for g in goals if g.id == current), None)
            if fresh is not None:
                self._show_ratings(fresh)
        self._update_progress()

    def _on_current_changed(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        self.show_goal(self._session.goals.get_goal(item.data(Qt.ItemDataRole.UserRole)))

    def show_goal(self, goal: Goal | None) -> None:
        self.goal = goal
        self.status.setText("")
        self.title.setText(goal.title if goal else "")
        self.why.setPlainText(goal.why if goal else "")
        has_target = goal is not None and goal.target_date is not None
        self.has_target.setChecked(has_target)
        self.target.setEnabled(has_target)
        today = self._session.goals.today() if self._session.is_open else None
        day = goal.target_date if goal and goal.target_date else today
        if day is not None:
            self.target.setDate(QDate(day.year, day.month, day.day))
        self.goal_status.setCurrentIndex(list(GoalStatus).index(goal.status) if goal else 0)
        self.steps.blockSignals(True)
        self.steps.clear()
        for step in goal.steps if goal else ():
            self._add_step_item(step)
        self.steps.blockSignals(False)
        self.delete_button.setEnabled(goal is not None)
        self.rate_button.setEnabled(goal is not None)
        self._show_ratings(goal)
        self._update_progress()

    def _show_ratings(self, goal: Goal | None) -> None:
        if goal is None or not goal.ratings:
            self.ratings.setText(_("No ratings yet.") if goal else "")
            return
        recent = [
            _("{date}: {rating}").format(date=format_date(r.rated_at.date()), rating=r.rating)
            for r in reversed(goal.ratings[-6:])
        ]
        self.ratings.setText(_("Your ratings, newest first: {ratings}").format(ratings="; ".join(recent)))

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
        today = self._session.goals.today()
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
        self.list.clearSelection()
        self.show_goal(None)
        self.title.setFocus()

    def save_goal(self) -> None:
        result: list[Goal] = []

        def action() -> None:
            saved, _changes = self._session.goals.save_goal(self.current_goal())
            result.append(saved)

        if self._run(action, _("Goal saved.")) and result:
            self.goal = result[0]
            self.refresh()
            self.show_goal(self._session.goals.get_goal(result[0].id))
            self.status.setText(_("Goal saved."))

    def rate(self) -> None:
        if self.goal is None:
            return
        goal_id = self.goal.id
        if self._run(lambda: self._session.goals.rate_goal(goal_id, self.rating.value()), _("Rating recorded.")):
            self.refresh()

    def _on_delete_clicked(self) -> None:
        goal = self.goal
        if goal is None:
            return

        def answered() -> None:
            if self._run(
                lambda: self._session.goals.delete_goal(goal.id), _("The goal was deleted.")
            ):
                self.goal = None
                self.refresh()
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


# --- the page ---------------------------------------------------------------------------------------------


class GoalsView(PagePart, QWidget):
    interests = Changes(goals=True)
    changed = Signal()
    save_failed = Signal(object)

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        session = diary.session
        self._diary = diary
        self.setObjectName("goalsView")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        self.heading = label("heading")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("goalsTabs")
        self.what_matters = WhatMattersSection(session)
        self.goals = GoalsSection(session)
        self.plans = PlansSection(session)
        self.tabs.addTab(scrolled(self.what_matters), "")
        self.tabs.addTab(self.goals, "")
        self.tabs.addTab(self.plans, "")
        outer.addWidget(self.heading)
        outer.addWidget(self.tabs, 1)
        for section in (self.what_matters, self.goals, self.plans):
            section.changed.connect(self.changed)
            section.save_failed.connect(self.save_failed)
        self.goals.changed.connect(self.plans.refresh)
        self.retranslate_ui()
        self.changed.connect(lambda: diary.announce(self.interests))  # interim: until its writes use diary.run
        diary.host.add(self)

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Goals"))
        self.tabs.setTabText(0, _("What matters to me"))
        self.tabs.setTabText(1, _("My goals"))
        self.tabs.setTabText(2, _("Weekly action plans"))
        self.tabs.setAccessibleName(_("Goals sections"))

    def refresh(self) -> None:
        self.what_matters.refresh()
        self.goals.refresh()
        self.plans.refresh()
