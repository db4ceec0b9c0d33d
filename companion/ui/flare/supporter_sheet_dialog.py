"""Save a "How to help me in a flare" sheet as a PDF, for family, friends and carers.

The person chooses which parts of their plan to share, the sheet's language (independent of the
interface language) and the page size. The PDF is made in memory and written only after the
not-encrypted warning is accepted. The plan is read once, when the dialog opens (it is made from the saved
plan: the plan page saves first).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from companion.domain.errors import CompanionError
from companion.domain.flare import SECTION_TITLES, SECTIONS
from companion.i18n import LANGUAGE_NAMES, LANGUAGES, _, current_language
from companion.i18n.file_names import suggested_file_name
from companion.reports.supporter_sheet import DEFAULT_SECTIONS, SHEET_TITLE, build_supporter_html
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft, PagePart
from companion.ui.measures import FitsScreenOnFirstShow  # full size up to 90 % of the screen
from companion.ui.widgets import label, window_title
from companion.ui.wrapping import WrappingCheckBox

PAGE_CHOICES: tuple[str, ...] = ("A4", "Letter")


class SupporterSheetDialog(FitsScreenOnFirstShow, PagePart, QDialog):
    saved = Signal(str)  # the path of the PDF just written
    draft_key = "companion.ui.flare.supporter_sheet_dialog:SupporterSheetDialog"

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supporterSheetDialog")
        self._diary = diary
        self._plan = diary.session.flares.plan()
        layout = QVBoxLayout(self)
        self.explain = label()
        layout.addWidget(self.explain)

        self.sections_box = QGroupBox()
        box_layout = QVBoxLayout(self.sections_box)
        self.section_checks: dict[str, QCheckBox] = {}
        for key in SECTIONS:
            check = WrappingCheckBox()  # a long Welsh section title wraps rather than widen the dialog
            check.setObjectName(f"sheetSection_{key}")
            check.setChecked(key in DEFAULT_SECTIONS)
            box_layout.addWidget(check)
            self.section_checks[key] = check
        # On a small screen or at large text sizes the list scrolls rather than squeezes its tick boxes.
        sections_area = QScrollArea()
        sections_area.setWidgetResizable(True)
        sections_area.setFrameShape(QScrollArea.Shape.NoFrame)
        sections_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        sections_area.setWidget(self.sections_box)
        layout.addWidget(sections_area, 1)

        form = QFormLayout()
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("sheetPersonName")
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("sheetLanguage")
        for lang in LANGUAGES:  # Welsh first, each language named in itself
            self.language_combo.addItem(LANGUAGE_NAMES[lang], lang)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(current_language())))
        self.page_combo = QComboBox()
        self.page_combo.setObjectName("sheetPageSize")
        for page in PAGE_CHOICES:
            self.page_combo.addItem(page, page)  # "A4" is the same in every language; Letter is named below
        self.name_label = label(wrap=False)
        self.language_label = label(wrap=False)
        self.page_label = label(wrap=False)
        for row_label, field in (
            (self.name_label, self.name_edit),
            (self.language_label, self.language_combo),
            (self.page_label, self.page_combo),
        ):
            row_label.setBuddy(field)
            form.addRow(row_label, field)
        layout.addLayout(form)

        self.status = label()
        self.status.setObjectName("sheetStatus")
        layout.addWidget(self.status)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button: QPushButton = self.buttons.addButton("", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setObjectName("sheetSavePdf")
        self.save_button.setDefault(True)
        self.buttons.rejected.connect(self.reject)
        self.save_button.clicked.connect(self.save_pdf)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.setMinimumWidth(max(460, self.fontMetrics().averageCharWidth() * 50))
        self._initial = self._choices()
        diary.host.add(self)

    @classmethod
    def open_for(cls, diary: OpenDiary, parent: QWidget) -> SupporterSheetDialog:
        """Open it window-modal (deleted on close; the focus goes back where it was)."""
        dialog = cls(diary, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialogs.open_modal(dialog)
        return dialog

    @classmethod
    def revive(cls, diary: OpenDiary, draft: Draft) -> None:
        """After unlocking: open it again with the choices made before the lock."""
        if isinstance(diary.app, QWidget):
            cls.open_for(diary, diary.app).restore(draft)

    def refresh(self) -> None:
        """The sheet is made from the plan read when the dialog opened (the plan page saves first)."""

    def _choices(self) -> Draft:
        return {
            "sections": self.chosen_sections(),
            "name": self.name_edit.text(),
            "language": self.sheet_language(),
            "page": self.page_size(),
        }

    def draft(self) -> Draft | None:
        """The choices made, kept over a lock while the dialog is open (nothing is written)."""
        choices = self._choices()
        return choices if self.isVisible() and choices != self._initial else None

    def restore(self, draft: Draft) -> None:
        chosen = draft.get("sections") or []
        for key, check in self.section_checks.items():
            check.setChecked(key in chosen)
        self.name_edit.setText(str(draft.get("name", "")))
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(draft.get("language"))))
        self.page_combo.setCurrentIndex(max(0, self.page_combo.findData(draft.get("page"))))
        self.status.setText(_(dialogs.KEPT_OVER_LOCK))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(window_title(_("Sheet for your supporters")))
        self.explain.setText(
            _(
                "Make a one-page sheet from your flare-up plan for family, friends or carers, so they know "
                "how to help. Only the parts you tick are included."
            )
        )
        self.sections_box.setTitle(_("Parts of your plan to include"))
        for key, check in self.section_checks.items():
            check.setText(_(SECTION_TITLES[key]))
        self.name_label.setText(_("Your &name (optional):"))
        self.name_edit.setAccessibleName(_("Your name, to show on the sheet (optional)"))
        self.language_label.setText(_("Sheet &language:"))
        self.language_combo.setAccessibleName(_("Language of the sheet"))
        self.page_label.setText(_("&Page size:"))
        self.page_combo.setAccessibleName(_("Page size"))
        self.page_combo.setItemText(1, _("US Letter"))
        self.save_button.setText(_("&Save as PDF…"))
        self.save_button.setAccessibleName(_("Save the sheet as a PDF file"))

    # --- choices ----------------------------------------------------------------------------------------

    def chosen_sections(self) -> list[str]:
        return [key for key, check in self.section_checks.items() if check.isChecked()]

    def sheet_language(self) -> str:
        return str(self.language_combo.currentData())

    def page_size(self) -> str:
        return str(self.page_combo.currentData())

    def sheet_html(self) -> str:
        return build_supporter_html(
            self._plan,
            self.chosen_sections(),
            self.sheet_language(),
            self.name_edit.text(),
            made_on=self._diary.clock.today(),
        )

    # --- saving -----------------------------------------------------------------------------------------

    def save_pdf(self) -> None:
        from companion.services import transfer

        if not self.chosen_sections():
            self.status.setText(_("Tick at least one part of your plan to put on the sheet."))
            return
        suggested = suggested_file_name("flare_help", self._diary.clock.today())

        def chosen(path: str) -> None:
            from companion.i18n import translate_in
            from companion.reports.pdf import render_pdf

            target = Path(path)
            if not target.suffix:
                target = target.with_suffix(".pdf")
            language = self.sheet_language()
            try:
                data = render_pdf(self.sheet_html(), self.page_size(), title=translate_in(language, SHEET_TITLE))
                transfer.write_export(target, data)
            except CompanionError as exc:
                self.status.setText(exc.message())
                return
            self.status.setText(_("Saved to {path}. This file is not encrypted.").format(path=str(target)))
            self.saved.emit(str(target))

        dialogs.save_unencrypted(
            self,
            warning=_(transfer.EXPORT_WARNING),
            title=_("Save the sheet as a PDF"),
            suggested=str(Path.home() / suggested),
            name_filter=_("PDF files (*.pdf)"),
            on_path=chosen,
            on_nothing=lambda: self.status.setText(_("Nothing was saved.")),
        )
