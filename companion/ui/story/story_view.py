"""My story: the timeline, appointments before and after, decisions made together and medicine review plans,
each a tab that is a part of its own (ui/core/page.py): a tab not on screen reads nothing until shown."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from companion.domain.changes import Changes
from companion.i18n import _
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import PagePart
from companion.ui.story.appointments_panel import AppointmentsPanel
from companion.ui.story.decisions_panel import DecisionsPanel
from companion.ui.story.review_panel import ReviewPlansPanel
from companion.ui.story.timeline import TimelinePanel
from companion.ui.widgets import label
from companion.ui.wrapping import WrappingTabs


class StoryView(PagePart, QWidget):
    """The page itself shows nothing from the diary; its tabs do."""

    interests = Changes()

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storyView")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        self.heading = label("heading")
        self.intro = label()
        self.tabs = WrappingTabs()  # titles wrap at large text and in Welsh, never scroll out of sight
        self.tabs.setObjectName("storyTabs")
        self.timeline = TimelinePanel(diary)
        self.appointments = AppointmentsPanel(diary)
        self.decisions = DecisionsPanel(diary)
        self.reviews = ReviewPlansPanel(diary)
        for panel in (self.timeline, self.appointments, self.decisions, self.reviews):
            self.tabs.addTab(panel, "")
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.tabs, 1)
        self.retranslate_ui()
        diary.host.add(self)

    def refresh(self) -> None:
        """Nothing of its own to read: each tab reads what it shows."""

    def retranslate_ui(self) -> None:
        self.heading.setText(_("My story"))
        self.intro.setText(_("Your own record between appointments, in your words, so you tell your story once."))
        for index, title in enumerate((_("Timeline"), _("Appointments"), _("Decisions"), _("Reviews"))):
            self.tabs.setTabText(index, title)
        self.tabs.setAccessibleName(_("Parts of My story"))
