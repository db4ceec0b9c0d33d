"""One day of the diary: each check-in's time and description, with Edit and Delete for each."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QScrollArea, QVBoxLayout, QWidget

from companion.domain.checkin import Checkin
from companion.i18n import _
from companion.i18n.formatting import format_date, format_time
from companion.services.diary import DiaryDay
from companion.ui.diary.entry_text import describe_checkin
from companion.ui.widgets import Retranslatable, label

CARD_STYLE = """
QFrame#entryCard { border: 1px solid palette(mid); border-radius: 6px; }
QFrame#entryCard[selected="true"] { border: 2px solid palette(highlight); }
QFrame#entryCard:focus { border: 3px solid palette(highlight); }
"""


class EntryCard(QFrame):
    """A check-in: Tab stops on the card (read aloud whole), then its Edit and Delete buttons."""

    edit_clicked = Signal(str)
    delete_clicked = Signal(str)
    focused = Signal(str)

    def __init__(self, checkin: Checkin, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryCard")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty("selected", False)
        self.checkin = checkin
        self.time_label = label("subheading", wrap=False)
        self.text_label = label(selectable=True)
        self.text_label.setObjectName("entryText")
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editEntryButton")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteEntryButton")
        top = QHBoxLayout()
        top.addWidget(self.time_label)
        top.addStretch(1)
        top.addWidget(self.edit_button)
        top.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.text_label)
        self.edit_button.clicked.connect(lambda: self.edit_clicked.emit(self.checkin.id))
        self.delete_button.clicked.connect(lambda: self.delete_clicked.emit(self.checkin.id))
        for widget in (self, self.text_label, self.edit_button, self.delete_button):
            widget.installEventFilter(self)
        self.retranslate_ui()

    @property
    def entry_id(self) -> str:
        return self.checkin.id

    def retranslate_ui(self) -> None:
        time = format_time(self.checkin.recorded_at)
        text = describe_checkin(self.checkin)
        self.time_label.setText(time)
        self.text_label.setText(text)
        self.setAccessibleName(_("Check-in at {time}").format(time=time))
        self.setAccessibleDescription(text)
        self.text_label.setAccessibleName(_("Check-in at {time}").format(time=time))
        self.edit_button.setText(_("&Edit…"))
        self.edit_button.setAccessibleName(_("Edit the check-in at {time}").format(time=time))
        self.delete_button.setText(_("&Delete"))
        self.delete_button.setAccessibleName(_("Delete the check-in at {time}").format(time=time))
        self.delete_button.setToolTip(_("Delete (Delete key). You can undo it straight afterwards."))

    def set_selected(self, selected: bool) -> None:
        if bool(self.property("selected")) != selected:
            self.setProperty("selected", selected)
            self.style().unpolish(self)
            self.style().polish(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self.focused.emit(self.checkin.id)
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_clicked.emit(self.checkin.id)
            return
        super().keyPressEvent(event)


class DayView(Retranslatable, QWidget):
    edit_requested = Signal(str)  # entry id
    delete_requested = Signal(str)  # entry id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dayView")
        self.setStyleSheet(CARD_STYLE)
        self._day: DiaryDay | None = None
        self._selected: str | None = None
        self._placeholder = ""
        self.cards: list[EntryCard] = []
        self.heading = label("subheading")
        self.heading.setObjectName("dayHeading")
        self.placeholder = label()
        self.placeholder.setObjectName("dayPlaceholder")
        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("dayScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.holder = QWidget()
        self.cards_layout = QVBoxLayout(self.holder)
        self.cards_layout.setContentsMargins(0, 0, 8, 0)
        self.cards_layout.setSpacing(10)
        self.cards_layout.addStretch(1)
        self.scroll_area.setWidget(self.holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.placeholder)
        layout.addWidget(self.scroll_area, 1)
        shortcut = QShortcut(QKeySequence(Qt.Key.Key_Delete), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self._on_delete_key)
        self.show_day(None)

    def retranslate_ui(self) -> None:
        self.scroll_area.setAccessibleName(_("Check-ins on the chosen day"))
        for card in self.cards:
            card.retranslate_ui()
        self._update_heading()

    @property
    def day(self) -> DiaryDay | None:
        return self._day

    def show_day(self, day: DiaryDay | None, placeholder: str = "") -> None:
        """Show a day's check-ins (oldest first); with no day, show `placeholder` instead."""
        keep = self._selected
        self._day = day
        self._placeholder = placeholder
        for card in self.cards:
            card.hide()
            card.deleteLater()
        self.cards = []
        for checkin in day.entries if day else ():
            card = EntryCard(checkin)
            card.edit_clicked.connect(self.edit_requested)
            card.delete_clicked.connect(self.delete_requested)
            card.focused.connect(self.select_entry)
            self.cards_layout.insertWidget(self.cards_layout.count() - 1, card)
            card.show()  # now, not on the next event loop pass, so it can take the focus straight away
            self.cards.append(card)
        previous: QWidget | None = None
        for card in self.cards:
            for widget in (card, card.edit_button, card.delete_button):
                if previous is not None:
                    QWidget.setTabOrder(previous, widget)
                previous = widget
        self._selected = keep if keep in self.entry_ids() else None
        self._mark_selected()
        self.scroll_area.setVisible(bool(self.cards))
        self.retranslate_ui()

    def _update_heading(self) -> None:
        if self._day is None:
            self.heading.hide()
            self.placeholder.setText(self._placeholder or _("Choose a day to see its check-ins."))
            self.placeholder.show()
            return
        self.heading.setText(format_date(self._day.day, "full"))
        self.heading.show()
        self.placeholder.hide()

    def entry_ids(self) -> list[str]:
        return [card.entry_id for card in self.cards]

    def card_for(self, entry_id: str) -> EntryCard | None:
        return next((card for card in self.cards if card.entry_id == entry_id), None)

    def select_entry(self, entry_id: str) -> None:
        self._selected = entry_id
        self._mark_selected()

    def _mark_selected(self) -> None:
        for card in self.cards:
            card.set_selected(card.entry_id == self._selected)

    def current_entry_id(self) -> str | None:
        """The check-in that has the keyboard focus, or was chosen last; with a single one, that one."""
        if self._selected in self.entry_ids():
            return self._selected
        return self.cards[0].entry_id if len(self.cards) == 1 else None

    def focus_entry(self, entry_id: str | None = None) -> bool:
        """Put the keyboard focus on a check-in (the first one without an id); False when there is none."""
        card = self.card_for(entry_id) if entry_id else (self.cards[0] if self.cards else None)
        if card is None:
            return False
        card.setFocus(Qt.FocusReason.OtherFocusReason)
        self.select_entry(card.entry_id)
        self.scroll_area.ensureWidgetVisible(card)
        return True

    def _on_delete_key(self) -> None:
        entry_id = self.current_entry_id()
        if entry_id is not None:
            self.delete_requested.emit(entry_id)
