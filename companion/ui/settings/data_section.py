"""Your data: export (JSON or a CSV bundle), import with a preview, and an encrypted backup elsewhere."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGroupBox, QPushButton, QVBoxLayout, QWidget

from companion.domain.changes import Changes
from companion.domain.errors import CompanionError
from companion.i18n import _
from companion.i18n.file_names import suggested_file_name
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.layouts import flow_row
from companion.ui.widgets import Retranslatable, label


class DataSection(Retranslatable, QGroupBox):
    changed = Signal()  # an import changed the diary

    def __init__(self, diary: OpenDiary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dataSection")
        self._diary = diary
        self._session = diary.session
        self.changed.connect(lambda: diary.announce(Changes.everything()))
        layout = QVBoxLayout(self)
        self.explain = label()
        self.export_json = QPushButton()
        self.export_json.setObjectName("exportJsonButton")
        self.export_csv = QPushButton()
        self.export_csv.setObjectName("exportCsvButton")
        self.import_button = QPushButton()
        self.import_button.setObjectName("importButton")
        self.backup_button = QPushButton()
        self.backup_button.setObjectName("backupToFolderButton")
        # The buttons wrap onto more rows at large text sizes rather than widen the page.
        row = flow_row(self.export_json, self.export_csv, self.import_button, self.backup_button)
        self.status = label()
        self.status.setObjectName("dataStatus")
        layout.addWidget(self.explain)
        layout.addWidget(row)
        layout.addWidget(self.status)
        self.export_json.clicked.connect(lambda: self.export("json"))
        self.export_csv.clicked.connect(lambda: self.export("csv"))
        self.import_button.clicked.connect(self.import_file)
        self.backup_button.clicked.connect(self.backup_to_folder)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(_("Your data"))
        self.explain.setText(
            _(
                "Export everything to open formats to keep or to move to another app, bring entries in from "
                "a file, or put an encrypted copy of your diary somewhere safe such as a USB stick."
            )
        )
        self.export_json.setText(_("Export (&JSON)…"))
        self.export_json.setAccessibleName(_("Export everything as a JSON file"))
        self.export_csv.setText(_("Export (CS&V)…"))
        self.export_csv.setAccessibleName(_("Export everything as spreadsheet files in a zip"))
        self.import_button.setText(_("&Import…"))
        self.import_button.setAccessibleName(_("Import entries from a file"))
        self.backup_button.setText(_("&Back up to…"))
        self.backup_button.setAccessibleName(_("Put an encrypted copy of your diary in a folder you choose"))

    # --- export -----------------------------------------------------------------------------------------

    def export(self, kind: str) -> None:
        from companion.services import transfer

        today = self._session.clock.today()
        if kind == "json":
            suggested, name_filter = suggested_file_name("export_json", today), _("JSON files (*.json)")
        else:
            suggested, name_filter = suggested_file_name("export_csv", today), _("Zip files (*.zip)")
        path = dialogs.choose_save_file(self, _("Export your diary"), str(Path.home() / suggested), name_filter)
        if not path:
            return

        def answered(button: dialogs.Button) -> None:
            if button != dialogs.Button.Ok:
                self.status.setText(_("Nothing was exported."))
                return
            try:
                data = transfer.export_json(self._session) if kind == "json" else transfer.export_csv_zip(self._session)
                transfer.write_export(Path(path), data)
            except CompanionError as exc:
                self.status.setText(exc.message())
                return
            self.status.setText(_("Exported to {path}. This file is not encrypted.").format(path=path))

        dialogs.show_message(
            self,
            _("This file will not be encrypted"),
            _(transfer.EXPORT_WARNING),
            icon=dialogs.QMessageBox.Icon.Warning,
            buttons=dialogs.Button.Ok | dialogs.Button.Cancel,
            default=dialogs.Button.Cancel,
            on_done=answered,
        )

    # --- import -----------------------------------------------------------------------------------------

    def import_file(self) -> None:

        path = dialogs.choose_open_file(self, _("Import entries"), _("Companion exports or pain scores (*.json *.csv)"))
        if not path:
            return
        try:
            data = Path(path).read_bytes()
        except OSError:
            self.status.setText(_("That file could not be read. Check it is still there and try again."))
            return
        is_json = path.lower().endswith(".json")
        from companion.ui.settings.import_dialog import ImportDialog

        dialog = ImportDialog(self._session, data, is_json, self)
        if not dialog.refresh():
            self.status.setText(dialog.preview.text())
            dialog.deleteLater()
            return
        dialog.accepted.connect(lambda: self._run_import(data, is_json, dialog.mode))
        dialog.rejected.connect(lambda: self.status.setText(_("Nothing was imported.")))
        dialog.open()
        self.import_dialog = dialog

    def _run_import(self, data: bytes, is_json: bool, mode: str) -> None:
        from companion.services import diary_files, transfer

        try:
            if mode == "replace":
                diary_files.backup_before_change(self._session)
            report = (
                transfer.import_json(self._session, data, "replace" if mode == "replace" else "merge")
                if is_json
                else transfer.import_pain_csv(self._session, data)
            )
        except CompanionError as exc:
            self.status.setText(exc.message())
            return
        except OSError:
            self.status.setText(_("A backup could not be made first, so nothing was imported."))
            return
        self.status.setText(report.summary())
        self.changed.emit()

    # --- backup -----------------------------------------------------------------------------------------

    def backup_to_folder(self) -> None:
        from companion.services.diary_files import backup_to_folder

        folder = dialogs.choose_folder(self, _("Choose where to put the encrypted copy"))
        if not folder:
            return
        try:
            target = backup_to_folder(self._session, Path(folder))  # saves everything first
        except CompanionError as exc:
            self.status.setText(exc.message())
            return
        self.status.setText(
            _("An encrypted copy was saved as {path}. It opens with your current passphrase.").format(path=target)
        )
