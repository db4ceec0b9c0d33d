"""Walk what assistive technology sees (QAccessible), the Tab chain, and every screen of a demo diary."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QWidget,
)

from companion.ui.companion_window import CompanionWindow
from companion.ui.main_view import PAGES

Role = QAccessible.Role

# Roles a person operates: each needs a name a screen reader can say.
INTERACTIVE = frozenset(
    {
        Role.PushButton,
        Role.CheckBox,
        Role.RadioButton,
        Role.ComboBox,
        Role.EditableText,
        Role.SpinBox,
        Role.Slider,
        Role.Dial,
        Role.List,
        Role.Table,
        Role.Tree,
        Role.PageTab,
        Role.PageTabList,
        Role.Link,
        Role.ButtonMenu,
        Role.ButtonDropDown,
    }
)


def describe(iface: QAccessibleInterface) -> str:
    obj = iface.object()
    kind = type(obj).__name__ if obj is not None else "item"
    name = obj.objectName() if isinstance(obj, QWidget) else ""
    return f"{iface.role().name}:{kind}{'#' + name if name else ''}"


def walk(widget: QWidget) -> Iterator[tuple[str, QAccessibleInterface]]:
    """Every interface under `widget` not marked invisible, with a readable path to it."""
    root = QAccessible.queryAccessibleInterface(widget)
    assert root is not None and root.isValid(), f"no accessible interface for {widget!r}"

    def visit(iface: QAccessibleInterface, path: str, depth: int) -> Iterator[tuple[str, QAccessibleInterface]]:
        if depth > 60 or iface.state().invisible:
            return
        yield path, iface
        for index in range(iface.childCount()):
            child = iface.child(index)
            if child is not None and child.isValid():
                yield from visit(child, f"{path} > {describe(child)}", depth + 1)

    yield from visit(root, describe(root), 0)


def spoken_name(iface: QAccessibleInterface) -> str:
    name = iface.text(QAccessible.Text.Name)
    obj = iface.object()
    if not name.strip() and iface.role() == Role.ComboBox and isinstance(obj, QWidget):
        # On Linux Qt reports a combo box's current text as its name and gives the label as a relation;
        # an empty combo box still needs the name it was given.
        name = obj.accessibleName()
    return name.replace("&", "").strip()


def unnamed_interactive(widget: QWidget) -> tuple[int, list[str]]:
    """(how many interactive interfaces were walked, the paths of those without a name)."""
    walked = 0
    offenders = []
    for path, iface in walk(widget):
        if iface.role() not in INTERACTIVE:
            continue
        parent = iface.parent()
        if parent is not None and parent.role() in (Role.ComboBox, Role.SpinBox):
            continue  # a combo box's or spin box's own parts: the outer control carries the name
        walked += 1
        if not spoken_name(iface):
            offenders.append(path)
    return walked, offenders


def settle() -> None:
    """Let layouts finish: a wrapped label's height settles over a few layout passes."""
    for _ in range(6):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QCoreApplication.processEvents()


def tab_stops(root: QWidget) -> list[QWidget]:
    """The widgets under `root` a person should reach with Tab: visible, enabled, taking Tab focus.
    An exclusive button group counts once (arrow keys move inside it, like radio buttons)."""
    stops: list[QWidget] = []
    groups_seen: set[int] = set()
    for widget in root.findChildren(QWidget):
        if not widget.isVisible() or not widget.isEnabled() or widget.focusProxy() is not None:
            continue
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus != Qt.FocusPolicy.TabFocus:
            continue
        if isinstance(widget.parent(), QComboBox | QAbstractSpinBox) or isinstance(widget, QTabBar):
            continue
        group = widget.group() if isinstance(widget, QAbstractButton) else None
        if group is not None and group.exclusive():
            if id(group) in groups_seen:
                continue
            groups_seen.add(id(group))
        stops.append(widget)
    return stops


def tab_chain(start: QWidget, limit: int = 400) -> list[QWidget]:
    """Press Tab from `start` until focus comes back round to it (a keyboard trap never does)."""
    from PySide6.QtTest import QTest

    start.window().activateWindow()
    settle()
    start.setFocus(Qt.FocusReason.TabFocusReason)
    settle()
    first = QApplication.focusWidget()
    assert first is not None, f"{start!r} did not take focus"
    chain = [first]
    for _ in range(limit):
        QTest.keyClick(QApplication.focusWidget() or first, Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is None or now is first:
            break
        if now is not chain[-1]:  # a date-time edit takes Tab through its own fields first
            chain.append(now)
    return chain


def reached(stops: list[QWidget], chain: list[QWidget]) -> list[QWidget]:
    """The stops Tab did not reach (a group counts as reached when any of its buttons was)."""
    in_chain = set(map(id, chain))
    missed = []
    for widget in stops:
        group = widget.group() if isinstance(widget, QAbstractButton) else None
        members = group.buttons() if group is not None and group.exclusive() else [widget]
        if not any(id(m) in in_chain for m in members):
            missed.append(widget)
    return missed


def diary_screens(window: CompanionWindow) -> Iterator[tuple[str, QWidget]]:
    """Show every screen of the unlocked diary in turn (sub-tabs, the open check-in sections, flare mode
    steps) and the main dialogs; yields (name, the widget to inspect) while each is on screen."""
    main = window.main_view
    assert main is not None
    for key, _title in PAGES:
        main.show_page(key)
        page = main.pages[key]
        tabs = getattr(page, "tabs", None)
        if key == "today":
            form = main.today.form
            for section in (form.where, form.sleep, form.feelings, form.tags):
                section.set_open(True)
            settle()
            yield "today", main
            for section in (form.where, form.sleep, form.feelings, form.tags):
                section.set_open(False)
        elif key == "trends":
            main.trends.table_toggle.setChecked(True)  # the chart's numbers as a table too
            settle()
            yield key, main
            main.trends.table_toggle.setChecked(False)
        elif tabs is not None:
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                settle()
                yield f"{key}[{index}]", main
            tabs.setCurrentIndex(0)
        else:
            settle()
            yield key, main
    main.open_flare_mode()
    from companion.ui.flare.flare_mode import STEPS

    for index in range(len(STEPS)):
        main.flare_mode.show_step(index)
        settle()
        yield f"flare mode step {index + 1}", main
    main.leave_flare_mode()
    yield from _dialogs(window)


def _dialogs(window: CompanionWindow) -> Iterator[tuple[str, QWidget]]:
    from companion.services import transfer
    from companion.ui.flare.supporter_sheet_dialog import SupporterSheetDialog
    from companion.ui.imports.fhir_export_dialog import FhirExportDialog
    from companion.ui.imports.import_wizard import ImportWizard
    from companion.ui.settings.import_dialog import ImportDialog

    main = window.main_view
    session = window.session
    assert main is not None and session is not None
    entry = session.diary.all_entries()[0]
    opened: list[tuple[str, QDialog | None]] = [
        ("check-in edit dialog", window.open_edit_dialog(entry.id)),
        ("change passphrase dialog", window.open_change_passphrase()),
        ("import dialog", ImportDialog(window.open_diary, transfer.export_json(session), True, window)),
        ("action plan dialog", main.goals.plans.open_dialog(None)),
        ("supporter sheet dialog", SupporterSheetDialog(window.open_diary, window)),
        ("tag manager dialog", main.diary.open_tag_manager()),
        ("PEG dialog", main.today.measures_banner.open_peg()),
        ("mood check dialog", main.today.measures_banner.open_mood_screen()),
        ("import wizard", ImportWizard(window.open_diary, window)),  # type: ignore[arg-type]
        ("FHIR export dialog", FhirExportDialog(window.open_diary, window)),  # type: ignore[arg-type]
    ]
    for name, dialog in opened:
        assert dialog is not None, name
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # as the app opens them: gone once closed
        dialog.show()
        settle()
        yield name, dialog
        dialog.reject()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        settle()
    yield from _story_dialogs(window)


def _story_dialogs(window: CompanionWindow) -> Iterator[tuple[str, QWidget]]:
    """My story's dialogs, one at a time, on the demo diary's records (an investigation with its result, the
    attended appointment with its reasons, the decision, the review plan)."""
    from companion.domain.story import StoryKind
    from companion.ui.story.after_dialog import AfterVisitDialog
    from companion.ui.story.appointment_dialog import AppointmentDialog
    from companion.ui.story.decision_dialog import DecisionDialog
    from companion.ui.story.item_dialog import StoryItemDialog
    from companion.ui.story.prepare_dialog import PrepareDialog
    from companion.ui.story.review_dialog import ReviewPlanDialog

    diary, session = window.open_diary, window.session
    assert diary is not None and session is not None
    scan = next(i for i in session.story.items() if i.kind is StoryKind.INVESTIGATION)
    attended = next(a for a in session.appointments.appointments() if a.attended)
    upcoming = next(a for a in session.appointments.appointments() if not a.attended)
    openers = [
        ("story entry dialog", lambda: StoryItemDialog.open_for(diary, scan.id, window)),
        ("appointment dialog", lambda: AppointmentDialog.open_for(diary, upcoming.id, window)),
        ("getting ready dialog", lambda: PrepareDialog.open_for(diary, upcoming.id, window)),
        ("after the appointment dialog", lambda: AfterVisitDialog.open_for(diary, attended.id, window)),
        ("decision dialog", lambda: DecisionDialog.open_for(diary, session.story.decisions()[0].id, window)),
        ("review plan dialog", lambda: ReviewPlanDialog.open_for(diary, session.story.review_plans()[0].id, window)),
    ]
    for name, opener in openers:
        dialog = opener()
        assert dialog is not None, name
        settle()
        yield name, dialog
        dialog.reject()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        settle()


def too_small(size: QSize, hint: QSize, line: int) -> bool:
    return size.width() + 1 < hint.width() or size.height() + 1 < min(hint.height(), line)


def clipped_text(root: QWidget) -> list[str]:
    """Labels, buttons, check boxes and radio buttons under `root` whose words do not fit: narrower than the
    text needs without word wrap, or shorter than the wrapped text needs."""
    from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QRadioButton

    found = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, QLabel | QPushButton | QCheckBox | QRadioButton) or not widget.isVisible():
            continue
        text = widget.text()
        if not text.strip() or (isinstance(widget, QLabel) and widget.pixmap() is not None and not text):
            continue
        hint = widget.sizeHint()
        if isinstance(widget, QAbstractButton) and widget.hasHeightForWidth():  # its words wrap (ui/wrapping.py)
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 1 or widget.width() + 1 < widget.minimumSizeHint().width():
                found.append(
                    f"{type(widget).__name__}#{widget.objectName()} {text[:40]!r}: {widget.width()}x"
                    f"{widget.height()} < {widget.minimumSizeHint().width()}x{needed}"
                )
        elif isinstance(widget, QLabel) and widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + widget.fontMetrics().height() // 3:  # a whole line can hide a word
                found.append(
                    f"{type(widget).__name__}#{widget.objectName()} {text[:40]!r}: height {widget.height()} < {needed}"
                )
        elif too_small(widget.size(), hint, widget.fontMetrics().height()):
            found.append(
                f"{type(widget).__name__}#{widget.objectName()} {text[:40]!r}: {widget.width()}x"
                f"{widget.height()} < {hint.width()}x{hint.height()}"
            )
    return found + cut_off(root)


def cut_off(root: QWidget) -> list[str]:
    """Controls and labels whose right edge is hidden by a scroll area that cannot scroll sideways."""
    from PySide6.QtWidgets import QAbstractScrollArea, QLabel

    found = []
    kinds = (QLabel, QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit, QPlainTextEdit)
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, kinds) or not widget.isVisible() or widget.width() < 8:
            continue
        parent = widget.parentWidget()
        while parent is not None and parent is not root.window():
            area = parent.parentWidget()
            if isinstance(area, QAbstractScrollArea) and parent is area.viewport():
                # The nearest scroll area decides: when it can scroll sideways, the widget can be reached.
                right = widget.mapTo(parent, widget.rect().topRight()).x()
                if not area.horizontalScrollBar().isVisible() and right > parent.width() + 2:
                    found.append(
                        f"{type(widget).__name__}#{widget.objectName()} cut off by "
                        f"{type(area).__name__}#{area.objectName()} ({right} > {parent.width()})"
                    )
                break
            parent = parent.parentWidget()
    return found
