"""Flare mode: the person's own flare-up plan, opened in one step, in large calm type, a little at a time.

Made for a bad day: one hand, little energy, no typing needed. The first step starts a flare with one
button, or, while one is going on, notes the pain with one press (a click or a number key) and ends it
("My flare has ended" can be undone for a little while, as deleting a check-in can). The next steps show
the plan the person wrote: first steps, what helps, who to call, when to get medical help (with the
standard urgent help always there). Sizes follow the text-size setting (multiples of the app font);
colours come from the palette.

A part of the UI core: it reads the diary only in `refresh()`, writes through `diary.run`, and a review
being written when the diary locks is kept as a draft and comes back, unsaved, after unlocking.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from companion.domain.changes import Changes
from companion.domain.flare import FlareEpisode, FlarePlan
from companion.i18n import N_, _
from companion.i18n.formatting import format_date, format_time
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft, PagePart
from companion.ui.flare.flare_review import FlareReview
from companion.ui.flare.flare_style import MIN_TARGET_PX, flare_button, flare_stylesheet
from companion.ui.flare.plan_steps import PLAN_STEPS, PlanSteps
from companion.ui.layouts import flow_row
from companion.ui.today.score_picker import PAIN_HIGH, PAIN_LOW, PAIN_NAME, TEN_WINDOW_SECONDS
from companion.ui.widgets import label, set_tab_order

__all__ = ["MIN_TARGET_PX", "NOW", "STEPS", "FlareModeView", "flare_stylesheet"]

NOW = "now"
STEPS: tuple[str, ...] = (NOW, *(key for key, _title in PLAN_STEPS))
SCORE_COLUMNS = 6
UNDO_MS = 15_000  # how long "My flare has ended" can be undone (longer while the Undo button has the focus)

START, ONGOING, REVIEW = "start", "ongoing", "review"
REVIEW_SAVED = N_("Your review is saved. Thank you.")


class FlareModeView(PagePart, QWidget):
    interests = Changes(flares=True)
    draft_key = "flare_mode"
    closed = Signal()  # leave flare mode

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._diary = diary
        self._session = diary.session
        self.setObjectName("flareMode")
        self.setProperty("role", "flare")
        self._base_pt = 0
        self._step = 0
        self._state = START
        self._plan: FlarePlan | None = None
        self._episode: FlareEpisode | None = None
        self._ended: FlareEpisode | None = None  # the flare just marked as ended, while it can be undone
        self._message = ""  # the calm confirmation on the first step, kept across language switches
        self._message_args: dict[str, object] = {}
        self._problem = ""  # or a problem the diary reported, already in words
        self._one_timer = QTimer(self)  # "1" then "0" quickly gives 10, as on Today
        self._one_timer.setSingleShot(True)
        self._one_timer.setInterval(int(TEN_WINDOW_SECONDS * 1000))
        self._one_timer.timeout.connect(lambda: self.note_pain(1))
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(UNDO_MS)
        self._undo_timer.timeout.connect(self._on_undo_timer_timeout)

        root = QVBoxLayout(self)
        root.setContentsMargins(24, 16, 24, 16)
        root.setSpacing(16)
        self.heading = label("flare-title")
        self.leave_button = flare_button("flareLeave")
        root.addWidget(flow_row(self.heading, self.leave_button, spacing=16))  # the button wraps under at large text

        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("flareScroll")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        body = QWidget()
        body.setObjectName("flareBody")
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 8, 0)
        body_layout.setSpacing(20)
        self.scroll_area.setWidget(body)
        root.addWidget(self.scroll_area, 1)

        # Step 1: now (start a flare / note pain and end it / review afterwards).
        self.now_page = QWidget()
        now = QVBoxLayout(self.now_page)
        now.setContentsMargins(0, 0, 0, 0)
        now.setSpacing(20)
        self.start_box = QWidget()
        start = QVBoxLayout(self.start_box)
        start.setContentsMargins(0, 0, 0, 0)
        start.setSpacing(20)
        self.start_title = label("flare-title")
        self.start_hint = label("flare")
        self.start_button = flare_button("flareStart", "flare-main")
        start.addWidget(self.start_title)
        start.addWidget(self.start_button, 0, Qt.AlignmentFlag.AlignLeft)
        start.addWidget(self.start_hint)

        self.ongoing_box = QWidget()
        ongoing = QVBoxLayout(self.ongoing_box)
        ongoing.setContentsMargins(0, 0, 0, 0)
        ongoing.setSpacing(16)
        self.since = label("flare-title")
        self.pain_prompt = label("flare")
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        self.score_buttons: list[QPushButton] = []
        for value in range(11):
            button = flare_button(f"flarePain_{value}", "flare-score")
            button.setText(str(value))
            button.clicked.connect(lambda _checked=False, v=value: self.note_pain(v))
            grid.addWidget(button, value // SCORE_COLUMNS, value % SCORE_COLUMNS)
            self.score_buttons.append(button)
        grid.setColumnStretch(SCORE_COLUMNS, 1)
        self.low_anchor = label("flare-small")
        self.high_anchor = label("flare-small")
        self.end_button = flare_button("flareEnd")
        since_row = QHBoxLayout()  # the end button sits high up, so it never needs scrolling to
        since_row.setSpacing(24)
        since_row.addWidget(self.since, 1)
        since_row.addWidget(self.end_button, 0, Qt.AlignmentFlag.AlignTop)
        ongoing.addLayout(since_row)
        ongoing.addWidget(self.pain_prompt)
        ongoing.addLayout(grid)
        anchors = QHBoxLayout()
        anchors.setSpacing(24)
        self.high_anchor.setAlignment(Qt.AlignmentFlag.AlignRight)
        anchors.addWidget(self.low_anchor)
        anchors.addWidget(self.high_anchor, 1)
        ongoing.addLayout(anchors)

        # "My flare has ended" can be undone for a while (the button, or Ctrl+Z).
        self.undo_bar = QFrame()
        self.undo_bar.setObjectName("flareUndoBar")
        undo_row = QHBoxLayout(self.undo_bar)
        self.undo_text = label("flare")
        self.undo_text.setObjectName("flareUndoText")
        self.undo_button = flare_button("flareUndoButton")
        undo_row.addWidget(self.undo_text, 1)
        undo_row.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.undo_bar.hide()

        self.review = FlareReview(diary)
        self.confirmation = label("flare-note")
        self.confirmation.setObjectName("flareConfirmation")
        self.confirmation.hide()
        now.addWidget(self.confirmation)
        now.addWidget(self.undo_bar)
        now.addWidget(self.start_box)
        now.addWidget(self.ongoing_box)
        now.addWidget(self.review)
        now.addStretch(1)
        body_layout.addWidget(self.now_page)

        # Steps 2 to 5: the person's own plan.
        self.plan_steps = PlanSteps()
        for page in self.plan_steps.pages.values():
            body_layout.addWidget(page)
        self.plan_pages = self.plan_steps.pages
        self.plan_titles = self.plan_steps.titles
        self.pages: dict[str, QWidget] = {NOW: self.now_page, **self.plan_pages}

        self.footer = QWidget()  # Back, "Step 1 of 5", Next: not while the review is asked
        nav = QHBoxLayout(self.footer)
        nav.setContentsMargins(0, 0, 0, 0)
        nav.setSpacing(16)
        self.back_button = flare_button("flareBack")
        self.next_button = flare_button("flareNext")
        self.step_label = label("flare-small")
        self.step_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        nav.addWidget(self.back_button)
        nav.addWidget(self.step_label, 1)
        nav.addWidget(self.next_button)
        root.addWidget(self.footer)

        set_tab_order(
            [self.undo_button, *self.review.fields.fields(), self.review.save_button, self.review.not_now_button]
        )
        self.leave_button.clicked.connect(self.closed)
        self.start_button.clicked.connect(self.start_flare)
        self.end_button.clicked.connect(self.end_flare)
        self.undo_button.clicked.connect(self.undo_end)
        self.back_button.clicked.connect(lambda: self.show_step(self._step - 1))
        self.next_button.clicked.connect(lambda: self.show_step(self._step + 1))
        self.review.done.connect(self._on_review_done)
        self.review.saved.connect(self._on_review_saved)
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.closed.emit)
        self.escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.activated.connect(self.undo_end)
        self._apply_sizes()
        self.refresh()
        self.retranslate_ui()
        self.show_step(0, focus=False)
        diary.host.add(self)

    # --- look -------------------------------------------------------------------------------------------

    def _apply_sizes(self) -> None:
        app = QApplication.instance()
        font = app.font() if isinstance(app, QApplication) else QFont()
        base = font.pointSize() if font.pointSize() > 0 else 12
        if base != self._base_pt:
            self._base_pt = base
            self.setStyleSheet(flare_stylesheet(base))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.ApplicationFontChange, QEvent.Type.StyleChange):
            self._apply_sizes()
        super().changeEvent(event)

    # --- words ------------------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Flare mode"))
        self.leave_button.setText(_("Leave flare mode"))
        self.leave_button.setAccessibleName(_("Leave flare mode (Esc)"))
        self.scroll_area.setAccessibleName(_("Your flare-up plan"))
        self.start_title.setText(_("If a flare has started, press the button. That is all you need to do."))
        self.start_button.setText(_("My flare started"))
        self.start_button.setAccessibleName(_("My flare started"))
        self.start_hint.setText(_("Your own plan is on the next pages. Press Next to read it."))
        self.pain_prompt.setText(_("How is your pain now? Press a number. It is noted straight away."))
        for value, button in enumerate(self.score_buttons):
            button.setAccessibleName(_(PAIN_NAME).format(score=value))
        self.low_anchor.setText(_(PAIN_LOW))
        self.high_anchor.setText(_(PAIN_HIGH))
        self.end_button.setText(_("My flare has ended"))
        self.end_button.setAccessibleName(_("My flare has ended"))
        self.undo_button.setText(_("&Undo"))
        self.undo_button.setAccessibleName(_("Undo: my flare has not ended (Ctrl+Z)"))
        self.undo_button.setToolTip(_("Undo: my flare has not ended (Ctrl+Z)"))
        self.back_button.setText(_("Back"))
        self.back_button.setAccessibleName(_("Back to the previous step"))
        self.next_button.setText(_("Next"))
        self.next_button.setAccessibleName(_("Next step"))
        self.plan_steps.retranslate_ui()
        self._show_message()
        self._update_step_label()
        self._fill_since()
        self._fill_undo()

    def _update_step_label(self) -> None:
        self.step_label.setText(_("Step {n} of {total}").format(n=self._step + 1, total=len(STEPS)))

    def _fill_since(self) -> None:
        if self._episode is not None:
            self.since.setText(_("Flare since {date}.").format(date=format_date(self._episode.started_at.date())))

    def _fill_undo(self) -> None:
        if self._ended is not None:
            text = _("Your flare is marked as ended. If it has not ended, press Undo.")
            self.undo_text.setText(text)
            self.undo_bar.setAccessibleName(text)

    def _say(self, template: str, **args: object) -> None:
        """A calm line on the first step: `template` is kept untranslated, so it follows a language switch."""
        self._message, self._message_args, self._problem = template, args, ""
        self._show_message()

    def _say_problem(self, text: str) -> None:
        """A problem from the diary, already in words (shown as it is)."""
        self._message, self._message_args, self._problem = "", {}, text
        self._show_message()

    def _show_message(self) -> None:
        text = _(self._message).format(**self._message_args) if self._message else self._problem
        self.confirmation.setVisible(bool(text))
        self.confirmation.setText(text)

    # --- data -------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the plan and the flare going on (the only place flare mode reads the diary)."""
        flares = self._session.flares
        self._plan = flares.plan()
        self._episode = flares.current()
        if self._episode is not None:
            self._set_state(ONGOING)
        elif self._state != REVIEW or self.review.episode_id is None:
            self._set_state(START)
        self._fill_since()
        self.plan_steps.show_plan(self._plan)

    def _set_state(self, state: str) -> None:
        self._state = state
        self.start_box.setVisible(state == START)
        self.ongoing_box.setVisible(state == ONGOING)
        self.review.setVisible(state == REVIEW)
        self.footer.setVisible(state != REVIEW)
        if state == ONGOING:
            self._drop_undo()

    def plan_lines_shown(self, step: str) -> list[str]:
        """The plan lines shown on a step (for tests and screen readers' sake of checking)."""
        return self.plan_steps.lines_shown(step)

    # --- steps ------------------------------------------------------------------------------------------

    def current_step(self) -> str:
        return STEPS[self._step]

    def show_step(self, index: int | str, *, focus: bool = True) -> None:
        if isinstance(index, str):
            index = STEPS.index(index)
        self._step = max(0, min(len(STEPS) - 1, index))
        for key, page in self.pages.items():
            page.setVisible(key == STEPS[self._step])
        self.back_button.setEnabled(self._step > 0)
        self.next_button.setEnabled(self._step < len(STEPS) - 1)
        self._update_step_label()
        self.scroll_area.verticalScrollBar().setValue(0)
        if focus:
            self.focus_first()

    def focus_first(self) -> None:
        """Put the keyboard on the one thing most likely wanted on this step."""
        if self.current_step() == NOW:
            target: QWidget = {
                START: self.start_button,
                ONGOING: self.score_buttons[0],
                REVIEW: self.review.questions["triggers"],
            }[self._state]
        else:
            target = self.next_button if self.next_button.isEnabled() else self.back_button
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def open(self) -> None:
        """Called each time flare mode opens: the first step, the keyboard on its main button (the data is
        fresh: the page host refreshes flare mode when it is shown after a change)."""
        self.show_step(0)

    # --- actions ----------------------------------------------------------------------------------------

    def start_flare(self) -> None:
        if self._diary.run(self._session.flares.start, problem=self._say_problem) is None:
            return
        self._say(N_("Your flare is noted. Take it one step at a time."))
        self.show_step(0)

    def note_pain(self, score: int) -> None:
        if self._state != ONGOING:
            return
        flares = self._session.flares
        done = self._diary.run(lambda: flares.note_pain(score), problem=self._say_problem, origin=self)
        if done is None:
            return
        if done.value is not None:  # the flare with its peak, from the write itself: nothing read back
            self._episode = done.value
        self._say(N_("Pain {score} noted at {time}."), score=score, time=format_time(self._diary.clock.now()))
        self.score_buttons[score].setFocus(Qt.FocusReason.OtherFocusReason)

    def end_flare(self) -> None:
        done = self._diary.run(self._session.flares.end, problem=self._say_problem)
        if done is None:
            return
        episode = done.value
        self.review.start(episode.id)
        self._ended = episode
        self._set_state(REVIEW)
        self._say("")
        self._fill_undo()
        self.undo_bar.show()
        self._undo_timer.start()
        self.show_step(0)

    def undo_end(self) -> bool:
        """Put back the flare just marked as ended: it goes on, as it was. False when there is nothing to undo."""
        ended = self._ended
        if ended is None:
            return False
        self._drop_undo()
        if self._diary.run(lambda: self._session.flares.undo_end(ended.id), problem=self._say_problem) is None:
            return False
        self._say(N_("Your flare is going on again, as it was."))
        self.show_step(0)
        return True

    @property
    def can_undo(self) -> bool:
        return self._ended is not None

    def _drop_undo(self) -> None:
        self._ended = None
        self._undo_timer.stop()
        self.undo_bar.hide()

    def _on_undo_timer_timeout(self) -> None:
        if self.undo_button.hasFocus() or self.undo_bar.underMouse():
            self._undo_timer.start()  # the person is about to use it
            return
        self._drop_undo()

    def _on_review_saved(self) -> None:
        self._drop_undo()  # the person has moved on; the review belongs to the ended flare now
        self._say(REVIEW_SAVED)

    def _on_review_done(self) -> None:
        if self._message != REVIEW_SAVED:
            self._say("")
        self._set_state(START)
        self.focus_first()

    # --- across a lock ------------------------------------------------------------------------------------

    def draft(self) -> Draft | None:
        """A review being written, kept (encrypted, in the diary) if the diary locks now; never saved."""
        episode_id = self.review.episode_id
        if self._state != REVIEW or episode_id is None or self.review.fields.is_blank():
            return None
        return {"review_of": episode_id, "texts": list(self.review.texts()), "open": self.isVisible()}

    def restore(self, draft: Draft) -> None:
        """After unlocking: the review comes back as it was, unsaved, with a line saying so (and flare mode
        opens again if it was open)."""
        episode_id, texts = draft.get("review_of"), draft.get("texts")
        if not isinstance(episode_id, str) or not isinstance(texts, list) or len(texts) != 3:
            return
        self.review.restore(episode_id, [str(text) for text in texts])
        self._set_state(REVIEW)
        self.show_step(0, focus=False)
        if draft.get("open"):
            QTimer.singleShot(0, self._diary.app.open_flare_mode)

    def detach(self) -> None:
        self._one_timer.stop()
        self._undo_timer.stop()

    # --- keys -------------------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier
        )
        if plain and Qt.Key.Key_0 <= key <= Qt.Key.Key_9 and self._state == ONGOING and self.current_step() == NOW:
            digit = key - Qt.Key.Key_0
            if self._one_timer.isActive():
                self._one_timer.stop()
                if digit == 0:
                    self.note_pain(10)
                    return
                self.note_pain(1)
            if digit == 1:
                self._one_timer.start()  # wait a moment: "1" then "0" means 10
            else:
                self.note_pain(digit)
            return
        super().keyPressEvent(event)
