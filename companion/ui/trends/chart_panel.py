"""The chart on the Trends page: a matplotlib canvas with a cursor that the keyboard and the mouse move,
a readout sentence of the values under it, and zoom and pan of the visible dates.

Keys (the canvas takes Tab focus): Left and Right (or Up and Down) move the cursor, Page Up and Page Down
a week, Home and End to the first and last; on dated charts + and - zoom and Shift+Left or Shift+Right
pan. Ctrl+wheel zooms and dragging pans. Zoom and pan change the axes' x limits directly and redraw the
date ticks for the visible days in the active language; matplotlib's navigation toolbar is not used, as
its strings cannot be translated. matplotlib is imported only when a chart is first shown.
"""

from __future__ import annotations

import bisect
import math
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleEvent, QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from companion.i18n import _
from companion.ui.trends.model import ChartData, Stop, x_day
from companion.ui.widgets import label

if TYPE_CHECKING:
    from matplotlib.figure import Figure

MIN_WINDOW_DAYS = 7
ZOOM_STEP = 1.5
DPI = 100  # the chart builders' figure dpi: one inch is 100 logical pixels on screen


def apply_window(figure: Figure, lo: float, hi: float, font_pt: float) -> None:
    """Show the days from lo to hi (day numbers, half a day beyond each end) on every axes of a dated chart,
    with date ticks worked out for those days in the active language."""
    from companion.charts.common import date_ticks

    positions, labels = date_ticks(x_day(math.ceil(lo)), x_day(math.floor(hi)), figure.get_figwidth(), font_pt)
    for ax in figure.axes:
        ax.set_xlim(lo, hi)
        ax.set_xticks(positions, labels)


def keys_hint(step: str) -> str:
    zoom = _("On this chart + and - zoom, and Shift with Left or Right moves the dates shown.")
    if step == "day":
        return _("Keys: Left and Right move day by day; Home and End go to the first and last day.") + " " + zoom
    if step == "answer":
        return _("Keys: Left and Right move from one answer to the next; Home and End go to the first and last.") + (
            " " + zoom
        )
    if step == "week":
        return _("Keys: Left and Right move week by week; Home and End go to the first and last week.") + " " + zoom
    return _("Keys: Left and Right move from one bar to the next; Home and End go to the first and last.")


class ChartPanel(QFrame):
    """One chart at a time; `show_chart` replaces it. The readout label under the canvas always states the
    values at the cursor as a sentence."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendsChartFrame")
        self.canvas: Any = None  # FigureCanvasQTAgg, created on first use
        self.figure: Figure | None = None
        self.data: ChartData | None = None
        self.position = 0
        self.full_range: tuple[float, float] | None = None
        self.view_range: tuple[float, float] | None = None
        self._cursor: list[Any] = []
        self._drag: tuple[float, float, float] | None = None
        self._dark = False
        self._font_pt = 10.0
        layout = QVBoxLayout(self)
        layout.setContentsMargins(3, 3, 3, 3)
        self._layout = layout
        self.readout = label(selectable=True)
        self.readout.setObjectName("trendsReadout")
        self.hint = label()
        self.hint.setObjectName("trendsKeysHint")
        layout.addWidget(self.readout)
        layout.addWidget(self.hint)
        self._focused(False)

    # --- showing a chart ---------------------------------------------------------------------------------

    def show_chart(self, data: ChartData, *, title: str, dark: bool, font_pt: float, keep_window: bool = False) -> None:
        """Draw `data`, keeping the cursor on the same day (or place) when it is still shown, else at the end;
        with `keep_window`, also the zoomed days when they fit inside the new chart."""
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        keep_x = self.current().x if self.data is not None and self.data.stops and self.data.key == data.key else None
        zoomed = self.view_range is not None and self.view_range != self.full_range
        same = self.data is not None and self.data.key == data.key
        old_window = self.view_range if keep_window and same and zoomed else None
        self._dark, self._font_pt = dark, font_pt
        scale = max(1.0, font_pt / 10.0)
        height = data.height * scale
        width = max(6.0, (self.width() - 12) / DPI)
        figure = data.figure(dark=dark, font_pt=font_pt, width=width, height=height)
        canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]
        canvas.setObjectName("trendsCanvas")
        canvas.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        canvas.setFixedHeight(round(height * DPI))
        canvas.setMinimumWidth(320)
        canvas.setAccessibleName(_("Chart: {chart}").format(chart=title))
        canvas.setAccessibleDescription(" ".join(t for t in (data.summary, data.notes.replace("\n", " ")) if t))
        canvas.installEventFilter(self)
        canvas.mpl_connect("motion_notify_event", self._on_motion)
        canvas.mpl_connect("button_press_event", self._on_press)
        canvas.mpl_connect("button_release_event", self._on_release)
        canvas.mpl_connect("resize_event", self._on_resize)
        had_focus = self.canvas is not None and self.canvas.hasFocus()
        if self.canvas is not None:
            self.canvas.removeEventFilter(self)
            self.canvas.hide()
            self._layout.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self.canvas, self.figure, self.data = canvas, figure, data
        self._cursor = []
        self._drag = None
        self.full_range = figure.axes[0].get_xlim() if data.dated and figure.axes else None
        self.view_range = self.full_range
        if old_window is not None and self.full_range is not None:
            lo, hi = old_window
            if self.full_range[0] <= lo and hi <= self.full_range[1]:
                self._set_window(lo, hi, redraw=False)
        self._layout.insertWidget(0, canvas)
        canvas.show()
        if had_focus:
            canvas.setFocus()
        xs = [s.x for s in data.stops]
        if keep_x is not None and xs and xs[0] <= keep_x <= xs[-1]:
            self.position = self._nearest(keep_x)
        else:
            filled = [i for i, s in enumerate(data.stops) if not s.empty]
            self.position = filled[-1] if filled else len(xs) - 1
        self.hint.setText(keys_hint(data.step))
        self._move_to(self.position)

    @property
    def looks(self) -> tuple[bool, float]:
        """(dark, text size in points) the chart on show was drawn with."""
        return self._dark, self._font_pt

    def current(self) -> Stop:
        assert self.data is not None
        return self.data.stops[self.position]

    # --- the cursor ----------------------------------------------------------------------------------------

    def step(self, delta: int) -> None:
        self._move_to(self.position + delta)

    def _move_to(self, index: int, *, follow: bool = True) -> None:
        if self.data is None or not self.data.stops:
            self.readout.setText("")
            return
        self.position = max(0, min(len(self.data.stops) - 1, index))
        stop = self.current()
        if follow and self.view_range is not None and not self.view_range[0] < stop.x < self.view_range[1]:
            width = self.view_range[1] - self.view_range[0]
            lo = stop.x - 0.5 if stop.x <= self.view_range[0] else stop.x + 0.5 - width
            self._set_window(lo, lo + width, redraw=False)
        self.readout.setText(stop.text)
        QAccessible.updateAccessibility(QAccessibleEvent(self.readout, QAccessible.Event.NameChanged))
        self._draw_cursor()

    def _draw_cursor(self) -> None:
        if self.figure is None or self.data is None or not self.data.stops:
            return
        from companion.charts.palette import palette

        for artist in self._cursor:
            artist.remove()
        colour = palette(self._dark).text
        x = self.current().x
        self._cursor = []
        half = self.data.band / 2
        for ax in self.figure.axes:
            if not half:
                self._cursor.append(ax.axvline(x, color=colour, linewidth=1.4, zorder=6))
            elif self.data.across == "x":
                self._cursor.append(ax.axvspan(x - half, x + half, color=colour, alpha=0.14, linewidth=0, zorder=0))
            else:
                self._cursor.append(ax.axhspan(x - half, x + half, color=colour, alpha=0.14, linewidth=0, zorder=0))
        self.canvas.draw_idle()

    def _nearest(self, x: float) -> int:
        assert self.data is not None
        xs = [s.x for s in self.data.stops]
        index = bisect.bisect_left(xs, x)
        if index == 0:
            return 0
        if index == len(xs):
            return len(xs) - 1
        return index if xs[index] - x < x - xs[index - 1] else index - 1

    # --- zoom and pan --------------------------------------------------------------------------------------

    def zoom(self, factor: float) -> None:
        """Narrow (factor < 1) or widen the dates shown, keeping the cursor where it is on screen."""
        if self.view_range is None or self.full_range is None:
            return
        lo, hi = self.view_range
        span = self.full_range[1] - self.full_range[0]
        width = min(span, max(min(float(MIN_WINDOW_DAYS), span), (hi - lo) * factor))
        centre = self.current().x if self.data and self.data.stops else (lo + hi) / 2
        share = min(1.0, max(0.0, (centre - lo) / (hi - lo)))
        self._set_window(centre - share * width, centre - share * width + width)

    def pan(self, days: float) -> None:
        if self.view_range is None:
            return
        self._set_window(self.view_range[0] + days, self.view_range[1] + days)

    def _set_window(self, lo: float, hi: float, *, redraw: bool = True) -> None:
        if self.full_range is None or self.figure is None:
            return
        width = hi - lo
        lo = max(self.full_range[0], min(lo, self.full_range[1] - width))
        self.view_range = (lo, lo + width)
        apply_window(self.figure, lo, lo + width, self._font_pt)
        if redraw and self.data is not None and self.data.stops:
            stop = self.current()
            if not lo < stop.x < lo + width:  # keep the cursor on a day that is shown
                self._move_to(self._nearest(min(max(stop.x, lo + 0.5), lo + width - 0.5)), follow=False)
                return
            self.canvas.draw_idle()

    def pan_step(self) -> float:
        if self.view_range is None:
            return 0.0
        return float(max(1, round((self.view_range[1] - self.view_range[0]) / 7)))

    # --- events --------------------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.canvas or self.data is None:
            return False
        kind = event.type()
        if kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(event)
        if kind == QEvent.Type.Wheel and isinstance(event, QWheelEvent):
            if self.data.dated and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                steps = event.angleDelta().y() / 120
                if steps:
                    self.zoom(ZOOM_STEP ** (-steps))
                return True
            event.ignore()  # a plain wheel scrolls the page, as it does everywhere else
            return True
        if kind in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self._focused(kind == QEvent.Type.FocusIn)
        return False

    def _key(self, event: QKeyEvent) -> bool:
        key, mods = event.key(), event.modifiers()
        shift = bool(mods & Qt.KeyboardModifier.ShiftModifier)
        dated = self.data is not None and self.data.dated
        backward = (Qt.Key.Key_Left, Qt.Key.Key_Up)
        forward = (Qt.Key.Key_Right, Qt.Key.Key_Down)
        if dated and shift and key in backward + forward:
            self.pan(-self.pan_step() if key in backward else self.pan_step())
        elif key in backward:
            self.step(-1)
        elif key in forward:
            self.step(1)
        elif key == Qt.Key.Key_PageUp:
            self.step(-7)
        elif key == Qt.Key.Key_PageDown:
            self.step(7)
        elif key == Qt.Key.Key_Home:
            self._move_to(0)
        elif key == Qt.Key.Key_End:
            self._move_to(len(self.data.stops) - 1 if self.data else 0)
        elif dated and key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(1 / ZOOM_STEP)
        elif dated and key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom(ZOOM_STEP)
        else:
            return False
        return True

    def _on_motion(self, event: Any) -> None:
        if event.canvas is not self.canvas:
            return
        if self._drag is not None and self.view_range is not None and self.figure is not None and event.x is not None:
            start_px, lo, hi = self._drag
            axes_px = self.figure.axes[0].bbox.width or 1.0
            shift = (event.x - start_px) * (hi - lo) / axes_px
            self._set_window(lo - shift, hi - shift)
            return
        if event.inaxes is None or self.data is None or not self.data.stops:
            return
        where = event.ydata if self.data.across == "y" else event.xdata
        if where is None:
            return
        index = self._nearest(where)
        if index != self.position:
            self._move_to(index, follow=False)

    def _on_press(self, event: Any) -> None:
        if self.canvas is not None:
            self.canvas.setFocus(Qt.FocusReason.MouseFocusReason)
        if event.button == 1 and event.inaxes is not None and self.view_range is not None:
            self._drag = (event.x, *self.view_range)

    def _on_release(self, _event: Any) -> None:
        self._drag = None

    def _on_resize(self, event: Any) -> None:
        if event.canvas is self.canvas and self.view_range is not None and self.figure is not None:
            apply_window(self.figure, *self.view_range, self._font_pt)

    def _focused(self, on: bool) -> None:
        colour = "palette(highlight)" if on else "transparent"
        self.setStyleSheet(f"QFrame#trendsChartFrame {{ border: 3px solid {colour}; border-radius: 4px; }}")
