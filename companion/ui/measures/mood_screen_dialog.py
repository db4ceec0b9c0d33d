"""The optional monthly mood check: PHQ-2 and GAD-2 on one page, then the result: kind words first, then, at
3 or more, a suggestion to talk to a GP with the support contacts (999 first), and the scores last. It never
diagnoses and can always be skipped.

Keyboard: each question is a group of radio buttons (arrows choose inside it, Tab moves to the next);
Enter saves once all four are answered; Escape or Skip closes without saving. Answers chosen but not saved
when the diary locks come back, unsaved, when it is unlocked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from companion.domain.changes import Changes
from companion.domain.measures import (
    SCREEN_ANSWERS,
    SCREEN_FOLLOW_UP,
    SCREEN_ITEMS,
    SCREEN_STEM,
    WELSH_NOT_VALIDATED,
    Instrument,
    MoodScreen,
)
from companion.domain.support_contacts import MOOD_SUPPORT_CONTACTS, SupportContact
from companion.i18n import N_, _, current_language
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft, PagePart
from companion.ui.measures import FitsScreenOnFirstShow, MeasureFooter, ScrollBody, fit_to_screen, single_tab_stop
from companion.ui.measures.about_dialog import open_about_measures
from companion.ui.widgets import label, window_title
from companion.ui.wrapping import WrappingGroupBox, WrappingRadioButton, choice_row

# Each score named by what it asks about; the instruments' own abbreviations stay, the same in every language.
SCORE_WORDS: dict[Instrument, str] = {
    Instrument.PHQ2: N_("Low mood (PHQ-2): {score} out of 6"),
    Instrument.GAD2: N_("Worry (GAD-2): {score} out of 6"),
}


def _bold(widget: QLabel) -> QLabel:
    font = widget.font()
    font.setBold(True)
    widget.setFont(font)
    return widget


class ScreenQuestion(WrappingGroupBox):
    """One item: its wording as the group's title and the four answers as radio buttons, which go onto more
    rows (and wrap their words) rather than widen the dialog past the window at large text or in Welsh."""

    def __init__(self, instrument: Instrument, item: int, parent: QWidget | None = None) -> None:
        super().__init__("", parent)
        self.instrument = instrument
        self.item = item
        self.setObjectName(f"{instrument.value}Item{item + 1}")
        column = QVBoxLayout(self)
        self.group = QButtonGroup(self)
        self.radios: list[QRadioButton] = []
        for value in range(len(SCREEN_ANSWERS)):
            radio = WrappingRadioButton()
            radio.setObjectName(f"{instrument.value}Item{item + 1}Answer{value}")
            self.group.addButton(radio, value)
            self.radios.append(radio)
        column.addWidget(choice_row(*self.radios, spacing=18))
        single_tab_stop(self.group)

    def retranslate_ui(self) -> None:
        wording = _(SCREEN_ITEMS[self.instrument][self.item])
        self.setTitle(wording)
        self.setAccessibleName(wording)
        for value, radio in enumerate(self.radios):
            radio.setText(_(SCREEN_ANSWERS[value]))
            radio.setAccessibleName(_(SCREEN_ANSWERS[value]))
            radio.setAccessibleDescription(wording)

    def answer(self) -> int | None:
        value = self.group.checkedId()
        return None if value < 0 else value


class ContactCard(QWidget):
    """One support contact: its name, phone numbers and how to use it, all selectable for copying."""

    def __init__(self, contact: SupportContact, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.contact = contact
        self.setObjectName(f"contact_{contact.key}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        self.name = _bold(label(selectable=True))
        self.phone = label(selectable=True)
        self.phone.setVisible(contact.phone is not None)
        self.welsh_phone = label(selectable=True)
        self.welsh_phone.setVisible(contact.welsh_language_phone is not None)
        self.how = label(selectable=True)
        for widget in (self.name, self.phone, self.welsh_phone, self.how):
            layout.addWidget(widget)

    def retranslate_ui(self) -> None:
        language = current_language()
        self.name.setText(self.contact.display_name(language))
        if self.contact.phone is not None:
            self.phone.setText(_("Phone: {phone}").format(phone=self.contact.phone))
        if self.contact.welsh_language_phone is not None:
            self.welsh_phone.setText(_("Welsh-language line: {phone}").format(phone=self.contact.welsh_language_phone))
        self.how.setText(self.contact.display_how(language))

    def text(self) -> str:
        parts = (self.name, self.phone, self.welsh_phone, self.how)
        return "\n".join(p.text() for p in parts if not p.isHidden())


class MoodScreenDialog(FitsScreenOnFirstShow, PagePart, QDialog):
    recorded = Signal(object)  # tuple[MoodScreen, MoodScreen]: PHQ-2 then GAD-2
    draft_key = "companion.ui.measures.mood_screen_dialog:MoodScreenDialog"

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("moodScreenDialog")
        # A clear focus mark on the answers, like the app's buttons (style.py has no radio-button rule yet).
        self.setStyleSheet(
            "QRadioButton { border: 3px solid transparent; border-radius: 4px; padding: 2px 4px; }"
            "QRadioButton:focus { border-color: palette(highlight); }"
        )
        self._diary = diary
        self._session = diary.session
        self.results: tuple[MoodScreen, ...] = ()
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 8, 0)

        # Page 1: the questions.
        self.questions_page = QWidget()
        self.questions_page.setObjectName("moodQuestionsPage")
        q_layout = QVBoxLayout(self.questions_page)
        q_layout.setContentsMargins(0, 0, 0, 0)
        self.heading = label("subheading")
        self.heading.setObjectName("moodHeading")
        self.intro = label()
        self.intro.setObjectName("moodIntro")
        self.stem = _bold(label())
        self.stem.setObjectName("moodStem")
        q_layout.addWidget(self.heading)
        q_layout.addWidget(self.intro)
        self.kept = label()  # says when answers came back after a lock, unsaved
        self.kept.setObjectName("moodKept")
        self.kept.hide()
        q_layout.addWidget(self.kept)
        q_layout.addSpacing(8)
        q_layout.addWidget(self.stem)
        self.questions: list[ScreenQuestion] = []
        for instrument, items in SCREEN_ITEMS.items():
            for item in range(len(items)):
                question = ScreenQuestion(instrument, item)
                question.group.idToggled.connect(self._update_save)
                q_layout.addWidget(question)
                self.questions.append(question)
        self.error = label("error")
        self.error.setObjectName("moodError")
        self.error.hide()
        q_layout.addWidget(self.error)
        body_layout.addWidget(self.questions_page)

        # Page 2: the result. Kind words first, then the help (999 first), then the scores.
        self.result_page = QWidget()
        self.result_page.setObjectName("moodResultPage")
        r_layout = QVBoxLayout(self.result_page)
        r_layout.setContentsMargins(0, 0, 0, 0)
        self.result_heading = label("subheading")
        self.result_heading.setObjectName("moodResultHeading")
        self.thanks = label()
        self.thanks.setObjectName("moodThanks")
        self.follow_up = _bold(label())
        self.follow_up.setObjectName("moodFollowUp")
        self.contacts_box = QFrame()
        self.contacts_box.setObjectName("moodContacts")
        self.contacts_box.setFrameShape(QFrame.Shape.StyledPanel)
        contacts_layout = QVBoxLayout(self.contacts_box)
        self.contacts_heading = _bold(label())
        contacts_layout.addWidget(self.contacts_heading)
        self.contact_cards = [ContactCard(contact) for contact in MOOD_SUPPORT_CONTACTS]
        for card in self.contact_cards:
            contacts_layout.addWidget(card)
        self.support_note = label()
        self.support_note.setObjectName("moodSupportNote")
        self.scores_heading = _bold(label())
        self.scores_heading.setObjectName("moodScoresHeading")
        self.score_labels: dict[Instrument, QLabel] = {}
        r_layout.addWidget(self.result_heading)
        r_layout.addWidget(self.thanks)
        r_layout.addSpacing(8)
        r_layout.addWidget(self.follow_up)
        r_layout.addWidget(self.contacts_box)
        r_layout.addWidget(self.support_note)
        r_layout.addSpacing(8)
        r_layout.addWidget(self.scores_heading)
        for instrument in SCREEN_ITEMS:
            score = label()
            score.setObjectName(f"{instrument.value}Score")
            self.score_labels[instrument] = score
            r_layout.addWidget(score)
        self.scores_scale = label()
        self.scores_scale.setObjectName("moodScoresScale")
        r_layout.addWidget(self.scores_scale)
        self.result_page.hide()
        body_layout.addWidget(self.result_page)
        body_layout.addStretch(1)
        self.body = ScrollBody(body)

        # Always in view below the questions or the result: "About these measures", the Welsh caveat, the buttons.
        self.footer = footer = MeasureFooter("mood")
        self.about, self.not_validated, self.buttons = footer.about, footer.not_validated, footer.buttons
        self.save: QPushButton = footer.save
        self.skip: QPushButton = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.skip.setObjectName("moodSkip")
        # Qt's own Close: translated by the Qt bridge, like every other Close in the app.
        self.close_button: QPushButton = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("moodClose")
        self.close_button.hide()
        footer.lay_out(self, self.body)
        self.about.clicked.connect(self._on_about_clicked)
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        self.retranslate_ui()
        self.questions[0].radios[0].setFocus()
        diary.host.add(self)

    # Text -------------------------------------------------------------------------------------------

    def _on_about_clicked(self) -> None:
        open_about_measures(self)

    def retranslate_ui(self) -> None:
        title = _("Optional mood check (PHQ-2 and GAD-2)")
        self.setWindowTitle(window_title(title))
        self.setAccessibleName(title)
        self.heading.setText(title)
        self.intro.setText(
            _(
                "This check is optional and private. Your answers stay in your encrypted diary on this "
                "computer. You can skip it at any time."
            )
        )
        self.stem.setText(_(SCREEN_STEM))
        for question in self.questions:
            question.retranslate_ui()
        self.result_heading.setText(_("Your mood check"))
        self.body.setAccessibleName(_("Your mood check"))
        if self.suggests_talking_to_gp():
            self.thanks.setText(
                _(
                    "Thank you for answering. The last two weeks sound hard, and you do not have to manage this "
                    "on your own. Your answers are saved in your diary."
                )
            )
        else:
            self.thanks.setText(_("Thank you. Your answers are saved in your diary."))
        self.follow_up.setText(_(SCREEN_FOLLOW_UP))
        self.contacts_heading.setText(_("People you can contact"))
        for card in self.contact_cards:
            card.retranslate_ui()
        self.support_note.setText(_("If you ever need help quickly, the numbers to call are at the top of Support."))
        self.scores_heading.setText(_("Your scores"))
        for instrument, score_label in self.score_labels.items():
            result = next((s for s in self.results if s.instrument == instrument), None)
            score_label.setText("" if result is None else _(SCORE_WORDS[instrument]).format(score=result.score))
        self.scores_scale.setText(_("0 = not at all, 6 = nearly every day for both questions"))
        self.footer.retranslate_ui()
        self.not_validated.setText(_(WELSH_NOT_VALIDATED))
        self.not_validated.setVisible(current_language() == "cy")
        self.save.setText(_("&Save answers"))
        self.save.setAccessibleName(_("Save your answers"))
        self.save.setToolTip(_("Save (Enter)"))
        self.skip.setText(_("S&kip"))
        self.skip.setAccessibleName(_("Skip the mood check without saving"))
        self.close_button.setAccessibleName(_("Close the mood check"))

    # Answers ----------------------------------------------------------------------------------------

    def answers(self) -> dict[Instrument, tuple[int, int]] | None:
        found: dict[Instrument, list[int]] = {}
        for question in self.questions:
            value = question.answer()
            if value is None:
                return None
            found.setdefault(question.instrument, []).append(value)
        return {instrument: (values[0], values[1]) for instrument, values in found.items()}

    def _update_save(self, *_args: object) -> None:
        self.save.setEnabled(self.answers() is not None)

    def _on_save_clicked(self) -> None:
        answers = self.answers()
        if answers is None or self.results:
            return
        measures = self._session.measures

        def record() -> tuple[tuple[MoodScreen, ...], Changes]:
            changes = Changes()
            screens = []
            for instrument, (item1, item2) in answers.items():
                screen, changed = measures.record_screen(instrument, item1, item2)
                screens.append(screen)
                changes |= changed
            return tuple(screens), changes

        done = self._diary.run(record, problem=self.error)
        if done is None:
            return
        self.results = done.value
        self._show_result()
        self.recorded.emit(self.results)

    def suggests_talking_to_gp(self) -> bool:
        return any(screen.suggests_talking_to_gp for screen in self.results)

    def _show_result(self) -> None:
        self.questions_page.hide()
        self.result_page.show()
        follow = self.suggests_talking_to_gp()
        self.follow_up.setVisible(follow)
        self.contacts_box.setVisible(follow)
        self.support_note.setVisible(not follow)
        self.save.hide()
        self.skip.hide()
        self.close_button.show()
        self.close_button.setDefault(True)
        self.retranslate_ui()
        # The result is text only: let the keyboard scroll it (it may be longer than the screen). With support
        # contacts, start there so they can be read; Tab reaches Close, and Enter or Escape closes.
        self.body.set_keyboard_scrollable(True)
        (self.body if follow else self.close_button).setFocus()
        self.body.updateGeometry()
        fit_to_screen(self)

    def reject(self) -> None:
        """Skip, Close and Escape all come here; once answered, closing counts as accepted."""
        if self.results:
            self.accept()
        else:
            super().reject()

    # --- answers chosen but not saved, over a lock ---

    def refresh(self) -> None:
        """The questions read nothing from the diary; an answer saved elsewhere does not change them."""

    def draft(self) -> Draft | None:
        chosen = [question.answer() for question in self.questions]
        if not self.isVisible() or self.results or all(value is None for value in chosen):
            return None
        return {"answers": chosen}

    def restore(self, draft: Draft) -> None:
        for question, value in zip(self.questions, draft.get("answers", []), strict=False):
            if isinstance(value, int) and 0 <= value < len(question.radios):
                question.radios[value].setChecked(True)
        self.kept.setText(_("Your answers were kept when the diary locked. They are not saved yet."))
        self.kept.show()

    @classmethod
    def revive(cls, diary: OpenDiary, draft: Draft) -> None:
        """After unlocking: open the check again with the answers chosen before the lock."""
        parent = diary.app if isinstance(diary.app, QWidget) else None
        if parent is not None:
            open_mood_screen(diary, parent).restore(draft)


def open_mood_screen(diary: OpenDiary, parent: QWidget) -> MoodScreenDialog:
    """Open the mood check window-modal over `parent` (deleted when closed)."""
    dialog = MoodScreenDialog(diary, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialogs.open_modal(dialog)  # the focus comes back where it was when it closes
    return dialog
