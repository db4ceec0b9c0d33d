"""Lists and tables shown whole inside a scrolling page: as tall as all their rows (grow_with_rows,
whole_height) rather than scrolling on their own, and a stack of pages as tall as the one it shows (PageStack)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QListView,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QTreeView,
    QVBoxLayout,
    QWidget,
)


def _rows(view: QAbstractItemView, parent: QModelIndex) -> list[QModelIndex]:
    """Every row shown in `view` under `parent`, in order: a tree's open branches too."""
    model = view.model()
    found: list[QModelIndex] = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        if isinstance(view, QTreeView) and view.isRowHidden(row, parent):
            continue
        found.append(index)
        if isinstance(view, QTreeView) and view.isExpanded(index):
            found.extend(_rows(view, index))
    return found


def whole_height(area: QAbstractScrollArea) -> int:
    """The height at which `area` shows everything it holds without scrolling, at its present width."""
    frame = area.frameWidth() * 2
    if isinstance(area, QScrollArea):
        content = area.widget()
        if content is None:
            return 0
        width = area.viewport().width()
        wanted = content.heightForWidth(width) if content.hasHeightForWidth() else -1
        return max(wanted, content.minimumSizeHint().height(), content.sizeHint().height()) + frame
    if isinstance(area, QAbstractItemView) and area.model() is not None:
        spacing = area.spacing() * 2 if isinstance(area, QListView) else 0
        header = 0
        if isinstance(area, QTableView):
            header = area.horizontalHeader().height() if area.horizontalHeader().isVisible() else 0
        elif isinstance(area, QTreeView) and not area.isHeaderHidden():
            header = area.header().height()
        sideways = area.horizontalScrollBar()
        bar = sideways.sizeHint().height() if sideways.isVisible() else 0
        # The rows as laid out (wrapped words and all), not their one-line size hints.
        rows = (area.visualRect(index).height() for index in _rows(area, QModelIndex()))
        return sum(height + spacing for height in rows) + frame + header + bar
    return area.sizeHint().height()


class _GrowWithRows(QObject):
    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        policy = view.sizePolicy()
        policy.setVerticalPolicy(QSizePolicy.Policy.Fixed)
        view.setSizePolicy(policy)
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)
        view.horizontalScrollBar().installEventFilter(self)  # shown or hidden: the rows have more or less room
        model = view.model()
        if model is not None:
            for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.layoutChanged):
                signal.connect(self.fit)
            model.dataChanged.connect(self.fit)  # new words may wrap onto more lines
        if isinstance(view, QTreeView):
            view.expanded.connect(self.fit)
            view.collapsed.connect(self.fit)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.Hide, QEvent.Type.FontChange):
            self.fit()
        return False

    def fit(self, *_args: object) -> None:
        view = self._view
        if not shiboken6.isValid(view):
            return  # the model tells of its rows going as the view itself is being deleted
        if not view.isVisible():
            return  # measured when shown (the Show event): rows filled while hidden were measured once each
        if isinstance(view, QListView):
            view.doItemsLayout()  # the rows' wrapped heights at the present width, before they are measured
        elif isinstance(view, QTableView) and view.wordWrap():
            view.resizeRowsToContents()  # each row as tall as its wrapped words at the columns' present widths
        height = max(whole_height(view), view.fontMetrics().height() + 2 * view.frameWidth())
        if view.height() != height or view.minimumHeight() != height:
            view.setFixedHeight(height)


def grow_with_rows(view: QAbstractItemView) -> None:
    """Show every row of `view` (a list, table or tree): it is as tall as its rows and never scrolls up and
    down inside the page, which scrolls instead. A list inside a scrolling page that scrolls on its own is
    hard to use: the wheel moves one or the other, and at large text it shows a row or two."""
    _GrowWithRows(view)


class PageStack(QWidget):
    """One of its pages at a time, as tall as that page (QStackedWidget is as tall as its tallest page, even
    for a height that depends on the width, so a short page shows with a gap under it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._column = QVBoxLayout(self)
        self._column.setContentsMargins(0, 0, 0, 0)
        self._pages: list[QWidget] = []
        self._current = -1

    def addWidget(self, page: QWidget) -> int:
        self._pages.append(page)
        self._column.addWidget(page)
        self._current = max(self._current, 0)
        page.setVisible(len(self._pages) - 1 == self._current)
        return len(self._pages) - 1

    def count(self) -> int:
        return len(self._pages)

    def widget(self, index: int) -> QWidget:
        return self._pages[index]

    def currentIndex(self) -> int:
        return self._current

    def currentWidget(self) -> QWidget | None:
        return self._pages[self._current] if 0 <= self._current < len(self._pages) else None

    def setCurrentIndex(self, index: int) -> None:
        self._current = index
        for number, page in enumerate(self._pages):
            page.setVisible(number == index)
