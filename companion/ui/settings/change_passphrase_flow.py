"""Changing the passphrase from Settings: check the current one, re-key the diary, say what that means for
the backups and offer (default yes) to re-encrypt them, each on its own, naming any that could not be.

CompanionWindow only calls `open_change_passphrase`; everything else about the change lives here.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from companion.domain.errors import CompanionError
from companion.i18n import _, ngettext
from companion.services.app_context import KdfParams
from companion.ui import dialogs
from companion.ui.settings.change_passphrase_dialog import ChangePassphraseDialog
from companion.ui.widgets import run_busy

if TYPE_CHECKING:
    from companion.services.diary_files import Outcome
    from companion.services.session import DiarySession


def open_change_passphrase(
    parent: QWidget, session: DiarySession, kdf_factory: Callable[[], KdfParams], *, after_recovery: bool = False
) -> ChangePassphraseDialog:
    """The dialog, open (window-modal); the change happens when the person confirms it."""
    dialog = ChangePassphraseDialog(parent, ask_current=not after_recovery)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.confirm_requested.connect(lambda: _change(parent, dialog, session, kdf_factory, after_recovery))
    dialogs.open_modal(dialog)  # the focus goes back where it was when it closes
    return dialog


def _change(
    parent: QWidget,
    dialog: ChangePassphraseDialog,
    session: DiarySession,
    kdf_factory: Callable[[], KdfParams],
    after_recovery: bool,
) -> None:
    if not session.is_open:
        return
    store = session.store
    current = dialog.current.text()
    new = dialog.fields.value()
    old_recovery = store.vault.recovery_key_text() if after_recovery else None

    def change() -> tuple[bool, str | None]:
        if not after_recovery and not store.verify_passphrase(current):
            return False, None
        return True, store.change_passphrase(new, kdf_factory())

    try:
        changed, new_recovery = run_busy(dialog, change)
    except CompanionError as exc:
        dialog.show_error(exc.message())
        return
    if not changed:
        dialog.show_error(_("That isn't your current passphrase. Nothing was changed."))
        dialog.current.selectAll()
        dialog.current.setFocus()
        return
    dialog.done(QDialog.DialogCode.Accepted)

    def offer_backups(_answer: dialogs.Button | None = None) -> None:
        _offer_reencryption(
            parent, session, old_passphrase=None if after_recovery else current, old_recovery=old_recovery
        )

    if new_recovery is not None:
        dialogs.show_message(
            parent,
            _("Your new recovery key"),
            _(
                "Your passphrase has been changed. This diary was made by an older version of Companion, so it "
                "also has a new recovery key, and the old one no longer opens it:\n\n{key}\n\nWrite it down or "
                "print it now and keep it somewhere safe; it is shown only once."
            ).format(key=new_recovery),
            on_done=offer_backups,
        )
    else:
        offer_backups()


def _offer_reencryption(
    parent: QWidget, session: DiarySession, *, old_passphrase: str | None, old_recovery: str | None
) -> None:
    from companion.services import diary_files

    if not session.is_open:
        return
    count = len(diary_files.backups_to_reencrypt(session))
    if count == 0:
        dialogs.show_message(parent, _("Passphrase changed"), _("Your passphrase has been changed."))
        return
    question = ngettext(
        "Your passphrase has been changed. The {count} backup kept beside your diary was made before the change, "
        "so it still opens with your old passphrase. Re-encrypt it with the new one now?",
        "Your passphrase has been changed. The {count} backups kept beside your diary were made before the "
        "change, so they still open with your old passphrase. Re-encrypt them with the new one now?",
        count,
    ).format(count=count)

    def answered(answer: dialogs.Button) -> None:
        if answer != dialogs.Button.Yes or not session.is_open:
            return
        outcomes = run_busy(
            parent,
            lambda: diary_files.reencrypt_backups(
                session, old_passphrase=old_passphrase, old_recovery_key=old_recovery
            ),
        )
        dialogs.show_message(parent, _("Backups"), reencryption_report(outcomes))

    dialogs.show_message(
        parent,
        _("Passphrase changed"),
        question,
        icon=dialogs.QMessageBox.Icon.Question,
        buttons=dialogs.Button.Yes | dialogs.Button.No,
        default=dialogs.Button.Yes,
        on_done=answered,
        informative=_(
            "Copies you made elsewhere (on a USB stick, say) are not changed: they still open with the old passphrase."
        ),
    )


def reencryption_report(outcomes: list[Outcome]) -> str:
    """Whole translated sentences: how many were re-encrypted, then each one left as it was and why."""
    done = sum(1 for o in outcomes if o.reencrypted)
    lines = [
        ngettext(
            "{count} backup was re-encrypted with the new passphrase.",
            "{count} backups were re-encrypted with the new passphrase.",
            done,
        ).format(count=done)
    ]
    lines += [outcome.message() for outcome in outcomes if not outcome.reencrypted]
    return "\n".join(lines)
