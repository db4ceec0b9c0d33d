"""Getting ready for an appointment: what changed since the last one (entries in My story, medicines changed,
decisions made), the top 3 things to raise and the questions, and the consultation summary for exactly that
period, made by the summary's own document builder (reports.summary_pdf.make_summary_pdf)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from companion.domain.agreement import agreement_text
from companion.domain.changes import Changes
from companion.domain.errors import CompanionError
from companion.i18n import _, current_language
from companion.i18n.file_names import suggested_file_name
from companion.i18n.formatting import format_date
from companion.services.appointments import Preparation
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import PagePart
from companion.ui.medicines.fields import button_row, section
from companion.ui.story.dialog_base import fit_to_window
from companion.ui.story.story_document import LANGUAGES
from companion.ui.story.wording import appointment_title, item_lines
from companion.ui.widgets import label, run_busy, window_title


class PrepareDialog(PagePart, QDialog):
    """Read-only; it follows changes made while it is open (its interests), such as a new top 3."""

    interests = Changes(story=True, appointments=True, medicines=True)

    def __init__(self, diary: OpenDiary, appointment_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("prepareDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._diary = diary
        self._session = diary.session
        self.appointment_id = appointment_id
        self.preparation: Preparation | None = None
        outer = QVBoxLayout(self)
        self.heading = label("subheading")
        self.period = label()
        self.period.setObjectName("preparePeriod")
        content = QWidget()
        column = QVBoxLayout(content)
        self.sections: dict[str, tuple[QLabel, QLabel]] = {}
        for name in ("story", "medicines", "decisions", "top", "questions"):
            box, heading, layout = section(f"prepare_{name}")
            body = label(selectable=True)
            body.setObjectName(f"prepare_{name}_text")
            layout.addWidget(body)
            column.addWidget(box)
            self.sections[name] = (heading, body)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("prepareEdit")
        self.summary_language = QComboBox()
        self.summary_language.setObjectName("prepareSummaryLanguage")
        for code, name in LANGUAGES:
            self.summary_language.addItem(name, code)
        self.summary_language.setCurrentIndex(self.summary_language.findData(current_language()))
        self.summary_button = QPushButton()
        self.summary_button.setObjectName("prepareSummaryPdf")
        self.status = label()
        self.status.setObjectName("prepareStatus")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        outer.addWidget(self.heading)
        outer.addWidget(self.period)
        outer.addWidget(scroll, 1)
        outer.addWidget(button_row(self.edit_button, self.summary_language, self.summary_button))
        outer.addWidget(self.status)
        outer.addWidget(self.buttons)
        self.buttons.rejected.connect(self.reject)
        self.edit_button.clicked.connect(self.edit_appointment)
        self.summary_button.clicked.connect(self.save_summary)
        self.refresh()
        self.retranslate_ui()
        fit_to_window(self)
        diary.host.add(self)

    def refresh(self) -> None:
        """Read the preparation: the period since the last appointment and what entered the record in it."""
        try:
            self.preparation = self._session.appointments.prepare(self.appointment_id)
        except CompanionError:
            self.preparation = None
        self._render()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(window_title(_("Getting ready for an appointment")))
        self.edit_button.setText(_("Change the top 3 and questions…"))
        self.edit_button.setAccessibleName(_("Change the appointment, its top 3 and its questions"))
        self.summary_language.setAccessibleName(_("Language of the summary: Welsh, English, or both side by side"))
        self.summary_button.setText(_("Summary for this period as a PDF…"))
        self.summary_button.setAccessibleName(
            _("Save the consultation summary for exactly this period as a PDF file that is not encrypted")
        )
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        if close is not None:
            close.setText(_("Close"))
        titles = {
            "story": _("New in My story"),
            "medicines": _("Medicines changed"),
            "decisions": _("Decisions made"),
            "top": _("My top 3 things to raise"),
            "questions": _("Questions I want to ask"),
        }
        for name, (heading, _body) in self.sections.items():
            heading.setText(titles[name])
        self._render()

    def _render(self) -> None:
        prep = self.preparation
        if prep is None:
            self.heading.setText(_("That appointment is no longer in your diary."))
            return
        lang = current_language()
        self.heading.setText(
            _("Getting ready: {appointment}").format(appointment=appointment_title(prep.appointment, _, lang))
        )
        start, end = format_date(prep.start), format_date(prep.end)
        if prep.previous is not None:
            self.period.setText(
                _("Since your last appointment: from {start} to {end} ({appointment}).").format(
                    start=start, end=end, appointment=appointment_title(prep.previous, _, lang)
                )
            )
        else:
            self.period.setText(
                _("With no earlier appointment written down: from {start} to {end}.").format(start=start, end=end)
            )
        none = _("Nothing in this period.")
        story = [item_lines(i, _, lang, {})[0] for i in prep.story]
        medicines = []
        for medicine in prep.medicines_changed:
            line = (
                _("{medicine}: {dose}").format(medicine=medicine.name, dose=medicine.dose)
                if medicine.dose
                else (medicine.name)
            )
            agreed = agreement_text(medicine.agreement, _, lang)
            medicines.append(f"{line} · {agreed}" if agreed else line)
        decisions = [
            _("{choice}: {decision}").format(choice=d.choice, decision=d.decision) if d.decision else d.choice
            for d in prep.decisions
        ]
        top = [f"{n}. {text}" for n, text in enumerate(prep.appointment.top_three, start=1)]
        for name, lines, empty in (
            ("story", story, none),
            ("medicines", medicines, none),
            ("decisions", decisions, none),
            ("top", top, _("None written yet. Use Change the top 3 and questions.")),
            ("questions", list(prep.appointment.questions), _("None written yet.")),
        ):
            self.sections[name][1].setText("\n".join(f"• {line}" if name != "top" else line for line in lines) or empty)

    # --- actions ---

    def edit_appointment(self) -> None:
        from companion.ui.story.appointment_dialog import AppointmentDialog

        AppointmentDialog.open_for(self._diary, self.appointment_id, self)

    def save_summary(self) -> None:
        """The consultation summary for exactly this period, by the summary's own document builder."""
        prep = self.preparation
        if prep is None:
            return
        dialogs.save_unencrypted(
            self,
            warning=_(
                "The PDF will not be encrypted: anyone who can open the file can read it. Save it only "
                "where you choose, and delete it when you no longer need it."
            ),
            title=_("Save the summary as a PDF"),
            suggested=str(Path.home() / suggested_file_name("summary", prep.end)),
            name_filter=_("PDF files (*.pdf)"),
            on_path=self._save_summary_to,
        )

    def _save_summary_to(self, path: str) -> None:
        from companion.reports.summary_data import SummaryOptions
        from companion.reports.summary_pdf import make_summary_pdf
        from companion.services import transfer

        prep = self.preparation
        if prep is None:
            return
        options = SummaryOptions(
            start=prep.start,
            end=prep.end,
            top3=prep.appointment.top_three,
            own_questions=prep.appointment.questions,
            language=str(self.summary_language.currentData()),
        )
        try:
            pdf = run_busy(self, lambda: make_summary_pdf(self._session, options))
            transfer.write_export(Path(path), pdf)
        except CompanionError as exc:
            self.status.setText(exc.message())
            return
        self.status.setText(_("The summary was saved to {path}.").format(path=path))

    @classmethod
    def open_for(cls, diary: OpenDiary, appointment_id: str, parent: QWidget) -> PrepareDialog:
        dialog = cls(diary, appointment_id, parent)
        dialogs.open_modal(dialog)  # window-modal; the focus goes back where it was when it closes
        return dialog
