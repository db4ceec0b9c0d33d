"""The one top-level window: first run, lock screen and the diary, and the moves between them.

Unlocking creates the diary's screens; locking saves, then drops them and the data, so nothing of the
diary stays in memory while the lock screen shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QStackedWidget, QWidget

from companion import i18n
from companion.domain.errors import (
    CompanionError,
    DamagedVaultError,
    SaveFailedError,
    VaultError,
)
from companion.i18n import _
from companion.services import diary_files
from companion.services.app_context import AppContext
from companion.ui import dialogs, tray
from companion.ui.first_run.language_view import LanguageOfferView
from companion.ui.first_run.passphrase_view import CreatePassphraseView
from companion.ui.first_run.recovery_view import RecoveryKeyView
from companion.ui.idle_watcher import IdleWatcher
from companion.ui.lock.unlock_view import RECOVERY, UnlockView
from companion.ui.reminders import ReminderNotice, ReminderScheduler, focus_for_reminder, reminder_text
from companion.ui.session_watcher import SessionWatcher
from companion.ui.style import apply_text_size
from companion.ui.tray import CompanionTray
from companion.ui.widgets import Retranslatable, run_busy

if TYPE_CHECKING:
    from companion.services.session import DiarySession
    from companion.ui.checkin.checkin_dialog import CheckinEditDialog
    from companion.ui.main_view import MainView

Factory = Callable[[], "DiarySession"]


class CompanionWindow(Retranslatable, QMainWindow):
    unlocked = Signal()
    locked = Signal()

    def __init__(  # watch_os_session: the app listens to D-Bus for session locks and sleep; tests do not
        self, context: AppContext, demo_factory: Factory | None = None, *, watch_os_session: bool = False
    ) -> None:
        super().__init__()
        self.setObjectName("companionWindow")
        self.context = context
        self.session: DiarySession | None = None
        self.main_view: MainView | None = None
        self._demo_factory = demo_factory
        self.stack = QStackedWidget()
        self.reminder_notice = ReminderNotice()
        self.setCentralWidget(self.reminder_notice.above(self.stack))
        self.language_offer = LanguageOfferView()
        self.create_view = CreatePassphraseView()
        self.recovery_view = RecoveryKeyView(context.clock)
        self.unlock_view = UnlockView(demo=context.demo)
        for page in (self.language_offer, self.create_view, self.recovery_view, self.unlock_view):
            self.stack.addWidget(page)
        self.idle = IdleWatcher(self, context.settings.auto_lock_minutes)
        self.idle.idle.connect(self._on_idle_idle)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.idle)
        self.tray: CompanionTray | None = None
        self.tray_available: Callable[[], bool] = tray.available  # tests may pretend a tray exists
        self.lock_shortcut = QShortcut(QKeySequence("Ctrl+L"), self, self.lock_now)
        self.lock_shortcut.setEnabled(False)
        self._known_checkin_day: dt.date | None = None  # reminders: two facts kept over a lock, dates only
        self._known_peg_next_due: dt.date | None = None
        self._after_unlock: str | None = None
        self.reminders = ReminderScheduler(self, context, self._reminder_facts)
        self.reminders.reminder_due.connect(self._on_reminder_due)
        self.reminder_notice.open_requested.connect(self.open_reminder)
        self.session_watcher = SessionWatcher(self, context.clock, self.idle.minutes, detect_sleep=watch_os_session)
        self.session_watcher.lock_requested.connect(lambda _why: self._on_idle_idle())
        if watch_os_session:
            self.session_watcher.start_os_signals()
        self._update_tray()

        self.language_offer.language_chosen.connect(self._on_language_offer_chosen)
        self.create_view.passphrase_chosen.connect(self._on_create_passphrase_chosen)
        self.create_view.back_requested.connect(lambda: self.stack.setCurrentWidget(self.language_offer))
        self.recovery_view.confirmed.connect(self._on_recovery_confirmed)
        self.unlock_view.unlock_requested.connect(self._on_unlock_requested)
        self.unlock_view.language_switched.connect(self.switch_language)
        self.unlock_view.restore_requested.connect(self._on_restore_requested)
        self.unlock_view.restore_newest_requested.connect(self._on_restore_newest_requested)
        self.resize(1000, 720)
        self.retranslate_ui()
        self._start()

    # --- start and language ---------------------------------------------------------------------------

    def _start(self) -> None:
        if self.context.settings.language is None:
            self.stack.setCurrentWidget(self.language_offer)
            return
        i18n.set_language(self.context.settings.language)
        self._after_language()

    def _after_language(self) -> None:
        if self._demo_factory is not None:
            factory, self._demo_factory = self._demo_factory, None
            self._enter_diary(run_busy(self.language_offer, factory))
        elif self.context.has_diary:
            self.show_lock_screen()
        else:
            self.stack.setCurrentWidget(self.create_view)

    def _on_language_offer_chosen(self, lang: str) -> None:
        self.switch_language(lang)
        self._after_language()

    def switch_language(self, lang: str) -> None:
        """Switch live: Qt sends LanguageChange to every widget, each retranslates itself."""
        i18n.set_language(lang)
        self.context.update_settings(language=lang)
        self.unlock_view.retranslate_ui()

    def retranslate_ui(self) -> None:
        title = _("Companion")
        self.setWindowTitle(_("{app} — DEMO").format(app=title) if self.context.demo else title)

    # --- creating ---------------------------------------------------------------------------------------

    def _on_create_passphrase_chosen(self, passphrase: str) -> None:
        from companion.services.session import DiarySession  # the database layer loads when first needed

        def create() -> tuple[DiarySession, str]:
            context = self.context
            return DiarySession.create(context.vault_path, passphrase, context.kdf_factory(), context.clock)

        try:
            session, recovery = run_busy(self.create_view, create)
        except CompanionError as exc:
            self.create_view.show_error(exc.message())
            return
        self.create_view.fields.clear()
        self.create_view.error.hide()
        self.session = session
        self.recovery_view.set_key(recovery)
        self.stack.setCurrentWidget(self.recovery_view)

    def _on_recovery_confirmed(self) -> None:
        assert self.session is not None
        session, self.session = self.session, None
        self._enter_diary(session)

    # --- unlocking --------------------------------------------------------------------------------------

    def show_lock_screen(self) -> None:
        self.unlock_view.reset()
        self.stack.setCurrentWidget(self.unlock_view)
        self.unlock_view.secret.setFocus()

    def _on_unlock_requested(self, mode: str, secret: str) -> None:
        kwargs: dict[str, Any] = {"recovery_key": secret} if mode == RECOVERY else {"passphrase": secret}

        from companion.services.session import DiarySession  # the database layer loads when first needed

        def unlock() -> DiarySession:
            return DiarySession.open(self.context.vault_path, **kwargs, clock=self.context.clock)

        try:
            session = run_busy(self.unlock_view, unlock)
        except DamagedVaultError as exc:
            has_backup = diary_files.newest_good_backup(self.context.vault_path) is not None
            self.unlock_view.show_error(exc.message(), offer_restore=has_backup)
            return
        except CompanionError as exc:
            self.unlock_view.show_error(exc.message())
            return
        self._enter_diary(session)
        if mode == RECOVERY:
            self._offer_new_passphrase_after_recovery()

    def _enter_diary(self, session: DiarySession) -> None:
        self.session = session
        self.unlock_view.reset()
        from companion.ui.main_view import MainView  # not needed for the lock screen: loaded on first unlock

        self.main_view = MainView(self.context, session)
        self.main_view.lock_requested.connect(self.lock_now)
        self.main_view.retry_save_requested.connect(self.retry_save)
        for key, page in self.main_view.built_pages().items():
            self._connect_page(key, page)
        self.main_view.page_built.connect(self._connect_page)  # the other sections are built when first shown
        self.main_view.flare_mode.save_failed.connect(self._on_save_failed)  # flare mode
        self.stack.addWidget(self.main_view)
        self.stack.setCurrentWidget(self.main_view)
        self.lock_shortcut.setEnabled(True)
        self.idle.start()
        self.session_watcher.start()
        self.main_view.today.picker.buttons[0].setFocus()
        self._restore_unsaved_work(session)
        if self._after_unlock is not None:
            self.open_reminder(self._after_unlock)
        self.unlocked.emit()

    def _connect_page(self, key: str, page: QWidget) -> None:
        """Wire a section of the diary to the window as it is built (Today at unlock, the rest when first shown)."""
        save_failed = getattr(page, "save_failed", None)
        if save_failed is not None:
            save_failed.connect(self._on_save_failed)
        main = self.main_view
        assert main is not None
        if key == "today":
            main.today.measures_banner.save_failed.connect(self._on_save_failed)
            main.today.pacing.rest_prompt.connect(self._on_pacing_prompt)
            main.today.pacing.timer_running_changed.connect(self._on_timer_running_changed)
        elif key == "diary":
            main.diary.edit_requested.connect(self.open_edit_dialog)
        elif key == "settings":
            main.data_section.save_failed.connect(self._on_save_failed)
            main.settings.language_selected.connect(self.switch_language)
            main.settings.text_size_selected.connect(self._on_text_size_selected)
            main.settings.auto_lock_selected.connect(self._on_auto_lock_selected)
            main.settings.change_passphrase_requested.connect(self.open_change_passphrase)
            main.settings.move_requested.connect(self.move_diary)
            main.settings.reminders_changed.connect(self._on_reminders_changed)

    # --- locking ----------------------------------------------------------------------------------------

    def lock_now(self) -> bool:
        """Save, drop the diary from memory, show the lock screen. False if saving failed."""
        if self.session is None:
            return True
        try:
            draft = self._keep_unsaved_work()
            if draft:
                self.session.diary.save_draft(draft)
            for dialog in self.findChildren(QDialog):
                if dialog.isVisible():
                    dialog.reject()
            self._reminder_facts(self.session.diary.today())
            self.session.close()
        except SaveFailedError as exc:
            self._on_save_failed(exc)
            return False
        except VaultError as exc:
            dialogs.show_error(self, exc.message())
            return False
        self.session = None
        self.idle.stop()
        self.session_watcher.stop()
        self.lock_shortcut.setEnabled(False)
        if self.main_view is not None:
            self.stack.removeWidget(self.main_view)
            self.main_view.deleteLater()
            self.main_view = None
        self.show_lock_screen()
        self.locked.emit()
        return True

    def _keep_unsaved_work(self) -> dict[str, object]:
        """Nothing typed is dropped by a lock: an open edit is saved if it can be, else kept as a draft,
        and an unfinished check-in on Today is kept as a draft; both come back after unlocking."""
        from companion.ui.checkin.checkin_dialog import CheckinEditDialog

        draft: dict[str, object] = {}
        for dialog in self.findChildren(CheckinEditDialog):
            if dialog.isVisible() and dialog.has_changes() and not dialog.apply():
                draft["edit"] = dialog.draft_state()
        if self.main_view is not None:
            today = self.main_view.today.draft_state()
            if today:
                draft["today"] = today
            # A flare review being written, or an edited plan, is saved as it stands.
            review = self.main_view.flare_mode.review
            if review.episode_id is not None and any(text.strip() for text in review.texts()):
                review.save()
            if self.main_view.built("plan") is not None and self.main_view.plan.has_changes():
                self.main_view.plan.save()
            if self.main_view.built("goals") is not None and self.main_view.goals.what_matters.has_changes():
                self.main_view.goals.what_matters.save_words()
            # A running pacing timer stops and its time is logged; Today says so after unlocking.
            timer = self.main_view.today.pacing.stop_for_lock()
            if timer:
                draft["pacing_timer"] = timer
        return draft

    def _restore_unsaved_work(self, session: DiarySession) -> None:
        draft = session.diary.take_draft()
        if not draft or self.main_view is None:
            return
        timer = draft.get("pacing_timer")
        if isinstance(timer, dict):
            self.main_view.today.pacing.show_after_lock(timer)
        today = draft.get("today")
        if isinstance(today, dict):
            self.main_view.today.load_draft(today)
        edit = draft.get("edit")
        if isinstance(edit, dict):
            entry = session.diary.get(str(edit.get("edit_of")))
            if entry is not None:
                dialog = self.open_edit_dialog(entry.id)
                if dialog is not None:
                    dialog.form.load_draft(edit)

    def open_edit_dialog(self, entry_id: str) -> CheckinEditDialog | None:
        from companion.ui.checkin.checkin_dialog import CheckinEditDialog

        if self.session is None:
            return None
        entry = self.session.diary.get(entry_id)
        if entry is None:
            return None
        dialog = CheckinEditDialog(self.session, entry, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.saved.connect(lambda _entry: self._refresh_screens())
        dialog.save_failed.connect(self._on_save_failed)
        dialog.open()
        return dialog

    def _refresh_screens(self) -> None:
        if self.main_view is not None:
            self.main_view.refresh_all()

    def _on_idle_idle(self) -> None:
        if self.session is not None:
            self.lock_now()

    # --- saving problems --------------------------------------------------------------------------------

    def _on_save_failed(self, exc: SaveFailedError) -> None:
        if self.main_view is not None:
            self.main_view.set_unsaved(True)

        def answered(button: dialogs.Button) -> None:
            if button == dialogs.Button.Retry:
                self.retry_save()

        dialogs.ask_retry(self, exc.message(), answered)

    def retry_save(self) -> None:
        if self.session is None:
            return
        try:
            self.session.retry_save()
        except SaveFailedError as exc:
            self._on_save_failed(exc)
            return
        except VaultError as exc:
            dialogs.show_error(self, exc.message())
            return
        if self.main_view is not None:
            self.main_view.set_unsaved(False)
            self.main_view.today.status.setText(_("Saved."))

    # --- settings ---------------------------------------------------------------------------------------

    def _on_text_size_selected(self, size: int) -> None:
        self.context.update_settings(font_point_size=size)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_text_size(app, size)

    def _on_auto_lock_selected(self, minutes: int) -> None:
        self.context.update_settings(auto_lock_minutes=minutes)
        self.idle.set_minutes(minutes)
        self.session_watcher.set_limit_minutes(minutes)

    def open_change_passphrase(self, *, after_recovery: bool = False) -> QDialog:
        from companion.ui.settings.change_passphrase_dialog import ChangePassphraseDialog

        dialog = ChangePassphraseDialog(self, ask_current=not after_recovery)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            if self.session is None:
                return
            session = self.session
            current = dialog.current.text()
            new = dialog.fields.value()

            def change() -> bool:
                if after_recovery:
                    session.store.change_passphrase(new, self.context.kdf_factory())
                    return True
                return session.change_passphrase(current, new, self.context.kdf_factory())

            try:
                changed = run_busy(dialog, change)
            except CompanionError as exc:
                dialog.show_error(exc.message())
                return
            if not changed:
                dialog.show_error(_("That isn't your current passphrase. Nothing was changed."))
                dialog.current.selectAll()
                dialog.current.setFocus()
                return
            dialog.done(QDialog.DialogCode.Accepted)
            dialogs.show_message(self, _("Passphrase changed"), _("Your passphrase has been changed."))

        dialog.confirm_requested.connect(accepted)
        dialog.open()
        return dialog

    def move_diary(self) -> None:
        """Move the diary and its backups to a folder the person chooses (a synced folder, say)."""
        from companion.ui.settings.move_diary import move_diary

        move_diary(self)

    def _offer_new_passphrase_after_recovery(self) -> None:
        self.open_change_passphrase(after_recovery=True)

    # --- restoring --------------------------------------------------------------------------------------

    def _on_restore_requested(self) -> QDialog:
        from companion.ui.lock.restore_dialog import RestoreBackupDialog

        dialog = RestoreBackupDialog(self.context.vault_path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._restore(dialog.chosen()))
        dialog.open()
        return dialog

    def _on_restore_newest_requested(self) -> None:
        """Restore the newest backup that opens with what the person just typed."""
        secret = self.unlock_view.secret.text()
        key = "recovery_key" if self.unlock_view.mode == RECOVERY else "passphrase"
        for backup in diary_files.list_backups(self.context.vault_path):
            try:
                diary_files.check_backup(backup.path, **{key: secret})
            except (CompanionError, OSError):
                continue
            self._restore(backup.path)
            return
        self.unlock_view.show_error(
            _("None of the backups opens with what you typed. Check it, or choose a backup yourself.")
        )

    def _restore(self, backup: Path | None) -> None:
        if backup is None:
            return
        try:
            diary_files.restore_backup(self.context.vault_path, backup, self.context.clock)
        except CompanionError as exc:
            self.unlock_view.show_error(exc.message())
            return
        self.unlock_view.clear_error()
        self.unlock_view.subtitle.setText(
            _("The backup has been restored. Unlock it with the passphrase it had when it was made.")
        )
        self.unlock_view.secret.setFocus()

    # --- reminders -------------------------------------------------------------------------------------

    def _reminder_facts(self, today: dt.date) -> tuple[bool, bool]:
        """(checked in today?, PEG due?): from the open diary, or while locked from what it last showed."""
        if self.session is not None:
            self._known_checkin_day = today if self.session.diary.entries_on(today) else None
            self._known_peg_next_due = self.session.measures.next_peg_due()
        return self._known_checkin_day == today, self._known_peg_next_due is None or today >= self._known_peg_next_due

    def _on_reminders_changed(self, changes: dict[str, object]) -> None:
        self.context.update_settings(**changes)
        self.reminders.plan_changed()
        self._update_tray()

    def _on_reminder_due(self, kind: str) -> None:
        self._update_tray()
        if self.tray is not None:
            self.tray.notify(reminder_text(kind), reminder=kind)
        else:
            self.reminder_notice.show_reminder(kind)

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

    # --- closing ----------------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.tray is not None and self.main_view is not None and self.main_view.today.pacing.timer_running:
            # The pacing timer keeps going in the tray; the tray menu shows the window or stops the timer.
            event.ignore()
            self.hide()
            self.tray.notify(_("Companion is still timing your activity. Use the tray icon to come back."))
            return
        if self.session is not None and not self.lock_now():
            event.ignore()
            return
        self._drop_tray()
        super().closeEvent(event)

    # --- the pacing timer and the system tray --------------------------------------------------------------

    def _on_timer_running_changed(self, running: bool) -> None:
        if running or self.isVisible():
            self._update_tray()

    def _update_tray(self) -> None:
        """The tray icon is there while the pacing timer runs or reminders are on, where there is a tray."""
        timer = self.main_view is not None and self.main_view.today.pacing.timer_running
        if not (timer or self.context.settings.reminder_plan().any) or not self.tray_available():
            self._drop_tray()
            return
        if self.tray is None:
            self.tray = CompanionTray(self)
            self.tray.show_requested.connect(self.show_from_tray)
            self.tray.stop_timer_requested.connect(self._stop_timer_from_tray)
            self.tray.quit_requested.connect(self._quit_from_tray)
            self.tray.reminder_clicked.connect(self.open_reminder)
            self.tray.show()
        self.tray.set_timer_running(timer)

    def _on_pacing_prompt(self, text: str) -> None:
        if self.tray is not None:
            self.tray.notify(text)

    def show_from_tray(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()

    def _stop_timer_from_tray(self) -> None:
        if self.main_view is not None:
            minutes = self.main_view.today.pacing.stop_timer()
            if self.tray is not None and minutes:
                self.tray.notify(self.main_view.today.pacing.message.text())
        if not self.isVisible():
            self.show_from_tray()
        self._update_tray()

    def _quit_from_tray(self) -> None:
        self._drop_tray()
        self.show()
        self.close()

    def _drop_tray(self) -> None:
        if self.tray is not None:
            self.tray.hide()
            self.tray.deleteLater()
            self.tray = None


def window_for(widget: QWidget) -> CompanionWindow | None:
    top = widget.window()
    return top if isinstance(top, CompanionWindow) else None
