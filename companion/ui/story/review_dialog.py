"""A planned medicine review: a reduction or change agreed with a GP or pharmacist, as steps with dates in
the words agreed, who it was agreed with and when. It records the plan; it never suggests a dose or a step."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from companion.domain.agreement import Agreement
from companion.domain.errors import CompanionError
from companion.domain.medicine_review import STEPS_MAX, ReviewPlan, ReviewStep
from companion.domain.medicines import Medicine
from companion.i18n import _
from companion.services.story import new_id
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft
from companion.ui.medicines.fields import notes_box, pydate, section
from companion.ui.story.dialog_base import FormDialog
from companion.ui.story.fields import AgreementFields
from companion.ui.story.row_list import Row, RowList
from companion.ui.widgets import label, window_title


def step_row() -> Row:
    day = QDateEdit()
    day.setObjectName("stepStarts")
    day.setCalendarPopup(True)
    text = QLineEdit()
    text.setObjectName("stepText")
    return Row({"starts_on": day, "text": text}, stretch={"starts_on": 0, "text": 3})


def describe_step(row: Row, number: int) -> None:
    day, text = row.inputs["starts_on"], row.inputs["text"]
    assert isinstance(day, QDateEdit) and isinstance(text, QLineEdit)
    row.number.setText(_("{n}.").format(n=number))
    day.setAccessibleName(_("Step {n}: the day it starts").format(n=number))
    text.setAccessibleName(_("Step {n}: in the words you agreed").format(n=number))
    text.setPlaceholderText(_("In the words you agreed"))
    row.remove_button.setText(_("Remove"))
    row.remove_button.setAccessibleName(_("Remove step {n}").format(n=number))


class ReviewPlanDialog(FormDialog):
    draft_key = "companion.ui.story.review_dialog:ReviewPlanDialog"

    def __init__(self, diary: OpenDiary, plan: ReviewPlan | None, parent: QWidget | None = None) -> None:
        super().__init__(diary, parent, "reviewPlanDialog")
        self.plan = plan
        self._medicines: list[Medicine] = diary.session.medicines.medicines()
        holder = QWidget()
        self.form = QFormLayout(holder)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels over their fields: room at any size
        self.title = QLineEdit()
        self.title.setObjectName("reviewTitle")
        self.medicine = QComboBox()
        self.medicine.setObjectName("reviewMedicine")
        self.medicine.addItem("", "")
        for medicine in self._medicines:
            self.medicine.addItem(medicine.name, medicine.id)
        self.title_caption, self.medicine_caption = label(), label()
        self.title_caption.setBuddy(self.title)
        self.medicine_caption.setBuddy(self.medicine)
        self.form.addRow(self.title_caption, self.title)
        self.form.addRow(self.medicine_caption, self.medicine)
        self.steps_box, self.steps_heading, steps = section("reviewSteps")
        self.steps_intro = label()
        self.steps = RowList("reviewStepList", step_row, describe_step, limit=STEPS_MAX)
        steps.addWidget(self.steps_intro)
        steps.addWidget(self.steps)
        self.agreed_box, self.agreed_heading, agreed = section("reviewAgreed")
        self.agreement = AgreementFields("reviewAgreement")
        agreed.addWidget(self.agreement)
        self.notes: QPlainTextEdit = notes_box("reviewNotes")
        self.notes_caption = label()
        self.notes_caption.setBuddy(self.notes)
        self.column.addWidget(holder)
        self.column.addWidget(self.steps_box)
        self.column.addWidget(self.agreed_box)
        self.column.addWidget(self.notes_caption)
        self.column.addWidget(self.notes)
        self.column.addStretch(1)
        self._load(plan)
        self.ready()

    def _load(self, plan: ReviewPlan | None) -> None:
        today = self._diary.clock.today()
        if plan is None:
            self.agreement.set_value(Agreement(), today)
            self.steps.add_row({"starts_on": today.isoformat()})
            return
        self.title.setText(plan.title)
        self.medicine.setCurrentIndex(max(0, self.medicine.findData(plan.medicine_id or "")))
        self.steps.set_state([{"starts_on": s.starts_on.isoformat(), "text": s.text} for s in plan.steps])
        self.agreement.set_value(plan.agreement, today)
        self.notes.setPlainText(plan.notes)

    def fields(self) -> dict[str, object]:
        return {
            "title": self.title,
            "medicine": self.medicine,
            "steps": self.steps,
            "agreement": self.agreement,
            "notes": self.notes,
        }

    def target(self) -> str | None:
        return self.plan.id if self.plan is not None else None

    def retranslate_ui(self) -> None:
        self.retranslate_base()
        self.setWindowTitle(window_title(_("A planned medicine review")))
        self.heading.setText(_("A planned medicine review"))
        self.title_caption.setText(_("Name of the plan"))
        self.title.setAccessibleName(_("Name of the plan, such as the medicine it is about"))
        self.medicine_caption.setText(_("Medicine"))
        self.medicine.setAccessibleName(_("The medicine the plan is about"))
        self.medicine.setItemText(0, _("Not one of my medicines"))
        self.steps_heading.setText(_("Steps, with the day each starts"))
        self.steps_intro.setText(
            _("Write each step in the words you agreed. Today shows the step you are on. Companion never suggests one.")
        )
        self.steps.set_texts(_("Add a step"), _("Add a step"), _("No steps yet."))
        self.steps.retranslate_rows()
        self.agreed_heading.setText(_("Agreed with"))
        self.agreement.retranslate_ui()
        self.notes_caption.setText(_("Notes"))
        self.notes.setAccessibleName(_("Notes about the plan"))

    def value(self) -> ReviewPlan:
        steps = []
        for row in self.steps.rows():
            day, text = row.inputs["starts_on"], row.inputs["text"]
            assert isinstance(day, QDateEdit) and isinstance(text, QLineEdit)
            if text.text().strip():
                steps.append(ReviewStep(pydate(day.date()), text.text()))
        return ReviewPlan(
            self.plan.id if self.plan is not None else new_id(),
            self.title.text(),
            str(self.medicine.currentData() or "") or None,
            tuple(steps),
            self.agreement.value(),
            self.notes.toPlainText(),
        )

    def save(self) -> bool:
        done = self._diary.run(lambda: self._session.story.save_review_plan(self.value()), problem=self.show_problem)
        return done is not None

    @classmethod
    def open_for(cls, diary: OpenDiary, plan_id: str | None, parent: QWidget) -> ReviewPlanDialog | None:
        plan = None
        if plan_id is not None:
            try:
                plan = next(p for p in diary.session.story.review_plans() if p.id == plan_id)
            except (StopIteration, CompanionError):
                return None
        dialog = cls(diary, plan, parent)
        dialogs.open_modal(dialog)  # window-modal; the focus goes back where it was when it closes
        return dialog

    @classmethod
    def reopen(cls, diary: OpenDiary, draft: Draft, parent: QWidget) -> ReviewPlanDialog | None:
        target = draft.get("target")
        return cls.open_for(diary, str(target) if target else None, parent)
