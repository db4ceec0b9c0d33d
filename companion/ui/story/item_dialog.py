"""One entry of My story in full: what, when (as precisely as remembered), by whom, where, the result as it
was explained, where a referral stands, where the entry comes from ("told by", "letter of"), and for a
treatment its entry in What I've tried. Only the inputs that mean something for the kind are shown."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit, QWidget

from companion.domain.errors import CompanionError
from companion.domain.medicines import Tried
from companion.domain.story import (
    KIND_NAMES,
    REFERRAL_STATUS_NAMES,
    ReferralStatus,
    SourceKind,
    StoryItem,
    StoryKind,
)
from companion.i18n import N_, _
from companion.services.story import new_id
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft
from companion.ui.medicines.fields import notes_box
from companion.ui.story.dialog_base import FormDialog
from companion.ui.story.fields import ApproxDateEdit
from companion.ui.widgets import label, window_title

TITLE_LABELS = {
    StoryKind.ONSET: N_("What happened"),
    StoryKind.DIAGNOSIS: N_("The diagnosis, as you were told it"),
    StoryKind.INVESTIGATION: N_("The test or investigation"),
    StoryKind.PROFESSIONAL: N_("Name of the person or service"),
    StoryKind.REFERRAL: N_("Referred to"),
    StoryKind.TREATMENT: N_("The treatment"),
}
PERSON_LABELS = {
    StoryKind.DIAGNOSIS: N_("Given by"),
    StoryKind.INVESTIGATION: N_("Explained by"),
    StoryKind.REFERRAL: N_("Referred by"),
    StoryKind.TREATMENT: N_("Given by"),
}
SOURCE_NAMES = {
    SourceKind.NONE: N_("Not said"),
    SourceKind.TOLD_BY: N_("Told by someone"),
    SourceKind.LETTER_OF: N_("A letter"),
}
SHOWN = {  # which inputs each kind has, beyond what, when, where it comes from and notes
    StoryKind.ONSET: set(),
    StoryKind.DIAGNOSIS: {"person", "place"},
    StoryKind.INVESTIGATION: {"person", "place", "result"},
    StoryKind.PROFESSIONAL: {"role", "place", "contact"},
    StoryKind.REFERRAL: {"person", "place", "contact", "status"},
    StoryKind.TREATMENT: {"person", "place", "tried"},
}


class StoryItemDialog(FormDialog):
    draft_key = "companion.ui.story.item_dialog:StoryItemDialog"

    def __init__(self, diary: OpenDiary, item: StoryItem | None, parent: QWidget | None = None) -> None:
        super().__init__(diary, parent, "storyItemDialog")
        self.item = item
        self._tried: list[Tried] = diary.session.medicines.tried()
        form_holder = QWidget()
        self.form = QFormLayout(form_holder)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)  # labels over their fields: room at any size
        self.kind = QComboBox()
        self.kind.setObjectName("itemKind")
        for kind in StoryKind:
            self.kind.addItem("", kind.value)
        self.title = QLineEdit()
        self.title.setObjectName("itemTitle")
        self.when = ApproxDateEdit("itemWhen")
        self.person = QLineEdit()
        self.person.setObjectName("itemPerson")
        self.role = QLineEdit()
        self.role.setObjectName("itemRole")
        self.place = QLineEdit()
        self.place.setObjectName("itemPlace")
        self.contact = QLineEdit()
        self.contact.setObjectName("itemContact")
        self.result_text: QPlainTextEdit = notes_box("itemResult")
        self.status = QComboBox()
        self.status.setObjectName("itemStatus")
        for status in ReferralStatus:
            self.status.addItem("", status.value)
        self.source_kind = QComboBox()
        self.source_kind.setObjectName("itemSourceKind")
        for source in SourceKind:
            self.source_kind.addItem("", source.value)
        self.source = QLineEdit()
        self.source.setObjectName("itemSource")
        self.tried = QComboBox()
        self.tried.setObjectName("itemTried")
        self.tried.addItem("", "")
        for entry in self._tried:
            self.tried.addItem(entry.name, entry.id)
        self.details: QPlainTextEdit = notes_box("itemDetails")
        self.captions: dict[str, QLabel] = {}
        for name, widget in (
            ("kind", self.kind),
            ("title", self.title),
            ("when", self.when),
            ("person", self.person),
            ("role", self.role),
            ("place", self.place),
            ("contact", self.contact),
            ("result", self.result_text),
            ("status", self.status),
            ("tried", self.tried),
            ("source_kind", self.source_kind),
            ("source", self.source),
            ("details", self.details),
        ):
            caption = label()
            caption.setBuddy(widget)
            self.captions[name] = caption
            self.form.addRow(caption, widget)
        self.column.addWidget(form_holder)
        self.column.addStretch(1)
        if item is not None:
            self._load(item)
        self.kind.currentIndexChanged.connect(self._show_for_kind)
        self.source_kind.currentIndexChanged.connect(self._show_for_kind)
        self._show_for_kind()
        self.ready()

    def _load(self, item: StoryItem) -> None:
        self.kind.setCurrentIndex(self.kind.findData(item.kind.value))
        self.title.setText(item.title)
        self.when.set_value(item.when)
        self.person.setText(item.person)
        self.role.setText(item.role)
        self.place.setText(item.place)
        self.contact.setText(item.contact)
        self.result_text.setPlainText(item.result)
        self.status.setCurrentIndex(self.status.findData((item.status or ReferralStatus.WAITING).value))
        self.source_kind.setCurrentIndex(self.source_kind.findData(item.source_kind.value))
        self.source.setText(item.source)
        self.tried.setCurrentIndex(max(0, self.tried.findData(item.tried_id or "")))
        self.details.setPlainText(item.details)

    def fields(self) -> dict[str, QWidget]:
        return {
            "kind": self.kind,
            "title": self.title,
            "when": self.when,
            "person": self.person,
            "role": self.role,
            "place": self.place,
            "contact": self.contact,
            "result": self.result_text,
            "status": self.status,
            "source_kind": self.source_kind,
            "source": self.source,
            "tried": self.tried,
            "details": self.details,
        }

    def target(self) -> str | None:
        return self.item.id if self.item is not None else None

    def current_kind(self) -> StoryKind:
        return StoryKind(self.kind.currentData())

    def _show_for_kind(self) -> None:
        shown = SHOWN[self.current_kind()]
        for name in ("person", "role", "place", "contact", "result", "status", "tried"):
            self.form.setRowVisible(self.fields()[name], name in shown)
        self.source.setEnabled(SourceKind(self.source_kind.currentData()) is not SourceKind.NONE)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.retranslate_base()
        kind = self.current_kind()
        self.setWindowTitle(window_title(_("An entry in My story") if self.item is None else self.item.title))
        self.heading.setText(_("An entry in My story"))
        for index, each in enumerate(StoryKind):
            self.kind.setItemText(index, _(KIND_NAMES[each]))
        for index, status in enumerate(ReferralStatus):
            self.status.setItemText(index, _(REFERRAL_STATUS_NAMES[status]))
        for index, source in enumerate(SourceKind):
            self.source_kind.setItemText(index, _(SOURCE_NAMES[source]))
        self.tried.setItemText(0, _("Not linked"))
        texts = {
            "kind": (_("Kind"), _("Kind of entry")),
            "title": (_(TITLE_LABELS[kind]), _(TITLE_LABELS[kind])),
            "when": (_("When"), _("When: a year, a month, or a date; write about if you are not sure")),
            "person": (_(PERSON_LABELS.get(kind, N_("Given by"))), _("By whom")),
            "role": (_("Role"), _("Their role, such as physiotherapist")),
            "place": (_("Where"), _("Where, such as the hospital or surgery")),
            "contact": (_("How to contact them"), _("How to contact them")),
            "result": (_("The result, as it was explained to you"), _("The result, as it was explained to you")),
            "status": (_("Where it stands"), _("Where the referral stands")),
            "tried": (_("In What I've tried"), _("The entry in What I've tried this treatment is")),
            "source_kind": (_("Where this comes from"), _("Where this comes from: told by someone, or a letter")),
            "source": (_("Told by, or the letter of"), _("Who told you, or whose letter it is")),
            "details": (_("Anything else"), _("Anything else about it, in your words")),
        }
        for name, (caption, accessible) in texts.items():
            self.captions[name].setText(caption)
            self.fields()[name].setAccessibleName(accessible)
        self.when.retranslate_ui()
        self.title.setPlaceholderText(_("For example: MRI scan of my lower back"))

    def value(self) -> StoryItem:
        """What the form says, as an entry (raises ValidationError for a date that can't be read)."""
        kind = self.current_kind()
        tried = str(self.tried.currentData() or "") or None
        return StoryItem(
            self.item.id if self.item is not None else new_id(),
            kind,
            self.title.text(),
            self.when.value(),
            details=self.details.toPlainText(),
            person=self.person.text(),
            role=self.role.text(),
            place=self.place.text(),
            contact=self.contact.text(),
            result=self.result_text.toPlainText(),
            status=ReferralStatus(self.status.currentData()) if kind is StoryKind.REFERRAL else None,
            source_kind=SourceKind(self.source_kind.currentData()),
            source=self.source.text(),
            tried_id=tried if kind is StoryKind.TREATMENT else None,
            appointment_id=self.item.appointment_id if self.item is not None else None,
        )

    def save(self) -> bool:
        done = self._diary.run(lambda: self._session.story.save(self.value()), problem=self.show_problem)
        return done is not None

    @classmethod
    def open_for(cls, diary: OpenDiary, item_id: str | None, parent: QWidget) -> StoryItemDialog | None:
        """Open the editor for an entry (window-modal, deleted on close), or for a new one; None if it is gone."""
        item = None
        if item_id is not None:
            try:
                item = diary.session.story.get(item_id)
            except CompanionError:
                return None
        dialog = cls(diary, item, parent)
        dialogs.open_modal(dialog)  # window-modal; the focus goes back where it was when it closes
        return dialog

    @classmethod
    def reopen(cls, diary: OpenDiary, draft: Draft, parent: QWidget) -> StoryItemDialog | None:
        target = draft.get("target")
        return cls.open_for(diary, str(target) if target else None, parent)
