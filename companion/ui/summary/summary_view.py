"""The consultation summary screen: the period, who it is for (each remembers its sections), how I communicate
best, my top 3, questions to ask (Making Choices Together first), the summary's own language (Welsh, English
or both side by side), a preview, printing through the print preview and system dialog, and a PDF saved only
where the person chooses. Printing or saving asks which day the appointment is, and remembers it."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from companion.domain.changes import Changes
from companion.domain.summary import AUDIENCE_NAMES, CHARTS, DEFAULT_SECTIONS, Audience, Section
from companion.i18n import N_, _, current_language, ngettext
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft, PagePart
from companion.ui.layouts import flow_row
from companion.ui.summary.appointment_dialog import AppointmentDialog, to_date, to_qdate
from companion.ui.summary.communication_box import CommunicationBox
from companion.ui.summary.output import SummaryOutput
from companion.ui.widgets import label
from companion.ui.wrapping import WrappingCheckBox, WrappingGroupBox

if TYPE_CHECKING:
    from companion.reports.summary_data import SummaryData, SummaryOptions
    from companion.ui.printing import PrintPreview

PERIODS = ("since_last", "4w", "3m", "custom")
PERIOD_NAMES = {
    "since_last": N_("Since my last appointment"),
    "4w": N_("The last 4 weeks"),
    "3m": N_("The last 3 months"),
    "custom": N_("Dates I choose"),
}
SECTION_NAMES = {
    Section.WHAT_MATTERS: N_("What matters to me"),
    Section.TOP3: N_("My top 3 things to discuss"),
    Section.QUESTIONS: N_("Questions I want to ask"),
    Section.STORY: N_("My story so far (left out unless ticked)"),
    Section.PAIN: N_("Pain and PEG, with the chart"),
    Section.SLEEP_MOOD: N_("Sleep and mood"),
    Section.FLARES: N_("Flare-ups"),
    Section.PACING: N_("Pacing"),
    Section.GOALS: N_("Goals and action plans"),
    Section.MEDICINES: N_("Medicines"),
    Section.TRIED: N_("What I've tried"),
    Section.NOTES: N_("My own notes from check-ins (left out unless ticked)"),
}
CHART_NAMES = {"wellbeing": N_("Sleep, mood and tiredness"), "peg": N_("PEG over time"), "none": N_("No second chart")}
LANGUAGE_CHOICES = (("cy", "Cymraeg"), ("en", "English"), ("both", "Cymraeg | English"))
SHORT_PERIOD_DAYS = 7


class SummaryView(SummaryOutput, PagePart, QWidget):
    interests = Changes(settings=True, appointments=True)
    draft_key = "summary"

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryView")
        self._diary = diary
        self._session = diary.session
        self.data: SummaryData | None = None
        self.print_job: PrintPreview | None = None
        self.appointment_dialog: AppointmentDialog | None = None
        self._notice: tuple[str, int] = ("", 0)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        self.heading = label("heading")
        self.intro = label()
        content = QWidget()
        column = QVBoxLayout(content)
        self._build_choices()
        self.communication = CommunicationBox()
        self._build_top3_and_questions()
        self.sections_box = WrappingGroupBox()
        sections = QVBoxLayout(self.sections_box)  # one column: long Welsh names at large text stay whole
        self.sections: dict[Section, WrappingCheckBox] = {}
        for section in Section:
            box = WrappingCheckBox()
            box.setObjectName(f"section_{section.value}")
            sections.addWidget(box)
            self.sections[section] = box
        self.preview_button, self.print_button, self.pdf_button = QPushButton(), QPushButton(), QPushButton()
        for button, name in (
            (self.preview_button, "summaryPreview"),
            (self.print_button, "summaryPrint"),
            (self.pdf_button, "summaryPdf"),
        ):
            button.setObjectName(name)
        buttons = flow_row(self.preview_button, self.print_button, self.pdf_button)  # wraps at large text
        self.notice = label()
        self.notice.setObjectName("summaryPeriodNotice")
        self.status = label()
        self.status.setObjectName("summaryStatus")
        self.preview = QTextBrowser()
        self.preview.setObjectName("summaryPreviewText")
        self.preview.setOpenLinks(False)
        self.preview.setMinimumHeight(360)
        for widget in (
            self.choices,
            self.notice,
            self.communication,
            self.top_box,
            self.questions_box,
            self.sections_box,
            buttons,
            self.status,
        ):
            column.addWidget(widget)
        column.addWidget(self.preview, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Tick boxes and box titles wrap (ui/wrapping.py), so nothing here should need it; kept as a last resort.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setWidget(content)
        self.scroll_area = scroll
        outer.addWidget(self.heading)
        outer.addWidget(self.intro)
        outer.addWidget(scroll, 1)

        self.period.currentIndexChanged.connect(self._on_period_changed)
        self.start.dateChanged.connect(self._show_period_notice)
        self.end.dateChanged.connect(self._show_period_notice)
        self.audience.currentIndexChanged.connect(self._load_sections)
        self.preview_button.clicked.connect(self.show_preview)
        self.print_button.clicked.connect(self.print_summary)
        self.pdf_button.clicked.connect(self.save_pdf)
        self._load_remembered()
        self.retranslate_ui()
        self._on_period_changed()
        diary.host.add(self)

    def _build_choices(self) -> None:
        self.choices = WrappingGroupBox()
        form = QFormLayout(self.choices)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # long labels go above their field
        self.period = QComboBox()
        self.period.setObjectName("summaryPeriod")
        for key in PERIODS:
            self.period.addItem("", key)
        self.start, self.end = QDateEdit(), QDateEdit()
        self.start.setObjectName("summaryStart")
        self.end.setObjectName("summaryEnd")
        dates = QHBoxLayout()
        for date_edit in (self.start, self.end):
            date_edit.setCalendarPopup(True)
            dates.addWidget(date_edit)
        self.audience = QComboBox()
        self.audience.setObjectName("summaryAudience")
        for audience in Audience:
            self.audience.addItem("", audience.value)
        self.language = QComboBox()
        self.language.setObjectName("summaryLanguage")
        for code, name in LANGUAGE_CHOICES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(current_language()))  # until the person chooses
        self.paper = QComboBox()
        self.paper.setObjectName("summaryPaper")
        self.paper.addItems(["A4", "Letter"])
        self.second_chart = QComboBox()
        self.second_chart.setObjectName("summarySecondChart")
        for key in CHARTS:
            self.second_chart.addItem("", key)
        self.name = QLineEdit()
        self.name.setObjectName("summaryName")
        self.period_label, self.dates_label, self.audience_label = label(), label(), label()
        self.language_label, self.paper_label, self.chart_label, self.name_label = label(), label(), label(), label()
        for caption, field in (
            (self.period_label, self.period),
            (self.dates_label, dates),
            (self.audience_label, self.audience),
            (self.language_label, self.language),
            (self.paper_label, self.paper),
            (self.chart_label, self.second_chart),
            (self.name_label, self.name),
        ):
            form.addRow(caption, field)

    def _build_top3_and_questions(self) -> None:
        self.top_box = WrappingGroupBox()
        top = QVBoxLayout(self.top_box)
        self.top3 = [QLineEdit() for _i in range(3)]
        for index, edit in enumerate(self.top3):
            edit.setObjectName(f"top{index + 1}")
            top.addWidget(edit)
        self.questions_box = WrappingGroupBox()
        questions = QVBoxLayout(self.questions_box)
        self.making_choices, self.ask3, self.bran = WrappingCheckBox(), WrappingCheckBox(), WrappingCheckBox()
        self.making_choices.setObjectName("makingChoices")
        self.ask3.setObjectName("askThree")
        self.bran.setObjectName("bran")
        self.own_questions = QPlainTextEdit()
        self.own_questions.setObjectName("ownQuestions")
        self.own_questions.setTabChangesFocus(True)
        self.own_questions.setMaximumHeight(80)
        self.own_label = label()
        # Each set: a short tick box, then its questions in a label that wraps (a tick box's text never does).
        self.set_labels = [label(), label(), label()]
        for box, words in zip((self.making_choices, self.ask3, self.bran), self.set_labels, strict=True):
            words.setIndent(24)
            words.setBuddy(box)
            questions.addWidget(box)
            questions.addWidget(words)
        for part in (self.own_label, self.own_questions):
            questions.addWidget(part)

    # --- text ---

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Summary for an appointment"))
        self.intro.setText(
            _(
                "One or two pages to take with you. It starts with what matters to you and your questions, "
                "then the evidence from your diary. Choose what goes in; nothing leaves this computer unless "
                "you print it or save it."
            )
        )
        self.choices.setTitle(_("The summary"))
        self.period_label.setText(_("Period"))
        self.period.setAccessibleName(_("Period the summary covers"))
        for index, key in enumerate(PERIODS):
            self.period.setItemText(index, _(PERIOD_NAMES[key]))
        self.dates_label.setText(_("From and to"))
        self.start.setAccessibleName(_("First day of the summary (for “since my last appointment”, its day)"))
        self.end.setAccessibleName(_("Last day of the summary"))
        self.audience_label.setText(_("Who it is for"))
        self.audience.setAccessibleName(_("Who the summary is for"))
        for index, audience in enumerate(Audience):
            self.audience.setItemText(index, _(AUDIENCE_NAMES[audience]))
        self.language_label.setText(_("Language of the summary"))
        self.language.setAccessibleName(_("Language of the summary: Welsh, English, or both side by side"))
        self.paper_label.setText(_("Paper"))
        self.paper.setAccessibleName(_("Paper size"))
        self.chart_label.setText(_("Second chart"))
        self.second_chart.setAccessibleName(_("The chart printed under the pain chart"))
        for index, key in enumerate(CHARTS):
            self.second_chart.setItemText(index, _(CHART_NAMES[key]))
        self.name_label.setText(_("My name on it (optional)"))
        self.name.setAccessibleName(_("Your name on the summary, if you want it"))
        self.sections_box.setTitle(_("What goes in"))
        for section, box in self.sections.items():
            box.setText(_(SECTION_NAMES[section]))
            box.setAccessibleName(_(SECTION_NAMES[section]))
        self.top_box.setTitle(_("My top 3 things to discuss today"))
        for index, edit in enumerate(self.top3):
            edit.setAccessibleName(_("Thing to discuss number {n}").format(n=index + 1))
        self.questions_box.setTitle(_("Questions I want to ask"))
        self.making_choices.setText(_("Making Choices Together"))
        self.making_choices.setAccessibleName(_("Include the Making Choices Together questions"))
        self.ask3.setText(_("Ask 3 Questions"))
        self.ask3.setAccessibleName(_("Include the Ask 3 Questions"))
        self.bran.setText("BRAN")
        self.bran.setAccessibleName(_("Include the BRAN questions"))
        for words, text in zip(
            self.set_labels,
            (
                _(
                    "Making Choices Together: What are my options? What are the benefits and harms? What can I do "
                    "myself?"
                ),
                _("Ask 3 Questions: my options, their pros and cons for me, and support to decide"),
                _("BRAN: benefits, risks, alternatives, and what if I do nothing"),
            ),
            strict=True,
        ):
            words.setText(text)
        self.own_label.setText(_("My own questions, one a line"))
        self.own_questions.setAccessibleName(_("Your own questions, one a line"))
        self.preview_button.setText(_("Pre&view"))
        self.preview_button.setAccessibleName(_("Show the summary on screen"))
        self.print_button.setText(_("&Print…"))
        self.print_button.setAccessibleName(_("Print the summary, with a print preview"))
        self.pdf_button.setText(_("Save as P&DF…"))
        self.pdf_button.setAccessibleName(_("Save the summary as a PDF file that is not encrypted"))
        self.preview.setAccessibleName(_("Summary preview"))
        self._render_notice()

    # --- choices ---

    def _load_remembered(self) -> None:
        prefs = self._session.summary
        self.name.setText(prefs.name())
        for edit, text in zip(self.top3, prefs.top3(), strict=False):
            edit.setText(text)
        self.own_questions.setPlainText("\n".join(prefs.questions()))
        sets = prefs.question_sets()
        self.making_choices.setChecked("making_choices" in sets)
        self.ask3.setChecked("ask3" in sets)
        self.bran.setChecked("bran" in sets)
        self.communication.set_needs(prefs.communication())
        if prefs.last_appointment(self._today()) is None:
            self.period.setCurrentIndex(PERIODS.index("3m"))
        self._load_sections()

    def _today(self) -> dt.date:
        return self._session.diary.today()

    def _load_sections(self) -> None:
        audience = Audience(self.audience.currentData())
        remembered = self._session.summary.sections(audience.value)
        chosen = {Section(s) for s in remembered if s in {x.value for x in Section}} if remembered else None
        for section, box in self.sections.items():
            box.setChecked(section in (chosen if chosen is not None else DEFAULT_SECTIONS[audience]))

    def _on_period_changed(self) -> None:
        key = self.period.currentData()
        today = self._today()
        last = self._session.summary.last_appointment(today)
        start = {
            "since_last": last or today - dt.timedelta(days=27),
            "4w": today - dt.timedelta(days=27),
            "3m": today - dt.timedelta(days=90),
        }.get(key)
        self.start.setEnabled(key in ("custom", "since_last"))  # since my last appointment: its day, editable
        self.end.setEnabled(key == "custom")
        if start is not None:
            self.start.setDate(to_qdate(start))
            self.end.setDate(to_qdate(today))
        self._show_period_notice()

    def _show_period_notice(self) -> None:
        """Said on the screen before anything is made: a period still to come, one under a week, one running
        past today, or "since my last appointment" without a day named yet."""
        start, end = sorted((to_date(self.start.date()), to_date(self.end.date())))
        today = self._today()
        days = (min(end, today) - start).days + 1
        if start > today:
            self._notice = ("future", days)
        elif days < SHORT_PERIOD_DAYS:
            self._notice = ("short", days)
        elif end > today:
            self._notice = ("past_today", days)
        elif self.period.currentData() == "since_last" and self._session.summary.last_appointment(today) is None:
            self._notice = ("no_appointment", days)
        else:
            self._notice = ("", days)
        self._render_notice()

    def _render_notice(self) -> None:
        kind, days = self._notice
        texts = {
            "future": _("This period has not started yet, so the summary will have no figures from your diary."),
            "short": ngettext(
                "This period is {days} day long, under a week: too short to compare with the days before. The "
                "summary will say so.",
                "This period is {days} days long, under a week: too short to compare with the days before. The "
                "summary will say so.",
                days,
            ).format(days=days),
            "past_today": _("The period runs past today: the figures will stop at today."),
            "no_appointment": _("Set the day of your last appointment in the first date box."),
        }
        text = texts.get(kind, "")
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def options(self, appointment: dt.date | None = None) -> SummaryOptions:
        from companion.reports.summary_data import SummaryOptions

        start, end = sorted((to_date(self.start.date()), to_date(self.end.date())))
        return SummaryOptions(
            start=start,
            end=end,
            audience=Audience(self.audience.currentData()),
            sections=tuple(s for s, box in self.sections.items() if box.isChecked()),
            top3=tuple(e.text() for e in self.top3),
            making_choices=self.making_choices.isChecked(),
            ask3=self.ask3.isChecked(),
            bran=self.bran.isChecked(),
            own_questions=tuple(q for q in self.own_questions.toPlainText().splitlines() if q.strip()),
            language=str(self.language.currentData()),
            paper=self.paper.currentText(),
            second_chart=str(self.second_chart.currentData()),
            name=self.name.text(),
            appointment=appointment,
            communication=self.communication.needs(),
        )

    def _remember(self, options: SummaryOptions) -> bool:
        """Keep the choices (and how I communicate) in the diary; False, with the reason shown, if that failed."""
        sets = {
            key
            for key, box in (("making_choices", self.making_choices), ("ask3", self.ask3), ("bran", self.bran))
            if box.isChecked()
        }
        prefs = self._session.summary
        named = [options.appointment] if options.appointment is not None else []
        if named and self.period.currentData() == "since_last":
            named.append(options.start)  # the last appointment, as the person set it

        def write() -> tuple[None, Changes]:
            changes = prefs.remember(
                options.audience.value,
                [s.value for s in options.sections],
                options.name or "",
                list(options.top3),
                list(options.own_questions),
                question_sets=sets,
            )
            if options.communication is not None:
                changes = changes | prefs.remember_communication(options.communication)
            if named:
                changes = changes | prefs.remember_appointment(*named)
            return None, changes

        return self._diary.run(write, problem=self.status.setText, where=self) is not None

    def refresh(self) -> None:
        """Nothing is read until the person asks for a preview; the dates follow today."""
        self._show_period_notice()

    def draft(self) -> Draft | None:
        """What was typed and not yet kept (it is kept when a summary is previewed, printed or saved)."""
        return {
            "top3": [e.text() for e in self.top3],
            "questions": self.own_questions.toPlainText(),
            "name": self.name.text(),
        }

    def restore(self, draft: Draft) -> None:
        for edit, text in zip(self.top3, draft.get("top3", []), strict=False):
            edit.setText(str(text))
        self.own_questions.setPlainText(str(draft.get("questions", "")))
        self.name.setText(str(draft.get("name", self.name.text())))
