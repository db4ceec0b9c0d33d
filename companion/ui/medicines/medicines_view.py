"""The Medicines page: my medicines (with reviews due and how helpful each one is) and what I've tried.

Companion keeps a record only and gives no advice about medicines; the page says so, always. Each tab is a
part of the UI core of its own (it reads the diary when a medicine changes and it is on screen); this page
only holds them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from companion.i18n import _
from companion.services.medicines import NO_ADVICE
from companion.ui.core.diary import OpenDiary
from companion.ui.medicines.my_medicines import MyMedicinesPage
from companion.ui.medicines.tried_page import TriedPage
from companion.ui.widgets import Retranslatable, label
from companion.ui.wrapping import WrappingTabs

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


class MedicinesView(Retranslatable, QWidget):
    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("medicinesView")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        self.heading = label("heading")
        self.heading.setObjectName("medicinesHeading")
        self.no_advice = label()
        self.no_advice.setObjectName("medicinesNoAdvice")
        font = self.no_advice.font()
        font.setBold(True)
        self.no_advice.setFont(font)
        self.tabs = WrappingTabs()  # titles wrap at large text and in Welsh, never scroll out of sight
        self.tabs.setObjectName("medicinesTabs")
        self.mine = MyMedicinesPage(diary)
        self.tried = TriedPage(diary)
        self.mine_scroll = _scrolled(self.mine, "myMedicinesScroll")
        self.tried_scroll = _scrolled(self.tried, "triedScroll")
        self.tabs.addTab(self.mine_scroll, "")
        self.tabs.addTab(self.tried_scroll, "")
        outer.addWidget(self.heading)
        outer.addWidget(self.no_advice)
        outer.addWidget(self.tabs, 1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Medicines"))
        self.no_advice.setText(_(NO_ADVICE))
        self.tabs.setTabText(0, _("My medicines"))
        self.tabs.setTabText(1, _("What I've tried"))
        self.tabs.setAccessibleName(_("Medicines sections"))
        self.mine_scroll.setAccessibleName(_("My medicines"))
        self.tried_scroll.setAccessibleName(_("What I've tried"))
        # The pages retranslate themselves on LanguageChange (from what they last read; no reading).
