"""Choose a backup to put back in place of the diary (the current file is kept aside, never deleted)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from companion.i18n import N_, _, ngettext
from companion.i18n.formatting import format_date, format_time
from companion.storage.backups import BEFORE_CHANGE, DAILY, BackupInfo, list_backups
from companion.ui.widgets import label

_KIND_TEXT = {
    DAILY: N_("Daily backup"),
    BEFORE_CHANGE: N_("Backup taken before an update or restore"),
}
_MANUAL_TEXT = N_("Backup you made")


def describe(backup: BackupInfo) -> str:
    kind = _(_KIND_TEXT.get(backup.kind, _MANUAL_TEXT))
    kib = max(1, backup.size // 1024)
    size = ngettext("{n} KB", "{n} KB", kib).format(n=kib)
    return _("{kind}: {date} at {time} ({size})").format(
        kind=kind, date=format_date(backup.made_at.date()), time=format_time(backup.made_at), size=size
    )


class RestoreBackupDialog(QDialog):
    def __init__(self, vault_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(_("Restore from a backup"))
        self.backups = list_backups(vault_path)
        layout = QVBoxLayout(self)
        intro = label()
        intro.setText(
            _(
                "Choose a backup to restore. Your current diary file is kept beside it, not deleted. "
                "After restoring, unlock with the passphrase that the backup had."
            )
        )
        self.list = QListWidget()
        self.list.setObjectName("backupList")
        self.list.setAccessibleName(_("Backups"))
        for backup in self.backups:
            item = QListWidgetItem(describe(backup))
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            self.list.addItem(item)
        empty = label()
        empty.setText(_("There are no backups yet. Companion makes one each day you open your diary."))
        empty.setVisible(not self.backups)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(_("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("restoreChosenButton")
        self.restore_button.setEnabled(False)
        self.list.currentRowChanged.connect(lambda row: self.restore_button.setEnabled(row >= 0))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(intro)
        layout.addWidget(self.list)
        layout.addWidget(empty)
        layout.addWidget(self.buttons)
        if self.backups:
            self.list.setCurrentRow(0)
        self.resize(560, 360)

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item else None
