"""The system tray icon: keeps the pacing timer going while the window is closed, shows its prompts,
and shows the gentle reminders the person asked for.

It exists only while a timer runs or reminders are switched on, and only where the desktop has a tray
(`available()`); elsewhere the window stays open and prompts and reminders show in the window alone.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QIcon
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QSystemTrayIcon, QWidget

from companion.i18n import _
from companion.ui.widgets import Retranslatable


def available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class CompanionTray(Retranslatable, QSystemTrayIcon):
    show_requested = Signal()
    stop_timer_requested = Signal()
    quit_requested = Signal()
    reminder_clicked = Signal(str)  # a reminder's message was clicked: its kind

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        app = QApplication.instance()
        icon = app.windowIcon() if isinstance(app, QApplication) else QIcon()
        if icon.isNull():
            icon = parent.style().standardIcon(QStyle.StandardPixmap.SP_ComputerIcon)
        self.setIcon(icon)
        self.menu = QMenu(parent)
        self.show_action = QAction(self.menu)
        self.stop_action = QAction(self.menu)
        self.quit_action = QAction(self.menu)
        for action in (self.show_action, self.stop_action, self.quit_action):
            self.menu.addAction(action)
        self.setContextMenu(self.menu)
        self.show_action.triggered.connect(self.show_requested)
        self.stop_action.triggered.connect(self.stop_timer_requested)
        self.quit_action.triggered.connect(self.quit_requested)
        self.activated.connect(self._on_activated)
        self.messageClicked.connect(self._on_message_clicked)
        self.messages: list[str] = []  # what was shown, newest last (read by tests)
        self.timer_running = False
        self.last_reminder: str | None = None  # the reminder kind of the newest message, if it was one
        self.retranslate_ui()

    def set_timer_running(self, running: bool) -> None:
        """The stop action and the "timer running" tooltip only while the pacing timer runs."""
        self.timer_running = running
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setToolTip(_("Companion: pacing timer running") if self.timer_running else _("Companion"))
        self.stop_action.setVisible(self.timer_running)
        self.show_action.setText(_("Show Companion"))
        self.stop_action.setText(_("Stop the timer and log the time"))
        self.quit_action.setText(_("Lock and quit Companion"))

    def notify(self, text: str, reminder: str | None = None) -> None:
        """Show a message; `reminder` (a reminder kind) says where clicking it should lead."""
        self.messages.append(text)
        self.last_reminder = reminder
        self.showMessage(_("Companion"), text, QSystemTrayIcon.MessageIcon.Information, 15000)

    def _on_message_clicked(self) -> None:
        if self.last_reminder:
            self.reminder_clicked.emit(self.last_reminder)
        else:
            self.show_requested.emit()

    def _on_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.show_requested.emit()
