"""The unlocked diary: navigation on the left (Today first), the chosen screen on the right.

Only Today is built at unlock; every other section is built the first time it is shown or asked for (its
attribute, `pages[key]`), so unlocking a ten-year diary does not load every screen's data first."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, cast

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
from companion.ui.flare.flare_mode import FlareModeView  # flare mode
from companion.ui.widgets import Retranslatable, label

if TYPE_CHECKING:
    from companion.ui.diary.diary_view import DiaryView
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
    page_built = Signal(str, QWidget)  # (key, page): a section was just built

    def __init__(self, context: AppContext, session: DiarySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainView")
        self.session = session
        self.context = context
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
        self._built: dict[str, QWidget] = {}
        self._fresh: QWidget | None = None  # just built (and so just refreshed): no second refresh on show
        self._factories: dict[str, Callable[[], QWidget]] = {
            "today": self._make_today,
            "diary": self._make_diary,
            "pacing": self._make_pacing,
            "plan": self._make_plan,
            "goals": self._make_goals,
            "medicines": self._make_medicines,
            "trends": self._make_trends,
            "summary": self._make_summary,
            "support": self._make_support,
            "settings": self._make_settings,
        }
        self.pages: Mapping[str, QWidget] = _Pages(self)
        for _key, _title in PAGES:
            self.stack.addWidget(QWidget())  # a placeholder until the section is first shown
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, _key)
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
        self.page("today")
        self.stack.setCurrentIndex(0)
        self.nav.currentRowChanged.connect(self._show_row)
        self.lock_button.clicked.connect(self.lock_requested)
        self.retry_button.clicked.connect(self.retry_save_requested)
        self.nav.setCurrentRow(0)
        # Ctrl+1, Ctrl+2, ... Ctrl+9, then Ctrl+0 move between sections from anywhere.
        for number, (key, _title) in enumerate(PAGES, start=1):
            if number <= 10:
                QShortcut(QKeySequence(f"Ctrl+{number % 10}"), self, lambda k=key: self.show_page(k))
        self.stack.currentChanged.connect(self._on_stack_current_changed)
        # --- flare mode ---
        self.flare_button.clicked.connect(self.open_flare_mode)
        self.flare_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F2), self, self.open_flare_mode)
        self.flare_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.flare_mode.closed.connect(self.leave_flare_mode)
        self.flare_mode.changed.connect(self.today.refresh)
        self.flare_mode.changed.connect(lambda: self._refresh_if_built("diary"))
        self.flare_mode.changed.connect(self.today.pacing.refresh)  # a flare started: offer a step-down
        # a click on the highlighted section while in flare mode leaves flare mode for that section
        self.nav.itemClicked.connect(lambda item: self.show_page(item.data(Qt.ItemDataRole.UserRole)))
        # --- end flare mode ---
        self.retranslate_ui()

    # --- sections, built when first needed -----------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The section `key`, built now if it has not been shown yet (it then takes its placeholder's place)."""
        page = self._built.get(key)
        if page is None:
            page = self._factories[key]()
            self._built[key] = page
            index = [k for k, _t in PAGES].index(key)
            placeholder = self.stack.widget(index)
            assert placeholder is not None
            self.stack.insertWidget(index, page)
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.page_built.emit(key, page)
        return page

    def built(self, key: str) -> QWidget | None:
        """The section `key` if it has been built, else None (it then holds nothing unsaved)."""
        return self._built.get(key)

    def built_pages(self) -> dict[str, QWidget]:
        return dict(self._built)

    def _refresh_if_built(self, key: str) -> None:
        page = self._built.get(key)
        refresh = getattr(page, "refresh", None)
        if callable(refresh):
            refresh()

    def _show_row(self, row: int) -> None:
        if not 0 <= row < len(PAGES):
            return
        key = PAGES[row][0]
        new = key not in self._built
        page = self.page(key)
        self._fresh = page if new else None  # built just now, so already refreshed
        self.stack.setCurrentWidget(page)
        self._fresh = None

    def _make_today(self) -> QWidget:
        from companion.ui.today.today_view import TodayView

        today = TodayView(self.session)
        today.entry_saved.connect(lambda _entry: self._refresh_if_built("diary"))
        today.pacing.changed.connect(lambda: self._refresh_if_built("pacing"))
        today.doses.changed.connect(lambda: self._refresh_if_built("medicines"))
        return today

    def _make_diary(self) -> QWidget:
        from companion.ui.diary.diary_view import DiaryView

        diary = DiaryView(self.session)
        diary.changed.connect(self.today.refresh)
        return diary

    def _make_pacing(self) -> QWidget:
        from companion.ui.pacing.pacing_view import PacingView

        pacing = PacingView(self.session)
        pacing.changed.connect(self.today.pacing.refresh)
        return pacing

    def _make_plan(self) -> QWidget:
        from companion.ui.flare.plan_editor import FlarePlanEditor

        plan = FlarePlanEditor(self.session)
        plan.open_flare_mode_requested.connect(self.open_flare_mode)
        plan.saved.connect(lambda _plan: self.flare_mode.refresh())
        return plan

    def _make_goals(self) -> QWidget:
        from companion.ui.goals.goals_view import GoalsView

        return GoalsView(self.session)

    def _make_medicines(self) -> QWidget:
        from companion.ui.medicines.medicines_view import MedicinesView

        medicines = MedicinesView(self.session)
        medicines.changed.connect(self.today.doses.refresh)
        return medicines

    def _make_trends(self) -> QWidget:
        from companion.ui.trends.trends_view import TrendsView

        return TrendsView(self.session)

    def _make_summary(self) -> QWidget:
        from companion.ui.summary.summary_view import SummaryView

        return SummaryView(self.session)

    def _make_support(self) -> QWidget:
        from companion.ui.support.support_view import SupportView

        return SupportView(self.session)

    def _make_settings(self) -> QWidget:
        from companion.ui.settings.data_section import DataSection
        from companion.ui.settings.settings_view import SettingsView

        settings = SettingsView(self.context.settings, self.session.path)
        self._data_section = DataSection(self.session)
        settings.add_section(self._data_section)
        self._data_section.changed.connect(self.refresh_all)
        return settings

    @property
    def today(self) -> TodayView:
        return cast("TodayView", self.page("today"))

    @property
    def diary(self) -> DiaryView:
        return cast("DiaryView", self.page("diary"))

    @property
    def pacing(self) -> PacingView:
        return cast("PacingView", self.page("pacing"))

    @property
    def plan(self) -> FlarePlanEditor:
        return cast("FlarePlanEditor", self.page("plan"))

    @property
    def goals(self) -> GoalsView:
        return cast("GoalsView", self.page("goals"))

    @property
    def medicines(self) -> MedicinesView:
        return cast("MedicinesView", self.page("medicines"))

    @property
    def trends(self) -> TrendsView:
        return cast("TrendsView", self.page("trends"))

    @property
    def summary(self) -> SummaryView:
        return cast("SummaryView", self.page("summary"))

    @property
    def support(self) -> SupportView:
        return cast("SupportView", self.page("support"))

    @property
    def settings(self) -> SettingsView:
        return cast("SettingsView", self.page("settings"))

    @property
    def data_section(self) -> DataSection:
        self.page("settings")
        return self._data_section

    def _on_stack_current_changed(self, index: int) -> None:
        page = self.stack.widget(index)
        fresh, self._fresh = self._fresh, None
        if page is fresh:
            return
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
        for page in list(self._built.values()):
            refresh = getattr(page, "refresh", None)
            if callable(refresh):
                refresh()
        self.flare_mode.refresh()  # flare mode

    def show_page(self, key: str) -> None:
        if key == "flare_mode":  # flare mode
            self.open_flare_mode()
            return
        self.nav.setCurrentRow([k for k, _t in PAGES].index(key))
        self.stack.setCurrentWidget(self.page(key))  # flare mode: also leaves it when the row was unchanged

    def current_page(self) -> str:
        if self.stack.currentWidget() is self.flare_mode:  # flare mode
            return "flare_mode"
        current = self.stack.currentWidget()
        return next((k for k, page in self._built.items() if page is current), PAGES[self.stack.currentIndex()][0])

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
        key = next((k for k, page in self._built.items() if page is previous), None)
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


class _Pages(Mapping[str, QWidget]):
    """`main_view.pages[key]`: every section by key; looking one up builds it if needed."""

    def __init__(self, view: MainView) -> None:
        self._view = view

    def __getitem__(self, key: str) -> QWidget:
        if key not in self._view._factories:
            raise KeyError(key)
        return self._view.page(key)

    def __iter__(self) -> Iterator[str]:
        return iter(k for k, _t in PAGES)

    def __len__(self) -> int:
        return len(PAGES)

    def __repr__(self) -> str:
        return f"<pages {sorted(self._view.built_pages())} built of {len(PAGES)}>"

