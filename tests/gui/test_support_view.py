"""The support directory page, driven through real widgets: searching in either language, the shipped
entries with their sources, a language switch, and the person's own entries kept through a lock."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from companion import i18n
from companion.domain.changes import Changes
from companion.ui.companion_window import CompanionWindow
from companion.ui.core.diary import OpenDiary
from companion.ui.core.standalone import standalone_diary
from companion.ui.support import SupportView
from companion.ui.support.entry_cards import DirectoryCard, format_checked
from tests.gui.conftest import WindowFactory
from tests.gui.test_accessibility import unnamed_controls
from tests.helpers.gui import PASSPHRASE, activate, first_run, message_box, type_into, unlock
from tests.helpers.sql_statements import reads_of, statements


def _window(qtbot: QtBot, make_window: WindowFactory) -> CompanionWindow:
    window = make_window()
    first_run(qtbot, window, "en")
    assert window.session is not None
    return window


def _view(qtbot: QtBot, window: CompanionWindow, diary: OpenDiary | None = None) -> SupportView:
    assert window.session is not None
    view = SupportView(diary or standalone_diary(window.session))
    qtbot.addWidget(view)
    view.resize(900, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def _search(qtbot: QtBot, view: SupportView, words: str) -> None:
    view.search.clear()
    type_into(qtbot, view.search, words)


def _shown(view: SupportView) -> list[str]:
    return [card.entry.key for card in view.directory_cards if card.isVisibleTo(view)]


def _card(view: SupportView, key: str) -> DirectoryCard:
    return next(card for card in view.directory_cards if card.entry.key == key)


def test_search_in_english_and_welsh_accent_and_case_blind(qtbot: QtBot, make_window: WindowFactory) -> None:
    view = _view(qtbot, _window(qtbot, make_window))
    assert len(_shown(view)) == 14
    assert view.heading.text() == "Where to find support"

    _search(qtbot, view, "DAN")
    assert _shown(view) == ["dan247"]
    dan = _card(view, "dan247")
    assert dan.name.text() == "DAN 24/7 (Wales drug and alcohol helpline)"
    assert dan.phone.text() == "Phone: 0808 808 2234"
    assert dan.website.text() == "Website: dan247.org.uk"  # plain text: the app opens no links
    assert "0808 808 2234" in dan.accessibleDescription()

    # A Welsh word finds the entry while the interface is in English; it is shown in English.
    _search(qtbot, view, "Rhaglenni")
    assert "epp-cymru" in _shown(view)
    assert _card(view, "epp-cymru").name.text().startswith("EPP Cymru (Education Programmes")

    # Accents and case do not matter: "â" in the Welsh text is found by a plain "a".
    _search(qtbot, view, "YMDOPI A RHWYSTRAU")
    assert _shown(view) == ["epp-cymru"]

    _search(qtbot, view, "xyzzy")
    assert _shown(view) == []
    assert view.directory_empty.isVisibleTo(view)
    assert view.directory_empty.text() == "No services match your search."

    # Escape empties the search and shows everything again.
    qtbot.keyClick(view.search, Qt.Key.Key_Escape)
    assert view.search.text() == ""
    assert len(_shown(view)) == 14
    assert not view.directory_empty.isVisibleTo(view)


def test_every_shipped_entry_shows_its_source_and_checked_month(qtbot: QtBot, make_window: WindowFactory) -> None:
    view = _view(qtbot, _window(qtbot, make_window))
    for card in view.directory_cards:
        entry = card.entry
        assert card.name.text() and card.about.text()
        assert card.source.text() == f"Source: {entry.source['en']}. Checked: {format_checked(entry.checked)}."
        assert card.source.isVisibleTo(card)
        assert card.area.text() in {"Area: Wales", "Area: Scotland", "Area: UK-wide"}
        assert card.welsh.isVisibleTo(card) == entry.welsh_language
        assert card.phone.isVisibleTo(card) == bool(entry.phone)
        assert card.accessibleName() == card.name.text()
        assert card.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert "Checked: November 2026." in _card(view, "samaritans").source.text()
    assert _card(view, "nhs-inform").area.text() == "Area: Scotland"
    assert _card(view, "samaritans").area.text() == "Area: UK-wide"
    assert not _card(view, "pain-toolkit").welsh.isVisibleTo(view)


def test_welsh_interface_shows_welsh_names_and_months(qtbot: QtBot, make_window: WindowFactory) -> None:
    view = _view(qtbot, _window(qtbot, make_window))
    i18n.set_language("cy")
    view.retranslate_ui()
    view.refresh()
    epp = _card(view, "epp-cymru")
    assert epp.name.text() == "EPP Cymru (Rhaglenni Addysg i Gleifion)"
    assert epp.about.text().startswith("Cyrsiau am ddim ledled Cymru")
    assert "Tachwedd 2026" in epp.source.text()
    # The cited document's title is Welsh too: no English left on the Welsh card.
    assert epp.source.text() == (
        "Ffynhonnell: LLYW.CYMRU: Pobl sy'n profi poen parhaus, canllawiau (2023). Gwiriwyd: Tachwedd 2026."
    )
    assert _card(view, "nhs111-wales").name.text() == "GIG 111 Cymru"
    assert _card(view, "five-ways").name.text() == "Pum ffordd at les"
    # An English word still finds the entry, shown in Welsh.
    _search(qtbot, view, "exercise referral")
    assert _shown(view) == ["ners"]
    assert _card(view, "ners").name.text().startswith("Cynllun Cenedlaethol")
    i18n.set_language("en")
    view.retranslate_ui()
    assert epp.name.text().startswith("EPP Cymru (Education")
    assert "November 2026" in epp.source.text()


def test_own_entry_with_welsh_letters_and_emoji_survives_a_lock(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = _window(qtbot, make_window)
    assert window.session is not None
    diary = standalone_diary(window.session)
    view = _view(qtbot, window, diary)
    assert view.own_cards == []
    assert view.own_empty.text() == "You have not added any of your own yet."
    changed: list[Changes] = []
    diary.events.changed.connect(lambda changes, _origin: changed.append(changes))

    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert view.form.isVisibleTo(view)
    assert not view.add_button.isVisibleTo(view)
    # A name is needed: the reason is shown and nothing is saved.
    qtbot.mouseClick(view.form.save_button, Qt.MouseButton.LeftButton)
    assert view.form.status.text() == "Give the group or service a name."
    assert view.own_cards == []

    name = "Grŵp Cerdded Caerdydd 🚶"
    type_into(qtbot, view.form.name, name)
    type_into(qtbot, view.form.description, "Taith gerdded araf bob dydd Mawrth, i bobl â phoen parhaus ☀️.")
    type_into(qtbot, view.form.phone, "029 2000 0000")
    type_into(qtbot, view.form.website, "example.org")
    qtbot.keyClick(view.form.website, Qt.Key.Key_Return)
    assert not view.form.isVisibleTo(view)
    assert changed == [Changes(settings=True)]  # one announcement; the page read its entries again
    assert [card.entry.name for card in view.own_cards] == [name]
    card = view.own_cards[0]
    assert card.phone.text() == "Phone: 029 2000 0000"
    assert card.website.text() == "Website: example.org"
    assert view.status.text() == f"“{name}” is now in your own entries."
    assert card.delete_button.accessibleName() == f"Delete “{name}”"

    # Accent-blind search over the person's own entries, with the shipped list filtered too.
    _search(qtbot, view, "grwp cerdded")
    assert view.own_cards[0].isVisibleTo(view)
    assert _shown(view) == []
    _search(qtbot, view, "Samaritans")
    assert not view.own_cards[0].isVisibleTo(view)
    assert view.own_empty.text() == "None of your own entries match your search."
    view.search.clear()

    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    assert window.session is not None
    again = _view(qtbot, window)
    assert len(again.own_cards) == 1
    kept = again.own_cards[0]
    assert kept.entry.name == name
    assert kept.about.text() == "Taith gerdded araf bob dydd Mawrth, i bobl â phoen parhaus ☀️."
    assert kept.phone.text() == "Phone: 029 2000 0000"


def test_edit_then_delete_with_confirmation(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = _window(qtbot, make_window)
    view = _view(qtbot, window)
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, view.form.name, "Chair yoga")
    qtbot.mouseClick(view.form.save_button, Qt.MouseButton.LeftButton)

    # Change it: the form opens filled in.
    qtbot.mouseClick(view.own_cards[0].edit_button, Qt.MouseButton.LeftButton)
    assert view.form.name.text() == "Chair yoga"
    assert view.form.title() == "Change “Chair yoga”"
    view.form.name.clear()
    type_into(qtbot, view.form.name, "Chair yoga at the library")
    qtbot.mouseClick(view.form.save_button, Qt.MouseButton.LeftButton)
    assert [card.entry.name for card in view.own_cards] == ["Chair yoga at the library"]
    entry_id = view.own_cards[0].entry.id

    # Delete asks first; Cancel keeps the entry.
    qtbot.mouseClick(view.own_cards[0].delete_button, Qt.MouseButton.LeftButton)
    box = message_box(view)
    assert box is not None
    assert "Chair yoga at the library" in box.text()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: message_box(view) is None)
    assert [card.entry.id for card in view.own_cards] == [entry_id]

    # Yes deletes it, and it stays deleted after a lock.
    qtbot.mouseClick(view.own_cards[0].delete_button, Qt.MouseButton.LeftButton)
    box = message_box(view)
    assert box is not None
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.own_cards == [])
    assert view.status.text() == "“Chair yoga at the library” was deleted."
    assert window.session is not None and window.session.support.own() == []
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    assert _view(qtbot, window).own_cards == []


def test_cancel_closes_the_form_without_saving(qtbot: QtBot, make_window: WindowFactory) -> None:
    view = _view(qtbot, _window(qtbot, make_window))
    activate(qtbot, view)  # Escape is a shortcut: it reaches the active window, as for a person typing
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, view.form.name, "Not this one")
    qtbot.keyClick(view.form.name, Qt.Key.Key_Escape)
    assert not view.form.isVisibleTo(view)
    assert view.add_button.isVisibleTo(view)
    assert view.own_cards == []


def test_tab_reaches_every_entry_in_page_order_and_ctrl_c_copies_it(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = _window(qtbot, make_window)
    assert window.session is not None
    support = window.session.support
    support.save_own(support.new_own("Grŵp cymorth"))
    view = _view(qtbot, window)
    activate(qtbot, view)
    view.search.setFocus()
    seen = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
        if QApplication.focusWidget() is view.add_button:
            break
    own = view.own_cards[0]
    assert seen == [*view.directory_cards, own, own.edit_button, own.delete_button, view.add_button]
    # Opening the form moves focus to its first field; Tab then walks the form in order.
    qtbot.keyClick(view.add_button, Qt.Key.Key_Space)
    assert QApplication.focusWidget() is view.form.name
    order = [view.form.description, view.form.phone, view.form.website, view.form.save_button]
    for expected in order:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is expected
    dan = _card(view, "dan247")
    dan.setFocus()
    qtbot.keyClick(dan, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QApplication.clipboard().text()
    assert "Phone: 0808 808 2234" in copied and copied.startswith("DAN 24/7")


@pytest.mark.parametrize("language", ["cy", "en"])
def test_every_control_has_an_accessible_name(qtbot: QtBot, make_window: WindowFactory, language: str) -> None:
    window = _window(qtbot, make_window)
    assert window.session is not None
    support = window.session.support
    support.save_own(support.new_own("Grŵp cymorth", "Bob mis", "01234 567890", "example.org"))
    i18n.set_language(language)
    view = _view(qtbot, window)
    assert unnamed_controls(view) == []
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert view.form.isVisibleTo(view)
    assert unnamed_controls(view) == []


def test_own_entries_are_read_when_they_change_on_screen_and_not_while_hidden(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    """The UI core's promise for Support: an entry saved shows at once; a language switch and the search read
    nothing (they work on what was read); a change while the page is hidden is read only when it is shown."""
    window = _window(qtbot, make_window)
    main, session = window.main_view, window.session
    assert main is not None and session is not None
    main.show_page("support")
    view = main.support
    reads = reads_of(view, session)
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, view.form.name, "Walking group")
    qtbot.mouseClick(view.form.save_button, Qt.MouseButton.LeftButton)
    assert reads and [card.entry.name for card in view.own_cards] == ["Walking group"]

    with statements(session) as seen:
        _search(qtbot, view, "walking")
        i18n.set_language("cy")
        qtbot.wait(10)
        assert view.heading.text() != "Where to find support"
        i18n.set_language("en")
        qtbot.wait(10)
    assert seen == []
    assert [card.entry.name for card in view.own_cards if card.isVisibleTo(view)] == ["Walking group"]

    # Saved from elsewhere while Support is hidden: no read until it is shown again.
    reads.clear()
    main.show_page("today")
    _entry, changes = session.support.save_own(session.support.new_own("Pain clinic"))
    assert window.open_diary is not None
    window.open_diary.announce(changes)  # as when another screen writes through diary.run
    assert reads == [] and window.open_diary.host.is_stale(view)
    main.show_page("support")
    assert reads and sorted(card.entry.name for card in view.own_cards) == ["Pain clinic", "Walking group"]


def test_a_half_typed_own_entry_comes_back_after_a_lock(qtbot: QtBot, make_window: WindowFactory) -> None:
    window = _window(qtbot, make_window)
    main = window.main_view
    assert main is not None
    main.show_page("support")
    qtbot.mouseClick(main.support.add_button, Qt.MouseButton.LeftButton)
    type_into(qtbot, main.support.form.name, "Cylch Ioga")
    type_into(qtbot, main.support.form.phone, "01234 567890")
    assert window.lock_now()
    unlock(qtbot, window, PASSPHRASE)
    main = window.main_view
    assert main is not None and window.session is not None
    assert window.session.support.own() == []  # nothing saved behind the person's back
    main.show_page("support")
    form = main.support.form
    assert form.isVisibleTo(main.support)
    assert (form.name.text(), form.phone.text()) == ("Cylch Ioga", "01234 567890")
    assert main.support.status.text() == "What you had typed was kept when the diary locked. Check it, then Save."
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert [card.entry.name for card in main.support.own_cards] == ["Cylch Ioga"]
    assert main.support.draft() is None
