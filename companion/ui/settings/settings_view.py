"""Settings: language (switched live), text size, auto-lock, passphrase, where the diary lives, and reminders."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from companion.domain.changes import Changes
from companion.i18n import LANGUAGE_NAMES, _, ngettext
from companion.services.preferences import AUTO_LOCK_CHOICES, FONT_SIZES
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import PagePart
from companion.ui.layouts import flow_row, scrolled_page
from companion.ui.settings.data_section import DataSection
from companion.ui.settings.reminders_section import RemindersSection
from companion.ui.widgets import label


class SettingsView(PagePart, QWidget):
    """Preferences are the app's (saved in settings.json); a change goes to `diary.app`, which applies it
    everywhere. The "Your data" section works on the open diary."""

    interests = Changes(settings=True)
    language_selected = Signal(str)
    text_size_selected = Signal(int)
    auto_lock_selected = Signal(int)
    change_passphrase_requested = Signal()
    move_requested = Signal()
    reminders_changed = Signal(dict)  # AppSettings fields (reminders section)

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsView")
        self._diary = diary
        settings = diary.context.settings
        self._diary_path = diary.session.path
        _content, outer = scrolled_page(self)  # at large text sizes the page scrolls rather than squeezes
        outer.setContentsMargins(32, 24, 32, 24)
        self._column = outer
        self.title = label("heading")
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # fields go under long labels
        self.language = QComboBox()
        self.language.setObjectName("languageCombo")
        for code in ("cy", "en"):
            self.language.addItem(LANGUAGE_NAMES[code], code)
        self.language.setCurrentIndex(self.language.findData(settings.language or "en"))
        self.text_size = QComboBox()
        self.text_size.setObjectName("textSizeCombo")
        for size in FONT_SIZES:
            self.text_size.addItem(str(size), size)
        self.text_size.setCurrentIndex(max(0, self.text_size.findData(settings.font_point_size)))
        self.auto_lock = QComboBox()
        self.auto_lock.setObjectName("autoLockCombo")
        for minutes in AUTO_LOCK_CHOICES:
            self.auto_lock.addItem("", minutes)
        self.auto_lock.setCurrentIndex(max(0, self.auto_lock.findData(settings.auto_lock_minutes)))
        self.change_passphrase = QPushButton()
        self.change_passphrase.setObjectName("changePassphraseButton")
        self.location = label(selectable=True)
        self.location.setObjectName("diaryLocation")
        self.location.setText(str(self._diary_path))
        self.open_folder = QPushButton()
        self.open_folder.setObjectName("openFolderButton")
        self.move_button = QPushButton()
        self.move_button.setObjectName("moveDiaryButton")
        self.protection = label()
        self._labels = [QLabel() for _ in range(5)]
        self._labels[0].setBuddy(self.language)
        self._labels[1].setBuddy(self.text_size)
        self._labels[2].setBuddy(self.auto_lock)
        self._labels[3].setBuddy(self.change_passphrase)
        self._labels[4].setBuddy(self.open_folder)
        folder_row = QVBoxLayout()  # the path, then its buttons (they wrap at large text sizes)
        folder_row.addWidget(self.location)
        folder_row.addWidget(flow_row(self.open_folder, self.move_button))
        form.addRow(self._labels[0], self.language)
        form.addRow(self._labels[1], self.text_size)
        form.addRow(self._labels[2], self.auto_lock)
        passphrase_row = QHBoxLayout()
        passphrase_row.addWidget(self.change_passphrase)
        passphrase_row.addStretch(1)
        form.addRow(self._labels[3], passphrase_row)
        form.addRow(self._labels[4], folder_row)
        outer.addWidget(self.title)
        outer.addSpacing(12)
        outer.addLayout(form)
        outer.addSpacing(12)
        outer.addWidget(self.protection)
        self.reminders = RemindersSection(settings)  # reminders
        self.reminders.changed.connect(self.reminders_changed)  # reminders
        outer.addSpacing(12)  # reminders
        outer.addWidget(self.reminders)  # reminders
        outer.addStretch(1)
        self.language.activated.connect(lambda i: self.language_selected.emit(self.language.itemData(i)))
        self.text_size.activated.connect(lambda i: self.text_size_selected.emit(self.text_size.itemData(i)))
        self.auto_lock.activated.connect(lambda i: self.auto_lock_selected.emit(self.auto_lock.itemData(i)))
        self.change_passphrase.clicked.connect(self.change_passphrase_requested)
        self.open_folder.clicked.connect(self._on_open_folder_clicked)
        self.move_button.clicked.connect(self.move_requested)
        app = diary.app
        self.language_selected.connect(app.switch_language)
        self.text_size_selected.connect(app.set_text_size)
        self.auto_lock_selected.connect(app.set_auto_lock)
        self.change_passphrase_requested.connect(app.change_passphrase)
        self.move_requested.connect(app.move_diary)
        self.reminders_changed.connect(app.reminders_changed)
        self.data_section = DataSection(diary)
        self.add_section(self.data_section)
        self.retranslate_ui()
        diary.host.add(self)

    def refresh(self) -> None:
        """Where the diary lives may have changed (it was moved)."""
        self.set_diary_path(self._diary.session.path)

    def retranslate_ui(self) -> None:
        self.title.setText(_("Settings"))
        texts = [
            _("Lan&guage:"),
            _("&Text size:"),
            _("Loc&k automatically after:"),
            _("&Passphrase:"),
            _("&Where your diary lives:"),
        ]
        for widget, text in zip(self._labels, texts, strict=True):
            widget.setText(text)
        self.language.setAccessibleName(_("Language"))
        self.text_size.setAccessibleName(_("Text size in points"))
        self.auto_lock.setAccessibleName(_("Lock automatically after"))
        for index in range(self.auto_lock.count()):
            minutes = self.auto_lock.itemData(index)
            self.auto_lock.setItemText(
                index, ngettext("{n} minute without use", "{n} minutes without use", minutes).format(n=minutes)
            )
        self.change_passphrase.setText(_("&Change passphrase…"))
        self.change_passphrase.setAccessibleName(_("Change passphrase"))
        self.open_folder.setText(_("&Open folder"))
        self.open_folder.setAccessibleName(_("Open the folder where your diary lives"))
        self.location.setAccessibleName(_("Where your diary lives"))
        self.move_button.setText(_("&Move…"))
        self.move_button.setAccessibleName(_("Move your diary and its backups to another folder"))
        self.protection.setText(
            _(
                "Your diary is one encrypted file (AES-256) in this folder, with encrypted backups in "
                "the backups folder beside it. Companion never sends it anywhere. "
                "Locking with Ctrl+L, or after the time above, saves and clears it from memory."
            )
        )

    def set_diary_path(self, path: Path) -> None:
        self._diary_path = path
        self.location.setText(str(path))

    def add_section(self, section: QWidget) -> None:
        """Add a part that needs the open diary (the view itself only knows preferences)."""
        self._column.insertWidget(self._column.count() - 1, section)

    def _on_open_folder_clicked(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._diary_path.parent)))
