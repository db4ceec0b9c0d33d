"""The unlocked diary: navigation on the left (Today first), the chosen screen on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from companion.i18n import N_, _
from companion.services.app_context import AppContext
from companion.services.session import DiarySession
from companion.ui.diary.diary_view import DiaryView
from companion.ui.settings.data_section import DataSection
from companion.ui.settings.settings_view import SettingsView
from companion.ui.today.today_view import TodayView
from companion.ui.widgets import Retranslatable, label

PAGES = (("today", N_("Today")), ("diary", N_("Diary")), ("settings", N_("Settings")))


class MainView(Retranslatable, QWidget):
    lock_requested = Signal()
    retry_save_requested = Signal()

    def __init__(self, context: AppContext, session: DiarySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainView")
        self.session = session
        layout = QHBoxLayout(self)
        side = QVBoxLayout()
        self.demo_badge = label("demo")
        self.demo_badge.setObjectName("demoBadge")
        self.demo_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_badge.setVisible(context.demo)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(220)
        self.lock_button = QPushButton()
        self.lock_button.setObjectName("lockButton")
        side.addWidget(self.demo_badge)
        side.addWidget(self.nav, 1)
        side.addWidget(self.lock_button)
        right = QVBoxLayout()
        self.banner = QFrame()
        self.banner.setObjectName("banner")
        banner_row = QHBoxLayout(self.banner)
        self.banner_text = label()
        self.banner_text.setObjectName("unsavedBannerText")
        self.retry_button = QPushButton()
        self.retry_button.setObjectName("retrySaveButton")
        banner_row.addWidget(self.banner_text, 1)
        banner_row.addWidget(self.retry_button)
        self.banner.hide()
        self.stack = QStackedWidget()
        self.today = TodayView(session)
        self.diary = DiaryView(session)
        self.settings = SettingsView(context.settings, session.path)
        self.data_section = DataSection(session)
        self.settings.add_section(self.data_section)
        self.pages: dict[str, QWidget] = {"today": self.today, "diary": self.diary, "settings": self.settings}
        for key, _title in PAGES:
            self.stack.addWidget(self.pages[key])
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        right.addWidget(self.banner)
        right.addWidget(self.stack, 1)
        layout.addLayout(side)
        layout.addLayout(right, 1)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.lock_button.clicked.connect(self.lock_requested)
        self.retry_button.clicked.connect(self.retry_save_requested)
        self.nav.setCurrentRow(0)
        # Ctrl+1, Ctrl+2, ... move between sections from anywhere.
        for number, (key, _title) in enumerate(PAGES, start=1):
            QShortcut(QKeySequence(f"Ctrl+{number}"), self, lambda k=key: self.show_page(k))
        self.today.entry_saved.connect(lambda _entry: self.diary.refresh())
        self.diary.changed.connect(self.today.refresh)
        self.data_section.changed.connect(self.refresh_all)
        self.stack.currentChanged.connect(self._on_stack_current_changed)
        self.retranslate_ui()

    def _on_stack_current_changed(self, index: int) -> None:
        page = self.stack.widget(index)
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()

    def retranslate_ui(self) -> None:
        for row, (_key, title) in enumerate(PAGES):
            item = self.nav.item(row)
            item.setText(_(title))
        self.nav.setAccessibleName(_("Sections"))
        self.demo_badge.setText(_("DEMO"))
        self.demo_badge.setAccessibleName(_("This is a demo diary with made-up entries"))
        self.lock_button.setText(_("&Lock (Ctrl+L)"))
        self.lock_button.setAccessibleName(_("Lock the diary"))
        self.banner_text.setText(
            _("Your latest change is held safely in Companion but is not saved to disk yet.")
        )
        self.retry_button.setText(_("&Retry saving"))
        self.retry_button.setAccessibleName(_("Retry saving"))

    def refresh_all(self) -> None:
        for page in self.pages.values():
            refresh = getattr(page, "refresh", None)
            if callable(refresh):
                refresh()

    def show_page(self, key: str) -> None:
        self.nav.setCurrentRow([k for k, _t in PAGES].index(key))

    def current_page(self) -> str:
        return PAGES[self.stack.currentIndex()][0]

    def set_unsaved(self, unsaved: bool) -> None:
        self.banner.setVisible(unsaved)
