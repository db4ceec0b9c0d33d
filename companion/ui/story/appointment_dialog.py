"""An appointment: when, with whom (and their role), where, why, how to ask for a follow-up, and before it
the top 3 things to raise and the questions to ask."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QDateEdit, QFormLayout, QLineEdit, QPlainTextEdit, QTimeEdit, QWidget

from companion.domain.appointments import TOP_THREE, Appointment
from companion.domain.errors import CompanionError
from companion.i18n import _
from companion.services.appointments import new_id
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft
from companion.ui.medicines.fields import AdaptiveRow, notes_box, pydate, qdate
from companion.ui.story.dialog_base import FormDialog
from companion.ui.widgets import label, window_title

DEFAULT_TIME = dt.time(9, 0)


class AppointmentDialog(FormDialog):
    draft_key = "companion.ui.story.appointment_dialog:AppointmentDialog"

    def __init__(self, diary: OpenDiary, appointment: Appointment | None, parent: QWidget | None = None) -> None:
        super().__init__(diary, parent, "appointmentDialog")
        self.appointment = appointment
        holder = QWidget()
        self.form = QFormLayout(holder)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels over their fields: room at any size
        self.who = QLineEdit()  # first: whom you are seeing is what you know before anything else
        self.who.setObjectName("appointmentWho")
        self.role = QLineEdit()
        self.role.setObjectName("appointmentRole")
        self.place = QLineEdit()
        self.place.setObjectName("appointmentPlace")
        self.day = QDateEdit()
        self.day.setObjectName("appointmentDay")
        self.day.setCalendarPopup(True)
        self.time = QTimeEdit()
        self.time.setObjectName("appointmentTime")
        when = AdaptiveRow()
        when.add(self.day, 0)
        when.add(self.time, 0)
        when.add_stretch()
        self.why: QPlainTextEdit = notes_box("appointmentWhy")
        self.contact = QLineEdit()
        self.contact.setObjectName("appointmentContact")
        self.top = [QLineEdit() for _i in range(TOP_THREE)]
        for index, edit in enumerate(self.top, start=1):
            edit.setObjectName(f"appointmentTop{index}")
        self.questions: QPlainTextEdit = notes_box("appointmentQuestions")
        self.captions = {name: label() for name in ("when", "who", "role", "place", "why", "contact", "questions")}
        self.top_caption = label()
        for name, field in (
            ("who", self.who),
            ("role", self.role),
            ("place", self.place),
            ("when", when),
            ("why", self.why),
            ("contact", self.contact),
        ):
            self.form.addRow(self.captions[name], field)
        self.form.addRow(self.top_caption)
        for edit in self.top:
            self.form.addRow(edit)
        self.form.addRow(self.captions["questions"], self.questions)
        for name, buddy in (("who", self.who), ("role", self.role), ("place", self.place), ("why", self.why)):
            self.captions[name].setBuddy(buddy)
        self.captions["when"].setBuddy(self.day)
        self.captions["contact"].setBuddy(self.contact)
        self.captions["questions"].setBuddy(self.questions)
        self.column.addWidget(holder)
        self.column.addStretch(1)
        self._load(appointment)
        self.ready()

    def _load(self, appointment: Appointment | None) -> None:
        clock = self._diary.clock
        moment = clock.localize(appointment.when) if appointment else clock.at(clock.today(), DEFAULT_TIME)
        self.day.setDate(qdate(moment.date()))
        self.time.setTime(QTime(moment.hour, moment.minute))
        if appointment is None:
            return
        self.who.setText(appointment.who)
        self.role.setText(appointment.role)
        self.place.setText(appointment.place)
        self.why.setPlainText(appointment.why)
        self.contact.setText(appointment.contact)
        for edit, text in zip(self.top, appointment.top_three, strict=False):
            edit.setText(text)
        self.questions.setPlainText("\n".join(appointment.questions))

    def fields(self) -> dict[str, QWidget]:
        found: dict[str, QWidget] = {
            "day": self.day,
            "time": self.time,
            "who": self.who,
            "role": self.role,
            "place": self.place,
            "why": self.why,
            "contact": self.contact,
            "questions": self.questions,
        }
        found.update({f"top{i}": edit for i, edit in enumerate(self.top, start=1)})
        return found

    def target(self) -> str | None:
        return self.appointment.id if self.appointment is not None else None

    def retranslate_ui(self) -> None:
        self.retranslate_base()
        title = _("An appointment") if self.appointment is None else _("Change the appointment")
        self.setWindowTitle(window_title(title))
        self.heading.setText(title)
        texts = {
            "when": (_("When"), None),
            "who": (_("Whom I am seeing"), _("Whom you are seeing, such as Dr Rees")),
            "role": (_("Their role"), _("Their role, such as GP or physiotherapist")),
            "place": (_("Where"), _("Where the appointment is")),
            "why": (_("Why"), _("Why you are going, in your words")),
            "contact": (_("How to ask for a follow-up"), _("How to ask for a follow-up: a phone number or who to ask")),
            "questions": (_("Questions I want to ask, one a line"), _("Questions you want to ask, one a line")),
        }
        fields = self.fields()
        for name, (caption, accessible) in texts.items():
            self.captions[name].setText(caption)
            if accessible and name in fields:
                fields[name].setAccessibleName(accessible)
        self.day.setAccessibleName(_("Day of the appointment"))
        self.time.setAccessibleName(_("Time of the appointment"))
        self.top_caption.setText(_("My top 3 things to raise"))
        for index, edit in enumerate(self.top, start=1):
            edit.setAccessibleName(_("Thing to raise number {n}").format(n=index))

    def value(self) -> Appointment:
        day = pydate(self.day.date())
        time = self.time.time()
        when = self._diary.clock.at(day, dt.time(time.hour(), time.minute()))
        fields = {
            "when": when,
            "who": self.who.text(),
            "role": self.role.text(),
            "place": self.place.text(),
            "why": self.why.toPlainText(),
            "contact": self.contact.text(),
            "top_three": tuple(e.text() for e in self.top),
            "questions": tuple(self.questions.toPlainText().splitlines()),
        }
        if self.appointment is None:
            return Appointment(new_id(), **fields)  # type: ignore[arg-type]
        return replace(self.appointment, **fields)  # type: ignore[arg-type]

    def save(self) -> bool:
        done = self._diary.run(lambda: self._session.appointments.save(self.value()), problem=self.show_problem)
        return done is not None

    @classmethod
    def open_for(cls, diary: OpenDiary, appointment_id: str | None, parent: QWidget) -> AppointmentDialog | None:
        appointment = None
        if appointment_id is not None:
            try:
                appointment = diary.session.appointments.get(appointment_id)
            except CompanionError:
                return None
        dialog = cls(diary, appointment, parent)
        dialogs.open_modal(dialog)  # window-modal; the focus goes back where it was when it closes
        return dialog

    @classmethod
    def reopen(cls, diary: OpenDiary, draft: Draft, parent: QWidget) -> AppointmentDialog | None:
        target = draft.get("target")
        return cls.open_for(diary, str(target) if target else None, parent)
