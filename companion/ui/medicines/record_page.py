"""What the two list-and-form tabs of Medicines share (my medicines, what I've tried): a part of the UI core
that reads its records in `refresh()` only, chooses one from the list, starts a new one, saves or deletes it
through `diary.run`, and keeps what is typed but not saved across a lock."""

from __future__ import annotations

from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QWidget

from companion.domain.changes import Changes
from companion.i18n import _
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft, PagePart


class _Record(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...


R = TypeVar("R", bound=_Record)


class RecordPage(PagePart, QWidget, Generic[R]):
    """Subclasses build the widgets below and say how their kind of record is read, stored and described."""

    interests = Changes(medicines=True)

    _diary: OpenDiary
    current: R | None
    _records: list[R]
    status: QLabel
    new_button: QPushButton

    # --- what each kind of record says for itself ---

    def _read(self) -> list[R]:
        """The records as the diary holds them (the one read of this page)."""
        raise NotImplementedError

    def _render(self) -> None:
        """Show the records last read, in the current language (no reading)."""
        raise NotImplementedError

    def _record_list(self) -> QListWidget:
        raise NotImplementedError

    def _blank(self, record_id: str) -> R:
        raise NotImplementedError

    def form_record(self) -> R:
        """The record as it stands in the form (a new id while adding one)."""
        raise NotImplementedError

    def _load(self, record: R | None) -> None:
        raise NotImplementedError

    def _store(self, record: R) -> tuple[R, Changes]:
        raise NotImplementedError

    def _remove(self, record_id: str) -> Changes:
        raise NotImplementedError

    def _status_text(self, outcome: str, name: str) -> str:
        """The status line after `outcome`: "added", "changed" or "deleted"."""
        raise NotImplementedError

    def _name_field(self) -> QWidget:
        """Where the focus goes for a new record."""
        raise NotImplementedError

    def _form_state(self) -> dict[str, Any]:
        """What the form holds, as plain values (kept over a lock)."""
        raise NotImplementedError

    def _set_form_state(self, state: dict[str, Any]) -> None:
        raise NotImplementedError

    def _has_other_input(self) -> bool:
        """Typed beside the record's form and not yet saved (the helpfulness rating)."""
        return False

    # --- reading ---

    def refresh(self) -> None:
        """Read the records again; the one in the form stays there (with what is typed in it)."""
        self._records = self._read()
        if self.current is not None:
            current_id = self.current.id
            found = next((r for r in self._records if r.id == current_id), None)
            if found is None:  # deleted elsewhere
                self._load(None)
            else:
                self.current = found
        self._render()

    def records(self) -> list[R]:
        return list(self._records)

    def _select_in_list(self, record_id: str | None) -> None:
        """Highlight the record in the list without treating it as a new choice."""
        widget = self._record_list()
        widget.blockSignals(True)
        widget.setCurrentRow(-1)
        widget.clearSelection()
        for row in range(widget.count()):
            item = widget.item(row)
            if record_id is not None and item.data(Qt.ItemDataRole.UserRole) == record_id:
                widget.setCurrentItem(item)
        widget.blockSignals(False)

    # --- choosing ---

    def _on_current_changed(self, entry: QListWidgetItem | None) -> None:
        if entry is None:
            return
        record_id = entry.data(Qt.ItemDataRole.UserRole)
        self._load(next((r for r in self._records if r.id == record_id), None))
        self.status.setText("")

    def new_record(self) -> None:
        self._load(None)
        self.status.setText("")
        self._name_field().setFocus()

    # --- writing ---

    def save(self) -> bool:
        """Save the form. False when it can't be saved as it is (the reason shows under the buttons)."""
        record = self.form_record()
        adding = self.current is None
        done = self._diary.run(lambda: self._store(record), problem=self.status)
        if done is None:
            return False
        saved = done.value
        self._load(saved)
        self.status.setText(self._status_text("added" if adding else "changed", saved.name))
        return True

    def delete(self, record_id: str) -> None:
        name = self.current.name if self.current else ""
        done = self._diary.run(lambda: (None, self._remove(record_id)), problem=self.status)
        if done is None:
            return
        self._load(None)
        self.status.setText(self._status_text("deleted", name))
        self.new_button.setFocus()

    # --- across a lock ---

    def has_unsaved_input(self) -> bool:
        record = self.form_record()
        return record != (self.current or self._blank(record.id)) or self._has_other_input()

    def draft(self) -> Draft | None:
        if not self.has_unsaved_input():
            return None
        return {"id": self.current.id if self.current else None, "form": self._form_state()}

    def restore(self, draft: Draft) -> None:
        record_id = draft.get("id")
        self._load(next((r for r in self._records if r.id == record_id), None))
        self._set_form_state(dict(draft.get("form") or {}))
        self.status.setText(_("What you had typed was kept when the diary locked. Check it, then Save."))
