"""How I communicate best: the language I want the appointment in, BSL or an interpreter, someone coming
with me, large print, anything else. Set once (remembered in the diary), printed near the top of every
summary."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QWidget

from companion.domain.summary import Communication, ConsultationLanguage
from companion.i18n import N_, _
from companion.ui.widgets import Retranslatable, label
from companion.ui.wrapping import WrappingCheckBox, WrappingGroupBox

LANGUAGE_NAMES = {
    ConsultationLanguage.UNSAID: N_("I have not said"),
    ConsultationLanguage.WELSH: "Cymraeg",  # each language named in itself
    ConsultationLanguage.ENGLISH: "English",
    ConsultationLanguage.OTHER: N_("Another language"),
}


class CommunicationBox(Retranslatable, WrappingGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("communicationBox")
        form = QFormLayout(self)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # each label above its field: long Welsh fits
        self.language = QComboBox()
        self.language.setObjectName("consultationLanguage")
        for code in ConsultationLanguage:
            self.language.addItem("", code.value)
        self.language_other = QLineEdit()
        self.language_other.setObjectName("consultationLanguageOther")
        self.bsl = WrappingCheckBox()
        self.bsl.setObjectName("needsBsl")
        self.interpreter = QLineEdit()
        self.interpreter.setObjectName("interpreterLanguage")
        self.someone = QLineEdit()
        self.someone.setObjectName("someoneWithMe")
        self.large_print = WrappingCheckBox()
        self.large_print.setObjectName("largePrint")
        self.other = QLineEdit()
        self.other.setObjectName("communicationOther")
        self.language_label, self.other_language_label = label(), label()
        self.interpreter_label, self.someone_label, self.other_label = label(), label(), label()
        form.addRow(self.language_label, self.language)
        form.addRow(self.other_language_label, self.language_other)
        form.addRow(self.bsl)
        form.addRow(self.interpreter_label, self.interpreter)
        form.addRow(self.someone_label, self.someone)
        form.addRow(self.large_print)
        form.addRow(self.other_label, self.other)
        for caption, field in (
            (self.language_label, self.language),
            (self.other_language_label, self.language_other),
            (self.interpreter_label, self.interpreter),
            (self.someone_label, self.someone),
            (self.other_label, self.other),
        ):
            caption.setBuddy(field)
        self.language.currentIndexChanged.connect(self._on_language_changed)
        self.retranslate_ui()
        self._on_language_changed()

    def retranslate_ui(self) -> None:
        self.setTitle(_("How I communicate best (printed near the top)"))
        self.language_label.setText(_("Language I want the appointment in"))
        self.language.setAccessibleName(_("Language I want the appointment in"))
        for index, code in enumerate(ConsultationLanguage):
            name = LANGUAGE_NAMES[code]
            self.language.setItemText(
                index, _(name) if code in (ConsultationLanguage.UNSAID, ConsultationLanguage.OTHER) else name
            )
        self.other_language_label.setText(_("Which language"))
        self.language_other.setAccessibleName(_("The other language I want the appointment in"))
        self.bsl.setText(_("I need a BSL interpreter"))
        self.bsl.setAccessibleName(_("I use British Sign Language (BSL) and need a BSL interpreter"))
        self.interpreter_label.setText(_("I need an interpreter for (language)"))
        self.interpreter.setAccessibleName(_("The language I need an interpreter for"))
        self.someone_label.setText(_("Someone coming with me (who, and how they help)"))
        self.someone.setAccessibleName(_("Someone coming with me"))
        self.large_print.setText(_("I need large print"))
        self.large_print.setAccessibleName(_("Written information in large print, please"))
        self.other_label.setText(_("Anything else"))
        self.other.setAccessibleName(_("Anything else about how I communicate best"))

    def _on_language_changed(self) -> None:
        other = self.language.currentData() == ConsultationLanguage.OTHER.value
        self.language_other.setEnabled(other)

    def set_needs(self, needs: Communication) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(needs.language.value)))
        self.language_other.setText(needs.language_other)
        self.bsl.setChecked(needs.bsl)
        self.interpreter.setText(needs.interpreter)
        self.someone.setText(needs.someone_with_me)
        self.large_print.setChecked(needs.large_print)
        self.other.setText(needs.other)

    def needs(self) -> Communication:
        return Communication(
            ConsultationLanguage(str(self.language.currentData())),
            self.language_other.text(),
            self.bsl.isChecked(),
            self.interpreter.text(),
            self.someone.text(),
            self.large_print.isChecked(),
            self.other.text(),
        )
