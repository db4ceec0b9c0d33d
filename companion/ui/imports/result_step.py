"""The wizard's last step: what the import did, where the backup is, and "Undo this import"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from companion.i18n import _
from companion.services.imports import ImportOutcome
from companion.services.imports.batches import UndoOutcome
from companion.ui.imports.steps import scrolling
from companion.ui.widgets import label


class ResultStep(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importResultStep")
        self.outcome: ImportOutcome | None = None
        self.undone: UndoOutcome | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        area, column = scrolling(QWidget())
        outer.addWidget(area)
        self.result = label("subheading")
        self.result.setObjectName("importResult")
        self.backup = label(selectable=True)
        self.backup.setObjectName("importBackup")
        self.undo_note = label()
        self.undo_note.setObjectName("importUndoNote")
        self.undo = QPushButton()
        self.undo.setObjectName("importUndo")
        self.undo.setAutoDefault(False)
        for widget in (self.result, self.backup, self.undo_note):
            column.addWidget(widget)
        column.addWidget(self.undo, 0, Qt.AlignmentFlag.AlignLeft)
        column.addStretch(1)
        self.retranslate_ui()

    def show_outcome(self, outcome: ImportOutcome) -> None:
        self.outcome, self.undone = outcome, None
        self.retranslate_ui()

    def show_undone(self, undone: UndoOutcome) -> None:
        self.undone = undone
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.undo.setText(_("&Undo this import"))
        self.undo.setAccessibleName(_("Undo this import: remove every entry it added"))
        outcome = self.outcome
        if outcome is None:
            return
        self.result.setText(self.undone.summary() if self.undone else outcome.summary())
        self.backup.setText(
            _("Your diary as it was before the import was backed up to {path}.").format(path=outcome.backup)
            if outcome.backup
            else ""
        )
        self.backup.setVisible(bool(outcome.backup) and self.undone is None)
        self.undo_note.setText(
            _(
                "Undo removes exactly the entries this import added, even ones you have changed since. You can "
                "also undo it later from “Your past imports” in Settings › Your data › Import from another app."
            )
        )
        can_undo = outcome.batch_id is not None and self.undone is None
        self.undo_note.setVisible(can_undo)
        self.undo.setVisible(can_undo)
