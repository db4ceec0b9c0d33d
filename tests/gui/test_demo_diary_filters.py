"""With the demo diary, the Diary's filters find "days last month with pain 7 or more and the tag gardening"."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from pytestqt.qtbot import QtBot

from companion.demo import create_demo_diary
from companion.ui.core.standalone import standalone_diary
from companion.ui.diary.diary_view import DiaryView
from tests.conftest import CHEAP_KDF
from tests.helpers.gui import type_into


def test_demo_diary_last_month_pain_7_or_more_with_gardening(qtbot: QtBot, data_dir) -> None:  # type: ignore[no-untyped-def]
    session = create_demo_diary(data_dir, CHEAP_KDF)
    try:
        today = session.diary.today()
        month_end = today.replace(day=1) - dt.timedelta(days=1)
        month_start = month_end.replace(day=1)
        # Worked out from the raw entries, independently of the Diary's search.
        expected = sorted(
            {
                e.recorded_at.date()
                for e in session.diary.all_entries()
                if month_start <= e.recorded_at.date() <= month_end
                and e.pain is not None
                and e.pain >= 7
                and any(t.name.casefold() == "gardening" for t in e.tags)
            },
            reverse=True,
        )
        assert len(expected) >= 2, "the demo diary should have some such days"

        view = DiaryView(standalone_diary(session))
        qtbot.addWidget(view)
        view.show()
        bar = view.filter_bar
        bar.from_check.setChecked(True)
        bar.to_check.setChecked(True)
        bar.from_date.setDate(QDate(month_start.year, month_start.month, month_start.day))
        bar.to_date.setDate(QDate(month_end.year, month_end.month, month_end.day))
        bar.pain_min.setValue(7)
        type_into(qtbot, bar.tag.lineEdit(), "gardening")
        qtbot.waitUntil(
            lambda: view.current_filter is not None and view.current_filter.tag == "gardening", timeout=2000
        )
        from companion.i18n import ngettext

        assert view.summary.text() == ngettext("{n} day found", "{n} days found", len(expected)).format(n=len(expected))
        assert view.day_list.count() == len(expected)
        shown = [view.day_list.item(i).data(0x0100) for i in range(view.day_list.count())]
        assert [d if isinstance(d, dt.date) else dt.date.fromisoformat(str(d)) for d in shown] == expected
    finally:
        session.close()
