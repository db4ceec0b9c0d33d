"""Appointments, upcoming (soonest first) and past (newest first): who, where, when and why; getting ready
before, writing down what happened after; change, and delete with Undo. A part of the UI core that reads
the diary only in `refresh()`."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPushButton, QWidget

from companion.domain.appointments import Appointment
from companion.domain.changes import Changes
from companion.i18n import _, current_language
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import PagePart
from companion.ui.layouts import scrolled_page
from companion.ui.medicines.fields import button_row, wrapped_list
from companion.ui.story.after_dialog import AfterVisitDialog
from companion.ui.story.appointment_dialog import AppointmentDialog
from companion.ui.story.prepare_dialog import PrepareDialog
from companion.ui.story.wording import appointment_details, appointment_lines, when_text
from companion.ui.widgets import label


class AppointmentsPanel(PagePart, QWidget):
    interests = Changes(appointments=True)

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyAppointments")
        self._diary = diary
        self._session = diary.session
        self._upcoming: list[Appointment] = []
        self._past: list[Appointment] = []
        self._chosen: str | None = None
        self._deleted: Appointment | None = None
        self.dialog: QWidget | None = None
        content, column = scrolled_page(self)
        del content
        self.new_button = QPushButton()
        self.new_button.setObjectName("newAppointment")
        self.upcoming_heading = label("subheading")
        self.upcoming_list = wrapped_list("upcomingAppointments", lines=4)
        self.upcoming_empty = label()
        self.past_heading = label("subheading")
        self.past_list = wrapped_list("pastAppointments", lines=5)
        self.past_empty = label()
        self.prepare_button = QPushButton()
        self.prepare_button.setObjectName("prepareAppointment")
        self.after_button = QPushButton()
        self.after_button.setObjectName("afterAppointment")
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editAppointment")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteAppointment")
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("undoDeleteAppointment")
        self.undo_button.hide()
        self.status = label()
        self.status.setObjectName("appointmentsStatus")
        self.details_heading = label("subheading")
        self.details = label(selectable=True)
        self.details.setObjectName("appointmentDetails")
        column.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.upcoming_heading)
        column.addWidget(self.upcoming_empty)
        column.addWidget(self.upcoming_list)
        column.addWidget(self.past_heading)
        column.addWidget(self.past_empty)
        column.addWidget(self.past_list)
        column.addWidget(
            button_row(self.prepare_button, self.after_button, self.edit_button, self.delete_button, self.undo_button)
        )
        column.addWidget(self.status)
        column.addWidget(self.details_heading)
        column.addWidget(self.details)
        column.addStretch(1)
        for which in (self.upcoming_list, self.past_list):
            which.currentItemChanged.connect(self._on_list_current_item_changed)
            which.itemActivated.connect(lambda _item: self.edit_chosen())
            key = QShortcut(QKeySequence(Qt.Key.Key_Delete), which, self.delete_chosen)
            key.setContext(Qt.ShortcutContext.WidgetShortcut)
        undo_key = QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_delete)
        undo_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.new_button.clicked.connect(self.new_appointment)
        self.prepare_button.clicked.connect(self.prepare_chosen)
        self.after_button.clicked.connect(self.after_chosen)
        self.edit_button.clicked.connect(self.edit_chosen)
        self.delete_button.clicked.connect(self.delete_chosen)
        self.undo_button.clicked.connect(self.undo_delete)
        self.refresh()
        self.retranslate_ui()
        diary.host.add(self)

    def refresh(self) -> None:
        """Read every appointment (the only place this part reads the diary)."""
        now = self._diary.clock.now()
        everything = self._session.appointments.appointments()
        self._upcoming = sorted((a for a in everything if a.is_upcoming(now)), key=lambda a: a.when)
        self._past = sorted((a for a in everything if not a.is_upcoming(now)), key=lambda a: a.when, reverse=True)
        if self._chosen not in {a.id for a in everything}:
            self._chosen = None
        self._render()

    def retranslate_ui(self) -> None:
        self.new_button.setText(_("New appointment…"))
        self.new_button.setAccessibleName(_("Write down a new appointment"))
        self.upcoming_heading.setText(_("Coming up"))
        self.upcoming_list.setAccessibleName(_("Appointments coming up, soonest first"))
        self.upcoming_empty.setText(_("No appointments coming up."))
        self.past_heading.setText(_("Past appointments"))
        self.past_list.setAccessibleName(_("Past appointments, newest first"))
        self.past_empty.setText(_("No past appointments written down yet."))
        self.prepare_button.setText(_("Get ready…"))
        self.prepare_button.setAccessibleName(
            _("Get ready for the chosen appointment: what changed since the last one, the top 3, the summary")
        )
        self.after_button.setText(_("After the appointment…"))
        self.after_button.setAccessibleName(_("Write down what happened at the chosen appointment"))
        self.edit_button.setText(_("Change…"))
        self.edit_button.setAccessibleName(_("Change the chosen appointment (Enter)"))
        self.delete_button.setText(_("Delete"))
        self.delete_button.setAccessibleName(_("Delete the chosen appointment (Delete); you can undo it"))
        self.undo_button.setText(_("Undo"))
        self.undo_button.setAccessibleName(_("Undo the delete (Ctrl+Z)"))
        self.details_heading.setText(_("The chosen appointment"))
        self._render()

    def _render(self) -> None:
        lang = current_language()
        for which, appointments, upcoming in (
            (self.upcoming_list, self._upcoming, True),
            (self.past_list, self._past, False),
        ):
            which.blockSignals(True)
            which.clear()
            for appointment in appointments:
                row = QListWidgetItem("\n".join(appointment_lines(appointment, _, lang, upcoming=upcoming)))
                row.setData(Qt.ItemDataRole.UserRole, appointment.id)
                which.addItem(row)
                if appointment.id == self._chosen:
                    which.setCurrentItem(row)
            which.blockSignals(False)
        self.upcoming_list.setVisible(bool(self._upcoming))
        self.upcoming_empty.setVisible(not self._upcoming)
        self.past_list.setVisible(bool(self._past))
        self.past_empty.setVisible(not self._past)
        chosen = self.chosen()
        for button in (self.prepare_button, self.after_button, self.edit_button, self.delete_button):
            button.setEnabled(chosen is not None)
        self.details_heading.setVisible(chosen is not None)
        self.details.setVisible(chosen is not None)
        if chosen is not None:
            self.details.setText("\n".join(appointment_details(chosen, _, lang)))

    def chosen(self) -> Appointment | None:
        return next((a for a in (*self._upcoming, *self._past) if a.id == self._chosen), None)

    def choose(self, appointment_id: str) -> None:
        self._chosen = appointment_id
        self._render()

    def _on_list_current_item_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        if current is None:
            return
        self._chosen = str(current.data(Qt.ItemDataRole.UserRole))
        other: QListWidget = self.past_list if current.listWidget() is self.upcoming_list else self.upcoming_list
        other.blockSignals(True)
        other.setCurrentRow(-1)
        other.clearSelection()
        other.blockSignals(False)
        self._render()

    # --- actions ---

    def _opened(self, dialog: QWidget | None) -> QWidget | None:
        self.dialog = dialog
        return dialog

    def new_appointment(self) -> AppointmentDialog | None:
        dialog = AppointmentDialog.open_for(self._diary, None, self.window())
        self._opened(dialog)
        return dialog

    def edit_chosen(self) -> AppointmentDialog | None:
        if self._chosen is None:
            return None
        dialog = AppointmentDialog.open_for(self._diary, self._chosen, self.window())
        self._opened(dialog)
        return dialog

    def prepare_chosen(self) -> PrepareDialog | None:
        if self._chosen is None:
            return None
        dialog = PrepareDialog.open_for(self._diary, self._chosen, self.window())
        self._opened(dialog)
        return dialog

    def after_chosen(self) -> AfterVisitDialog | None:
        if self._chosen is None:
            return None
        dialog = AfterVisitDialog.open_for(self._diary, self._chosen, self.window())
        self._opened(dialog)
        return dialog

    def delete_chosen(self) -> None:
        appointment = self.chosen()
        if appointment is None:
            return
        done = self._diary.run(
            lambda: (appointment, self._session.appointments.delete(appointment.id)), problem=self.status
        )
        if done is None:
            return
        self._deleted = appointment
        self.status.setText(_("The appointment of {when} was deleted.").format(when=self._when(appointment)))
        self.undo_button.show()
        self.undo_button.setFocus()

    def undo_delete(self) -> None:
        appointment = self._deleted
        if appointment is None:
            return
        done = self._diary.run(lambda: self._session.appointments.save(appointment), problem=self.status)
        if done is None:
            return
        self._deleted = None
        self.undo_button.hide()
        self.status.setText(_("The appointment of {when} is back.").format(when=self._when(appointment)))
        self.choose(appointment.id)

    def _when(self, appointment: Appointment) -> str:
        return when_text(self._diary.clock.localize(appointment.when), current_language())
