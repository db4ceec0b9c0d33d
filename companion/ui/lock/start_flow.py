"""Before a diary is open: the language offer, creating a diary and its recovery key, unlocking, restoring a
backup. The screens live in the window's stack; this controller moves between them and hands over the
opened session (`opened`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QDialog, QStackedWidget

from companion import i18n
from companion.domain.errors import CompanionError, DamagedVaultError
from companion.i18n import _
from companion.services import diary_files
from companion.services.app_context import AppContext
from companion.ui import dialogs
from companion.ui.first_run.language_view import LanguageOfferView
from companion.ui.first_run.passphrase_view import CreatePassphraseView
from companion.ui.first_run.recovery_view import RecoveryKeyView
from companion.ui.lock.unlock_view import RECOVERY, UnlockView
from companion.ui.widgets import run_busy

if TYPE_CHECKING:
    from companion.services.session import DiarySession

Factory = Callable[[], "DiarySession"]


class StartFlow(QObject):
    opened = Signal(object, bool)  # (DiarySession, unlocked with the recovery key)
    language_chosen = Signal(str)

    def __init__(self, context: AppContext, stack: QStackedWidget, demo_factory: Factory | None = None) -> None:
        super().__init__(stack)
        self.context = context
        self.stack = stack
        self._demo_factory = demo_factory
        self._created: DiarySession | None = None
        self.language_offer = LanguageOfferView()
        self.create_view = CreatePassphraseView()
        self.recovery_view = RecoveryKeyView(context.clock)
        self.unlock_view = UnlockView(demo=context.demo)
        for page in (self.language_offer, self.create_view, self.recovery_view, self.unlock_view):
            stack.addWidget(page)
        self.language_offer.language_chosen.connect(self._on_language_offer_chosen)
        self.create_view.passphrase_chosen.connect(self._on_create_view_passphrase_chosen)
        self.create_view.back_requested.connect(lambda: stack.setCurrentWidget(self.language_offer))
        self.recovery_view.confirmed.connect(self._on_recovery_view_confirmed)
        self.unlock_view.unlock_requested.connect(self._on_unlock_view_unlock_requested)
        self.unlock_view.language_switched.connect(self.language_chosen)
        self.unlock_view.restore_requested.connect(self.open_restore_dialog)
        self.unlock_view.restore_newest_requested.connect(self._on_unlock_view_restore_newest_requested)

    def begin(self) -> None:
        if self.context.settings.language is None:
            self.stack.setCurrentWidget(self.language_offer)
            return
        i18n.set_language(self.context.settings.language)
        if self._demo_factory is not None:
            # Built once the window is on screen, so the wait says what is happening ("Making the demo diary…").
            QTimer.singleShot(0, self, self._after_language)
            return
        self._after_language()

    def _after_language(self) -> None:
        if self._demo_factory is not None:
            factory, self._demo_factory = self._demo_factory, None
            self.opened.emit(run_busy(self.language_offer, factory, _("Making the demo diary…")), False)
        elif self.context.has_diary:
            self.show_lock_screen()
        else:
            self.stack.setCurrentWidget(self.create_view)

    def _on_language_offer_chosen(self, lang: str) -> None:
        self.language_chosen.emit(lang)
        self._after_language()

    def show_lock_screen(self) -> None:
        self.unlock_view.reset()
        self.stack.setCurrentWidget(self.unlock_view)
        self.unlock_view.secret.setFocus()

    # --- creating ---------------------------------------------------------------------------------------

    def _on_create_view_passphrase_chosen(self, passphrase: str) -> None:
        from companion.services.session import DiarySession  # the database layer loads when first needed

        context = self.context

        def create() -> tuple[DiarySession, str]:
            return DiarySession.create(
                context.vault_path, passphrase, context.kdf_factory(), context.clock, background_saves=True
            )

        try:
            session, recovery = run_busy(self.create_view, create, _("Making your diary…"))
        except CompanionError as exc:
            self.create_view.show_error(exc.message())
            return
        self.create_view.fields.clear()
        self.create_view.error.hide()
        self._created = session
        self.recovery_view.set_key(recovery)
        self.stack.setCurrentWidget(self.recovery_view)

    def _on_recovery_view_confirmed(self) -> None:
        session, self._created = self._created, None
        if session is not None:
            self.opened.emit(session, False)

    # --- unlocking --------------------------------------------------------------------------------------

    def _on_unlock_view_unlock_requested(self, mode: str, secret: str) -> None:
        from companion.services.session import DiarySession  # the database layer loads when first needed

        kwargs: dict[str, Any] = {"recovery_key": secret} if mode == RECOVERY else {"passphrase": secret}
        context = self.context

        def unlock() -> DiarySession:
            return DiarySession.open(context.vault_path, **kwargs, clock=context.clock, background_saves=True)

        try:
            session = run_busy(self.unlock_view, unlock, _("Opening your diary…"))
        except DamagedVaultError as exc:
            has_backup = diary_files.newest_good_backup(context.vault_path) is not None
            self.unlock_view.show_error(exc.message(), offer_restore=has_backup)
            return
        except CompanionError as exc:
            self.unlock_view.show_error(exc.message())
            return
        self.unlock_view.reset()
        self.opened.emit(session, mode == RECOVERY)

    # --- restoring --------------------------------------------------------------------------------------

    def open_restore_dialog(self) -> QDialog:
        from companion.ui.lock.restore_dialog import RestoreBackupDialog

        dialog = RestoreBackupDialog(self.context.vault_path, self.unlock_view.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.restore(dialog.chosen()))
        dialogs.open_modal(dialog)
        return dialog

    def _on_unlock_view_restore_newest_requested(self) -> None:
        """Restore the newest backup that opens with what the person just typed."""
        secret = self.unlock_view.secret.text()
        key = "recovery_key" if self.unlock_view.mode == RECOVERY else "passphrase"
        for backup in diary_files.list_backups(self.context.vault_path):
            try:
                diary_files.check_backup(backup.path, **{key: secret})
            except (CompanionError, OSError):
                continue
            self.restore(backup.path)
            return
        self.unlock_view.show_error(
            _("None of the backups opens with what you typed. Check it, or choose a backup yourself.")
        )

    def restore(self, backup: Path | None) -> None:
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
