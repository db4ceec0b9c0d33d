"""What matters to me, in the person's own words: kept current, with earlier versions dated below.

A part of the UI core: `refresh()` reads the versions; words being typed are never replaced by a refresh
and are kept over a lock (unsaved) as a draft."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from companion.domain.goals import WhatMatters
from companion.i18n import _
from companion.i18n.formatting import format_date
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft
from companion.ui.goals.section import Section
from companion.ui.widgets import label


class WhatMattersSection(Section):
    draft_key = "goals.what_matters"

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(diary, parent)
        self.setObjectName("whatMattersSection")
        self._history: list[WhatMatters] = []
        layout = QVBoxLayout(self)
        self.intro = label()
        self.what_label = label("subheading")
        self.what = QPlainTextEdit()
        self.what.setObjectName("whatMattersText")
        self.what.setTabChangesFocus(True)
        self.good_label = label("subheading")
        self.good = QPlainTextEdit()
        self.good.setObjectName("goodDayText")
        self.good.setTabChangesFocus(True)
        for edit in (self.what, self.good):
            edit.setMinimumHeight(90)
        self.save = QPushButton()
        self.save.setObjectName("saveWhatMatters")
        self.updated = label()
        self.updated.setObjectName("whatMattersUpdated")
        self.history_label = label("subheading")
        self.history = QListWidget()
        self.history.setObjectName("whatMattersHistory")
        self.history.setWordWrap(True)
        self.history.setMinimumHeight(120)
        for widget in (self.intro, self.what_label, self.what, self.good_label, self.good):
            layout.addWidget(widget)
        row = QHBoxLayout()
        row.addWidget(self.save)
        row.addWidget(self.updated, 1)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.history_label)
        layout.addWidget(self.history, 1)
        self.save.clicked.connect(self.save_words)
        self.retranslate_ui()
        self.refresh()
        diary.host.add(self)

    def retranslate_ui(self) -> None:
        self.intro.setText(
            _(
                "In your own words. This comes first on the summary you take to appointments, so the people "
                "helping you know what you are working towards."
            )
        )
        self.what_label.setText(_("What matters to me"))
        self.what.setAccessibleName(_("What matters to me"))
        self.good_label.setText(_("When I have a good day, what makes it good?"))
        self.good.setAccessibleName(_("When I have a good day, what makes it good?"))
        self.save.setText(_("&Save"))
        self.save.setAccessibleName(_("Save what matters to me"))
        self.history_label.setText(_("Earlier versions"))
        self.history.setAccessibleName(_("Earlier versions of what matters to me, newest first"))
        self._render()

    def refresh(self) -> None:
        """Read the versions, newest first (the only place this section reads the diary)."""
        self._history = self._session.goals.what_matters_history()
        self._render()

    def _render(self) -> None:
        history = self._history
        current = history[0] if history else None
        if current is not None and not self.has_changes():  # never over words being typed
            self.what.setPlainText(current.what_matters)
            self.good.setPlainText(current.good_day)
            self._mark_saved()
        self.updated.setText(
            _("Last changed on {date}.").format(date=format_date(current.written_at.date())) if current else ""
        )
        self.history.clear()
        for version in history[1:]:
            item = QListWidgetItem(
                _("{date}: {what}").format(date=format_date(version.written_at.date()), what=version.what_matters)
            )
            self.history.addItem(item)
        self.history_label.setVisible(len(history) > 1)
        self.history.setVisible(len(history) > 1)

    def save_words(self) -> None:
        what, good = self.what.toPlainText(), self.good.toPlainText()
        if self._write(lambda: self._session.goals.save_what_matters(what, good), _("Saved.")) is not None:
            self._mark_saved()
            self._render()  # the words as kept (spaces tidied)

    def has_changes(self) -> bool:
        return self.what.document().isModified() or self.good.document().isModified()

    def _mark_saved(self) -> None:
        self.what.document().setModified(False)
        self.good.document().setModified(False)

    # --- unsaved words over a lock ---

    def draft(self) -> Draft | None:
        return {"what": self.what.toPlainText(), "good": self.good.toPlainText()} if self.has_changes() else None

    def restore(self, draft: Draft) -> None:
        self.what.setPlainText(str(draft.get("what", "")))
        self.good.setPlainText(str(draft.get("good", "")))
        self.what.document().setModified(True)
        self.good.document().setModified(True)
        self.status.setText(
            _("Your unsaved words were kept when the diary locked. They are not saved yet: check them, then Save.")
        )
