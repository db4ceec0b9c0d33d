"""The unlocked diary: navigation on the left (Today first), the chosen screen on the right.

Only Today is built at unlock; every other section is built the first time it is shown or asked for (its
attribute, `pages[key]`). Sections never refresh each other: each registers with the page host
(ui/core/page.py) and hears the same change events, so this view only navigates."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from companion.i18n import N_, _
from companion.ui.core.diary import OpenDiary
from companion.ui.core.save_banner import SaveBanner, SaveIndicator
from companion.ui.flare.flare_mode import FlareModeView
from companion.ui.style import navigation_item_padding, navigation_point_size
from companion.ui.widgets import Retranslatable, label

if TYPE_CHECKING:
    from companion.ui.diary.diary_view import DiaryView
    from companion.ui.flare.plan_editor import FlarePlanEditor
    from companion.ui.goals.goals_view import GoalsView
    from companion.ui.medicines.medicines_view import MedicinesView
    from companion.ui.pacing.pacing_view import PacingView
    from companion.ui.settings.data_section import DataSection
    from companion.ui.settings.settings_view import SettingsView
    from companion.ui.story.story_view import StoryView
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
    ("story", N_("My story")),
    ("support", N_("Support")),
    ("settings", N_("Settings")),
)
KEYS = tuple(key for key, _title in PAGES)
SHORTCUTS = {key: f"Ctrl+{number % 10}" for number, key in enumerate(KEYS[:10], start=1)} | {"settings": "Ctrl+,"}
NAVIGATION_SHARE = 0.2  # of the window's width, at most (unless a single word needs more)
NAVIGATION_MIN_WIDTH = 180


def _factory(module: str, cls: str) -> Callable[[OpenDiary], QWidget]:
    """A section's constructor, imported when the section is first built (not at unlock)."""

    def make(diary: OpenDiary) -> QWidget:
        import importlib

        return cast(QWidget, getattr(importlib.import_module(module), cls)(diary))

    return make


FACTORIES: dict[str, Callable[[OpenDiary], QWidget]] = {
    "today": _factory("companion.ui.today.today_view", "TodayView"),
    "diary": _factory("companion.ui.diary.diary_view", "DiaryView"),
    "pacing": _factory("companion.ui.pacing.pacing_view", "PacingView"),
    "plan": _factory("companion.ui.flare.plan_editor", "FlarePlanEditor"),
    "goals": _factory("companion.ui.goals.goals_view", "GoalsView"),
    "medicines": _factory("companion.ui.medicines.medicines_view", "MedicinesView"),
    "story": _factory("companion.ui.story.story_view", "StoryView"),
    "trends": _factory("companion.ui.trends.trends_view", "TrendsView"),
    "summary": _factory("companion.ui.summary.summary_view", "SummaryView"),
    "support": _factory("companion.ui.support.support_view", "SupportView"),
    "settings": _factory("companion.ui.settings.settings_view", "SettingsView"),
}


class _NavigationNames(QStyledItemDelegate):
    """Each section name as tall as its lines when wrapped in the room the style sheet's padding leaves, and
    measured in bold (the chosen section is bold): Qt measures without the padding, so a name that needs two
    lines would get one and be cut short ("Flare-up …")."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        view = self.parent()
        if not isinstance(view, QListWidget):
            return hint
        pad_y, pad_x = navigation_item_padding(QApplication.font().pointSizeF())
        room = max(1, view.viewport().width() - 2 * pad_x - 6)
        font = QFont(option.font)
        font.setBold(True)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        lines = QFontMetrics(font).boundingRect(QRect(0, 0, room, 100_000), Qt.TextFlag.TextWordWrap, text)
        return QSize(hint.width(), max(hint.height(), lines.height() + 2 * pad_y))


class MainView(Retranslatable, QWidget):
    lock_requested = Signal()
    page_built = Signal(str, QWidget)  # (key, page): a section was just built

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainView")
        self.open_diary = diary
        self.session = diary.session
        self.context = diary.context
        layout = QHBoxLayout(self)
        side = QVBoxLayout()
        self.demo_badge = label("demo")
        self.demo_badge.setObjectName("demoBadge")
        self.demo_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_badge.setVisible(diary.context.demo)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setWordWrap(True)  # long names wrap onto a second line rather than widen the list
        self.nav.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.nav.setResizeMode(QListView.ResizeMode.Adjust)  # the rows wrap again when the width changes
        self.nav.setItemDelegate(_NavigationNames(self.nav))
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.lock_button = QPushButton()
        self.lock_button.setObjectName("lockButton")
        self.flare_button = QPushButton()  # always visible above the navigation (F2 from any page)
        self.flare_button.setObjectName("flareButton")
        self.flare_button.setMinimumHeight(56)
        self.flare_button.setStyleSheet("QPushButton#flareButton { font-weight: 700; padding: 8px 12px; }")
        self.save_indicator = SaveIndicator(diary.events)
        side.addWidget(self.demo_badge)
        side.addWidget(self.flare_button)
        side.addWidget(self.nav, 1)
        side.addWidget(self.save_indicator)
        side.addWidget(self.lock_button)
        right = QVBoxLayout()
        self.banner = SaveBanner(diary)
        self.stack = QStackedWidget()
        self._built: dict[str, QWidget] = {}
        self.pages: Mapping[str, QWidget] = _Pages(self)
        for key, _title in PAGES:
            self.stack.addWidget(QWidget())  # a placeholder until the section is first shown
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        self.flare_mode = FlareModeView(diary)  # a page in the stack that is not in the navigation list
        self.stack.addWidget(self.flare_mode)
        self._before_flare: QWidget | None = None
        self._focus_before_flare: QWidget | None = None
        right.addWidget(self.banner)
        right.addWidget(self.stack, 1)
        layout.addLayout(side)
        layout.addLayout(right, 1)
        self.page("today")
        self.stack.setCurrentIndex(0)
        self.nav.currentRowChanged.connect(self._on_nav_current_row_changed)
        self.lock_button.clicked.connect(self.lock_requested)
        self.nav.setCurrentRow(0)
        # Ctrl+1, Ctrl+2, ... Ctrl+9, then Ctrl+0 move between the first ten sections from anywhere; Settings,
        # the eleventh, is Ctrl+comma (the usual shortcut for settings).
        for key, sequence in SHORTCUTS.items():
            QShortcut(QKeySequence(sequence), self, lambda k=key: self.show_page(k))
        self.flare_button.clicked.connect(self.open_flare_mode)
        self.flare_shortcut = QShortcut(QKeySequence(Qt.Key.Key_F2), self, self.open_flare_mode)
        self.flare_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.flare_mode.closed.connect(self.leave_flare_mode)
        # a click on the highlighted section while in flare mode leaves flare mode for that section
        self.nav.itemClicked.connect(self._on_nav_item_clicked)
        self.retranslate_ui()

    # --- sections, built when first needed -----------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The section `key`, built now if it has not been shown yet (it then takes its placeholder's place)."""
        page = self._built.get(key)
        if page is None:
            page = FACTORIES[key](self.open_diary)
            self._built[key] = page
            index = KEYS.index(key)
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

    def _on_nav_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(KEYS):
            self.stack.setCurrentWidget(self.page(KEYS[row]))

    def _on_nav_item_clicked(self, item: QListWidgetItem) -> None:
        key = item.data(Qt.ItemDataRole.UserRole)
        self.show_page(key)
        if key == "today":  # a click leaves the keys to Today's pain scale: a number key is a score at once
            picker = self.today.picker
            picker.buttons[picker.score() or 0].setFocus(Qt.FocusReason.MouseFocusReason)

    def show_page(self, key: str) -> None:
        if key == "flare_mode":
            self.open_flare_mode()
            return
        self.nav.setCurrentRow(KEYS.index(key))
        self.stack.setCurrentWidget(self.page(key))  # also leaves flare mode when the row was unchanged

    def current_page(self) -> str:
        current = self.stack.currentWidget()
        if current is self.flare_mode:
            return "flare_mode"
        return next((k for k, page in self._built.items() if page is current), KEYS[self.stack.currentIndex()])

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
    def story(self) -> StoryView:
        return cast("StoryView", self.page("story"))

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
        return self.settings.data_section

    def retranslate_ui(self) -> None:
        self._fit_navigation()
        for row, (_key, title) in enumerate(PAGES):
            self.nav.item(row).setText(_(title))
        self.nav.setAccessibleName(_("Sections"))
        self.demo_badge.setText(_("DEMO"))
        self.demo_badge.setAccessibleName(_("This is a demo diary with made-up entries"))
        self.lock_button.setText(_("&Lock (Ctrl+L)"))
        self.lock_button.setAccessibleName(_("Lock the diary"))
        self.flare_button.setText(_("Flare-up (F2)"))
        self.flare_button.setAccessibleName(_("Open flare mode"))

    def _fit_navigation(self) -> None:
        """As wide as the longest section name in the current language and text size, but never more than a
        fifth of the window (long names wrap onto a second line instead), and never narrower than the longest
        single word, so no word is cut. The list's style sheet sets its items' size (style.py)."""
        font = QFont(self.font())
        font.setPointSizeF(navigation_point_size(font.pointSizeF()))
        font.setBold(True)
        metrics = QFontMetrics(font)
        titles = [_(title) for _key, title in PAGES]
        padding = 56  # the items' padding, the list's frame and a vertical scroll bar should one be needed
        whole = max(metrics.horizontalAdvance(t) for t in titles) + padding
        word = max(metrics.horizontalAdvance(w) for t in titles for w in t.split()) + padding
        share = round(self.width() * NAVIGATION_SHARE) if self.width() > 0 else whole
        width = max(word, min(whole, max(share, NAVIGATION_MIN_WIDTH)))
        if width != self.nav.width():
            self.nav.setFixedWidth(width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_navigation()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:  # the text size setting
            self._fit_navigation()

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
        if key in KEYS:
            self.nav.setCurrentRow(KEYS.index(key))
        self.stack.setCurrentWidget(previous)
        focus, self._focus_before_flare = self._focus_before_flare, None
        try:
            if focus is not None and focus.isVisible():
                focus.setFocus(Qt.FocusReason.OtherFocusReason)
            else:
                self.flare_button.setFocus(Qt.FocusReason.OtherFocusReason)
        except RuntimeError:  # the widget that had focus is gone
            self.flare_button.setFocus(Qt.FocusReason.OtherFocusReason)


class _Pages(Mapping[str, QWidget]):
    """`main_view.pages[key]`: every section by key; looking one up builds it if needed."""

    def __init__(self, view: MainView) -> None:
        self._view = view

    def __getitem__(self, key: str) -> QWidget:
        if key not in FACTORIES:
            raise KeyError(key)
        return self._view.page(key)

    def __iter__(self) -> Iterator[str]:
        return iter(KEYS)

    def __len__(self) -> int:
        return len(KEYS)

    def __repr__(self) -> str:
        return f"<pages {sorted(self._view.built_pages())} built of {len(KEYS)}>"
