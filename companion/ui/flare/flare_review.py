"""After a flare: three optional questions, saved with the episode, or left for another day.

`ReviewFields` are the three questions alone (flare mode shows them after "My flare has ended"; the plan
page's list of past flare-ups opens them again to read and change). `FlareReview` is flare mode's page."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from companion.domain.flare import FlareEpisode
from companion.i18n import N_, _
from companion.ui.core.diary import OpenDiary
from companion.ui.widgets import Retranslatable, label

QUESTIONS = (
    ("triggers", N_("What triggered it?")),
    ("helped", N_("What helped?")),
    ("change_next_time", N_("What would I change next time?")),
)
Texts = tuple[str, str, str]
KEPT_NOTE = N_("What you were writing when the diary locked was kept, not saved. Save it when you are ready.")


class ReviewFields(Retranslatable, QWidget):
    """The three questions, each with a field; every one may be left empty."""

    def __init__(self, role: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12 if role else 6)
        self.questions: dict[str, QPlainTextEdit] = {}
        self.question_labels: dict[str, QLabel] = {}
        for key, _text in QUESTIONS:
            caption = label(role)
            field = QPlainTextEdit()
            field.setObjectName(f"flareReview_{key}")
            if role:
                field.setProperty("role", role)
            field.setTabChangesFocus(True)
            field.setMinimumHeight(72)
            field.setMaximumHeight(160)
            caption.setBuddy(field)
            layout.addWidget(caption)
            layout.addWidget(field)
            self.questions[key] = field
            self.question_labels[key] = caption
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        for key, text in QUESTIONS:
            self.question_labels[key].setText(_(text))
            self.questions[key].setAccessibleName(_(text))

    def fields(self) -> list[QPlainTextEdit]:
        return list(self.questions.values())

    def texts(self) -> Texts:
        triggers, helped, change = (self.questions[key].toPlainText() for key, _text in QUESTIONS)
        return triggers, helped, change

    def set_texts(self, texts: Texts | list[str]) -> None:
        for (key, _text), words in zip(QUESTIONS, texts, strict=True):
            self.questions[key].setPlainText(words)

    def is_blank(self) -> bool:
        return not any(text.strip() for text in self.texts())


def episode_texts(episode: FlareEpisode) -> Texts:
    return episode.triggers, episode.helped, episode.change_next_time


class FlareReview(Retranslatable, QWidget):
    """Flare mode's review after "My flare has ended": `done` after saving or "Not now"."""

    done = Signal()
    saved = Signal()

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flareReview")
        self._diary = diary
        self.episode_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.heading = label("flare-title")
        self.intro = label("flare")
        self.kept = label("flare-note")
        self.kept.setObjectName("flareReviewKept")
        self.kept.hide()
        self.fields = ReviewFields("flare")
        self.questions = self.fields.questions
        self.status = label("flare")
        self.status.setObjectName("flareReviewStatus")
        self.status.hide()
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.kept)
        layout.addWidget(self.fields)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        row.setSpacing(16)
        self.save_button = QPushButton()
        self.save_button.setObjectName("flareReviewSave")
        self.not_now_button = QPushButton()
        self.not_now_button.setObjectName("flareReviewNotNow")
        for button in (self.save_button, self.not_now_button):
            button.setProperty("role", "flare")
            button.setMinimumHeight(56)
            button.setAutoDefault(True)
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        self.save_button.clicked.connect(self.save)
        self.not_now_button.clicked.connect(self.not_now)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Your flare has ended. Well done for getting through it."))
        self.intro.setText(_("If you like, write a few words for next time. Every question can be left empty."))
        self.kept.setText(
            _("What you were writing when the diary locked was kept, not saved. Save it when you are ready.")
        )
        self.save_button.setText(_("Save review"))
        self.save_button.setAccessibleName(_("Save the review of this flare"))
        self.not_now_button.setText(_("Not now"))
        self.not_now_button.setAccessibleName(_("Leave the review for now"))

    def start(self, episode_id: str) -> None:
        """Ask about this flare (what was typed for the same flare before an undo is kept)."""
        if episode_id != self.episode_id:
            for field in self.questions.values():
                field.clear()
        self.episode_id = episode_id
        self.kept.hide()
        self.status.hide()

    def texts(self) -> Texts:
        return self.fields.texts()

    def restore(self, episode_id: str, texts: list[str]) -> None:
        """What was typed before a lock, back in its fields, with a line saying it is not saved yet."""
        self.episode_id = episode_id
        self.fields.set_texts(texts)
        self.status.hide()
        self.kept.show()

    def _show_problem(self, text: str) -> None:
        self.status.setText(text)
        self.status.show()

    def save(self) -> None:
        episode_id = self.episode_id
        if episode_id is None:
            return
        texts = self.texts()
        done = self._diary.run(
            lambda: self._diary.session.flares.review(episode_id, *texts), problem=self._show_problem
        )
        if done is None:
            return
        self.episode_id = None
        self.kept.hide()
        self.saved.emit()
        self.done.emit()

    def not_now(self) -> None:
        self.episode_id = None
        self.kept.hide()
        self.done.emit()
