"""Import with a preview: what would be added, recognised as already there, or replaced; then confirm."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QRadioButton, QVBoxLayout, QWidget

from companion.domain.errors import CompanionError
from companion.i18n import _
from companion.services.session import DiarySession
from companion.ui.widgets import label, window_title


class ImportDialog(QDialog):
    """For our JSON exports the person chooses merge (default) or replace; a pain CSV is always added."""

    def __init__(self, session: DiarySession, data: bytes, is_json: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(window_title(_("Import entries")))
        self._session = session
        self._data = data
        self._is_json = is_json
        layout = QVBoxLayout(self)
        self.merge = QRadioButton(_("&Add what is new (entries already in your diary are kept as they are)"))
        self.merge.setObjectName("importMerge")
        self.replace = QRadioButton(_("&Replace my whole diary with this file"))
        self.replace.setObjectName("importReplace")
        self.merge.setChecked(True)
        self.preview = label()
        self.preview.setObjectName("importPreview")
        self.caution = label("error")
        self.caution.setObjectName("importCaution")
        self.caution.setText(
            _("Replacing removes everything now in your diary. A backup is made first, so it can be undone.")
        )
        self.caution.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(_("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importConfirm")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        if is_json:
            layout.addWidget(self.merge)
            layout.addWidget(self.replace)
        layout.addWidget(self.preview)
        layout.addWidget(self.caution)
        layout.addWidget(self.buttons)
        self.merge.toggled.connect(lambda _on: self.refresh())
        self.resize(560, 260)

    @property
    def mode(self) -> str:
        return "replace" if self._is_json and self.replace.isChecked() else "merge"

    def refresh(self) -> bool:
        """Show the preview for the chosen mode. False (and the reason shown) when the file can't be used."""
        from companion.services import transfer

        self.caution.setVisible(self.mode == "replace")
        try:
            preview = (
                transfer.preview_json(self._session, self._data, "replace" if self.mode == "replace" else "merge")
                if self._is_json
                else transfer.preview_pain_csv(self._data, self._session.clock)
            )
        except CompanionError as exc:
            self.preview.setText(exc.message())
            self.import_button.setEnabled(False)
            return False
        self.preview.setText(preview.summary())
        self.import_button.setEnabled(True)
        return True
