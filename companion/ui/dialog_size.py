"""Every dialog opens at a size that shows what it holds at the person's text size, within the screen.

A dialog sized in pixels (`resize(560, 360)`) is too small at 200 % text: Qt then squeezes its wrapped
words and fields together rather than making it taller, and a dialog whose words do not wrap grows wider than
the window. So the first time any dialog is shown (field_behaviour's style installs this for every dialog;
nothing to do in a dialog) it is made as wide as it asks for, up to nine tenths of the room, and as tall as
its words need at that width, up to the room's height; a dialog with more than that scrolls (ScrollBody).

The room is the screen's available area, or the window's if that is larger (the offscreen platform of the
tests has an 800 x 800 screen under a 1280 x 800 window).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QScrollArea, QWidget

FITTED = "companionFitted"  # a dynamic property: this dialog was sized on its first showing
ROOM_SHARE = 0.9


def room_for(dialog: QWidget) -> QSize:
    """The most a dialog may take: nine tenths of its screen, or of its window when that is larger."""
    room = QSize(1024, 768)
    screen = dialog.screen()
    if screen is not None:
        room = screen.availableGeometry().size()
    parent = dialog.parentWidget()
    if parent is not None and parent.window().isVisible():
        room = room.expandedTo(parent.window().size())
    return QSize(int(room.width() * ROOM_SHARE), int(room.height() * ROOM_SHARE))


def fit_dialog(dialog: QWidget) -> None:
    """Size `dialog` for its content at the present text size, within `room_for(dialog)`; never smaller than
    it already is (a size it was given is kept as the least it takes)."""
    # A container's cached size goes stale when text is set on its children before it is shown (Qt
    # refreshes it only from the event loop); ask every container to measure itself afresh.
    for child in dialog.findChildren(QWidget):
        if child.layout() is not None or isinstance(child, QScrollArea):
            child.updateGeometry()
    room = room_for(dialog)
    wanted = dialog.sizeHint().expandedTo(dialog.minimumSizeHint())
    if dialog.testAttribute(Qt.WidgetAttribute.WA_Resized):
        wanted = wanted.expandedTo(dialog.size())
    width = min(wanted.width(), room.width())
    height = wanted.height()
    layout = dialog.layout()
    if layout is not None and layout.hasHeightForWidth():
        height = max(height, layout.totalHeightForWidth(width))  # narrower than it asked: more lines
    dialog.resize(width, min(height, room.height()))
    _widen_for_scroll_areas(dialog, room)
    dialog.setProperty(FITTED, True)


def _widen_for_scroll_areas(dialog: QWidget, room: QSize) -> None:
    """Wider, within the room, when a scroll area inside would otherwise cut off or scroll sideways what it
    holds (its size hint says nothing of that: the check-in's rows at large text)."""
    layout = dialog.layout()
    if layout is None:
        return
    layout.activate()  # the children's sizes at the dialog's new size, now rather than later
    short = 0
    for area in dialog.findChildren(QScrollArea):
        content = area.widget()
        if content is not None and area.isVisibleTo(dialog) and area.widgetResizable():
            short = max(short, content.minimumSizeHint().width() - area.viewport().width())
    if short > 0:
        dialog.resize(min(dialog.width() + short, room.width()), dialog.height())


class _FirstShow(QObject):
    """Fits a dialog the first time it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and not watched.property(FITTED):
            fit_dialog(watched)
            watched.removeEventFilter(self)
        return False


_first_show = _FirstShow()


def watch(widget: QWidget) -> None:
    """Fit `widget` on its first showing if it is one of the app's dialogs (message boxes and file dialogs
    size themselves)."""
    kind_fits = isinstance(widget, QDialog) and not isinstance(widget, QMessageBox | QFileDialog)
    if kind_fits and not widget.property(FITTED):
        widget.installEventFilter(_first_show)
