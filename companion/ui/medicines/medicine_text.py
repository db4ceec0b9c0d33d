"""How a medicine stands today, a rating in words, and the row for a review that is due."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from companion.domain.medicines import Medicine, MedicineKind, MedicineRating, review_due_on
from companion.i18n import _
from companion.i18n.formatting import format_date, format_time
from companion.ui.medicines.fields import AdaptiveRow
from companion.ui.widgets import label


def is_stopped(medicine: Medicine, today: dt.date) -> bool:
    return medicine.stopped_on is not None and medicine.stopped_on <= today


def medicine_status(medicine: Medicine, today: dt.date) -> str:
    """Whole sentences about where a medicine stands today."""
    if medicine.stopped_on is not None and medicine.stopped_on <= today:
        return _("Stopped on {date}.").format(date=format_date(medicine.stopped_on))
    sentences = [_("Taken regularly.") if medicine.kind is MedicineKind.REGULAR else _("Taken as needed.")]
    if medicine.started_on is not None and medicine.started_on > today:
        sentences.append(_("Starts on {date}.").format(date=format_date(medicine.started_on)))
    elif medicine.stopped_on is not None:
        sentences.append(_("Stops on {date}.").format(date=format_date(medicine.stopped_on)))
    due = review_due_on(medicine, today)
    if due is not None and due <= today:
        sentences.append(_("Review due."))
    elif due is not None:
        sentences.append(_("Next review by {date}.").format(date=format_date(due)))
    return " ".join(sentences)


def rating_text(rating: MedicineRating) -> str:
    when = _("{date} at {time}").format(date=format_date(rating.rated_at.date()), time=format_time(rating.rated_at))
    if rating.helpfulness is not None and rating.side_effects:
        return _("{when}: helpfulness {score} out of 10. Side effects: {effects}").format(
            when=when, score=rating.helpfulness, effects=rating.side_effects
        )
    if rating.helpfulness is not None:
        return _("{when}: helpfulness {score} out of 10. No side effects written.").format(
            when=when, score=rating.helpfulness
        )
    return _("{when}: not rated. Side effects: {effects}").format(when=when, effects=rating.side_effects)


class ReviewRow(AdaptiveRow):
    """One medicine whose review is due, with a button to mark it as reviewed."""

    reviewed = Signal(str)

    def __init__(self, medicine: Medicine, due: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("medicineReviewRow")
        self.medicine = medicine
        self.due = due
        self.text = label()
        self.text.setObjectName("medicineReviewText")
        self.button = QPushButton()
        self.button.setObjectName("markReviewedButton")
        self.add(self.text, 1, min_chars=24, alignment=Qt.AlignmentFlag.AlignTop)
        self.add(self.button)
        self.button.clicked.connect(lambda: self.reviewed.emit(medicine.id))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.text.setText(
            _("{medicine}: the review was due on {date}.").format(
                medicine=self.medicine.name, date=format_date(self.due)
            )
        )
        self.button.setText(_("Mark as reviewed"))
        self.button.setAccessibleName(_("Mark {medicine} as reviewed today").format(medicine=self.medicine.name))
