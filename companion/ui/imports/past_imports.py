"""Past imports, newest first, each with "Undo this import" while any of what it added is in the diary."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from companion.domain.changes import Changes
from companion.i18n import _, ngettext
from companion.presentation.import_wizard import batch_line
from companion.services import imports
from companion.services.imports import ImportBatch
from companion.services.imports.batches import UndoOutcome
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import PagePart
from companion.ui.imports.steps import NOT_SAVED_FIRST, after_answer, saved_first
from companion.ui.widgets import label, run_busy

SHOWN = 20  # the newest imports; older ones stay undoable from the command line (companion undo-import)


def undo_batch(diary: OpenDiary, batch_id: str, where: QWidget) -> Callable[[], tuple[UndoOutcome, Changes]]:
    """The undo as a write for `diary.run`, run off the GUI thread (a big import removes many rows)."""

    def write() -> tuple[UndoOutcome, Changes]:
        outcome = run_busy(where, lambda: imports.undo_import(diary.session, batch_id), _("Undoing the import…"))
        return outcome, outcome.changes

    return write


class PastImports(PagePart, QGroupBox):
    """Reads the list of imports in refresh() only; an import or an undo anywhere refreshes it."""

    interests = Changes(pain_entries=True)

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pastImports")
        self._diary = diary
        self.batches: tuple[ImportBatch, ...] = ()
        self._layout = QVBoxLayout(self)
        self.empty = label()
        self.empty.setObjectName("pastImportsEmpty")
        self.status = label()
        self.status.setObjectName("pastImportsStatus")
        self.rows = QWidget()
        self._rows_layout = QVBoxLayout(self.rows)
        self._rows_layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.empty)
        self._layout.addWidget(self.rows)
        self._layout.addWidget(self.status)
        self.lines: list[tuple[QWidget, QPushButton | None]] = []
        self.refresh()
        self.retranslate_ui()
        diary.host.add(self)

    def refresh(self) -> None:
        self.batches = imports.list_imports(self._diary.session)[:SHOWN]
        self._build_rows()
        self.retranslate_ui()

    def _build_rows(self) -> None:
        while self._rows_layout.count():
            item = self._rows_layout.takeAt(0)
            if item is not None and item.widget() is not None:
                item.widget().deleteLater()  # type: ignore[union-attr]
        self.lines = []
        for batch in self.batches:
            row = QWidget()
            layout = QHBoxLayout(row)
            layout.setContentsMargins(0, 0, 0, 0)
            text = label()
            text.setObjectName("pastImportLine")
            layout.addWidget(text, 1)
            button: QPushButton | None = None
            if not batch.undone and batch.remaining:
                button = QPushButton()
                button.setObjectName("undoPastImport")
                button.setAutoDefault(False)
                button.clicked.connect(lambda _checked=False, chosen=batch: self.ask_undo(chosen))
                layout.addWidget(button)
            self._rows_layout.addWidget(row)
            self.lines.append((text, button))

    def retranslate_ui(self) -> None:
        self.setTitle(_("Your past imports"))
        self.empty.setText(_("Nothing has been imported from another app yet."))
        self.empty.setVisible(not self.batches)
        for batch, (text, button) in zip(self.batches, self.lines, strict=True):
            line = batch_line(batch)
            text.setText(line)  # type: ignore[attr-defined]
            if button is not None:
                button.setText(_("Undo this import"))
                button.setAccessibleName(_("Undo this import: {line}").format(line=line))

    def ask_undo(self, batch: ImportBatch) -> None:
        """Say what undoing removes, then remove it (a backup is taken first)."""
        text = ngettext(
            "Undoing this import removes the {count} entry it added that is still in the diary.",
            "Undoing this import removes the {count} entries it added that are still in the diary.",
            batch.remaining,
        ).format(count=batch.remaining)
        dialogs.confirm(self, _("Undo this import"), text, after_answer(self, lambda: self.undo(batch.id)))

    def undo(self, batch_id: str) -> None:
        if not saved_first(self._diary):
            self.status.setText(_(NOT_SAVED_FIRST))
            return
        done = self._diary.run(undo_batch(self._diary, batch_id, self.window()), problem=self.status)
        if done is not None:
            self.status.setText(done.value.summary())
