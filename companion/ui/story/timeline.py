"""My story's timeline: entries by date (approximate dates as written), a filter by kind, search, quick add
from the keyboard (what + kind + Enter, then the details), and edit and delete with Undo.

A part of the UI core: it reads the diary only in `refresh()` (the entries, the names in What I've tried);
filtering and searching work on what was read, so typing in the search box reads nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QLineEdit, QListWidgetItem, QPushButton, QWidget

from companion.domain.changes import Changes
from companion.domain.story import KIND_NAMES, StoryItem, StoryKind, filter_items
from companion.i18n import _, current_language, ngettext
from companion.services.story import new_id
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft, PagePart
from companion.ui.layouts import scrolled_page
from companion.ui.medicines.fields import AdaptiveRow, button_row, section, wrapped_list
from companion.ui.story.item_dialog import StoryItemDialog
from companion.ui.story.row_list import FILL
from companion.ui.story.story_document import StoryDocumentRow
from companion.ui.story.wording import item_lines
from companion.ui.widgets import label


class TimelinePanel(PagePart, QWidget):
    interests = Changes(story=True, medicines=True)
    draft_key = "story.timeline"

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyTimeline")
        self._diary = diary
        self._session = diary.session
        self._items: list[StoryItem] = []
        self._tried_names: dict[str, str] = {}
        self._select_id: str | None = None
        self._undo: tuple[StoryItem, str] | None = None  # the entry to put back, and what to say then
        self._editing: StoryItem | None = None  # the entry as it was when its dialog opened
        self.dialog: StoryItemDialog | None = None
        _content, layout = scrolled_page(self)

        self.add_box, self.add_heading, add_layout = section("storyQuickAdd")
        self.quick_kind = QComboBox()
        self.quick_kind.setObjectName("quickKind")
        for kind in StoryKind:
            self.quick_kind.addItem("", kind.value)
        self.quick_title = QLineEdit()
        self.quick_title.setObjectName("quickTitle")
        self.quick_add = QPushButton()
        self.quick_add.setObjectName("quickAdd")
        quick = AdaptiveRow()
        quick.add(self.quick_title, 1, min_chars=28, alignment=FILL)
        quick.add(self.quick_kind, 0)
        quick.add(self.quick_add, 0)
        self.quick_hint = label()
        add_layout.addWidget(quick)
        add_layout.addWidget(self.quick_hint)

        self.filter_kind = QComboBox()
        self.filter_kind.setObjectName("storyFilterKind")
        self.filter_kind.addItem("", "")
        for kind in StoryKind:
            self.filter_kind.addItem("", kind.value)
        self.search = QLineEdit()
        self.search.setObjectName("storySearch")
        self.search.setClearButtonEnabled(True)
        filters = AdaptiveRow()
        filters.add(self.filter_kind, 0)
        filters.add(self.search, 1, min_chars=24, alignment=FILL)
        self.count = label()
        self.count.setObjectName("storyCount")
        self.list = wrapped_list("storyList", lines=8)
        self.empty = label()
        self.empty.setObjectName("storyEmpty")
        self.open_button = QPushButton()
        self.open_button.setObjectName("storyOpenItem")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("storyDeleteItem")
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("storyUndoDelete")
        self.undo_button.hide()
        self.status = label()
        self.status.setObjectName("storyStatus")
        self.document = StoryDocumentRow(diary)

        layout.addWidget(self.add_box)
        layout.addWidget(filters)
        layout.addWidget(self.count)
        layout.addWidget(self.empty)
        layout.addWidget(self.list)
        layout.addWidget(button_row(self.open_button, self.delete_button, self.undo_button))
        layout.addWidget(self.status)
        layout.addWidget(self.document)
        layout.addStretch(1)

        self.quick_title.returnPressed.connect(self.add_quickly)
        self.quick_add.clicked.connect(self.add_quickly)
        self.filter_kind.currentIndexChanged.connect(self._render)
        self.search.textChanged.connect(self._render)
        self.list.itemActivated.connect(lambda _item: self.open_selected())
        self.list.currentItemChanged.connect(lambda *_a: self._render_buttons())
        self.open_button.clicked.connect(self.open_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo)
        delete_key = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.list, self.delete_selected)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        undo_key = QShortcut(QKeySequence.StandardKey.Undo, self, self.undo)
        undo_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.refresh()
        self.retranslate_ui()
        diary.host.add(self)

    # --- reading ---

    def refresh(self) -> None:
        """Read the timeline and the names in What I've tried (the only place this part reads the diary)."""
        self._items = self._session.story.items()
        self._tried_names = {t.id: t.name for t in self._session.medicines.tried()}
        self._render()

    def retranslate_ui(self) -> None:
        self.add_heading.setText(_("Add to my story"))
        self.quick_title.setAccessibleName(_("What to add, such as a test, a diagnosis or whom you saw"))
        self.quick_title.setPlaceholderText(_("What, such as “MRI scan” or “Referral to physiotherapy”"))
        self.quick_kind.setAccessibleName(_("Kind of entry to add"))
        for index, kind in enumerate(StoryKind):
            self.quick_kind.setItemText(index, _(KIND_NAMES[kind]))
        self.quick_add.setText(_("Add"))
        self.quick_add.setAccessibleName(_("Add it to my story, then add the details"))
        self.quick_hint.setText(_("Type what it is, choose its kind, and press Enter. The details come next."))
        self.filter_kind.setAccessibleName(_("Show entries of one kind"))
        self.filter_kind.setItemText(0, _("All kinds"))
        for index, kind in enumerate(StoryKind, start=1):
            self.filter_kind.setItemText(index, _(KIND_NAMES[kind]))
        self.search.setAccessibleName(_("Search my story"))
        self.search.setPlaceholderText(_("Search my story"))
        self.list.setAccessibleName(_("My story, oldest first"))
        self.open_button.setText(_("Details…"))
        self.open_button.setAccessibleName(_("See or change the details of the chosen entry (Enter)"))
        self.delete_button.setText(_("Delete"))
        self.delete_button.setAccessibleName(_("Delete the chosen entry (Delete); you can undo it"))
        self.undo_button.setText(_("Undo"))
        self.undo_button.setAccessibleName(_("Undo the last delete or change (Ctrl+Z)"))
        self._render()

    # --- showing what was read ---

    def shown_items(self) -> list[StoryItem]:
        kind = str(self.filter_kind.currentData() or "")
        kinds = frozenset({StoryKind(kind)}) if kind else None
        return filter_items(self._items, kinds, self.search.text())

    def _render(self) -> None:
        current = self.list.currentItem()
        keep = self._select_id or (current.data(Qt.ItemDataRole.UserRole) if current is not None else None)
        self._select_id = None
        shown = self.shown_items()
        lang = current_language()
        self.list.clear()
        for item in shown:
            row = QListWidgetItem("\n".join(item_lines(item, _, lang, self._tried_names)))
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            self.list.addItem(row)
            if item.id == keep:
                self.list.setCurrentItem(row)
        total, n = len(self._items), len(shown)
        if total == n:
            self.count.setText(ngettext("{n} entry in my story", "{n} entries in my story", n).format(n=n))
        else:
            self.count.setText(
                ngettext("{n} of {total} entries shown", "{n} of {total} entries shown", total).format(n=n, total=total)
            )
        if not self._items:
            self.empty.setText(_("Nothing is in My story yet. Add the first thing above: how it started, perhaps."))
        else:
            self.empty.setText(_("Nothing matches. Choose All kinds, or search for other words."))
        self.empty.setVisible(not shown)
        self.list.setVisible(bool(shown))
        self._render_buttons()

    def _render_buttons(self) -> None:
        chosen = self.list.currentItem() is not None
        self.open_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def selected_id(self) -> str | None:
        current = self.list.currentItem()
        return str(current.data(Qt.ItemDataRole.UserRole)) if current is not None else None

    def select(self, item_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == item_id:
                self.list.setCurrentRow(row)

    # --- writing ---

    def add_quickly(self) -> None:
        title = self.quick_title.text()
        kind = StoryKind(self.quick_kind.currentData())
        done = self._diary.run(lambda: self._session.story.save(StoryItem(new_id(), kind, title)), problem=self.status)
        if done is None:
            self.quick_title.setFocus()
            return
        item = done.value
        self.quick_title.clear()
        self._select_id = item.id
        self.select(item.id)
        self.status.setText(
            _("“{title}” was added. Add the details, or press Escape to keep it as it is.").format(title=item.title)
        )
        self.open_item(item.id)

    def open_selected(self) -> None:
        item_id = self.selected_id()
        if item_id is not None:
            self.open_item(item_id)

    def open_item(self, item_id: str) -> StoryItemDialog | None:
        before = next((i for i in self._items if i.id == item_id), None)
        dialog = StoryItemDialog.open_for(self._diary, item_id, self.window())
        if dialog is not None:
            self.dialog = dialog
            dialog.finished.connect(self._on_dialog_finished)
            self._editing = before
            dialog.accepted.connect(self._on_dialog_accepted)  # a bound method: no lambda on a dialog deleted on close
            dialog.when.setFocus()
        return dialog

    def _on_dialog_finished(self, _result: int) -> None:
        self.dialog = None
        if self.list.currentItem() is not None:
            self.list.setFocus()
        else:
            self.quick_title.setFocus()

    def _on_dialog_accepted(self) -> None:
        """Saved in the dialog: say so, with Undo to put the entry back as it was."""
        before, self._editing = self._editing, None
        if before is None:
            return
        self.status.setText(_("Your changes to “{title}” were saved.").format(title=before.title))
        self._offer_undo(before, _("“{title}” is as it was before.").format(title=before.title))

    def delete_selected(self) -> None:
        item_id = self.selected_id()
        item = next((i for i in self._items if i.id == item_id), None)
        if item is None:
            return
        done = self._diary.run(lambda: (item, self._session.story.delete(item.id)), problem=self.status)
        if done is None:
            return
        self.status.setText(_("“{title}” was deleted.").format(title=item.title))
        self._offer_undo(item, _("“{title}” is back in your story.").format(title=item.title))
        self.undo_button.setFocus()

    def _offer_undo(self, item: StoryItem, then: str) -> None:
        self._undo = (item, then)
        self.undo_button.show()

    def undo(self) -> None:
        """Put back the entry deleted or changed last (Ctrl+Z)."""
        if self._undo is None:
            return
        item, then = self._undo
        done = self._diary.run(lambda: self._session.story.save(item), problem=self.status)
        if done is None:
            return
        self._undo = None
        self.undo_button.hide()
        self.status.setText(then)
        self.select(item.id)
        self.list.setFocus()

    undo_delete = undo

    # --- across a lock ---

    def draft(self) -> Draft | None:
        if not self.quick_title.text().strip():
            return None
        return {"quick": self.quick_title.text(), "kind": self.quick_kind.currentData()}

    def restore(self, draft: Draft) -> None:
        self.quick_title.setText(str(draft.get("quick", "")))
        index = self.quick_kind.findData(draft.get("kind"))
        if index >= 0:
            self.quick_kind.setCurrentIndex(index)
        self.status.setText(_("What you had typed was kept when the diary locked. It is not saved yet."))
