"""Tags of one kind (what I did, what helped, what made it worse): type with autocomplete, rate 0-4."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from companion.domain.checkin import TagKind, TagRating, fold
from companion.domain.errors import ValidationError
from companion.i18n import N_, _
from companion.ui.widgets import Retranslatable, label

KIND_TITLES = {
    TagKind.DID: N_("What I did that mattered"),
    TagKind.HELPED: N_("What helped"),
    TagKind.WORSE: N_("What made it worse"),
}
KIND_PLACEHOLDERS = {
    TagKind.DID: N_("For example: gardening, work, a walk (press Enter to add)"),
    TagKind.HELPED: N_("For example: heat pad, rest, a bath (press Enter to add)"),
    TagKind.WORSE: N_("For example: lifting, sitting too long (press Enter to add)"),
}
RATING_LABELS = (
    N_("not rated"),
    N_("0 – not at all"),
    N_("1 – a little"),
    N_("2 – somewhat"),
    N_("3 – a lot"),
    N_("4 – very much"),
)


class TagEditor(Retranslatable, QWidget):
    changed = Signal()

    def __init__(self, kind: TagKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.setObjectName(f"tags_{kind.value}")
        self._rows: list[tuple[str, QLabel, QComboBox, QPushButton]] = []
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.title = QLabel()
        self.input = QLineEdit()
        self.input.setObjectName(f"tagInput_{kind.value}")
        self.title.setBuddy(self.input)
        self._completions = QStringListModel(self)
        completer = QCompleter(self._completions, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.input.setCompleter(completer)
        self.add_button = QPushButton()
        self.add_button.setObjectName(f"tagAdd_{kind.value}")
        row = QHBoxLayout()
        row.addWidget(self.input, 1)
        row.addWidget(self.add_button)
        self.error = label()
        self.error.hide()
        self.grid = QGridLayout()
        # The name takes the room left over; a longer name added later does not move the rows above.
        self.grid.setColumnStretch(0, 1)
        outer.addWidget(self.title)
        outer.addLayout(row)
        outer.addWidget(self.error)
        outer.addLayout(self.grid)
        self.input.returnPressed.connect(self._on_input_return_pressed)
        self.add_button.clicked.connect(self._on_input_return_pressed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.title.setText(_(KIND_TITLES[self.kind]))
        self.input.setAccessibleName(_(KIND_TITLES[self.kind]))
        self.input.setPlaceholderText(_(KIND_PLACEHOLDERS[self.kind]))
        self.add_button.setText(_("Add"))
        self.add_button.setAccessibleName(_("Add to “{list}”").format(list=_(KIND_TITLES[self.kind])))
        for name, _label, rating, remove in self._rows:
            current = rating.currentIndex()
            rating.clear()
            rating.addItems([_(text) for text in RATING_LABELS])
            rating.setCurrentIndex(current)
            rating.setAccessibleName(_("Rating for {tag}, 0 to 4").format(tag=name))
            remove.setText(_("Remove"))
            remove.setAccessibleName(_("Remove {tag}").format(tag=name))

    def set_known_tags(self, names: list[str]) -> None:
        self._completions.setStringList(names)

    def _on_input_return_pressed(self) -> None:
        text = self.input.text()
        if not text.strip():
            return
        try:
            from companion.domain.checkin import clean_tag_name

            name = clean_tag_name(text)
        except ValidationError as exc:
            self.error.setText(exc.message())
            self.error.show()
            return
        self.error.hide()
        self.input.clear()
        if self.add(name, None):
            self.changed.emit()

    def add(self, name: str, rating: int | None) -> bool:
        """Add a tag row; the same tag in another case is not added twice (the first spelling is kept)."""
        if any(fold(existing) == fold(name) for existing, *_rest in self._rows):
            return False
        row = len(self._rows)
        text = label()
        text.setText(name)
        ratings = QComboBox()
        ratings.setObjectName(f"tagRating_{self.kind.value}_{row}")
        ratings.addItems([_(t) for t in RATING_LABELS])
        ratings.setCurrentIndex(0 if rating is None else rating + 1)
        ratings.setAccessibleName(_("Rating for {tag}, 0 to 4").format(tag=name))
        remove = QPushButton(_("Remove"))
        remove.setAccessibleName(_("Remove {tag}").format(tag=name))
        self.grid.addWidget(text, row, 0)
        self.grid.addWidget(ratings, row, 1)
        self.grid.addWidget(remove, row, 2)
        if self.isVisible():  # shown and placed now, not after a pass of the event loop (no jump)
            for widget in (text, ratings, remove):
                widget.show()
        previous = self._rows[-1][3] if self._rows else self.add_button
        QWidget.setTabOrder(previous, ratings)  # new rows follow this list in the Tab order, not the window's end
        QWidget.setTabOrder(ratings, remove)
        self._rows.append((name, text, ratings, remove))
        ratings.currentIndexChanged.connect(lambda _i: self.changed.emit())
        remove.clicked.connect(lambda _c=False, n=name: self.remove(n))
        return True

    def remove(self, name: str) -> None:
        kept = [(n, r.currentIndex()) for n, _t, r, _b in self._rows if n != name]
        self.clear()
        for n, index in kept:
            self.add(n, None if index <= 0 else index - 1)
        self.changed.emit()
        self.input.setFocus()

    def value(self) -> tuple[TagRating, ...]:
        return tuple(
            TagRating(self.kind, name, None if ratings.currentIndex() <= 0 else ratings.currentIndex() - 1)
            for name, _text, ratings, _remove in self._rows
        )

    def set_value(self, tags: tuple[TagRating, ...]) -> None:
        self.clear()
        for tag in tags:
            if tag.kind == self.kind:
                self.add(tag.name, tag.rating)

    def clear(self) -> None:
        for _name, text, ratings, remove in self._rows:
            for widget in (text, ratings, remove):
                self.grid.removeWidget(widget)
                widget.deleteLater()
        self._rows = []
        self.input.clear()
        self.error.hide()

    def pending_text(self) -> str:
        """Text typed but not yet added (counted as part of the check-in when saving)."""
        return self.input.text().strip()
