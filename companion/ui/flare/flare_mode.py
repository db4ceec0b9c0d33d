"""Flare mode: the person's own flare-up plan, opened in one step, in large calm type, a little at a time.

Made for a bad day: one hand, little energy, no typing needed. The first step starts a flare with one
button, or, while one is going on, notes the pain with one press (a click or a number key) and ends it.
The next steps show the plan the person wrote: first steps, what helps, who to call, when to get medical
help. Sizes follow the text-size setting (multiples of the app font); colours come from the palette.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from companion.domain.changes import Changes
from companion.domain.errors import SaveFailedError, ValidationError
from companion.domain.flare import SECTION_TITLES, FlareEpisode, FlarePlan
from companion.i18n import N_, _
from companion.i18n.formatting import format_date, format_time
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import PagePart
from companion.ui.flare.flare_review import FlareReview
from companion.ui.layouts import flow_row
from companion.ui.today.score_picker import PAIN_HIGH, PAIN_LOW, PAIN_NAME, TEN_WINDOW_SECONDS
from companion.ui.widgets import label

NOW = "now"
# The plan, a little at a time. Each title is a whole sentence, translated as one.
PLAN_STEPS: tuple[tuple[str, str], ...] = (
    ("first_steps", N_("First steps")),
    ("helps", N_("What helps")),
    ("call", N_("Who to call")),
    ("medical", N_("When to get medical help")),
)
STEPS: tuple[str, ...] = (NOW, *(key for key, _title in PLAN_STEPS))
# Which plan sections each step shows; the first section's lines come without a subheading.
STEP_SECTIONS: dict[str, tuple[str, ...]] = {
    "first_steps": ("first_steps", "medicines"),
    "helps": ("helpful_thoughts", "say_no"),
    "call": ("people",),
    "medical": ("medical_help",),
}
MIN_TARGET_PX = 56
SCORE_COLUMNS = 6

START, ONGOING, REVIEW = "start", "ongoing", "review"


def flare_stylesheet(base_pt: int) -> str:
    """Large calm type: multiples of the app font, so the text-size setting is honoured."""
    # The multiples shrink as the base grows, so 200 % text still fits flare mode's buttons in the window.
    text = min(round(base_pt * 1.6), max(base_pt + 4, 24))
    title = min(round(base_pt * 2.0), max(base_pt + 6, 28))
    small = min(round(base_pt * 1.3), max(base_pt + 2, 20))
    return f"""
QLabel[role="flare"] {{ font-size: {text}pt; }}
QLabel[role="flare-title"] {{ font-size: {title}pt; font-weight: 600; }}
QLabel[role="flare-subtitle"] {{ font-size: {text}pt; font-weight: 600; }}
QLabel[role="flare-small"] {{ font-size: {small}pt; }}
QLabel[role="flare-phone"] {{ font-size: {title}pt; font-weight: 600; }}
QLabel[role="flare-note"] {{ font-size: {text}pt; padding: 10px; border: 2px solid palette(mid);
    border-radius: 8px; }}
QPushButton[role="flare"] {{ font-size: {text}pt; padding: 12px 28px; min-height: {MIN_TARGET_PX}px; }}
QPushButton[role="flare-main"] {{ font-size: {title}pt; font-weight: 600; padding: 18px 36px;
    min-height: {MIN_TARGET_PX + 24}px; }}
QPushButton[role="flare-score"] {{ font-size: {text}pt; font-weight: 600; padding: 6px;
    min-width: {max(MIN_TARGET_PX + 16, base_pt * 4)}px; min-height: {MIN_TARGET_PX + 8}px; }}
QPushButton[role="flare"]:focus, QPushButton[role="flare-main"]:focus, QPushButton[role="flare-score"]:focus {{
    border: 4px solid palette(highlight); border-radius: 8px; }}
QPlainTextEdit[role="flare"] {{ font-size: {text}pt; }}
QPlainTextEdit[role="flare"]:focus {{ border: 4px solid palette(highlight); }}
QFrame#flareCard {{ border: 2px solid palette(mid); border-radius: 8px; padding: 8px; }}
"""


def _button(name: str, role: str = "flare") -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    button.setProperty("role", role)
    button.setMinimumHeight(MIN_TARGET_PX)
    button.setAutoDefault(True)  # Enter presses it, as Space does
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button


class FlareModeView(PagePart, QWidget):
    interests = Changes(flares=True, settings=True)
    closed = Signal()  # leave flare mode
    save_failed = Signal(object)  # SaveFailedError: held in memory, not yet on disk
    changed = Signal()  # a flare started or ended, or pain was noted

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        session = diary.session
        self._diary = diary
        self.setObjectName("flareMode")
        self.setProperty("role", "flare")
        self._session = session
        self._base_pt = 0
        self._step = 0
        self._state = START
        self._plan: FlarePlan | None = None
        self._episode: FlareEpisode | None = None
        self._message = ""  # the calm confirmation on the first step, kept across language switches
        self._message_args: dict[str, object] = {}
        self._one_timer = QTimer(self)  # "1" then "0" quickly gives 10, as on Today
        self._one_timer.setSingleShot(True)
        self._one_timer.setInterval(int(TEN_WINDOW_SECONDS * 1000))
        self._one_timer.timeout.connect(lambda: self.note_pain(1))

        root = QVBoxLayout(self)
        root.setContentsMargins(24, 16, 24, 16)
        root.setSpacing(16)
        self.heading = label("flare-title")
        self.leave_button = _button("flareLeave")
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
        self.start_button = _button("flareStart", "flare-main")
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
            button = _button(f"flarePain_{value}", "flare-score")
            button.setText(str(value))
            button.clicked.connect(lambda _checked=False, v=value: self.note_pain(v))
            grid.addWidget(button, value // SCORE_COLUMNS, value % SCORE_COLUMNS)
            self.score_buttons.append(button)
        grid.setColumnStretch(SCORE_COLUMNS, 1)
        self.low_anchor = label("flare-small")
        self.high_anchor = label("flare-small")
        self.end_button = _button("flareEnd")
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

        self.review = FlareReview(session)
        self.confirmation = label("flare-note")
        self.confirmation.setObjectName("flareConfirmation")
        self.confirmation.hide()
        now.addWidget(self.confirmation)
        now.addWidget(self.start_box)
        now.addWidget(self.ongoing_box)
        now.addWidget(self.review)
        now.addStretch(1)
        body_layout.addWidget(self.now_page)

        # Steps 2 to 5: the person's own plan.
        self.plan_pages: dict[str, QWidget] = {}
        self.plan_titles: dict[str, QLabel] = {}
        self.plan_boxes: dict[str, QVBoxLayout] = {}
        for key, _title in PLAN_STEPS:
            page = QWidget()
            page.setObjectName(f"flareStep_{key}")
            page_layout = QVBoxLayout(page)
            page_layout.setContentsMargins(0, 0, 0, 0)
            page_layout.setSpacing(16)
            title = label("flare-title")
            box = QVBoxLayout()
            box.setSpacing(16)
            page_layout.addWidget(title)
            page_layout.addLayout(box)
            page_layout.addStretch(1)
            body_layout.addWidget(page)
            self.plan_pages[key] = page
            self.plan_titles[key] = title
            self.plan_boxes[key] = box
        self.pages: dict[str, QWidget] = {NOW: self.now_page, **self.plan_pages}

        nav = QHBoxLayout()
        nav.setSpacing(16)
        self.back_button = _button("flareBack")
        self.next_button = _button("flareNext")
        self.step_label = label("flare-small")
        self.step_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        nav.addWidget(self.back_button)
        nav.addWidget(self.step_label, 1)
        nav.addWidget(self.next_button)
        root.addLayout(nav)

        self.leave_button.clicked.connect(self.closed)
        self.start_button.clicked.connect(self.start_flare)
        self.end_button.clicked.connect(self.end_flare)
        self.back_button.clicked.connect(lambda: self.show_step(self._step - 1))
        self.next_button.clicked.connect(lambda: self.show_step(self._step + 1))
        self.review.done.connect(self._on_review_done)
        self.review.saved.connect(self._on_review_saved)
        self.review.save_failed.connect(self.save_failed)
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.closed.emit)
        self.escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._apply_sizes()
        self.retranslate_ui()
        self.show_step(0, focus=False)
        self.refresh()

    # --- look -------------------------------------------------------------------------------------------
        self.changed.connect(lambda: diary.announce(self.interests))  # interim: until its writes use diary.run
        diary.host.add(self)

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
        self.back_button.setText(_("Back"))
        self.back_button.setAccessibleName(_("Back to the previous step"))
        self.next_button.setText(_("Next"))
        self.next_button.setAccessibleName(_("Next step"))
        for key, title in PLAN_STEPS:
            self.plan_titles[key].setText(_(title))
        self._show_message()
        self._update_step_label()
        self._fill_since()
        self._fill_plan()

    def _update_step_label(self) -> None:
        self.step_label.setText(_("Step {n} of {total}").format(n=self._step + 1, total=len(STEPS)))

    def _fill_since(self) -> None:
        if self._episode is not None:
            self.since.setText(_("Flare since {date}.").format(date=format_date(self._episode.started_at.date())))

    def _say(self, template: str, **args: object) -> None:
        self._message, self._message_args = template, args
        self._show_message()

    def _show_message(self) -> None:
        self.confirmation.setVisible(bool(self._message))
        if self._message:
            self.confirmation.setText(_(self._message).format(**self._message_args))

    # --- data -------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        if not self._session.is_open:  # locked: this screen is about to be deleted
            return
        self._plan = self._session.flares.plan()
        self._episode = self._session.flares.current()
        if self._episode is not None:
            self._set_state(ONGOING)
        elif self._state != REVIEW or self.review.episode_id is None:
            self._set_state(START)
        self._fill_since()
        self._fill_plan()

    def _set_state(self, state: str) -> None:
        self._state = state
        self.start_box.setVisible(state == START)
        self.ongoing_box.setVisible(state == ONGOING)
        self.review.setVisible(state == REVIEW)

    def _fill_plan(self) -> None:
        if self._plan is None:
            return
        for key, _title in PLAN_STEPS:
            box = self.plan_boxes[key]
            while box.count():
                item = box.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:
                    widget.hide()
                    widget.setParent(None)
                    widget.deleteLater()
            shown = 0
            for index, section in enumerate(STEP_SECTIONS[key]):
                lines = self._plan.lines(section)
                if lines and index > 0:
                    box.addWidget(self._text(_(SECTION_TITLES[section]), "flare-subtitle"))
                for line in lines:
                    box.addWidget(self._bullet(line))
                shown += len(lines)
            if key == "call":
                for helper in self._plan.helpers:
                    box.addWidget(self._helper_card(helper.name, helper.how, helper.phone))
                    shown += 1
            if not shown:
                box.addWidget(
                    self._text(_("Nothing is written here yet. You can add to your plan on a better day."), "flare")
                )

    @staticmethod
    def _text(text: str, role: str, *, name: str = "") -> QLabel:
        widget = label(role, selectable=role == "flare-phone")
        widget.setText(text)
        if name:
            widget.setObjectName(name)
        return widget

    def _bullet(self, line: str) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self._text("•", "flare"), 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self._text(line, "flare", name="flarePlanLine"), 1)
        return row

    def _helper_card(self, name: str, how: str, phone: str) -> QFrame:
        card = QFrame()
        card.setObjectName("flareCard")
        layout = QVBoxLayout(card)
        layout.setSpacing(8)
        layout.addWidget(self._text(name, "flare-subtitle", name="flareHelperName"))
        if how:
            layout.addWidget(self._text(how, "flare", name="flareHelperHow"))
        if phone:
            layout.addWidget(self._text(phone, "flare-phone", name="flareHelperPhone"))
        return card

    def plan_lines_shown(self, step: str) -> list[str]:
        """The plan lines shown on a step (for tests and screen readers' sake of checking)."""
        page = self.plan_pages[step]
        return [line.text() for line in page.findChildren(QLabel, "flarePlanLine") if line.parent() is not None]

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
        """Called each time flare mode opens: fresh data, the first step, the keyboard on its main button."""
        self.refresh()
        self.show_step(0)

    # --- actions ----------------------------------------------------------------------------------------

    def start_flare(self) -> None:
        if not self._session.is_open:
            return
        failed: SaveFailedError | None = None
        try:
            self._session.flares.start()
        except SaveFailedError as exc:
            failed = exc
        self.refresh()
        self._say(N_("Your flare is noted. Take it one step at a time."))
        self.show_step(0)
        self.changed.emit()
        if failed is not None:
            self.save_failed.emit(failed)

    def note_pain(self, score: int) -> None:
        if not self._session.is_open or self._state != ONGOING:
            return
        failed: SaveFailedError | None = None
        try:
            self._session.flares.note_pain(score)
        except ValidationError as exc:
            self._say(exc.message())
            return
        except SaveFailedError as exc:
            failed = exc
        self._say(N_("Pain {score} noted at {time}."), score=score, time=format_time(self._session.flares.now()))
        self.score_buttons[score].setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()
        if failed is not None:
            self.save_failed.emit(failed)

    def end_flare(self) -> None:
        if not self._session.is_open:
            return
        failed: SaveFailedError | None = None
        try:
            episode, _changes = self._session.flares.end()
        except ValidationError as exc:
            self._say(exc.message())
            self.refresh()
            return
        except SaveFailedError as exc:
            failed = exc
            episode = self._episode  # type: ignore[assignment]
        self.review.start(episode.id if episode is not None else "")
        self._episode = None
        self._set_state(REVIEW)
        self._say("")
        self.show_step(0)
        self.changed.emit()
        if failed is not None:
            self.save_failed.emit(failed)

    def _on_review_saved(self) -> None:
        self._say(N_("Your review is saved. Thank you."))

    def _on_review_done(self) -> None:
        if self._message != N_("Your review is saved. Thank you."):
            self._say("")
        self._set_state(START)
        self.refresh()
        self.changed.emit()
        self.focus_first()

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
