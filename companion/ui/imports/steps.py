"""What the wizard's steps share: a step that scrolls rather than squeezes, a dialog sized to its window, and
saving everything before an import or an undo takes its backup."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from companion.i18n import N_
from companion.ui.core.diary import OpenDiary

NOT_SAVED_FIRST = N_(
    "Your latest changes could not be saved to disk, so no backup could be made first. Nothing was changed."
)


def after_answer(context: QObject, then: Callable[[], None]) -> Callable[[], None]:
    """`then`, run once the message box that asked has finished closing: slow work (run_busy turns the event
    loop) must not run inside the box's own `finished` signal, where the box may be deleted under it."""
    return lambda: QTimer.singleShot(0, context, then)


def saved_first(diary: OpenDiary) -> bool:
    """Make every change so far durable before an import or an undo, so the backup it takes first holds all of
    it (saves run in the background). False when that failed: the save banner says why."""
    return not diary.flush().failed


def fit_in_window(dialog: QWidget) -> None:
    """As big as its content wants and at least four fifths of the window it belongs to, never bigger than it:
    a dialog that scrolls inside itself, so 200 % text or a small screen never pushes its buttons away."""
    owner = dialog.parentWidget()
    screen = dialog.screen()
    room = owner.window().size() if owner is not None else screen.availableGeometry().size()
    hint = dialog.sizeHint().expandedTo(dialog.minimumSizeHint())
    width = min(max(hint.width(), room.width() * 4 // 5), room.width() - 16)
    height = min(max(hint.height(), room.height() * 4 // 5), room.height() - 16)
    dialog.resize(max(width, 320), max(height, 320))


def scrolling(content: QWidget) -> tuple[QScrollArea, QVBoxLayout]:
    """A step's body: it scrolls up and down at large text sizes, never sideways (words wrap instead)."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(content)
    layout = QVBoxLayout(content)
    layout.setContentsMargins(0, 0, 8, 0)
    return area, layout
