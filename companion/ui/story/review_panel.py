"""Medicine review plans: each plan, the step it is on today and the next one, and who agreed it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QWidget

from companion.domain.agreement import agreement_text
from companion.domain.changes import Changes
from companion.domain.medicine_review import ReviewPlan
from companion.i18n import _, current_language
from companion.i18n.formatting import format_date
from companion.ui.core.diary import OpenDiary
from companion.ui.story.list_panel import ListPanel
from companion.ui.story.review_dialog import ReviewPlanDialog


def plan_lines(plan: ReviewPlan, day: dt.date, lang: str) -> list[str]:
    """The plan's name, its step today (or when it starts), the next step, and who agreed it."""
    lines = [plan.title]
    current, following = plan.current_step(day), plan.next_step(day)
    if current is not None:
        lines.append(
            _("The step since {date}: “{step}”").format(date=format_date(current.starts_on), step=current.text)
        )
    if following is not None:
        lines.append(
            _("Next, from {date}: “{step}”").format(date=format_date(following.starts_on), step=following.text)
        )
    if current is None and following is None:
        lines.append(_("No steps written down yet."))
    agreed = agreement_text(plan.agreement, _, lang)
    if agreed:
        lines.append(agreed)
    return lines


class ReviewPlansPanel(ListPanel[ReviewPlan]):
    interests = Changes(medicines=True)

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(diary, "storyReviews", parent)
        self._day = diary.clock.today()
        self.refresh()
        self.retranslate_ui()
        diary.host.add(self)

    def read(self) -> list[ReviewPlan]:
        self._day = self._diary.clock.today()
        return self._session.story.review_plans()

    def lines(self, record: ReviewPlan) -> list[str]:
        return plan_lines(record, self._day, current_language())

    def retranslate_ui(self) -> None:
        self.intro.setText(
            _(
                "A reduction or change of a medicine agreed with your GP or pharmacist, step by step, in the words "
                "you agreed. Today shows the step you are on."
            )
        )
        self.new_button.setText(_("New review plan…"))
        self.new_button.setAccessibleName(_("Write down a medicine review plan you agreed"))
        self.list.setAccessibleName(_("Medicine review plans"))
        self.empty.setText(_("No medicine review plans written down."))
        self.open_button.setText(_("Open…"))
        self.open_button.setAccessibleName(_("Open the chosen plan (Enter)"))
        self.delete_button.setText(_("Delete"))
        self.delete_button.setAccessibleName(_("Delete the chosen plan (Delete); you can undo it"))
        self.undo_button.setText(_("Undo"))
        self.undo_button.setAccessibleName(_("Undo the delete (Ctrl+Z)"))
        self._render()

    def open_dialog(self, record_id: str | None) -> QWidget | None:
        return ReviewPlanDialog.open_for(self._diary, record_id, self.window())

    def delete_op(self, record: ReviewPlan) -> Changes:
        return self._session.story.delete_review_plan(record.id)

    def save_op(self, record: ReviewPlan) -> tuple[Any, Changes]:
        return self._session.story.save_review_plan(record)

    def deleted_text(self, record: ReviewPlan) -> str:
        return _("“{plan}” was deleted.").format(plan=record.title)

    def restored_text(self, record: ReviewPlan) -> str:
        return _("“{plan}” is back.").format(plan=record.title)
