"""My medicines: the list (current first, stopped ones with their date), reviews due, the editor, and how
helpful each medicine is with its side effects over time. A record only: nothing here suggests a change."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from companion.domain.changes import Changes
from companion.domain.medicines import Medicine, MedicineKind, ReviewGroup, review_due_on
from companion.i18n import N_, _
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.medicines.fields import (
    OptionalDate,
    button_row,
    fit_form,
    notes_box,
    place_before,
    section,
    word_completer,
    wrapped_list,
)
from companion.ui.medicines.medicine_text import ReviewRow, is_stopped, medicine_status
from companion.ui.medicines.rating_section import RatingSection
from companion.ui.medicines.record_page import RecordPage
from companion.ui.story.fields import AgreementFields
from companion.ui.widgets import label

KIND_NAMES = {
    MedicineKind.REGULAR: N_("Regularly"),
    MedicineKind.AS_NEEDED: N_("As needed"),
}
GROUP_NAMES = {
    ReviewGroup.NONE: N_("Nothing in particular"),
    ReviewGroup.OPIOID: N_("An opioid"),
    ReviewGroup.GABAPENTINOID: N_("A gabapentinoid"),
}


class MyMedicinesPage(RecordPage[Medicine]):
    draft_key = "medicines.mine"

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("myMedicinesPage")
        self._diary = diary
        self._service = diary.session.medicines
        self.current: Medicine | None = None  # the medicine in the editor; None while adding a new one
        self._records: list[Medicine] = []
        self._review_rows: list[ReviewRow] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)

        # --- reviews due ---
        self.reviews = QFrame()
        self.reviews.setObjectName("banner")
        reviews_layout = QVBoxLayout(self.reviews)
        self.reviews_heading = label("subheading")
        self.reviews_heading.setObjectName("reviewsDueHeading")
        self.reviews_intro = label()
        self.reviews_intro.setObjectName("reviewsDueIntro")
        self.review_rows_box = QVBoxLayout()
        reviews_layout.addWidget(self.reviews_heading)
        reviews_layout.addWidget(self.reviews_intro)
        reviews_layout.addLayout(self.review_rows_box)
        self.reviews.hide()

        # --- the list ---
        self.list_heading = label("subheading")
        self.list_heading.setObjectName("medicineListHeading")
        self.list = wrapped_list("medicineList", 7)
        self.empty = label()
        self.empty.setObjectName("medicineListEmpty")

        # --- the editor ---
        self.editor, self.editor_heading, editor_layout = section("medicineEditor")
        self.editing = label()
        self.editing.setObjectName("medicineEditing")
        form = self.form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name = QLineEdit()
        self.name.setObjectName("medicineName")
        self._names = word_completer(self.name)
        self.purpose = QLineEdit()
        self.purpose.setObjectName("medicinePurpose")
        self.kind = QComboBox()
        self.kind.setObjectName("medicineKind")
        for kind in MedicineKind:
            self.kind.addItem("", kind.value)
        self.dose = QLineEdit()
        self.dose.setObjectName("medicineDose")
        self.started = OptionalDate("medicineStarted")
        self.stopped = OptionalDate("medicineStopped")
        self.prescriber = QLineEdit()
        self.prescriber.setObjectName("medicinePrescriber")
        self.next_review = OptionalDate("medicineNextReview")
        self.group = QComboBox()
        self.group.setObjectName("medicineReviewGroup")
        for group in ReviewGroup:
            self.group.addItem("", group.value)
        for combo in (self.kind, self.group):
            # long choices (Welsh especially) are elided in the closed box rather than widening the page
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(14)
        self.group_help = label()
        self.group_help.setObjectName("medicineGroupHelp")
        self.notes = notes_box("medicineNotes")
        self.name_label, self.purpose_label, self.kind_label, self.dose_label = label(), label(), label(), label()
        self.started_label, self.stopped_label, self.prescriber_label = label(), label(), label()
        self.review_label, self.group_label, self.notes_label = label(), label(), label()
        form.addRow(self.name_label, self.name)
        form.addRow(self.purpose_label, self.purpose)
        form.addRow(self.kind_label, self.kind)
        form.addRow(self.dose_label, self.dose)
        form.addRow(self.started_label, self.started)
        form.addRow(self.stopped_label, self.stopped)
        form.addRow(self.prescriber_label, self.prescriber)
        self.agreement = AgreementFields("medicineAgreement")  # a change agreed with a prescriber, and when
        form.addRow(self.agreement)
        form.addRow(self.review_label, self.next_review)
        form.addRow(self.group_label, self.group)
        form.addRow(self.group_help)
        form.addRow(self.notes_label, self.notes)
        self.new_button = QPushButton()
        self.new_button.setObjectName("newMedicineButton")
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveMedicineButton")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteMedicineButton")
        buttons = button_row(self.save_button, self.new_button, self.delete_button)
        self.status = label()
        self.status.setObjectName("medicineStatus")
        editor_layout.addWidget(self.editing)
        editor_layout.addLayout(form)
        editor_layout.addWidget(buttons)
        editor_layout.addWidget(self.status)

        # --- helpfulness and side effects ---
        self.rating = RatingSection()
        self.rating_box, self.rating_form = self.rating.box, self.rating.form
        self.helpfulness, self.side_effects = self.rating.helpfulness, self.rating.side_effects
        self.record_button, self.rating_status = self.rating.record_button, self.rating.status
        self.history, self.history_empty = self.rating.history, self.rating.history_empty

        column.addWidget(self.reviews)
        column.addWidget(self.list_heading)
        column.addWidget(self.empty)
        column.addWidget(self.list)
        column.addWidget(self.editor)
        column.addWidget(self.rating_box)
        column.addStretch(1)
        place_before(self.next_review.check, self.agreement.focusables())  # Tab in reading order

        self.list.currentItemChanged.connect(self._on_current_changed)
        self.new_button.clicked.connect(self.new_record)
        self.save_button.clicked.connect(self.save)
        for keys in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.record_button.clicked.connect(self.record_rating)
        self.side_effects.returnPressed.connect(self.record_rating)
        self.refresh()
        self._load(None)
        self.retranslate_ui()
        diary.host.add(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        for form in (self.form, self.rating_form):
            fit_form(form, event.size().width() - 24)  # less the frame's margins
        super().resizeEvent(event)

    # --- text ---

    def retranslate_ui(self) -> None:
        self.reviews_heading.setText(_("Reviews due"))
        self.reviews_intro.setText(
            _(
                "These medicines are due a review, by the date you set or a year after the last review. "
                "Mark each one as reviewed once you have had the review."
            )
        )
        self.list_heading.setText(_("My medicines"))
        self.list.setAccessibleName(_("Your medicines, current ones first"))
        self.empty.setText(_("No medicines recorded yet. Fill in the form below and choose Save."))
        self.editor_heading.setText(_("About this medicine"))
        self.editor.setAccessibleName(_("About this medicine"))
        self.name_label.setText(_("Na&me"))
        self.name_label.setBuddy(self.name)
        self.name.setAccessibleName(_("Medicine name"))
        self.name.setPlaceholderText(_("As on the box or the prescription"))
        self.purpose_label.setText(_("What it is for"))
        self.purpose_label.setBuddy(self.purpose)
        self.purpose.setAccessibleName(_("What the medicine is for"))
        self.kind_label.setText(_("How I take it"))
        self.kind_label.setBuddy(self.kind)
        self.kind.setAccessibleName(_("Taken regularly or as needed"))
        for index, kind in enumerate(MedicineKind):
            self.kind.setItemText(index, _(KIND_NAMES[kind]))
        self.dose_label.setText(_("Dose"))
        self.dose_label.setBuddy(self.dose)
        self.dose.setAccessibleName(_("Dose, as it is written on the label"))
        self.dose.setPlaceholderText(_("As it is written on the label"))
        self.started_label.setText(_("Start date"))
        self.started_label.setBuddy(self.started.check)
        self.started.set_texts(_("Known"), _("The start date is known"), _("Date you started it"))
        self.stopped_label.setText(_("Stop date"))
        self.stopped_label.setBuddy(self.stopped.check)
        self.stopped.set_texts(_("Stopped"), _("I have stopped taking it"), _("Date you stopped it"))
        self.prescriber_label.setText(_("Who prescribed it"))
        self.prescriber_label.setBuddy(self.prescriber)
        self.prescriber.setAccessibleName(_("Who prescribed it"))
        self.agreement.retranslate_ui()
        self.review_label.setText(_("Next review"))
        self.review_label.setBuddy(self.next_review.check)
        self.next_review.set_texts(_("Date set"), _("A next review date is set"), _("Date of the next review"))
        self.group_label.setText(_("I mark this medicine as"))
        self.group_label.setBuddy(self.group)
        self.group.setAccessibleName(_("I mark this medicine as"))
        for index, group in enumerate(ReviewGroup):
            self.group.setItemText(index, _(GROUP_NAMES[group]))
        self.group_help.setText(
            _(
                "If you mark a medicine as an opioid or a gabapentinoid, a yearly review is shown as due: a year "
                "after the last review, or after the start date. Companion does not sort medicines; your "
                "pharmacist can tell you which group a medicine is in."
            )
        )
        self.notes_label.setText(_("Notes"))
        self.notes_label.setBuddy(self.notes)
        self.notes.setAccessibleName(_("Notes about this medicine"))
        self.new_button.setText(_("&New"))
        self.new_button.setAccessibleName(_("Add a medicine to your list"))
        self.save_button.setText(_("&Save"))
        self.save_button.setAccessibleName(_("Save this medicine (Ctrl+S)"))
        self.save_button.setToolTip(_("Save this medicine (Ctrl+S)"))
        self.delete_button.setText(_("&Delete"))
        self.delete_button.setAccessibleName(_("Delete this medicine"))

        self._update_editing()
        self._render()

    def _update_editing(self) -> None:
        if self.current is None:
            self.editing.setText(_("Adding a new medicine."))
        else:
            self.editing.setText(_("Editing your record of {medicine}.").format(medicine=self.current.name))
        self.rating.retranslate_ui(self.current)

    # --- reading and showing ---

    def _today(self) -> dt.date:
        return self._diary.clock.today()

    def _read(self) -> list[Medicine]:
        return self._service.medicines()

    def _record_list(self) -> QListWidget:
        return self.list

    def ordered(self) -> list[Medicine]:
        """Current (and not yet started) ones in the order added, then stopped ones, the latest stopped first."""
        today = self._today()
        current = [m for m in self._records if not is_stopped(m, today)]
        stopped = [m for m in self._records if is_stopped(m, today)]
        stopped.sort(key=lambda m: m.stopped_on or dt.date.min, reverse=True)
        return current + stopped

    def _render(self) -> None:
        today = self._today()
        medicines = self.ordered()
        self.list.blockSignals(True)
        self.list.clear()
        for medicine in medicines:
            first = (
                _("{medicine}: {dose}").format(medicine=medicine.name, dose=medicine.dose)
                if medicine.dose
                else medicine.name
            )
            item = QListWidgetItem(
                _("{medicine}\n{status}").format(medicine=first, status=medicine_status(medicine, today))
            )
            item.setData(Qt.ItemDataRole.UserRole, medicine.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._select_in_list(self.current.id if self.current else None)
        self.list.setVisible(bool(medicines))
        self.empty.setVisible(not medicines)
        self._names.setStringList(sorted({m.name for m in self._records}, key=str.casefold))
        self._update_editing()
        self._render_reviews()

    def _render_reviews(self) -> None:
        for row in self._review_rows:
            row.setParent(None)
            row.deleteLater()
        self._review_rows = []
        today = self._today()
        for medicine in self._records:
            day = review_due_on(medicine, today)
            if day is None or day > today:
                continue
            row = ReviewRow(medicine, day)
            row.reviewed.connect(self.mark_reviewed)
            self.review_rows_box.addWidget(row)
            row.show()  # at once, not on the next pass of the event loop, so focus can move to it now
            self._review_rows.append(row)
        # New buttons join the end of the window's Tab order: put them just before the list instead.
        place_before(self.list, [r.button for r in self._review_rows])
        self.reviews.setVisible(bool(self._review_rows))

    def review_rows(self) -> list[ReviewRow]:
        return list(self._review_rows)

    def select(self, name: str) -> None:
        for index, medicine in enumerate(self.ordered()):
            if medicine.name == name:
                self.list.setCurrentRow(index)
                return
        raise KeyError(name)

    # --- the editor ---

    def _load(self, medicine: Medicine | None) -> None:
        self.current = medicine
        today = self._today()
        m = medicine or Medicine(id="", name="")
        self.name.setText(m.name)
        self.purpose.setText(m.purpose)
        self.kind.setCurrentIndex(list(MedicineKind).index(m.kind))
        self.dose.setText(m.dose)
        self.started.set_value(m.started_on, today)
        self.stopped.set_value(m.stopped_on, today)
        self.prescriber.setText(m.prescriber)
        self.agreement.set_value(m.agreement, today)
        self.next_review.set_value(m.next_review, today)
        self.group.setCurrentIndex(list(ReviewGroup).index(m.review_group))
        self.notes.setPlainText(m.notes)
        self.delete_button.setEnabled(medicine is not None)
        self.rating.clear_inputs()
        self.rating_status.setText("")
        self._select_in_list(medicine.id if medicine else None)
        self._update_editing()

    def _blank(self, record_id: str) -> Medicine:
        return Medicine(id=record_id, name="")

    def form_record(self) -> Medicine:
        base = self.current or Medicine(id=self._service.new_id(), name="")
        return dataclasses.replace(
            base,
            name=self.name.text(),
            purpose=self.purpose.text(),
            kind=MedicineKind(self.kind.currentData()),
            dose=self.dose.text(),
            started_on=self.started.value(),
            stopped_on=self.stopped.value(),
            prescriber=self.prescriber.text(),
            agreement=self.agreement.value(),
            next_review=self.next_review.value(),
            review_group=ReviewGroup(self.group.currentData()),
            notes=self.notes.toPlainText(),
        )

    def _form_state(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "purpose": self.purpose.text(),
            "kind": self.kind.currentData(),
            "dose": self.dose.text(),
            "started": self.started.state(),
            "stopped": self.stopped.state(),
            "prescriber": self.prescriber.text(),
            "agreement": self.agreement.state(),
            "next_review": self.next_review.state(),
            "group": self.group.currentData(),
            "notes": self.notes.toPlainText(),
            "rating": self.rating.state(),
        }

    def _set_form_state(self, state: dict[str, Any]) -> None:
        self.name.setText(str(state.get("name", "")))
        self.purpose.setText(str(state.get("purpose", "")))
        self.kind.setCurrentIndex(max(0, self.kind.findData(state.get("kind"))))
        self.dose.setText(str(state.get("dose", "")))
        for field, key in ((self.started, "started"), (self.stopped, "stopped"), (self.next_review, "next_review")):
            field.set_state(state.get(key))
        self.prescriber.setText(str(state.get("prescriber", "")))
        self.agreement.set_state(state.get("agreement"))
        self.group.setCurrentIndex(max(0, self.group.findData(state.get("group"))))
        self.notes.setPlainText(str(state.get("notes", "")))
        self.rating.set_state(dict(state.get("rating") or {}))

    def _has_other_input(self) -> bool:
        return self.current is not None and self.rating.has_input()

    def _store(self, record: Medicine) -> tuple[Medicine, Changes]:
        return self._service.save(record)

    def _name_field(self) -> QWidget:
        return self.name

    def _remove(self, record_id: str) -> Changes:
        return self._service.delete(record_id)

    def _status_text(self, outcome: str, name: str) -> str:
        if outcome == "added":
            return _("{medicine} added.").format(medicine=name)
        if outcome == "changed":
            return _("{medicine} updated.").format(medicine=name)
        return _("{medicine} was deleted.").format(medicine=name)

    def _on_delete_clicked(self) -> None:
        medicine = self.current
        if medicine is None:
            return

        dialogs.confirm(
            self,
            _("Delete medicine"),
            _(
                "Delete {medicine} from your diary, with how helpful it was and the doses logged? This can't be undone."
            ).format(medicine=medicine.name),
            lambda: self.delete(medicine.id),
        )

    # --- reviews ---

    def mark_reviewed(self, medicine_id: str) -> None:
        done = self._diary.run(lambda: self._service.mark_reviewed(medicine_id), problem=self.status)
        if done is None:
            return
        medicine = done.value
        if self.current is not None and self.current.id == medicine_id:
            self._load(medicine)
        self.status.setText(_("{medicine} marked as reviewed today.").format(medicine=medicine.name))
        (self._review_rows[0].button if self._review_rows else self.list).setFocus()

    # --- ratings ---

    def record_rating(self) -> None:
        if self.current is None:
            return
        medicine_id = self.current.id
        helpfulness, side_effects = self.helpfulness.rating(), self.side_effects.text()
        done = self._diary.run(
            lambda: self._service.rate(medicine_id, helpfulness, side_effects), problem=self.rating_status
        )
        if done is None:
            return
        medicine = done.value
        self.current = medicine
        self.rating.clear_inputs()
        self.rating.show_medicine(medicine)
        self.rating_status.setText(_("Recorded for {medicine}.").format(medicine=medicine.name))
