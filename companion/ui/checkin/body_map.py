"""Where it hurts: a drawn body map (front and back), the same places as a ticked list, and a row for each.

The map, the list and the rows all show one ordered record of the chosen regions, so they never disagree.
The list is the way in for anyone who finds pointing at small shapes hard; the map also works by keyboard.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QFrame,
    QLayout,
    QScrollArea,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from companion.domain.body import REGION_BY_CODE, REGIONS, Side
from companion.domain.checkin import RegionPain
from companion.i18n import _
from companion.ui.checkin.body_map_geometry import (
    DIRECTIONS,
    FIGURE_GAP,
    FIGURE_H,
    FIGURE_W,
    FIGURES,
    MapLayout,
    figure_outline,
    neighbour,
    region_path,
    regions_path,
)
from companion.ui.checkin.region_editor import RegionList, RegionPainEditor, view_title
from companion.ui.whole_views import grow_with_rows
from companion.ui.widgets import Retranslatable, label, set_tab_order

CLICK_SLACK = 2.5  # figure units: a click this close to a region still counts
ROWS_MIN_WIDTH = 480  # the rows scroll sideways below this
TOGGLE_KEYS = (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Select)


class BodyMapCanvas(QWidget):
    """The two outlines. Click (or arrow keys, then Space) to choose a region; the parent keeps the record."""

    toggled = Signal(str)  # the person asked to choose or unchoose this region

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)  # no taller than the figures need at its width: no gap above them
        self.setSizePolicy(policy)
        self.marks: dict[str, int | None] = {}  # chosen region -> its pain score, if given
        self.focus_code: str | None = None
        self.hover_code: str | None = None

    def _text_scale(self) -> float:
        """How much larger than the default 12 pt the text is: the map grows with it, so its words fit."""
        return max(1.0, self.font().pointSizeF() / 12)

    def minimumSizeHint(self) -> QSize:
        return QSize(340, round(300 * self._text_scale()))

    def sizeHint(self) -> QSize:
        return QSize(520, round(440 * self._text_scale()))

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        """As tall as the two figures are at this width (with their titles and words), up to the size hint."""
        scale = max(0.1, (width - 12) / (2 * FIGURE_W + FIGURE_GAP))
        needed = round(FIGURE_H * scale + 3.4 * self._band())  # the title above, up to two lines of words below
        return max(self.minimumSizeHint().height(), min(self.sizeHint().height(), needed))

    def retranslate_ui(self) -> None:
        self.setAccessibleDescription(
            _(
                "Outlines of a body from the front and from the back. Arrow keys move between places; "
                "Space chooses a place or unchooses it. The same places are also in a list."
            )
        )
        self._name_focus()
        self.update()

    def set_marks(self, marks: dict[str, int | None]) -> None:
        self.marks = dict(marks)
        self._name_focus()
        self.update()

    def _name_focus(self) -> None:
        # The name follows the focused place, so a screen reader says where the arrow keys have moved to.
        if self.focus_code is None:
            self.setAccessibleName(_("Body map"))
            return
        region = _(REGION_BY_CODE[self.focus_code].name)
        if self.focus_code in self.marks:
            self.setAccessibleName(_("Body map: {region}, chosen").format(region=region))
        else:
            self.setAccessibleName(_("Body map: {region}, not chosen").format(region=region))

    def move_focus(self, code: str) -> None:
        self.focus_code = code
        self._name_focus()
        self.update()

    # Layout: a title above each figure and the person's own sides named beneath it.

    def _band(self) -> float:
        return self.fontMetrics().height() * 1.4

    def map_layout(self) -> MapLayout:
        band = self._band()
        layout = MapLayout.fit(QRectF(self.rect()).adjusted(6, band, -6, -band))
        if not self._words_fit(layout):  # "Your right" / "Your left" go on two lines under each figure
            layout = MapLayout.fit(QRectF(self.rect()).adjusted(6, band, -6, -2 * band))
        return layout

    def _words_font(self) -> QFont:
        small = QFont(self.font())
        if small.pointSizeF() > 0:
            small.setPointSizeF(small.pointSizeF() * 0.9)
        return small

    def _word_room(self, layout: MapLayout, side: Side) -> float:
        return layout.figure_rect(side).width() / 2 + layout.gap() / 2 - 3 - 5

    def _words_fit(self, layout: MapLayout) -> bool:
        metrics = QFontMetrics(self._words_font())
        widest = max(
            metrics.horizontalAdvance(f"{word} \N{LEFTWARDS ARROW}") for word in (_("Your right"), _("Your left"))
        )
        return all(widest <= self._word_room(layout, side) for side in FIGURES)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        layout = self.map_layout()
        palette = self.palette()
        text, highlight, mid = palette.text().color(), palette.highlight().color(), palette.mid().color()
        soft, hover = QColor(mid), QColor(highlight)
        soft.setAlpha(80)
        hover.setAlpha(70)
        thin, thick = QPen(mid, 1.2), QPen(text, 3.0)
        for pen in (thin, thick):
            pen.setCosmetic(True)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        for side in FIGURES:
            codes = {region.code for region in REGIONS if region.side == side}
            chosen = frozenset(codes & self.marks.keys())
            painter.save()
            painter.translate(layout.origin(side))
            painter.scale(layout.scale, layout.scale)
            painter.fillPath(figure_outline(side), soft)
            painter.setPen(thin)
            painter.setBrush(palette.base())
            painter.drawPath(regions_path(frozenset(codes - chosen)))
            if self.hover_code in codes and self.hover_code not in chosen:
                painter.fillPath(region_path(self.hover_code), hover)
            if chosen:
                painter.setPen(thick)
                painter.setBrush(palette.highlight())
                painter.drawPath(regions_path(chosen))
            painter.restore()
            self._paint_words(painter, layout, side)
        for code, score in self.marks.items():
            self._paint_badge(painter, layout, code, score)
        if self.hasFocus() and self.focus_code is not None:
            painter.setPen(QPen(text, 2.5, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(layout.region_rect(self.focus_code).adjusted(-5, -5, 5, 5), 6, 6)

    def _paint_words(self, painter: QPainter, layout: MapLayout, side: Side) -> None:
        band = self._band()
        figure = layout.figure_rect(side)
        spare = layout.gap() / 2 - 3
        bounds = QRectF(self.rect())
        painter.setPen(self.palette().text().color())
        title_font = QFont(self.font())
        title_font.setBold(True)
        painter.setFont(title_font)
        title_box = QRectF(figure.left() - spare, figure.top() - band, figure.width() + 2 * spare, band)
        painter.drawText(title_box, Qt.AlignmentFlag.AlignCenter, view_title(side))
        small = self._words_font()
        painter.setFont(small)
        # On the front the person's right is on the viewer's left; on the back it is on the viewer's right.
        words = (_("Your right"), _("Your left")) if side == Side.FRONT else (_("Your left"), _("Your right"))
        # Each pair sits centred under its figure, arrows pointing out to the side each word names.
        centre, room = figure.center().x(), self._word_room(layout, side)
        left, right = f"\N{LEFTWARDS ARROW} {words[0]}", f"{words[1]} \N{RIGHTWARDS ARROW}"
        if self._words_fit(layout):  # side by side, each pointing out to its own side
            boxes = (
                (left, QRectF(centre - 5 - room, figure.bottom(), room, band), Qt.AlignmentFlag.AlignRight),
                (right, QRectF(centre + 5, figure.bottom(), room, band), Qt.AlignmentFlag.AlignLeft),
            )
        else:  # too narrow: one above the other, the left-hand one on the left, the right-hand on the right
            whole = 2 * room + 10
            boxes = (
                (left, QRectF(centre - whole / 2, figure.bottom(), whole, band), Qt.AlignmentFlag.AlignLeft),
                (right, QRectF(centre - whole / 2, figure.bottom() + band, whole, band), Qt.AlignmentFlag.AlignRight),
            )
        for word, box, align in boxes:
            flags = int(align | Qt.AlignmentFlag.AlignVCenter) | int(Qt.TextFlag.TextWordWrap)
            painter.drawText(box.intersected(bounds), flags, word)

    def _paint_badge(self, painter: QPainter, layout: MapLayout, code: str, score: int | None) -> None:
        """A mark on each chosen region, so choosing is never shown by colour alone; it holds the score."""
        palette = self.palette()
        centre = layout.anchor(code)
        painter.setPen(QPen(palette.text().color(), 1.5))
        painter.setBrush(palette.base())
        if score is None:
            dot = max(3.5, layout.scale * 2.0)
            painter.drawEllipse(centre, dot, dot)
            return
        radius = max(8.0, min(12.0, layout.scale * 4.5))
        centre = layout.badge_centre(code, radius)
        painter.drawEllipse(centre, radius, radius)
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(9, round(radius * 1.2)))
        painter.setFont(font)
        box = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(score))

    # Mouse: a press chooses (no need to hold still until release); a double click counts once.

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        code = self.map_layout().hit(event.position(), CLICK_SLACK)
        if code is not None:
            self.move_focus(code)
            self.toggled.emit(code)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        event.accept()  # a shaky double click must not choose and then unchoose

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        code = self.map_layout().hit(event.position(), CLICK_SLACK)
        if code != self.hover_code:
            self.hover_code = code
            if code is None:
                self.unsetCursor()
            else:
                self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self.hover_code = None
        self.update()
        super().leaveEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            code = self.map_layout().hit(QPointF(event.pos()), CLICK_SLACK)
            if code is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), _(REGION_BY_CODE[code].name), self)
            return True
        return super().event(event)

    # Keyboard: arrows move a ring between regions (across both figures), Space or Enter chooses.

    def focusInEvent(self, event: QFocusEvent) -> None:
        if self.focus_code is None:
            self.move_focus(next(iter(self.marks), REGIONS[0].code))
        self.update()
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.update()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if key in DIRECTIONS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.move_focus(neighbour(self.focus_code or REGIONS[0].code, key))
            return
        if key in TOGGLE_KEYS and self.focus_code is not None:
            self.toggled.emit(self.focus_code)
            return
        super().keyPressEvent(event)


class BodyMapEditor(Retranslatable, QWidget):
    """Choose where it hurts, and for each place how much and what kind of pain.

    value() / set_value() / clear() read and replace the record; `changed` tells of each change the
    person makes (never of set_value or clear).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._regions: dict[str, RegionPain] = {}  # the one record, in the order chosen
        self._put_aside: dict[str, RegionPain] = {}  # unchosen this time: choosing again brings details back
        self._last_removed_at = 0.0

        self.canvas = BodyMapCanvas()
        self.canvas.setObjectName("bodyMapCanvas")
        self.caption = label()
        self.caption.setObjectName("bodyMapCaption")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.list_label = label()
        self.tree = RegionList()
        self.tree.setObjectName("bodyMapList")
        self.list_label.setBuddy(self.tree)
        grow_with_rows(self.tree)  # every place shown: the page scrolls, not the list inside it

        self.rows = RegionPainEditor()
        self.rows.setObjectName("bodyMapRows")
        # A fixed space for the rows: choosing a place must not shrink or shift the map under the pointer.
        self.rows_area = QScrollArea()
        self.rows_area.setObjectName("bodyMapRowsArea")
        self.rows_area.setFrameShape(QFrame.Shape.NoFrame)
        self.rows_area.setWidgetResizable(True)
        self.rows_area.setWidget(self.rows)
        self._reserve_rows_space()

        map_column = QVBoxLayout()
        map_column.addWidget(self.canvas)
        map_column.addWidget(self.caption)
        map_column.addSpacing(6)
        map_column.addWidget(self.rows_area)
        map_column.addStretch(1)  # beside the list, which is taller, the map stays at the top
        list_column = QVBoxLayout()
        list_column.addWidget(self.list_label)
        list_column.addWidget(self.tree)
        list_column.addStretch(1)
        # Side by side when there is room, else the list goes under the map (see _arrange).
        self.outer = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.outer.setContentsMargins(0, 0, 0, 0)
        self.outer.addLayout(map_column, 2)
        self.outer.addLayout(list_column, 1)

        self.canvas.toggled.connect(self._on_canvas_toggled)
        self.tree.chosen_changed.connect(self.set_chosen)
        self.rows.edited.connect(self._on_rows_edited)
        self.rows.remove_clicked.connect(self._on_rows_remove_clicked)
        self.retranslate_ui()
        self._sync()

    def retranslate_ui(self) -> None:
        self.caption.setText(_("Choose the places that hurt. Left and right are your own."))
        self.list_label.setText(_("Or choose from this list"))
        self.tree.retranslate_ui()
        self.canvas.retranslate_ui()
        self.rows.retranslate_ui()
        self._fit_list_width()
        self._arrange()

    # Layout.

    def _narrow_width(self) -> int:
        return max(self.canvas.minimumSizeHint().width(), ROWS_MIN_WIDTH, self._list_width())

    def _list_width(self) -> int:
        return self.tree.minimumWidth()

    def _fit_list_width(self) -> None:
        """The list at least as wide as every place's whole name (no sideways scrolling, nothing cut)."""
        self.tree.resizeColumnToContents(0)
        names = self.tree.sizeHintForColumn(0) + self.tree.indentation() + 2 * self.tree.frameWidth() + 4
        self.tree.setMinimumWidth(max(self.tree.fontMetrics().averageCharWidth() * 24, names))

    def _reserve_rows_space(self) -> None:
        self.rows_area.setFixedHeight(self.rows.reserved_height())

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._reserve_rows_space()
            self._fit_list_width()
        super().changeEvent(event)

    def _arrange(self) -> None:
        """The list beside the map while both fit whole (every place's name in full), else under it."""
        side_by_side = max(ROWS_MIN_WIDTH, self.canvas.minimumSizeHint().width()) + self.outer.spacing()
        side_by_side += self._list_width() + 12
        wide = self.width() >= side_by_side
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.outer.direction() != direction:
            self.outer.setDirection(direction)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self._narrow_width()), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        self._arrange()
        super().resizeEvent(event)

    # The record.

    def value(self) -> tuple[RegionPain, ...]:
        return tuple(self._regions.values())

    def set_value(self, regions: tuple[RegionPain, ...]) -> None:
        """Show these regions (the first of any repeated code wins). Not announced as a change."""
        for given in regions:
            if given.region not in REGION_BY_CODE:
                raise ValueError(f"unknown body region {given.region!r}")
        self._regions = {}
        for given in regions:
            self._regions.setdefault(given.region, given)
        self._put_aside = {}
        self._sync()

    def clear(self) -> None:
        """Nothing chosen (after saving, say). Not announced as a change."""
        self.set_value(())

    def is_chosen(self, code: str) -> bool:
        return code in self._regions

    def set_chosen(self, code: str, chosen: bool) -> None:
        """Choose or unchoose a region as the person did: announced with `changed`."""
        if chosen == (code in self._regions):
            return
        if chosen:
            self._regions[code] = self._put_aside.pop(code, RegionPain(code))
        else:
            self._put_aside[code] = self._regions.pop(code)
        self._sync()
        self.changed.emit()

    def _sync(self) -> None:
        """Make the map, the list and the rows show the record."""
        self.canvas.set_marks({code: value.intensity for code, value in self._regions.items()})
        self.tree.show_chosen(set(self._regions))
        self.rows.set_regions(list(self._regions.values()))
        chain: list[QWidget] = [self.canvas, self.tree, *self.rows.focus_chain()]
        set_tab_order(chain)

    # The person's changes.

    def _on_canvas_toggled(self, code: str) -> None:
        self.set_chosen(code, code not in self._regions)

    def _on_rows_edited(self, code: str) -> None:
        self._regions[code] = self.rows.value_of(code)
        self.canvas.set_marks({c: value.intensity for c, value in self._regions.items()})
        self.changed.emit()

    def _on_rows_remove_clicked(self, code: str) -> None:
        # Rows move up after a removal: a shaky double click must not remove the next one too.
        now = time.monotonic()
        if now - self._last_removed_at < QApplication.doubleClickInterval() / 1000:
            return
        self._last_removed_at = now
        position = list(self._regions).index(code)
        self.set_chosen(code, False)
        remaining = list(self.rows.rows.values())
        if remaining:
            remaining[min(position, len(remaining) - 1)].remove.setFocus()
        else:
            self.tree.setFocus()


def main() -> int:
    """A quick look: `python -m companion.ui.checkin.body_map [cy]`."""
    from companion import i18n
    from companion.ui.style import apply_text_size

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    apply_text_size(app, 12)
    if "cy" in sys.argv[1:]:
        i18n.set_language("cy")
    editor = BodyMapEditor()
    editor.setWindowTitle("BodyMapEditor")
    editor.resize(900, 560)
    editor.changed.connect(lambda: print(editor.value()))
    editor.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
