"""The app's style sheet: sizes follow the person's text-size setting, colours come from the palette.

A chosen score is drawn in the text colour on the base colour, inverted (the highlight colour behind white
text is under 4.5:1 in common palettes), and bold; every control shows a highlight-coloured ring when focused.
Tick boxes and radio buttons get a frame in the text colour (ContrastIndicators).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

SCALED_INDICATORS = (
    QStyle.PixelMetric.PM_IndicatorWidth,
    QStyle.PixelMetric.PM_IndicatorHeight,
    QStyle.PixelMetric.PM_ExclusiveIndicatorWidth,
    QStyle.PixelMetric.PM_ExclusiveIndicatorHeight,
)
DEFAULT_POINT_SIZE = 12


class ContrastIndicators(QProxyStyle):
    """Fusion draws the frame of a tick box or radio button in a shade of the window colour, so on the high-
    contrast palette's black window an empty box is black on black. Draw the frame again in the text colour,
    which contrasts with the base colour inside it in every palette; the tick and the dot stay Fusion's.

    The box and the circle also grow with the text: Fusion's are a fixed 13 pixels, a speck beside 24 pt words
    and a small thing to hit."""

    def pixelMetric(
        self, metric: QStyle.PixelMetric, option: QStyleOption | None = None, widget: QWidget | None = None
    ) -> int:
        base = super().pixelMetric(metric, option, widget)
        if metric not in SCALED_INDICATORS:
            return base
        font = widget.font() if widget is not None else QApplication.font()
        points = font.pointSizeF() if font.pointSizeF() > 0 else DEFAULT_POINT_SIZE
        return round(base * max(1.0, points / DEFAULT_POINT_SIZE))

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        kinds = (QStyle.PrimitiveElement.PE_IndicatorCheckBox, QStyle.PrimitiveElement.PE_IndicatorRadioButton)
        if element not in kinds:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(option.palette.color(QPalette.ColorRole.Text), 1.2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        box = option.rect.adjusted(1, 1, -1, -1)
        if element is QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(box)
        else:
            painter.drawRoundedRect(box, 2, 2)
        painter.restore()


_installed: list[ContrastIndicators] = []  # Python keeps the style alive as long as the app uses it
INSTALLED = "companionContrastIndicators"  # an application property: set once the indicators are drawn


def use_contrast_indicators(app: QApplication) -> None:
    """Draw the indicators' frames (once). field_behaviour.install puts ContrastIndicators under its own
    proxy style; without it, ContrastIndicators is the application's style."""
    if app.property(INSTALLED):
        return
    style = ContrastIndicators(app.style().name())
    _installed[:] = [style]
    app.setStyle(style)
    app.setProperty(INSTALLED, True)


NAVIGATION_ITEM_PADDING = (10, 14)  # (top and bottom, left and right) of each section name, in pixels
LARGE_NAVIGATION_ITEM_PADDING = (4, 14)  # at 20 pt and over: every section in view on a 1280 x 800 screen


def navigation_item_padding(base_pt: float) -> tuple[int, int]:
    """The padding of each section name: less above and below at the large sizes, where the text itself is
    tall enough to point at and the usual padding pushed the last sections out of view (the list scrolled)."""
    return LARGE_NAVIGATION_ITEM_PADDING if base_pt >= 20 else NAVIGATION_ITEM_PADDING


def navigation_point_size(base_pt: float) -> float:
    """The section names' size: a quarter larger than the text, but no larger than the text itself at the large
    sizes (20 pt and up), where a quarter more would give the navigation a third of the window."""
    return base_pt if base_pt >= 20 else round(base_pt * 1.25)


def line_px(point_size: float) -> int:
    """About one line of text at `point_size` in pixels (96 pixels an inch, with its line spacing)."""
    return round(point_size * 1.6)


def build_stylesheet(base_pt: int) -> str:
    heading = round(base_pt * 1.6)
    subheading = round(base_pt * 1.25)
    big = round(base_pt * 1.4)
    # A style sheet's min-height is a fixed floor the layout may squeeze a button down to: at large text a
    # fixed 24 pixels is less than a line, and a squeezed button cuts its words. So the floor is a line.
    button = max(24, line_px(base_pt))
    nav_pad = navigation_item_padding(base_pt)
    score = max(40, line_px(subheading))
    return f"""
QLabel[role="heading"] {{ font-size: {heading}pt; font-weight: 600; }}
QLabel[role="subheading"] {{ font-size: {subheading}pt; font-weight: 600; }}
QLabel[role="bilingual"] {{ font-size: {subheading}pt; }}
QLabel[role="recovery-key"] {{ font-size: {big}pt; font-family: monospace; font-weight: 600;
    padding: 12px; border: 2px dashed palette(mid); }}
QLabel[role="error"] {{ font-weight: 600; padding: 8px; border: 2px solid palette(highlight);
    border-radius: 6px; }}
QLabel[role="note"] {{ padding: 8px; border: 2px solid palette(highlight); border-radius: 6px; }}
QLabel[role="busy"] {{ font-size: {subheading}pt; font-weight: 600; padding: 16px 24px; background: palette(base);
    color: palette(text); border: 2px solid palette(highlight); border-radius: 8px; }}
QLabel[role="demo"] {{ font-weight: 700; padding: 4px 10px; border: 2px solid palette(text);
    border-radius: 6px; }}
QPushButton {{ padding: 8px 16px; min-height: {button}px; }}
QPushButton[role="big"] {{ font-size: {big}pt; padding: 16px 32px; min-width: 180px; }}
QPushButton[role="score"] {{ font-size: {subheading}pt; min-width: {score}px; min-height: {score}px; padding: 4px; }}
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
QListWidget#navigation {{ font-size: {navigation_point_size(base_pt)}pt; }}
QListWidget#navigation::item {{ padding: {nav_pad[0]}px {nav_pad[1]}px; }}
QListWidget#navigation::item:selected {{ font-weight: 700; }}
QFrame#banner {{ border: 2px solid palette(highlight); border-radius: 6px; padding: 6px; }}
QFrame#reminderNotice {{ border: 2px solid palette(highlight); border-radius: 6px; margin: 8px 8px 0 8px; }}
"""


def apply_text_size(app: QApplication, point_size: int) -> None:
    use_contrast_indicators(app)
    font = QFont(app.font())
    font.setPointSize(point_size)
    app.setFont(font)
    app.setStyleSheet(build_stylesheet(point_size))
