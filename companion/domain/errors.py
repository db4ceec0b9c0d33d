"""One exception hierarchy whose messages are translated and say what happened and what to do.

Each error keeps its untranslated message and parameters so the text can be shown in whichever language
is active when it is displayed. The window shows `message()`; the command line prints `cli_message()`, the
same message worded for a terminal (`cli_template`) where the window's wording names a button or a window.
"""

from __future__ import annotations

from typing import Any

from companion.i18n import N_, _


class CompanionError(Exception):
    """Base of every error the person may see."""

    template: str = N_("Something went wrong. Nothing already saved has been lost.")
    # The message for the terminal, where it differs: no buttons to choose, a command to run instead.
    cli_template: str | None = None

    def __init__(self, detail: str = "", **params: Any) -> None:
        super().__init__(detail or self.template)
        self.detail = detail
        self.params = params

    def message(self) -> str:
        """The message as the window shows it, in the active language."""
        return self._render(self.template)

    def cli_message(self) -> str:
        """The message as the command line prints it, in the active language."""
        return self._render(self.cli_template or self.template)

    def _render(self, template: str) -> str:
        return _(template).format(**self.params)

    def __str__(self) -> str:
        return self.detail or self.template.format(**self.params)


class ValidationError(CompanionError):
    template = N_("That value can't be saved.")

    def __init__(self, template: str, **params: Any) -> None:
        super().__init__("", **params)
        self.template = template


class RecoveryKeyShapeError(ValidationError):
    """A recovery key that is not 32 base32 letters and digits: mistyped, refused before any unlocking."""


# Vault errors -----------------------------------------------------------------------------------------


class VaultError(CompanionError):
    template = N_("The diary file could not be used.")


class WrongPassphraseError(VaultError):
    template = N_(
        "That passphrase doesn't open this diary. Check Caps Lock and try again, "
        "or use your recovery key."
    )
    cli_template = N_(
        "That passphrase doesn't open this diary. Check Caps Lock and try again, or unlock with your "
        "recovery key (--recovery-key-fd N)."
    )


class WrongRecoveryKeyError(VaultError):
    template = N_(
        "That recovery key doesn't open this diary. Check each group of letters and numbers and try again."
    )


class NotAVaultError(VaultError):
    template = N_(
        "This file is not a Companion diary. Choose the file called {name} in your diary folder, "
        "or restore from a backup."
    )
    cli_template = N_(
        "This file is not a Companion diary. The diary is the file called {name} in the folder given by "
        "--data-dir; 'companion list-backups' lists the backups you can restore."
    )


class DamagedVaultError(VaultError):
    template = N_(
        "The diary file is damaged or has been changed outside Companion, so it can't be opened safely. "
        "You can restore the newest good backup."
    )
    cli_template = N_(
        "The diary file is damaged or has been changed outside Companion, so it can't be opened safely. "
        "'companion list-backups' lists the backups, and 'companion restore BACKUP' puts one in its place."
    )


class NewerVersionError(VaultError):
    template = N_(
        "This diary was saved by a newer version of Companion. Install the newest version to open it; "
        "the file has not been changed."
    )


class VaultLockedByOtherError(VaultError):
    template = N_(
        "This diary is already open in another Companion window. Switch to that window, "
        "or close it and try again."
    )
    cli_template = N_(
        "This diary is already open in Companion or in another command. Close it there, then run this "
        "command again."
    )


class VaultExistsError(VaultError):
    template = N_("A diary already exists in this folder, so a new one was not created.")


class SaveFailedError(VaultError):
    """The latest change is safe in memory but not on disk; the file on disk is unchanged."""

    template = N_(
        "Your latest change could not be saved to disk ({reason}). It is still held safely in "
        "Companion, and the diary file on disk is unchanged. Free some space or check the folder, "
        "then choose Retry."
    )
    cli_template = N_(
        "The change could not be saved to disk ({reason}), so it was not made: the diary file on disk is "
        "unchanged. Free some space or check the folder, then run the command again."
    )


class CreateFailedError(VaultError):
    template = N_(
        "Your diary could not be created in {folder} ({reason}). Free some space or check that the folder "
        "can be written to, then try again."
    )
    cli_template = N_(
        "Your diary could not be created in {folder} ({reason}). Free some space or choose another "
        "folder with --data-dir, then try again."
    )


class FolderNotWritableError(VaultError):
    template = N_(
        "Companion can't write in the folder {folder}. Check that the disk is connected and not "
        "read-only, then try again."
    )
    cli_template = N_(
        "Companion can't write in the folder {folder}. Check that the disk is connected and not "
        "read-only, or choose another folder with --data-dir."
    )


class ChangedOnDiskError(VaultError):
    template = N_(
        "The diary file was changed by another program since it was opened, so Companion did not "
        "overwrite it. Close Companion and open the diary again."
    )
    cli_template = N_(
        "The diary file was changed by another program while this command ran, so Companion did not "
        "overwrite it. Run the command again."
    )


def save_failure_reason(exc: OSError) -> str:
    """A short translated reason for an operating-system error during a save."""
    import errno

    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return _("the disk is full")
    if exc.errno in (errno.EROFS,):
        return _("the folder is read-only")
    if exc.errno in (errno.EACCES, errno.EPERM):
        return _("Companion isn't allowed to write to the folder")
    return _("the operating system reported an error")


# Export and import errors -----------------------------------------------------------------------------


class ExportFailedError(CompanionError):
    """An export file could not be written; no file (not even a partial one) was left behind."""

    template = N_(
        "The export could not be saved as {name} ({reason}). No file was written. Free some space or "
        "choose another folder, then try again."
    )


class ExportFolderNotWritableError(ExportFailedError):
    template = N_(
        "Companion can't write in the folder {folder}, so the export was not saved. Choose another "
        "folder, such as your Documents folder, and try again."
    )


class ImportFormatError(CompanionError):
    """A file offered for import is not one Companion can read; nothing in the diary was changed.

    `reason` is an untranslated whole sentence (with `reason_params`), translated when the message is
    shown, so the reason follows the interface language like the rest of the message.
    """

    template = N_(
        "This file can't be imported because it is not a Companion export or it has been changed. "
        "Nothing in your diary has changed."
    )

    def __init__(
        self,
        template: str | None = None,
        *,
        reason: str = "",
        reason_params: dict[str, Any] | None = None,
        **params: Any,
    ) -> None:
        super().__init__("", **params)
        if template is not None:
            self.template = template
        self.reason = reason
        self.reason_params = dict(reason_params or {})

    def _render(self, template: str) -> str:
        params = dict(self.params)
        if self.reason:
            params["reason"] = _(self.reason).format(**self.reason_params)
        return _(template).format(**params)

    def __str__(self) -> str:
        params = dict(self.params)
        if self.reason:
            params["reason"] = self.reason.format(**self.reason_params)
        return self.template.format(**params)


class ImportNewerVersionError(ImportFormatError):
    template = N_(
        "This export was made by a newer version of Companion (export format version {version}). Install "
        "the newest version of Companion to import it. Nothing in your diary has changed."
    )
