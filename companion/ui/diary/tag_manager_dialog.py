"""Manage tags: see how often each is used, rename one, or merge two; check-ins keep their tags.

A part of the UI core while it is open: it reads the tags in `refresh()` (the page host calls it after a
rename or merge) and writes through `diary.run`."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from companion.domain.changes import Changes
from companion.domain.checkin import clean_tag_name, fold
from companion.domain.errors import ValidationError
from companion.i18n import _, ngettext
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft, PagePart
from companion.ui.widgets import label, window_title

NAME_ROLE = Qt.ItemDataRole.UserRole


class TagManagerDialog(PagePart, QDialog):
    interests = Changes(tags=True)
    draft_key = "companion.ui.diary.tag_manager_dialog:TagManagerDialog"

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagManagerDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(520)
        self.resize(600, 620)
        self._diary = diary
        self._tags: list[tuple[str, int]] = []
        self._counts: dict[str, int] = {}
        self._select_next: str | None = None  # the tag to choose once the list is read again
        self._pending: tuple[str, str, str] | None = None  # (action, source, target) awaiting "yes"
        self.intro = label()
        self.list_label = QLabel()
        self.tag_list = QListWidget()
        self.tag_list.setObjectName("tagList")
        self.tag_list.setMinimumHeight(180)
        # Each tag's line wraps rather than scroll sideways (Welsh, large text), as the Diary's days do.
        self.tag_list.setWordWrap(True)
        self.tag_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tag_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.tag_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_label.setBuddy(self.tag_list)
        self.empty = label()
        self.empty.setObjectName("tagListEmpty")
        self.new_name = QLineEdit()
        self.new_name.setObjectName("tagNewName")
        self.new_name_label = QLabel()
        self.new_name_label.setBuddy(self.new_name)
        self.rename_button = QPushButton()
        self.rename_button.setObjectName("tagRenameButton")
        self.merge_target = QComboBox()
        self.merge_target.setObjectName("tagMergeTarget")
        self.merge_label = QLabel()
        self.merge_label.setBuddy(self.merge_target)
        self.merge_button = QPushButton()
        self.merge_button.setObjectName("tagMergeButton")
        self.message = label("error")
        self.message.setObjectName("tagMessage")
        self.message.hide()
        self.status = label()
        self.status.setObjectName("tagStatus")
        self.confirm_button = QPushButton()
        self.confirm_button.setObjectName("tagConfirmMerge")
        self.keep_button = QPushButton()
        self.keep_button.setObjectName("tagKeepSeparate")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)

        form = QFormLayout()
        rename_row = QHBoxLayout()
        rename_row.addWidget(self.new_name, 1)
        rename_row.addWidget(self.rename_button)
        merge_row = QHBoxLayout()
        merge_row.addWidget(self.merge_target, 1)
        merge_row.addWidget(self.merge_button)
        form.addRow(self.new_name_label, rename_row)
        form.addRow(self.merge_label, merge_row)
        confirm_row = QHBoxLayout()
        confirm_row.addStretch(1)
        confirm_row.addWidget(self.confirm_button)
        confirm_row.addWidget(self.keep_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list_label)
        layout.addWidget(self.tag_list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(confirm_row)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.tag_list.currentItemChanged.connect(self._on_tag_list_current_item_changed)
        self.new_name.textEdited.connect(self._cancel_pending)
        self.merge_target.currentIndexChanged.connect(self._cancel_pending)
        self.rename_button.clicked.connect(self.rename_selected)
        self.merge_button.clicked.connect(self.merge_selected)
        self.confirm_button.clicked.connect(self.confirm)
        self.keep_button.clicked.connect(self._on_keep_button_clicked)
        self.buttons.rejected.connect(self.reject)
        for widget in (self.tag_list, self.new_name, self.merge_target):
            widget.installEventFilter(self)
        self._show_confirm(False)
        self.refresh()
        self.retranslate_ui()
        diary.host.add(self)

    @classmethod
    def revive(cls, diary: OpenDiary, draft: Draft) -> None:
        """After unlocking: open it again with the new name that was being typed (nothing was renamed)."""
        if isinstance(diary.app, QWidget):
            dialog = cls(diary, diary.app)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialogs.open_modal(dialog)
            dialog.restore(draft)

    def draft(self) -> Draft | None:
        """A new name typed but not applied, kept over a lock while the dialog is open."""
        chosen, typed = self.selected_tag(), self.new_name.text()
        if not self.isVisible() or chosen is None or typed == chosen:
            return None
        return {"tag": chosen, "new_name": typed}

    def restore(self, draft: Draft) -> None:
        self.select_tag(str(draft.get("tag", "")))
        self.new_name.setText(str(draft.get("new_name", "")))
        self.status.setText(_(dialogs.KEPT_OVER_LOCK))
        self.new_name.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter acts on the field it is pressed in (and never reaches the dialog's default button)."""
        is_enter = (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not (watched is self.merge_target and self.merge_target.view().isVisible())
        )
        if not is_enter:
            return False
        if watched is self.tag_list:
            self.new_name.setFocus()
            self.new_name.selectAll()
        elif watched is self.new_name:
            self.rename_selected()
        else:
            self.merge_selected()
        return True

    def retranslate_ui(self) -> None:
        self.setWindowTitle(window_title(_("Manage tags")))
        self.intro.setText(
            _(
                "Rename a tag, or merge two tags that mean the same thing. "
                "Every check-in keeps its tags under the new name."
            )
        )
        self.list_label.setText(_("&Your tags:"))
        self.tag_list.setAccessibleName(_("Your tags and how often each is used"))
        self.empty.setText(_("You have no tags yet. Tags you add to check-ins appear here."))
        self.new_name_label.setText(_("New &name:"))
        self.new_name.setAccessibleName(_("New name for the chosen tag"))
        self.new_name.setAccessibleDescription(_("If another tag already has this name, the two tags are merged."))
        self.rename_button.setText(_("&Rename"))
        self.rename_button.setAccessibleName(_("Rename the chosen tag"))
        self.merge_label.setText(_("Merge &into:"))
        self.merge_target.setAccessibleName(_("Tag to merge the chosen tag into"))
        self.merge_button.setText(_("&Merge"))
        self.merge_button.setAccessibleName(_("Merge the chosen tag into the other tag"))
        self.confirm_button.setText(_("&Yes, merge them"))
        self.confirm_button.setAccessibleName(_("Yes, merge the two tags"))
        self.keep_button.setText(_("Keep &separate"))
        self.keep_button.setAccessibleName(_("Don't merge; keep the tags separate"))
        for button in (self.confirm_button, self.keep_button):  # room for the thicker focus border
            button.setMinimumWidth(0)
            button.setMinimumWidth(button.sizeHint().width() + 12)
        self.status.setAccessibleName(_("What happened"))
        self.message.setAccessibleName(_("Message"))
        pending = self._pending
        self._render()
        if pending is not None:
            self._ask(*pending)

    # --- showing --------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the tags and how often each is used (the only place this dialog reads the diary)."""
        self._tags = self._diary.session.diary.tags_with_counts()
        self._counts = dict(self._tags)
        self._render()

    def _render(self) -> None:
        current = self._select_next or self.selected_tag()
        self._select_next = None
        tags = self._tags
        self.tag_list.blockSignals(True)
        self.tag_list.clear()
        for name, count in tags:
            text = ngettext("{tag}: used in {n} check-in", "{tag}: used in {n} check-ins", count).format(
                tag=name, n=count
            )
            item = QListWidgetItem(text)
            item.setData(NAME_ROLE, name)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
            self.tag_list.addItem(item)
        self.tag_list.blockSignals(False)
        self.empty.setVisible(not tags)
        rows = [i for i, (name, _count) in enumerate(tags) if current and fold(name) == fold(current)]
        self.tag_list.setCurrentRow(rows[0] if rows else (0 if tags else -1))
        self._on_tag_list_current_item_changed()

    def selected_tag(self) -> str | None:
        item = self.tag_list.currentItem()
        return str(item.data(NAME_ROLE)) if item is not None else None

    def select_tag(self, name: str) -> None:
        for row in range(self.tag_list.count()):
            if fold(self.tag_list.item(row).data(NAME_ROLE)) == fold(name):
                self.tag_list.setCurrentRow(row)
                return

    def _on_tag_list_current_item_changed(self, *_args: object) -> None:
        chosen = self.selected_tag()
        self.new_name.setText(chosen or "")
        self.merge_target.blockSignals(True)
        self.merge_target.clear()
        for name in self._counts:
            if chosen is not None and fold(name) != fold(chosen):
                self.merge_target.addItem(name, name)
        self.merge_target.blockSignals(False)
        self.new_name.setEnabled(chosen is not None)
        self.rename_button.setEnabled(chosen is not None)
        self.merge_target.setEnabled(self.merge_target.count() > 0)
        self.merge_button.setEnabled(self.merge_target.count() > 0)
        self._cancel_pending()

    def _show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleDescription(text)
        self.message.setVisible(bool(text))

    def _show_confirm(self, visible: bool) -> None:
        self.confirm_button.setVisible(visible)
        self.keep_button.setVisible(visible)

    def _cancel_pending(self, *_args: object) -> None:
        self._pending = None
        self._show_confirm(False)
        self._show_message("")

    def _on_keep_button_clicked(self) -> None:
        self._cancel_pending()
        self.new_name.setFocus()

    # --- acting ---------------------------------------------------------------------------------------------

    def rename_selected(self) -> None:
        source = self.selected_tag()
        if source is None:
            return
        try:
            new = clean_tag_name(self.new_name.text())
        except ValidationError as exc:
            self._show_message(exc.message())
            return
        if new == source:
            self._show_message(_("That is already the tag's name. Type a new name first."))
            return
        other = next((n for n in self._counts if fold(n) == fold(new) and fold(n) != fold(source)), None)
        if other is not None:
            self._ask("rename", source, other)
            return
        self._run("rename", source, new)

    def merge_selected(self) -> None:
        source, target = self.selected_tag(), self.merge_target.currentData()
        if source is None or not target:
            return
        self._ask("merge", source, target)

    def _ask(self, action: str, source: str, target: str) -> None:
        self._pending = (action, source, target)
        if action == "rename":
            text = _(
                "There is already a tag called “{target}”. Renaming “{source}” to that name merges the two "
                "tags: every check-in tagged “{source}” will be tagged “{target}”. Merge them?"
            )
        else:
            text = _(
                "Merge “{source}” into “{target}”? Every check-in tagged “{source}” will be tagged “{target}” "
                "instead, and “{source}” will no longer be listed."
            )
        self._show_message(text.format(source=source, target=target))
        self._show_confirm(True)
        self.confirm_button.setFocus()

    def confirm(self) -> None:
        if self._pending is None:
            return
        action, source, target = self._pending
        self._run(action, source, target)

    def _run(self, action: str, source: str, target: str) -> None:
        diary = self._diary.session.diary
        self._pending = None
        self._show_confirm(False)
        renamed = fold(source) == fold(target) or (action == "rename" and target not in self._counts)

        def change() -> tuple[None, Changes]:
            if action == "rename":
                return None, diary.rename_tag(source, target)
            return None, diary.merge_tags(source, target)

        self._select_next = target  # the page host reads the list again inside run: choose the tag there
        done = self._diary.run(change, problem=self._show_message)
        self._select_next = None
        if done is None:
            return
        self._show_message("")
        if renamed:
            said = _("“{source}” is now called “{target}”.")
        else:
            said = _("“{source}” has been merged into “{target}”.")
        self.status.setText(said.format(source=source, target=target))
        self.select_tag(target)
        self.tag_list.setFocus()


if __name__ == "__main__":  # a quick look: python -m companion.ui.diary.tag_manager_dialog
    import sys

    from PySide6.QtWidgets import QApplication

    from companion.ui.core.standalone import standalone_diary
    from companion.ui.diary import preview_session

    app = QApplication(sys.argv)
    with preview_session() as session:
        dialog = TagManagerDialog(standalone_diary(session))
        dialog.show()
        app.exec()
