"""After the appointment: what I was told, what we decided, next steps and who does them, tests and referrals
ordered (they enter My story), medicine changes agreed (they enter Medicines, marked "agreed with ... on
..."), and when I will ask for a follow-up, in my words, with what Companion can watch offered as choices."""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget

from companion.domain.agreement import Agreement, agreement_text
from companion.domain.appointments import Appointment
from companion.domain.errors import CompanionError
from companion.domain.medicines import Medicine
from companion.i18n import _, current_language
from companion.services.appointments import AfterVisit
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft
from companion.ui.medicines.fields import notes_box, section
from companion.ui.story import after_rows as rows
from companion.ui.story.dialog_base import FormDialog
from companion.ui.story.row_list import RowList
from companion.ui.story.wording import appointment_title
from companion.ui.widgets import label, window_title


class AfterVisitDialog(FormDialog):
    draft_key = "companion.ui.story.after_dialog:AfterVisitDialog"

    def __init__(self, diary: OpenDiary, appointment: Appointment, parent: QWidget | None = None) -> None:
        super().__init__(diary, parent, "afterVisitDialog")
        self.appointment = appointment
        self._medicines: list[Medicine] = [m for m in diary.session.medicines.medicines() if m.stopped_on is None]
        self.told_box, self.told_heading, told = section("afterTold")
        self.told: QPlainTextEdit = notes_box("afterToldText")
        told.addWidget(self.told)
        self.decided_box, self.decided_heading, decided = section("afterDecided")
        self.decided: QPlainTextEdit = notes_box("afterDecidedText")
        decided.addWidget(self.decided)
        self.steps_box, self.steps_heading, steps = section("afterSteps")
        self.steps = RowList("afterStepList", rows.next_step_row, rows.describe_next_step)
        steps.addWidget(self.steps)
        self.ordered_box, self.ordered_heading, ordered = section("afterOrdered")
        self.ordered_intro = label()
        self.ordered = RowList("afterOrderedList", rows.ordered_row, rows.describe_ordered)
        ordered.addWidget(self.ordered_intro)
        ordered.addWidget(self.ordered)
        self.changes_box, self.changes_heading, changes = section("afterChanges")
        self.changes_intro = label()
        self.changes = RowList(
            "afterChangeList", lambda: rows.MedicineChangeRow(self._medicines), rows.describe_medicine_change
        )
        changes.addWidget(self.changes_intro)
        changes.addWidget(self.changes)
        self.follow_box, self.follow_heading, follow = section("afterFollowUp")
        self.follow_up: QPlainTextEdit = notes_box("afterFollowUpText")
        self.reasons_intro = label()
        self.reasons = RowList("afterReasonList", rows.ReasonRow, rows.describe_reason)
        follow.addWidget(self.follow_up)
        follow.addWidget(self.reasons_intro)
        follow.addWidget(self.reasons)
        self.earlier = label("note")
        self.earlier.setObjectName("afterEarlierNote")
        self.earlier.setVisible(appointment.attended)
        self.column.addWidget(self.earlier)
        for box in (
            self.told_box,
            self.decided_box,
            self.steps_box,
            self.ordered_box,
            self.changes_box,
            self.follow_box,
        ):
            self.column.addWidget(box)
        self.column.addStretch(1)
        self._load(appointment)
        self.ready()

    def _load(self, appointment: Appointment) -> None:
        self.told.setPlainText(appointment.told)
        self.decided.setPlainText(appointment.decided)
        self.follow_up.setPlainText(appointment.follow_up)
        for step in appointment.next_steps:
            self.steps.add_row({"what": step.what, "who": step.who})
        for reason in appointment.reasons:
            self.reasons.add_row(rows.reason_state(reason))

    def fields(self) -> dict[str, QWidget]:
        return {
            "told": self.told,
            "decided": self.decided,
            "steps": self.steps,
            "ordered": self.ordered,
            "changes": self.changes,
            "follow_up": self.follow_up,
            "reasons": self.reasons,
        }

    def target(self) -> str | None:
        return self.appointment.id

    def retranslate_ui(self) -> None:
        self.retranslate_base()
        lang = current_language()
        self.setWindowTitle(window_title(_("After the appointment")))
        self.heading.setText(
            _("After the appointment: {appointment}").format(appointment=appointment_title(self.appointment, _, lang))
        )
        self.earlier.setText(
            _(
                "Tests, referrals and medicine changes you saved before are already in My story and Medicines. "
                "Add only new ones here."
            )
        )
        self.told_heading.setText(_("What I was told"))
        self.told.setAccessibleName(_("What you were told"))
        self.decided_heading.setText(_("What we decided"))
        self.decided.setAccessibleName(_("What you decided together"))
        self.steps_heading.setText(_("Next steps, and who does them"))
        self.steps.set_texts(_("Add a next step"), _("Add a next step"), _("No next steps written down."))
        self.ordered_heading.setText(_("Tests and referrals ordered"))
        self.ordered_intro.setText(_("Each is added to My story, dated the day of the appointment."))
        self.ordered.set_texts(_("Add a test or referral"), _("Add a test or referral that was ordered"), "")
        self.changes_heading.setText(_("Medicine changes agreed"))
        day = self._diary.clock.localize(self.appointment.when).date()
        marked = agreement_text(Agreement(self.appointment.who, day), _, lang)
        self.changes_intro.setText(
            _("Each is saved in Medicines, marked “{agreed}”. Write the dose as it was agreed.").format(agreed=marked)
        )
        self.changes.set_texts(_("Add a medicine change"), _("Add a medicine change that was agreed"), "")
        self.follow_heading.setText(_("When I will ask for a follow-up"))
        self.follow_up.setAccessibleName(_("When you will ask for a follow-up, in your words"))
        self.follow_up.setPlaceholderText(_("In your words, such as “if my pain gets worse for a while”"))
        self.reasons_intro.setText(
            _(
                "Your own reasons to ask. For some, Companion can watch your diary and remind you of your words "
                "when one is met. It never tells you what to do."
            )
        )
        self.reasons.set_texts(_("Add a reason"), _("Add a reason to ask for a follow-up"), "")
        for row_list in (self.steps, self.ordered, self.changes, self.reasons):
            row_list.retranslate_rows()

    def value(self) -> AfterVisit:
        return AfterVisit(
            told=self.told.toPlainText(),
            decided=self.decided.toPlainText(),
            next_steps=tuple(rows.next_step_of(r.state()) for r in self.steps.rows()),
            follow_up=self.follow_up.toPlainText(),
            reasons=tuple(rows.reason_of(r) for r in self.reasons.rows() if r.state().get("words", "").strip()),
            ordered=tuple(rows.ordered_of(r.state()) for r in self.ordered.rows() if r.state().get("what", "").strip()),
            medicine_changes=tuple(rows.change_of(r) for r in self.changes.rows()),
        )

    def save(self) -> bool:
        done = self._diary.run(
            lambda: self._session.appointments.record_after(self.appointment.id, self.value()),
            problem=self.show_problem,
        )
        return done is not None

    @classmethod
    def open_for(cls, diary: OpenDiary, appointment_id: str, parent: QWidget) -> AfterVisitDialog | None:
        try:
            appointment = diary.session.appointments.get(appointment_id)
        except CompanionError:
            return None
        dialog = cls(diary, appointment, parent)
        dialogs.open_modal(dialog)  # window-modal; the focus goes back where it was when it closes
        return dialog

    @classmethod
    def reopen(cls, diary: OpenDiary, draft: Draft, parent: QWidget) -> AfterVisitDialog | None:
        target = draft.get("target")
        return cls.open_for(diary, str(target), parent) if target else None
