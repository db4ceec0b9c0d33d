"""The Pacing page: my activities (tests, baseline, plan) and boom-and-bust.

A page of the UI core: this part reads the list of activities; the chosen activity (activity_detail.py) and
boom-and-bust (built when its tab is first shown) are parts of their own."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from companion.domain import pacing as p
from companion.domain.changes import Changes
from companion.i18n import _, pgettext
from companion.presentation.pacing_words import UNIT_NAMES, format_amount
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft, PagePart
from companion.ui.layouts import scrolled_page, stack_when_narrow
from companion.ui.pacing.activity_detail import ActivityDetail
from companion.ui.pacing.boom_bust_view import BoomBustView
from companion.ui.widgets import label
from companion.ui.wrapping import WrappingTabs


def _scroll(widget: QWidget | None = None) -> QScrollArea:
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    if widget is not None:
        scroll.setWidget(widget)
    return scroll


class PacingView(PagePart, QWidget):
    interests = Changes(pacing=True)
    draft_key = "pacing"

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pacingView")
        self._diary = diary
        self._session = diary.session
        self._activities: list[tuple[p.Activity, float | None]] = []  # with each one's planned amount
        self._day = diary.clock.today()
        self._boom_bust: BoomBustView | None = None
        # The page scrolls as a whole when the detail goes under the list (large text); side by side, the
        # detail scrolls on its own in its place and the page fits the window.
        self._page, outer = scrolled_page(self)
        outer.setContentsMargins(24, 16, 24, 16)
        self.heading = label("heading")
        self.intro = label()
        self.tabs = WrappingTabs()
        self.tabs.setObjectName("pacingTabs")

        activities_page = QWidget()
        row = QHBoxLayout(activities_page)
        left = QVBoxLayout()
        self.list = QListWidget()
        self.list.setObjectName("activityList")
        self.list.setMinimumWidth(200)
        self.list.setMaximumWidth(300)
        self.list.setWordWrap(True)
        self.new_name = QLineEdit()
        self.new_name.setObjectName("newActivityName")
        self.new_unit = QComboBox()
        self.new_unit.setObjectName("newActivityUnit")
        for unit in p.Unit:
            if unit is not p.Unit.OWN:
                self.new_unit.addItem("", unit.value)
        self.add_button = QPushButton()
        self.add_button.setObjectName("addActivityButton")
        self.add_status = label()
        self.add_status.setObjectName("addActivityStatus")
        self.list_label = label("subheading")
        left.addWidget(self.list_label)
        left.addWidget(self.list, 1)
        left.addWidget(self.new_name)
        left.addWidget(self.new_unit)
        left.addWidget(self.add_button)
        left.addWidget(self.add_status)
        self.detail = ActivityDetail(diary)
        self.detail_scroll = _scroll(self.detail)
        row.addLayout(left)
        row.addWidget(self.detail_scroll, 1)
        # At large text sizes (or when the detail would be squeezed) it goes under the list, each shown whole.
        stack_when_narrow(activities_page, row, whole_when_stacked=(self.list, self.detail_scroll))

        self.boom_bust_scroll = _scroll()  # boom-and-bust is built when its tab is first shown
        # Its chart and levels may be wider than a narrow window at large text: let it scroll sideways then.
        self.boom_bust_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.tabs.addTab(activities_page, "")
        self.tabs.addTab(self.boom_bust_scroll, "")
        outer.addWidget(self.heading)
        outer.addWidget(self.intro)
        outer.addWidget(self.tabs, 1)

        self.list.currentItemChanged.connect(self._on_list_current_item_changed)
        self.add_button.clicked.connect(self.add_activity)
        self.new_name.returnPressed.connect(self.add_activity)
        self.detail.deleted.connect(self._on_detail_deleted)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.retranslate_ui()
        self.refresh()
        diary.host.add(self)

    def retranslate_ui(self) -> None:
        # Translators: the page heading, where the person first meets the word; Welsh adds "(pacing)".
        self.heading.setText(pgettext("heading", "Pacing"))
        self.intro.setText(
            _(
                "Pacing means doing a steady, planned amount on good days and bad days, and building up slowly. "
                "Stop when the plan says so, not when pain makes you."
            )
        )
        self.tabs.setTabText(0, _("My activities"))
        self.tabs.setTabText(1, _("Boom and bust"))
        self.tabs.setAccessibleName(_("Pacing sections"))
        self.list_label.setText(_("My activities"))
        self.list.setAccessibleName(_("Your activities"))
        self.new_name.setPlaceholderText(_("New activity, such as Walking"))
        self.new_name.setAccessibleName(_("Name of a new activity"))
        for index in range(self.new_unit.count()):
            self.new_unit.setItemText(index, _(UNIT_NAMES[p.Unit(self.new_unit.itemData(index))]))
        self.new_unit.setAccessibleName(_("What the new activity is counted in"))
        self.add_button.setText(_("&Add activity"))
        self.add_button.setAccessibleName(_("Add this activity"))
        self._render()

    # --- reading ---

    def refresh(self) -> None:
        """Read the activities and each one's planned amount (the only place this part reads the diary)."""
        pacing = self._session.pacing
        self._day = self._diary.clock.today()
        self._activities = [(a, pacing.target_on(a.id, ignore_days=True)) for a in pacing.activities()]
        self._render()
        ids = [activity.id for activity, _target in self._activities]
        if self.detail.activity_id not in ids:  # none chosen yet, or the chosen one is gone: the first
            self.detail.choose(ids[0] if ids else None)
        self._select_row(self.detail.activity_id)

    def _render(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for activity, target in self._activities:
            text = activity.name
            if target is not None:
                text = _("{activity}\n{amount} a planned day").format(
                    activity=activity.name, amount=format_amount(target, activity)
                )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, activity.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._select_row(self.detail.activity_id)

    def _select_row(self, activity_id: str | None) -> None:
        self.list.blockSignals(True)
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == activity_id:
                self.list.setCurrentRow(row)
                break
        self.list.blockSignals(False)

    def select(self, name: str) -> None:
        """Choose the activity called `name` (as the person would, in the list)."""
        for row in range(self.list.count()):
            if self.list.item(row).text().split("\n")[0] == name:
                self.list.setCurrentRow(row)
                return

    def _on_list_current_item_changed(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            self.detail.choose(item.data(Qt.ItemDataRole.UserRole))

    @property
    def boom_bust(self) -> BoomBustView:
        """Boom-and-bust, built (and read) the first time it is shown or asked for."""
        if self._boom_bust is None:
            self._boom_bust = BoomBustView(self._diary)
            self.boom_bust_scroll.setWidget(self._boom_bust)
        return self._boom_bust

    def _on_tabs_current_changed(self, index: int) -> None:
        if index == 1:
            self.boom_bust  # noqa: B018 (built now, as its tab shows)

    def showEvent(self, event: QShowEvent) -> None:
        if self._day != self._diary.clock.today():  # shown again on a later day: the week's plans may differ
            self.refresh()
        super().showEvent(event)

    # --- writing ---

    def add_activity(self) -> None:
        name, unit = self.new_name.text(), p.Unit(self.new_unit.currentData())
        done = self._diary.run(lambda: self._session.pacing.add_activity(name, unit), problem=self.add_status)
        if done is None:
            return
        self.new_name.clear()
        self.add_status.setText(_("Added. Now record a tolerance test."))
        self.detail.choose(done.value.id)
        self._select_row(done.value.id)
        self.detail.test_amount.setFocus()

    def _on_detail_deleted(self) -> None:
        self.add_status.setText(_("The activity was deleted."))

    # --- unsaved input over a lock ---

    def draft(self) -> Draft | None:
        name = self.new_name.text()
        return {"new_name": name, "new_unit": self.new_unit.currentData()} if name.strip() else None

    def restore(self, draft: Draft) -> None:
        self.new_name.setText(str(draft.get("new_name", "")))
        self.new_unit.setCurrentIndex(max(0, self.new_unit.findData(draft.get("new_unit"))))
        self.add_status.setText(_("The activity you were adding was kept when the diary locked. Add it when ready."))
