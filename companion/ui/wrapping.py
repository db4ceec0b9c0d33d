"""Words that wrap where Qt's own controls cut them or scroll them away: tab titles (WrappingTabs), a table's
column titles (wrap_header), a group box's title (WrappingGroupBox), and the texts of radio buttons and tick
boxes (WrappingRadioButton, WrappingCheckBox), for long Welsh words and large text.

Each keeps its whole text as its own (`tabText()`, `text()`, the accessible name, the Alt+letter), and only
draws it on more lines when the room it has is narrower than the text on one line."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStyleOptionTab,
    QStylePainter,
    QTabBar,
    QTableView,
    QTabWidget,
    QWidget,
)

from companion.ui.layouts import flow_row

MAX_TAB_LINES = 3
READABLE_CHARS = 60  # a wrapping button asks for at most this many average characters a line
_SHOWN = Qt.TextFlag.TextShowMnemonic


def _plain(text: str) -> str:
    """The text as shown: a single & marks the Alt+letter and is not drawn; && is a drawn &."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def balanced_lines(text: str, lines: int, metrics: QFontMetrics) -> list[str]:
    """`text` broken between words into at most `lines` lines, the widest as narrow as it can be."""
    words = text.split(" ")
    if lines <= 1 or len(words) <= 1:
        return [text]
    space = metrics.horizontalAdvance(" ")
    widths = [metrics.horizontalAdvance(_plain(word)) for word in words]

    def greedy(limit: int) -> list[str] | None:
        out: list[list[str]] = [[]]
        used = -space
        for word, width in zip(words, widths, strict=True):
            if out[-1] and used + space + width > limit:
                out.append([])
                used = -space
            out[-1].append(word)
            used += space + width
        return [" ".join(line) for line in out] if len(out) <= lines else None

    # The narrowest width at which the words fit in `lines` lines is the width of some run of whole words.
    runs = sorted(
        {sum(widths[i:j]) + space * (j - i - 1) for i in range(len(words)) for j in range(i + 1, len(words) + 1)}
    )
    for limit in runs:
        if limit >= max(widths) and (found := greedy(limit)) is not None:
            return found
    return [text]


class WrappingTabBar(QTabBar):
    """Titles on one line while every tab fits the tab widget's width; else the widest titles go onto two, then
    three lines (balanced between words), one at a time until the tabs fit; only when even that is too wide do
    scroll arrows appear."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setElideMode(Qt.TextElideMode.ElideNone)
        self.setUsesScrollButtons(False)
        self._lines: list[int] = []  # for each tab, the lines its title may take
        self._watched: QWidget | None = None

    def set_room(self, owner: QWidget) -> None:
        """Wrap to fit `owner`'s width (the tab widget): the bar's own width follows what it asks for."""
        self._watched = owner
        owner.installEventFilter(self)

    def room(self) -> int:
        return self._watched.width() if self._watched is not None else self.width()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched and event.type() == QEvent.Type.Resize:
            self.rewrap()
        return False

    def tabInserted(self, index: int) -> None:
        super().tabInserted(index)
        self.rewrap()

    def tabRemoved(self, index: int) -> None:
        super().tabRemoved(index)
        self.rewrap()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.rewrap()

    def shown_lines(self, index: int) -> list[str]:
        """The title as drawn, line by line."""
        return balanced_lines(self.tabText(index), self._allowed(index), self._bold_metrics())

    def rewrap(self) -> None:
        """Wrap the widest titles, one more line at a time, until every tab fits; lay them out again if that
        changed anything. Called when the tab widget is resized, tabs come and go, and titles change."""
        allowed = [1] * self.count()
        while sum(self._width_at(i, n) for i, n in enumerate(allowed)) > self.room():
            narrower = [
                (self._width_at(i, n), i)
                for i, n in enumerate(allowed)
                if n < MAX_TAB_LINES and self._width_at(i, n + 1) < self._width_at(i, n)
            ]
            if not narrower:
                break
            allowed[max(narrower)[1]] += 1
        too_wide = sum(self._width_at(i, n) for i, n in enumerate(allowed)) > self.room()
        self.setUsesScrollButtons(too_wide)  # too many words even on three lines: arrows, the last resort
        if allowed != self._lines:
            self._lines = allowed
            self.setElideMode(self.elideMode())  # Qt lays the tabs out again and tells the tab widget

    def _allowed(self, index: int) -> int:
        return self._lines[index] if 0 <= index < len(self._lines) else 1

    def _bold_metrics(self) -> QFontMetrics:
        font = self.font()
        font.setBold(True)  # the chosen tab is bold (style.py): measure every title as the widest it gets
        return QFontMetrics(font)

    def _padding(self) -> int:
        """What a tab adds around its title, measured on the chosen tab (bold, with the focus border): the
        most any tab adds, so a tab keeps its width when it is chosen."""
        chosen = max(0, self.currentIndex())
        one_line = super().tabSizeHint(chosen).width()
        return one_line - self._bold_metrics().horizontalAdvance(_plain(self.tabText(chosen)))

    def _width_at(self, index: int, lines: int) -> int:
        bold = self._bold_metrics()
        shown = balanced_lines(self.tabText(index), lines, bold)
        return max(bold.horizontalAdvance(_plain(line)) for line in shown) + self._padding()

    def tabSizeHint(self, index: int) -> QSize:
        one_line = super().tabSizeHint(index)
        tallest = max((len(self.shown_lines(i)) for i in range(self.count())), default=1)
        if tallest == 1:
            return one_line
        extra = (tallest - 1) * self._bold_metrics().lineSpacing()  # every tab as tall as the tallest title
        return QSize(self._width_at(index, self._allowed(index)), one_line.height() + extra)

    def minimumTabSizeHint(self, index: int) -> QSize:
        """On as many lines as a title may take: the bar's smallest width never depends on how it is wrapped
        now (else a bar wrapped for a wide window would keep the window from getting narrower)."""
        return QSize(self._width_at(index, MAX_TAB_LINES), self.tabSizeHint(index).height())

    def minimumSizeHint(self) -> QSize:
        """As narrow as the widest tab on three lines (with room for the arrows): a bar never holds the window
        wider than that; when the tabs do not fit even wrapped, the arrows appear (rewrap)."""
        widest = max((self._width_at(i, MAX_TAB_LINES) for i in range(self.count())), default=0)
        arrows = 2 * self.style().pixelMetric(QStyle.PixelMetric.PM_TabBarScrollButtonWidth, None, self)
        return QSize(widest + arrows, super().minimumSizeHint().height())

    def initStyleOption(self, option: QStyleOptionTab, tabIndex: int) -> None:
        super().initStyleOption(option, tabIndex)
        option.text = "\n".join(self.shown_lines(tabIndex))


class WrappingTabs(QTabWidget):
    """A tab widget whose titles wrap (WrappingTabBar) rather than scroll out of sight or be cut."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        bar = WrappingTabBar(self)
        self.setTabBar(bar)
        bar.set_room(self)
        self.wrapping_bar = bar


class _WrappingButton:
    """What WrappingRadioButton and WrappingCheckBox share (a mixin before the Qt class): the words measured
    and drawn on as many lines as the width given needs."""

    _element: QStyle.ControlElement
    _contents: QStyle.SubElement

    def _set_up(self: QAbstractButton) -> None:  # type: ignore[misc]
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def _around_text(self) -> QSize:
        """The room the indicator, spacing, padding and border take beside and around the text."""
        one_line = super().sizeHint()  # type: ignore[misc]
        text = self.fontMetrics().size(int(_SHOWN), self.text())  # type: ignore[attr-defined]
        return QSize(one_line.width() - text.width(), one_line.height() - text.height())

    def _text_height(self, width: int) -> int:
        """The words' height on lines `width` wide (measured without the & of the Alt+letter, which Qt's
        wrapping would count as a character and so break a line that fits)."""
        metrics: QFontMetrics = self.fontMetrics()  # type: ignore[attr-defined]
        plain = _plain(self.text())  # type: ignore[attr-defined]
        if metrics.horizontalAdvance(plain) <= width + 2:  # rounding: what fits in the size hint fits
            return metrics.height()
        flags = int(Qt.TextFlag.TextWordWrap)
        return metrics.boundingRect(QRect(0, 0, max(1, width), 100_000), flags, plain).height()

    def hasHeightForWidth(self) -> bool:
        return True

    def sizeHint(self) -> QSize:
        """On one line, up to a readable width; longer words ask for more lines at that width."""
        one_line: QSize = super().sizeHint()  # type: ignore[misc]
        metrics: QFontMetrics = self.fontMetrics()  # type: ignore[attr-defined]
        readable = metrics.averageCharWidth() * READABLE_CHARS + self._around_text().width()
        if one_line.width() <= readable:
            return one_line
        return QSize(readable, self.heightForWidth(readable))

    def heightForWidth(self, width: int) -> int:
        around = self._around_text()
        one_line: QSize = super().sizeHint()  # type: ignore[misc]
        return max(one_line.height(), self._text_height(width - around.width()) + around.height())

    def minimumSizeHint(self) -> QSize:
        words = _plain(self.text()).split() or [""]  # type: ignore[attr-defined]
        metrics: QFontMetrics = self.fontMetrics()  # type: ignore[attr-defined]
        one_line: QSize = super().sizeHint()  # type: ignore[misc]
        return QSize(
            max(metrics.horizontalAdvance(word) for word in words) + self._around_text().width(), one_line.height()
        )

    def hitButton(self, pos: QPoint) -> bool:
        return bool(self.rect().contains(pos))  # type: ignore[attr-defined]  # every line of the words, not the first only

    def paintEvent(self, _event: QPaintEvent) -> None:
        button: QAbstractButton = self  # type: ignore[assignment]
        painter = QStylePainter(button)
        option = QStyleOptionButton()
        button.initStyleOption(option)  # type: ignore[attr-defined]
        text, option.text = option.text, ""
        painter.drawControl(self._element, option)  # the box or circle, the frame and the focus ring
        room = button.style().subElementRect(self._contents, option, button)
        around = self._around_text()
        room.setRight(button.width() - 1 - (around.width() - room.left()))  # the padding and border on the right
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter) | int(_SHOWN)
        if button.fontMetrics().horizontalAdvance(_plain(text)) > room.width() + 2:
            flags |= int(Qt.TextFlag.TextWordWrap)  # only when the words do not fit on one line (see above)
        button.style().drawItemText(
            painter, room, flags, button.palette(), button.isEnabled(), text, button.foregroundRole()
        )


class WrappingRadioButton(_WrappingButton, QRadioButton):
    """A radio button whose words go onto further lines when it is narrower than its text."""

    _element = QStyle.ControlElement.CE_RadioButton
    _contents = QStyle.SubElement.SE_RadioButtonContents

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        QRadioButton.__init__(self, text, parent)
        self._set_up()


class WrappingCheckBox(_WrappingButton, QCheckBox):
    """A tick box whose words go onto further lines when it is narrower than its text."""

    _element = QStyle.ControlElement.CE_CheckBox
    _contents = QStyle.SubElement.SE_CheckBoxContents

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        QCheckBox.__init__(self, text, parent)
        self._set_up()


class WrappingHeader(QHeaderView):
    """Column titles that wrap onto more lines when a column is narrower than its title (Qt's draw the
    words wrapped but keep the header one line tall, so the lines are cut)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        flags = int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap)
        self.setDefaultAlignment(Qt.AlignmentFlag(flags))
        self.sectionResized.connect(self._on_section_resized)

    def _on_section_resized(self, *_args: object) -> None:
        self.updateGeometry()  # the header's height follows its widest-wrapped title
        if (view := self.parentWidget()) is not None:
            view.updateGeometry()

    def sectionSizeFromContents(self, logicalIndex: int) -> QSize:
        one_line = super().sectionSizeFromContents(logicalIndex)
        width = self.sectionSize(logicalIndex)
        model = self.model()
        if width <= 0 or model is None:
            return one_line
        text = str(model.headerData(logicalIndex, self.orientation(), Qt.ItemDataRole.DisplayRole) or "")
        metrics = self.fontMetrics()
        padding = one_line.width() - metrics.horizontalAdvance(text)
        flags = int(Qt.TextFlag.TextWordWrap)
        lines = metrics.boundingRect(QRect(0, 0, max(1, width - padding), 100_000), flags, text).height()
        return QSize(one_line.width(), max(one_line.height(), lines + one_line.height() - metrics.height()))


def wrap_header(table: QTableView) -> None:
    """Give `table` column titles that wrap (WrappingHeader), keeping how its columns were sized."""
    old = table.horizontalHeader()
    modes = [old.sectionResizeMode(i) for i in range(old.count())]
    header = WrappingHeader(table)
    header.setStretchLastSection(old.stretchLastSection())
    table.setHorizontalHeader(header)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    for index, mode in enumerate(modes):
        header.setSectionResizeMode(index, mode)


class WrappingGroupBox(QGroupBox):
    """A group box whose title wraps onto more lines when the box is narrower than it. Qt draws a group box's
    title on one line and keeps the box at least that wide, so a long title (a question, a Welsh heading at
    large text) holds the page wider than the window and its right-hand side is cut off.

    The title is a bold label at the top inside the box; `title()` and `setTitle()` work as before, and the
    box's accessible name is its title."""

    def __init__(self, title: str | QWidget | None = "", parent: QWidget | None = None) -> None:
        owner = parent if isinstance(title, str) else title  # WrappingGroupBox(parent), as QGroupBox(parent)
        super().__init__(owner)
        self.heading = QLabel(self)
        self.heading.setObjectName("groupBoxTitle")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.hide()
        self.setTitle(title if isinstance(title, str) else "")

    def title(self) -> str:
        return self.heading.text()

    def setTitle(self, title: str) -> None:
        self.heading.setText(title)
        self.heading.setVisible(bool(title) and self._placed())
        self.setAccessibleName(_plain(title))

    def _placed(self) -> bool:
        """Put the title first in the box's layout (once the box has one); True when it is there."""
        layout = self.layout()
        if layout is None:
            return False
        if layout.indexOf(self.heading) >= 0:
            return True
        if isinstance(layout, QBoxLayout):
            layout.insertWidget(0, self.heading)
        elif isinstance(layout, QFormLayout):
            layout.insertRow(0, self.heading)
        else:
            return False
        return True

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Polish, QEvent.Type.LayoutRequest) and self.heading.isHidden():
            self.heading.setVisible(bool(self.heading.text()) and self._placed())
        return super().event(event)


def choice_row(*buttons: QAbstractButton, spacing: int = 16) -> QWidget:
    """Radio buttons (or tick boxes) side by side while they fit; those that do not go onto the next row, and
    a WrappingRadioButton alone wider than the row wraps its own words. Nothing is cut off or needs a sideways
    scroll at large text or in Welsh (the import choices, the mood check's answers, a check-back)."""
    return flow_row(*buttons, spacing=spacing)
