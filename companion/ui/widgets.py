"""Small shared building blocks: retranslation on LanguageChange, labelled headings, window titles, busy work."""

from __future__ import annotations

import gc
import itertools
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import QEvent, QEventLoop, QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleEvent, QGuiApplication
from PySide6.QtWidgets import QLabel, QWidget

from companion.i18n import _

T = TypeVar("T")


class Retranslatable:
    """Mixin: calls retranslate_ui() whenever Qt announces a language change."""

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)  # type: ignore[misc]


def label(role: str = "", *, wrap: bool = True, selectable: bool = False) -> QLabel:
    widget = QLabel()
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    if selectable:
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


def window_title(title: str = "") -> str:
    """Every window's title: what it is, then the app's name in the interface language ("Argraffu'r crynodeb —
    Cydymaith"), or the name alone. It ends with Qt's application display name (which the Qt bridge keeps
    translated), so Qt does not add the name a second time where the platform appends it (X11, Windows)."""
    app = _("Companion")
    return _("{title} — {app}").format(title=title, app=app) if title else app


_busy = 0  # run_busy calls under way (they nest: each runs an event loop of its own)
_after_busy: list[Callable[[], object]] = []


def is_busy() -> bool:
    return _busy > 0


def after_busy(then: Callable[[], object]) -> None:
    """Call `then` once no run_busy work is under way (at once if none is). Locking waits this way for a
    document being built, so the diary never closes under it."""
    if _busy == 0:
        then()
    else:
        _after_busy.append(then)


def _busy_ended() -> None:
    global _busy
    _busy -= 1
    if _busy == 0:
        waiting = list(_after_busy)
        _after_busy.clear()
        for then in waiting:
            QTimer.singleShot(0, then)  # after run_busy has returned its value to its caller


def busy_note(widget: QWidget, message: str) -> QLabel:
    """`message` in large type over the middle of `widget` (which is greyed out while it waits), so a wait of
    a few seconds says what is happening; a screen reader hears it as an alert."""
    window = widget.window()
    note = label("busy")
    note.setObjectName("busyNote")
    note.setParent(window)
    note.setText(message)
    note.setAccessibleName(message)
    note.setAlignment(Qt.AlignmentFlag.AlignCenter)
    note.ensurePolished()  # the style sheet's size and padding, before measuring
    area = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()) if widget is not window else window.rect()
    one_line = note.fontMetrics().horizontalAdvance(message) + note.contentsMargins().left() * 2 + 8
    width = max(120, min(area.width() - 48, one_line))
    note.resize(width, max(note.heightForWidth(width), note.sizeHint().height()))
    note.move(area.center() - note.rect().center())
    note.show()
    note.raise_()
    QAccessible.updateAccessibility(QAccessibleEvent(note, QAccessible.Event.Alert))
    return note


def run_busy(widget: QWidget, work: Callable[[], T], message: str = "") -> T:
    """Run a slow step (key derivation, opening the diary) off the GUI thread while the window keeps
    painting; `widget` is disabled and the cursor shows work until it is done, with `message` (what is
    happening, "Opening your diary…") over it. Exceptions are re-raised here, on the GUI thread. Argon2id
    releases the GIL, so the interface stays responsive."""
    global _busy
    _busy += 1
    outcome: dict[str, object] = {}
    done = threading.Event()

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as exc:  # handed back to the GUI thread below
            outcome["error"] = exc
        finally:
            done.set()

    widget.setEnabled(False)
    note = busy_note(widget, message) if message else None
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    loop = QEventLoop()
    poll = QTimer()
    poll.setInterval(15)

    def check() -> None:
        if done.is_set():
            loop.quit()

    poll.timeout.connect(check)
    worker = threading.Thread(target=target, name="companion-busy", daemon=True)
    # Python's cyclic garbage collector runs in whichever thread happens to allocate. If it ran in the
    # worker it could destroy Qt objects off the GUI thread, which crashes Qt. Pause it meanwhile;
    # reference counting still frees memory as usual.
    collecting = gc.isenabled()
    gc.disable()
    try:
        worker.start()
        poll.start()
        if not done.is_set():
            loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        worker.join()
    finally:
        if collecting:
            gc.enable()
        poll.stop()
        QGuiApplication.restoreOverrideCursor()
        if note is not None:
            note.hide()
            note.deleteLater()
        widget.setEnabled(True)
        _busy_ended()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def set_tab_order(widgets: Sequence[QWidget]) -> None:
    """Tab goes from each widget to the next, in the order given."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)
