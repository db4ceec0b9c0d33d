"""How helpful a medicine is, and its side effects, over time: the inputs for a new rating and the history."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLineEdit, QListWidgetItem, QPushButton

from companion.domain.medicines import Medicine
from companion.i18n import _
from companion.ui.medicines.fields import HelpfulnessSpin, section, wrapped_list
from companion.ui.medicines.medicine_text import rating_text
from companion.ui.widgets import label


class RatingSection:
    """The framed part under a medicine's editor. It shows what it is given; the page reads and writes."""

    def __init__(self) -> None:
        self.box, self.heading, layout = section("medicineRatingBox")
        self.intro = label()
        self.intro.setObjectName("medicineRatingIntro")
        form = self.form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.helpfulness = HelpfulnessSpin()
        self.helpfulness.setObjectName("medicineHelpfulness")
        self.side_effects = QLineEdit()
        self.side_effects.setObjectName("medicineSideEffects")
        self.helpfulness_label, self.side_effects_label = label(), label()
        form.addRow(self.helpfulness_label, self.helpfulness)
        form.addRow(self.side_effects_label, self.side_effects)
        self.record_button = QPushButton()
        self.record_button.setObjectName("recordRatingButton")
        self.status = label()
        self.status.setObjectName("medicineRatingStatus")
        self.history_heading = label()
        self.history_heading.setObjectName("medicineHistoryHeading")
        font = self.history_heading.font()
        font.setBold(True)
        self.history_heading.setFont(font)
        self.history = wrapped_list("medicineRatingHistory", 5)
        self.history_empty = label()
        self.history_empty.setObjectName("medicineHistoryEmpty")
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addWidget(self.history_heading)
        layout.addWidget(self.history_empty)
        layout.addWidget(self.history)

    def retranslate_ui(self, medicine: Medicine | None) -> None:
        self.heading.setText(_("How helpful it is, and side effects"))
        self.box.setAccessibleName(_("How helpful it is, and side effects"))
        self.helpfulness_label.setText(_("How helpful, from 0 to 10"))
        self.helpfulness_label.setBuddy(self.helpfulness)
        self.helpfulness.setAccessibleName(_("How helpful it is, from 0 (not at all) to 10 (very)"))
        self.helpfulness.set_not_rated_text(_("Not rated"))
        self.side_effects_label.setText(_("Side effects"))
        self.side_effects_label.setBuddy(self.side_effects)
        self.side_effects.setAccessibleName(_("Side effects, in your own words"))
        self.record_button.setText(_("Re&cord"))
        self.record_button.setAccessibleName(_("Record how helpful it is and any side effects"))
        self.history_heading.setText(_("Recorded so far, newest first"))
        self.history.setAccessibleName(_("How helpful it has been and side effects, newest first"))
        self.history_empty.setText(_("Nothing recorded yet."))
        self.show_medicine(medicine)

    def show_medicine(self, medicine: Medicine | None) -> None:
        """The words and history for `medicine` (None while a new one is being added)."""
        if medicine is None:
            self.intro.setText(_("Save the medicine first, then record how helpful it is."))
        else:
            self.intro.setText(
                _(
                    "From time to time, record how helpful {medicine} is and any side effects. The history "
                    "can help you prepare for a medication review."
                ).format(medicine=medicine.name)
            )
        self.history.clear()
        ratings = list(reversed(medicine.ratings)) if medicine else []
        for rating in ratings:
            self.history.addItem(QListWidgetItem(rating_text(rating)))
        self.history.setVisible(bool(ratings))
        self.history_empty.setVisible(medicine is not None and not ratings)
        self.history_heading.setVisible(medicine is not None)
        for widget in (self.helpfulness, self.side_effects, self.record_button):
            widget.setEnabled(medicine is not None)

    def clear_inputs(self) -> None:
        self.helpfulness.set_rating(None)
        self.side_effects.clear()

    def has_input(self) -> bool:
        return self.helpfulness.rating() is not None or bool(self.side_effects.text())

    def state(self) -> dict[str, Any]:
        return {"helpfulness": self.helpfulness.rating(), "side_effects": self.side_effects.text()}

    def set_state(self, state: dict[str, Any]) -> None:
        self.helpfulness.set_rating(state.get("helpfulness"))
        self.side_effects.setText(str(state.get("side_effects") or ""))
