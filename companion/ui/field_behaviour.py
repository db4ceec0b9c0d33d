"""How every input field (and dialog) behaves, app-wide, set up in one place (installed in app.py):

- the mouse wheel changes a spin box, combo box, slider or date field only while it has the keyboard focus;
  over any other field it scrolls the page, as it does over text, so scrolling never changes data by accident;
- every date and time field shows its value in the interface language's CLDR form, the same as dates written
  in the text ("6 Ionawr 2025", "6 January 2025, 14:05"), whatever the system's locale (or none: LANG unset);
  a date field meant for typing digits (the check-in's, marked with the DIGITS property) takes CLDR's short,
  all-digit form with a four-digit year ("06/01/2025"): typed digits cannot pick a month by name, and a
  two-digit year would be read as the 1900s;
- every dialog opens at a size that shows what it holds at the person's text size, within the screen
  (companion.ui.dialog_size).

Pages need do nothing. The application's style is wrapped in a proxy whose polish() (Qt calls it once for each
widget before it is first shown, and again when the style sheet changes) sets up each field and gives it an
event filter for its wheel and language changes. A filter on the whole application would also work, but it
would run Python for every event of every widget (three times slower painting in a measurement).
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QEvent, QLocale, QObject, Qt, QTime
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QProxyStyle,
    QScrollBar,
    QStyle,
    QTimeEdit,
    QWidget,
)

from companion.i18n import current_language
from companion.i18n.formatting import field_patterns, short_date_pattern
from companion.ui import dialog_size

# Fields whose value the wheel would change (a scroll bar only scrolls, so it keeps its wheel).
VALUE_FIELDS = (QAbstractSpinBox, QComboBox, QAbstractSlider)
QT_LOCALES = {
    "cy": QLocale(QLocale.Language.Welsh, QLocale.Country.UnitedKingdom),
    "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom),
}
_WHEEL, _POLISH, _LANGUAGE = QEvent.Type.Wheel, QEvent.Type.Polish, QEvent.Type.LanguageChange
DIGITS = "companionTypedDigits"  # a dynamic property: this date field is typed as digits (see above)


def qt_format(cldr: str) -> str:
    """A CLDR date pattern as a Qt display format: the same letters, but Qt spells the year "yyyy" and the
    weekday "dddd"/"ddd" (quoted text is the same in both)."""
    out = []
    for token in re.finditer(r"'[^']*'|([A-Za-z])\1*|[^A-Za-z']+", cldr):
        text = token.group(0)
        if text.startswith("y"):
            text = "yy" if len(text) == 2 else "yyyy"
        elif text.startswith("E"):
            text = "dddd" if len(text) >= 4 else "ddd"
        out.append(text)
    return "".join(out)


def field_format(field: QDateTimeEdit, lang: str) -> str:
    date, date_time, time = field_patterns(lang)
    if isinstance(field, QTimeEdit):
        return qt_format(time)
    if isinstance(field, QDateEdit):
        if field.property(DIGITS):
            return qt_format(re.sub(r"y+", "yyyy", short_date_pattern(lang)))
        return qt_format(date)
    return qt_format(date_time)


def apply_date_format(field: QDateTimeEdit) -> None:
    """The field's locale (month and weekday names, its calendar) and display format from the interface
    language, wide enough for the longest month name (Qt measures only the date showing)."""
    lang = current_language()
    locale = QT_LOCALES.get(lang, QT_LOCALES["en"])
    shown = field_format(field, lang)
    if field.locale() != locale:
        field.setLocale(locale)
    if field.displayFormat() != shown:
        field.setDisplayFormat(shown)
    if field.calendarPopup() and (calendar := field.calendarWidget()) is not None:
        calendar.setLocale(locale)
    if "MMM" in shown:
        _fit_the_longest_month(field, locale, shown)


def _fit_the_longest_month(field: QDateTimeEdit, locale: QLocale, shown: str) -> None:
    """Qt sizes a date field for its earliest and latest dates' text only ("14 September 1752"); a month
    with a longer name (Welsh "Gorffennaf") would be cut off. Ask for the room the longest month needs,
    measured the way Qt measures (text, a space, 2 pixels for the cursor, then the style's frame and button)."""
    metrics = field.fontMetrics()

    def width(moment: QDateTime) -> int:
        return metrics.horizontalAdvance(locale.toString(moment, shown) + " ")

    measured = max(width(field.minimumDateTime()), width(field.maximumDateTime())) + 2
    frame_and_button = field.sizeHint().width() - measured
    widest = max(width(QDateTime(QDate(2000, month, 28), QTime(20, 0))) for month in range(1, 13)) + 2
    field.setMinimumWidth(max(widest, measured) + frame_and_button)


def _value_field(widget: QObject) -> QWidget | None:
    """The field a wheel event over `widget` would change: the widget, or the field it is part of (the text
    box inside a spin box or an editable combo box)."""
    for candidate in (widget, widget.parent()):
        if isinstance(candidate, VALUE_FIELDS) and not isinstance(candidate, QScrollBar):
            return candidate
    return None


def _scroll_area(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and not isinstance(parent, VALUE_FIELDS):
            return parent
        parent = parent.parentWidget()
    return None


class FieldFilter(QObject):
    """The event filter each field gets: its wheel, and its language changes (date fields)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == _WHEEL:
            return self._on_wheel(watched, event)
        if kind == _LANGUAGE and isinstance(watched, QDateTimeEdit):
            apply_date_format(watched)
        return False

    def _on_wheel(self, watched: QObject, event: QEvent) -> bool:
        field = _value_field(watched)
        if field is None or field.hasFocus():
            return False  # the field being edited: as usual
        area = _scroll_area(field)
        if area is not None:
            QCoreApplication.sendEvent(area.viewport(), event)  # scroll the page under the pointer instead
        event.accept()
        return True  # the field never sees it


class FieldStyle(QProxyStyle):
    """The application's own style, unchanged, except that it sets up each input field as it is polished."""

    def __init__(self, base: QStyle | None) -> None:
        super().__init__(base)
        self.fields = FieldFilter(self)

    def polish(self, target: QWidget | QApplication | QPalette) -> None:  # type: ignore[override]
        if isinstance(target, QWidget):
            set_up_field(target, self.fields)
            dialog_size.watch(target)
        super().polish(target)


def set_up_field(widget: QWidget, fields: FieldFilter) -> None:
    if isinstance(widget, QScrollBar) or not isinstance(widget, VALUE_FIELDS):
        return
    # Qt gives a WheelFocus field the focus when the wheel turns over it, before any filter sees the wheel:
    # a field gets the focus from a click or Tab only.
    if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(fields)  # installing it again (a re-polish) keeps one
    if isinstance(widget, QDateTimeEdit):
        apply_date_format(widget)


def install(app: QApplication) -> FieldStyle:
    """Wrap the application's style (once) and set up the fields that already exist."""
    installed = getattr(app, "_companion_field_style", None)
    if isinstance(installed, FieldStyle):
        return installed
    current = app.style()  # with a style sheet, Qt's wrapper around the base style; its name is the base's
    from companion.ui.style import INSTALLED, ContrastIndicators  # tick boxes framed in the text colour

    base = ContrastIndicators(current.name() if current is not None else "")
    style = FieldStyle(base)
    style.indicators = base  # type: ignore[attr-defined]  # its drawing is Python's: kept alive with the style
    app.setStyle(style)  # re-polishes every existing widget, so existing fields are set up too
    app._companion_field_style = style  # type: ignore[attr-defined]
    app.setProperty(INSTALLED, True)
    return style
