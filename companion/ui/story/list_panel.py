"""A tab of My story that lists one kind of record with New…, Open… (Enter) and Delete (Delete key) with
Undo (Ctrl+Z): decisions made together and medicine review plans share it. Subclasses read in `read()` (called
by `refresh()`, the only place the part reads the diary), word each record, and open their dialog."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QListWidgetItem, QPushButton, QWidget

from companion.domain.changes import Changes
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import PagePart
from companion.ui.layouts import scrolled_page
from companion.ui.medicines.fields import button_row, wrapped_list
from companion.ui.widgets import label

T = TypeVar("T")


class ListPanel(PagePart, QWidget, Generic[T]):
    def __init__(self, diary: OpenDiary, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._diary = diary
        self._session = diary.session
        self._records: list[T] = []
        self._deleted: T | None = None
        self.dialog: QWidget | None = None
        _content, column = scrolled_page(self)
        self.intro = label()
        self.new_button = QPushButton()
        self.new_button.setObjectName(f"{name}New")
        self.list = wrapped_list(f"{name}List", lines=8)
        self.empty = label()
        self.open_button = QPushButton()
        self.open_button.setObjectName(f"{name}Open")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName(f"{name}Delete")
        self.undo_button = QPushButton()
        self.undo_button.setObjectName(f"{name}Undo")
        self.undo_button.hide()
        self.status = label()
        self.status.setObjectName(f"{name}Status")
        column.addWidget(self.intro)
        column.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.empty)
        column.addWidget(self.list)
        column.addWidget(button_row(self.open_button, self.delete_button, self.undo_button))
        column.addWidget(self.status)
        column.addStretch(1)
        self.new_button.clicked.connect(lambda: self.open_record(None))
        self.open_button.clicked.connect(self.open_chosen)
        self.delete_button.clicked.connect(self.delete_chosen)
        self.undo_button.clicked.connect(self.undo_delete)
        self.list.itemActivated.connect(lambda _item: self.open_chosen())
        self.list.currentItemChanged.connect(lambda *_a: self._render_buttons())
        key = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.list, self.delete_chosen)
        key.setContext(Qt.ShortcutContext.WidgetShortcut)
        undo_key = QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_delete)
        undo_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    # --- for subclasses ---

    def read(self) -> list[T]:
        raise NotImplementedError

    def key(self, record: T) -> str:
        return str(getattr(record, "id"))  # noqa: B009

    def lines(self, record: T) -> list[str]:
        raise NotImplementedError

    def open_dialog(self, record_id: str | None) -> QWidget | None:
        raise NotImplementedError

    def delete_op(self, record: T) -> Changes:
        raise NotImplementedError

    def save_op(self, record: T) -> tuple[Any, Changes]:
        raise NotImplementedError

    def deleted_text(self, record: T) -> str:
        raise NotImplementedError

    def restored_text(self, record: T) -> str:
        raise NotImplementedError

    # --- the part ---

    def refresh(self) -> None:
        self._records = self.read()
        self._render()

    def _render(self) -> None:
        chosen = self.chosen_id()
        self.list.clear()
        for record in self._records:
            row = QListWidgetItem("\n".join(self.lines(record)))
            row.setData(Qt.ItemDataRole.UserRole, self.key(record))
            self.list.addItem(row)
            if self.key(record) == chosen:
                self.list.setCurrentItem(row)
        self.list.setVisible(bool(self._records))
        self.empty.setVisible(not self._records)
        self._render_buttons()

    def _render_buttons(self) -> None:
        chosen = self.list.currentItem() is not None
        self.open_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)

    def chosen_id(self) -> str | None:
        current = self.list.currentItem()
        return str(current.data(Qt.ItemDataRole.UserRole)) if current is not None else None

    def choose(self, record_id: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == record_id:
                self.list.setCurrentRow(row)

    # --- actions ---

    def open_record(self, record_id: str | None) -> QWidget | None:
        self.dialog = self.open_dialog(record_id)
        return self.dialog

    def open_chosen(self) -> QWidget | None:
        chosen = self.chosen_id()
        return self.open_record(chosen) if chosen is not None else None

    def delete_chosen(self) -> None:
        chosen = self.chosen_id()
        record = next((r for r in self._records if self.key(r) == chosen), None)
        if record is None:
            return
        done = self._diary.run(lambda: (record, self.delete_op(record)), problem=self.status)
        if done is None:
            return
        self._deleted = record
        self.status.setText(self.deleted_text(record))
        self.undo_button.show()
        self.undo_button.setFocus()

    def undo_delete(self) -> None:
        record = self._deleted
        if record is None:
            return
        done = self._diary.run(lambda: self.save_op(record), problem=self.status)
        if done is None:
            return
        self._deleted = None
        self.undo_button.hide()
        self.status.setText(self.restored_text(record))
        self.choose(self.key(record))
        self.list.setFocus()
