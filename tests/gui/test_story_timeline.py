"""My story's timeline as a person uses it: a referral added from the keyboard and its details filled in,
found again by kind and by words, deleted and brought back with Undo, typed input kept over a lock; the
timeline reads nothing while hidden or when the language changes; My story so far printed and saved."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from companion.domain.story import ReferralStatus, StoryKind
from companion.ui.companion_window import CompanionWindow
from companion.ui.story.item_dialog import StoryItemDialog
from tests.gui.conftest import WindowFactory
from tests.helpers.gui import PASSPHRASE, activate, first_run, message_box, record_pain, type_into, unlock
from tests.helpers.story_gui import main_of, open_dialog, reads, statements_of, story_clock


@pytest.fixture
def window(qtbot: QtBot, make_window: WindowFactory) -> CompanionWindow:
    w = make_window(clock=story_clock())
    first_run(qtbot, w, "en")
    return w


def rows(window: CompanionWindow) -> list[str]:
    timeline = main_of(window).story.timeline
    return [timeline.list.item(i).text() for i in range(timeline.list.count())]


def add_quickly(qtbot: QtBot, window: CompanionWindow, kind: StoryKind, title: str) -> StoryItemDialog:
    timeline = main_of(window).story.timeline
    timeline.quick_kind.setCurrentIndex(timeline.quick_kind.findData(kind.value))
    type_into(qtbot, timeline.quick_title, title)
    qtbot.keyClick(timeline.quick_title, Qt.Key.Key_Return)
    dialog = open_dialog(window, StoryItemDialog)
    assert dialog is not None, timeline.status.text()
    activate(qtbot, dialog)  # as for a person: the dialog that just opened takes the keyboard
    return dialog


def test_a_referral_added_from_the_keyboard_then_its_details(qtbot: QtBot, window: CompanionWindow) -> None:
    view = main_of(window)
    view.show_page("story")
    timeline = view.story.timeline
    assert timeline.count.text() == "0 entries in my story"
    dialog = add_quickly(qtbot, window, StoryKind.REFERRAL, "Physiotherapy")
    # Saved at Enter, before any details: the list shows it, undated, waiting.
    assert rows(window) == ["Date not known · Referral: Physiotherapy\nWhere it stands: Waiting"]
    assert dialog.focusWidget() is dialog.when  # the details start with when
    assert not dialog.result_text.isVisibleTo(dialog)  # a referral has no result
    type_into(qtbot, dialog.when, "about March 2026")
    type_into(qtbot, dialog.person, "Dr Evans")
    type_into(qtbot, dialog.place, "Ysbyty Gwynedd")
    dialog.status.setCurrentIndex(dialog.status.findData(ReferralStatus.SEEN.value))
    dialog.source_kind.setCurrentIndex(dialog.source_kind.findData("letter_of"))
    type_into(qtbot, dialog.source, "Mr Hughes")
    qtbot.keyClick(dialog.details, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible()
    assert rows(window) == [
        "about March 2026 · Referral: Physiotherapy\n"
        "Where it stands: Seen · Ysbyty Gwynedd · Referred by Dr Evans · Letter of Mr Hughes"
    ]
    item = window.session.story.items()[0]
    assert (item.when.month, item.when.about, item.status, item.person) == (3, True, ReferralStatus.SEEN, "Dr Evans")
    # The change can be undone: the entry goes back to how it was when the details opened.
    assert timeline.status.text() == "Your changes to “Physiotherapy” were saved."
    activate(qtbot, window)
    qtbot.keyClick(timeline.list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert timeline.status.text() == "“Physiotherapy” is as it was before."
    assert rows(window) == ["Date not known · Referral: Physiotherapy\nWhere it stands: Waiting"]


def test_a_date_that_cannot_be_read_is_said_in_the_dialog(qtbot: QtBot, window: CompanionWindow) -> None:
    main_of(window).show_page("story")
    dialog = add_quickly(qtbot, window, StoryKind.INVESTIGATION, "MRI scan")
    type_into(qtbot, dialog.when, "the spring before last")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error.text().startswith("That date can't be read.")
    assert window.session.story.items()[0].when is None  # nothing changed


def test_found_by_kind_and_by_words_then_deleted_and_undone(qtbot: QtBot, window: CompanionWindow) -> None:
    view = main_of(window)
    view.show_page("story")
    timeline = view.story.timeline
    for kind, title in (
        (StoryKind.DIAGNOSIS, "Sciatica"),
        (StoryKind.INVESTIGATION, "MRI scan of my back"),
        (StoryKind.REFERRAL, "Pain clinic"),
    ):
        dialog = add_quickly(qtbot, window, kind, title)
        dialog.reject()
    assert timeline.count.text() == "3 entries in my story"
    timeline.filter_kind.setCurrentIndex(timeline.filter_kind.findData(StoryKind.REFERRAL.value))
    assert rows(window) == ["Date not known · Referral: Pain clinic\nWhere it stands: Waiting"]
    assert timeline.count.text() == "1 of 3 entries shown"
    timeline.filter_kind.setCurrentIndex(0)
    with statements_of(window.session) as seen:
        type_into(qtbot, timeline.search, "mri BACK")
    assert reads(seen) == []  # searching works on what was read
    assert [r.split("\n")[0] for r in rows(window)] == ["Date not known · Test or investigation: MRI scan of my back"]
    type_into(qtbot, timeline.search, " knee")
    assert rows(window) == [] and timeline.empty.isVisible()
    timeline.search.clear()

    activate(qtbot, window)
    timeline.list.setCurrentRow(next(i for i, r in enumerate(rows(window)) if "Sciatica" in r))
    timeline.list.setFocus()
    qtbot.keyClick(timeline.list, Qt.Key.Key_Delete)
    assert timeline.status.text() == "“Sciatica” was deleted."
    assert sorted(i.title for i in window.session.story.items()) == ["MRI scan of my back", "Pain clinic"]
    qtbot.keyClick(timeline.undo_button, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert timeline.status.text() == "“Sciatica” is back in your story."
    assert sorted(i.title for i in window.session.story.items()) == ["MRI scan of my back", "Pain clinic", "Sciatica"]
    assert not timeline.undo_button.isVisible()


def test_typed_input_comes_back_after_a_lock_unsaved(qtbot: QtBot, window: CompanionWindow) -> None:
    view = main_of(window)
    view.show_page("story")
    dialog = add_quickly(qtbot, window, StoryKind.INVESTIGATION, "Blood test")
    type_into(qtbot, dialog.result_text, "All normal, the nurse said")
    timeline = view.story.timeline
    type_into(qtbot, timeline.quick_title, "Half typed")  # behind the dialog? no: typed before it opened
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    revived = open_dialog(window, StoryItemDialog)
    assert revived is not None and revived.kept.isVisible()
    assert revived.title.text() == "Blood test"
    assert revived.result_text.toPlainText() == "All normal, the nurse said"
    assert window.session.story.items()[0].result == ""  # nothing saved behind the person's back
    revived.reject()
    view = main_of(window)
    view.show_page("story")
    assert view.story.timeline.quick_title.text() == "Half typed"


def test_hidden_it_reads_nothing_shown_it_catches_up_and_translating_reads_nothing(
    qtbot: QtBot, window: CompanionWindow
) -> None:
    view = main_of(window)
    view.show_page("story")
    add_quickly(qtbot, window, StoryKind.DIAGNOSIS, "Sciatica").reject()
    view.show_page("today")
    with statements_of(window.session) as seen:
        record_pain(qtbot, window, 5, "a check-in")
    assert reads(seen) == []  # no appointment with a reason: the follow-up notice hears no check-ins
    done = window.open_diary.run(lambda: window.session.story.save(window.session.story.items()[0]))
    assert done is not None
    assert window.open_diary.host.is_stale(view.story.timeline)
    with statements_of(window.session) as seen:
        view.show_page("story")
    assert reads(seen)
    with statements_of(window.session) as seen:
        window.switch_language("cy")
    assert reads(seen) == []
    assert view.story.tabs.tabText(0) != "Timeline"
    assert rows(window)[0].startswith("Dyddiad ddim yn hysbys")
    window.switch_language("en")


def test_my_story_so_far_printed_and_saved(
    qtbot: QtBot, window: CompanionWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = main_of(window)
    view.show_page("story")
    add_quickly(qtbot, window, StoryKind.DIAGNOSIS, "Sciatica").reject()
    document = view.story.timeline.document
    qtbot.mouseClick(document.print_button, Qt.MouseButton.LeftButton)
    preview = document.print_dialog
    assert preview is not None and preview.isVisible() and document.printer is not None
    # What the preview paints is the page the PDF has: print it to a file and read it back.
    from PySide6.QtPrintSupport import QPrinter

    from companion.reports.story_data import build_story
    from companion.reports.story_pdf import paint_story

    printed = tmp_path / "printed.pdf"
    document.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    document.printer.setOutputFileName(str(printed))
    assert paint_story(build_story(window.session), "en", document.printer) == 1
    text = subprocess.run(["pdftotext", str(printed), "-"], capture_output=True, text=True, check=True).stdout
    assert "My story so far" in text and "Sciatica" in text and "Page 1 of 1" in text
    preview.reject()
    qtbot.waitUntil(lambda: document.print_dialog is None)  # the printer goes with its dialog, not before
    assert document.printer is None

    target = tmp_path / "story.pdf"
    monkeypatch.setattr("companion.ui.dialogs.choose_save_file", lambda *_a: str(target))
    document.language.setCurrentIndex(document.language.findData("cy"))
    qtbot.mouseClick(document.pdf_button, Qt.MouseButton.LeftButton)
    box = message_box(window)
    assert box is not None and "not be encrypted" in box.text()
    box.button(box.StandardButton.Ok).click()
    qtbot.waitUntil(target.exists)
    assert target.read_bytes().startswith(b"%PDF")
    assert document.status.text() == f"My story so far was written to {target}."
