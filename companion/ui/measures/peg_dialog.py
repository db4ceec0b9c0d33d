"""The weekly PEG check (Krebs et al. 2009): three 0-10 questions, the mean shown live, saved in one step;
or the latest answers, filled in, to correct (the numbers they had are kept in the diary's history).

Keyboard: each question is one Tab stop; a number key answers it (1 then 0 quickly gives 10), arrows move
the answer; Enter saves once all three are answered; Escape closes without saving. Answers chosen but not
saved when the diary locks come back, unsaved, when it is unlocked.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from companion.domain.measures import PEG_ITEMS, WELSH_NOT_VALIDATED, PegResponse
from companion.domain.scales import PEG_SCORE
from companion.i18n import _, current_language
from companion.i18n.formatting import format_date, format_decimal
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft, PagePart
from companion.ui.measures import FitsScreenOnFirstShow, MeasureFooter, ScrollBody, single_tab_stop
from companion.ui.measures.about_dialog import open_about_measures
from companion.ui.today.score_picker import ScorePicker
from companion.ui.widgets import label, window_title


class PegItemPicker(ScorePicker):
    """A 0-10 row for one PEG question, with that question's own anchors and accessible names."""

    def __init__(self, index: int, parent: QWidget | None = None) -> None:
        self._index = index  # set first: ScorePicker.__init__ ends by calling retranslate_ui() below
        super().__init__(parent)
        self.setObjectName(f"pegItem{index + 1}")
        # The row itself takes no focus (it would show none); its buttons do, as one Tab stop.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for value, button in enumerate(self.buttons):
            button.setObjectName(f"peg{index + 1}_score_{value}")
            button.setAutoDefault(False)  # Enter saves the dialog rather than re-choosing a number
        # Anchors on one line each: wrapped, they crowd the numbers above them.
        self.low_anchor.setWordWrap(False)
        self.high_anchor.setWordWrap(False)
        single_tab_stop(self.group)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        question, low, high = PEG_ITEMS[self._index]
        number = self._index + 1
        self.low_anchor.setText(_(low))
        self.high_anchor.setText(_(high))
        self.setAccessibleName(_(question))
        for value, button in enumerate(self.buttons):
            button.setAccessibleName(_("Question {number}: {score} out of 10").format(number=number, score=value))
            button.setAccessibleDescription(_(question))
        self.buttons[0].setAccessibleDescription(_(low))
        self.buttons[10].setAccessibleDescription(_(high))


class PegDialog(FitsScreenOnFirstShow, PagePart, QDialog):
    recorded = Signal(object)  # PegResponse (a new answer, or the latest one corrected)
    draft_key = "companion.ui.measures.peg_dialog:PegDialog"

    def __init__(
        self, diary: OpenDiary, parent: QWidget | None = None, *, correcting: PegResponse | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pegDialog")
        self._diary = diary
        self._session = diary.session
        self.correcting = correcting
        self.response: PegResponse | None = None
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 8, 0)
        body_layout.setSpacing(6)
        self.heading = label("subheading")
        self.heading.setObjectName("pegHeading")
        self.intro = label()
        self.intro.setObjectName("pegIntro")
        body_layout.addWidget(self.heading)
        body_layout.addWidget(self.intro)
        self.kept = label()  # says when answers came back after a lock, unsaved
        self.kept.setObjectName("pegKept")
        self.kept.hide()
        body_layout.addWidget(self.kept)
        self.questions: list[QLabel] = []
        self.pickers: list[PegItemPicker] = []
        for index in range(len(PEG_ITEMS)):
            body_layout.addSpacing(12)
            question = label()
            question.setObjectName(f"pegQuestion{index + 1}")
            font = question.font()
            font.setBold(True)
            question.setFont(font)
            picker = PegItemPicker(index)
            question.setBuddy(picker.buttons[0])
            picker.score_changed.connect(self._update_score)
            body_layout.addWidget(question)
            body_layout.addWidget(picker)
            self.questions.append(question)
            self.pickers.append(picker)
        body_layout.addSpacing(12)
        self.score_label = label("subheading")
        self.score_label.setObjectName("pegScore")
        self.score_scale = label()
        self.score_scale.setObjectName("pegScoreScale")
        self.error = label("error")
        self.error.setObjectName("pegError")
        self.error.hide()
        body_layout.addWidget(self.score_label)
        body_layout.addWidget(self.score_scale)
        body_layout.addWidget(self.error)
        body_layout.addStretch(1)
        self.body = ScrollBody(body)

        # Always in view below the questions: "About these measures", the Welsh caveat, the buttons.
        self.footer = footer = MeasureFooter("peg")
        self.about, self.not_validated, self.buttons = footer.about, footer.not_validated, footer.buttons
        self.save: QPushButton = footer.save
        # Qt's own Cancel: translated by the Qt bridge, like every other Cancel in the app.
        self.cancel: QPushButton = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel.setObjectName("pegCancel")
        footer.lay_out(self, self.body)
        self.about.clicked.connect(self._on_about_clicked)
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        self.setTabOrder(self.pickers[-1].buttons[-1], self.save)
        self.setTabOrder(self.save, self.cancel)
        if correcting is not None:
            answers = (correcting.pain_average, correcting.enjoyment, correcting.activity)
            for picker, value in zip(self.pickers, answers, strict=True):
                picker.set_score(value)
        self._initial = self.answers()
        self.retranslate_ui()
        self.pickers[0].buttons[self.pickers[0].score() or 0].setFocus()
        diary.host.add(self)

    def _on_about_clicked(self) -> None:
        open_about_measures(self)

    def retranslate_ui(self) -> None:
        if self.correcting is None:
            title = _("Weekly check: pain, enjoyment and activity (PEG)")
            intro = _("Answer each question with a number from 0 to 10. Press a number key or click a number.")
        else:
            title = _("Correct your latest weekly check (PEG)")
            intro = _(
                "These are your answers of {date}. Change any number that is wrong, then Save. The numbers they "
                "had are kept in your diary's history."
            ).format(date=format_date(self.correcting.taken_at.date()))
        self.setWindowTitle(window_title(title))
        self.setAccessibleName(title)
        self.heading.setText(title)
        self.intro.setText(intro)
        for index, question in enumerate(self.questions):
            question.setText(_("{number}. {question}").format(number=index + 1, question=_(PEG_ITEMS[index][0])))
        self.save.setText(_("&Save"))
        self.save.setAccessibleName(_("Save your answers"))
        self.save.setToolTip(_("Save (Enter)"))
        self.cancel.setAccessibleName(_("Close without saving"))
        self.footer.retranslate_ui()
        self.score_scale.setText(_(PEG_SCORE.both))
        self.not_validated.setText(_(WELSH_NOT_VALIDATED))
        self.not_validated.setVisible(current_language() == "cy")
        self._update_score()

    def answers(self) -> tuple[int, int, int] | None:
        values = [picker.score() for picker in self.pickers]
        if any(value is None for value in values):
            return None
        return values[0], values[1], values[2]  # type: ignore[return-value]

    def _update_score(self, *_args: object) -> None:
        answers = self.answers()
        self.save.setEnabled(answers is not None)
        if answers is None:
            self.score_label.setText(_("Answer all three questions to see your score."))
            return
        # The domain's own scoring (mean of the three, one decimal), so the screen and the record agree.
        score = PegResponse("preview", self._diary.clock.now(), *answers).score
        self.score_label.setText(_("Your PEG score: {score} out of 10").format(score=format_decimal(score, 1)))

    def _on_save_clicked(self) -> None:
        answers = self.answers()
        if answers is None:
            return
        measures = self._session.measures
        write = measures.record_peg if self.correcting is None else measures.correct_latest_peg
        done = self._diary.run(lambda: write(*answers), problem=self.error)
        if done is None:
            return
        response = done.value
        self.response = response
        self.accept()
        self.recorded.emit(response)

    # --- answers chosen but not saved, over a lock ---

    def refresh(self) -> None:
        """The dialog reads what it corrects when it opens; later changes elsewhere don't replace choices."""

    def draft(self) -> Draft | None:
        values = [picker.score() for picker in self.pickers]
        if not self.isVisible() or self.response is not None or tuple(values) == (self._initial or (None,) * 3):
            return None
        return {"answers": values, "correcting": self.correcting.id if self.correcting else None}

    def restore(self, draft: Draft) -> None:
        for picker, value in zip(self.pickers, draft.get("answers", []), strict=False):
            if isinstance(value, int) and 0 <= value <= 10:
                picker.set_score(value)
        self.kept.setText(_("Your answers were kept when the diary locked. They are not saved yet."))
        self.kept.show()

    @classmethod
    def revive(cls, diary: OpenDiary, draft: Draft) -> None:
        """After unlocking: open the check again with the answers chosen before the lock."""
        parent = diary.app if isinstance(diary.app, QWidget) else None
        if parent is None:
            return
        correcting = draft.get("correcting")
        if correcting:
            latest = diary.session.measures.latest_peg()
            if latest is None or latest.id != correcting:  # answered again meanwhile: nothing to go back to
                return
        dialog = open_peg(diary, parent, correct=bool(correcting))
        if dialog is not None:
            dialog.restore(draft)


def open_peg(diary: OpenDiary, parent: QWidget, *, correct: bool = False) -> PegDialog | None:
    """Open the weekly check window-modal over `parent` (deleted when closed): to answer now, or, with
    `correct`, to correct the latest answers (None when there are none yet)."""
    correcting = diary.session.measures.latest_peg() if correct else None
    if correct and correcting is None:
        return None
    dialog = PegDialog(diary, parent, correcting=correcting)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialogs.open_modal(dialog)  # the focus comes back where it was when it closes
    return dialog
