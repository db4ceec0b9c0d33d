"""Decisions made together: each choice offered, what was decided (or "still deciding"), with whom and when."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from companion.domain.changes import Changes
from companion.domain.decisions import Decision
from companion.i18n import _, ngettext
from companion.i18n.formatting import format_date
from companion.ui.core.diary import OpenDiary
from companion.ui.story.decision_dialog import DecisionDialog
from companion.ui.story.list_panel import ListPanel


class DecisionsPanel(ListPanel[Decision]):
    interests = Changes(appointments=True)

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(diary, "storyDecisions", parent)
        self.refresh()
        self.retranslate_ui()
        diary.host.add(self)

    def read(self) -> list[Decision]:
        return self._session.story.decisions()

    def lines(self, record: Decision) -> list[str]:
        lines = [record.choice]
        n = len(record.options)
        lines.append(ngettext("{n} option written down", "{n} options written down", n).format(n=n))
        if not record.decided:
            lines.append(_("Still deciding."))
            return lines
        lines.append(_("What we decided: {decided}").format(decided=record.decision))
        if record.with_whom and record.decided_on:
            lines.append(
                _("Decided with {who} on {date}.").format(who=record.with_whom, date=format_date(record.decided_on))
            )
        elif record.with_whom:
            lines.append(_("Decided with {who}.").format(who=record.with_whom))
        elif record.decided_on:
            lines.append(_("Decided on {date}.").format(date=format_date(record.decided_on)))
        return lines

    def retranslate_ui(self) -> None:
        self.intro.setText(
            _(
                "When you are offered a choice, such as an injection, a referral or a new medicine, note your "
                "options under the three questions of Making Choices Together, then what you decided."
            )
        )
        self.new_button.setText(_("New decision…"))
        self.new_button.setAccessibleName(_("Start a note for a choice you were offered"))
        self.list.setAccessibleName(_("Decisions made together"))
        self.empty.setText(_("No decisions written down yet."))
        self.open_button.setText(_("Open…"))
        self.open_button.setAccessibleName(_("Open the chosen decision (Enter)"))
        self.delete_button.setText(_("Delete"))
        self.delete_button.setAccessibleName(_("Delete the chosen decision (Delete); you can undo it"))
        self.undo_button.setText(_("Undo"))
        self.undo_button.setAccessibleName(_("Undo the delete (Ctrl+Z)"))
        self._render()

    def open_dialog(self, record_id: str | None) -> QWidget | None:
        return DecisionDialog.open_for(self._diary, record_id, self.window())

    def delete_op(self, record: Decision) -> Changes:
        return self._session.story.delete_decision(record.id)

    def save_op(self, record: Decision) -> tuple[Any, Changes]:
        return self._session.story.save_decision(record)

    def deleted_text(self, record: Decision) -> str:
        return _("“{choice}” was deleted.").format(choice=record.choice)

    def restored_text(self, record: Decision) -> str:
        return _("“{choice}” is back.").format(choice=record.choice)
