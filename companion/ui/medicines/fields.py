"""Small inputs the medicines screens share: an optional date (a tick box and a date), a 0-10 helpfulness box
with a "not rated" choice, and a completer over a list of words."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPlainTextEdit,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from companion.ui.whole_views import grow_with_rows
from companion.ui.widgets import label, set_tab_order

NOT_RATED = -1  # the spin box's special value


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class AdaptiveRow(QWidget):
    """Widgets side by side when there is room, else one under the other, so large text and long Welsh
    words never push the page wider than the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._box.setContentsMargins(0, 0, 0, 0)
        self._items: list[tuple[QWidget, int]] = []  # each widget with the least width (in characters) it keeps

    def add(
        self,
        widget: QWidget,
        stretch: int = 0,
        min_chars: int = 0,
        alignment: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
    ) -> None:
        self._box.addWidget(widget, stretch, alignment)
        self._items.append((widget, min_chars))

    def add_stretch(self) -> None:
        self._box.addStretch(1)

    def horizontal(self) -> bool:
        return self._box.direction() is QBoxLayout.Direction.LeftToRight

    def _side_by_side_width(self) -> int:
        widths = [
            max(w.minimumSizeHint().width(), w.minimumWidth(), w.fontMetrics().averageCharWidth() * chars)
            for w, chars in self._items
            if not w.isHidden()
        ]
        return sum(widths) + self._box.spacing() * max(0, len(widths) - 1)

    def minimumSizeHint(self) -> QSize:
        widths = [max(w.minimumSizeHint().width(), w.minimumWidth()) for w, _chars in self._items if not w.isHidden()]
        return QSize(max(widths, default=0), self._box.minimumSize().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        wanted = (
            QBoxLayout.Direction.LeftToRight
            if event.size().width() >= self._side_by_side_width()
            else QBoxLayout.Direction.TopToBottom
        )
        if wanted is not self._box.direction():
            self._box.setDirection(wanted)
            self.updateGeometry()
        super().resizeEvent(event)


class OptionalDate(AdaptiveRow):
    """A tick box ("Start date known", "Stopped") that enables a date with a calendar popup.

    value() is None while the box is unticked. The date stays where it was, so ticking it again brings
    it back."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.check = QCheckBox()
        self.check.setObjectName(f"{name}Check")
        self.date = QDateEdit()
        self.date.setObjectName(f"{name}Date")
        self.date.setCalendarPopup(True)
        self.date.setMinimumDate(QDate(1900, 1, 1))
        self.date.setMaximumDate(QDate(2200, 12, 31))
        self.date.setEnabled(False)
        self.add(self.check)
        self.add(self.date)
        self.add_stretch()
        self.check.toggled.connect(self._on_toggled)
        self.date.dateChanged.connect(self.changed)

    def set_texts(self, check_text: str, check_name: str, date_name: str) -> None:
        self.check.setText(check_text)
        self.check.setAccessibleName(check_name)
        self.date.setAccessibleName(date_name)  # its form and language: ui/field_behaviour.py

    def value(self) -> dt.date | None:
        return pydate(self.date.date()) if self.check.isChecked() else None

    def set_value(self, day: dt.date | None, default: dt.date) -> None:
        for widget in (self.check, self.date):
            widget.blockSignals(True)
        self.check.setChecked(day is not None)
        self.date.setDate(qdate(day or default))
        self.date.setEnabled(day is not None)
        for widget in (self.check, self.date):
            widget.blockSignals(False)

    def _on_toggled(self, checked: bool) -> None:
        self.date.setEnabled(checked)
        self.changed.emit()

    def state(self) -> dict[str, object]:
        """The tick and the date as plain values (kept over a lock)."""
        return {"on": self.check.isChecked(), "date": pydate(self.date.date()).isoformat()}

    def set_state(self, state: object) -> None:
        if not isinstance(state, dict):
            return
        try:
            day = dt.date.fromisoformat(str(state.get("date")))
        except ValueError:
            day = pydate(self.date.date())
        self.set_value(day if state.get("on") else None, day)


class HelpfulnessSpin(QSpinBox):
    """0 to 10, with a first choice below 0 that reads "Not rated" (set by set_not_rated_text)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(NOT_RATED, 10)
        self.setValue(NOT_RATED)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def set_not_rated_text(self, text: str) -> None:
        self.setSpecialValueText(text)

    def rating(self) -> int | None:
        value = self.value()
        return None if value == NOT_RATED else value

    def set_rating(self, value: int | None) -> None:
        self.setValue(NOT_RATED if value is None else value)


def word_completer(parent: QLineEdit, words: list[str] | None = None) -> QStringListModel:
    """Attach a case-insensitive popup completer that matches anywhere in a word; returns its model, so the
    words can be changed later with setStringList()."""
    model = QStringListModel(words or [], parent)
    completer = QCompleter(model, parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    parent.setCompleter(completer)
    return model


class NotesBox(QPlainTextEdit):
    """Four lines tall in the current text size (a fixed pixel height would keep the size of the text it was
    made with, and the layout would place the buttons below by a height the box no longer has); Tab moves on
    rather than typing a tab."""

    LINES = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _lines_height(self) -> int:
        margins = self.contentsMargins()
        document = 2 * round(self.document().documentMargin()) + 2  # and 2: Qt scrolls when the lines only just fit
        return self.fontMetrics().lineSpacing() * self.LINES + document + margins.top() + margins.bottom()

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self._lines_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(super().minimumSizeHint().width(), self._lines_height())


def notes_box(name: str) -> NotesBox:
    box = NotesBox()
    box.setObjectName(name)
    return box


def section(name: str) -> tuple[QGroupBox, QLabel, QVBoxLayout]:
    """A framed part of the page with a heading that wraps (a group box title would not, and would widen
    the page at large text sizes or in Welsh)."""
    box = QGroupBox()
    box.setObjectName(name)
    layout = QVBoxLayout(box)
    heading = label("subheading")
    heading.setObjectName(f"{name}Heading")
    layout.addWidget(heading)
    return box, heading, layout


def button_row(*buttons: QWidget) -> AdaptiveRow:
    """Buttons side by side, or one under the other when the page is too narrow for them."""
    row = AdaptiveRow()
    for button in buttons:
        row.add(button)
    row.add_stretch()
    return row


def fit_form(form: QFormLayout, width: int) -> None:
    """Labels beside their fields when there is room for both, else every label above its field (a field
    squeezed beside its label would show only a few letters)."""
    parent = form.parentWidget()
    if parent is None:
        return
    widest = 0
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        widget = item.widget() if item is not None else None
        if widget is not None:
            widest = max(widest, widget.sizeHint().width())
    room = widest + form.horizontalSpacing() + parent.fontMetrics().averageCharWidth() * 24
    policy = QFormLayout.RowWrapPolicy.WrapAllRows if width < room else QFormLayout.RowWrapPolicy.WrapLongRows
    if form.rowWrapPolicy() != policy:
        form.setRowWrapPolicy(policy)


def wrapped_list(name: str, lines: int = 7) -> QListWidget:
    """A list whose entries wrap onto more lines (never cut off) and which re-wraps as the page narrows. It
    shows every entry (`lines` is kept for callers; the list grows with its rows and the page scrolls)."""
    widget = QListWidget()
    widget.setObjectName(name)
    widget.setWordWrap(True)
    widget.setTextElideMode(Qt.TextElideMode.ElideNone)
    widget.setResizeMode(QListView.ResizeMode.Adjust)
    widget.setAlternatingRowColors(True)
    widget.setSpacing(2)
    widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    del lines
    grow_with_rows(widget)  # no list scrolling inside the scrolling page
    return widget


def place_before(target: QWidget, widgets: list[QWidget]) -> None:
    """Put `widgets` (made after `target`, so at the end of the window's Tab order) just before `target`, in
    the order given. Qt only chains after a widget that takes focus, so look back for one."""
    if not widgets:
        return
    new = set(widgets)
    anchor = target.previousInFocusChain()
    while anchor is not None and anchor is not target:
        takes_tab = anchor.focusPolicy() & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
        if takes_tab and anchor not in new and not any(w.isAncestorOf(anchor) for w in widgets):
            break
        anchor = anchor.previousInFocusChain()
    # With nothing before, put target after them instead: the Tab order is a ring.
    chain = [*widgets, target] if anchor is None or anchor is target else [anchor, *widgets]
    set_tab_order(chain)
