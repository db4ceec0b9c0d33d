"""Where each body-map region is drawn: shapes in figure units, their layout in a widget, and arrow-key moves.

Each figure lives in its own FIGURE_W x FIGURE_H box. The shapes are written once for the viewer's left half
and mirrored for the right. On the front view the person's right side is on the viewer's left (as when facing
someone); on the back view the viewer sees the person's left on their own left.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath, QPainterPathStroker

from companion.domain.body import REGION_BY_CODE, REGIONS, Side

FIGURE_W = 100.0
FIGURE_H = 212.0
FIGURE_GAP = 56.0  # between the front and the back figure: room to name the sides beneath
FIGURES = (Side.FRONT, Side.BACK)


@dataclass(frozen=True)
class Shape:
    """One region outline in figure units. kind: ellipse (cx, cy, rx, ry), rrect (x, y, w, h, radius),
    capsule (x1, y1, x2, y2, width: a limb with rounded ends) or poly (x1, y1, x2, y2, ...)."""

    kind: str
    numbers: tuple[float, ...]
    anchor: tuple[float, float] | None = None  # a point well inside, when the box centre is not

    def mirrored(self) -> Shape:
        n = self.numbers
        anchor = None if self.anchor is None else (FIGURE_W - self.anchor[0], self.anchor[1])
        if self.kind == "ellipse":
            return Shape("ellipse", (FIGURE_W - n[0], *n[1:]), anchor)
        if self.kind == "rrect":
            return Shape("rrect", (FIGURE_W - n[0] - n[2], *n[1:]), anchor)
        if self.kind == "capsule":
            return Shape("capsule", (FIGURE_W - n[0], n[1], FIGURE_W - n[2], n[3], n[4]), anchor)
        flipped: list[float] = []
        for i in range(0, len(n), 2):
            flipped += [FIGURE_W - n[i], n[i + 1]]
        return Shape("poly", tuple(flipped), anchor)

    def path(self) -> QPainterPath:
        n = self.numbers
        path = QPainterPath()
        if self.kind == "ellipse":
            path.addEllipse(QPointF(n[0], n[1]), n[2], n[3])
        elif self.kind == "rrect":
            path.addRoundedRect(QRectF(n[0], n[1], n[2], n[3]), n[4], n[4])
        elif self.kind == "capsule":
            line = QPainterPath(QPointF(n[0], n[1]))
            line.lineTo(n[2], n[3])
            stroker = QPainterPathStroker()
            stroker.setWidth(n[4])
            stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
            path = stroker.createStroke(line).simplified()
        else:
            path.moveTo(n[0], n[1])
            for i in range(2, len(n), 2):
                path.lineTo(n[i], n[i + 1])
            path.closeSubpath()
        return path


def _e(cx: float, cy: float, rx: float, ry: float) -> Shape:
    return Shape("ellipse", (cx, cy, rx, ry))


def _c(x1: float, y1: float, x2: float, y2: float, width: float) -> Shape:
    return Shape("capsule", (x1, y1, x2, y2, width))


_HEAD = _e(50, 17, 11, 13.5)
_NECK = Shape("rrect", (44.5, 31.5, 11, 7.5, 2.5))
_UPPER_ARM = _c(27, 59, 24, 83, 9)
_FOREARM = _c(23.5, 93, 21, 115, 8)
_HAND = _e(20.5, 128, 5.5, 7.5)
_KNEE = _e(43.5, 160, 5.5, 5.5)

# Centre regions, drawn once.
_MIDDLE: dict[str, Shape] = {
    "f-head": _HEAD,
    "f-neck": _NECK,
    "f-chest": Shape("poly", (40, 40, 60, 40, 61, 52, 66, 54.5, 65, 68, 35, 68, 34, 54.5, 39, 52), (50, 56)),
    "f-abdomen": Shape("rrect", (35, 70, 30, 22, 4)),
    "f-pelvis": Shape("poly", (40.5, 94, 59.5, 94, 59.5, 106, 54, 113, 46, 113, 40.5, 106)),
    "b-head": _HEAD,
    "b-neck": _NECK,
    "b-upper-back": Shape(
        "poly", (46.5, 40, 53.5, 40, 53.5, 58.5, 66, 59, 65, 76, 35, 76, 34, 59, 46.5, 58.5), (50, 67)
    ),
    "b-lower-back": Shape("rrect", (35, 78, 30, 16, 4)),
}

# Paired regions, by the code's stem, as drawn on the viewer's left.
_PAIRED: dict[str, Shape] = {
    "f-shoulder": _e(31.5, 46.5, 7, 6.5),
    "f-arm": _UPPER_ARM,
    "f-forearm": _FOREARM,
    "f-hand": _HAND,
    "f-hip": _e(35, 101, 4, 7.5),
    "f-thigh": _c(44, 121, 43.5, 148, 11),
    "f-knee": _KNEE,
    "f-shin": _c(43.5, 172, 43.5, 193, 8.5),
    "f-foot": _e(42, 204, 6, 5),
    "b-shoulder": _e(36, 48, 8.5, 8),
    "b-arm": _UPPER_ARM,
    "b-forearm": _FOREARM,
    "b-hand": _HAND,
    "b-buttock": _e(42.25, 104, 7.25, 8.5),
    "b-thigh": _c(44, 122, 43.5, 148, 11),
    "b-knee": _KNEE,
    "b-calf": _c(43.5, 172, 43.5, 193, 9.5),
    "b-heel": _e(43.5, 204, 5, 5),
}

# Which of the person's sides the viewer sees on their own left.
VIEWER_LEFT_SUFFIX = {Side.FRONT: "-r", Side.BACK: "-l"}


def shape_of(code: str) -> Shape:
    if code in _MIDDLE:
        return _MIDDLE[code]
    stem, _dash, side = code.rpartition("-")
    base = _PAIRED[stem]
    return base if f"-{side}" == VIEWER_LEFT_SUFFIX[REGION_BY_CODE[code].side] else base.mirrored()


@cache
def region_path(code: str) -> QPainterPath:
    """The region's outline in its own figure's units."""
    return shape_of(code).path()


@cache
def region_anchor(code: str) -> QPointF:
    """A point well inside the region, in its own figure's units (badges, focus order, tests)."""
    shape = shape_of(code)
    if shape.anchor is not None:
        return QPointF(*shape.anchor)
    return region_path(code).boundingRect().center()


@cache
def figure_outline(side: Side) -> QPainterPath:
    """The whole figure as one soft silhouette behind the regions (fills the small gaps between them)."""
    union = QPainterPath()
    for region in REGIONS:
        if region.side == side:
            union = union.united(region_path(region.code))
    stroker = QPainterPathStroker()
    stroker.setWidth(3.0)
    stroker.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    return union.united(stroker.createStroke(union)).simplified()


@lru_cache(maxsize=64)
def regions_path(codes: frozenset[str]) -> QPainterPath:
    """Several regions of one figure as one path, so a figure paints in a few calls."""
    combined = QPainterPath()
    combined.setFillRule(Qt.FillRule.WindingFill)
    for code in sorted(codes):
        combined.addPath(region_path(code))
    return combined


@dataclass(frozen=True)
class MapLayout:
    """Where the two figures sit in a widget: figure units times `scale`, from each figure's top-left."""

    scale: float
    origins: tuple[QPointF, QPointF]  # front, back

    @classmethod
    def fit(cls, area: QRectF) -> MapLayout:
        """As large as fits; spare width goes partly into the gap between the figures (a calmer look)."""
        total_w = 2 * FIGURE_W + FIGURE_GAP
        scale = max(0.1, min(area.width() / total_w, area.height() / FIGURE_H))
        extra = min(area.width() - total_w * scale, 0.6 * FIGURE_W * scale)
        width = total_w * scale + extra
        left = area.left() + (area.width() - width) / 2
        top = area.top() + (area.height() - FIGURE_H * scale) / 2
        step = (FIGURE_W + FIGURE_GAP) * scale + extra
        return cls(scale, (QPointF(left, top), QPointF(left + step, top)))

    def gap(self) -> float:
        """The space between the figures, in pixels."""
        return self.origins[1].x() - self.origins[0].x() - FIGURE_W * self.scale

    def origin(self, side: Side) -> QPointF:
        return self.origins[FIGURES.index(side)]

    def figure_rect(self, side: Side) -> QRectF:
        return QRectF(
            self.origin(side),
            QPointF(self.origin(side).x() + FIGURE_W * self.scale, self.origin(side).y() + FIGURE_H * self.scale),
        )

    def to_widget(self, side: Side, point: QPointF) -> QPointF:
        return self.origin(side) + point * self.scale

    def anchor(self, code: str) -> QPointF:
        """The region's anchor in widget coordinates: click here to choose it."""
        return self.to_widget(REGION_BY_CODE[code].side, region_anchor(code))

    def region_rect(self, code: str) -> QRectF:
        side = REGION_BY_CODE[code].side
        box = region_path(code).boundingRect()
        return QRectF(self.to_widget(side, box.topLeft()), self.to_widget(side, box.bottomRight()))

    def badge_centre(self, code: str, radius: float) -> QPointF:
        """Where a round mark of this radius goes: on the region, or just outside it (away from the
        body's midline) when the region is too small to hold a readable number."""
        centre, region = self.anchor(code), self.region_rect(code)
        if region.width() >= 2 * radius + 4 and region.height() >= 2 * radius:
            return centre
        middle = self.figure_rect(REGION_BY_CODE[code].side).center().x()
        if centre.x() < middle - 1:
            return QPointF(region.left() - radius - 3, centre.y())
        return QPointF(region.right() + radius + 3, centre.y())

    def hit(self, point: QPointF, slack: float = 0.0) -> str | None:
        """The region under a widget point. With `slack` (figure units) a near miss still counts,
        so a shaky click just outside an outline chooses the nearest region."""
        for side in FIGURES:
            local = (point - self.origin(side)) / self.scale
            for region in REGIONS:
                if region.side == side and region_path(region.code).contains(local):
                    return region.code
        if slack <= 0:
            return None
        best: tuple[float, str] | None = None
        for side in FIGURES:
            local = (point - self.origin(side)) / self.scale
            for region in REGIONS:
                if region.side != side:
                    continue
                box = region_path(region.code).boundingRect()
                dx = max(box.left() - local.x(), 0.0, local.x() - box.right())
                dy = max(box.top() - local.y(), 0.0, local.y() - box.bottom())
                distance = (dx * dx + dy * dy) ** 0.5
                if distance <= slack and (best is None or distance < best[0]):
                    best = (distance, region.code)
        return None if best is None else best[1]


def _combined(code: str) -> QPointF:
    """The anchor with both figures in one plane (the back figure to the right of the front)."""
    offset = 0.0 if REGION_BY_CODE[code].side == Side.FRONT else FIGURE_W + FIGURE_GAP
    return region_anchor(code) + QPointF(offset, 0.0)


DIRECTIONS = {
    Qt.Key.Key_Left: (-1.0, 0.0),
    Qt.Key.Key_Right: (1.0, 0.0),
    Qt.Key.Key_Up: (0.0, -1.0),
    Qt.Key.Key_Down: (0.0, 1.0),
}


@cache
def neighbour(code: str, key: Qt.Key) -> str:
    """The region an arrow key moves to: the nearest one that way, preferring those straight ahead.
    Left and Right cross between the figures; the code itself when nothing lies that way."""
    dx, dy = DIRECTIONS[key]
    here = _combined(code)
    best: tuple[float, str] | None = None
    for region in REGIONS:
        there = _combined(region.code) - here
        ahead = there.x() * dx + there.y() * dy
        if ahead <= 0.5:
            continue
        across = abs(there.x() * dy) + abs(there.y() * dx)
        score = ahead + 2.5 * across
        if best is None or score < best[0]:
            best = (score, region.code)
    return code if best is None else best[1]
