"""Flare mode's look: large calm type in multiples of the app font (the text-size setting is honoured),
big buttons, colours from the palette."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from companion.ui.widgets import label

MIN_TARGET_PX = 56


def flare_stylesheet(base_pt: int) -> str:
    """Large calm type: multiples of the app font, so the text-size setting is honoured."""
    # The multiples shrink as the base grows, so 200 % text still fits flare mode's buttons in the window.
    text = min(round(base_pt * 1.6), max(base_pt + 4, 24))
    title = min(round(base_pt * 2.0), max(base_pt + 6, 28))
    small = min(round(base_pt * 1.3), max(base_pt + 2, 20))
    return f"""
QLabel[role="flare"] {{ font-size: {text}pt; }}
QLabel[role="flare-title"] {{ font-size: {title}pt; font-weight: 600; }}
QLabel[role="flare-subtitle"] {{ font-size: {text}pt; font-weight: 600; }}
QLabel[role="flare-small"] {{ font-size: {small}pt; }}
QLabel[role="flare-phone"] {{ font-size: {title}pt; font-weight: 600; }}
QLabel[role="flare-note"] {{ font-size: {text}pt; padding: 10px; border: 2px solid palette(mid);
    border-radius: 8px; }}
QPushButton[role="flare"] {{ font-size: {text}pt; padding: 12px 28px; min-height: {MIN_TARGET_PX}px; }}
QPushButton[role="flare-main"] {{ font-size: {title}pt; font-weight: 600; padding: 18px 36px;
    min-height: {MIN_TARGET_PX + 24}px; }}
QPushButton[role="flare-score"] {{ font-size: {text}pt; font-weight: 600; padding: 6px;
    min-width: {max(MIN_TARGET_PX + 16, base_pt * 4)}px; min-height: {MIN_TARGET_PX + 8}px; }}
QPushButton[role="flare"]:focus, QPushButton[role="flare-main"]:focus, QPushButton[role="flare-score"]:focus {{
    border: 4px solid palette(highlight); border-radius: 8px; }}
QPlainTextEdit[role="flare"] {{ font-size: {text}pt; }}
QPlainTextEdit[role="flare"]:focus {{ border: 4px solid palette(highlight); }}
QFrame#flareCard {{ border: 2px solid palette(mid); border-radius: 8px; padding: 8px; }}
QFrame#flareUndoBar {{ border: 2px solid palette(highlight); border-radius: 8px; }}
"""


def flare_button(name: str, role: str = "flare") -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    button.setProperty("role", role)
    button.setMinimumHeight(MIN_TARGET_PX)
    button.setAutoDefault(True)  # Enter presses it, as Space does
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return button


def flare_text(text: str, role: str, *, name: str = "") -> QLabel:
    widget = label(role, selectable=role == "flare-phone")
    widget.setText(text)
    if name:
        widget.setObjectName(name)
    return widget
