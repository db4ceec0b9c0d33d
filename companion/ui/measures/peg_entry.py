"""The weekly pain check at any time, from any screen that shows PEG scores: one button with a menu to answer
now or to correct the latest answers. A part of the UI core (it reads whether there are answers to correct)."""

from __future__ import annotations

from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from companion.domain.changes import Changes
from companion.domain.measures import PegResponse
from companion.i18n import _
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import PagePart
from companion.ui.measures.about_dialog import open_about_measures
from companion.ui.measures.peg_dialog import PegDialog, open_peg


class PegEntryButton(PagePart, QPushButton):
    interests = Changes(measures=True)

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pegEntryButton")
        self._diary = diary
        self._latest: PegResponse | None = None
        self.dialog: PegDialog | None = None
        menu = QMenu(self)
        menu.setObjectName("pegEntryMenu")
        self.answer_action = menu.addAction("")
        self.correct_action = menu.addAction("")
        menu.addSeparator()
        self.about_action = menu.addAction("")
        self.setMenu(menu)
        self.answer_action.triggered.connect(self.answer)
        self.correct_action.triggered.connect(self.correct)
        self.about_action.triggered.connect(self._on_about_triggered)
        self.retranslate_ui()
        self.refresh()
        diary.host.add(self)

    def retranslate_ui(self) -> None:
        self.setText(_("Weekly pain check (PEG)"))
        self.setAccessibleName(_("Weekly pain check (PEG): answer it now, or correct your latest answers"))
        self.answer_action.setText(_("Answer it now"))
        self.correct_action.setText(_("Correct my last answers"))
        self.about_action.setText(_("About these measures"))

    def refresh(self) -> None:
        """Read the latest answers (the only place this button reads the diary)."""
        self._latest = self._diary.session.measures.latest_peg()
        self.correct_action.setEnabled(self._latest is not None)

    def answer(self) -> PegDialog | None:
        self.dialog = open_peg(self._diary, self)
        return self.dialog

    def correct(self) -> PegDialog | None:
        self.dialog = open_peg(self._diary, self, correct=True) if self._latest is not None else None
        return self.dialog

    def _on_about_triggered(self) -> None:
        open_about_measures(self)
