"""A past flare-up, opened from the plan page's list: when it was, and its after-flare review to read and
change. Unsaved changes are kept (encrypted, in the diary) if the diary locks while it is open, and the
dialog opens again with them after unlocking; nothing is saved that the person did not save."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from companion.domain.flare import FlareEpisode
from companion.i18n import _
from companion.i18n.formatting import format_date
from companion.presentation.flare_words import flare_sentences
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft, PagePart
from companion.ui.flare.flare_review import KEPT_NOTE, ReviewFields, episode_texts
from companion.ui.widgets import label, window_title


class FlareReviewDialog(PagePart, QDialog):
    draft_key = "companion.ui.flare.review_dialog:FlareReviewDialog"

    def __init__(self, diary: OpenDiary, episode: FlareEpisode, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("flareReviewDialog")
        self._diary = diary
        self.episode = episode
        self.heading = label("subheading")
        self.heading.setObjectName("flareReviewDialogHeading")
        self.facts = label()
        self.facts.setObjectName("flareReviewDialogFacts")
        self.kept = label("notice")
        self.kept.setObjectName("flareReviewDialogKept")
        self.kept.hide()
        self.fields = ReviewFields()
        self.fields.set_texts(episode_texts(episode))
        self.error = label("error")
        self.error.setObjectName("flareReviewDialogError")
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("flareReviewDialogSave")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addWidget(self.kept)
        layout.addWidget(self.fields, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._initial = self.fields.texts()
        self.setMinimumWidth(max(480, self.fontMetrics().averageCharWidth() * 60))
        self.retranslate_ui()
        diary.host.add(self)

    @classmethod
    def open_for(cls, diary: OpenDiary, episode: FlareEpisode, parent: QWidget) -> FlareReviewDialog:
        """Open it window-modal (deleted on close; the focus goes back where it was)."""
        dialog = cls(diary, episode, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialogs.open_modal(dialog)
        dialog.fields.questions["triggers"].setFocus()
        return dialog

    @classmethod
    def revive(cls, diary: OpenDiary, draft: Draft) -> None:
        """After unlocking: open it again with what was typed before the lock."""
        parent = diary.app if isinstance(diary.app, QWidget) else None
        episode = next((e for e in diary.session.flares.episodes() if e.id == draft.get("review_of")), None)
        if parent is not None and episode is not None:
            cls.open_for(diary, episode, parent).restore(draft)

    def retranslate_ui(self) -> None:
        start = format_date(self.episode.started_at.date())
        title = _("Your flare-up of {date}").format(date=start)
        self.setWindowTitle(window_title(title))
        self.heading.setText(title)
        self.facts.setText("\n".join(flare_sentences(self.episode, self._diary.clock.now())))
        self.kept.setText(_(KEPT_NOTE))
        self.save_button.setText(_("&Save review"))
        self.save_button.setAccessibleName(_("Save the review of this flare"))

    def refresh(self) -> None:
        """The dialog reads the flare when it opens; later changes elsewhere don't replace what is typed."""

    def has_changes(self) -> bool:
        return self.fields.texts() != self._initial

    def draft(self) -> Draft | None:
        if not self.isVisible() or not self.has_changes():
            return None
        return {"review_of": self.episode.id, "texts": list(self.fields.texts())}

    def restore(self, draft: Draft) -> None:
        texts = draft.get("texts")
        if isinstance(texts, list) and len(texts) == 3:
            self.fields.set_texts([str(text) for text in texts])
            self.kept.show()

    def save(self) -> bool:
        """Save the review. False (the dialog stays open, the message shown) when it can't be saved."""
        texts = self.fields.texts()
        episode_id = self.episode.id
        done = self._diary.run(lambda: self._diary.session.flares.review(episode_id, *texts), problem=self.error)
        if done is None:
            return False
        self.accept()
        return True
