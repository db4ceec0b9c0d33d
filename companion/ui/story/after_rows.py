"""The rows of "after the appointment": next steps and who does them, tests and referrals ordered, medicine
changes agreed, and the person's own follow-up reasons with the measurable rules offered as choices."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from companion.domain.appointments import FollowUpReason, FollowUpRule, NextStep
from companion.domain.medicines import Medicine
from companion.domain.story import StoryKind
from companion.i18n import N_, _
from companion.services.appointments import AgreedChange, OrderedItem
from companion.ui.medicines.fields import OptionalDate
from companion.ui.story.row_list import Row

RULE_NAMES = {
    FollowUpRule.WORDS_ONLY: N_("Only my words (Companion does not watch this one)"),
    FollowUpRule.PEG_RISE: N_("My weekly pain check (PEG) up by at least 30 % for three weeks"),
    FollowUpRule.FLARE_LONGER: N_("A flare-up that lasts longer than a number of days"),
    FollowUpRule.PAIN_ABOVE: N_("My average pain above a level for a number of weeks"),
    FollowUpRule.NEW_REGION: N_("Pain somewhere I have not had it before"),
}
ORDERED_KINDS = (StoryKind.INVESTIGATION, StoryKind.REFERRAL)
ORDERED_NAMES = {StoryKind.INVESTIGATION: N_("A test"), StoryKind.REFERRAL: N_("A referral")}


def _line(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    return edit


# --- next steps ---


def next_step_row() -> Row:
    return Row({"what": _line("stepWhat"), "who": _line("stepWho")}, stretch={"what": 3, "who": 1})


def describe_next_step(row: Row, number: int) -> None:
    what, who = row.inputs["what"], row.inputs["who"]
    assert isinstance(what, QLineEdit) and isinstance(who, QLineEdit)
    row.number.setText(_("{n}.").format(n=number))
    what.setAccessibleName(_("Next step {n}: what").format(n=number))
    what.setPlaceholderText(_("What, such as “Send the referral”"))
    who.setAccessibleName(_("Next step {n}: who does it").format(n=number))
    who.setPlaceholderText(_("Who does it"))
    row.remove_button.setText(_("Remove"))
    row.remove_button.setAccessibleName(_("Remove next step {n}").format(n=number))


def next_step_of(state: dict[str, Any]) -> NextStep:
    return NextStep(str(state.get("what", "")), str(state.get("who", "")))


# --- tests and referrals ordered ---


def ordered_row() -> Row:
    kind = QComboBox()
    kind.setObjectName("orderedKind")
    for each in ORDERED_KINDS:
        kind.addItem("", each.value)
    return Row({"kind": kind, "what": _line("orderedWhat"), "where": _line("orderedWhere")}, stretch={"kind": 0})


def describe_ordered(row: Row, number: int) -> None:
    kind, what, where = row.inputs["kind"], row.inputs["what"], row.inputs["where"]
    assert isinstance(kind, QComboBox) and isinstance(what, QLineEdit) and isinstance(where, QLineEdit)
    row.number.setText(_("{n}.").format(n=number))
    for index, each in enumerate(ORDERED_KINDS):
        kind.setItemText(index, _(ORDERED_NAMES[each]))
    kind.setAccessibleName(_("Ordered {n}: a test or a referral").format(n=number))
    what.setAccessibleName(_("Ordered {n}: what, or to whom").format(n=number))
    what.setPlaceholderText(_("What, or to whom"))
    where.setAccessibleName(_("Ordered {n}: where (optional)").format(n=number))
    where.setPlaceholderText(_("Where (optional)"))
    row.remove_button.setText(_("Remove"))
    row.remove_button.setAccessibleName(_("Remove ordered {n}").format(n=number))


def ordered_of(state: dict[str, Any]) -> OrderedItem:
    return OrderedItem(StoryKind(str(state.get("kind"))), str(state.get("what", "")), str(state.get("where", "")))


# --- medicine changes agreed ---


class MedicineChangeRow(Row):
    def __init__(self, medicines: list[Medicine]) -> None:
        choice = QComboBox()
        choice.setObjectName("changeMedicine")
        choice.addItem("", "")
        for medicine in medicines:
            choice.addItem(medicine.name, medicine.id)
        self.started = OptionalDate("changeStarted")
        self.stopped = OptionalDate("changeStopped")
        super().__init__(
            {
                "medicine": choice,
                "name": _line("changeName"),
                "dose": _line("changeDose"),
                "started": self.started,
                "stopped": self.stopped,
            },
            stretch={"medicine": 0, "started": 0, "stopped": 0},
            lines=[["medicine", "name", "dose"], ["started", "stopped"]],
        )
        self.choice = choice
        choice.currentIndexChanged.connect(self._show_name)
        self._show_name()

    def focusables(self) -> list[QWidget]:
        return [self.choice, self.inputs["name"], self.inputs["dose"], self.started.check, self.started.date,
                self.stopped.check, self.stopped.date, self.remove_button]  # fmt: skip

    def _show_name(self) -> None:
        self.inputs["name"].setVisible(not self.choice.currentData())


def describe_medicine_change(row: Row, number: int) -> None:
    assert isinstance(row, MedicineChangeRow)
    name, dose = row.inputs["name"], row.inputs["dose"]
    assert isinstance(name, QLineEdit) and isinstance(dose, QLineEdit)
    row.number.setText(_("{n}.").format(n=number))
    row.choice.setItemText(0, _("A new medicine"))
    row.choice.setAccessibleName(_("Change {n}: which medicine").format(n=number))
    name.setAccessibleName(_("Change {n}: name of the new medicine").format(n=number))
    name.setPlaceholderText(_("Name of the new medicine"))
    dose.setAccessibleName(_("Change {n}: the dose as agreed; empty if it stays the same").format(n=number))
    dose.setPlaceholderText(_("Dose as agreed (empty: unchanged)"))
    row.started.set_texts(
        _("Starts"), _("Change {n}: it starts on a date").format(n=number), _("Change {n}: start date").format(n=number)
    )
    row.stopped.set_texts(
        _("Stops"), _("Change {n}: it stops on a date").format(n=number), _("Change {n}: stop date").format(n=number)
    )
    row.remove_button.setText(_("Remove"))
    row.remove_button.setAccessibleName(_("Remove change {n}").format(n=number))


def change_of(row: Row) -> AgreedChange:
    assert isinstance(row, MedicineChangeRow)
    state = row.state()
    medicine_id = str(state.get("medicine") or "") or None
    dose = str(state.get("dose", "")).strip()
    return AgreedChange(
        medicine_id,
        name=str(state.get("name", "")) if medicine_id is None else "",
        dose=dose or None,
        started_on=row.started.value(),
        stopped_on=row.stopped.value(),
    )


# --- follow-up reasons ---


class ReasonRow(Row):
    def __init__(self) -> None:
        rule = QComboBox()
        rule.setObjectName("reasonRule")
        for each in FollowUpRule:
            rule.addItem("", each.value)
        self.days, self.level, self.weeks = QSpinBox(), QSpinBox(), QSpinBox()
        for spin, name, low, high, start in (
            (self.days, "reasonDays", 1, 365, 7),
            (self.level, "reasonLevel", 0, 9, 6),
            (self.weeks, "reasonWeeks", 1, 52, 2),
        ):
            spin.setObjectName(name)
            spin.setRange(low, high)
            spin.setValue(start)
        super().__init__(
            {"words": _line("reasonWords"), "rule": rule, "days": self.days, "level": self.level, "weeks": self.weeks},
            stretch={"words": 3, "rule": 2, "days": 0, "level": 0, "weeks": 0},
            lines=[["words"], ["rule", "days", "level", "weeks"]],
        )
        self.rule = rule
        rule.currentIndexChanged.connect(self._show_numbers)
        self._show_numbers()

    def chosen_rule(self) -> FollowUpRule:
        return FollowUpRule(self.rule.currentData())

    def _show_numbers(self) -> None:
        rule = self.chosen_rule()
        self.days.setVisible(rule is FollowUpRule.FLARE_LONGER)
        self.level.setVisible(rule is FollowUpRule.PAIN_ABOVE)
        self.weeks.setVisible(rule is FollowUpRule.PAIN_ABOVE)


def describe_reason(row: Row, number: int) -> None:
    assert isinstance(row, ReasonRow)
    words = row.inputs["words"]
    assert isinstance(words, QLineEdit)
    row.number.setText(_("{n}.").format(n=number))
    words.setAccessibleName(_("Reason {n}: I will ask for a follow-up if…").format(n=number))
    words.setPlaceholderText(_("If… (in your words, such as “my pain spreads to my arm”)"))
    for index, rule in enumerate(FollowUpRule):
        row.rule.setItemText(index, _(RULE_NAMES[rule]))
    row.rule.setAccessibleName(_("Reason {n}: what Companion can watch for it").format(n=number))
    row.days.setPrefix(_("Days: "))
    row.days.setAccessibleName(_("Reason {n}: a flare-up longer than this many days").format(n=number))
    row.level.setPrefix(_("Pain above: "))
    row.level.setAccessibleName(_("Reason {n}: average pain above this level, 0 to 9").format(n=number))
    row.weeks.setPrefix(_("Weeks: "))
    row.weeks.setAccessibleName(_("Reason {n}: for this many weeks").format(n=number))
    row.remove_button.setText(_("Remove"))
    row.remove_button.setAccessibleName(_("Remove reason {n}").format(n=number))


def reason_state(reason: FollowUpReason) -> dict[str, Any]:
    state: dict[str, Any] = {"id": reason.id, "words": reason.words, "rule": reason.rule.value}
    numbers = (("days", reason.days), ("level", reason.level), ("weeks", reason.weeks))
    state.update({k: v for k, v in numbers if v is not None})
    if reason.dismissed_on is not None:
        state["dismissed_on"] = reason.dismissed_on.isoformat()
    return state


def reason_of(row: Row) -> FollowUpReason:
    assert isinstance(row, ReasonRow)
    state = row.state()
    rule = row.chosen_rule()
    dismissed = state.get("dismissed_on")
    return FollowUpReason(
        str(state.get("id", "")),
        str(state.get("words", "")),
        rule,
        days=row.days.value() if rule is FollowUpRule.FLARE_LONGER else None,
        level=row.level.value() if rule is FollowUpRule.PAIN_ABOVE else None,
        weeks=row.weeks.value() if rule is FollowUpRule.PAIN_ABOVE else None,
        dismissed_on=dt.date.fromisoformat(str(dismissed)) if dismissed else None,
    )
