"""Weekly PEG and the optional monthly mood check (PHQ-2 and GAD-2): dialogs and the "due" banner.

Also two small shared helpers: an exclusive group of buttons as one Tab stop (arrows move inside it), the
way radio buttons behave, so a questionnaire is one Tab per question rather than one per answer; and a
scrolling body for dialogs, so large text or a small screen never squeezes the questions together.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QAbstractButton, QButtonGroup, QFrame, QScrollArea, QWidget

from companion.ui.dialog_size import fit_dialog


def single_tab_stop(group: QButtonGroup) -> None:
    """Keep Tab focus only on the group's checked button (its first button while none is checked)."""

    def update(*_args: object) -> None:
        buttons: list[QAbstractButton] = group.buttons()
        if not buttons:
            return
        target = group.checkedButton() or buttons[0]
        for button in buttons:
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus if button is target else Qt.FocusPolicy.ClickFocus)

    group.buttonToggled.connect(update)
    update()


class ScrollBody(QScrollArea):
    """A frameless area that scrolls vertically only. Its size hint is the whole content, up to 85 % of
    the screen's height, so a dialog opens showing everything when it fits and scrolls when it does not."""

    def __init__(self, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab normally moves between the controls inside
        self.setObjectName("measuresBody")
        self.setStyleSheet(
            "QScrollArea#measuresBody { border: 3px solid transparent; border-radius: 4px; padding: 4px; }"
            "QScrollArea#measuresBody:focus { border-color: palette(highlight); }"
        )
        self.setWidget(body)

    def set_keyboard_scrollable(self, scrollable: bool) -> None:
        """Make the area itself a Tab stop (arrows and Page Down scroll it) when it holds only text."""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if scrollable else Qt.FocusPolicy.NoFocus)

    def sizeHint(self) -> QSize:
        body = self.widget()
        if body is None:
            return super().sizeHint()
        hint = body.sizeHint()
        frame = 2 * self.frameWidth()  # the style sheet's border and padding
        width = hint.width() + self.verticalScrollBar().sizeHint().width() + frame
        height = frame + (body.heightForWidth(hint.width()) if body.hasHeightForWidth() else hint.height())
        screen = self.screen()
        limit = int(screen.availableGeometry().height() * 0.85) if screen is not None else 600
        return QSize(width, max(120, min(max(height, hint.height() + frame), limit)))

    def minimumSizeHint(self) -> QSize:
        body = self.widget()
        if body is None:
            return super().minimumSizeHint()
        extra = self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth()
        return QSize(body.minimumSizeHint().width() + extra, 120)


def fit_to_screen(dialog: QWidget) -> None:
    """Size a dialog to its full size hint, within the screen (companion.ui.dialog_size, as for every dialog)."""
    fit_dialog(dialog)


class MeasureFooter:
    """Always in view below a questionnaire: a rule, "About these measures" (sources and licences, one click
    away rather than on the screen: the dialog opens ui/measures/about_dialog.py), the Welsh caveat, and the
    buttons."""

    def __init__(self, prefix: str) -> None:
        from PySide6.QtWidgets import QDialogButtonBox, QPushButton

        from companion.ui.widgets import label

        self.rule = QFrame()
        self.rule.setFrameShape(QFrame.Shape.HLine)
        self.rule.setFrameShadow(QFrame.Shadow.Sunken)
        self.about = QPushButton()
        self.about.setObjectName(f"{prefix}AboutMeasures")
        self.about.setFlat(True)  # shown as a link: underlined, in the link colour, one click away
        self.about.setAutoDefault(False)  # Enter saves the questionnaire, never opens this
        self.about.setCursor(Qt.CursorShape.PointingHandCursor)
        font = self.about.font()
        font.setUnderline(True)
        self.about.setFont(font)
        self.about.setStyleSheet("QPushButton { color: palette(link); }")
        self.not_validated = label()
        self.not_validated.setObjectName(f"{prefix}NotValidated")
        self.buttons = QDialogButtonBox()
        self.save = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save.setObjectName(f"{prefix}Save")
        self.save.setDefault(True)
        self.save.setEnabled(False)

    def retranslate_ui(self) -> None:
        from companion.i18n import _

        self.about.setText(_("About these measures"))
        self.about.setAccessibleName(_("About these measures: where the questions come from and how they are scored"))

    def lay_out(self, dialog: QWidget, body: QWidget) -> None:
        """The dialog's whole layout: the scrolling body, then this footer."""
        from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

        layout = QVBoxLayout(dialog)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(body, 1)
        layout.addSpacing(4)
        layout.addWidget(self.rule)
        layout.addWidget(self.not_validated)
        layout.addSpacing(8)
        row = QHBoxLayout()
        layout.addLayout(row)  # in the dialog first, so each widget joins the Tab order as it is added:
        row.addWidget(self.buttons, 1)  # Save and the other buttons first,
        row.insertWidget(0, self.about)  # then the link, shown on their left


class FitsScreenOnFirstShow:
    """Mixin for dialogs shown before the app's style is installed (a test's bare dialog): open at full size,
    within the screen, the first time. With the style, every dialog is fitted so (companion.ui.dialog_size)."""

    def showEvent(self, event: QShowEvent) -> None:
        if not getattr(self, "_fitted", False):
            self._fitted = True
            assert isinstance(self, QWidget)
            fit_to_screen(self)
        super().showEvent(event)  # type: ignore[misc]
