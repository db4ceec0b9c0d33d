"""Qt's own words follow the app's language through the bridge: standard buttons, message boxes, the text and
spin box context menus, Qt's own file dialog (with its overwrite question), the print dialog, the print preview
and page setup. Each is opened in Welsh and its texts are read: none of the Qt strings we cover is left in
English (the covered strings are the `qt_tr` list in companion/i18n/qt_strings.py)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLocale, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from companion import i18n
from companion.i18n.qt_strings import QT_STRINGS


def _clean(text: str) -> str:
    """A label as read: without its accelerator `&` and without a menu's shortcut column."""
    return text.split("\t", maxsplit=1)[0].replace("&&", "\x00").replace("&", "").replace("\x00", "&").strip()


def _texts(root: QWidget) -> set[str]:
    """Every text a person can see or hear in a widget tree: labels, buttons, titles, menu and toolbar actions,
    tooltips, combo box items, tab titles and list headers."""
    found = {root.windowTitle()}
    widgets = [root, *root.findChildren(QWidget)]
    for w in widgets:
        found.add(w.toolTip())
        if isinstance(w, QLabel | QAbstractButton):
            found.add(w.text())
        if isinstance(w, QGroupBox):
            found.add(w.title())
        if isinstance(w, QComboBox):
            found.update(w.itemText(i) for i in range(w.count()))
        if isinstance(w, QTabWidget):
            found.update(w.tabText(i) for i in range(w.count()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            found.update(str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount()))
    for action in root.findChildren(QAction):
        found.update((action.text(), action.toolTip()))
    return {_clean(t) for t in found if t}


def _english_left(texts: Iterable[str], contexts: set[str]) -> set[str]:
    """Covered Qt strings of these contexts that still show in English."""
    covered = {_clean(src) for ctx, src in QT_STRINGS if ctx in contexts and i18n.pgettext(ctx, src) != src}
    return covered & set(texts)


def _welsh(ctx: str, src: str) -> str:
    return _clean(i18n.pgettext(ctx, src))


@pytest.fixture
def welsh(bridge):  # type: ignore[no-untyped-def]
    i18n.set_language("cy")
    QCoreApplication.processEvents()
    yield
    i18n.set_language("en")


def _popup_texts(open_menu: Callable[[], None]) -> list[str]:
    """Open a context menu (which runs its own event loop), read its actions and close it."""
    seen: list[str] = []

    def read_and_close(tries: int = 50) -> None:
        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            seen.extend(_clean(a.text()) for a in popup.actions() if a.text())
            popup.close()
        elif tries:  # not open yet: look again shortly (never leave a menu's loop running)
            QTimer.singleShot(20, lambda: read_and_close(tries - 1))

    QTimer.singleShot(0, read_and_close)
    open_menu()
    return seen


def test_standard_buttons_are_welsh_then_english_again(qtbot: QtBot, bridge) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("cy")
    QCoreApplication.processEvents()
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    ok = box.button(QDialogButtonBox.StandardButton.Ok).text().replace("&", "")
    cancel = box.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "")
    assert ok == i18n.pgettext("QPlatformTheme", "OK") == "Iawn"
    assert cancel == i18n.pgettext("QPlatformTheme", "Cancel") == "Diddymu"
    i18n.set_language("en")
    QCoreApplication.processEvents()
    english = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(english)
    assert english.button(QDialogButtonBox.StandardButton.Cancel).text().replace("&", "") == "Cancel"


def test_every_standard_button_and_the_details_button_are_welsh(qtbot: QtBot, welsh) -> None:  # type: ignore[no-untyped-def]
    every = QMessageBox.StandardButton(0)
    for button in QMessageBox.StandardButton:
        if button.value and button is not QMessageBox.StandardButton.NoButton:
            every |= button
    box = QMessageBox(QMessageBox.Icon.Warning, "t", "x", every)
    box.setDetailedText("details")
    qtbot.addWidget(box)
    box.show()
    texts = {_clean(b.text()) for b in box.buttons()}
    assert len(texts) == 19
    assert _english_left(texts, {"QPlatformTheme", "QMessageBox"}) == set()
    assert {"Iawn", "Ie", "Na", "Cadw", "Diddymu", "Ceisio Eto", "Hepgor", "Adfer y Rhagosodiadau"} <= texts
    assert _welsh("QMessageBox", "Show Details...") in texts
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton(every.value))
    qtbot.addWidget(buttons)
    assert _english_left(_texts(buttons), {"QPlatformTheme"}) == set()


@pytest.mark.parametrize("kind", [QLineEdit, QTextEdit, QPlainTextEdit])
def test_text_context_menus_are_welsh(qtbot: QtBot, welsh, kind: type[QWidget]) -> None:  # type: ignore[no-untyped-def]
    widget = kind()
    qtbot.addWidget(widget)
    widget.setText("testun") if isinstance(widget, QLineEdit | QTextEdit) else widget.setPlainText("testun")  # type: ignore[attr-defined]
    menu = widget.createStandardContextMenu()  # type: ignore[attr-defined]
    texts = [_clean(a.text()) for a in menu.actions() if a.text()]
    context = "QLineEdit" if kind is QLineEdit else "QWidgetTextControl"
    assert texts[:3] == [_welsh(context, "&Undo"), _welsh(context, "&Redo"), _welsh(context, "Cu&t")]
    assert {"Dadwneud", "Ailwneud", "Torri", "Copïo", "Gludo", "Dileu", "Dewis Popeth"} <= set(texts)
    assert _english_left(texts, {context}) == set()


@pytest.mark.parametrize("kind", [QSpinBox, QDateEdit])
def test_spin_box_context_menus_are_welsh(qtbot: QtBot, welsh, kind: type[QWidget]) -> None:  # type: ignore[no-untyped-def]
    box = kind()
    qtbot.addWidget(box)
    box.show()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(2, 2), box.mapToGlobal(QPoint(2, 2)))
    texts = _popup_texts(lambda: QApplication.sendEvent(box, event))
    assert {"Cam i Fyny", "Cam i Lawr", "Dewis Popeth", "Copïo", "Gludo"} <= set(texts), texts
    assert _english_left(texts, {"QAbstractSpinBox", "QLineEdit"}) == set()


def _month_shown(edit: QDateEdit) -> set[str]:
    calendar = edit.calendarWidget()
    calendar.setCurrentPage(2025, 1)
    return {b.text() for b in calendar.findChildren(QAbstractButton)}


def test_calendar_popups_name_the_months_in_the_interface_language(qtbot: QtBot, bridge) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("cy")
    QCoreApplication.processEvents()
    edit = QDateEdit(QDate(2025, 1, 6))  # made while the interface is Welsh
    edit.setCalendarPopup(True)
    qtbot.addWidget(edit)
    assert "Ionawr" in _month_shown(edit)
    i18n.set_language("en")  # an open window follows a switch
    QCoreApplication.processEvents()
    assert "January" in _month_shown(edit)
    i18n.set_language("cy")
    QCoreApplication.processEvents()
    assert "Ionawr" in _month_shown(edit)
    own = QCalendarWidget()  # a widget that chose its locale keeps it
    own.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    qtbot.addWidget(own)
    own.setCurrentPage(2025, 1)
    assert "January" in {b.text() for b in own.findChildren(QAbstractButton)}


def _file_dialog(qtbot: QtBot, folder: Path, mode: QFileDialog.AcceptMode) -> QFileDialog:
    dialog = QFileDialog(None, "Cadw", str(folder), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setAcceptMode(mode)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


FILE_CONTEXTS = {"QFileDialog", "QFileSystemModel", "QAbstractFileIconProvider", "QPlatformTheme"}


def test_qts_own_file_dialog_is_welsh(qtbot: QtBot, welsh, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "crynodeb.pdf").write_bytes(b"%PDF")
    dialog = _file_dialog(qtbot, tmp_path, QFileDialog.AcceptMode.AcceptSave)
    texts = _texts(dialog)
    assert _english_left(texts, FILE_CONTEXTS) == set()
    expected = {
        ("QFileDialog", "&Look in:"),
        ("QFileDialog", "File &name:"),
        ("QFileDialog", "Files of &type:"),
        ("QFileDialog", "&Save"),
        ("QFileDialog", "Back"),
        ("QFileDialog", "Parent Directory"),
        ("QFileDialog", "Create New Folder"),
        ("QFileDialog", "List View"),
        ("QFileDialog", "Detail View"),
        ("QFileDialog", "&Rename"),
        ("QFileDialog", "Show &hidden files"),
        ("QFileSystemModel", "Name"),
        ("QFileSystemModel", "Size"),
        ("QFileSystemModel", "Date Modified"),
        ("QPlatformTheme", "Cancel"),
    }
    assert {_welsh(ctx, src) for ctx, src in expected} <= texts

    # Saving over a file: Qt asks first, in Welsh.
    questions: list[tuple[str, set[str]]] = []

    def answer_no(tries: int = 50) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            questions.append((box.text(), {_clean(b.text()) for b in box.buttons()}))
            box.done(QMessageBox.StandardButton.No.value)
        elif tries:
            QTimer.singleShot(20, lambda: answer_no(tries - 1))

    name_edit = dialog.findChild(QLineEdit, "fileNameEdit")
    assert name_edit is not None
    name_edit.setText("crynodeb.pdf")
    QTimer.singleShot(0, answer_no)
    dialog.accept()
    assert questions == [
        ("Mae crynodeb.pdf yn bodoli'n barod.\nHoffech chi roi'r ffeil newydd yn ei lle?", {"Ie", "Na"})
    ]


def test_qts_own_folder_dialog_is_welsh(qtbot: QtBot, welsh, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dialog = _file_dialog(qtbot, tmp_path, QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    texts = _texts(dialog)
    assert _welsh("QFileDialog", "Directory:") in texts
    assert _english_left(texts, FILE_CONTEXTS) == set()


PRINT_CONTEXTS = {
    "QPrintDialog",
    "QPrintPreviewDialog",
    "QPrintSettingsOutput",
    "QPrintWidget",
    "QPageSetupWidget",
    "QPlatformTheme",
    "QTabBar",
}


def test_print_preview_toolbar_is_welsh(qtbot: QtBot, welsh) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintPreviewDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = _texts(dialog)
    assert _english_left(texts, PRINT_CONTEXTS) == set()
    toolbar = {
        "Next page",
        "Previous page",
        "First page",
        "Last page",
        "Fit width",
        "Fit page",
        "Zoom in",
        "Zoom out",
        "Portrait",
        "Landscape",
        "Show single page",
        "Show facing pages",
        "Show overview of all pages",
        "Print",
        "Page setup",
    }
    assert {_welsh("QPrintPreviewDialog", src) for src in toolbar} <= texts
    assert "Tudalen nesaf" in texts
    dialog.close()


@pytest.mark.qt_log_ignore("QPageSetupDialog: Cannot be used on non-native printers")
def test_print_dialog_and_page_setup_are_welsh(qtbot: QtBot, welsh) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    texts = _texts(dialog)
    assert _english_left(texts, PRINT_CONTEXTS) == set()
    expected = {
        ("QPrintDialog", "&Print"),
        ("QPrintDialog", "&Options >>"),
        ("QPrintWidget", "Printer"),
        ("QPrintWidget", "&Name:"),
        ("QPrintSettingsOutput", "Copies"),
        ("QPrintSettingsOutput", "Print range"),
        ("QPrintSettingsOutput", "Print all"),
        ("QPrintSettingsOutput", "Pages from"),
        ("QPrintSettingsOutput", "Color Mode"),
        ("QPrintSettingsOutput", "Double Sided Printing"),
        ("QPlatformTheme", "Cancel"),
    }
    assert {_welsh(ctx, src) for ctx, src in expected} <= texts
    dialog.close()

    setup = QPageSetupDialog(printer)  # built, not shown: Qt refuses to show it for the PDF printer offscreen
    qtbot.addWidget(setup)
    texts = _texts(setup)
    assert _english_left(texts, PRINT_CONTEXTS) == set()
    assert {_welsh("QPageSetupWidget", s) for s in ("Paper", "Page size:", "Orientation", "Margins")} <= texts


def test_key_names_stay_as_printed_on_the_keyboard(welsh) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QKeySequence

    from companion.ui.qt_translator import GettextQtTranslator

    translator = GettextQtTranslator()
    assert translator.translate("QShortcut", "Help") is None  # not "Cymorth", the Help button's word
    assert translator.translate("QShortcut", "Ctrl") is None
    assert QKeySequence("Ctrl+L").toString(QKeySequence.SequenceFormat.NativeText) == "Ctrl+L"
    assert translator.translate("QPrintPreviewDialog", "Next page") == "Tudalen nesaf"


def test_translator_reports_non_empty_so_qt_sends_language_change(bridge) -> None:  # type: ignore[no-untyped-def]
    from companion.ui.qt_translator import GettextQtTranslator

    assert GettextQtTranslator().isEmpty() is False


def test_every_covered_qt_string_has_welsh_or_is_a_key_name() -> None:
    i18n.set_language("cy")
    try:
        same = {(ctx, src) for ctx, src in QT_STRINGS if i18n.pgettext(ctx, src) == src}
    finally:
        i18n.set_language("en")
    assert {ctx for ctx, _src in same} <= {"QShortcut"}, same
    assert not [s for s in QT_STRINGS if re.search(r"\s$", s[1]) and s[1] != "Show "]


def test_the_printers_properties_dialog_is_welsh(qtbot: QtBot, welsh) -> None:  # type: ignore[no-untyped-def]
    """The print dialog's Properties button opens Qt's printer properties (page and CUPS job options)."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QPushButton

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    seen: list[set[str]] = []

    def read_and_close(tries: int = 50) -> None:
        box = QApplication.activeModalWidget()
        if box is not None and box is not dialog:
            seen.append(_texts(box))
            box.reject()  # type: ignore[attr-defined]
        elif tries:
            QTimer.singleShot(20, lambda: read_and_close(tries - 1))

    properties = next(
        b for b in dialog.findChildren(QPushButton) if b.text() == _welsh_raw("QPrintWidget", "P&roperties")
    )
    QTimer.singleShot(0, read_and_close)
    properties.click()
    assert len(seen) == 1
    texts = seen[0]
    contexts = PRINT_CONTEXTS | {"QPrintPropertiesDialog", "QPrintPropertiesWidget", "QCupsJobWidget"}
    assert _english_left(texts, contexts) == set()
    assert {"Priodweddau'r Argraffydd", "Tudalen", "Uwch"} <= texts
    assert _welsh("QPrintPropertiesWidget", "Page") in texts
    assert _welsh("QPageSetupWidget", "Orientation") in texts
    dialog.close()


def _welsh_raw(ctx: str, src: str) -> str:
    return i18n.pgettext(ctx, src)
