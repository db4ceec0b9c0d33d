"""One framed card per support entry: a Tab stop that reads out its whole text, with Ctrl+C to copy it.

Web addresses and phone numbers are plain text, never links: the app opens no network connection.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from companion.domain.support import DirectoryEntry, OwnSupportEntry
from companion.i18n import N_, _, current_language
from companion.i18n.formatting import format_month
from companion.ui.widgets import label

AREA_NAMES = {
    "wales": N_("Area: Wales"),
    "scotland": N_("Area: Scotland"),
    "uk": N_("Area: UK-wide"),
}

# Cards are framed, and the frame thickens in the highlight colour when the card has keyboard focus. The
# margin shrinks as the border grows, so focus never moves the text.
CARD_STYLE = """
QFrame[role="supportEntry"] { border: 1px solid palette(mid); border-radius: 6px; margin: 2px; }
QFrame[role="supportEntry"]:focus { border: 3px solid palette(highlight); margin: 0px; }
QLabel[role="entryName"] { font-weight: 700; }
"""


def format_checked(checked: str) -> str:
    """ "2026-11" as the month and year in the active language: "November 2026", "Tachwedd 2026"."""
    try:
        month = dt.datetime.strptime(checked, "%Y-%m").date()
    except ValueError:
        return checked
    return format_month(month)


class EntryCard(QFrame):
    """The shared frame: a column of word-wrapped lines (hidden when empty) that takes Tab focus."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "supportEntry")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(12, 10, 12, 10)
        self.column.setSpacing(4)
        self.name = label("entryName", selectable=True)
        self.column.addWidget(self.name)

    def add_line(self, object_name: str) -> QLabel:
        line = label(selectable=True)
        line.setObjectName(object_name)
        self.column.addWidget(line)
        return line

    @staticmethod
    def set_line(line: QLabel, text: str) -> None:
        line.setText(text)
        line.setHidden(not text)

    def lines(self) -> list[QLabel]:
        return [w for w in self.findChildren(QLabel) if not w.isHidden() and w.text()]

    def text(self) -> str:
        """Everything the card shows, one line each, as a screen reader and the clipboard get it."""
        return "\n".join(line.text() for line in self.lines())

    def update_accessible_text(self) -> None:
        self.setAccessibleName(self.name.text())
        self.setAccessibleDescription("\n".join(line.text() for line in self.lines() if line is not self.name))

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        parent = self.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(self, 0, 0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            QGuiApplication.clipboard().setText(self.text())
            event.accept()
            return
        super().keyPressEvent(event)


class DirectoryCard(EntryCard):
    """A shipped entry, in the interface language, with where its details come from and when checked."""

    def __init__(self, entry: DirectoryEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setObjectName(f"supportEntry_{entry.key}")
        self.name.setObjectName(f"supportEntryName_{entry.key}")
        self.about = self.add_line(f"supportEntryAbout_{entry.key}")
        self.phone = self.add_line(f"supportEntryPhone_{entry.key}")
        self.website = self.add_line(f"supportEntryWebsite_{entry.key}")
        self.area = self.add_line(f"supportEntryArea_{entry.key}")
        self.welsh = self.add_line(f"supportEntryWelsh_{entry.key}")
        self.source = self.add_line(f"supportEntrySource_{entry.key}")

    def retranslate_ui(self) -> None:
        entry, language = self.entry, current_language()
        self.name.setText(entry.name_in(language))
        self.set_line(self.about, entry.about_in(language))
        self.set_line(self.phone, _("Phone: {phone}").format(phone=entry.phone) if entry.phone else "")
        self.set_line(self.website, _("Website: {website}").format(website=entry.website) if entry.website else "")
        self.set_line(self.area, _(AREA_NAMES[entry.area]) if entry.area in AREA_NAMES else "")
        self.set_line(self.welsh, _("Offers a service in Welsh.") if entry.welsh_language else "")
        self.set_line(
            self.source,
            _("Source: {source}. Checked: {month}.").format(
                source=entry.source_in(language), month=format_checked(entry.checked)
            ),
        )
        self.update_accessible_text()


class OwnEntryCard(EntryCard):
    """One of the person's own entries, as they typed it, with buttons to change or delete it."""

    edit_requested = Signal(object)  # OwnSupportEntry
    delete_requested = Signal(object)  # OwnSupportEntry

    def __init__(self, entry: OwnSupportEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setObjectName("ownSupportEntry")
        self.name.setObjectName("ownSupportEntryName")
        self.about = self.add_line("ownSupportEntryAbout")
        self.phone = self.add_line("ownSupportEntryPhone")
        self.website = self.add_line("ownSupportEntryWebsite")
        buttons = QHBoxLayout()
        self.edit_button = QPushButton()
        self.edit_button.setObjectName("editOwnSupportButton")
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteOwnSupportButton")
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        self.column.addLayout(buttons)
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.entry))
        self.delete_button.clicked.connect(lambda: self.delete_requested.emit(self.entry))

    def retranslate_ui(self) -> None:
        entry = self.entry
        self.name.setText(entry.name)
        self.set_line(self.about, entry.description)
        self.set_line(self.phone, _("Phone: {phone}").format(phone=entry.phone) if entry.phone else "")
        self.set_line(self.website, _("Website: {website}").format(website=entry.website) if entry.website else "")
        self.edit_button.setText(_("Edit"))
        self.edit_button.setAccessibleName(_("Edit “{name}”").format(name=entry.name))
        self.delete_button.setText(_("Delete"))
        self.delete_button.setAccessibleName(_("Delete “{name}”").format(name=entry.name))
        self.update_accessible_text()
