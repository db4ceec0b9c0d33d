"""Choose a backup to put back in place of the diary (the current file is kept aside, never deleted)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from companion.i18n import N_, _, ngettext
from companion.i18n.formatting import format_date, format_time
from companion.services.diary_files import BEFORE_CHANGE, DAILY, BackupInfo, list_backups
from companion.ui.widgets import label, window_title

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
        self.setWindowTitle(window_title(_("Restore from a backup")))
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
        self.browse = QPushButton(_("Choose a backup &file…"))
        self.browse.setObjectName("browseBackupButton")
        self.browse.setAccessibleName(_("Choose a backup file from another place, such as a USB stick"))
        check_row = QHBoxLayout()  # the label above: beside them it left the field a sliver at large text
        self.secret_label = label()
        self.secret_label.setText(_("&Passphrase of the backup:"))
        self.secret = QLineEdit()
        self.secret.setObjectName("backupPassphrase")
        self.secret.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret.setAccessibleName(_("Passphrase of the backup"))
        self.secret_label.setBuddy(self.secret)
        self.check_button = QPushButton(_("&Check what it holds"))
        self.check_button.setObjectName("checkBackupButton")
        check_row.addWidget(self.secret, 1)
        check_row.addWidget(self.check_button)
        self.contents = label()
        self.contents.setObjectName("backupContents")
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
        layout.addWidget(self.browse, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.secret_label)
        layout.addLayout(check_row)
        layout.addWidget(self.contents)
        layout.addWidget(self.buttons)
        self.browse.clicked.connect(self._on_browse_clicked)
        self.check_button.clicked.connect(self.check_chosen)
        self.secret.returnPressed.connect(self.check_chosen)
        self.list.currentRowChanged.connect(lambda _row: self.contents.clear())
        if self.backups:
            self.list.setCurrentRow(0)
        self.resize(560, 360)

    def _on_browse_clicked(self) -> None:
        from companion.ui import dialogs

        path = dialogs.choose_open_file(self, _("Choose a backup file"), _("Companion diaries (*.vault)"))
        if not path:
            return
        item = QListWidgetItem(_("Backup file: {path}").format(path=path))
        item.setData(Qt.ItemDataRole.UserRole, path)
        self.list.insertItem(0, item)
        self.list.setCurrentRow(0)
        self.secret.setFocus()

    def check_chosen(self) -> None:
        """Unlock the chosen backup in memory and say what it holds; nothing is changed."""
        from companion.domain.errors import CompanionError
        from companion.services.diary_files import inspect_backup

        path = self.chosen()
        if path is None:
            return
        try:
            contents = inspect_backup(path, self.secret.text())
        except CompanionError as exc:
            self.contents.setText(exc.message())
            return
        made = dt.datetime.fromtimestamp(path.stat().st_mtime)
        count = contents.entries or 0
        self.contents.setText(
            ngettext(
                "This backup opens. It was saved on {date} at {time} and holds {count} entry.",
                "This backup opens. It was saved on {date} at {time} and holds {count} entries.",
                count,
            ).format(date=format_date(made.date()), time=format_time(made), count=count)
        )

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item else None
