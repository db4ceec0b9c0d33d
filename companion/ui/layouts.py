"""Layouts that keep large text and long Welsh words inside the window: a row that wraps its widgets onto
further rows when it is too narrow (FlowLayout, flow_row), a page that scrolls when it is too tall, a list
beside its detail that stacks them when narrow (stack_when_narrow), each shown whole, the page scrolling, a
list kept tall in a page that scrolls (tall_in_page), and form labels that go above their fields when narrow.
Lists and tables shown whole are in whole_views.py."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QMargins, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QBoxLayout,
    QFormLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from companion.ui.whole_views import whole_height


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(QMargins(0, 0, 0, 0))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:
        """All in one row."""
        shown = [i for i in self._items if not i.isEmpty()]
        margins = self.contentsMargins()
        width = sum(i.sizeHint().width() for i in shown) + self._gap * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width + margins.left() + margins.right(), height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        """As narrow as the widest single widget."""
        size = QSize()
        for item in self._items:
            if not item.isEmpty():
                size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _place(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, row_height = area.x(), area.y(), 0
        for item in self._items:
            if item.isEmpty():
                continue
            hint = item.sizeHint()
            width = min(hint.width(), area.width())
            if x > area.x() and x + width > area.right() + 1:
                x, y, row_height = area.x(), y + row_height + self._gap, 0
            height = item.heightForWidth(width) if item.hasHeightForWidth() else hint.height()
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
            x += width + self._gap
            row_height = max(row_height, height)
        return y + row_height - rect.y() + margins.bottom()


def flow_row(*widgets: QWidget, spacing: int = 8) -> QWidget:
    """A widget holding `widgets` in a FlowLayout, for a row of buttons that may need to wrap."""
    holder = QWidget()
    layout = FlowLayout(holder, spacing)
    for widget in widgets:
        layout.addWidget(widget)
    policy = holder.sizePolicy()
    policy.setHeightForWidth(True)
    policy.setHorizontalPolicy(QSizePolicy.Policy.Preferred)
    holder.setSizePolicy(policy)
    return holder


def scrolled_page(page: QWidget) -> tuple[QWidget, QVBoxLayout]:
    """Give `page` a scroll area filling it; returns the inner widget and its column layout to fill."""
    frame = QVBoxLayout(page)
    frame.setContentsMargins(0, 0, 0, 0)
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # it follows the focus; it is not a Tab stop itself
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    content = QWidget()
    area.setWidget(content)
    frame.addWidget(area)
    return content, QVBoxLayout(content)


class _StackWhenNarrow(QObject):
    def __init__(
        self, owner: QWidget, layout: QBoxLayout, chars: int, whole_when_stacked: Sequence[QAbstractScrollArea]
    ) -> None:
        super().__init__(owner)
        self._owner, self._layout, self._chars = owner, layout, chars
        self._whole = list(whole_when_stacked)
        owner.installEventFilter(self)
        for area in self._whole:
            content = area.widget() if isinstance(area, QScrollArea) else area.viewport()
            if content is not None:
                content.installEventFilter(self)  # its content changed size: show all of it again

    def stacked(self) -> bool:
        return self._layout.direction() is QBoxLayout.Direction.TopToBottom

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._owner and kind in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            # Resized, or what it holds changed size (words set in a label): side by side may no longer fit.
            narrow = self._owner.width() < self._owner.fontMetrics().averageCharWidth() * self._chars
            wanted = QBoxLayout.Direction.TopToBottom
            if not narrow and self._owner.width() >= self._side_by_side_width():
                wanted = QBoxLayout.Direction.LeftToRight
            if self._layout.direction() is not wanted:
                self._layout.setDirection(wanted)
            self._fit_whole()
        elif kind in (QEvent.Type.LayoutRequest, QEvent.Type.Resize) and self._whole:
            self._fit_whole()
        return False

    def _side_by_side_width(self) -> int:
        """The owner's width at which every part of the row still gets its smallest width side by side (a
        scroll area counts what it holds: it cannot scroll sideways, so a narrower one would cut it off)."""
        parts = [self._layout.itemAt(i) for i in range(self._layout.count())]
        shown = [item for item in parts if item is not None and not item.isEmpty()]
        needed = sum(_smallest_width(item) for item in shown) + self._layout.spacing() * max(0, len(shown) - 1)
        margins = self._layout.contentsMargins()
        geometry = self._layout.geometry()
        around = self._owner.width() - geometry.width() if geometry.width() > 0 else 0  # the page's margins
        return needed + margins.left() + margins.right() + max(0, around)

    def _fit_whole(self) -> None:
        """Stacked, each of these areas is as tall as all it holds (the page around them scrolls instead: a
        scroll area squeezed under a list shows a sliver); side by side, each scrolls within its place."""
        for area in self._whole:
            height = whole_height(area) if self.stacked() else 0
            if area.minimumHeight() != height:
                area.setMinimumHeight(height)


READABLE_MIN_CHARS = 20  # a wrapping line of words narrower than this reads a word or two a line


def _smallest_width(item: QLayoutItem) -> int:
    widget = item.widget()
    if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
        readable = min(widget.sizeHint().width(), widget.fontMetrics().averageCharWidth() * READABLE_MIN_CHARS)
        return max(item.minimumSize().width(), readable)
    if isinstance(widget, QScrollArea) and widget.widget() is not None and widget.widgetResizable():
        content = widget.widget()
        assert content is not None
        bar = widget.verticalScrollBar().sizeHint().width()
        return content.minimumSizeHint().width() + widget.frameWidth() * 2 + bar
    return item.minimumSize().width()


def stack_when_narrow(
    owner: QWidget, layout: QBoxLayout, chars: int = 70, whole_when_stacked: Sequence[QAbstractScrollArea] = ()
) -> None:
    """A list beside its detail while `owner` is at least `chars` average characters wide, else the list above
    the detail: at large text sizes side by side leaves the detail too narrow to read.

    Stacked, the scroll areas in `whole_when_stacked` (the list, the detail's scroll area) grow to show all they
    hold, so nothing is squeezed into a sliver; put `owner` in a scrolled_page so the page scrolls then."""
    _StackWhenNarrow(owner, layout, chars, whole_when_stacked)


class _TallInPage(QObject):
    def __init__(self, widget: QWidget, share: float) -> None:
        super().__init__(widget)
        self._widget, self._share = widget, share
        self._viewport: QWidget | None = None
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._widget and kind == QEvent.Type.Show and self._viewport is None:
            parent = self._widget.parentWidget()
            while parent is not None and not isinstance(parent, QScrollArea):
                parent = parent.parentWidget()
            if parent is not None:
                self._viewport = parent.viewport()
                self._viewport.installEventFilter(self)
                self._fit()
        elif watched is self._viewport and kind == QEvent.Type.Resize:
            self._fit()
        return False

    def _fit(self) -> None:
        if self._viewport is not None:
            wanted = int(self._viewport.height() * self._share)
            if self._widget.minimumHeight() != wanted:
                self._widget.setMinimumHeight(wanted)


def tall_in_page(widget: QWidget, share: float = 0.6) -> None:
    """Keep `widget` (a list beside its detail, say) at least `share` of the height of the scrolled page it is
    in: when large text makes what is above it tall, the page scrolls and the list still shows many rows,
    rather than being squeezed into a strip at the bottom."""
    _TallInPage(widget, share)


class _LabelsAbove(QObject):
    def __init__(self, form: QFormLayout, owner: QWidget) -> None:
        super().__init__(owner)
        self._form, self._owner = form, owner
        owner.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self._arrange()
        return False

    def _arrange(self) -> None:
        form, owner = self._form, self._owner
        labels: list[QLabel] = []
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                labels.append(widget)
        widest = max((label.fontMetrics().horizontalAdvance(label.text()) for label in labels), default=0)
        room = widest + form.horizontalSpacing() + owner.fontMetrics().averageCharWidth() * 16
        above = owner.width() < room
        wanted = QFormLayout.RowWrapPolicy.WrapAllRows if above else QFormLayout.RowWrapPolicy.WrapLongRows
        if form.rowWrapPolicy() != wanted:
            form.setRowWrapPolicy(wanted)
        for label in labels:  # beside the field on one line (Qt gives a label there one line's height only)
            if label.wordWrap() != above:
                label.setWordWrap(above)


def labels_above_when_narrow(form: QFormLayout, owner: QWidget) -> None:
    """Each label beside its field while `owner` has room for the widest label and a field of 16 characters,
    else every label above its field (wrapping) and every field the whole width: a field squeezed beside a
    long Welsh label at large text showed a few letters, and a long label held the page wider than the window."""
    _LabelsAbove(form, owner)
