"""Medicines taken as needed, on Today: how many doses so far, a dose logged in one step, and Undo."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from companion.domain.changes import Changes
from companion.domain.medicines import Dose, Medicine
from companion.i18n import _, ngettext
from companion.i18n.formatting import format_time
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import PagePart
from companion.ui.medicines.fields import AdaptiveRow, place_before
from companion.ui.widgets import label, set_tab_order


class DoseRow(QFrame):
    """One as-needed medicine: its name and dose as written, the doses taken today, and Log a dose."""

    log_requested = Signal(str)

    def __init__(self, medicine: Medicine, doses_today: list[Dose], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("doseRow")
        self.medicine = medicine
        self.doses_today = doses_today
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 4, 0, 4)
        self.name = label()
        self.name.setObjectName("doseMedicineName")
        font = self.name.font()
        font.setBold(True)
        self.name.setFont(font)
        self.count = label()
        self.count.setObjectName("doseCountToday")
        self.log_button = QPushButton()
        self.log_button.setObjectName("logDoseButton")
        texts = QWidget()
        texts_layout = QVBoxLayout(texts)
        texts_layout.setContentsMargins(0, 0, 0, 0)
        texts_layout.addWidget(self.name)
        texts_layout.addWidget(self.count)
        row = AdaptiveRow()  # the button goes under the words when the panel is narrow
        row.add(texts, 1, min_chars=22, alignment=Qt.AlignmentFlag.AlignTop)
        row.add(self.log_button, 0, alignment=Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        outer.addWidget(row)
        self.log_button.clicked.connect(lambda: self.log_requested.emit(medicine.id))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        medicine = self.medicine
        if medicine.dose:
            self.name.setText(_("{medicine}: {dose}").format(medicine=medicine.name, dose=medicine.dose))
        else:
            self.name.setText(medicine.name)
        n = len(self.doses_today)
        if n == 0:
            text = _("No doses taken today.")
        else:
            text = ngettext(
                "{count} dose taken today, at {time}.",
                "{count} doses taken today, the last at {time}.",
                n,
            ).format(count=n, time=format_time(self.doses_today[-1].taken_at))
        self.count.setText(text)
        self.count.setAccessibleName(_("{medicine}: {count}").format(medicine=medicine.name, count=text))
        self.log_button.setText(_("Log a dose"))
        self.log_button.setAccessibleName(_("Log a dose of {medicine} taken now").format(medicine=medicine.name))


class TodayDosesPanel(PagePart, QFrame):
    """Empty (its body hidden, no height) while there is no current medicine taken as needed. A part of the
    UI core: it reads the diary only in `refresh()`. It never hides itself: a hidden part is never shown
    again by its page, so it would miss the change that gives it something to show."""

    interests = Changes(medicines=True)

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayDosesPanel")
        self._diary = diary
        self._session = diary.session
        self._rows: list[DoseRow] = []
        self._last_dose: Dose | None = None
        self._last_name = ""
        self._neighbours: tuple[QWidget, QWidget] | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.body = QWidget()
        self.body.setObjectName("todayDosesBody")
        outer.addWidget(self.body)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 8, 0, 8)
        self.heading = label("subheading")
        self.heading.setObjectName("todayDosesHeading")
        self.rows_box = QVBoxLayout()
        self.message = label()
        self.message.setObjectName("doseMessage")
        self.undo_button = QPushButton()
        self.undo_button.setObjectName("undoDoseButton")
        self.undo_button.hide()
        message_row = QHBoxLayout()
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.heading)
        layout.addLayout(self.rows_box)
        layout.addLayout(message_row)
        self.undo_button.clicked.connect(self.undo_last_dose)
        self.refresh()
        self.retranslate_ui()
        diary.host.add(self)

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Medicines taken as needed"))
        self.undo_button.setText(_("Un&do"))
        self.undo_button.setAccessibleName(_("Undo the last dose logged"))

    def refresh(self) -> None:
        """Read the as-needed medicines and today's doses (the only place this panel reads the diary)."""
        service = self._session.medicines
        medicines = service.as_needed()
        doses = service.doses_on(service.today())
        for row in self._rows:
            row.setParent(None)
            row.deleteLater()
        self._rows = []
        for medicine in medicines:
            row = DoseRow(medicine, [d for d in doses if d.medicine_id == medicine.id])
            row.log_requested.connect(self.log_dose)
            self.rows_box.addWidget(row)
            row.show()  # at once, not on the next pass of the event loop, so focus can move to it now
            self._rows.append(row)
        # New buttons join the end of the window's Tab order: put them just before Undo instead.
        if self._neighbours is None:
            place_before(self.undo_button, [r.log_button for r in self._rows])
        else:
            self._chain_focus()
        self.body.setVisible(bool(medicines))

    def set_focus_neighbours(self, before: QWidget, after: QWidget) -> None:
        """Tab reaches the dose buttons after `before` and leaves them for `after`, as rows come and go."""
        self._neighbours = (before, after)
        self._chain_focus()

    def _chain_focus(self) -> None:
        if self._neighbours is None:
            return
        before, after = self._neighbours
        chain = [before, *(r.log_button for r in self._rows), self.undo_button, after]
        set_tab_order(chain)

    def rows(self) -> list[DoseRow]:
        return list(self._rows)

    def row_for(self, name: str) -> DoseRow:
        return next(r for r in self._rows if r.medicine.name == name)

    def has_medicines(self) -> bool:
        return bool(self._rows)

    def log_dose(self, medicine_id: str) -> bool:
        """Log a dose of the medicine taken now. False when it could not be logged (the reason is shown)."""
        service = self._session.medicines

        def log() -> tuple[tuple[Medicine, Dose], Changes]:
            medicine = service.get(medicine_id)
            dose, changes = service.log_dose(medicine_id)
            return (medicine, dose), changes

        done = self._diary.run(log, problem=self.message)
        if done is None:
            return False
        medicine, dose = done.value
        self._last_dose = dose
        self._last_name = medicine.name
        self.message.setText(
            _("Dose of {medicine} logged at {time}.").format(medicine=medicine.name, time=format_time(dose.taken_at))
        )
        self.undo_button.show()
        row = next((r for r in self._rows if r.medicine.id == medicine_id), None)
        if row is not None:
            row.log_button.setFocus()
        return True

    def undo_last_dose(self) -> None:
        dose = self._last_dose
        if dose is None:
            return
        done = self._diary.run(lambda: (None, self._session.medicines.delete_dose(dose.id)), problem=self.message)
        self._last_dose = None
        if done is None:
            return
        self.undo_button.hide()
        self.message.setText(
            _("The dose of {medicine} logged at {time} was removed.").format(
                medicine=self._last_name, time=format_time(dose.taken_at)
            )
        )
        row = next((r for r in self._rows if r.medicine.id == dose.medicine_id), None)
        if row is not None:
            row.log_button.setFocus()
