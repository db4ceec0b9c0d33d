"""The follow-up notice on Today: one calm notice that repeats the person's own words when a reason they
wrote after an appointment is met ("You said you would ask for a follow-up if ... This has been so since
..."), with the contact saved for that appointment. It never advises. "I've asked" stops the reasons of
that appointment; "Not now" hides the notice until the diary is next unlocked.

A part of the UI core whose interests follow what it watches: with no measurable reason being watched it
hears only of appointments (so a check-in reads nothing for it); while one is, check-ins, measures and
flare-ups too, the changes that can meet a rule (docs/follow-up.md). Its refresh() reads a moment later
(READ_DELAY_MS), after the screen has drawn the change that caused it: a check-in shows on Today at once, and
the notice, which is about weeks of the diary, follows."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QPushButton, QVBoxLayout, QWidget

from companion.domain.changes import Changes
from companion.domain.followup import FollowUpNotice
from companion.i18n import _
from companion.i18n.formatting import format_date
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import PagePart
from companion.ui.medicines.fields import button_row
from companion.ui.widgets import label

READ_DELAY_MS = 150
QUIET = Changes(appointments=True)
WATCHING = Changes(appointments=True, pain_entries=True, measures=True, flares=True)
_LEADING_IF = ("if ", "os ")


def own_words(words: str) -> str:
    """The person's words to follow "... a follow-up if": a leading "if" they wrote themselves is not repeated."""
    for start in _LEADING_IF:
        if words.casefold().startswith(start):
            rest = words[len(start) :].lstrip()
            return rest or words
    return words


class FollowUpNoticePanel(PagePart, QFrame):
    """Stays in the layout (never hides itself, so it keeps hearing changes); its frame shows when a reason
    is met."""

    interests = QUIET

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("followUpNotice")
        self._diary = diary
        self._session = diary.session
        self._notices: list[FollowUpNotice] = []
        self._not_now = False
        self._day = diary.clock.today()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.frame = QFrame()
        self.frame.setObjectName("banner")  # the style sheet's framed notice
        layout = QVBoxLayout(self.frame)
        self.text = label(selectable=True)
        self.text.setObjectName("followUpText")
        self.contact = label(selectable=True)
        self.contact.setObjectName("followUpContact")
        self.asked_button = QPushButton()
        self.asked_button.setObjectName("followUpAsked")
        self.not_now_button = QPushButton()
        self.not_now_button.setObjectName("followUpNotNow")
        self.status = label()
        self.status.setObjectName("followUpStatus")
        layout.addWidget(self.text)
        layout.addWidget(self.contact)
        layout.addWidget(button_row(self.asked_button, self.not_now_button))
        outer.addWidget(self.frame)
        outer.addWidget(self.status)
        self.asked_button.clicked.connect(self.asked)
        self.not_now_button.clicked.connect(self.not_now)
        self.reading = QTimer(self)
        self.reading.setSingleShot(True)
        self.reading.setInterval(READ_DELAY_MS)
        self.reading.timeout.connect(self.read)
        self.read()  # at once when Today is built (at unlock)
        self.retranslate_ui()
        diary.host.add(self)

    def refresh(self) -> None:
        """Read again a moment from now, once the change that caused it is on screen."""
        self.reading.start()

    def detach(self) -> None:
        self.reading.stop()

    def read(self) -> None:
        """Read the reasons met now (only refresh() and the constructor lead here); what it listens for follows."""
        service = self._session.appointments
        self._day = self._diary.clock.today()
        self._notices = service.follow_up_notices()
        self.interests = WATCHING if self._notices or service.watching() else QUIET
        self._render()

    def retranslate_ui(self) -> None:
        self.frame.setAccessibleName(_("A follow-up you said you would ask for"))
        self.asked_button.setText(_("I've asked"))
        self.asked_button.setAccessibleName(_("I've asked for the follow-up: stop showing this"))
        self.not_now_button.setText(_("Not now"))
        self.not_now_button.setAccessibleName(_("Not now: hide this until the diary is next unlocked"))
        self._render()

    def notice(self) -> FollowUpNotice | None:
        return None if self._not_now or not self._notices else self._notices[0]

    def _render(self) -> None:
        notice = self.notice()
        self.frame.setVisible(notice is not None)
        if notice is None:
            return
        self.text.setText(
            _("You said you would ask for a follow-up if {words}. This has been so since {date}.").format(
                words=own_words(notice.reason.words), date=format_date(notice.since)
            )
        )
        appointment = notice.appointment
        when = format_date(self._diary.clock.localize(appointment.when).date())
        if appointment.contact and appointment.who:
            text = _("The appointment was with {who} on {date}. To ask: {contact}").format(
                who=appointment.who, date=when, contact=appointment.contact
            )
        elif appointment.contact:
            text = _("The appointment was on {date}. To ask: {contact}").format(date=when, contact=appointment.contact)
        elif appointment.who:
            text = _("The appointment was with {who} on {date}.").format(who=appointment.who, date=when)
        else:
            text = _("The appointment was on {date}.").format(date=when)
        self.contact.setText(text)

    def asked(self) -> None:
        """Stop the reasons of this appointment that are met: the follow-up has been asked for."""
        notice = self.notice()
        if notice is None:
            return
        service = self._session.appointments
        met = [n.reason.id for n in self._notices if n.appointment.id == notice.appointment.id]

        def dismiss() -> tuple[None, Changes]:
            changes = Changes()
            for reason_id in met:
                changes |= service.set_reason_dismissed(reason_id)[1]
            return None, changes

        if self._diary.run(dismiss, problem=self.status) is not None:
            self._notices = [n for n in self._notices if n.reason.id not in met]  # gone now, not a moment later
            self._render()
            self.status.setText(_("Noted. You can see your reasons under My story, Appointments."))

    def not_now(self) -> None:
        self._not_now = True
        self._render()
        self.status.setText(_("Hidden until the diary is next unlocked."))

    def showEvent(self, event: object) -> None:
        if self._day != self._diary.clock.today():  # a new day: a flare may have passed its days
            self.read()
        super().showEvent(event)  # type: ignore[arg-type]
