"""Urgent help, 999 first: the fixed signposting pinned at the top of Support (clinical.md: 999, NHS 111 Wales,
NHS 24 on 111 in Scotland), with someone to talk to at any hour. Offline text; nothing from the diary."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from companion.i18n import _
from companion.ui.widgets import Retranslatable, label


class UrgentHelpBox(Retranslatable, QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("urgentHelpBox")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(4)
        self.heading = label()
        self.heading.setObjectName("urgentHelpHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        layout.addWidget(self.heading)
        self.lines: list[QLabel] = []
        for name in ("urgentHelp999", "urgentHelp111", "urgentHelpTalk"):
            line = label(selectable=True)
            line.setObjectName(name)
            layout.addWidget(line)
            self.lines.append(line)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Need help now?"))
        texts = (
            _("In an emergency, or if you are in danger now, call 999."),
            _(
                "For urgent help that is not an emergency, call 111: NHS 111 Wales (choose option 2 for mental "
                "health support), or NHS 24 in Scotland."
            ),
            _(
                "To talk to someone at any hour: Samaritans, 116 123, free. Welsh-language line, every evening: "
                "0808 164 0123."
            ),
        )
        for line, text in zip(self.lines, texts, strict=True):
            line.setText(text)
        self.setAccessibleName(_("Need help now?"))
        self.setAccessibleDescription(" ".join(texts))
