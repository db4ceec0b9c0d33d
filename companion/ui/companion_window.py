"""The one top-level window. It only composes: the start flow (language, create, unlock, restore), the
open diary's main view, and the controllers for what outlives a screen (locking, the tray and reminders,
the pacing timer). It answers the app-wide requests of the screens (`AppActions` in ui/core/diary.py).

Unlocking creates the diary's screens; locking saves, then drops them and the data, so nothing of the
diary stays in memory while the lock screen shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QStackedWidget, QWidget

from companion import i18n
from companion.domain.save_state import SaveStatus
from companion.i18n import _
from companion.services.app_context import AppContext
from companion.services.clock import as_clock
from companion.ui import dialogs, window_size
from companion.ui.lock.lock_controller import LockController
from companion.ui.lock.start_flow import Factory, StartFlow
from companion.ui.lock.timer_strip import TimerStrip
from companion.ui.pacing.timer_controller import PacingTimerController
from companion.ui.reminders import focus_for_reminder
from companion.ui.style import apply_text_size
from companion.ui.tray_controller import TrayController
from companion.ui.widgets import Retranslatable, window_title

if TYPE_CHECKING:
    from companion.services.session import DiarySession
    from companion.ui.checkin.checkin_dialog import CheckinEditDialog
    from companion.ui.core.diary import OpenDiary
    from companion.ui.main_view import MainView


class CompanionWindow(Retranslatable, QMainWindow):
    unlocked = Signal()
    locked = Signal()

    def __init__(  # watch_os_session: the app listens to D-Bus for session locks and sleep; tests do not
        self, context: AppContext, demo_factory: Factory | None = None, *, watch_os_session: bool = False
    ) -> None:
        super().__init__()
        self.setObjectName("companionWindow")
        self.context = context
        self.open_diary: OpenDiary | None = None
        self.main_view: MainView | None = None
        self._after_unlock: str | None = None
        self.stack = QStackedWidget()
        self.start = StartFlow(context, self.stack, demo_factory)
        self.language_offer = self.start.language_offer
        self.create_view = self.start.create_view
        self.recovery_view = self.start.recovery_view
        self.unlock_view = self.start.unlock_view
        self.pacing_timer = PacingTimerController(as_clock(context.clock), self)
        self.unlock_view.add_strip(TimerStrip(self.pacing_timer))
        self.lock = LockController(self, context, watch_os_session=watch_os_session)
        self.idle, self.session_watcher = self.lock.idle, self.lock.session_watcher
        self.tray_control = TrayController(self, context, self.pacing_timer)
        self.reminders, self.reminder_notice = self.tray_control.reminders, self.tray_control.notice
        self.setCentralWidget(self.reminder_notice.above(self.stack))

        self.start.opened.connect(self._on_start_opened)
        self.start.language_chosen.connect(self.switch_language)
        self.lock.about_to_lock.connect(lambda _diary: self.tray_control.set_diary(None))
        self.lock.locked.connect(self._on_lock_locked)
        self.tray_control.reminder_opened.connect(self.open_reminder)
        self.tray_control.show_requested.connect(self.show_from_tray)
        self.tray_control.quit_requested.connect(self._on_tray_quit_requested)
        window_size.keep(self, context)  # the size it was last closed at, remembered at every close
        self.retranslate_ui()
        self.start.begin()

    # --- what tests and the app read ------------------------------------------------------------------

    @property
    def session(self) -> DiarySession | None:
        return self.open_diary.session if self.open_diary is not None else None

    @property
    def tray(self) -> object:
        return self.tray_control.tray

    @property
    def tray_available(self) -> object:
        return self.tray_control.available

    @tray_available.setter
    def tray_available(self, value: object) -> None:
        self.tray_control.available = value  # type: ignore[assignment]
        self.tray_control.update()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(window_title(_("DEMO") if self.context.demo else ""))

    # --- opening and locking --------------------------------------------------------------------------

    def _on_start_opened(self, session: DiarySession, recovered: bool) -> None:
        from companion.ui.core.diary import OpenDiary  # the diary's screens load at the first unlock
        from companion.ui.main_view import MainView

        diary = OpenDiary(self.context, session, self, self.pacing_timer)
        self.open_diary = diary
        self.pacing_timer.attach(diary)
        self.main_view = MainView(diary)
        self.main_view.lock_requested.connect(self.lock_now)
        self.stack.addWidget(self.main_view)
        self.stack.setCurrentWidget(self.main_view)
        self.tray_control.set_diary(diary)
        self.lock.watch(diary)
        self.main_view.today.picker.buttons[0].setFocus()
        drafts = session.diary.take_draft()
        if drafts:
            diary.restore_drafts(drafts)  # type: ignore[arg-type]
        if (notice := session.store.rollback_notice) is not None:  # an older copy than last time: said once
            dialogs.show_message(self, _("An older copy of your diary"), notice)
        if self._after_unlock is not None:
            self.open_reminder(self._after_unlock)
        self.unlocked.emit()
        if recovered:
            self.change_passphrase(after_recovery=True)

    def lock_now(self) -> bool:
        """Save, drop the diary from memory, show the lock screen. False if saving failed."""
        return self.lock.lock()

    def _on_lock_locked(self) -> None:
        self.open_diary = None
        if self.main_view is not None:
            self.stack.removeWidget(self.main_view)
            self.main_view.deleteLater()
            self.main_view = None
        self.start.show_lock_screen()
        self.locked.emit()

    def open_edit_dialog(self, entry_id: str) -> CheckinEditDialog | None:
        from companion.ui.checkin.checkin_dialog import CheckinEditDialog

        if self.open_diary is None:
            return None
        return CheckinEditDialog.open_for(self.open_diary, entry_id, self)

    # --- AppActions: what the screens ask of the app --------------------------------------------------

    def switch_language(self, lang: str) -> None:
        """Switch live: Qt sends LanguageChange to every widget, each retranslates itself."""
        i18n.set_language(lang)
        self.context.update_settings(language=lang)
        self.unlock_view.retranslate_ui()

    def set_text_size(self, size: int) -> None:
        self.context.update_settings(font_point_size=size)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_text_size(app, size)

    def set_auto_lock(self, minutes: int) -> None:
        self.context.update_settings(auto_lock_minutes=minutes)
        self.lock.set_minutes(minutes)

    def reminders_changed(self, changes: dict[str, object]) -> None:
        self.context.update_settings(**changes)
        self.tray_control.plan_changed()

    def change_passphrase(self, *, after_recovery: bool = False) -> QDialog | None:
        from companion.ui.settings.change_passphrase_flow import open_change_passphrase

        if self.open_diary is None:
            return None
        diary = self.open_diary
        return open_change_passphrase(self, diary.session, diary.context.kdf_factory, after_recovery=after_recovery)

    open_change_passphrase = change_passphrase

    def move_diary(self) -> None:
        """Move the diary and its backups to a folder the person chooses (a synced folder, say)."""
        from companion.ui.settings.move_diary import move_diary

        if self.open_diary is not None:
            move_diary(self.open_diary, self)

    def open_flare_mode(self) -> None:
        if self.main_view is not None:
            self.main_view.open_flare_mode()

    # --- reminders and the tray -------------------------------------------------------------------------

    def open_reminder(self, kind: str) -> None:
        """Go where the reminder points (Today's check-in or weekly questions); after unlocking if locked."""
        self.reminder_notice.clear()
        self.show_from_tray()
        if self.main_view is None:
            self._after_unlock = kind
            if self.stack.currentWidget() is self.unlock_view:
                self.unlock_view.secret.setFocus()
            return
        self._after_unlock = None
        self.main_view.show_page("today")
        focus_for_reminder(self.main_view.today, kind)

    def show_from_tray(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()

    def _on_tray_quit_requested(self) -> None:
        self.tray_control.drop()
        self.show()
        self.close()

    # --- closing ----------------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.tray_control.keep_timing_in_tray():
            event.ignore()  # the pacing timer keeps going in the tray; its menu shows the window or stops it
            self.hide()
            return
        if self.open_diary is not None and self.pacing_timer.running:
            self.pacing_timer.stop()  # quitting: the time done is logged while the diary is still open
        if self.open_diary is not None and not self.lock_now():
            event.ignore()
            if self.open_diary is not None and self.open_diary.save_state.status is SaveStatus.FAILED:
                QTimer.singleShot(0, self, self._ask_quit_without_saving)
            return
        self.tray_control.drop()
        super().closeEvent(event)

    def _ask_quit_without_saving(self) -> None:
        from companion.ui.core.quit_dialog import ask_quit_with_failed_save

        if self.open_diary is not None:
            ask_quit_with_failed_save(self.open_diary, self, self._quit_losing_changes)

    def _quit_losing_changes(self) -> None:
        """The person chose to quit although the last changes are not on disk (said plainly first)."""
        diary, self.open_diary = self.open_diary, None
        if diary is not None:
            diary.detach()
            diary.session.discard()  # closes without saving: the person chose to lose the last changes
        self.tray_control.drop()
        self.close()


def window_for(widget: QWidget) -> CompanionWindow | None:
    top = widget.window()
    return top if isinstance(top, CompanionWindow) else None
