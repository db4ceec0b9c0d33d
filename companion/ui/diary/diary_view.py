"""The Diary screen: filters, the days found (newest first), the chosen day's check-ins, delete with undo.

A page of the UI core: it reads the diary only in `refresh()` (when a check-in or tag changes and it is
shown, or when the filters change), writes through `diary.run`, and a hidden Diary costs a check-in nothing."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QWidget,
)

from companion.domain.changes import Changes
from companion.domain.checkin import Checkin
from companion.i18n import _, ngettext
from companion.i18n.formatting import format_date, format_time, format_weekday_date
from companion.services.diary import DiaryDay, DiaryFilter
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import PagePart
from companion.ui.diary.day_view import DayView
from companion.ui.diary.filter_bar import FilterBar
from companion.ui.diary.tag_manager_dialog import TagManagerDialog
from companion.ui.layouts import scrolled_page, tall_in_page
from companion.ui.widgets import label

DAY_ROLE = Qt.ItemDataRole.UserRole
UNDO_BAR_STYLE = "QFrame#diaryUndoBar { border: 2px solid palette(highlight); border-radius: 6px; }"


def day_sentence(day: DiaryDay, today: dt.date) -> str:
    """One whole sentence for a day in the list: the date, how many check-ins, the highest pain."""
    when = format_weekday_date(day.day) if day.day.year == today.year else format_date(day.day, "full")
    n = len(day.entries)
    if day.highest_pain is None:
        text = ngettext("{date}: {n} entry, no pain score", "{date}: {n} entries, no pain score", n)
        return text.format(date=when, n=n)
    text = ngettext("{date}: {n} entry, highest pain {score}", "{date}: {n} entries, highest pain {score}", n)
    return text.format(date=when, n=n, score=day.highest_pain)


class DiaryView(PagePart, QWidget):
    interests = Changes(pain_entries=True, tags=True)
    edit_requested = Signal(str)  # entry id: the check-in editor opens for it

    UNDO_MS = 15_000  # how long the undo bar waits (longer while its button has the focus)

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary = diary
        self.setObjectName("diaryView")
        self._session = diary.session
        self._filter = DiaryFilter()
        self._days: list[DiaryDay] = []
        self._today = diary.clock.today()
        self._deleted: Checkin | None = None
        self.tag_manager: TagManagerDialog | None = None

        self.heading = label("heading")
        self.heading.setObjectName("diaryHeading")
        self.manage_tags_button = QPushButton()
        self.manage_tags_button.setObjectName("manageTagsButton")
        self.filter_bar = FilterBar(self._today)
        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("diaryUndoBar")
        self.undo_bar.setStyleSheet(UNDO_BAR_STYLE)
        self.undo_text = label()
        self.undo_text.setObjectName("diaryUndoText")
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("diaryUndoButton")
        undo_row = QHBoxLayout(self.undo_bar)
        undo_row.setContentsMargins(10, 6, 10, 6)
        undo_row.addWidget(self.undo_text, 1)
        undo_row.addWidget(self.undo_button)
        self.undo_bar.hide()
        self.summary = label("subheading")
        self.summary.setObjectName("diarySummary")
        self.day_list = QListWidget()
        self.day_list.setObjectName("diaryDays")
        self.day_list.setWordWrap(True)
        self.day_list.setAlternatingRowColors(True)
        self.day_list.setSpacing(2)
        self.day_list.setResizeMode(QListWidget.ResizeMode.Adjust)  # re-wrap the sentences on resize
        self.day_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.day_list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.day_list.setMinimumWidth(260)
        self.day_view = DayView()
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.day_list)
        self.splitter.addWidget(self.day_view)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(self.UNDO_MS)

        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.manage_tags_button, 0, Qt.AlignmentFlag.AlignTop)
        # The page scrolls when large text makes the filters tall; the days and the day's check-ins keep most
        # of the window's height rather than being squeezed into a strip under them.
        _content, outer = scrolled_page(self)
        outer.setContentsMargins(32, 24, 32, 24)
        tall_in_page(self.splitter)
        outer.addLayout(top)
        outer.addWidget(self.filter_bar)
        outer.addSpacing(4)
        outer.addWidget(self.undo_bar)
        outer.addWidget(self.summary)
        outer.addWidget(self.splitter, 1)

        # Reading order: Manage tags, the filters, Undo (when shown), the days, then the day's check-ins.
        self.setTabOrder(self.manage_tags_button, self.filter_bar.from_check)
        self.setTabOrder(self.filter_bar.clear_button, self.undo_button)
        self.setTabOrder(self.undo_button, self.day_list)

        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo_delete)
        self.filter_bar.filter_changed.connect(self._on_filter_bar_filter_changed)
        self.day_list.currentRowChanged.connect(self._on_day_list_current_row_changed)
        self.day_list.activated.connect(self._on_day_list_activated)
        self.day_view.edit_requested.connect(self.edit_requested)
        self.day_view.delete_requested.connect(self.delete_entry)
        self.undo_button.clicked.connect(self.undo_delete)
        self._undo_timer.timeout.connect(self._on_undo_timer_timeout)
        self.manage_tags_button.clicked.connect(self.open_tag_manager)
        self.edit_requested.connect(self._on_edit_requested)
        self.refresh()
        self.retranslate_ui()
        diary.host.add(self)

    def _on_edit_requested(self, entry_id: str) -> None:
        from companion.ui.checkin.checkin_dialog import CheckinEditDialog

        CheckinEditDialog.open_for(self._diary, entry_id, self.window())

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Diary"))
        self.manage_tags_button.setText(_("Manage ta&gs…"))
        self.manage_tags_button.setAccessibleName(_("Manage tags: rename or merge them"))
        self.day_list.setAccessibleName(_("Days found, newest first"))
        self.day_list.setAccessibleDescription(_("Press Enter to go to the chosen day's check-ins."))
        self.undo_button.setText(_("&Undo"))
        self.undo_button.setAccessibleName(_("Undo the delete (Ctrl+Z)"))
        self.undo_button.setToolTip(_("Undo the delete (Ctrl+Z)"))
        self.undo_bar.setAccessibleName(_("Entry deleted"))
        self._update_undo_text()
        self._render()

    # --- finding --------------------------------------------------------------------------------------------

    @property
    def days(self) -> list[DiaryDay]:
        return list(self._days)

    @property
    def current_filter(self) -> DiaryFilter:
        return self._filter

    def set_filter(self, criteria: DiaryFilter) -> None:
        self._filter = criteria
        self.refresh()

    def refresh(self) -> None:
        """Run the current filter again and show the results, keeping the chosen day where possible (the
        only place this page reads the diary)."""
        diary = self._session.diary
        self._today = self._diary.clock.today()
        self.filter_bar.set_today(self._today)
        self.filter_bar.set_tags(diary.tag_names())
        self._days = diary.search(self._filter)
        self._render()

    def _render(self) -> None:
        """Show the days last read, in the current language (no reading)."""
        chosen = self.selected_day()
        row = max(self.day_list.currentRow(), 0)
        self.day_list.blockSignals(True)
        self.day_list.clear()
        for day in self._days:
            text = day_sentence(day, self._today)
            item = QListWidgetItem(text)
            item.setData(DAY_ROLE, day.day)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
            self.day_list.addItem(item)
        self.day_list.blockSignals(False)
        count = len(self._days)
        self.summary.setText(ngettext("{n} day found", "{n} days found", count).format(n=count))
        days = [d.day for d in self._days]
        if chosen in days:
            self.day_list.setCurrentRow(days.index(chosen))
        elif days:
            self.day_list.setCurrentRow(min(row, count - 1))
        self._on_day_list_current_row_changed()

    def selected_day(self) -> dt.date | None:
        item = self.day_list.currentItem()
        day = item.data(DAY_ROLE) if item is not None else None
        return day if isinstance(day, dt.date) else None

    def select_day(self, day: dt.date) -> bool:
        """Choose a day in the list (False when the current filters don't show it)."""
        for row in range(self.day_list.count()):
            if self.day_list.item(row).data(DAY_ROLE) == day:
                self.day_list.setCurrentRow(row)
                return True
        return False

    def _on_filter_bar_filter_changed(self, criteria: DiaryFilter) -> None:
        self.set_filter(criteria)

    def _on_day_list_current_row_changed(self, *_args: object) -> None:
        row = self.day_list.currentRow()
        if 0 <= row < len(self._days):
            self.day_view.show_day(self._days[row])
            self.setTabOrder(self.day_list, self.day_view.cards[0])
        elif self._filter == DiaryFilter():
            self.day_view.show_day(None, _("Nothing in your diary yet. Check-ins you save on Today appear here."))
        elif not self._days:
            self.day_view.show_day(
                None, _("No check-ins match these filters. Change or clear the filters to see more.")
            )
        else:
            self.day_view.show_day(None)

    def _on_day_list_activated(self, *_args: object) -> None:
        self.day_view.focus_entry()

    # --- deleting, with undo --------------------------------------------------------------------------------

    def delete_entry(self, entry_id: str) -> None:
        """Delete at once and offer Undo (the bar's button or Ctrl+Z)."""
        ids = self.day_view.entry_ids()
        position = ids.index(entry_id) if entry_id in ids else 0
        done = self._diary.run(lambda: self._session.diary.delete_entry(entry_id), where=self)
        if done is None or done.value is None:  # refused, or already gone
            return
        self._deleted = done.value
        self._update_undo_text()
        self.undo_bar.show()
        self._undo_timer.start()
        remaining = self.day_view.entry_ids()  # the page host has shown the diary without it
        if remaining:
            self.day_view.focus_entry(remaining[min(position, len(remaining) - 1)])
        else:
            self.day_list.setFocus()

    def undo_delete(self) -> bool:
        """Put the last deleted check-in back, with the same id. False when there is nothing to undo."""
        if self._deleted is None:
            return False
        snapshot, self._deleted = self._deleted, None
        self._undo_timer.stop()
        self.undo_bar.hide()
        if self._diary.run(lambda: (snapshot, self._session.diary.restore_entry(snapshot)), where=self) is None:
            return False
        if self.select_day(snapshot.local_day):
            self.day_view.focus_entry(snapshot.id)
        else:
            self.day_list.setFocus()
        return True

    @property
    def can_undo(self) -> bool:
        return self._deleted is not None

    def _update_undo_text(self) -> None:
        if self._deleted is None:
            return
        moment = self._deleted.recorded_at
        text = _("The check-in from {date} at {time} was deleted.").format(
            date=format_date(moment.date()), time=format_time(moment)
        )
        self.undo_text.setText(text)
        self.undo_bar.setAccessibleDescription(text)

    def _on_undo_timer_timeout(self) -> None:
        if self.undo_button.hasFocus() or self.undo_bar.underMouse():
            self._undo_timer.start()  # the person is about to use it
            return
        self._deleted = None
        self.undo_bar.hide()

    # --- tags -----------------------------------------------------------------------------------------------

    def open_tag_manager(self) -> TagManagerDialog:
        """Open the tag manager (window-modal, not blocking). Returns it, for tests."""
        dialog = TagManagerDialog(self._diary, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._on_tag_manager_finished)
        self.tag_manager = dialog
        dialogs.open_modal(dialog)
        return dialog

    def _on_tag_manager_finished(self, *_args: object) -> None:
        self.tag_manager = None

    def detach(self) -> None:
        """Before the diary closes: the undo and the typing delay stop."""
        self._undo_timer.stop()
        self.filter_bar.detach()

    def showEvent(self, event: QShowEvent) -> None:
        if self._today != self._diary.clock.today():  # shown again after midnight: "today" has moved on
            self.refresh()
        super().showEvent(event)


if __name__ == "__main__":  # a quick look: python -m companion.ui.diary.diary_view
    import sys

    from PySide6.QtWidgets import QApplication

    from companion.ui.core.standalone import standalone_diary
    from companion.ui.diary import preview_session
    from companion.ui.style import apply_text_size

    app = QApplication(sys.argv)
    apply_text_size(app, 12)
    with preview_session() as session:
        view = DiaryView(standalone_diary(session))
        view.resize(1100, 760)
        view.show()
        app.exec()
