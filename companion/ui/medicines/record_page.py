"""What the two list-and-form tabs of Medicines share (my medicines, what I've tried): choosing a record from the
list, starting a new one, and saving or deleting it through the diary with one status line, one refresh and
the window told when the disk write failed (the change is then held in memory)."""

from __future__ import annotations

from typing import Generic, Protocol, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidgetItem, QPushButton, QWidget

from companion.domain.errors import SaveFailedError, ValidationError
from companion.services.session import DiarySession
from companion.ui.widgets import Retranslatable


class _Record(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...


R = TypeVar("R", bound=_Record)


class RecordPage(Retranslatable, QWidget, Generic[R]):
    """Subclasses build the widgets below and say how their kind of record is read, stored and described."""

    changed = Signal()
    save_failed = Signal(object)

    _session: DiarySession
    current: R | None
    status: QLabel
    new_button: QPushButton

    # --- what each kind of record says for itself ---

    def records(self) -> list[R]:
        raise NotImplementedError

    def form_record(self) -> R:
        """The record as it stands in the form (a new id while adding one)."""
        raise NotImplementedError

    def _load(self, record: R | None) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError

    def _store(self, record: R) -> R:
        raise NotImplementedError

    def _remove(self, record_id: str) -> None:
        raise NotImplementedError

    def _status_text(self, outcome: str, name: str) -> str:
        """The status line after `outcome`: "held", "added", "changed" or "deleted"."""
        raise NotImplementedError

    def _name_field(self) -> QWidget:
        """Where the focus goes for a new record."""
        raise NotImplementedError

    # --- shared ---

    def _on_current_changed(self, entry: QListWidgetItem | None) -> None:
        if entry is None:
            return
        record_id = entry.data(Qt.ItemDataRole.UserRole)
        self._load(next((r for r in self.records() if r.id == record_id), None))
        self.status.setText("")

    def new_record(self) -> None:
        self._load(None)
        self.status.setText("")
        self._name_field().setFocus()

    def save(self) -> bool:
        """Save the form. False when it can't be saved as it is (the reason shows under the buttons)."""
        if not self._session.is_open:
            return False
        record = self.form_record()
        adding = self.current is None
        failure: SaveFailedError | None = None
        try:
            saved = self._store(record)
        except ValidationError as exc:
            self.status.setText(exc.message())
            return False
        except SaveFailedError as exc:  # held in memory; the window offers to write it again
            failure = exc
            saved = next((r for r in self.records() if r.id == record.id), record)
        self._load(saved)
        outcome = "held" if failure is not None else "added" if adding else "changed"
        self.status.setText(self._status_text(outcome, saved.name))
        self.refresh()
        self.changed.emit()
        if failure is not None:
            self.save_failed.emit(failure)
        return True

    def delete(self, record_id: str) -> None:
        if not self._session.is_open:
            return
        name = self.current.name if self.current else ""
        try:
            self._remove(record_id)
        except SaveFailedError as exc:
            self.save_failed.emit(exc)
        self._load(None)
        self.status.setText(self._status_text("deleted", name))
        self.refresh()
        self.changed.emit()
        self.new_button.setFocus()
