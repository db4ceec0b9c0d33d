"""The Pacing page: my activities (tests, baseline, plan) and boom-and-bust."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from companion.domain import pacing as p
from companion.domain.changes import Changes
from companion.domain.errors import SaveFailedError, ValidationError
from companion.i18n import _, pgettext
from companion.presentation.pacing_words import UNIT_NAMES, format_amount
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import PagePart
from companion.ui.layouts import stack_when_narrow
from companion.ui.pacing.activity_detail import ActivityDetail
from companion.ui.pacing.boom_bust_view import BoomBustView
from companion.ui.widgets import label


class PacingView(PagePart, QWidget):
    interests = Changes(pacing=True, flares=True)
    changed = Signal()
    save_failed = Signal(object)

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        session = diary.session
        self._diary = diary
        self.setObjectName("pacingView")
        self._session = session
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        self.heading = label("heading")
        self.intro = label()
        self.tabs = QTabWidget()
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
        self.detail = ActivityDetail(session)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.detail)
        self.detail_scroll = scroll
        row.addLayout(left)
        row.addWidget(scroll, 1)
        stack_when_narrow(activities_page, row)  # at large text sizes the detail goes under the list

        self.boom_bust = BoomBustView(session)
        bb_scroll = QScrollArea()
        bb_scroll.setWidgetResizable(True)
        bb_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        bb_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bb_scroll.setWidget(self.boom_bust)

        self.tabs.addTab(activities_page, "")
        self.tabs.addTab(bb_scroll, "")
        outer.addWidget(self.heading)
        outer.addWidget(self.intro)
        outer.addWidget(self.tabs, 1)

        self.list.currentItemChanged.connect(self._on_current_changed)
        self.add_button.clicked.connect(self.add_activity)
        self.new_name.returnPressed.connect(self.add_activity)
        self.detail.changed.connect(self._after_change)
        self.detail.deleted.connect(self._after_delete)
        self.detail.save_failed.connect(self.save_failed)
        self.boom_bust.save_failed.connect(self.save_failed)
        self.retranslate_ui()
        self.changed.connect(lambda: diary.announce(self.interests))  # interim: until its writes use diary.run
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
        self.refresh()

    def refresh(self) -> None:
        if not self._session.is_open:
            return
        current = self.detail.activity.id if self.detail.activity else None
        activities = self._session.pacing.activities()
        self.list.blockSignals(True)
        self.list.clear()
        for activity in activities:
            target = self._session.pacing.target_on(activity.id, ignore_days=True)
            text = activity.name
            if target is not None:
                text = _("{activity}\n{amount} a planned day").format(
                    activity=activity.name, amount=format_amount(target, activity)
                )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, activity.id)
            self.list.addItem(item)
        self.list.blockSignals(False)
        ids = [a.id for a in activities]
        if activities:
            index = ids.index(current) if current in ids else 0
            self.list.setCurrentRow(index)
            self.detail.show_activity(activities[index])
        else:
            self.detail.show_activity(None)
        if self.tabs.currentIndex() == 1:
            self.boom_bust.refresh()

    def select(self, name: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).text().split("\n")[0] == name:
                self.list.setCurrentRow(row)
                return

    def _on_current_changed(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        activity_id = item.data(Qt.ItemDataRole.UserRole)
        activity = next((a for a in self._session.pacing.activities() if a.id == activity_id), None)
        self.detail.show_activity(activity)

    def add_activity(self) -> None:
        try:
            activity, _changes = self._session.pacing.add_activity(
                self.new_name.text(), p.Unit(self.new_unit.currentData())
            )
        except ValidationError as exc:
            self.add_status.setText(exc.message())
            return
        except SaveFailedError as exc:
            self.save_failed.emit(exc)
            return
        self.new_name.clear()
        self.add_status.setText(_("Added. Now record a tolerance test."))
        self.detail.activity = activity
        self.refresh()
        self.changed.emit()
        self.detail.test_amount.setFocus()

    def _after_change(self) -> None:
        self.refresh()
        self.changed.emit()

    def _after_delete(self) -> None:
        self.add_status.setText(_("The activity was deleted."))
        self.refresh()
        self.changed.emit()
