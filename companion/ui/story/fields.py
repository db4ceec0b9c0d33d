"""Inputs the story screens share: a date as the person remembers it ("2019", "about March 2019"), and
"agreed with ... on ..." for any plan made together."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from companion.domain.agreement import Agreement
from companion.domain.approx_date import ApproxDate, format_approx_date, parse_approx_date
from companion.i18n import _, current_language
from companion.ui.medicines.fields import AdaptiveRow, OptionalDate
from companion.ui.story.form_state import set_widget_state, widget_state
from companion.ui.widgets import label


class ApproxDateEdit(QLineEdit):
    """A date typed as the person knows it; read with value(), which raises ValidationError (a translated
    message) when it can't be read. Shown again exactly as precisely as it was written."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)

    def set_value(self, value: ApproxDate | None) -> None:
        self.setText(format_approx_date(value, _, current_language()) if value is not None else "")

    def value(self) -> ApproxDate | None:
        return parse_approx_date(self.text())

    def retranslate_ui(self) -> None:
        self.setPlaceholderText(_("For example 2019, about March 2019, or 4 March 2019"))


class AgreementFields(QWidget):
    """ "Agreed with [who]" and "Agreed on [date]" (both optional): who a plan was made with, and when."""

    def __init__(self, name: str = "agreement", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.who_label: QLabel = label()
        self.who = QLineEdit()
        self.who.setObjectName(f"{name}With")
        self.who_label.setBuddy(self.who)
        row = AdaptiveRow()
        row.add(self.who_label, 0, alignment=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        row.add(self.who, 1, min_chars=24, alignment=Qt.AlignmentFlag(0))
        self.on = OptionalDate(f"{name}On")
        layout.addWidget(row)
        layout.addWidget(self.on)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.who_label.setText(_("Agreed with"))
        self.who.setAccessibleName(_("Agreed with: the person you made the plan with (optional)"))
        self.who.setPlaceholderText(_("For example Dr Rees, or the pharmacist"))
        self.on.set_texts(_("Agreed on a date"), _("The plan was agreed on a date"), _("The day it was agreed"))

    def value(self) -> Agreement:
        return Agreement(self.who.text(), self.on.value())

    def set_value(self, agreement: Agreement, today: dt.date) -> None:
        """Show a saved agreement (no change signals: it is what is saved, not an edit)."""
        self.who.blockSignals(True)
        self.who.setText(agreement.with_whom)
        self.who.blockSignals(False)
        self.on.set_value(agreement.on, agreement.on or today)

    def focusables(self) -> list[QWidget]:
        return [self.who, self.on.check, self.on.date]

    def state(self) -> dict[str, Any]:
        return {"with": self.who.text(), "on": widget_state(self.on)}

    def set_state(self, state: object) -> None:
        if isinstance(state, dict):
            self.who.setText(str(state.get("with", "")))
            set_widget_state(self.on, state.get("on"))
