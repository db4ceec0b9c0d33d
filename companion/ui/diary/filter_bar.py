"""The Diary's filters: dates, a tag, a pain range and words; it emits a DiaryFilter or explains a mix-up."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from companion.i18n import _
from companion.i18n.formatting import format_date
from companion.services.diary import DiaryFilter
from companion.ui.layouts import flow_row
from companion.ui.widgets import Retranslatable, label, set_tab_order

TEXT_DELAY_MS = 300  # typing pauses this long before the search runs
DEFAULT_SPAN_DAYS = 30  # a newly ticked "from" date starts this many days back


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class FilterBar(Retranslatable, QWidget):
    filter_changed = Signal(object)  # DiaryFilter, only when the filters make sense together

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diaryFilterBar")
        self._today = today
        self.from_check = QCheckBox()
        self.from_check.setObjectName("diaryFromCheck")
        self.from_date = self._date_edit("diaryFromDate", today - dt.timedelta(days=DEFAULT_SPAN_DAYS))
        self.to_check = QCheckBox()
        self.to_check.setObjectName("diaryToCheck")
        self.to_date = self._date_edit("diaryToDate", today)
        self.tag_label = QLabel()
        self.tag = QComboBox()
        self.tag.setObjectName("diaryTagFilter")
        self.tag.setEditable(True)
        self.tag.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.tag.setMinimumContentsLength(12)
        completer = QCompleter(self.tag.model(), self.tag)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.tag.setCompleter(completer)
        self.tag_label.setBuddy(self.tag)
        self.pain_min_label = QLabel()
        self.pain_min = self._spin("diaryPainMin", 0)
        self.pain_min_label.setBuddy(self.pain_min)
        self.pain_max_label = QLabel()
        self.pain_max = self._spin("diaryPainMax", 10)
        self.pain_max_label.setBuddy(self.pain_max)
        self.text_label = QLabel()
        self.text = QLineEdit()
        self.text.setObjectName("diaryTextFilter")
        self.text.setClearButtonEnabled(True)
        self.text_label.setBuddy(self.text)
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("diaryClearFilters")
        self.message = label("error")
        self.message.setObjectName("diaryFilterMessage")
        self.message.hide()
        self._text_timer = QTimer(self)
        self._text_timer.setSingleShot(True)
        self._text_timer.setInterval(TEXT_DELAY_MS)

        def pair(*widgets: QWidget) -> QWidget:
            """A label or tick box kept beside its field when the row wraps."""
            holder = QWidget()
            row = QHBoxLayout(holder)
            row.setContentsMargins(0, 0, 0, 0)
            for widget in widgets:
                row.addWidget(widget)
            return holder

        # The filters wrap onto more rows at large text sizes rather than widen the page.
        grid = QVBoxLayout()
        grid.addWidget(
            flow_row(
                pair(self.from_check, self.from_date),
                pair(self.to_check, self.to_date),
                pair(self.tag_label, self.tag),
                pair(self.pain_min_label, self.pain_min, self.pain_max_label, self.pain_max),  # "at least … at most"
                pair(self.text_label, self.text),
                self.clear_button,
                spacing=16,
            )
        )
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(grid)
        outer.addWidget(self.message)

        for widget in (self.from_check, self.from_date, self.to_check, self.to_date, self.tag, self.pain_min):
            widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        order = [
            self.from_check,
            self.from_date,
            self.to_check,
            self.to_date,
            self.tag,
            self.pain_min,
            self.pain_max,
            self.text,
            self.clear_button,
        ]
        set_tab_order(order)

        self.from_check.toggled.connect(self._on_limit_toggled)
        self.to_check.toggled.connect(self._on_limit_toggled)
        self.from_date.dateChanged.connect(self._on_value_changed)
        self.to_date.dateChanged.connect(self._on_value_changed)
        self.pain_min.valueChanged.connect(self._on_value_changed)
        self.pain_max.valueChanged.connect(self._on_value_changed)
        self.tag.currentTextChanged.connect(self._on_text_edited)
        self.text.textChanged.connect(self._on_text_edited)
        self._text_timer.timeout.connect(self.apply)
        self.clear_button.clicked.connect(self.clear)
        self._on_limit_toggled()
        self.retranslate_ui()

    def _date_edit(self, name: str, day: dt.date) -> QDateEdit:
        edit = QDateEdit(_qdate(day))
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setMinimumDate(QDate(1900, 1, 1))
        edit.setEnabled(False)
        return edit

    def _spin(self, name: str, value: int) -> QSpinBox:
        spin = QSpinBox()
        spin.setObjectName(name)
        spin.setRange(0, 10)
        spin.setValue(value)
        spin.setMinimumWidth(64)
        return spin

    def retranslate_ui(self) -> None:
        # The dates' form, language and width come from ui/field_behaviour.py, as in every date field.
        self.from_check.setText(_("&From"))
        self.from_check.setAccessibleName(_("Only from a date"))
        self.from_check.setToolTip(_("Tick to show only check-ins from this date on. Untick for no limit."))
        self.from_date.setAccessibleName(_("First day to show"))
        self.to_check.setText(_("T&o"))
        self.to_check.setAccessibleName(_("Only up to a date"))
        self.to_check.setToolTip(_("Tick to show only check-ins up to this date. Untick for no limit."))
        self.to_date.setAccessibleName(_("Last day to show"))
        self.tag_label.setText(_("T&ag:"))
        self.tag.setAccessibleName(_("Only check-ins with this tag"))
        self.tag.setAccessibleDescription(_("Leave empty for any tag."))
        typed = self.tag.lineEdit()
        if typed is not None:
            typed.setPlaceholderText(_("Any tag"))
        self.pain_min_label.setText(_("&Pain at least:"))
        self.pain_min.setAccessibleName(_("Lowest pain score to show"))
        self.pain_min.setAccessibleDescription(_("0 and 10 show every check-in, with or without a pain score."))
        self.pain_max_label.setText(_("at &most:"))
        self.pain_max.setAccessibleName(_("Highest pain score to show"))
        self.pain_max.setAccessibleDescription(_("0 and 10 show every check-in, with or without a pain score."))
        self.text_label.setText(_("&Search:"))
        self.text.setAccessibleName(_("Search notes and tags"))
        self.text.setPlaceholderText(_("Words in notes or tags"))
        for box in (self.from_date, self.to_date, self.pain_min, self.pain_max):
            inner = box.findChild(QLineEdit)
            if inner is not None:  # the box's own text field, which some screen readers reach on its own
                inner.setAccessibleName(box.accessibleName())
        self.clear_button.setText(_("&Clear filters"))
        self.clear_button.setAccessibleName(_("Clear filters and show the whole diary"))
        self.message.setAccessibleName(_("Problem with the filters"))
        if self.message.isVisible():
            self._validate()

    # --- reading the filters -----------------------------------------------------------------------------

    def set_today(self, today: dt.date) -> None:
        self._today = today

    def set_tags(self, names: list[str]) -> None:
        """Offer the person's tags; whatever is typed in the box stays as it is."""
        typed = self.tag.currentText()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItems(names)
        self.tag.setCurrentIndex(-1)
        self.tag.setEditText(typed)
        self.tag.blockSignals(False)

    def _problem(self) -> str:
        if self.from_check.isChecked() and self.to_check.isChecked():
            start, end = _pydate(self.from_date.date()), _pydate(self.to_date.date())
            if start > end:
                return _(
                    "The “from” date ({start}) is after the “to” date ({end}). Change one of them to see check-ins."
                ).format(start=format_date(start), end=format_date(end))
        if self.pain_min.value() > self.pain_max.value():
            return _(
                "The lowest pain score ({low}) is higher than the highest ({high}). Change one of them to see "
                "check-ins."
            ).format(low=self.pain_min.value(), high=self.pain_max.value())
        return ""

    def _validate(self) -> bool:
        problem = self._problem()
        self.message.setText(problem)
        self.message.setAccessibleDescription(problem)
        self.message.setVisible(bool(problem))
        return not problem

    def current_filter(self) -> DiaryFilter | None:
        """The filter as set now, or None when the choices contradict each other."""
        if self._problem():
            return None
        low, high = self.pain_min.value(), self.pain_max.value()
        return DiaryFilter(
            start=_pydate(self.from_date.date()) if self.from_check.isChecked() else None,
            end=_pydate(self.to_date.date()) if self.to_check.isChecked() else None,
            tag=self.tag.currentText().strip() or None,
            pain_min=None if low == 0 and high == 10 else low or None,
            pain_max=None if high == 10 else high,
            text=self.text.text().strip(),
        )

    def is_filtering(self) -> bool:
        return self.current_filter() not in (None, DiaryFilter())

    # --- reacting ------------------------------------------------------------------------------------------

    def apply(self) -> None:
        """Emit the current filter now (the typing delay is skipped), unless it contradicts itself."""
        self._text_timer.stop()
        if not self._validate():
            return
        criteria = self.current_filter()
        if criteria is not None:
            self.filter_changed.emit(criteria)

    def clear(self) -> None:
        """Back to the whole diary: no dates, any tag, any pain, no words."""
        widgets = (self.from_check, self.to_check, self.tag, self.pain_min, self.pain_max, self.text)
        for widget in widgets:
            widget.blockSignals(True)
        self.from_check.setChecked(False)
        self.to_check.setChecked(False)
        self.from_date.setDate(_qdate(self._today - dt.timedelta(days=DEFAULT_SPAN_DAYS)))
        self.to_date.setDate(_qdate(self._today))
        self.tag.setCurrentIndex(-1)
        self.tag.setEditText("")
        self.pain_min.setValue(0)
        self.pain_max.setValue(10)
        self.text.clear()
        for widget in widgets:
            widget.blockSignals(False)
        self._on_limit_toggled()

    def detach(self) -> None:
        """The typing delay stops (the diary is closing)."""
        self._text_timer.stop()

    def _on_limit_toggled(self, _checked: bool = False) -> None:
        self.from_date.setEnabled(self.from_check.isChecked())
        self.to_date.setEnabled(self.to_check.isChecked())
        self.apply()

    def _on_value_changed(self, _value: object) -> None:
        self.apply()

    def _on_text_edited(self, _text: str) -> None:
        self._text_timer.start()
