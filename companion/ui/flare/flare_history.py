"""Past flare-ups, on the flare-up plan page: when each was, how many days, and what was written afterwards.

Each can be opened to read the after-flare review and change it (ui/flare/review_dialog.py). A part of the
UI core: it reads the diary only in `refresh()`."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from companion.domain.changes import Changes
from companion.domain.flare import FlareEpisode
from companion.i18n import _
from companion.presentation.flare_words import flare_sentences
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import PagePart
from companion.ui.flare.review_dialog import FlareReviewDialog
from companion.ui.widgets import label
from companion.ui.wrapping import WrappingGroupBox

ID_ROLE = Qt.ItemDataRole.UserRole


class FlareHistory(PagePart, WrappingGroupBox):
    interests = Changes(flares=True)

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flareHistory")
        self._diary = diary
        self._episodes: list[FlareEpisode] = []  # ended flares, newest first
        self._now = diary.clock.now()
        self.intro = label()
        self.intro.setStyleSheet("font-weight: normal;")
        self.list = QListWidget()
        self.list.setObjectName("flareHistoryList")
        self.list.setWordWrap(True)
        self.list.setSpacing(3)
        self.list.setAlternatingRowColors(True)
        self.list.setStyleSheet("font-weight: normal;")
        # As tall as its flares: the page scrolls, not a box inside it.
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.empty = label()
        self.empty.setObjectName("flareHistoryEmpty")
        self.empty.setStyleSheet("font-weight: normal;")
        self.open_button = QPushButton()
        self.open_button.setObjectName("flareHistoryOpen")
        self.open_button.setStyleSheet("font-weight: normal;")
        row = QHBoxLayout()
        row.addWidget(self.open_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        layout.addLayout(row)
        self.list.activated.connect(self._on_list_activated)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.open_button.clicked.connect(self.open_selected)
        self.refresh()
        self.retranslate_ui()
        diary.host.add(self)

    def retranslate_ui(self) -> None:
        self.setTitle(_("Past flare-ups"))
        self.setAccessibleName(_("Past flare-ups"))
        self.intro.setText(_("Open a past flare-up to read what you wrote afterwards, or to add to it."))
        self.list.setAccessibleName(_("Past flare-ups, newest first"))
        self.list.setAccessibleDescription(_("Press Enter to open the chosen flare-up."))
        self.empty.setText(_("No flare-up has ended yet. When one ends, it is listed here."))
        self.open_button.setText(_("&Open the chosen flare-up…"))
        self.open_button.setAccessibleName(_("Open the chosen flare-up to read or change its review"))
        self._render()

    def refresh(self) -> None:
        """Read the flares that have ended (the only place this list reads the diary)."""
        self._now = self._diary.clock.now()
        self._episodes = [e for e in reversed(self._diary.session.flares.episodes()) if not e.ongoing]
        self._render()

    def _render(self) -> None:
        chosen = self.selected_id()
        self.list.blockSignals(True)
        self.list.clear()
        for episode in self._episodes:
            text = "\n".join(flare_sentences(episode, self._now))
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, episode.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text.replace("\n", " "))
            self.list.addItem(item)
        ids = [e.id for e in self._episodes]
        self.list.setCurrentRow(ids.index(chosen) if chosen in ids else (0 if ids else -1))
        self.list.blockSignals(False)
        self.list.setVisible(bool(ids))
        self.empty.setVisible(not ids)
        self._fit_height()
        self._on_list_current_row_changed()

    def _fit_height(self) -> None:
        """The list's height for all its flares at its width (the sentences wrap)."""
        count = self.list.count()
        if not count:
            return
        self.list.doItemsLayout()
        rows = sum(self.list.sizeHintForRow(row) for row in range(count)) + 2 * self.list.spacing() * count
        self.list.setFixedHeight(rows + 2 * self.list.frameWidth() + 2)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_height()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_height()

    def episodes(self) -> list[FlareEpisode]:
        return list(self._episodes)

    def selected_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else None

    def select(self, episode_id: str) -> bool:
        ids = [e.id for e in self._episodes]
        if episode_id not in ids:
            return False
        self.list.setCurrentRow(ids.index(episode_id))
        return True

    def focus_order(self) -> list[QWidget]:
        return [self.list, self.open_button]

    def _on_list_current_row_changed(self, *_args: object) -> None:
        self.open_button.setEnabled(self.selected_id() is not None)

    def _on_list_activated(self, *_args: object) -> None:
        self.open_selected()

    def open_selected(self) -> QWidget | None:
        """Open the chosen flare's review to read or change (window-modal). Returns the dialog, for tests."""
        chosen = next((e for e in self._episodes if e.id == self.selected_id()), None)
        if chosen is None:
            return None
        return FlareReviewDialog.open_for(self._diary, chosen, self.window())
