"""The weekly PEG check (Krebs et al. 2009): three 0-10 questions, the mean shown live, saved in one step.

Keyboard: each question is one Tab stop; a number key answers it (1 then 0 quickly gives 10), arrows move
the answer; Enter saves once all three are answered; Escape closes without saving.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from companion.domain.measures import PEG_ITEMS, PEG_SOURCE, WELSH_NOT_VALIDATED, PegResponse
from companion.i18n import _, current_language
from companion.i18n.formatting import format_decimal
from companion.ui.core.diary import OpenDiary
from companion.ui.measures import FitsScreenOnFirstShow, MeasureFooter, ScrollBody, single_tab_stop
from companion.ui.today.score_picker import ScorePicker
from companion.ui.widgets import Retranslatable, label, window_title


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


class PegDialog(FitsScreenOnFirstShow, Retranslatable, QDialog):
    recorded = Signal(object)  # PegResponse

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pegDialog")
        self._diary = diary
        self._session = diary.session
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
        self.error = label("error")
        self.error.setObjectName("pegError")
        self.error.hide()
        body_layout.addWidget(self.score_label)
        body_layout.addWidget(self.error)
        body_layout.addStretch(1)
        self.body = ScrollBody(body)

        # Always in view below the questions: the source, the Welsh caveat, the buttons.
        footer = MeasureFooter("peg")
        self.source, self.not_validated, self.buttons = footer.source, footer.not_validated, footer.buttons
        self.save: QPushButton = footer.save
        # Qt's own Cancel: translated by the Qt bridge, like every other Cancel in the app.
        self.cancel: QPushButton = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel.setObjectName("pegCancel")
        footer.lay_out(self, self.body)
        self.buttons.accepted.connect(self._on_save_clicked)
        self.buttons.rejected.connect(self.reject)
        self.setTabOrder(self.pickers[-1].buttons[-1], self.save)
        self.setTabOrder(self.save, self.cancel)
        self.retranslate_ui()
        self.pickers[0].buttons[0].setFocus()

    def retranslate_ui(self) -> None:
        title = _("Weekly check: pain, enjoyment and activity (PEG)")
        self.setWindowTitle(window_title(title))
        self.setAccessibleName(title)
        self.heading.setText(title)
        self.intro.setText(_("Answer each question with a number from 0 to 10. Press a number key or click a number."))
        for index, question in enumerate(self.questions):
            question.setText(_("{number}. {question}").format(number=index + 1, question=_(PEG_ITEMS[index][0])))
        self.save.setText(_("&Save"))
        self.save.setAccessibleName(_("Save your answers"))
        self.save.setToolTip(_("Save (Enter)"))
        self.cancel.setAccessibleName(_("Close without saving"))
        self.source.setText(_("Source: {source}").format(source=_(PEG_SOURCE)))
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
        done = self._diary.run(lambda: self._session.measures.record_peg(*answers), problem=self.error)
        if done is None:
            return
        response = done.value
        self.response = response
        self.accept()
        self.recorded.emit(response)
