"""The consultation summary screen: the period, who it is for (each remembers its sections), my top 3,
questions to ask, the summary's own language (Welsh, English or both side by side), a preview, printing
through the system dialog, and a PDF saved only where the person chooses."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QGroupBox,
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
from companion.domain.errors import CompanionError, SaveFailedError
from companion.domain.summary import AUDIENCE_NAMES, CHARTS, DEFAULT_SECTIONS, Audience, Section
from companion.i18n import N_, _, current_language
from companion.i18n.file_names import suggested_file_name
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import PagePart
from companion.ui.layouts import flow_row
from companion.ui.widgets import label, run_busy, window_title

if TYPE_CHECKING:
    from companion.reports.summary_data import SummaryData, SummaryOptions

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


class SummaryView(PagePart, QWidget):
    interests = Changes.everything()
    save_failed = Signal(object)

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        session = diary.session
        self._diary = diary
        self.setObjectName("summaryView")
        self._session = session
        self.data: SummaryData | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        self.heading = label("heading")
        self.intro = label()
        content = QWidget()
        column = QVBoxLayout(content)

        self.choices = QGroupBox()
        form = QFormLayout(self.choices)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # long labels go above their field
        self.period = QComboBox()
        self.period.setObjectName("summaryPeriod")
        for key in PERIODS:
            self.period.addItem("", key)
        self.start = QDateEdit()
        self.start.setObjectName("summaryStart")
        self.end = QDateEdit()
        self.end.setObjectName("summaryEnd")
        for date_edit in (self.start, self.end):
            date_edit.setCalendarPopup(True)
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(self.end)
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

        self.sections_box = QGroupBox()
        grid = QGridLayout(self.sections_box)
        self.sections: dict[Section, QCheckBox] = {}
        for index, section in enumerate(Section):
            box = QCheckBox()
            box.setObjectName(f"section_{section.value}")
            grid.addWidget(box, index, 0)  # one column: long Welsh names at large text sizes stay whole
            self.sections[section] = box

        self.top_box = QGroupBox()
        top = QVBoxLayout(self.top_box)
        self.top3 = [QLineEdit() for _i in range(3)]
        for index, edit in enumerate(self.top3):
            edit.setObjectName(f"top{index + 1}")
            top.addWidget(edit)

        self.questions_box = QGroupBox()
        questions = QVBoxLayout(self.questions_box)
        self.ask3 = QCheckBox()
        self.ask3.setObjectName("askThree")
        self.bran = QCheckBox()
        self.bran.setObjectName("bran")
        self.own_questions = QPlainTextEdit()
        self.own_questions.setObjectName("ownQuestions")
        self.own_questions.setTabChangesFocus(True)
        self.own_questions.setMaximumHeight(80)
        self.own_label = label()
        for part in (self.ask3, self.bran, self.own_label, self.own_questions):
            questions.addWidget(part)

        self.preview_button = QPushButton()
        self.preview_button.setObjectName("summaryPreview")
        self.print_button = QPushButton()
        self.print_button.setObjectName("summaryPrint")
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("summaryPdf")
        buttons = flow_row(self.preview_button, self.print_button, self.pdf_button)  # wraps at large text
        self.status = label()
        self.status.setObjectName("summaryStatus")
        self.preview = QTextBrowser()
        self.preview.setObjectName("summaryPreviewText")
        self.preview.setOpenLinks(False)
        self.preview.setMinimumHeight(360)

        for widget in (self.choices, self.top_box, self.questions_box, self.sections_box):
            column.addWidget(widget)
        column.addWidget(buttons)
        column.addWidget(self.status)
        column.addWidget(self.preview, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # AsNeeded: at 200 % text two long tick-box labels (Ask 3 Questions, BRAN) are wider than the page.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setWidget(content)
        self.scroll_area = scroll
        outer.addWidget(self.heading)
        outer.addWidget(self.intro)
        outer.addWidget(scroll, 1)

        self.period.currentIndexChanged.connect(self._on_period_changed)
        self.audience.currentIndexChanged.connect(self._load_sections)
        self.preview_button.clicked.connect(self.show_preview)
        self.print_button.clicked.connect(self.print_summary)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.ask3.setChecked(True)
        self._load_remembered()
        self.retranslate_ui()
        self._on_period_changed()

        # --- text ---
        diary.host.add(self)

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
        self.start.setAccessibleName(_("First day of the summary"))
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
        self.ask3.setText(_("Ask 3 Questions: my options, their pros and cons for me, and support to decide"))
        self.ask3.setAccessibleName(_("Include the Ask 3 Questions"))
        self.bran.setText(_("BRAN: benefits, risks, alternatives, and what if I do nothing"))
        self.bran.setAccessibleName(_("Include the BRAN questions"))
        self.own_label.setText(_("My own questions, one a line"))
        self.own_questions.setAccessibleName(_("Your own questions, one a line"))
        self.preview_button.setText(_("Pre&view"))
        self.preview_button.setAccessibleName(_("Show the summary on screen"))
        self.print_button.setText(_("&Print…"))
        self.print_button.setAccessibleName(_("Print the summary, with a print preview"))
        self.pdf_button.setText(_("Save as P&DF…"))
        self.pdf_button.setAccessibleName(_("Save the summary as a PDF file that is not encrypted"))
        self.preview.setAccessibleName(_("Summary preview"))

    # --- choices ---

    def _load_remembered(self) -> None:
        prefs = self._session.summary
        self.name.setText(prefs.name())
        for edit, text in zip(self.top3, prefs.top3(), strict=False):
            edit.setText(text)
        self.own_questions.setPlainText("\n".join(prefs.questions()))
        if prefs.last_made() is None:
            self.period.setCurrentIndex(PERIODS.index("3m"))
        self._load_sections()

    def _load_sections(self) -> None:
        audience = Audience(self.audience.currentData())
        remembered = self._session.summary.sections(audience.value)
        chosen = {Section(s) for s in remembered if s in {x.value for x in Section}} if remembered else None
        for section, box in self.sections.items():
            box.setChecked(section in (chosen if chosen is not None else DEFAULT_SECTIONS[audience]))

    def _on_period_changed(self) -> None:
        key = self.period.currentData()
        today = self._session.diary.today()
        last = self._session.summary.last_made()
        start = {
            "since_last": last or today - dt.timedelta(days=27),
            "4w": today - dt.timedelta(days=27),
            "3m": today - dt.timedelta(days=90),
        }.get(key)
        custom = key == "custom"
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if start is not None:
            self.start.setDate(QDate(start.year, start.month, start.day))
            self.end.setDate(QDate(today.year, today.month, today.day))

    def options(self) -> SummaryOptions:
        from companion.reports.summary_data import SummaryOptions

        def day(edit: QDateEdit) -> dt.date:
            value = edit.date()
            return dt.date(value.year(), value.month(), value.day())

        start, end = day(self.start), day(self.end)
        if end < start:
            start, end = end, start
        return SummaryOptions(
            start=start,
            end=end,
            audience=Audience(self.audience.currentData()),
            sections=tuple(s for s, box in self.sections.items() if box.isChecked()),
            top3=tuple(e.text() for e in self.top3),
            ask3=self.ask3.isChecked(),
            bran=self.bran.isChecked(),
            own_questions=tuple(q for q in self.own_questions.toPlainText().splitlines() if q.strip()),
            language=str(self.language.currentData()),
            paper=self.paper.currentText(),
            second_chart=str(self.second_chart.currentData()),
            name=self.name.text(),
        )

    def _remember(self, options: SummaryOptions) -> None:
        try:
            self._session.summary.remember(
                options.audience.value,
                [s.value for s in options.sections],
                options.name,
                list(options.top3),
                list(options.own_questions),
            )
        except SaveFailedError as exc:
            self.save_failed.emit(exc)
        except CompanionError as exc:
            self.status.setText(exc.message())

    # --- output ---

    def build(self) -> tuple[str, dict[str, bytes]]:
        from companion.reports.summary_data import build_summary
        from companion.reports.summary_pdf import summary_document

        options = self.options()
        self._remember(options)
        self.data = run_busy(self, lambda: build_summary(self._session, options))
        data = self.data
        return summary_document(data)

    def show_preview(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QImage, QTextDocument

        html, images = self.build()
        document = self.preview.document()
        for name, png in images.items():
            image = QImage.fromData(png)
            # on screen at the document's width: scaled down, the 300 dpi original stays for printing
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        self.preview.setHtml(html)
        self.status.setText(_("This is the summary. Print it, or save it as a PDF."))

    def print_summary(self) -> None:
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from companion.reports.pdf import paint_pages, text_document

        html, images = self.build()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setObjectName("summaryPrintPreview")
        dialog.setWindowTitle(window_title(_("Print the summary")))

        def paint(target: QPrinter) -> None:
            paint_pages(text_document(html, images), target, self._footer())

        dialog.paintRequested.connect(paint)
        dialog.accepted.connect(self._made)
        self.print_dialog = dialog
        dialogs.open_modal(dialog)

    def _footer(self) -> Callable[[int, int], str]:
        data = self.data

        def footer(page: int, pages: int) -> str:
            from companion.i18n.formatting import format_date

            made = format_date(data.made_on) if data else ""
            return _("Page {page} of {pages} · made on {date}").format(page=page, pages=pages, date=made)

        return footer

    def save_pdf(self) -> None:
        dialogs.save_unencrypted(
            self,
            warning=_(
                "The PDF will not be encrypted: anyone who can open the file can read it. Save it only "
                "where you choose, and delete it when you no longer need it."
            ),
            title=_("Save the summary as a PDF"),
            suggested=str(Path.home() / suggested_file_name("summary", self._session.diary.today())),
            name_filter=_("PDF files (*.pdf)"),
            on_path=self._save_pdf_to,
        )

    def _save_pdf_to(self, path: str) -> None:
        from companion.reports.summary_data import build_summary
        from companion.reports.summary_pdf import summary_pdf
        from companion.services import transfer

        options = self.options()
        self._remember(options)
        try:
            data = run_busy(self, lambda: summary_pdf(build_summary(self._session, options)))
            transfer.write_export(Path(path), data)  # the chosen file only: built in memory, no temporary copy
        except CompanionError as exc:
            self.status.setText(exc.message())
            return
        self._made()
        self.status.setText(_("The summary was saved to {path}.").format(path=path))

    def _made(self) -> None:
        try:
            self._session.summary.made()
        except SaveFailedError as exc:
            self.save_failed.emit(exc)

    def refresh(self) -> None:
        """Nothing to redraw until the person asks for a preview."""
