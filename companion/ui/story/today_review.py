"""The current step of each planned medicine review, on Today: the step the person is on in the words they
agreed, the next one, and who agreed it. It shows; it never suggests. A part of the UI core that stays in the
layout (so it keeps hearing changes) and shows its frame only when a plan has a step under way."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from companion.domain.agreement import agreement_text
from companion.domain.changes import Changes
from companion.domain.medicine_review import ReviewPlan, ReviewStep
from companion.i18n import _, current_language
from companion.i18n.formatting import format_date
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import PagePart
from companion.ui.widgets import label


class ReviewStepPanel(PagePart, QFrame):
    interests = Changes(medicines=True)

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayReviewSteps")
        self._diary = diary
        self._session = diary.session
        self._steps: list[tuple[ReviewPlan, ReviewStep]] = []
        self._day = diary.clock.today()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 8, 0, 0)
        self.heading = label("subheading")
        self.lines = label(selectable=True)
        self.lines.setObjectName("todayReviewStepText")
        outer.addWidget(self.heading)
        outer.addWidget(self.lines)
        self.refresh()
        self.retranslate_ui()
        diary.host.add(self)

    def refresh(self) -> None:
        """Read each plan's step for today (the only place this part reads the diary)."""
        self._day = self._diary.clock.today()
        self._steps = self._session.story.current_review_steps(self._day)
        self._render()

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Medicine review plan"))
        self._render()

    def _render(self) -> None:
        shown = bool(self._steps)
        self.heading.setVisible(shown)
        self.lines.setVisible(shown)
        lang = current_language()
        blocks = []
        for plan, step in self._steps:
            lines = [
                _("Planned review “{plan}”: the step since {date} is “{step}”.").format(
                    plan=plan.title, date=format_date(step.starts_on), step=step.text
                )
            ]
            following = plan.next_step(self._day)
            if following is not None:
                lines.append(
                    _("Next, from {date}: “{step}”").format(date=format_date(following.starts_on), step=following.text)
                )
            agreed = agreement_text(plan.agreement, _, lang)
            if agreed:
                lines.append(agreed)
            blocks.append("\n".join(lines))
        self.lines.setText("\n\n".join(blocks))

    def showEvent(self, event: object) -> None:
        if self._day != self._diary.clock.today():  # a new day may start a new step
            self.refresh()
        super().showEvent(event)  # type: ignore[arg-type]
