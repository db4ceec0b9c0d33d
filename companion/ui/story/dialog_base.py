"""The story's editing dialogs share one shape: window-modal, a scrolling form, a problem shown in the dialog,
Save (also Ctrl+Enter) and Cancel (also Escape, which asks first when something was typed), and typed input
kept over a lock: the dialog opens again after unlocking with it, unsaved, and a line says so."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QScrollArea, QVBoxLayout, QWidget

from companion.i18n import _
from companion.ui import dialogs
from companion.ui.core.diary import OpenDiary
from companion.ui.core.page import Draft, PagePart
from companion.ui.story.form_state import read_state, write_state
from companion.ui.widgets import label


class FormDialog(PagePart, QDialog):
    """Subclasses build their inputs into `self.column`, list them in `fields()`, say what they edit in
    `target()` (an id, or None for a new one), save in `save()`, and end their constructor with `ready()`."""

    reopen_key: ClassVar[str] = "target"

    def __init__(self, diary: OpenDiary, parent: QWidget | None, name: str) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._diary = diary
        self._session = diary.session
        self._initial: dict[str, Any] = {}
        outer = QVBoxLayout(self)
        self.heading = label("subheading")
        self.kept = label("note")
        self.kept.setObjectName("keptDraftNote")
        self.kept.hide()
        content = QWidget()
        self.column = QVBoxLayout(content)
        self.column.setContentsMargins(0, 0, 12, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        self.scroll_area = scroll
        self.error = label("error")
        self.error.setObjectName("dialogProblem")
        self.error.hide()
        self.buttons = QDialogButtonBox()
        self.save_button: QPushButton = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setObjectName("dialogSave")
        self.save_button.setAutoDefault(False)
        self.cancel_button: QPushButton = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("dialogCancel")
        self.cancel_button.setAutoDefault(False)
        outer.addWidget(self.heading)
        outer.addWidget(self.kept)
        outer.addWidget(scroll, 1)
        outer.addWidget(self.error)
        outer.addWidget(self.buttons)
        self.save_button.clicked.connect(self._on_save_clicked)
        self.cancel_button.clicked.connect(self.cancel)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self._on_save_clicked)

    # --- for subclasses ---

    def fields(self) -> dict[str, Any]:
        """The inputs by name: widgets, or anything with state() and set_state()."""
        raise NotImplementedError

    def target(self) -> str | None:
        return None

    def save(self) -> bool:
        raise NotImplementedError

    def ready(self) -> None:
        """End of a subclass's constructor: texts set, the starting state kept, registered with the host."""
        self.retranslate_ui()
        self._initial = read_state(self.fields())
        fit_to_window(self)
        self._diary.host.add(self)

    def retranslate_base(self) -> None:
        """The words every form dialog has; subclasses call it from retranslate_ui()."""
        self.save_button.setText(_("&Save"))
        self.save_button.setAccessibleName(_("Save (Ctrl+Enter)"))
        self.cancel_button.setText(_("Cancel"))
        self.cancel_button.setAccessibleName(_("Close without saving"))
        self.kept.setText(
            _("What you had typed was kept when the diary locked. It is not saved yet: check it, then Save.")
        )

    def show_problem(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    # --- the page protocol ---

    def refresh(self) -> None:
        """The dialog reads what it edits when it opens; later changes elsewhere never replace what is typed."""

    def has_changes(self) -> bool:
        return read_state(self.fields()) != self._initial

    def draft(self) -> Draft | None:
        if not self.isVisible() or not self.has_changes():
            return None
        return {self.reopen_key: self.target(), "fields": read_state(self.fields())}

    def restore(self, draft: Draft) -> None:
        fields = draft.get("fields")
        if isinstance(fields, dict):
            write_state(self.fields(), fields)
            self.kept.show()

    @classmethod
    def reopen(cls, diary: OpenDiary, draft: Draft, parent: QWidget) -> FormDialog | None:
        """Open the dialog again for what the draft was about (None when that is gone)."""
        raise NotImplementedError

    @classmethod
    def revive(cls, diary: OpenDiary, draft: Draft) -> None:
        """After unlocking: open the dialog again with what was typed before the lock."""
        parent = diary.app if isinstance(diary.app, QWidget) else None
        if parent is None:
            return
        dialog = cls.reopen(diary, draft, parent)
        if dialog is not None:
            dialog.restore(draft)

    # --- closing ---

    def _on_save_clicked(self) -> None:
        self.error.hide()
        if self.save():
            self.accept()

    def cancel(self) -> None:
        """Cancel or Escape: ask first when something was typed (a lock closes the dialog without asking,
        keeping what was typed as a draft)."""
        if not self.has_changes():
            self.reject()
            return
        dialogs.confirm(
            self,
            _("Close without saving?"),
            _("What you typed here is not saved yet. Close and lose it?"),
            self.reject,
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)


def fit_to_window(dialog: QDialog) -> None:
    """Nearly the window's size (at most 1100 wide), so large text and long Welsh words have room."""
    parent = dialog.parentWidget()
    if parent is not None:
        window = parent.window()
        dialog.resize(min(1100, max(560, window.width() - 40)), max(420, window.height() - 40))
