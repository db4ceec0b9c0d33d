"""Goals: what matters to me (kept current, earlier versions dated), my goals with steps and my own 0-10
rating, and the week's action plans with ticks and the weekly check-back.

The page only holds the three tabs; each tab is a part of the UI core of its own, reading its own data and
refreshed by the page host when goals change (a tab not shown refreshes when it is next shown)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from companion.i18n import _
from companion.ui.core.diary import OpenDiary
from companion.ui.goals.goals_section import GoalsSection
from companion.ui.goals.plans_section import PlansSection
from companion.ui.goals.section import scrolled
from companion.ui.goals.what_matters_section import WhatMattersSection
from companion.ui.widgets import Retranslatable, label
from companion.ui.wrapping import WrappingTabs


class GoalsView(Retranslatable, QWidget):
    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("goalsView")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        self.heading = label("heading")
        self.tabs = WrappingTabs()  # titles wrap at large text and in Welsh, never scroll out of sight
        self.tabs.setObjectName("goalsTabs")
        self.what_matters = WhatMattersSection(diary)
        self.goals = GoalsSection(diary)
        self.plans = PlansSection(diary)
        self.tabs.addTab(scrolled(self.what_matters), "")
        self.tabs.addTab(self.goals, "")
        self.tabs.addTab(self.plans, "")
        outer.addWidget(self.heading)
        outer.addWidget(self.tabs, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Goals"))
        self.tabs.setTabText(0, _("What matters to me"))
        self.tabs.setTabText(1, _("My goals"))
        self.tabs.setTabText(2, _("Weekly action plans"))
        self.tabs.setAccessibleName(_("Goals sections"))
