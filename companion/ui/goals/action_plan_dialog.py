"""Write or edit a weekly action plan: what, how much, when, which days, and how confident I am.

Below 7 out of 10 the dialog suggests making the plan smaller or easier, and leaves the choice with the
person: they can change it and see the suggestion go, or save it as it is. A plan being written when the
diary locks is kept (encrypted, in the diary, not saved as a plan) and the dialog opens again with it after
unlocking.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from companion.domain.goals import ActionPlan, Goal, suggests_smaller, week_start
from companion.domain.scales import CONFIDENCE
from companion.i18n import _
from companion.i18n.formatting import format_date, format_weekday_short
from companion.services.goals import new_id
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft, PagePart
from companion.ui.measures import ScrollBody
from companion.ui.story.fields import AgreementFields
from companion.ui.widgets import label, window_title


class ActionPlanDialog(PagePart, QDialog):
    saved = Signal(object)  # ActionPlan
    draft_key = "companion.ui.goals.action_plan_dialog:ActionPlanDialog"

    def __init__(self, diary: OpenDiary, plan: ActionPlan | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionPlanDialog")
        self._diary = diary
        self._session = session = diary.session
        self._plan = plan
        self._week: dt.date = plan.week_start if plan else week_start(diary.clock.today())
        layout = QVBoxLayout(self)
        self.intro = label()
        form = QFormLayout()
        self.goal = QComboBox()
        self.goal.setObjectName("planGoal")
        self._goals: list[Goal] = session.goals.goals()
        self.goal.addItem("", None)
        for goal in self._goals:
            self.goal.addItem(goal.title, goal.id)
        self.what = QLineEdit()
        self.what.setObjectName("planWhat")
        self.how_much = QLineEdit()
        self.how_much.setObjectName("planHowMuch")
        self.when = QLineEdit()
        self.when.setObjectName("planWhen")
        days = QGridLayout()
        self.days = [QCheckBox() for _day in range(7)]
        for index, box in enumerate(self.days):
            box.setObjectName(f"planDay{index}")
            days.addWidget(box, index // 4, index % 4)
        self.confidence = QSpinBox()
        self.confidence.setObjectName("planConfidence")
        self.confidence.setRange(0, 10)
        self.confidence_scale = label()
        self.confidence_scale.setObjectName("planConfidenceScale")
        confidence_box = QVBoxLayout()
        confidence_box.setContentsMargins(0, 0, 0, 0)
        confidence_box.addWidget(self.confidence, 0, Qt.AlignmentFlag.AlignLeft)
        confidence_box.addWidget(self.confidence_scale)
        self.suggestion = label()
        self.suggestion.setObjectName("planSuggestion")
        self.suggestion.setProperty("role", "note")
        self.status = label()
        self.status.setObjectName("planStatus")
        self.goal_label, self.what_label, self.how_label, self.when_label = label(), label(), label(), label()
        self.days_label, self.confidence_label = label(), label()
        form.addRow(self.goal_label, self.goal)
        form.addRow(self.what_label, self.what)
        form.addRow(self.how_label, self.how_much)
        form.addRow(self.when_label, self.when)
        form.addRow(self.days_label, days)
        form.addRow(self.confidence_label, confidence_box)
        self.agreement = AgreementFields("planAgreement")  # "agreed with ... on ...": plans are made together
        form.addRow(self.agreement)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.setObjectName("planButtons")
        # The fields scroll when they do not fit (200 % text in Welsh, with "agreed with"); the buttons stay.
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.addWidget(self.intro)
        body_layout.addLayout(form)
        body_layout.addWidget(self.suggestion)
        body_layout.addStretch(1)
        self.body = ScrollBody(body)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        if plan is not None:
            self.goal.setCurrentIndex(max(0, self.goal.findData(plan.goal_id)))
            self.what.setText(plan.what)
            self.how_much.setText(plan.how_much)
            self.when.setText(plan.when)
            for index, box in enumerate(self.days):
                box.setChecked(index in plan.days)
            self.confidence.setValue(plan.confidence)
            self.agreement.set_value(plan.agreement, diary.clock.today())
        else:
            for box in self.days:
                box.setChecked(True)
            self.confidence.setValue(7)
        self._initial = self.state()
        self.confidence.valueChanged.connect(self._update_suggestion)
        self.retranslate_ui()
        # Wide enough for the day boxes and the examples in the fields at any text size.
        self.setMinimumWidth(max(560, self.fontMetrics().averageCharWidth() * 52))
        self.resize(max(640, self.fontMetrics().averageCharWidth() * 62), 10)
        self._fit_height()
        self.what.setFocus()
        diary.host.add(self)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(window_title(_("Action plan for this week")))
        self.intro.setText(
            _("A small, definite plan for the week starting {date}: something you want to do.").format(
                date=format_date(self._week)
            )
        )
        self.goal_label.setText(_("For my goal"))
        self.goal.setItemText(0, _("(not linked to a goal)"))
        self.goal.setAccessibleName(_("The goal this plan is for"))
        self.what_label.setText(_("&What I will do"))
        self.what_label.setBuddy(self.what)
        self.what.setPlaceholderText(_("For example: walk to the post box"))
        self.what.setAccessibleName(_("What I will do"))
        self.how_label.setText(_("How much"))
        self.how_much.setPlaceholderText(_("For example: 10 minutes"))
        self.how_much.setAccessibleName(_("How much"))
        self.when_label.setText(_("When"))
        self.when.setPlaceholderText(_("For example: after lunch"))
        self.when.setAccessibleName(_("When in the day"))
        self.days_label.setText(_("Which days"))
        for index, box in enumerate(self.days):
            box.setText(format_weekday_short(index))
            box.setAccessibleName(_("Planned on {day}").format(day=format_weekday_short(index)))
        self.confidence_label.setText(_("How sure am I?"))
        self.confidence_label.setBuddy(self.confidence)
        self.confidence_scale.setText(_(CONFIDENCE.both))
        self.confidence.setAccessibleName(_("How sure you are that you will do all of it"))
        self.confidence.setAccessibleDescription(_(CONFIDENCE.both))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(_("&Save plan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Cancel"))
        self.agreement.retranslate_ui()
        self._update_suggestion()

    def _update_suggestion(self) -> None:
        low = suggests_smaller(self.confidence.value())
        self.suggestion.setVisible(low)
        self.suggestion.setText(
            _(
                "You are {confidence} out of 10 sure. Plans you are at least 7 out of 10 sure of tend to work "
                "best. Could you make this one smaller or easier: fewer days, less time, or an easier version? "
                "You can also keep it as it is."
            ).format(confidence=self.confidence.value())
        )
        self._fit_height()

    def _fit_height(self) -> None:
        """Tall enough for every wrapped line at the current width (the suggestion comes and goes)."""
        layout = self.layout()
        if layout is not None:
            layout.activate()
            self.resize(self.width(), max(layout.totalHeightForWidth(self.width()), layout.totalMinimumSize().height()))

    def plan(self) -> ActionPlan:
        base = self._plan or ActionPlan(new_id(), self._week, "")
        return replace(
            base,
            goal_id=self.goal.currentData(),
            what=self.what.text(),
            how_much=self.how_much.text(),
            when=self.when.text(),
            days=frozenset(i for i, box in enumerate(self.days) if box.isChecked()),
            confidence=self.confidence.value(),
            agreement=self.agreement.value(),
        )

    def save(self) -> None:
        plan = self.plan()
        done = self._diary.run(lambda: self._session.goals.save_plan(plan), problem=self.status)
        if done is None:
            return
        self.saved.emit(done.value)
        self.accept()

    # --- opening, and a plan being written over a lock ---

    @classmethod
    def open_for(cls, diary: OpenDiary, plan: ActionPlan | None, parent: QWidget) -> ActionPlanDialog:
        """Open the dialog window-modal for a new plan (None) or to edit `plan`; deleted when closed."""
        dialog = cls(diary, plan, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialogs.open_modal(dialog)  # the focus comes back where it was when it closes
        return dialog

    @classmethod
    def revive(cls, diary: OpenDiary, draft: Draft) -> None:
        """After unlocking: open the dialog again with what was typed before the lock."""
        parent = diary.app if isinstance(diary.app, QWidget) else None
        if parent is None:
            return
        plan_id = draft.get("plan_id")
        plan = None
        if plan_id:
            plan = next((p for p in diary.session.goals.plans() if p.id == plan_id), None)
            if plan is None:  # deleted meanwhile: nothing to go back to
                return
        cls.open_for(diary, plan, parent).restore(draft)

    def refresh(self) -> None:
        """The dialog reads the goals when it opens; later changes elsewhere don't replace what is typed."""

    def state(self) -> dict[str, object]:
        return {
            "goal_id": self.goal.currentData(),
            "what": self.what.text(),
            "how_much": self.how_much.text(),
            "when": self.when.text(),
            "days": [i for i, box in enumerate(self.days) if box.isChecked()],
            "confidence": self.confidence.value(),
            "agreement": self.agreement.state(),
        }

    def draft(self) -> Draft | None:
        if not self.isVisible() or self.state() == self._initial:
            return None
        return {"plan_id": self._plan.id if self._plan else None, **self.state()}

    def restore(self, draft: Draft) -> None:
        self.goal.setCurrentIndex(max(0, self.goal.findData(draft.get("goal_id"))))
        self.what.setText(str(draft.get("what", "")))
        self.how_much.setText(str(draft.get("how_much", "")))
        self.when.setText(str(draft.get("when", "")))
        days = {int(day) for day in draft.get("days", [])}
        for index, box in enumerate(self.days):
            box.setChecked(index in days)
        self.confidence.setValue(int(draft.get("confidence", 7)))
        self.agreement.set_state(draft.get("agreement"))
        self.status.setText(
            _("The plan you were writing was kept when the diary locked. It is not saved yet: check it, then save it.")
        )
