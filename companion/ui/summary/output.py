"""The summary page's output: a preview, Print… through the print preview and the system dialog, and Save as
PDF…; printing and saving first ask which day the appointment is. Every build runs off the GUI thread from
a read-only copy of the diary (`document_builds`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from companion.domain.errors import CompanionError
from companion.i18n import _
from companion.i18n.file_names import suggested_file_name
from companion.services.session import DiarySession
from companion.ui import dialogs
from companion.ui.summary import document_builds
from companion.ui.summary.appointment_dialog import AppointmentDialog

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel, QTextBrowser, QWidget

    from companion.reports.summary_data import SummaryData, SummaryOptions
    from companion.ui.printing import PrintPreview


class SummaryOutput:
    """Mixed into SummaryView: what it makes from the choices (`options`, `_remember`) on the page."""

    _session: DiarySession
    data: SummaryData | None
    print_job: PrintPreview | None
    appointment_dialog: AppointmentDialog | None
    status: QLabel
    preview: QTextBrowser

    def options(self, appointment: dt.date | None = None) -> SummaryOptions:
        raise NotImplementedError

    def _remember(self, options: SummaryOptions) -> bool:
        raise NotImplementedError

    def _today(self) -> dt.date:
        raise NotImplementedError

    def _widget(self) -> QWidget:
        from PySide6.QtWidgets import QWidget

        assert isinstance(self, QWidget)
        return self

    def build(self, appointment: dt.date | None = None) -> tuple[list[str], dict[str, bytes]]:
        """Remember the choices, then build the summary off the GUI thread from a read-only copy of the diary."""
        from companion.reports.summary_data import build_summary
        from companion.reports.summary_pdf import summary_document

        options = self.options(appointment)
        self._remember(options)

        def work(copy: DiarySession) -> tuple[SummaryData, list[str], dict[str, bytes]]:
            data = build_summary(copy, options)
            return (data, *summary_document(data))

        self.data, units, images = document_builds.build(self._widget(), self._session, work)
        return units, images

    def show_preview(self) -> None:
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QImage, QTextDocument

        from companion.reports.summary_html import STYLE

        units, images = self.build()
        document = self.preview.document()
        for name, png in images.items():
            # on screen at the document's width: scaled down, the 300 dpi original stays for printing
            document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), QImage.fromData(png))
        self.preview.setHtml(f"<html><head><style>{STYLE}</style></head><body>{''.join(units)}</body></html>")
        self.status.setText(_("This is the summary. Print it, or save it as a PDF."))

    def _ask_appointment(self, then: Callable[[dt.date], None]) -> None:
        """Which day is the appointment? Asked before every print or PDF; `then(day)` runs after OK."""
        today = self._today()
        suggested = self._session.summary.next_appointment(today) or today
        self.appointment_dialog = AppointmentDialog(self._widget(), suggested, then)
        dialogs.open_modal(self.appointment_dialog)

    def print_summary(self) -> None:
        self._ask_appointment(self._print)

    def _print(self, appointment: dt.date) -> None:
        from companion.reports.pdf import paint_units
        from companion.reports.summary_html import STYLE
        from companion.reports.summary_pdf import footer_for, title_and_subject
        from companion.ui.printing import PrintPreview

        units, images = self.build(appointment)
        data = self.data
        assert data is not None
        footer = footer_for(data)
        title, _subject = title_and_subject(data)
        self.print_job = PrintPreview(
            self._widget(),
            _("Print the summary"),
            lambda target: paint_units(units, STYLE, target, footer, images),
            page=data.options.paper,
            document_name=title,
        )
        self.print_job.open()

    def save_pdf(self) -> None:
        """The not-encrypted warning and the file (as every file leaving the diary), then the appointment's day,
        then the build."""
        dialogs.save_unencrypted(
            self._widget(),
            warning=_(
                "The PDF will not be encrypted: anyone who can open the file can read it. Save it only "
                "where you choose, and delete it when you no longer need it."
            ),
            title=_("Save the summary as a PDF"),
            suggested=str(Path.home() / suggested_file_name("summary", self._today())),
            name_filter=_("PDF files (*.pdf)"),
            on_path=lambda path: self._ask_appointment(lambda day: self._save_pdf_to(path, day)),
        )

    def _save_pdf_to(self, path: str, appointment: dt.date | None = None) -> None:
        from companion.reports.summary_data import build_summary
        from companion.reports.summary_pdf import summary_pdf
        from companion.services import transfer

        options = self.options(appointment)
        self._remember(options)
        try:
            data = document_builds.build(
                self._widget(), self._session, lambda copy: summary_pdf(build_summary(copy, options))
            )
            transfer.write_export(Path(path), data)  # the chosen file only: built in memory, no temporary copy
        except CompanionError as exc:
            self.status.setText(exc.message())
            return
        self.status.setText(_("The summary was saved to {path}.").format(path=path))
