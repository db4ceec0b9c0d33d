"""A quiet banner that says when the weekly PEG check or the optional monthly mood check is due.

It opens the dialogs window-modal (open(), never exec()) and hides itself when nothing is due; it hears
of answers through the UI core's change events (a part with interest in measures). "Not now" hides the
mood check until the diary is next unlocked (this banner lives as long as the unlocked diary does).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from companion.domain.changes import Changes
from companion.i18n import _
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import PagePart
from companion.ui.measures.mood_screen_dialog import MoodScreenDialog
from companion.ui.measures.peg_dialog import PegDialog
from companion.ui.widgets import label


class MeasuresDueBanner(PagePart, QFrame):
    interests = Changes(measures=True)
    peg_recorded = Signal(object)  # PegResponse
    screens_recorded = Signal(object)  # tuple[MoodScreen, MoodScreen]

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("measuresDueBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._diary = diary
        self._session = diary.session
        self._peg_due = False
        self._mood_due = False
        self._mood_dismissed = False
        self.peg_dialog: PegDialog | None = None
        self.mood_dialog: MoodScreenDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)

        self.peg_row = QWidget()
        self.peg_row.setObjectName("pegDueRow")
        peg_layout = QHBoxLayout(self.peg_row)
        peg_layout.setContentsMargins(0, 0, 0, 0)
        self.peg_text = label()
        self.peg_text.setObjectName("pegDueText")
        font = self.peg_text.font()
        font.setBold(True)
        self.peg_text.setFont(font)
        self.peg_button = QPushButton()
        self.peg_button.setObjectName("pegDueButton")
        peg_layout.addWidget(self.peg_text, 1)
        peg_layout.addWidget(self.peg_button)

        self.mood_row = QWidget()
        self.mood_row.setObjectName("moodDueRow")
        mood_layout = QHBoxLayout(self.mood_row)
        mood_layout.setContentsMargins(0, 0, 0, 0)
        self.mood_text = label()
        self.mood_text.setObjectName("moodDueText")
        self.mood_button = QPushButton()
        self.mood_button.setObjectName("moodDueButton")
        self.not_now = QPushButton()
        self.not_now.setObjectName("moodNotNowButton")
        self.not_now.setFlat(True)
        mood_layout.addWidget(self.mood_text, 1)
        mood_layout.addWidget(self.mood_button)
        mood_layout.addWidget(self.not_now)

        layout.addWidget(self.peg_row)
        layout.addWidget(self.mood_row)
        self.peg_button.clicked.connect(self.open_peg)
        self.mood_button.clicked.connect(self.open_mood_screen)
        self.not_now.clicked.connect(self._on_not_now_clicked)
        self.retranslate_ui()
        self.refresh()
        diary.host.add(self)

    def retranslate_ui(self) -> None:
        self.setAccessibleName(_("Checks that are due"))
        self.peg_text.setText(_("Your weekly pain check (PEG) is due."))
        self.peg_button.setText(_("&Answer 3 questions"))
        self.peg_button.setAccessibleName(_("Answer the weekly pain check: 3 questions"))
        self.mood_text.setText(_("Optional: a 4-question mood check for this month."))
        self.mood_button.setText(_("Ans&wer"))
        self.mood_button.setAccessibleName(_("Answer the optional mood check"))
        self.not_now.setText(_("Not n&ow"))
        self.not_now.setAccessibleName(_("Not now: hide the mood check until the diary is next unlocked"))
        for button in (self.peg_button, self.mood_button, self.not_now):
            # Room for the 3-pixel focus border the style sheet adds, so the text is never clipped.
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance(button.text().replace("&", "")) + 48)

    def refresh(self) -> None:
        """Read what is due now (the only place this banner reads the diary)."""
        self._peg_due = self._session.measures.peg_due()
        self._mood_due = self._session.measures.screen_due()
        self._render()

    def _render(self) -> None:
        """Show what is due; hide the whole banner when nothing is."""
        mood_due = self._mood_due and not self._mood_dismissed
        self.peg_row.setVisible(self._peg_due)
        self.mood_row.setVisible(mood_due)
        self.setVisible(self._peg_due or mood_due)

    # Dialogs ----------------------------------------------------------------------------------------

    def open_peg(self) -> PegDialog:
        if self.peg_dialog is not None:
            self.peg_dialog.raise_()
            self.peg_dialog.activateWindow()
            return self.peg_dialog
        dialog = PegDialog(self._diary, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.recorded.connect(self.peg_recorded)
        dialog.finished.connect(self._on_peg_finished)
        self.peg_dialog = dialog
        dialog.open()
        return dialog

    def open_mood_screen(self) -> MoodScreenDialog:
        if self.mood_dialog is not None:
            self.mood_dialog.raise_()
            self.mood_dialog.activateWindow()
            return self.mood_dialog
        dialog = MoodScreenDialog(self._diary, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.recorded.connect(self.screens_recorded)
        # (Bound methods, not lambdas: a lambda slot on a dialog deleted on close crashed PySide6 6.x.)
        dialog.finished.connect(self._on_mood_finished)
        self.mood_dialog = dialog
        dialog.open()
        return dialog

    def _on_peg_finished(self, _result: int) -> None:
        self.peg_dialog = None

    def _on_mood_finished(self, _result: int) -> None:
        self.mood_dialog = None

    def _on_not_now_clicked(self) -> None:
        self._mood_dismissed = True
        self._render()
