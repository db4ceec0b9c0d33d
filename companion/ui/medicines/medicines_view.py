"""The Medicines page: my medicines (with reviews due and how helpful each one is) and what I've tried.

Companion keeps a record only and gives no advice about medicines; the page says so, always."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from companion.domain.changes import Changes
from companion.i18n import _
from companion.services.medicines import NO_ADVICE
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import PagePart
from companion.ui.medicines.my_medicines import MyMedicinesPage
from companion.ui.medicines.tried_page import TriedPage
from companion.ui.widgets import label

CONTENT_MAX_WIDTH = 920  # long lines are hard to read; each tab stays this wide at most


def _scrolled(page: QWidget, name: str) -> QScrollArea:
    """The page in a scroll area that never scrolls sideways, so it fits at large text sizes."""
    page.setMaximumWidth(CONTENT_MAX_WIDTH)
    holder = QWidget()
    row = QHBoxLayout(holder)
    row.setContentsMargins(8, 12, 8, 12)
    row.addWidget(page, 1)
    row.addStretch(0)
    scroll = QScrollArea()
    scroll.setObjectName(name)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setWidget(holder)
    return scroll


class MedicinesView(PagePart, QWidget):
    interests = Changes(medicines=True)
    changed = Signal()
    save_failed = Signal(object)  # SaveFailedError: the change is held in memory, not yet on disk

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        session = diary.session
        self._diary = diary
        self.setObjectName("medicinesView")
        self._session = session
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        self.heading = label("heading")
        self.heading.setObjectName("medicinesHeading")
        self.no_advice = label()
        self.no_advice.setObjectName("medicinesNoAdvice")
        font = self.no_advice.font()
        font.setBold(True)
        self.no_advice.setFont(font)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("medicinesTabs")
        self.mine = MyMedicinesPage(session)
        self.tried = TriedPage(session)
        self.mine_scroll = _scrolled(self.mine, "myMedicinesScroll")
        self.tried_scroll = _scrolled(self.tried, "triedScroll")
        self.tabs.addTab(self.mine_scroll, "")
        self.tabs.addTab(self.tried_scroll, "")
        outer.addWidget(self.heading)
        outer.addWidget(self.no_advice)
        outer.addWidget(self.tabs, 1)

        for page in (self.mine, self.tried):
            page.changed.connect(self.changed)
            page.save_failed.connect(self.save_failed)
        self.retranslate_ui()
        self.changed.connect(lambda: diary.announce(self.interests))  # interim: until its writes use diary.run
        diary.host.add(self)

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Medicines"))
        self.no_advice.setText(_(NO_ADVICE))
        self.tabs.setTabText(0, _("My medicines"))
        self.tabs.setTabText(1, _("What I've tried"))
        self.tabs.setAccessibleName(_("Medicines sections"))
        self.mine_scroll.setAccessibleName(_("My medicines"))
        self.tried_scroll.setAccessibleName(_("What I've tried"))
        # The pages retranslate themselves on LanguageChange; a direct call here keeps both in step.
        self.mine.retranslate_ui()
        self.tried.retranslate_ui()

    def refresh(self) -> None:
        if not self._session.is_open:
            return
        self.mine.refresh()
        self.tried.refresh()
