"""Input fields behave the same on every page (companion/ui/field_behaviour.py): the mouse wheel changes a
field only when it has the focus, otherwise it scrolls the page; date and time fields show dates as the text
does, in the interface language, with LANG unset too."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QLocale, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QScrollBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from companion import i18n
from companion.i18n.formatting import format_date
from companion.ui.companion_window import CompanionWindow
from tests.gui.conftest import WindowFactory
from tests.helpers.gui import activate, first_run

ROOT = Path(__file__).resolve().parents[2]


def wheel(widget: QWidget, steps: int = -1) -> None:
    """One notch of the mouse wheel over the middle of `widget` (negative: towards the person, down)."""
    inside = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        inside,
        QPointF(widget.mapToGlobal(inside.toPoint())),
        QPoint(),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def value_of(field: QWidget) -> object:
    if isinstance(field, QDateTimeEdit):
        return field.dateTime()
    if isinstance(field, QAbstractSpinBox):
        return field.text()
    if isinstance(field, QComboBox):
        return field.currentIndex()
    if isinstance(field, QAbstractSlider):
        return field.value()
    raise AssertionError(field)


@pytest.fixture
def window(qtbot: QtBot, make_window: WindowFactory) -> CompanionWindow:
    w = make_window()
    first_run(qtbot, w, "en")
    w.resize(1000, 520)  # short enough that Today scrolls
    return w


def test_the_wheel_over_an_unfocused_hours_of_sleep_scrolls_the_page(qtbot: QtBot, window: CompanionWindow) -> None:
    assert window.main_view is not None
    today = window.main_view.today
    form = today.form
    form.sleep.toggle.setChecked(True)  # open "Sleep", where "Hours of sleep" is
    hours = form.sleep_hours
    qtbot.waitUntil(hours.isVisible, timeout=2000)
    area = today.scroll_area
    bar = area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=2000)
    area.ensureWidgetVisible(hours)
    bar.setValue(min(bar.value(), bar.maximum() - 60))  # room left to scroll down
    today.note.setFocus()
    assert not hours.hasFocus()
    assert hours.focusPolicy() != Qt.FocusPolicy.WheelFocus  # the wheel cannot give it the focus either
    before_value, before_scroll = hours.value(), bar.value()

    wheel(hours)
    assert hours.value() == before_value  # the data did not change under the pointer
    assert bar.value() > before_scroll  # the page scrolled instead

    # Once the person has chosen the field (a click or Tab), the wheel sets its value, and the page stays.
    activate(qtbot, window)
    hours.setFocus()
    assert hours.hasFocus()
    scroll = bar.value()
    wheel(hours, steps=1)
    assert hours.value() == before_value + hours.singleStep()
    assert bar.value() == scroll


@pytest.mark.parametrize("page", ["today", "diary", "trends", "summary", "settings"])
def test_no_field_on_a_page_changes_under_an_idle_wheel(qtbot: QtBot, window: CompanionWindow, page: str) -> None:
    """Every spin box, combo box, slider and date field (Pacing's baseline method was changed this way)."""
    assert window.main_view is not None
    window.main_view.show_page(page)
    root = window.main_view.page(page)
    qtbot.wait(50)
    fields = [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, QAbstractSpinBox | QComboBox | QAbstractSlider)
        and not isinstance(w, QScrollBar)
        and w.isVisible()
        and w.isEnabled()
    ]
    assert fields, page
    window.main_view.nav.setFocus()
    changed = []
    for field in fields:
        before = value_of(field)
        wheel(field)
        wheel(field, steps=1)
        wheel(field, steps=1)
        if value_of(field) != before:
            changed.append(f"{type(field).__name__}#{field.objectName()}")
    assert changed == []


def test_a_plain_field_without_the_mechanism_would_change(qtbot: QtBot) -> None:
    """The check above can fail: Qt's own spin box steps under an idle wheel (it is the default we undo)."""
    from PySide6.QtWidgets import QSpinBox

    from companion.ui import field_behaviour

    spin = QSpinBox()
    qtbot.addWidget(spin)
    spin.show()
    wheel(spin, steps=1)
    assert spin.value() == 0  # with the mechanism: unchanged
    spin.removeEventFilter(field_behaviour.install(QApplication.instance()).fields)  # type: ignore[arg-type]
    wheel(spin, steps=1)
    assert spin.value() == 1  # without it, Qt steps the value


# ---- dates -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "cy"])
def test_date_fields_follow_the_app_language_even_in_the_c_locale(
    qtbot: QtBot, make_window: WindowFactory, language: str
) -> None:
    """LANG unset gives Qt the C locale ("4 02 2027" in two fields); the fields follow the app, not the system."""
    QLocale.setDefault(QLocale.c())
    try:
        window = make_window()
        first_run(qtbot, window, language)
        assert window.main_view is not None
        day = dt.date(2027, 2, 4)
        expected = format_date(day)  # Babel's CLDR long form: "4 February 2027" / "4 Chwefror 2027"
        assert expected == {"en": "4 February 2027", "cy": "4 Chwefror 2027"}[language]
        goals = window.main_view.goals.goals
        summary = window.main_view.summary
        for field in (goals.target, summary.start, summary.end):
            field.setDate(QDate(2027, 2, 4))
            assert field.text() == expected, field.objectName()
        # The check-in's date is typed as digits: CLDR's short form (dd/MM/y in both), with a four-digit year.
        when = window.main_view.today.form.when
        when.date_edit.setDate(QDate(2026, 2, 4))
        when.time_edit.setTime(when.time_edit.time().fromString("14:05", "HH:mm"))
        assert (when.date_edit.text(), when.time_edit.text()) == ("04/02/2026", "14:05")
        other = "cy" if language == "en" else "en"
        i18n.set_language(other)  # a live switch: the open fields follow
        assert goals.target.text() == format_date(day)
        assert goals.target.text() != expected
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


SCRIPT = """
import json, sys
from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import QApplication, QDateEdit, QDateTimeEdit, QTimeEdit
from companion import i18n
from companion.ui import field_behaviour
from companion.ui.qt_translator import TranslatorBridge
app = QApplication(sys.argv[:1])
bridge = TranslatorBridge(app)
field_behaviour.install(app)
seen = {"system": QDateEdit(QDate(2027, 2, 4)).locale().name()}
for lang in ("en", "cy"):
    i18n.set_language(lang)
    made = [QDateEdit(QDate(2027, 2, 4)), QDateTimeEdit(QDateTime(QDate(2027, 2, 4), QTime(14, 5))),
            QTimeEdit(QTime(14, 5))]
    for field in made:
        field.show()
    app.processEvents()
    seen[lang] = [field.text() for field in made]
print(json.dumps(seen))
"""


def test_with_lang_unset_a_new_process_shows_dates_in_each_language() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LANG", "LC_"))}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT], env=env, cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["system"] == "C"  # what Qt takes with LANG unset
    assert seen["en"] == ["4 February 2027", "4 February 2027, 14:05", "14:05"]
    assert seen["cy"] == ["4 Chwefror 2027", "4 Chwefror 2027 14:05", "14:05"]


def test_dates_in_text_have_one_small_set_of_forms() -> None:
    day = dt.date(2027, 2, 4)
    with pytest.raises(ValueError):
        format_date(day, "medium")
    assert [format_date(day), format_date(day, "full")] == ["4 February 2027", "Thursday, 4 February 2027"]
    i18n.set_language("cy")
    assert [format_date(day), format_date(day, "full")] == ["4 Chwefror 2027", "Dydd Iau, 4 Chwefror 2027"]
    # No date format of its own anywhere else: every formatter call in the code uses a documented form.
    import re

    calls = re.compile(r"format_date\([^()]*(?:\([^()]*\)[^()]*)*,\s*[\"'](\w+)[\"']")
    forms = {
        m
        for path in (ROOT / "companion").rglob("*.py")
        if path.name != "common.py"  # the charts' axis labels ("Ion", "Ion 2026"): babel's own format_date
        for m in calls.findall(path.read_text())
    }
    assert forms <= {"long", "full"}
    stray = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "companion").rglob("*.py")
        if re.search(r"babel_dates\.format_|_dates\.format_|setDisplayFormat\(", path.read_text())
        and path.name not in {"formatting.py", "common.py", "field_behaviour.py"}
    ]
    assert stray == []
