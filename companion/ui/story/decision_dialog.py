"""An options notebook for a choice offered (an injection, a referral, a new medicine), under the three
Making Choices Together questions as its headings: the options; for each its benefits and harms; what I can
do myself and how it fits what matters to me; then the decision, with whom and when. All the person's words."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from companion.domain.decisions import (
    OPTIONS_MAX,
    QUESTION_BENEFITS_HARMS,
    QUESTION_MYSELF,
    QUESTION_OPTIONS,
    Decision,
    DecisionOption,
)
from companion.domain.errors import CompanionError
from companion.i18n import _
from companion.services.story import new_id
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft
from companion.ui.medicines.fields import OptionalDate, notes_box, section
from companion.ui.story.dialog_base import FormDialog
from companion.ui.story.row_list import Row, RowList
from companion.ui.widgets import label, set_tab_order, window_title


def option_row() -> Row:
    name = QLineEdit()
    name.setObjectName("optionName")
    return Row({"name": name})


def describe_option(row: Row, number: int) -> None:
    name = row.inputs["name"]
    assert isinstance(name, QLineEdit)
    row.number.setText(_("{n}.").format(n=number))
    name.setAccessibleName(_("Option {n}: its name").format(n=number))
    name.setPlaceholderText(_("Such as “Wait and see”"))
    row.remove_button.setText(_("Remove"))
    row.remove_button.setAccessibleName(_("Remove option {n}").format(n=number))


@dataclass
class OptionBlock:
    """One option's words under the second and third questions."""

    row: Row
    harms_side: QWidget
    myself_side: QWidget
    benefits_caption: QWidget
    myself_caption: QWidget
    benefits: QPlainTextEdit
    harms: QPlainTextEdit
    myself: QPlainTextEdit
    fits: QPlainTextEdit
    captions: dict[str, QLabel] = field(default_factory=dict)  # a visible label over each box

    def option(self, name: str) -> DecisionOption:
        return DecisionOption(
            name, self.benefits.toPlainText(), self.harms.toPlainText(), self.myself.toPlainText(),
            self.fits.toPlainText(),
        )  # fmt: skip


def option_state(option: DecisionOption) -> dict[str, str]:
    return {"name": option.name, "benefits": option.benefits, "harms": option.harms, "myself": option.myself,
            "fits": option.fits}  # fmt: skip


class DecisionDialog(FormDialog):
    draft_key = "companion.ui.story.decision_dialog:DecisionDialog"

    def __init__(self, diary: OpenDiary, decision: Decision | None, parent: QWidget | None = None) -> None:
        super().__init__(diary, parent, "decisionDialog")
        self.decision_item = decision
        self._blocks: list[OptionBlock] = []
        self.choice_caption = label()
        self.choice = QLineEdit()
        self.choice.setObjectName("decisionChoice")
        self.choice_caption.setBuddy(self.choice)
        self.options_box, self.options_heading, options = section("decisionOptions")
        self.options = RowList("decisionOptionList", option_row, describe_option, limit=OPTIONS_MAX)
        options.addWidget(self.options)
        self.weigh_box, self.weigh_heading, weigh = section("decisionBenefitsHarms")
        self.weigh_column = QVBoxLayout()
        self.weigh_empty = label()
        weigh.addWidget(self.weigh_empty)
        weigh.addLayout(self.weigh_column)
        self.myself_box, self.myself_heading, myself = section("decisionMyself")
        self.myself_column = QVBoxLayout()
        self.myself_empty = label()
        myself.addWidget(self.myself_empty)
        myself.addLayout(self.myself_column)
        self.decided_box, self.decided_heading, decided = section("decisionDecided")
        self.decision = notes_box("decisionText")
        self.decision_caption = label()
        self.decision_caption.setBuddy(self.decision)
        self.with_whom = QLineEdit()
        self.with_whom.setObjectName("decisionWith")
        self.with_caption = label()
        self.with_caption.setBuddy(self.with_whom)
        self.decided_on = OptionalDate("decisionOn")
        for widget in (self.decision_caption, self.decision, self.with_caption, self.with_whom, self.decided_on):
            decided.addWidget(widget)
        for part in (self.choice_caption, self.choice, self.options_box, self.weigh_box, self.myself_box,
                     self.decided_box):  # fmt: skip
            self.column.addWidget(part)
        self.column.addStretch(1)
        self.options.changed.connect(self._sync_blocks)
        self._load(decision)
        self.ready()

    def _load(self, decision: Decision | None) -> None:
        today = self._diary.clock.today()
        self.decided_on.set_value(None, today)
        if decision is None:
            self.options.add_row()
            self.options.add_row()
            return
        self.choice.setText(decision.choice)
        self.set_options_state([option_state(o) for o in decision.options])
        self.decision.setPlainText(decision.decision)
        self.with_whom.setText(decision.with_whom)
        self.decided_on.set_value(decision.decided_on, decision.decided_on or today)

    # --- the options across the three headings ---

    def _sync_blocks(self) -> None:
        rows = self.options.rows()
        kept = {id(b.row): b for b in self._blocks}
        for block in self._blocks:
            if block.row not in rows:
                for widget in (block.harms_side, block.myself_side):
                    widget.setParent(None)
                    widget.deleteLater()
        self._blocks = [kept[id(r)] if id(r) in kept else self._new_block(r) for r in rows]
        for block in self._blocks:  # in the options' order
            self.weigh_column.addWidget(block.harms_side)
            self.myself_column.addWidget(block.myself_side)
        self.weigh_empty.setVisible(not self._blocks)
        self.myself_empty.setVisible(not self._blocks)
        self._name_blocks()
        chain: list[QWidget] = [self.options.add_button]
        chain += [w for b in self._blocks for w in (b.benefits, b.harms)]
        chain += [w for b in self._blocks for w in (b.myself, b.fits)]
        set_tab_order([*chain, self.decision])

    def _new_block(self, row: Row) -> OptionBlock:
        weigh, myself = QWidget(), QWidget()
        weigh_layout, myself_layout = QVBoxLayout(weigh), QVBoxLayout(myself)
        for layout in (weigh_layout, myself_layout):
            layout.setContentsMargins(0, 4, 0, 4)
        block = OptionBlock(
            row, weigh, myself, label("subheading"), label("subheading"),
            notes_box("optionBenefits"), notes_box("optionHarms"), notes_box("optionMyself"), notes_box("optionFits"),
        )  # fmt: skip
        weigh_layout.addWidget(block.benefits_caption)
        myself_layout.addWidget(block.myself_caption)
        for name, box, layout in (
            ("benefits", block.benefits, weigh_layout),
            ("harms", block.harms, weigh_layout),
            ("myself", block.myself, myself_layout),
            ("fits", block.fits, myself_layout),
        ):
            caption = label()
            caption.setBuddy(box)
            block.captions[name] = caption
            layout.addWidget(caption)
            layout.addWidget(box)
        name_edit = row.inputs["name"]
        assert isinstance(name_edit, QLineEdit)
        name_edit.textChanged.connect(self._name_blocks)
        return block

    def _name_blocks(self) -> None:
        for number, block in enumerate(self._blocks, start=1):
            name_edit = block.row.inputs["name"]
            assert isinstance(name_edit, QLineEdit)
            name = name_edit.text().strip() or _("Option {n}").format(n=number)
            for caption in (block.benefits_caption, block.myself_caption):
                caption.setText(name)  # type: ignore[attr-defined]
            block.captions["benefits"].setText(_("Benefits"))
            block.benefits.setAccessibleName(_("Benefits of {option}").format(option=name))
            block.captions["harms"].setText(_("Harms"))
            block.harms.setAccessibleName(_("Harms of {option}").format(option=name))
            block.captions["myself"].setText(_("What I can do myself"))
            block.myself.setAccessibleName(_("What I can do myself with {option}").format(option=name))
            block.captions["fits"].setText(_("How it fits what matters to me"))
            block.fits.setAccessibleName(_("How {option} fits what matters to me").format(option=name))

    def options_state(self) -> list[dict[str, Any]]:
        return [option_state(b.option(str(b.row.state().get("name", "")))) for b in self._blocks]

    def set_options_state(self, state: object) -> None:
        options = [o for o in state if isinstance(o, dict)] if isinstance(state, list) else []
        self.options.set_state([{"name": o.get("name", "")} for o in options])
        self._sync_blocks()
        for block, option in zip(self._blocks, options, strict=False):
            block.benefits.setPlainText(str(option.get("benefits", "")))
            block.harms.setPlainText(str(option.get("harms", "")))
            block.myself.setPlainText(str(option.get("myself", "")))
            block.fits.setPlainText(str(option.get("fits", "")))

    # --- the form ---

    def fields(self) -> dict[str, Any]:
        return {
            "choice": self.choice,
            "options": _OptionsState(self),
            "decision": self.decision,
            "with_whom": self.with_whom,
            "decided_on": self.decided_on,
        }

    def target(self) -> str | None:
        return self.decision_item.id if self.decision_item is not None else None

    def retranslate_ui(self) -> None:
        self.retranslate_base()
        self.setWindowTitle(window_title(_("A decision made together")))
        self.heading.setText(_("A decision made together"))
        self.choice_caption.setText(_("The choice offered"))
        self.choice.setAccessibleName(_("The choice offered, such as an injection or a referral"))
        self.choice.setPlaceholderText(_("Such as “An injection in my back”"))
        self.options_heading.setText(_(QUESTION_OPTIONS))
        self.options.set_texts(_("Add an option"), _("Add an option"), _("No options written down yet."))
        self.weigh_heading.setText(_(QUESTION_BENEFITS_HARMS))
        self.weigh_empty.setText(_("Add an option first."))
        self.myself_heading.setText(_(QUESTION_MYSELF))
        self.myself_empty.setText(_("Add an option first."))
        self.decided_heading.setText(_("The decision"))
        self.decision_caption.setText(_("What we decided (leave empty while you are still deciding)"))
        self.decision.setAccessibleName(_("What you decided; empty while you are still deciding"))
        self.with_caption.setText(_("Decided with"))
        self.with_whom.setAccessibleName(_("Whom you decided it with"))
        self.decided_on.set_texts(_("Decided on a date"), _("It was decided on a date"), _("The day it was decided"))
        self.options.retranslate_rows()
        self._name_blocks()

    def value(self) -> Decision:
        options = tuple(b.option(str(b.row.state().get("name", ""))) for b in self._blocks)
        item = self.decision_item
        return Decision(
            item.id if item is not None else new_id(),
            self.choice.text(),
            options,
            self.decision.toPlainText(),
            self.with_whom.text(),
            self.decided_on.value(),
            item.appointment_id if item is not None else None,
        )

    def save(self) -> bool:
        done = self._diary.run(lambda: self._session.story.save_decision(self.value()), problem=self.show_problem)
        return done is not None

    @classmethod
    def open_for(cls, diary: OpenDiary, decision_id: str | None, parent: QWidget) -> DecisionDialog | None:
        decision = None
        if decision_id is not None:
            try:
                decision = next(d for d in diary.session.story.decisions() if d.id == decision_id)
            except (StopIteration, CompanionError):
                return None
        dialog = cls(diary, decision, parent)
        dialogs.open_modal(dialog)  # window-modal; the focus goes back where it was when it closes
        return dialog

    @classmethod
    def reopen(cls, diary: OpenDiary, draft: Draft, parent: QWidget) -> DecisionDialog | None:
        target = draft.get("target")
        return cls.open_for(diary, str(target) if target else None, parent)


class _OptionsState:
    """The options (names and their words under each heading) as one input for the form's state."""

    def __init__(self, dialog: DecisionDialog) -> None:
        self._dialog = dialog

    def state(self) -> list[dict[str, Any]]:
        return self._dialog.options_state()

    def set_state(self, state: object) -> None:
        self._dialog.set_options_state(state)
