"""What large text and long Welsh words must never do to a screen, measured on the widgets: tab titles cut or
scrolled out of sight, a list scrolling inside a scrolling page, a page scrolling sideways, a dialog larger
than the window it belongs to. Used by the walks over every screen (tests/gui/test_layout_walk.py)."""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QDialog, QScrollArea, QTabBar, QWidget

from companion.ui.wrapping import WrappingTabBar


def cut_tabs(root: QWidget) -> list[str]:
    """Tab bars under `root` whose titles do not all show whole: scroll arrows in use, or a tab narrower or
    shorter than its title needs."""
    found = []
    for bar in root.findChildren(QTabBar):
        if not bar.isVisible():
            continue
        if bar.usesScrollButtons() and bar.tabRect(bar.count() - 1).right() > bar.width():
            found.append(f"{bar.objectName() or type(bar.parentWidget()).__name__}: tabs scroll out of sight")
        for index in range(bar.count()):
            rect, hint = bar.tabRect(index), bar.tabSizeHint(index)
            if rect.width() + 1 < hint.width() or rect.height() + 1 < hint.height():
                found.append(
                    f"tab {bar.tabText(index)!r}: {rect.width()}x{rect.height()} < {hint.width()}x{hint.height()}"
                )
        if isinstance(bar, WrappingTabBar):
            for index in range(bar.count()):
                font = bar.font()
                font.setBold(index == bar.currentIndex())  # the chosen tab's title is bold
                metrics = QFontMetrics(font)
                widest = max(metrics.horizontalAdvance(line) for line in bar.shown_lines(index))
                if widest > bar.tabRect(index).width():
                    found.append(f"tab {bar.tabText(index)!r}: a line is wider than its tab")
    return found


def _scrolls(area: QAbstractScrollArea) -> bool:
    return area.verticalScrollBar().isVisible() and area.verticalScrollBar().maximum() > 0


def nested_scrolling(root: QWidget, allowed: tuple[str, ...] = ()) -> list[str]:
    """Lists, tables and trees that scroll up and down inside a page that scrolls too (the wheel moves one or
    the other, and at large text the inner one shows a row or two). `allowed` names the ones meant to: a long
    list beside its detail that the page keeps tall (the Diary's days)."""
    found = []
    for view in root.findChildren(QAbstractItemView):
        if not view.isVisible() or not _scrolls(view) or view.objectName() in allowed:
            continue
        parent = view.parentWidget()
        while parent is not None and parent is not root.window():
            if isinstance(parent, QScrollArea) and _scrolls(parent):
                found.append(
                    f"{type(view).__name__}#{view.objectName()} scrolls inside {parent.objectName() or 'a page'}"
                )
                break
            parent = parent.parentWidget()
    return found


def sideways_pages(root: QWidget, allowed: tuple[str, ...] = ()) -> list[str]:
    """Scroll areas of pages (not lists or tables) showing a sideways scroll bar."""
    return [
        f"{type(area).__name__}#{area.objectName()}"
        for area in root.findChildren(QScrollArea)
        if area.isVisible() and area.horizontalScrollBar().isVisible() and area.objectName() not in allowed
    ]


def outside_window(dialog: QWidget, window: QWidget) -> list[str]:
    """A dialog wider or taller than the window it belongs to (a window-modal dialog should fit over it)."""
    if not isinstance(dialog, QDialog):
        return []
    if dialog.width() > window.width() or dialog.height() > window.height():
        return [f"{dialog.objectName()}: {dialog.width()}x{dialog.height()} > {window.width()}x{window.height()}"]
    return []
