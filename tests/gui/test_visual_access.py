"""Seen, not only heard: a focused control looks focused, and the app's own styling keeps text readable in
the light, dark and high-contrast palettes (colours come from the palette, never fixed light ones)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from companion.ui.flare.flare_mode import flare_stylesheet
from companion.ui.style import apply_text_size
from companion.ui.today.score_picker import ScorePicker
from companion.ui.widgets import label

Roles = QPalette.ColorRole

PALETTES: dict[str, dict[QPalette.ColorRole, str]] = {
    "light": {},  # Qt's own default palette
    "dark": {
        Roles.Window: "#1e1f22",
        Roles.WindowText: "#e8e8e8",
        Roles.Base: "#2b2d30",
        Roles.Text: "#e8e8e8",
        Roles.Button: "#2b2d30",
        Roles.ButtonText: "#e8e8e8",
        Roles.Highlight: "#4a88c7",
        Roles.HighlightedText: "#ffffff",
        Roles.Mid: "#5a5d63",
        Roles.AlternateBase: "#26282b",
    },
    "high contrast": {
        Roles.Window: "#000000",
        Roles.WindowText: "#ffffff",
        Roles.Base: "#000000",
        Roles.Text: "#ffffff",
        Roles.Button: "#000000",
        Roles.ButtonText: "#ffffff",
        Roles.Highlight: "#ffff00",
        Roles.HighlightedText: "#000000",
        Roles.Mid: "#ffffff",
        Roles.AlternateBase: "#000000",
    },
}


@pytest.fixture(params=list(PALETTES))
def palette(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    before = qapp.palette()
    chosen = QPalette()
    for role, colour in PALETTES[request.param].items():
        chosen.setColor(role, QColor(colour))
    qapp.setPalette(chosen)
    apply_text_size(qapp, 12)
    yield request.param
    qapp.setPalette(before)


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def text_contrast(image: QImage, area: QRect) -> float:
    """The contrast between the commonest colour in `area` (the background) and the most contrasting colour
    that covers a few pixels (the text's solid strokes; antialiased edges are in between)."""
    counts: Counter[int] = Counter(
        image.pixel(x, y) for y in range(area.top(), area.bottom() + 1) for x in range(area.left(), area.right() + 1)
    )
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    return max(contrast(background, QColor.fromRgb(rgb)) for rgb, n in counts.items() if n >= 4)


def inner(widget: QWidget, dpr: float) -> QRect:
    rect = widget.contentsRect().adjusted(4, 4, -4, -4)
    return QRect(int(rect.x() * dpr), int(rect.y() * dpr), int(rect.width() * dpr), int(rect.height() * dpr))


def test_the_app_styling_keeps_text_readable_in_each_palette(qtbot: QtBot, palette: str) -> None:
    """The custom-styled parts: the DEMO badge, the unsaved banner, error and note boxes, the flare-up button
    and flare mode's big buttons, and a chosen score (highlight background)."""
    window = QWidget()
    qtbot.addWidget(window)
    column = QVBoxLayout(window)
    demo = label("demo")
    demo.setText("DEMO")
    error = label("error")
    error.setText("That passphrase did not open the diary.")
    note = label("note")
    note.setText("Your plan is saved.")
    banner = QFrame()
    banner.setObjectName("banner")
    banner_text = label()
    banner_text.setText("Your latest change is not saved to disk yet.")
    QHBoxLayout(banner).addWidget(banner_text)
    flare = QPushButton("Flare-up (F2)")
    flare.setObjectName("flareButton")
    flare.setStyleSheet("QPushButton#flareButton { font-weight: 700; padding: 8px 12px; }")
    big = QPushButton("Start a flare-up")
    big.setProperty("role", "flare-main")
    big_holder = QWidget()
    big_holder.setStyleSheet(flare_stylesheet(12))
    QVBoxLayout(big_holder).addWidget(big)
    picker = ScorePicker()
    picker.set_score(7, focus=False)
    for widget in (demo, error, note, banner, flare, big_holder, picker):
        column.addWidget(widget)
    window.show()
    qtbot.waitExposed(window)
    image = window.grab().toImage()
    dpr = image.devicePixelRatio()
    checks = {
        "demo badge": demo,
        "error": error,
        "note": note,
        "banner": banner_text,
        "flare button": flare,
        "flare mode button": big,
        "chosen score": picker.buttons[7],
        "unchosen score": picker.buttons[3],
        "scale anchor": picker.low_anchor,
    }
    low = {}
    for name, widget in checks.items():
        area = inner(widget, dpr).translated(widget.mapTo(window, widget.rect().topLeft()) * dpr)
        ratio = text_contrast(image, area)
        if ratio < 4.5:
            low[name] = round(ratio, 2)
    assert low == {}, f"text below 4.5:1 in the {palette} palette"
    # The chosen score says so by more than colour: bold type and a border, and its accessible state.
    assert picker.buttons[7].isChecked()
    assert picker.buttons[7].font().bold() or "font-weight: 700" in QApplication.instance().styleSheet()  # type: ignore[union-attr]


def test_every_kind_of_control_shows_where_the_keyboard_is(qtbot: QtBot, palette: str) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    column = QVBoxLayout(window)
    combo = QComboBox()
    combo.addItems(["Cymraeg", "English"])
    tool = QToolButton()
    tool.setText("Sleep")
    listing = QListWidget()
    listing.addItems(["Walking", "Reading"])
    tabs = QTabWidget()
    tabs.addTab(QWidget(), "My medicines")
    tabs.addTab(QWidget(), "What I've tried")
    controls: dict[str, QWidget] = {
        "button": QPushButton("Save"),
        "check box": QCheckBox("I have kept my recovery key"),
        "radio button": QRadioButton("Add to my diary"),
        "combo box": combo,
        "spin box": QSpinBox(),
        "line edit": QLineEdit("garddio"),
        "text box": QPlainTextEdit("note"),
        "list": listing,
        "tool button": tool,
        "date and time": QDateTimeEdit(),
        "tabs": tabs.tabBar(),
    }
    for widget in controls.values():
        column.addWidget(tabs if widget is tabs.tabBar() else widget)
    elsewhere = QLineEdit()
    column.addWidget(elsewhere)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    highlight = QApplication.palette().color(Roles.Highlight)
    unseen = []
    for name, widget in controls.items():
        elsewhere.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        before = widget.grab().toImage()
        # Reach it as a person does, by the keyboard: Shift+Tab back from the next control.
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        QTest.keyClick(widget, Qt.Key.Key_Shift)  # a key press marks the window as keyboard-driven
        QApplication.processEvents()
        assert widget.hasFocus(), name
        after = widget.grab().toImage()
        changed = [
            QColor.fromRgb(after.pixel(x, y))
            for y in range(after.height())
            for x in range(after.width())
            if after.pixel(x, y) != before.pixel(x, y)
        ]
        # A visible ring: enough changed pixels, some of them in the highlight colour (or near it).
        ringed = sum(1 for c in changed if contrast(c, highlight) < 1.3)
        if len(changed) < 40 or ringed < 20:
            unseen.append(f"{name} ({len(changed)} pixels changed, {ringed} in the highlight colour)")
    assert unseen == []
