"""What I've tried: treatments and approaches other than medicines, with dates and how helpful they were."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from companion.domain.changes import Changes
from companion.domain.medicines import TRIED_EXAMPLES, Tried
from companion.i18n import _
from companion.i18n.formatting import format_date
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.medicines.fields import (
    HelpfulnessSpin,
    OptionalDate,
    button_row,
    fit_form,
    notes_box,
    section,
    wrapped_list,
)
from companion.ui.medicines.record_page import RecordPage
from companion.ui.widgets import label


def tried_details(item: Tried) -> str:
    """Whole sentences: when, and how helpful."""
    sentences = []
    if item.started_on is not None and item.ended_on is not None:
        sentences.append(
            _("From {start} to {end}.").format(start=format_date(item.started_on), end=format_date(item.ended_on))
        )
    elif item.started_on is not None:
        sentences.append(_("Started on {date}.").format(date=format_date(item.started_on)))
    elif item.ended_on is not None:
        sentences.append(_("Ended on {date}.").format(date=format_date(item.ended_on)))
    if item.helpfulness is not None:
        sentences.append(_("Helpfulness: {score} out of 10.").format(score=item.helpfulness))
    else:
        sentences.append(_("Not rated."))
    return " ".join(sentences)


class TriedPage(RecordPage[Tried]):
    draft_key = "medicines.tried"

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("triedPage")
        self._diary = diary
        self._service = diary.session.medicines
        self.current: Tried | None = None
        self._records: list[Tried] = []
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(12)
        self.intro = label()
        self.intro.setObjectName("triedIntro")
        self.list_heading = label("subheading")
        self.list_heading.setObjectName("triedListHeading")
        self.list = wrapped_list("triedList", 7)
        self.empty = label()
        self.empty.setObjectName("triedListEmpty")

        self.editor, self.editor_heading, editor_layout = section("triedEditor")
        self.editing = label()
        self.editing.setObjectName("triedEditing")
        form = self.form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name = QComboBox()
        self.name.setObjectName("triedName")
        self.name.setEditable(True)
        self.name.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.name.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.name.setMinimumContentsLength(16)
        for _example in TRIED_EXAMPLES:
            self.name.addItem("")
        completer = QCompleter(self.name.model(), self.name)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.name.setCompleter(completer)
        self.started = OptionalDate("triedStarted")
        self.ended = OptionalDate("triedEnded")
        self.helpfulness = HelpfulnessSpin()
        self.helpfulness.setObjectName("triedHelpfulness")
        self.notes = notes_box("triedNotes")
        self.name_label, self.started_label, self.ended_label = label(), label(), label()
        self.helpfulness_label, self.notes_label = label(), label()
        form.addRow(self.name_label, self.name)
        form.addRow(self.started_label, self.started)
        form.addRow(self.ended_label, self.ended)
        form.addRow(self.helpfulness_label, self.helpfulness)
        form.addRow(self.notes_label, self.notes)
        self.new_button = QPushButton()
        self.new_button.setObjectName("newTriedButton")
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveTriedButton")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteTriedButton")
        buttons = button_row(self.save_button, self.new_button, self.delete_button)
        self.status = label()
        self.status.setObjectName("triedStatus")
        editor_layout.addWidget(self.editing)
        editor_layout.addLayout(form)
        editor_layout.addWidget(buttons)
        editor_layout.addWidget(self.status)

        column.addWidget(self.list_heading)
        column.addWidget(self.intro)
        column.addWidget(self.empty)
        column.addWidget(self.list)
        column.addWidget(self.editor)
        column.addStretch(1)

        self.list.currentItemChanged.connect(self._on_current_changed)
        self.new_button.clicked.connect(self.new_record)
        self.save_button.clicked.connect(self.save)
        for keys in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        self.refresh()
        self._load(None)
        self.retranslate_ui()
        diary.host.add(self)

    def resizeEvent(self, event: QResizeEvent) -> None:
        for form in (self.form,):
            fit_form(form, event.size().width() - 24)  # less the frame's margins
        super().resizeEvent(event)

    # --- text ---

    def retranslate_ui(self) -> None:
        self.intro.setText(
            _(
                "Keep a note of treatments and approaches you have tried, such as physiotherapy or a TENS "
                "machine, and how helpful they were."
            )
        )
        self.list_heading.setText(_("What I've tried"))
        self.list.setAccessibleName(_("Treatments and approaches you have tried"))
        self.empty.setText(_("Nothing recorded yet. Fill in the form below and choose Save."))
        self.editor_heading.setText(_("About this treatment or approach"))
        self.editor.setAccessibleName(_("About this treatment or approach"))
        self.name_label.setText(_("Na&me"))
        self.name_label.setBuddy(self.name)
        typed = self.name.currentText()
        for index, example in enumerate(TRIED_EXAMPLES):
            self.name.setItemText(index, _(example))
        self.name.setEditText(typed)
        self.name.setAccessibleName(_("What you tried: type it, or choose an example"))
        line = self.name.lineEdit()
        if line is not None:
            line.setPlaceholderText(_("Type it, or choose an example"))
            line.setAccessibleName(_("What you tried"))
        self.started_label.setText(_("Start date"))
        self.started_label.setBuddy(self.started.check)
        self.started.set_texts(_("Known"), _("The start date is known"), _("Date you started it"))
        self.ended_label.setText(_("End date"))
        self.ended_label.setBuddy(self.ended.check)
        self.ended.set_texts(_("It has ended"), _("It has ended"), _("Date it ended"))
        self.helpfulness_label.setText(_("How helpful, from 0 to 10"))
        self.helpfulness_label.setBuddy(self.helpfulness)
        self.helpfulness.setAccessibleName(_("How helpful it was, from 0 (not at all) to 10 (very)"))
        self.helpfulness.set_not_rated_text(_("Not rated"))
        self.notes_label.setText(_("Notes"))
        self.notes_label.setBuddy(self.notes)
        self.notes.setAccessibleName(_("Notes about what you tried"))
        self.new_button.setText(_("&New"))
        self.new_button.setAccessibleName(_("Add something else you have tried"))
        self.save_button.setText(_("&Save"))
        self.save_button.setAccessibleName(_("Save this entry (Ctrl+S)"))
        self.save_button.setToolTip(_("Save this entry (Ctrl+S)"))
        self.delete_button.setText(_("&Delete"))
        self.delete_button.setAccessibleName(_("Delete this entry"))
        self._update_editing()
        self._render()

    def _update_editing(self) -> None:
        if self.current is None:
            self.editing.setText(_("Adding something new you have tried."))
        else:
            self.editing.setText(_("Editing your record of {name}.").format(name=self.current.name))

    # --- reading and showing ---

    def _read(self) -> list[Tried]:
        return self._service.tried()

    def _record_list(self) -> QListWidget:
        return self.list

    def _render(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for tried in self._records:
            entry = QListWidgetItem(_("{name}\n{details}").format(name=tried.name, details=tried_details(tried)))
            entry.setData(Qt.ItemDataRole.UserRole, tried.id)
            self.list.addItem(entry)
        self.list.blockSignals(False)
        self._select_in_list(self.current.id if self.current else None)
        self.list.setVisible(bool(self._records))
        self.empty.setVisible(not self._records)
        self._update_editing()

    def select(self, name: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).text().split("\n")[0] == name:
                self.list.setCurrentRow(row)
                return
        raise KeyError(name)

    # --- the editor ---

    def _load(self, item: Tried | None) -> None:
        self.current = item
        today = self._diary.clock.today()
        t = item or Tried(id="", name="")
        self.name.setCurrentIndex(-1)
        self.name.setEditText(t.name)
        self.started.set_value(t.started_on, today)
        self.ended.set_value(t.ended_on, today)
        self.helpfulness.set_rating(t.helpfulness)
        self.notes.setPlainText(t.notes)
        self.delete_button.setEnabled(item is not None)
        self._select_in_list(item.id if item else None)
        self._update_editing()

    def _blank(self, record_id: str) -> Tried:
        return Tried(id=record_id, name="")

    def form_record(self) -> Tried:
        base = self.current or Tried(id=self._service.new_id(), name="")
        return dataclasses.replace(
            base,
            name=self.name.currentText(),
            started_on=self.started.value(),
            ended_on=self.ended.value(),
            helpfulness=self.helpfulness.rating(),
            notes=self.notes.toPlainText(),
        )

    def _form_state(self) -> dict[str, Any]:
        return {
            "name": self.name.currentText(),
            "started": self.started.state(),
            "ended": self.ended.state(),
            "helpfulness": self.helpfulness.rating(),
            "notes": self.notes.toPlainText(),
        }

    def _set_form_state(self, state: dict[str, Any]) -> None:
        self.name.setCurrentIndex(-1)
        self.name.setEditText(str(state.get("name", "")))
        self.started.set_state(state.get("started"))
        self.ended.set_state(state.get("ended"))
        self.helpfulness.set_rating(state.get("helpfulness"))
        self.notes.setPlainText(str(state.get("notes", "")))

    def _store(self, record: Tried) -> tuple[Tried, Changes]:
        return self._service.save_tried(record)

    def _name_field(self) -> QWidget:
        return self.name

    def _remove(self, record_id: str) -> Changes:
        return self._service.delete_tried(record_id)

    def _status_text(self, outcome: str, name: str) -> str:
        if outcome == "added":
            return _("{name} added.").format(name=name)
        if outcome == "changed":
            return _("{name} updated.").format(name=name)
        return _("{name} was deleted.").format(name=name)

    def _on_delete_clicked(self) -> None:
        item = self.current
        if item is None:
            return

        dialogs.confirm(
            self,
            _("Delete entry"),
            _("Delete {name} from what you have tried? This can't be undone.").format(name=item.name),
            lambda: self.delete(item.id),
        )
