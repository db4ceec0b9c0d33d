"""After a flare: three optional questions, saved with the episode, or left for another day."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from companion.domain.errors import SaveFailedError, ValidationError
from companion.i18n import N_, _
from companion.services.session import DiarySession
from companion.ui.widgets import Retranslatable, label

QUESTIONS = (
    ("triggers", N_("What triggered it?")),
    ("helped", N_("What helped?")),
    ("change_next_time", N_("What would I change next time?")),
)


class FlareReview(Retranslatable, QWidget):
    """The after-flare review. `done` after saving or "Not now"; `save_failed` if the disk write failed."""

    done = Signal()
    saved = Signal()
    save_failed = Signal(object)  # SaveFailedError: held in memory, not yet on disk

    def __init__(self, session: DiarySession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flareReview")
        self._session = session
        self.episode_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        self.heading = label("flare-title")
        self.intro = label("flare")
        layout.addWidget(self.heading)
        layout.addWidget(self.intro)
        self.questions: dict[str, QPlainTextEdit] = {}
        self.question_labels: dict[str, QLabel] = {}
        for key, _text in QUESTIONS:
            caption = label("flare")
            field = QPlainTextEdit()
            field.setObjectName(f"flareReview_{key}")
            field.setProperty("role", "flare")
            field.setTabChangesFocus(True)
            field.setMinimumHeight(72)
            field.setMaximumHeight(160)
            caption.setBuddy(field)
            layout.addWidget(caption)
            layout.addWidget(field)
            self.questions[key] = field
            self.question_labels[key] = caption
        self.status = label("flare")
        self.status.hide()
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
        for key, text in QUESTIONS:
            caption = self.question_labels[key]
            caption.setText(_(text))
            self.questions[key].setAccessibleName(_(text))
        self.save_button.setText(_("Save review"))
        self.save_button.setAccessibleName(_("Save the review of this flare"))
        self.not_now_button.setText(_("Not now"))
        self.not_now_button.setAccessibleName(_("Leave the review for now"))

    def start(self, episode_id: str) -> None:
        self.episode_id = episode_id
        for field in self.questions.values():
            field.clear()
        self.status.hide()

    def texts(self) -> tuple[str, str, str]:
        return (
            self.questions["triggers"].toPlainText(),
            self.questions["helped"].toPlainText(),
            self.questions["change_next_time"].toPlainText(),
        )

    def save(self) -> None:
        if self.episode_id is None or not self._session.is_open:
            return
        try:
            self._session.flares.review(self.episode_id, *self.texts())
        except ValidationError as exc:
            self.status.setText(exc.message())
            self.status.show()
            return
        except SaveFailedError as exc:
            self.save_failed.emit(exc)
        self.episode_id = None
        self.saved.emit()
        self.done.emit()

    def not_now(self) -> None:
        self.episode_id = None
        self.done.emit()
