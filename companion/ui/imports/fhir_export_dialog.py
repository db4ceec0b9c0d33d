"""Export for a health record: a FHIR R4 (UK Core) file of the period and sections the person chooses, naming
no one unless they add their details, written only after the same warning as every other export."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from companion.domain.errors import CompanionError
from companion.domain.summary import Section
from companion.i18n import N_, _
from companion.i18n.file_names import suggested_file_name
from companion.presentation.import_wizard import nhs_number_problem
from companion.services.fhir_export import FhirOptions, PatientDetails
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft, PagePart
from companion.ui.imports.steps import after_answer, fit_in_window, scrolling
from companion.ui.layouts import flow_row
from companion.ui.medicines.fields import OptionalDate
from companion.ui.widgets import label, run_busy, window_title

PERIODS = {"4w": 27, "3m": 90, "12m": 364, "custom": None}  # days before today that the period starts
PERIOD_NAMES = {
    "4w": N_("The last 4 weeks"),
    "3m": N_("The last 3 months"),
    "12m": N_("The last 12 months"),
    "custom": N_("Dates I choose"),
}
SECTIONS: dict[Section, str] = {
    Section.PAIN: N_("Daily pain scores and the weekly PEG"),
    Section.SLEEP_MOOD: N_("Monthly mood checks (PHQ-2 and GAD-2)"),
    Section.MEDICINES: N_("Medicines"),
    Section.NOTES: N_("My notes with each pain score (left out unless ticked)"),
}
BIRTH_DEFAULT = dt.date(1970, 1, 1)  # where the date of birth field starts once ticked


class FhirExportDialog(PagePart, QDialog):
    """Window-modal. Reads the diary only when Export is pressed; keeps what was typed over a lock."""

    draft_key = "companion.ui.imports.fhir_export_dialog:FhirExportDialog"

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fhirExportDialog")
        self._diary = diary
        self.written: Path | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 16, 20, 12)
        self.heading = label("heading")
        area, column = scrolling(QWidget())
        self.intro = label()
        self.intro.setObjectName("fhirIntro")
        self.kept = label("note")
        self.kept.setObjectName("fhirKept")
        self.kept.hide()

        self.period_box = QWidget()
        form = QFormLayout(self.period_box)
        form.setContentsMargins(0, 0, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.period = QComboBox()
        self.period.setObjectName("fhirPeriod")
        for key in PERIODS:
            self.period.addItem("", key)
        self.start, self.end = QDateEdit(), QDateEdit()
        self.start.setObjectName("fhirStart")
        self.end.setObjectName("fhirEnd")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
        self.period_label, self.dates_label = label(), label()
        self.period_label.setBuddy(self.period)
        form.addRow(self.period_label, self.period)
        form.addRow(self.dates_label, flow_row(self.start, self.end))

        self.sections_box = QGroupBox()
        sections = QVBoxLayout(self.sections_box)
        self.sections: dict[Section, QCheckBox] = {}
        for section in SECTIONS:
            box = QCheckBox()
            box.setObjectName(f"fhirSection_{section.value}")
            box.setChecked(section is not Section.NOTES)
            sections.addWidget(box)
            self.sections[section] = box
        # My story's diagnoses and tests are history: all of them go in, whatever the period (docs/fhir.md).
        self.story = QCheckBox()
        self.story.setObjectName("fhirStory")
        self.story.setChecked(True)
        sections.insertWidget(3, self.story)

        self.patient_box = QGroupBox()
        patient = QVBoxLayout(self.patient_box)
        self.patient_note = label()
        self.patient_note.setObjectName("fhirPatientNote")
        self.add_details = QCheckBox()
        self.add_details.setObjectName("fhirAddDetails")
        self.details = QWidget()
        details = QFormLayout(self.details)
        details.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name = QLineEdit()
        self.name.setObjectName("fhirName")
        self.birth = OptionalDate("fhirBirth")  # a tick box that enables the date: none until ticked
        self.birth.set_value(None, BIRTH_DEFAULT)
        self.nhs = QLineEdit()
        self.nhs.setObjectName("fhirNhsNumber")
        self.name_label, self.nhs_label = label(), label()
        self.name_label.setBuddy(self.name)
        self.nhs_label.setBuddy(self.nhs)
        details.addRow(self.name_label, self.name)
        details.addRow(self.birth)
        details.addRow(self.nhs_label, self.nhs)
        self.details.hide()
        for widget in (self.patient_note, self.add_details, self.details):
            patient.addWidget(widget)

        for widget in (self.intro, self.kept, self.period_box, self.sections_box, self.patient_box):
            column.addWidget(widget)
        column.addStretch(1)
        self.status = label()
        self.status.setObjectName("fhirStatus")
        self.export_button = QPushButton()
        self.export_button.setObjectName("fhirExport")
        self.export_button.setDefault(True)
        self.close_button = QPushButton()
        self.close_button.setObjectName("fhirClose")
        self.close_button.setAutoDefault(False)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        outer.addWidget(self.heading)
        outer.addWidget(area, 1)
        outer.addWidget(self.status)
        outer.addLayout(buttons)

        self.period.currentIndexChanged.connect(self._on_period_changed)
        self.add_details.toggled.connect(self.details.setVisible)
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.reject)
        self.period.setCurrentIndex(list(PERIODS).index("3m"))
        self._on_period_changed()
        self.retranslate_ui()
        self._fitted = False
        self._initial = self.draft_state()
        diary.host.add(self)

    @classmethod
    def open_for(cls, diary: OpenDiary, parent: QWidget) -> FhirExportDialog:
        dialog = cls(diary, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialogs.open_modal(dialog)
        dialog.period.setFocus()
        return dialog

    @classmethod
    def revive(cls, diary: OpenDiary, draft: Draft) -> None:
        parent = diary.app if isinstance(diary.app, QWidget) else None
        if parent is not None:
            cls.open_for(diary, parent).restore(draft)

    def showEvent(self, event: QShowEvent) -> None:
        if not self._fitted:
            self._fitted = True
            fit_in_window(self)
        super().showEvent(event)

    def retranslate_ui(self) -> None:
        title = _("Export for a health record (FHIR)")
        self.setWindowTitle(window_title(title))
        self.setAccessibleName(title)
        self.heading.setText(title)
        self.intro.setText(
            _(
                "This makes a file in FHIR, the format health records use (R4, with the UK Core profiles), "
                "for a clinic or a health record that asks for one. It holds the period and the parts you "
                "choose. Your answers to the weekly and monthly questions keep the language you gave them in."
            )
        )
        self.kept.setText(_(dialogs.KEPT_OVER_LOCK))
        self.period_label.setText(_("&Period"))
        self.period.setAccessibleName(_("Period the file covers"))
        for index, key in enumerate(PERIODS):
            self.period.setItemText(index, _(PERIOD_NAMES[key]))
        self.dates_label.setText(_("From and to"))
        self.start.setAccessibleName(_("First day in the file"))
        self.end.setAccessibleName(_("Last day in the file"))
        self.sections_box.setTitle(_("What goes in"))
        for section, box in self.sections.items():
            box.setText(_(SECTIONS[section]))
            box.setAccessibleName(_(SECTIONS[section]))
        self.story.setText(_("Diagnoses and tests from My story, as I was told them"))
        self.story.setAccessibleName(_("Diagnoses and tests from My story, as I was told them"))
        self.patient_box.setTitle(_("About you"))
        self.patient_note.setText(
            _(
                "The file names no one: none of your details are in it unless you add them here. Add them "
                "only if the clinic asks for them."
            )
        )
        self.add_details.setText(_("&Add my details to the file"))
        self.add_details.setAccessibleName(_("Add my details to the file"))
        self.name_label.setText(_("&Name"))
        self.name.setAccessibleName(_("Your name, as it should appear in the file"))
        self.birth.set_texts(_("Date of &birth"), _("Add my date of birth"), _("Your date of birth"))
        self.nhs_label.setText(_("NHS n&umber"))
        self.nhs.setAccessibleName(_("Your NHS number, 10 digits"))
        self.export_button.setText(_("&Export…"))
        self.export_button.setAccessibleName(_("Export the file: first a warning, then where to save it"))
        self.close_button.setText(_("Close"))
        self.close_button.setAccessibleName(_("Close without exporting"))

    def refresh(self) -> None:
        """Nothing is shown from the diary: it is read when Export is pressed."""

    # --- choices ---

    def _on_period_changed(self, *_args: object) -> None:
        days = PERIODS.get(str(self.period.currentData()))
        custom = self.period.currentData() == "custom"
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if days is not None:
            today = self._diary.clock.today()
            self._set(self.start, today - dt.timedelta(days=days))
            self._set(self.end, today)

    @staticmethod
    def _set(edit: QDateEdit, day: dt.date) -> None:
        edit.setDate(QDate(day.year, day.month, day.day))

    @staticmethod
    def _day(edit: QDateEdit) -> dt.date:
        value = edit.date()
        return dt.date(value.year(), value.month(), value.day())

    def options(self) -> FhirOptions:
        start, end = sorted((self._day(self.start), self._day(self.end)))
        chosen = tuple(s for s, box in self.sections.items() if box.isChecked())
        patient = PatientDetails()
        if self.add_details.isChecked():
            patient = PatientDetails(self.name.text().strip(), self.birth.value(), self.nhs.text())
        return FhirOptions(start, end, chosen, patient)

    # --- the export ---

    def export(self) -> None:
        """Check the choices, warn that the file is not encrypted (Cancel the default), ask where, write it."""
        problem = nhs_number_problem(self.nhs.text()) if self.add_details.isChecked() else None
        if problem is None and not any(box.isChecked() for box in [*self.sections.values(), self.story]):
            problem = _("Choose at least one thing to put in the file.")
        if problem:
            self.status.setText(problem)
            return
        options = self.options()
        from companion.services import transfer

        dialogs.save_unencrypted(
            self,
            warning=_(transfer.EXPORT_WARNING),
            title=_("Export for a health record"),
            suggested=str(Path.home() / suggested_file_name("fhir", self._diary.clock.today())),
            name_filter=_("FHIR JSON files (*.json)"),
            on_path=lambda path: after_answer(self, lambda: self.write(Path(path), options))(),
            on_nothing=lambda: self.status.setText(_("Nothing was exported.")),
        )

    def write(self, path: Path, options: FhirOptions) -> None:
        from companion.services import transfer
        from companion.services.fhir_export import export_fhir
        from companion.services.fhir_story import story_for_fhir

        session, with_story = self._diary.session, self.story.isChecked()

        def make() -> bytes:
            return export_fhir(session, replace(options, story=story_for_fhir(session)) if with_story else options)

        try:
            data = run_busy(self, make, _("Making the file…"))
            transfer.write_export(path, data)
        except CompanionError as exc:
            self.status.setText(exc.message())
            return
        self.written = path
        self.status.setText(_("Exported to {path}. This file is not encrypted.").format(path=path))

    # --- across a lock ---

    def draft(self) -> Draft | None:
        state = self.draft_state()
        return state if self.isVisible() and state != self._initial else None

    def draft_state(self) -> Draft:
        return {
            "period": self.period.currentData(),
            "start": self._day(self.start).isoformat(),
            "end": self._day(self.end).isoformat(),
            "sections": [s.value for s, box in self.sections.items() if box.isChecked()],
            "story": self.story.isChecked(),
            "details": self.add_details.isChecked(),
            "name": self.name.text(),
            "birth": None if self.birth.value() is None else str(self.birth.value()),
            "nhs": self.nhs.text(),
        }

    def restore(self, draft: Draft) -> None:
        self.period.setCurrentIndex(max(0, self.period.findData(draft.get("period"))))
        for key, edit in (("start", self.start), ("end", self.end)):
            value = draft.get(key)
            if isinstance(value, str):
                self._set(edit, dt.date.fromisoformat(value))
        birth = draft.get("birth")
        self.birth.set_value(dt.date.fromisoformat(birth) if isinstance(birth, str) else None, BIRTH_DEFAULT)
        chosen = set(draft.get("sections") or [])
        for section, box in self.sections.items():
            box.setChecked(section.value in chosen)
        self.story.setChecked(bool(draft.get("story", True)))
        self.add_details.setChecked(bool(draft.get("details")))
        self.name.setText(str(draft.get("name") or ""))
        self.nhs.setText(str(draft.get("nhs") or ""))
        self.kept.show()
