"""The wizard's check before importing: how many entries are new, already there, repeated or can't be imported
(each with its row, column and reason), and the first entries as they will be saved. Nothing is saved yet."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QListWidget, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from companion.i18n import _
from companion.presentation.import_preview import column_titles, preview_row
from companion.presentation.import_wizard import count_lines, problem_lines
from companion.services.imports import ImportCheck
from companion.ui.imports.steps import scrolling
from companion.ui.widgets import label

ROWS_SHOWN = 20


class PreviewStep(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPreviewStep")
        self.check: ImportCheck | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        area, column = scrolling(QWidget())
        outer.addWidget(area)
        self.counts = label()
        self.counts.setObjectName("importCounts")
        self.nothing_yet = label()
        self.nothing_yet.setObjectName("importNothingYet")
        self.table_caption = label()
        self.table = QTableWidget()
        self.table.setObjectName("importPreviewTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.table.setWordWrap(False)
        self.table.setMinimumHeight(220)
        self.table.verticalHeader().hide()  # its numbers would not be the file's rows
        self.table_caption.setBuddy(self.table)
        self.problems_caption = label()
        self.problems = QListWidget()
        self.problems.setObjectName("importProblems")
        self.problems.setWordWrap(True)
        self.problems.setSizeAdjustPolicy(QListWidget.SizeAdjustPolicy.AdjustToContents)
        self.problems.setMaximumHeight(self.problems.fontMetrics().lineSpacing() * 8)
        self.problems_caption.setBuddy(self.problems)
        for widget in (self.counts, self.nothing_yet, self.table_caption):
            column.addWidget(widget)
        column.addWidget(self.table, 1)
        column.addWidget(self.problems_caption)
        column.addWidget(self.problems)
        self.retranslate_ui()

    def show_check(self, check: ImportCheck) -> None:
        self.check = check
        duplicates = set(check.duplicates)
        entries = check.parsed.entries[:ROWS_SHOWN]
        self._rows = [(entry in duplicates, preview_row(entry).cells()) for entry in entries]
        self.table.setRowCount(len(self._rows))
        self.table.setColumnCount(1 + len(column_titles()))
        for row, (_duplicate, cells) in enumerate(self._rows):
            for index, text in enumerate(cells, start=1):
                self.table.setItem(row, index, QTableWidgetItem(text.replace("\n", " · ")))
            self.table.setItem(row, 0, QTableWidgetItem())
        self.retranslate_ui()
        self.table.resizeColumnsToContents()

    def retranslate_ui(self) -> None:
        check = self.check
        self.table_caption.setText(_("The first entries as they will be saved:"))
        self.table.setAccessibleName(_("The first entries from the file, as they will be saved"))
        self.problems_caption.setText(_("Rows that can't be imported, and why:"))
        self.problems.setAccessibleName(_("Rows that can't be imported, each with its row, column and reason"))
        if check is None:
            return
        self.counts.setText("\n".join(count_lines(check)))
        if check.new:
            self.nothing_yet.setText(
                _(
                    "Nothing has changed yet. Import adds the new entries; a backup of your diary is made "
                    "first, and you can undo the whole import later."
                )
            )
        else:
            self.nothing_yet.setText(_("There is nothing new to import. Nothing was changed."))
        self.table.setHorizontalHeaderLabels([_("Will be"), *column_titles()])
        for row, (duplicate, _cells) in enumerate(self._rows):
            item = self.table.item(row, 0)
            if item is not None:
                item.setText(_("Already in your diary") if duplicate else _("Added"))
        self.problems.clear()
        self.problems.addItems(problem_lines(check))
        shown = bool(check.parsed.problems)
        self.problems.setVisible(shown)
        self.problems_caption.setVisible(shown)
        self.table.setVisible(bool(self._rows))
        self.table_caption.setVisible(bool(self._rows))
