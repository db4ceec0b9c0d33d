""" "My story so far" from the screen: the one-page document in Welsh, English or both, printed through a
print preview or saved as a PDF only where the person chooses (after saying it will not be encrypted).

The print preview's printer lives exactly as long as its dialog: Qt's dialog holds only a pointer to it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFrame, QPushButton, QVBoxLayout, QWidget

from companion.domain.errors import CompanionError
from companion.i18n import _, current_language
from companion.i18n.file_names import suggested_file_name
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.medicines.fields import button_row
from companion.ui.widgets import Retranslatable, label, run_busy, window_title

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from companion.reports.story_data import StoryData

LANGUAGES = (("cy", "Cymraeg"), ("en", "English"), ("both", "Cymraeg | English"))


class StoryDocumentRow(Retranslatable, QFrame):
    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyDocument")
        self._diary = diary
        self._session = diary.session
        self.printer: QPrinter | None = None
        self.print_dialog: QPrintPreviewDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        self.heading = label("subheading")
        self.intro = label()
        self.language_label = label()
        self.language = QComboBox()
        self.language.setObjectName("storyDocumentLanguage")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(current_language()))
        self.language_label.setBuddy(self.language)
        self.print_button = QPushButton()
        self.print_button.setObjectName("storyPrint")
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("storyPdf")
        self.status = label()
        self.status.setObjectName("storyDocumentStatus")
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(button_row(self.language_label, self.language, self.print_button, self.pdf_button))
        layout.addWidget(self.status)
        self.print_button.clicked.connect(self.print_story)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(_("My story so far"))
        self.intro.setText(
            _(
                "One page to hand over, so your story is told once and tests are not repeated: diagnoses, "
                "tests, referrals, the people you have seen, your medicines and what you have tried."
            )
        )
        self.language_label.setText(_("Language of the page"))
        self.language.setAccessibleName(_("Language of My story so far: Welsh, English, or both side by side"))
        self.print_button.setText(_("Print…"))
        self.print_button.setAccessibleName(_("Print My story so far, with a print preview"))
        self.pdf_button.setText(_("Save as PDF…"))
        self.pdf_button.setAccessibleName(_("Save My story so far as a PDF file that is not encrypted"))

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    # --- printing ---

    def _story(self) -> StoryData:
        from companion.reports.story_data import build_story

        return run_busy(self, lambda: build_story(self._session, self._diary.clock.today()))

    def print_story(self) -> None:
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        from companion.reports.story_pdf import paint_story

        if self.print_dialog is not None:
            self.print_dialog.raise_()
            return
        language = self.chosen_language()
        try:
            data = self._story()
        except CompanionError as exc:
            self.status.setText(exc.message())
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintPreviewDialog(printer, self.window())
        dialog.setObjectName("storyPrintPreview")
        dialog.setWindowTitle(window_title(_("Print My story so far")))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def paint(target: QPrinter) -> None:
            paint_story(data, language, target)

        dialog.paintRequested.connect(paint)
        dialog.destroyed.connect(self._on_print_dialog_destroyed)
        self.printer, self.print_dialog = printer, dialog  # the printer is let go only with its dialog
        dialogs.open_modal(dialog)  # window-modal; the focus goes back where it was when it closes

    def _on_print_dialog_destroyed(self) -> None:
        self.print_dialog = None
        self.printer = None

    # --- PDF ---

    def save_pdf(self) -> None:
        dialogs.save_unencrypted(
            self,
            warning=_(
                "The PDF will not be encrypted: anyone who can open the file can read it. Save it only "
                "where you choose, and delete it when you no longer need it."
            ),
            title=_("Save My story so far as a PDF"),
            suggested=str(Path.home() / suggested_file_name("story", self._diary.clock.today())),
            name_filter=_("PDF files (*.pdf)"),
            on_path=self._save_pdf_to,
        )

    def _save_pdf_to(self, path: str) -> None:
        from companion.reports.story_pdf import story_pdf
        from companion.services import transfer

        language = self.chosen_language()
        try:
            data = self._story()
            pdf = run_busy(self, lambda: story_pdf(data, language))
            transfer.write_export(Path(path), pdf)  # the chosen file only: built in memory, no temporary copy
        except CompanionError as exc:
            self.status.setText(exc.message())
            return
        self.status.setText(_("My story so far was written to {path}.").format(path=path))
