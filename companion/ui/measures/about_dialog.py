"""About these measures: where each questionnaire comes from, how it is scored, its licence and the research
words behind the Trends bands, one click away from every screen that asks them (never on the screen itself)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from companion.domain.measures import IMMPACT_SOURCE, PEG_SOURCE, SCREEN_SOURCE
from companion.domain.scales import PAIN, PEG_SCORE
from companion.i18n import _
from companion.ui import dialogs
from companion.ui.measures import FitsScreenOnFirstShow, ScrollBody
from companion.ui.widgets import Retranslatable, label, window_title


class AboutMeasuresDialog(FitsScreenOnFirstShow, Retranslatable, QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutMeasuresDialog")
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 8, 0)
        self.heading = label("subheading")
        self.texts: dict[str, QLabel] = {}
        column.addWidget(self.heading)
        for key in (
            "intro",
            "pain",
            "peg_title",
            "peg",
            "peg_scale",
            "peg_source",
            "mood_title",
            "mood",
            "mood_source",
            "bands_title",
            "bands",
            "bands_source",
            "welsh_title",
            "welsh",
        ):
            shown = label("subheading") if key.endswith("_title") else label(selectable=key.endswith("_source"))
            shown.setObjectName(f"aboutMeasures_{key}")
            if key.endswith("_title"):
                column.addSpacing(8)
            column.addWidget(shown)
            self.texts[key] = shown
        column.addStretch(1)
        self.body = ScrollBody(body)
        self.body.set_keyboard_scrollable(True)  # text only: arrows and Page Down read it
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("aboutMeasuresClose")
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.close_button.setFocus()

    def retranslate_ui(self) -> None:
        title = _("About these measures")
        self.setWindowTitle(window_title(title))
        self.setAccessibleName(title)
        self.heading.setText(title)
        self.body.setAccessibleName(title)
        words = {
            "intro": _(
                "The questions Companion asks come from published questionnaires. This is where each one comes "
                "from and how it is scored, for you and for anyone helping you."
            ),
            "pain": _("Pain, on Today and in the weekly check, is scored the same way: {scale}.").format(
                scale=_(PAIN.both)
            ),
            "peg_title": _("The weekly pain check (PEG)"),
            "peg": _(
                "Three questions about the past week: your pain on average, and how much pain has got in the way "
                "of your enjoyment of life and of your general activity. Each is answered from 0 to 10, and "
                "your score is the average of the three."
            ),
            "peg_scale": _(PEG_SCORE.both),
            "peg_source": _("Source: {source} Free to use.").format(source=_(PEG_SOURCE)),
            "mood_title": _("The optional mood check (PHQ-2 and GAD-2)"),
            "mood": _(
                "Two questions about low mood (PHQ-2) and two about worry (GAD-2), each about the last 2 weeks. "
                "Each answer counts from 0 (not at all) to 3 (nearly every day), so each score is from 0 to 6. "
                "A score of 3 or more suggests it may help to talk to your GP. It is never a diagnosis."
            ),
            "mood_source": _("Source: {source}").format(source=_(SCREEN_SOURCE)),
            "bands_title": _("Changes in your PEG score"),
            "bands": _(
                "Trends compares your recent PEG scores with an earlier period and names the change with the "
                "bands used in pain research (IMMPACT): small but it may matter (a fall of 10 to 20 %), moderate "
                "(a fall of at least 30 %) and substantial (a fall of at least 50 %). A change is never proof of "
                "a cause."
            ),
            "bands_source": _("Source: {source}").format(source=_(IMMPACT_SOURCE)),
            "welsh_title": _("In Welsh"),
            "welsh": _(
                "The Welsh wording of these questionnaires is our own translation. It has not been validated, so "
                "a score answered in Welsh may not compare exactly with one answered in English."
            ),
        }
        for key, text in words.items():
            self.texts[key].setText(text)
        self.close_button.setAccessibleName(_("Close"))


def open_about_measures(parent: QWidget) -> AboutMeasuresDialog:
    """Open the dialog window-modal over `parent` (deleted when closed)."""
    dialog = AboutMeasuresDialog(parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialogs.open_modal(dialog)  # the focus comes back where it was when it closes
    return dialog
