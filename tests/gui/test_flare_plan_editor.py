"""The flare-up plan editor: the starter plan, picking and typing lines, helpers, review date, Save, Welsh."""

from __future__ import annotations

import datetime as dt
import errno
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QCheckBox, QComboBox, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from companion import i18n
from companion.domain.errors import ValidationError
from companion.domain.flare import (
    EXAMPLES,
    LINE_MAX_CHARS,
    MEDICINES_LINE,
    SECTION_TITLES,
    SECTIONS,
    FlarePlan,
    Helper,
)
from companion.i18n import N_, _
from companion.services.session import DiarySession
from companion.storage import atomic
from companion.ui.core.standalone import standalone_diary
from companion.ui.flare.plan_editor import FlarePlanEditor
from companion.ui.qt_translator import TranslatorBridge
from tests.conftest import DIARY_PASSPHRASE
from tests.helpers.gui import type_into

PASSPHRASE = DIARY_PASSPHRASE
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)
DOSE_WORDS = re.compile(r"\d|\bmg\b|dose|dos\b|tablet|pill|capsule|daily|twice|paracetamol|ibuprofen", re.I)


@pytest.fixture
def editor(qtbot: QtBot, session: DiarySession) -> FlarePlanEditor:
    widget = FlarePlanEditor(standalone_diary(session))
    qtbot.addWidget(widget)
    widget.resize(1000, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def click(qtbot: QtBot, editor: FlarePlanEditor, button: QAbstractButton) -> None:
    """Scroll the long page to the button, then click it as a person would."""
    editor.scroll_area.ensureWidgetVisible(button)
    # A tick box answers clicks on its box and words only, not on the empty width beside them.
    where = QPoint(8, button.height() // 2) if isinstance(button, QCheckBox) else button.rect().center()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=where)


def unnamed_controls(page: QWidget) -> list[str]:
    missing = []
    for widget in page.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(page):
            continue
        if isinstance(widget.parent(), QComboBox | QAbstractSpinBox):
            continue  # inner parts; the outer control carries the name
        if not widget.accessibleName().strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r}")
    return missing


def test_starter_plan_is_shown_and_marked(editor: FlarePlanEditor) -> None:
    assert editor.starter_note.isVisible()
    assert "starter plan" in editor.starter_note.text()
    warning = editor.sections["warning_signs"]
    assert [e.text() for e in warning.line_edits()] == list(EXAMPLES["warning_signs"][:2])
    picked = [box.isChecked() for _source, box in warning.examples]
    assert picked == [True, True, False, False]
    assert not editor.has_changes()
    assert editor.review_sentence.isVisible()
    assert editor.review_sentence.text().startswith("Review this plan by ")
    assert not editor.review_due_line.isVisible()


def test_write_save_and_reopen_keeps_exactly_those_words(
    qtbot: QtBot, editor: FlarePlanEditor, session: DiarySession, vault_path: Path
) -> None:
    # Pick an example.
    warning = editor.sections["warning_signs"]
    click(qtbot, editor, warning.examples[2][1])
    assert [e.text() for e in warning.line_edits()][-1] == "Pain spreading to new places"
    assert warning.examples[2][1].isChecked()
    assert editor.status.text() == "Changes not saved yet"
    # Type an own line with ŵ and ŷ.
    say_no = editor.sections["say_no"]
    own = "Gwaith tŷ a siopa mawr — mae'r ŵyr yn gallu helpu"
    say_no.add_input.setFocus()
    type_into(qtbot, say_no.add_input, own)
    qtbot.keyClick(say_no.add_input, Qt.Key.Key_Return)
    assert [e.text() for e in say_no.line_edits()] == [own]
    assert say_no.add_input.text() == ""
    # Add a helper with a phone number.
    click(qtbot, editor, editor.helpers.add_button)
    name, how, phone, _remove = editor.helpers.rows()[0]
    type_into(qtbot, name, "Siân")
    type_into(qtbot, how, "Siopa a lifft i'r meddyg")
    type_into(qtbot, phone, "01234 567890")
    # Remove a line.
    afterwards = editor.sections["afterwards"]
    click(qtbot, editor, afterwards.remove_buttons()[0])
    assert [e.text() for e in afterwards.line_edits()] == ["What helped?", "What would I change next time?"]
    assert not afterwards.examples[0][1].isChecked()
    # Set the review date.
    editor.review_date.setDate(QDate(2031, 3, 1))
    assert editor.review_sentence.text() == "Review this plan by 1 March 2031."
    assert editor.has_changes()

    # Save with Ctrl+S.
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    name.setFocus()
    with qtbot.waitSignal(editor.saved, timeout=3000) as saved:
        qtbot.keyClick(name, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(saved.args[0], FlarePlan)
    assert not editor.has_changes()
    assert not editor.starter_note.isVisible()
    assert editor.status.text() == "Plan saved."

    expected = {
        "warning_signs": (*EXAMPLES["warning_signs"][:2], "Pain spreading to new places"),
        "triggers": EXAMPLES["triggers"][:1],
        "first_steps": EXAMPLES["first_steps"][:3],
        "medicines": (MEDICINES_LINE,),
        "say_no": (own,),
        "helpful_thoughts": EXAMPLES["helpful_thoughts"][:2],
        "building_back": EXAMPLES["building_back"][:1],
        "afterwards": ("What helped?", "What would I change next time?"),
    }
    session.close()
    reopened = DiarySession.open(vault_path, passphrase=PASSPHRASE)
    try:
        assert reopened.flares.has_saved_plan()
        plan = reopened.flares.plan()
        assert {key: lines for key, lines in plan.sections.items() if lines} == expected
        assert plan.helpers == (Helper("Siân", "Siopa a lifft i'r meddyg", "01234 567890"),)
        assert plan.review_date == dt.date(2031, 3, 1)
    finally:
        reopened.close()


def test_ctrl_enter_saves_and_pending_line_is_included(qtbot: QtBot, editor: FlarePlanEditor) -> None:
    triggers = editor.sections["triggers"]
    triggers.add_input.setFocus()
    type_into(qtbot, triggers.add_input, "Gormod o ŵyl")
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    with qtbot.waitSignal(editor.saved, timeout=3000) as saved:
        # QTest cannot spell Ctrl+Return by itself; give it the text.
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, triggers.add_input, Qt.Key.Key_Return, "\r", Qt.KeyboardModifier.ControlModifier
        )
    assert saved.args[0].lines("triggers")[-1] == "Gormod o ŵyl"
    assert [e.text() for e in triggers.line_edits()][-1] == "Gormod o ŵyl"


def test_medicines_section_never_offers_dose_text(editor: FlarePlanEditor) -> None:
    medicines = editor.sections["medicines"]
    assert [source for source, _box in medicines.examples] == [MEDICINES_LINE]
    assert medicines.note.isVisible()
    assert medicines.note.text() == "Companion gives no advice about medicines."
    assert medicines.title() == "4. Medicines"  # its number in the plan, the one digit allowed here
    offered = [label.text() for label in medicines.findChildren(QLabel) if label is not medicines.heading]
    offered += [box.text() for _source, box in medicines.examples]
    offered += [edit.placeholderText() for edit in medicines.findChildren(QLineEdit)]
    offered += [edit.text() for edit in medicines.line_edits()]
    assert offered and all(not DOSE_WORDS.search(text) for text in offered), offered


def test_every_control_has_an_accessible_name(qtbot: QtBot, editor: FlarePlanEditor) -> None:
    click(qtbot, editor, editor.helpers.add_button)
    editor.review_date.setDate(QDate(2000, 1, 2))  # review due: the line shows
    assert editor.review_due_line.isVisible()
    assert editor.review_due_line.text() == "It's time to review your plan."
    assert unnamed_controls(editor) == []
    order = editor.focus_order()
    assert order[-2:] == [editor.flare_mode_button, editor.save_button]
    assert all(w.focusPolicy() & Qt.FocusPolicy.TabFocus for w in order)


def test_a_refused_plan_is_explained_inline_and_kept_on_screen(
    editor: FlarePlanEditor, session: DiarySession, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(_plan: FlarePlan) -> None:
        raise ValidationError(
            N_("Each line of the plan can be up to {limit} characters. Split a long one in two."), limit=LINE_MAX_CHARS
        )

    monkeypatch.setattr(session.flares, "save_plan", refuse)  # the fields already stop at the limit
    editor.sections["say_no"].add_line("Smwddio")
    assert not editor.save()
    assert editor.error.isVisible()
    assert str(LINE_MAX_CHARS) in editor.error.text()
    assert editor.has_changes() and editor.status.text() == "Changes not saved yet"
    monkeypatch.undo()
    assert not session.flares.has_saved_plan()


def test_a_save_the_disk_refuses_is_held_and_said_plainly(
    qtbot: QtBot, editor: FlarePlanEditor, session: DiarySession, monkeypatch: pytest.MonkeyPatch, vault_path: Path
) -> None:
    before = vault_path.read_bytes()

    def full_disk(_fd: int, _data: object) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "write", full_disk)
    editor.sections["say_no"].add_line("Smwddio")
    assert editor.save()  # held in the diary, in memory
    assert not editor.error.isVisible()
    assert not editor.has_changes()
    qtbot.waitUntil(lambda: "not yet written" in editor.status.text(), timeout=5000)
    assert editor.status.text() != "Plan saved."  # never "saved" while the bytes are not on disk
    assert vault_path.read_bytes() == before
    assert "Smwddio" in session.flares.plan().lines("say_no")
    monkeypatch.undo()
    session.retry_save()


def test_refresh_keeps_unsaved_changes(editor: FlarePlanEditor) -> None:
    editor.sections["say_no"].add_line("Golchi llestri")
    editor.refresh()
    assert [e.text() for e in editor.sections["say_no"].line_edits()] == ["Golchi llestri"]
    assert editor.has_changes()


def test_open_flare_mode_button(qtbot: QtBot, editor: FlarePlanEditor) -> None:
    with qtbot.waitSignal(editor.open_flare_mode_requested):
        click(qtbot, editor, editor.flare_mode_button)


def test_switching_to_welsh_retranslates(qtbot: QtBot, editor: FlarePlanEditor, bridge: TranslatorBridge) -> None:
    own = "Sleeping badly for a few nights"  # a line already written stays as written
    i18n.set_language("cy")
    for number, key in enumerate(SECTIONS, start=1):
        box = editor.helpers if key == "people" else editor.sections[key]
        expected = _("{number}. {title}").format(number=number, title=_(SECTION_TITLES[key]))
        assert box.title() == expected
        welsh_title = i18n.translate_in("cy", SECTION_TITLES[key])
        assert welsh_title in box.title()
    assert editor.heading.text() == _("My flare-up plan") == i18n.translate_in("cy", "My flare-up plan")
    remove = editor.sections["warning_signs"].remove_buttons()[0]
    assert remove.text() == i18n.translate_in("cy", "Remove") != "Remove"
    assert editor.sections["warning_signs"].line_edits()[0].text() == own
    assert unnamed_controls(editor) == []
    i18n.set_language("en")
    assert editor.sections["warning_signs"].title() == "1. My early warning signs"
