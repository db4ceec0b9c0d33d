"""The check-in benchmark of issue 17: Save pressed on Today to Today showing the entry, in the real window
with every section built first, on a one-year and a ten-year diary; against the service call alone
(validate, insert, commit in memory).

The durable save is left out of both sides (it runs off the GUI thread and is the "save" figure), so this
measures what the person waits for: the screens' work after a write. It also counts the SQL statements and
the screen parts refreshed by one check-in.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from bench_app import PASSPHRASE, derived_keys_cached, figure, median_pair


def _one_diary(folder: Path, repeats: int) -> dict[str, Any]:
    from PySide6.QtWidgets import QApplication
    from sqlalchemy import event

    from companion.domain.checkin import CheckinInput
    from companion.services.app_context import AppContext
    from companion.ui.companion_window import CompanionWindow
    from companion.ui.main_view import KEYS

    app = QApplication.instance() or QApplication([])
    with derived_keys_cached():
        window = CompanionWindow(AppContext.load(folder))
        window.show()
        app.processEvents()
        window.unlock_view.secret.setText(PASSPHRASE)
        window.unlock_view.unlock.click()
        app.processEvents()
    view, session, diary = window.main_view, window.session, window.open_diary
    assert view is not None and session is not None and diary is not None
    for key in KEYS:  # every section built (and shown once), as after a while of use
        view.show_page(key)
        app.processEvents()
    view.show_page("today")
    app.processEvents()
    today = view.today
    session.store.request_save = lambda: None  # type: ignore[method-assign]  # the durable save is "save"
    statements: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    event.listen(session.store.database.engine, "before_cursor_execute", record)
    scores = iter(range(10**6))

    def check_in() -> float:
        score = next(scores) % 11
        before = today.entries.count()
        statements.clear()
        refreshes = diary.host.refreshes
        today.picker.set_score(score)
        start = time.perf_counter()
        today.save.click()
        elapsed = time.perf_counter() - start
        assert today.entries.count() > before, "the entry is not on Today"
        check_in.statements = len(statements)  # type: ignore[attr-defined]
        check_in.refreshes = diary.host.refreshes - refreshes  # type: ignore[attr-defined]
        return elapsed

    def floor() -> float:
        given = CheckinInput(recorded_at=diary.clock.now(), pain=next(scores) % 11)
        start = time.perf_counter()
        session.diary.record_checkin(given)
        return time.perf_counter() - start

    try:
        check_in()
        floor()
        median_s, floor_s = median_pair(check_in, floor, repeats)
    finally:
        event.remove(session.store.database.engine, "before_cursor_execute", record)
        del session.store.request_save
        assert window.lock_now()
        window.close()
        window.deleteLater()
        app.processEvents()
    return {
        "median_s": median_s,
        "floor_s": floor_s,
        "sql_statements": check_in.statements,  # type: ignore[attr-defined]
        "parts_refreshed": check_in.refreshes,  # type: ignore[attr-defined]
    }


def bench_checkin(folder: Path, repeats: int) -> dict[str, Any]:
    """Ratio on the given (ten-year) diary; the one-year figure and the ten/one ratio alongside."""
    from make_vault import make_vault

    one_year = folder.parent / "one-year"
    if not (one_year / "diary.vault").exists():
        make_vault(one_year, days=365, seed=2)
    small = _one_diary(one_year, repeats)
    large = _one_diary(folder, repeats)
    return figure(
        large["median_s"],
        large["floor_s"],
        1.5,
        one_year_median_s=round(small["median_s"], 4),
        one_year_ratio=round(small["median_s"] / small["floor_s"], 2),
        ten_over_one=round(large["median_s"] / small["median_s"], 2),
        ten_over_one_target=1.2,
        sql_statements=large["sql_statements"],
        parts_refreshed=large["parts_refreshed"],
    )
