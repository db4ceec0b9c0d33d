"""The form for adding or changing one of the person's own entries: name, what it is, phone, website."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from companion.domain.support import OwnSupportEntry
from companion.i18n import _
from companion.ui.core.diary import OpenDiary
from companion.ui.widgets import label


class ShortTextEdit(QPlainTextEdit):
    """A few lines high at any text size; Tab moves on rather than typing a tab."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        height = self.fontMetrics().lineSpacing() * 4 + 2 * round(self.document().documentMargin())
        return QSize(super().sizeHint().width(), height + margins.top() + margins.bottom())


class OwnEntryForm(QGroupBox):
    """Hidden until the person adds or edits an entry; Escape or Cancel closes it without saving. It writes
    through `diary.run`; the page it sits on reads the entries again."""

    saved = Signal(object)  # OwnSupportEntry, as stored
    cancelled = Signal()

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ownSupportForm")
        self._diary = diary
        self._support = diary.session.support
        self.entry: OwnSupportEntry | None = None  # None while adding a new one
        form = QFormLayout(self)
        # Labels above their fields: nothing is squeezed or clipped at large text sizes or in Welsh.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        self.name = QLineEdit()
        self.name.setObjectName("ownSupportName")
        self.description = ShortTextEdit()
        self.description.setObjectName("ownSupportDescription")
        self.phone = QLineEdit()
        self.phone.setObjectName("ownSupportPhone")
        self.website = QLineEdit()
        self.website.setObjectName("ownSupportWebsite")
        self.name_label, self.description_label = label(), label()
        self.phone_label, self.website_label = label(), label()
        for caption, field in (
            (self.name_label, self.name),
            (self.description_label, self.description),
            (self.phone_label, self.phone),
            (self.website_label, self.website),
        ):
            caption.setBuddy(field)
            form.addRow(caption, field)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveOwnSupportButton")
        self.cancel_button = QPushButton()
        self.cancel_button.setObjectName("cancelOwnSupportButton")
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.status = label()
        self.status.setObjectName("ownSupportFormStatus")
        self.status.hide()
        form.addRow(self.status)

        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        for line in (self.name, self.phone, self.website):
            line.returnPressed.connect(self.save)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.cancel)

    def retranslate_ui(self) -> None:
        if self.entry is None:
            self.setTitle(_("Add your own entry"))
        else:
            self.setTitle(_("Change “{name}”").format(name=self.entry.name))
        self.name_label.setText(_("&Name"))
        self.name.setAccessibleName(_("Name of the group or service"))
        self.name.setPlaceholderText(_("For example, a local pain support group"))
        self.description_label.setText(_("What it &is"))
        self.description.setAccessibleName(_("What the group or service is"))
        self.phone_label.setText(_("&Phone"))
        self.phone.setAccessibleName(_("Phone number"))
        self.website_label.setText(_("&Website"))
        self.website.setAccessibleName(_("Website"))
        self.save_button.setText(_("Sa&ve entry"))
        self.save_button.setAccessibleName(_("Save this entry"))
        self.cancel_button.setText(_("Cancel"))
        self.cancel_button.setAccessibleName(_("Close the form without saving"))

    def tab_chain(self) -> list[QWidget]:
        return [self.name, self.description, self.phone, self.website, self.save_button, self.cancel_button]

    def start(self, entry: OwnSupportEntry | None) -> None:
        """Open the form empty (entry None) or filled in with an entry to change."""
        self.entry = entry
        self.name.setText(entry.name if entry else "")
        self.description.setPlainText(entry.description if entry else "")
        self.phone.setText(entry.phone if entry else "")
        self.website.setText(entry.website if entry else "")
        self.status.clear()
        self.status.hide()
        self.retranslate_ui()
        self.show()
        self.name.setFocus()

    def form_entry(self) -> OwnSupportEntry:
        """The entry as the form stands (a new one while adding)."""
        name, description = self.name.text(), self.description.toPlainText()
        phone, website = self.phone.text(), self.website.text()
        if self.entry is None:
            return self._support.new_own(name, description, phone, website)
        return replace(self.entry, name=name, description=description, phone=phone, website=website)

    def has_unsaved_input(self) -> bool:
        if self.isHidden():
            return False
        texts = (self.name.text(), self.description.toPlainText(), self.phone.text(), self.website.text())
        if self.entry is None:
            return any(texts)
        entry = self.entry
        return texts != (entry.name, entry.description, entry.phone, entry.website)

    def state(self) -> dict[str, Any]:
        return {
            "entry": self.entry.id if self.entry else None,
            "name": self.name.text(),
            "description": self.description.toPlainText(),
            "phone": self.phone.text(),
            "website": self.website.text(),
        }

    def set_state(self, state: dict[str, Any]) -> None:
        self.name.setText(str(state.get("name", "")))
        self.description.setPlainText(str(state.get("description", "")))
        self.phone.setText(str(state.get("phone", "")))
        self.website.setText(str(state.get("website", "")))

    def _show_problem(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()
        self.name.setFocus()

    def save(self) -> None:
        entry = self.form_entry()
        done = self._diary.run(lambda: self._support.save_own(entry), problem=self._show_problem)
        if done is None:
            return
        self.entry = None
        self.hide()
        self.saved.emit(done.value)

    def cancel(self) -> None:
        self.entry = None
        self.hide()
        self.cancelled.emit()
