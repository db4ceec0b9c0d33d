"""Where to find support: the shipped directory in the interface language and the person's own entries,
both filtered as they type (either language, case- and accent-blind). Everything is offline text.

A part of the UI core: the own entries are read in `refresh()` only (when they change and the page is on
screen); the search filters what was read, and a language switch redraws it, without reading again."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from companion.domain.changes import Changes
from companion.domain.support import OwnSupportEntry, matches
from companion.i18n import _
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft, PagePart
from companion.ui.measures.urgent_help import UrgentHelpBox
from companion.ui.support.entry_cards import CARD_STYLE, DirectoryCard, OwnEntryCard
from companion.ui.support.own_entry_form import OwnEntryForm
from companion.ui.widgets import label, set_tab_order


class SearchBox(QLineEdit):
    """Escape empties the box (and shows every entry again) before it does anything else."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            event.accept()
            return
        super().keyPressEvent(event)


class SupportView(PagePart, QWidget):
    interests = Changes(settings=True)  # the person's own entries are kept with the diary's settings
    draft_key = "support"

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        session = diary.session
        self._diary = diary
        self._support = session.support
        self._own: list[OwnSupportEntry] = []
        self.setObjectName("supportView")
        self.setStyleSheet(CARD_STYLE)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        self.heading = label("heading")
        self.heading.setObjectName("supportHeading")
        self.intro = label()
        self.intro.setObjectName("supportIntro")
        self.search_label = label(wrap=False)
        self.search = SearchBox()
        self.search.setObjectName("supportSearch")
        self.search_label.setBuddy(self.search)
        search_row = QHBoxLayout()
        search_row.addWidget(self.search_label)
        search_row.addWidget(self.search, 1)
        outer.addWidget(self.heading)
        self.urgent_help = UrgentHelpBox()  # pinned above everything else: 999 first (issue 20)
        outer.addWidget(self.urgent_help)
        outer.addLayout(search_row)  # the search stays in view while the entries scroll

        body = QWidget()
        body.setObjectName("supportBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 8, 8, 8)
        column.addWidget(self.intro)
        column.addSpacing(8)
        self.directory_heading = label("subheading")
        self.directory_heading.setObjectName("directoryHeading")
        self.directory_empty = label()
        self.directory_empty.setObjectName("directoryNoMatch")
        column.addWidget(self.directory_heading)
        column.addWidget(self.directory_empty)
        self.directory_cards = [DirectoryCard(entry) for entry in self._support.shipped()]
        for card in self.directory_cards:
            column.addWidget(card)

        self.own_heading = label("subheading")
        self.own_heading.setObjectName("ownSupportHeading")
        self.own_intro = label()
        self.own_intro.setObjectName("ownSupportIntro")
        self.own_empty = label()
        self.own_empty.setObjectName("ownSupportEmpty")
        self.own_column = QVBoxLayout()
        self.own_column.setContentsMargins(0, 0, 0, 0)
        self.own_cards: list[OwnEntryCard] = []
        self.add_button = QPushButton()
        self.add_button.setObjectName("addOwnSupportButton")
        self.form = OwnEntryForm(diary)
        self.form.hide()
        self.status = label()
        self.status.setObjectName("ownSupportStatus")
        self.status.hide()
        column.addSpacing(16)
        column.addWidget(self.own_heading)
        column.addWidget(self.own_intro)
        column.addWidget(self.own_empty)
        column.addLayout(self.own_column)
        column.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        column.addWidget(self.form)
        column.addWidget(self.status)
        column.addStretch(1)

        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("supportScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab moves through the entries inside it
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(body)
        outer.addWidget(self.scroll_area, 1)

        self.search.textChanged.connect(self._on_search_text_changed)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.form.saved.connect(self._on_form_saved)
        self.form.cancelled.connect(self._on_form_cancelled)
        self.refresh()
        self.retranslate_ui()
        diary.host.add(self)

    # --- text ---

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Where to find support"))
        self.intro.setText(
            _(
                "Services and groups that can help people living with persistent pain. This list is kept on "
                "your computer, so it works offline. Details such as phone numbers can change, so check them "
                "before you travel or call."
            )
        )
        self.search_label.setText(_("&Search"))
        self.search.setPlaceholderText(_("Search in Welsh or English"))
        self.search.setAccessibleName(_("Search the support list and your own entries"))
        self.directory_heading.setText(_("Services and organisations"))
        self.own_heading.setText(_("My own entries"))
        self.own_intro.setText(
            _("Add local groups, classes or anyone else who helps you. They are kept in your diary.")
        )
        self.add_button.setText(_("&Add a group or service"))
        self.add_button.setAccessibleName(_("Add your own group or service"))
        for card in self.directory_cards:
            card.retranslate_ui()
        for own_card in self.own_cards:
            own_card.retranslate_ui()
        self.form.retranslate_ui()
        self._set_status("")  # a message from before the switch would stay in the old language
        self._apply_filter()

    # --- data ---

    def refresh(self) -> None:
        """Read the person's own entries (the shipped list never changes while running)."""
        self._own = self._support.own()
        for old in self.own_cards:
            self.own_column.removeWidget(old)
            old.hide()
            old.deleteLater()
        self.own_cards = []
        for entry in self._own:
            card = OwnEntryCard(entry)
            card.edit_requested.connect(self._on_card_edit_requested)
            card.delete_requested.connect(self._on_card_delete_requested)
            card.retranslate_ui()
            self.own_column.addWidget(card)
            self.own_cards.append(card)
        self._set_tab_order()
        self._apply_filter()

    def _set_tab_order(self) -> None:
        """Tab follows the page from top to bottom, though own entries are made after the form."""
        chain: list[QWidget] = [self.search, *self.directory_cards]
        for card in self.own_cards:
            chain += [card, card.edit_button, card.delete_button]
        chain += [self.add_button, *self.form.tab_chain()]
        set_tab_order(chain)

    def _on_search_text_changed(self) -> None:
        self._apply_filter()
        self.scroll_area.verticalScrollBar().setValue(0)  # the first matches are at the top

    def _apply_filter(self) -> None:
        """Show the entries that match the search, in either language (what was read; no reading)."""
        words = self.search.text()
        shown = False
        for card in self.directory_cards:
            entry = card.entry
            match = matches(words, *entry.name.values(), *entry.about.values(), entry.website, entry.phone)
            card.setHidden(not match)
            shown = shown or match
        self.directory_empty.setText(_("No services match your search.") if not shown else "")
        self.directory_empty.setHidden(shown)
        own_shown = {e.id for e in self._own if matches(words, e.name, e.description, e.website, e.phone)}
        for own_card in self.own_cards:
            own_card.setHidden(own_card.entry.id not in own_shown)
        if not self.own_cards:
            empty = _("You have not added any of your own yet.")
        elif not own_shown:
            empty = _("None of your own entries match your search.")
        else:
            empty = ""
        self.own_empty.setText(empty)
        self.own_empty.setHidden(not empty)

    def own_card(self, entry_id: str) -> OwnEntryCard | None:
        return next((card for card in self.own_cards if card.entry.id == entry_id), None)

    # --- adding, changing, deleting ---

    def _set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setHidden(not text)

    def _open_form(self, entry: OwnSupportEntry | None) -> None:
        self._set_status("")
        self.add_button.hide()
        self.form.start(entry)
        QTimer.singleShot(0, self, self._scroll_to_form)  # once the layout has placed the form

    def _scroll_to_form(self) -> None:
        """Bring the form's title to the top of the view (it may be taller than the view at large sizes)."""
        bar = self.scroll_area.verticalScrollBar()
        bar.setValue(min(self.form.y() - 8, bar.maximum()))

    def _on_add_button_clicked(self) -> None:
        self._open_form(None)

    def _on_card_edit_requested(self, entry: OwnSupportEntry) -> None:
        self._open_form(entry)

    def _on_form_saved(self, entry: OwnSupportEntry) -> None:
        self.add_button.show()
        card = self.own_card(entry.id)
        if card is not None and card.isHidden():
            self.search.clear()  # a new entry the search would hide: show everything again
        self._set_status(_("“{name}” is now in your own entries.").format(name=entry.name))
        if card is not None:
            card.setFocus()

    def _on_form_cancelled(self) -> None:
        self.add_button.show()
        self.add_button.setFocus()

    def _on_card_delete_requested(self, entry: OwnSupportEntry) -> None:
        def answered() -> None:
            done = self._diary.run(lambda: (None, self._support.delete_own(entry.id)), problem=self._set_status)
            if done is None:
                return
            if self.form.entry is not None and self.form.entry.id == entry.id:
                self.form.cancel()
            self._set_status(_("“{name}” was deleted.").format(name=entry.name))
            self.add_button.setFocus()

        dialogs.confirm(
            self,
            _("Delete entry"),
            _("Delete “{name}” from your own entries?").format(name=entry.name),
            answered,
        )

    # --- across a lock ---

    def draft(self) -> Draft | None:
        """The add or change form, when something is typed in it and not saved."""
        return self.form.state() if self.form.has_unsaved_input() else None

    def restore(self, draft: Draft) -> None:
        entry_id = draft.get("entry")
        entry = next((e for e in self._own if e.id == entry_id), None) if entry_id else None
        self._open_form(entry)
        self.form.set_state(draft)
        self._set_status(_("What you had typed was kept when the diary locked. Check it, then Save."))
