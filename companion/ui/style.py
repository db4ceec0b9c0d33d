"""The app's style sheet: sizes follow the person's text-size setting, colours come from the palette.

A chosen score is drawn in the text colour on the base colour, inverted (the highlight colour behind white
text is under 4.5:1 in common palettes), and bold; every control shows a highlight-coloured ring when focused.
"""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication


def build_stylesheet(base_pt: int) -> str:
    heading = round(base_pt * 1.6)
    subheading = round(base_pt * 1.25)
    big = round(base_pt * 1.4)
    return f"""
QLabel[role="heading"] {{ font-size: {heading}pt; font-weight: 600; }}
QLabel[role="subheading"] {{ font-size: {subheading}pt; font-weight: 600; }}
QLabel[role="bilingual"] {{ font-size: {subheading}pt; }}
QLabel[role="recovery-key"] {{ font-size: {big}pt; font-family: monospace; font-weight: 600;
    padding: 12px; border: 2px dashed palette(mid); }}
QLabel[role="error"] {{ font-weight: 600; padding: 8px; border: 2px solid palette(highlight);
    border-radius: 6px; }}
QLabel[role="note"] {{ padding: 8px; border: 2px solid palette(highlight); border-radius: 6px; }}
QLabel[role="demo"] {{ font-weight: 700; padding: 4px 10px; border: 2px solid palette(text);
    border-radius: 6px; }}
QPushButton {{ padding: 8px 16px; min-height: 24px; }}
QPushButton[role="big"] {{ font-size: {big}pt; padding: 16px 32px; min-width: 180px; }}
QPushButton[role="score"] {{ font-size: {subheading}pt; min-width: 40px; min-height: 40px; padding: 4px; }}
QPushButton[role="score"]:checked {{ font-weight: 700; border: 3px solid palette(highlight);
    background: palette(text); color: palette(base); }}
QPushButton:focus, QToolButton:focus {{ border: 3px solid palette(highlight); border-radius: 4px; }}
QPushButton[role="language"]:checked {{ font-weight: 700; border: 2px solid palette(text); }}
QLineEdit, QPlainTextEdit {{ padding: 6px; border: 1px solid palette(mid); border-radius: 4px; }}
QLineEdit:focus, QPlainTextEdit:focus, QListWidget:focus {{ border: 3px solid palette(highlight); }}
QCheckBox, QRadioButton {{ border: 2px solid transparent; border-radius: 4px; padding: 2px; }}
QCheckBox:focus, QRadioButton:focus {{ border: 2px solid palette(highlight); }}
QComboBox {{ padding: 4px 8px; border: 1px solid palette(mid); border-radius: 4px; }}
QComboBox:focus {{ border: 3px solid palette(highlight); }}
QTabBar::tab {{ padding: 6px 14px; border: 1px solid palette(mid); border-bottom: none;
    border-top-left-radius: 4px; border-top-right-radius: 4px; background: palette(button); }}
QTabBar::tab:selected {{ font-weight: 700; background: palette(base); }}
QTabBar::tab:focus {{ border: 3px solid palette(highlight); border-bottom: none; }}
QListWidget#navigation {{ font-size: {subheading}pt; }}
QListWidget#navigation::item {{ padding: 10px 14px; }}
QListWidget#navigation::item:selected {{ font-weight: 700; }}
QFrame#banner {{ border: 2px solid palette(highlight); border-radius: 6px; padding: 6px; }}
QFrame#reminderNotice {{ border: 2px solid palette(highlight); border-radius: 6px; margin: 8px 8px 0 8px; }}
"""


def apply_text_size(app: QApplication, point_size: int) -> None:
    font = QFont(app.font())
    font.setPointSize(point_size)
    app.setFont(font)
    app.setStyleSheet(build_stylesheet(point_size))
