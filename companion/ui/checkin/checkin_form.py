"""The check-in form: pain first, then (folded away until wanted) where, sleep, mood, tags; a note.

Every field but the time is optional. The time is "now" unless the person changes it (back-dating): the
"When" boxes show the time at which the person starts the check-in, and the question is worded for the time
chosen ("right now", or that day and time). Time comes from the diary's clock.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDateTime, QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from companion.domain.body import PainType
from companion.domain.checkin import Checkin, CheckinInput, RegionPain, TagKind, TagRating
from companion.i18n import N_, _
from companion.i18n.formatting import format_date, format_time, format_weekday_date
from companion.services.clock import Clock
from companion.ui.checkin.body_map import BodyMapEditor
from companion.ui.checkin.tag_editor import TagEditor
from companion.ui.checkin.when_field import WhenField
from companion.ui.today.score_picker import ScorePicker
from companion.ui.widgets import Retranslatable, label

NO_HOURS = -0.5  # the spin box's "not set" value, shown as its special text


class NoteEdit(QPlainTextEdit):
    """A note field where Tab moves on (people expect it) instead of typing a tab character."""

    def __init__(self) -> None:
        super().__init__()
        self.setTabChangesFocus(True)


class _Toggle(QToolButton):
    """A section's fold button: it may be narrower than its title, which Section then wraps onto lines."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().averageCharWidth() * 16), hint.height())


def wrap_words(text: str, metrics: QFontMetrics, room: int) -> str:
    """`text` with line breaks between words so each line fits in `room` pixels (a long word keeps its line)."""
    lines: list[str] = []
    for word in text.split():
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= room:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


class Section(QWidget):
    """A titled part of the form that folds away, so the quick path stays short."""

    def __init__(self, object_name: str, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._title = ""
        self.toggle = _Toggle()
        self.toggle.setObjectName(object_name)
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.content = content
        content.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        self.toggle.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)  # may be narrower
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(content)
        self.toggle.toggled.connect(self.set_open)

    def set_open(self, opened: bool) -> None:
        self.toggle.setChecked(opened)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if opened else Qt.ArrowType.RightArrow)
        self.content.setVisible(opened)

    def set_title(self, text: str, filled: bool) -> None:
        # "(filled in)" shows that a folded section holds answers, in words rather than by colour.
        shown = _("{section} (filled in)").format(section=text) if filled else text
        if shown == getattr(self, "_title", None):
            return  # unchanged: measuring text is the costly part of clearing the form after a check-in
        self._title = shown
        self.toggle.setAccessibleName(shown)
        self._fit_title()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_title()

    def _fit_title(self) -> None:
        """At large text sizes a long title goes onto more lines rather than widen the form."""
        metrics = self.toggle.fontMetrics()
        current = self.toggle.text().split("\n")
        chrome = self.toggle.sizeHint().width() - max(metrics.horizontalAdvance(line) for line in current)
        room = self.width() - chrome - 4
        single = metrics.horizontalAdvance(self._title)
        text = self._title if single <= room or room <= 0 else wrap_words(self._title, metrics, room)
        if text != self.toggle.text():
            self.toggle.setText(text)


class CheckinForm(Retranslatable, QWidget):
    changed = Signal()

    def __init__(self, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkinForm")
        self._clock = clock
        self._time_changed_by_person = False
        self._now = clock.now()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)

        when_row = QHBoxLayout()
        self.when_label = QLabel()
        self.when = WhenField()
        self.when_label.setBuddy(self.when.date_edit)
        self.now_button = QPushButton()
        self.now_button.setObjectName("checkinNowButton")
        when_row.addWidget(self.when_label)
        when_row.addWidget(self.when)
        when_row.addWidget(self.now_button)
        when_row.addStretch(1)

        self.question = label("subheading")
        self.pain = ScorePicker()
        self.pain.setObjectName("scorePicker")

        self.body = BodyMapEditor()
        self.body.setObjectName("bodyMap")
        self.where = Section("sectionWhere", self.body)

        sleep_box = QWidget()
        sleep_form = QVBoxLayout(sleep_box)
        self.sleep_quality_label = label()
        self.sleep_quality = ScorePicker(
            low=N_("0 = very poor sleep"),
            high=N_("10 = very good sleep"),
            name=N_("Sleep quality {score} out of 10"),
            prefix="sleep",
        )
        hours_row = QFormLayout()
        self.sleep_hours = QDoubleSpinBox()
        self.sleep_hours.setObjectName("sleepHours")
        self.sleep_hours.setRange(NO_HOURS, 24.0)
        self.sleep_hours.setSingleStep(0.5)
        self.sleep_hours.setDecimals(1)
        self.sleep_hours.setValue(NO_HOURS)
        self.sleep_hours_label = QLabel()
        self.sleep_hours_label.setBuddy(self.sleep_hours)
        hours_row.addRow(self.sleep_hours_label, self.sleep_hours)
        sleep_form.addWidget(self.sleep_quality_label)
        sleep_form.addWidget(self.sleep_quality)
        sleep_form.addLayout(hours_row)
        self.sleep = Section("sectionSleep", sleep_box)

        feel_box = QWidget()
        feel = QVBoxLayout(feel_box)
        self.mood_label = label()
        self.mood = ScorePicker(
            low=N_("0 = very low"), high=N_("10 = very good"), name=N_("Mood {score} out of 10"), prefix="mood"
        )
        self.fatigue_label = label()
        self.fatigue = ScorePicker(
            low=N_("0 = not tired"),
            high=N_("10 = exhausted"),
            name=N_("Tiredness {score} out of 10"),
            prefix="fatigue",
        )
        for widget in (self.mood_label, self.mood, self.fatigue_label, self.fatigue):
            feel.addWidget(widget)
        self.feelings = Section("sectionFeelings", feel_box)

        tags_box = QWidget()
        tags_layout = QVBoxLayout(tags_box)
        self.tag_editors = {kind: TagEditor(kind) for kind in TagKind}
        for editor in self.tag_editors.values():
            tags_layout.addWidget(editor)
        self.tags = Section("sectionTags", tags_box)

        self.note_label = QLabel()
        self.note_label.setWordWrap(True)  # long in Welsh at large text sizes
        self.note = NoteEdit()
        self.note.setObjectName("painNote")
        self.note.setFixedHeight(80)
        self.note_label.setBuddy(self.note)

        outer.addLayout(when_row)
        outer.addWidget(self.question)
        outer.addWidget(self.pain)
        outer.addWidget(self.where)
        outer.addWidget(self.sleep)
        outer.addWidget(self.feelings)
        outer.addWidget(self.tags)
        outer.addWidget(self.note_label)
        outer.addWidget(self.note)

        self.when.dateTimeChanged.connect(self._on_when_date_time_changed)
        self.when.focused.connect(self.follow_clock)
        self.now_button.clicked.connect(self._on_now_button_clicked)
        for picker in (self.pain, self.sleep_quality, self.mood, self.fatigue):
            picker.score_changed.connect(self._on_any_changed)
        self.sleep_hours.valueChanged.connect(self._on_any_changed)
        self.body.changed.connect(self._on_any_changed)
        for editor in self.tag_editors.values():
            editor.changed.connect(self._on_any_changed)
        self.note.textChanged.connect(self._on_any_changed)
        self.setTabOrder(self.pain.buttons[-1], self.where.toggle)
        self.reset_time(self._now)
        self.retranslate_ui()

    # --- language ---------------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.when_label.setText(_("&When:"))
        self.when.retranslate_ui()
        self.now_button.setText(_("Now"))
        self.now_button.setAccessibleName(_("Set the time to now"))
        self._update_question()
        self.pain.setAccessibleName(_("Pain score from 0 to 10"))
        self.sleep_quality_label.setText(_("How well did you sleep?"))
        self.sleep_hours_label.setText(_("&Hours of sleep:"))
        self.sleep_hours.setSpecialValueText(_("not set"))
        self.sleep_hours.setAccessibleName(_("Hours of sleep"))
        self.mood_label.setText(_("How is your mood?"))
        self.fatigue_label.setText(_("How tired are you?"))
        self.note_label.setText(_("&Note (optional): what you were doing, what helped"))
        self.note.setAccessibleName(_("Note"))
        self._update_section_titles()

    def _update_section_titles(self) -> None:
        self.where.set_title(_("Where it hurts"), bool(self.body.value()))
        self.sleep.set_title(_("Sleep"), self.sleep_quality.score() is not None or self.sleep_hours.value() > NO_HOURS)
        self.feelings.set_title(
            _("Mood and tiredness"), self.mood.score() is not None or self.fatigue.score() is not None
        )
        self.tags.set_title(
            _("What I did, what helped, what made it worse"), any(e.value() for e in self.tag_editors.values())
        )

    # --- time -------------------------------------------------------------------------------------------

    def reset_time(self, now: dt.datetime) -> None:
        """Show `now` and follow the clock until the person changes the time (back-dating)."""
        self._now = now
        self.when.set_moment(now)
        self._time_changed_by_person = False
        self._update_question()

    def follow_clock(self) -> None:
        """Unless the person has chosen a time, show the time now (the page may have been open for hours).
        Called at every change in the form, so it touches the boxes only when the minute has moved on."""
        if self._time_changed_by_person:
            return
        now = self._clock.now()
        if self.when.moment() != (now.date(), now.time().replace(second=0, microsecond=0)):
            self.reset_time(now)
        else:
            self._now = now

    def showEvent(self, event: QShowEvent) -> None:
        self.follow_clock()
        super().showEvent(event)

    def _on_when_date_time_changed(self, _value: QDateTime) -> None:
        self._time_changed_by_person = True
        self._update_question()
        self.changed.emit()

    def _on_now_button_clicked(self) -> None:
        self.reset_time(self._clock.now())
        self.changed.emit()

    def recorded_at(self, now: dt.datetime) -> dt.datetime:
        if not self._time_changed_by_person:
            return now
        return self._clock.at(*self.when.moment())

    def _update_question(self) -> None:
        """The pain question and the note's hint, worded for the time the check-in is for."""
        if not self._time_changed_by_person:
            self.question.setText(_("How is your pain right now?"))
            self.note.setPlaceholderText(_("Anything you want to remember about now"))
            return
        day, time = self.when.moment()
        shown = format_time(time)
        today = self._clock.today()
        if day == today:
            text = _("How was your pain at {time} today?").format(time=shown)
            hint = _("Anything you want to remember about {time} today").format(time=shown)
        else:
            date = format_weekday_date(day) if day.year == today.year else format_date(day, "full")
            text = _("How was your pain then ({date}, {time})?").format(date=date, time=shown)
            hint = _("Anything you want to remember about that time ({date}, {time})").format(date=date, time=shown)
        self.question.setText(text)
        self.note.setPlaceholderText(hint)

    # --- values -----------------------------------------------------------------------------------------

    def _on_any_changed(self, *_args: Any) -> None:
        self.follow_clock()  # a check-in begins: "When" shows the time now, not when the page was opened
        self._update_section_titles()
        self.changed.emit()

    def value(self, now: dt.datetime) -> CheckinInput:
        hours = self.sleep_hours.value()
        tags: tuple[TagRating, ...] = ()
        for editor in self.tag_editors.values():
            pending = editor.pending_text()
            extra = (TagRating(editor.kind, pending),) if pending else ()
            tags += editor.value() + extra
        return CheckinInput(
            recorded_at=self.recorded_at(now),
            pain=self.pain.score(),
            regions=self.body.value(),
            sleep_quality=self.sleep_quality.score(),
            sleep_hours=None if hours <= NO_HOURS else hours,
            mood=self.mood.score(),
            fatigue=self.fatigue.score(),
            tags=tags,
            note=self.note.toPlainText(),
        )

    def set_value(self, given: CheckinInput | Checkin, *, keep_time: bool) -> None:
        """Fill the form (for "same as last time", an edit, or a draft)."""
        self.pain.set_score(given.pain, focus=False)
        self.body.set_value(given.regions)
        self.sleep_quality.set_score(given.sleep_quality, focus=False)
        self.sleep_hours.setValue(NO_HOURS if given.sleep_hours is None else given.sleep_hours)
        self.mood.set_score(given.mood, focus=False)
        self.fatigue.set_score(given.fatigue, focus=False)
        for editor in self.tag_editors.values():
            editor.set_value(given.tags)
        self.note.setPlainText(given.note)
        if not keep_time:
            self.when.set_moment(self._clock.localize(given.recorded_at))
            self._time_changed_by_person = True
            self._update_question()
        self.where.set_open(bool(given.regions))
        self.sleep.set_open(given.sleep_quality is not None or given.sleep_hours is not None)
        self.feelings.set_open(given.mood is not None or given.fatigue is not None)
        self.tags.set_open(bool(given.tags))
        self._update_section_titles()

    def clear(self, now: dt.datetime) -> None:
        for picker in (self.pain, self.sleep_quality, self.mood, self.fatigue):
            picker.set_score(None)
        self.body.clear()
        self.sleep_hours.setValue(NO_HOURS)
        for editor in self.tag_editors.values():
            editor.clear()
        self.note.clear()
        self.reset_time(now)
        self._update_section_titles()

    def is_blank(self) -> bool:
        return self.value(self._now).is_empty and not self._time_changed_by_person

    # --- drafts (kept in the vault when the diary locks mid-check-in) -------------------------------------

    def draft_state(self, now: dt.datetime) -> dict[str, Any]:
        given = self.value(now)
        return {
            "recorded_at": given.recorded_at.isoformat(),
            "time_changed": self._time_changed_by_person,
            "pain": given.pain,
            "regions": [[r.region, r.intensity, r.pain_type.value if r.pain_type else None] for r in given.regions],
            "sleep_quality": given.sleep_quality,
            "sleep_hours": given.sleep_hours,
            "mood": given.mood,
            "fatigue": given.fatigue,
            "tags": [[t.kind.value, t.name, t.rating] for t in given.tags],
            "note": given.note,
        }

    def load_draft(self, state: dict[str, Any]) -> None:
        given = CheckinInput(
            recorded_at=dt.datetime.fromisoformat(state["recorded_at"]),
            pain=state.get("pain"),
            regions=tuple(
                RegionPain(code, intensity, PainType(kind) if kind else None)
                for code, intensity, kind in state.get("regions", [])
            ),
            sleep_quality=state.get("sleep_quality"),
            sleep_hours=state.get("sleep_hours"),
            mood=state.get("mood"),
            fatigue=state.get("fatigue"),
            tags=tuple(TagRating(TagKind(k), n, r) for k, n, r in state.get("tags", [])),
            note=state.get("note", ""),
        )
        self.set_value(given, keep_time=not state.get("time_changed", False))

    def set_known_tags(self, names: list[str]) -> None:
        for editor in self.tag_editors.values():
            editor.set_known_tags(names)
