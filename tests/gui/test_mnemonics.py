"""Alt+letter reaches one control: on every screen of the diary and every dialog, in Welsh and in English, no
two controls showing at once share a mnemonic (Qt would only move between them, never press either)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QWidget
from pytestqt.qtbot import QtBot

from tests.gui.conftest import WindowFactory
from tests.gui.test_accessible_tree import open_demo
from tests.helpers.accessible import diary_screens


def mnemonic(text: str) -> str:
    """The letter Alt reaches in `text` ("&Save" -> "s"), or "" (a doubled && is a plain ampersand)."""
    sequence = QKeySequence.mnemonic(text)
    return sequence.toString().rsplit("+", 1)[-1].casefold() if not sequence.isEmpty() else ""


def mnemonics(root: QWidget) -> dict[str, list[str]]:
    """Every mnemonic of a control showing under `root`, with the controls that have it."""
    found: dict[str, list[str]] = defaultdict(list)

    def add(text: str, widget: QWidget) -> None:
        letter = mnemonic(text)
        if letter:
            found[letter].append(f"{type(widget).__name__}#{widget.objectName()} {text!r}")

    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QAbstractButton) or (isinstance(widget, QLabel) and widget.buddy() is not None):
            add(widget.text(), widget)
        elif isinstance(widget, QGroupBox):
            add(widget.title(), widget)
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                if widget.isTabVisible(index):
                    add(widget.tabText(index), widget)
    return found


def clashes(root: QWidget) -> dict[str, list[str]]:
    return {letter: owners for letter, owners in mnemonics(root).items() if len(owners) > 1}


def test_the_helpers_find_a_clash(qtbot: QtBot) -> None:
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    holder = QWidget()
    qtbot.addWidget(holder)
    column = QVBoxLayout(holder)
    for text in ("&Language", "&Lock", "Save && close", "Sa&ve"):
        column.addWidget(QPushButton(text))
    holder.show()
    assert mnemonic("Save && close") == "" and mnemonic("Sa&ve") == "v"
    assert list(clashes(holder)) == ["l"]


@pytest.mark.parametrize("language", ["cy", "en"])
def test_no_two_controls_on_a_screen_share_a_mnemonic(
    qtbot: QtBot, make_window: WindowFactory, data_dir: Path, language: str
) -> None:
    window = open_demo(qtbot, make_window, data_dir, language)
    found = {name: clashes(root.window()) for name, root in diary_screens(window)}
    assert {name: clash for name, clash in found.items() if clash} == {}
