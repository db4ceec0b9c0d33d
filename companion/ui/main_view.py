"""The unlocked diary: navigation on the left (Today first), the chosen screen on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
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
from companion.ui.flare.flare_mode import FlareModeView  # flare mode
from companion.ui.flare.plan_editor import FlarePlanEditor
from companion.ui.goals.goals_view import GoalsView
from companion.ui.medicines.medicines_view import MedicinesView
from companion.ui.pacing.pacing_view import PacingView
from companion.ui.settings.data_section import DataSection
from companion.ui.settings.settings_view import SettingsView
from companion.ui.summary.summary_view import SummaryView
from companion.ui.support.support_view import SupportView
from companion.ui.today.today_view import TodayView
from companion.ui.trends.trends_view import TrendsView
from companion.ui.widgets import Retranslatable, label

PAGES = (
    ("today", N_("Today")),
    ("diary", N_("Diary")),
    ("pacing", N_("Pacing")),
    ("plan", N_("Flare-up plan")),
    ("goals", N_("Goals")),
    ("medicines", N_("Medicines")),
    ("trends", N_("Trends")),
    ("summary", N_("Summary")),
    ("support", N_("Support")),
    ("settings", N_("Settings")),
)


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
        self.nav.setWordWrap(True)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lock_button = QPushButton()
        self.lock_button.setObjectName("lockButton")
        # --- flare mode: an always-visible button above the navigation (F2 from any page) ---
        self.flare_button = QPushButton()
        self.flare_button.setObjectName("flareButton")
        self.flare_button.setMinimumHeight(56)
        self.flare_button.setStyleSheet("QPushButton#flareButton { font-weight: 700; padding: 8px 12px; }")
        # --- end flare mode ---
        side.addWidget(self.demo_badge)
        side.addWidget(self.flare_button)  # flare mode
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
        self.plan = FlarePlanEditor(session)
        self.pacing = PacingView(session)
        self.goals = GoalsView(session)
        self.medicines = MedicinesView(session)
        self.trends = TrendsView(session)
        self.summary = SummaryView(session)
        self.support = SupportView(session)
        self.pages: dict[str, QWidget] = {
            "today": self.today,
            "diary": self.diary,
            "pacing": self.pacing,
            "plan": self.plan,
            "goals": self.goals,
            "medicines": self.medicines,
            "trends": self.trends,
            "summary": self.summary,
            "support": self.support,
            "settings": self.settings,
        }
        for key, _title in PAGES:
            self.stack.addWidget(self.pages[key])
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        # --- flare mode: a page in the stack that is not in the navigation list ---
        self.flare_mode = FlareModeView(session)
        self.stack.addWidget(self.flare_mode)
        self._before_flare: QWidget | None = None
        self._focus_before_flare: QWidget | None = None
        # --- end flare mode ---
        right.addWidget(self.banner)
        right.addWidget(self.stack, 1)
        layout.addLayout(side)
        layout.addLayout(right, 1)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.lock_button.clicked.connect(self.lock_requested)
        self.retry_button.clicked.connect(self.retry_save_requested)
        self.nav.setCurrentRow(0)
        # Ctrl+1, Ctrl+2, ... Ctrl+9, then Ctrl+0 move between sections from anywhere.
        for number, (key, _title) in enumerate(PAGES, start=1):
            if number <= 10:
                QShortcut(QKeySequence(f"Ctrl+{number % 10}"), self, lambda k=key: self.show_page(k))
        self.today.entry_saved.connect(lambda _entry: self.diary.refresh())
        self.diary.changed.connect(self.today.refresh)
        self.data_section.changed.connect(self.refresh_all)
        self.pacing.changed.connect(self.today.pacing.refresh)
        self.today.pacing.changed.connect(self.pacing.refresh)
        self.medicines.changed.connect(self.today.doses.refresh)
        self.today.doses.changed.connect(self.medicines.refresh)
        self.stack.currentChanged.connect(self._on_stack_current_changed)
        # --- flare mode ---
        self.flare_button.clicked.connect(self.open_flare_mode)
        self.flare_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F2), self, self.open_flare_mode)
        self.flare_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.flare_mode.closed.connect(self.leave_flare_mode)
        self.plan.open_flare_mode_requested.connect(self.open_flare_mode)
        self.plan.saved.connect(lambda _plan: self.flare_mode.refresh())
        self.flare_mode.changed.connect(self.today.refresh)
        self.flare_mode.changed.connect(self.diary.refresh)
        self.flare_mode.changed.connect(self.today.pacing.refresh)  # a flare started: offer a step-down
        # a click on the highlighted section while in flare mode leaves flare mode for that section
        self.nav.itemClicked.connect(lambda item: self.show_page(item.data(Qt.ItemDataRole.UserRole)))
        # --- end flare mode ---
        self.retranslate_ui()

    def _on_stack_current_changed(self, index: int) -> None:
        page = self.stack.widget(index)
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()

    def retranslate_ui(self) -> None:
        self._fit_navigation()
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
        self.flare_button.setText(_("Flare-up (F2)"))  # flare mode
        self.flare_button.setAccessibleName(_("Open flare mode"))  # flare mode

    def _fit_navigation(self) -> None:
        """Wide enough for the longest section name in the current language and text size (the list's
        style sheet draws its items at 1.25 times the app font); long names wrap rather than clip."""
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        longest = max(QFontMetrics(font).horizontalAdvance(_(title)) for _key, title in PAGES)
        self.nav.setFixedWidth(max(200, min(longest + 56, 420)))

    def refresh_all(self) -> None:
        for page in self.pages.values():
            refresh = getattr(page, "refresh", None)
            if callable(refresh):
                refresh()
        self.flare_mode.refresh()  # flare mode

    def show_page(self, key: str) -> None:
        if key == "flare_mode":  # flare mode
            self.open_flare_mode()
            return
        self.nav.setCurrentRow([k for k, _t in PAGES].index(key))
        self.stack.setCurrentWidget(self.pages[key])  # flare mode: also leaves it when the row was unchanged

    def current_page(self) -> str:
        if self.stack.currentWidget() is self.flare_mode:  # flare mode
            return "flare_mode"
        current = self.stack.currentWidget()
        return next((k for k, page in self.pages.items() if page is current), PAGES[self.stack.currentIndex()][0])

    # --- flare mode ---------------------------------------------------------------------------------------

    def open_flare_mode(self) -> None:
        """One step from any page: the flare plan in large type. Leaving returns to the page shown before."""
        if self.stack.currentWidget() is self.flare_mode:
            self.flare_mode.focus_first()
            return
        self._before_flare = self.stack.currentWidget()
        focus = QApplication.focusWidget()
        self._focus_before_flare = focus if focus is not None and self.isAncestorOf(focus) else None
        self.stack.setCurrentWidget(self.flare_mode)
        self.flare_mode.open()

    def leave_flare_mode(self) -> None:
        if self.stack.currentWidget() is not self.flare_mode:
            return
        previous = self._before_flare if self._before_flare is not None else self.today
        key = next((k for k, page in self.pages.items() if page is previous), None)
        keys = [k for k, _t in PAGES]
        if key in keys:
            self.nav.setCurrentRow(keys.index(key))
        self.stack.setCurrentWidget(previous)
        focus, self._focus_before_flare = self._focus_before_flare, None
        try:
            if focus is not None and focus.isVisible():
                focus.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self.flare_button.setFocus(Qt.FocusReason.OtherFocusReason)
        except RuntimeError:  # the widget that had focus is gone
            self.flare_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- end flare mode -----------------------------------------------------------------------------------

    def set_unsaved(self, unsaved: bool) -> None:
        self.banner.setVisible(unsaved)
