"""What a form holds as plain values, to keep typed input over a lock and to tell whether anything changed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QTime
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLineEdit, QPlainTextEdit, QSpinBox, QTimeEdit

from companion.ui.medicines.fields import OptionalDate, pydate, qdate

State = dict[str, Any]


def widget_state(widget: Any) -> Any:
    """One input's value as JSON-friendly data."""
    if hasattr(widget, "state"):
        return widget.state()
    if isinstance(widget, OptionalDate):
        return {"on": widget.check.isChecked(), "date": pydate(widget.date.date()).isoformat()}
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        return data if isinstance(data, str | int) or data is None else str(data)
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    if isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QTimeEdit):
        return widget.time().toString("HH:mm")
    if isinstance(widget, QDateEdit):
        return pydate(widget.date()).isoformat()
    raise TypeError(f"no state for {type(widget).__name__}")


def set_widget_state(widget: Any, value: Any) -> None:
    """Put back what widget_state() gave; values of the wrong shape are left out, never guessed."""
    if hasattr(widget, "set_state"):
        widget.set_state(value)
    elif isinstance(widget, OptionalDate):
        if isinstance(value, dict):
            given = _iso_day(value.get("date"))
            day = given if given is not None else pydate(widget.date.date())
            widget.set_value(day if value.get("on") else None, day)
    elif isinstance(widget, QLineEdit):
        widget.setText(str(value or ""))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(str(value or ""))
    elif isinstance(widget, QComboBox):
        index = widget.findData(value)
        if index >= 0:
            widget.setCurrentIndex(index)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    elif isinstance(widget, QSpinBox):
        if isinstance(value, int):
            widget.setValue(value)
    elif isinstance(widget, QTimeEdit):
        time = QTime.fromString(str(value), "HH:mm")
        if time.isValid():
            widget.setTime(time)
    elif isinstance(widget, QDateEdit):
        chosen = _iso_day(value)
        if chosen is not None:
            widget.setDate(qdate(chosen))


def read_state(fields: Mapping[str, Any]) -> State:
    return {name: widget_state(widget) for name, widget in fields.items()}


def write_state(fields: Mapping[str, Any], state: Mapping[str, Any]) -> None:
    for name, widget in fields.items():
        if name in state:
            set_widget_state(widget, state[name])


def _iso_day(value: object) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None
